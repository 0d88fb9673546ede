import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NCT05236621_REGIMEN as R } from '../../protocols/nct05236621/index.js';
import { checkDosingLog } from './checkDosingLog.js';
import type { DoseHistoryEvent } from './doseStateMachine.js';

// The ladder cases (hold, above/below level, off ladder, after discontinuation) are in computeDoseDecision.test.ts.
describe('checkDosingLog: the calendar moves with recorded cycle starts', () => {
  // Cycle 2 delayed by 10 days (2021-04-26 planned, 2021-05-06 given), cycle 3 28 days later.
  const delayed = (withCycle: boolean): DoseHistoryEvent[] =>
    (
      [
        ['2021-03-29', 1],
        ['2021-05-06', 2],
        ['2021-06-03', 3],
      ] as const
    ).flatMap(([date, cycle]) =>
      (['pomalidomide', 'dexamethasone'] as const).map((drug): DoseHistoryEvent => ({ type: 'dose', date, drug, mg: drug === 'pomalidomide' ? 4 : 40, ...(withCycle ? { cycle } : {}) })),
    );

  it('a dose event with its cycle is that cycle\'s day 1: a delayed cycle is not a rest day', () => {
    const out = checkDosingLog({ ageYears: 62, treatmentStartDate: '2021-03-29', events: delayed(true) }, R);
    assert.ok(out.ok);
    assert.deepEqual(out.value, []);
  });

  it('without the cycle, the 28-day grid from cycle 1 day 1 puts the delayed doses on rest days (cycle 2 day 11 is no dexamethasone day)', () => {
    const out = checkDosingLog({ ageYears: 62, treatmentStartDate: '2021-03-29', events: delayed(false) }, R);
    assert.ok(out.ok);
    assert.deepEqual(out.value.map((d) => [d.date, d.drug, d.code]), [
      ['2021-05-06', 'dexamethasone', 'dose-on-rest-day'],
      ['2021-06-03', 'dexamethasone', 'dose-on-rest-day'],
    ]);
  });

  it('counts the 26-cycle maximum from the recorded cycle number, and days within a cycle from its start', () => {
    const out = checkDosingLog({
      ageYears: 62,
      treatmentStartDate: '2021-03-29',
      events: [
        { type: 'dose', date: '2023-06-01', drug: 'pomalidomide', mg: 4, cycle: 26 },
        { type: 'dose', date: '2023-06-23', drug: 'pomalidomide', mg: 4 },
        { type: 'dose', date: '2023-06-29', drug: 'pomalidomide', mg: 4 },
      ],
    }, R);
    assert.ok(out.ok);
    assert.deepEqual(out.value.map((d) => [d.date, d.code]), [
      ['2023-06-23', 'dose-on-rest-day'],
      ['2023-06-29', 'dose-beyond-maximum-duration'],
    ]);
  });

  it('rejects a cycle that is not a whole number >= 1', () => {
    const out = checkDosingLog({ ageYears: 62, events: [{ type: 'dose', date: '2021-03-29', drug: 'pomalidomide', mg: 4, cycle: 0 }] }, R);
    assert.equal(out.ok, false);
    assert.deepEqual(out.issues.map((i) => [i.code, i.path.join('.')]), [['bad-cycle', 'events.0.cycle']]);
  });
});
