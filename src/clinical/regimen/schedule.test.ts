import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NCT05236621_REGIMEN as R } from '../../protocols/nct05236621/index.js';
import { formatIsoDate, parseIsoDate } from '../dates/index.js';
import { computeCycleStartDates, cyclePosition } from './cycleSchedule.js';
import { computeVisitSchedule } from './visitSchedule.js';

function day(text: string): number {
  const d = parseIsoDate(text);
  assert.ok(d !== null);
  return d;
}

describe('computeCycleStartDates', () => {
  it('plans day 1 of each 28-day cycle from enrolment up to the end of treatment', () => {
    const out = computeCycleStartDates({ enrolmentDate: '2021-03-29', endOfTreatmentDate: '2021-06-21' }, R);
    assert.ok(out.ok);
    assert.deepEqual(out.value.map((c) => [c.cycle, c.startDate, c.studyDay]), [
      [1, '2021-03-29', 1],
      [2, '2021-04-26', 29],
      [3, '2021-05-24', 57],
      [4, '2021-06-21', 85],
    ]);
    const dayBefore = computeCycleStartDates({ enrolmentDate: '2021-03-29', endOfTreatmentDate: '2021-06-20' }, R);
    assert.ok(dayBefore.ok);
    assert.equal(dayBefore.value.length, 3);
  });

  it('stops at 26 cycles (2 years) and warns when the end of treatment is later', () => {
    const open = computeCycleStartDates({ enrolmentDate: '2021-03-29' }, R);
    assert.ok(open.ok);
    assert.equal(open.value.length, 26);
    assert.equal(open.value[25]?.startDate, formatIsoDate(day('2021-03-29') + 25 * 28));
    const late = computeCycleStartDates({ enrolmentDate: '2021-03-29', endOfTreatmentDate: '2023-06-01' }, R);
    assert.ok(late.ok);
    assert.equal(late.value.length, 26);
    assert.equal(late.issues[0]?.code, 'beyond-maximum-duration');
  });

  it('rejects bad dates', () => {
    const out = computeCycleStartDates({ enrolmentDate: '2021-13-01', endOfTreatmentDate: '2021-01-01' }, R);
    assert.equal(out.ok, false);
    assert.equal(out.issues[0]?.path[0], 'enrolmentDate');
    const backwards = computeCycleStartDates({ enrolmentDate: '2021-03-29', endOfTreatmentDate: '2021-03-28' }, R);
    assert.equal(backwards.issues[0]?.code, 'end-before-start');
  });
});

describe('cyclePosition', () => {
  it('knows the dosing days of each drug', () => {
    const start = day('2021-03-29');
    const at = (offset: number) => cyclePosition(start + offset, start, R);
    assert.deepEqual([at(0).cycle, at(0).cycleDay, at(0).dosingDays.pomalidomide, at(0).dosingDays.dexamethasone], [1, 1, true, true]);
    assert.deepEqual([at(20).cycleDay, at(20).dosingDays.pomalidomide], [21, true]);
    assert.deepEqual([at(21).cycleDay, at(21).dosingDays.pomalidomide, at(21).dosingDays.dexamethasone], [22, false, true]);
    assert.deepEqual([at(27).cycleDay, at(28).cycle, at(28).cycleDay], [28, 2, 1]);
    assert.equal(at(26 * 28 - 1).withinMaximumDuration, true);
    assert.equal(at(26 * 28).withinMaximumDuration, false);
  });
});

describe('computeVisitSchedule', () => {
  it('lists screening, CnD1 visits, end of treatment and follow-up every 84 days', () => {
    const out = computeVisitSchedule({
      screeningDate: '2021-03-20',
      enrolmentDate: '2021-03-29',
      endOfTreatmentDate: '2021-05-30',
      followUpUntilDate: '2021-11-15',
    }, R);
    assert.ok(out.ok);
    assert.deepEqual(out.value.map((v) => [v.visit, v.date, v.studyDay]), [
      ['SCREENING', '2021-03-20', -9],
      ['C1D1', '2021-03-29', 1],
      ['C2D1', '2021-04-26', 29],
      ['C3D1', '2021-05-24', 57],
      ['EOT', '2021-05-30', 63],
      ['FU1', '2021-08-22', 147],
      ['FU2', '2021-11-14', 231],
    ]);
  });

  it('follows up for 2 years after the end of treatment by default', () => {
    const out = computeVisitSchedule({ enrolmentDate: '2021-03-29', endOfTreatmentDate: '2021-05-30' }, R);
    assert.ok(out.ok);
    const followUps = out.value.filter((v) => v.kind === 'follow-up');
    assert.equal(followUps.length, Math.floor(730 / 84));
    assert.equal(followUps[0]?.date, formatIsoDate(day('2021-05-30') + 84));
  });

  it('rejects a screening after enrolment', () => {
    const out = computeVisitSchedule({ screeningDate: '2021-04-01', enrolmentDate: '2021-03-29', endOfTreatmentDate: '2021-05-30' }, R);
    assert.equal(out.ok, false);
    assert.equal(out.issues[0]?.code, 'screening-after-enrolment');
  });
});
