import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays, createFormSchema } from '../clinical/index.js';
import type { SubjectRecord } from '../clinical/index.js';
import { NCT05236621_PROTOCOL as P } from '../protocols/nct05236621/index.js';
import { exampleAssessments, exampleDosing, nctSubject } from '../protocols/nct05236621/testing/index.js';
import { RET_CABO_2_PROTOCOL as RET } from '../protocols/ret-cabo-2/index.js';
import { deriveProtocolDeviations } from './deriveProtocolDeviations.js';

const CODES = { treatmentVisit: 'visit-schedule', responseAssessment: 'visit-schedule', studyTreatment: 'study-treatment' } as const;
const ENROL = '2021-06-01';

/** A subject whose cycle 3 starts `shiftDays` late, recorded as delayed for an AE or not. */
function shifted(shiftDays: number, toxicityDelay: boolean): SubjectRecord {
  const subject = nctSubject(1, { cycles: 4 });
  const dosing = exampleDosing(ENROL, 4).map((row) => {
    if (row.cycle < 3) return row;
    const moved = { ...row, startDate: addDays(row.startDate, shiftDays), endDate: addDays(row.endDate, shiftDays) };
    return row.cycle === 3 && toxicityDelay ? { ...moved, delayed: true, modificationReason: 'adverse-event' as const } : moved;
  });
  const assessments = [...exampleAssessments(ENROL, [30, 30, 30, 30], 'central'), ...exampleAssessments(ENROL, [30, 30, 30, 30], 'local')].map((row) =>
    row.visit === 'C3D1' || row.visit === 'C4D1' ? { ...row, date: addDays(row.date as string, shiftDays) } : row,
  );
  return { ...subject, dosing, diseaseForms: { ...subject.diseaseForms, diseaseAssessment: assessments } };
}

describe('deriveProtocolDeviations', () => {
  it('finds none when the records follow the schedule and the dose ladder', () => {
    assert.deepEqual(deriveProtocolDeviations(nctSubject(1, { cycles: 4 }), P, CODES), []);
  });

  it('finds a treatment visit out of its window unless the cycle was delayed for an adverse event', () => {
    const late = deriveProtocolDeviations(shifted(10, false), P, CODES);
    // Cycle 3 is 38 days after cycle 2 (28 +/- 7): a visit deviation, and its assessment came 38 days after the previous.
    assert.deepEqual(late.map((d) => [d.date, d.visit, d.category, d.severity]), [
      [addDays(ENROL, 66), 'C3D1', 'visit-schedule', 'minor'],
      [addDays(ENROL, 66), 'C3D1', 'visit-schedule', 'minor'],
    ]);
    assert.match(late[0].description as string, /Cycle 3 day 1 on day 38 after cycle 2 day 1 \(planned 28 \+\/- 7 days\)|Response assessment 38 days/);
    const delayed = deriveProtocolDeviations(shifted(10, true), P, CODES);
    assert.deepEqual(delayed.map((d) => d.description), ['Response assessment 38 days after the previous one (planned every 28 +/- 7 days), at a cycle delayed for an adverse event.']);
    // Within the window: nothing.
    assert.deepEqual(deriveProtocolDeviations(shifted(6, false), P, CODES), []);
  });

  it('reports a dose the ladder did not allow as a major study-treatment deviation', () => {
    const subject = nctSubject(1, { cycles: 3 });
    const dosing = subject.dosing.map((row) => (row.drug === 'pomalidomide' && row.cycle === 2 ? { ...row, doseGivenMg: 5 } : row));
    const found = deriveProtocolDeviations({ ...subject, dosing }, P, CODES);
    assert.deepEqual(found.map((d) => [d.category, d.severity]), [['study-treatment', 'major']]);
  });

  it('writes records the protocol deviation form accepts', () => {
    const schema = createFormSchema(P.forms.find((f) => f.id === 'protocolDeviation') ?? assert.fail('no form'), P.codelists);
    for (const row of [...deriveProtocolDeviations(shifted(10, false), P, CODES), ...deriveProtocolDeviations(shifted(10, true), P, CODES)]) {
      assert.equal(schema.safeParse(row).success, true, JSON.stringify(row));
    }
  });

  it('dates the scans of a protocol with its own assessment calendar from cycle 1 day 1', () => {
    assert.ok(RET.schedule.visits.some((v) => v.kind === 'response-assessment' && v.everyDays === 56));
    const subject: SubjectRecord = {
      ...nctSubject(1, { cycles: 1 }),
      dosing: [{ cycle: 1, drug: 'cabozantinib', startDate: ENROL, endDate: addDays(ENROL, 27), plannedDoseMg: 60, plannedDays: 28, doseGivenMg: 60, daysGiven: 28, delayed: false, interrupted: false, reduced: false }],
      diseaseForms: {
        tumourAssessment: [
          { date: addDays(ENROL, -7), visit: 'SCREENING', source: 'local', lesions: [], newLesion: 'no' },
          // Day 57 + 10: outside 56 +/- 7; then day 225 (assessment 4): assessment 3 was skipped.
          { date: addDays(ENROL, 66), visit: 'TA1', source: 'local', lesions: [], newLesion: 'no' },
          { date: addDays(ENROL, 224), visit: 'TA4', source: 'local', lesions: [], newLesion: 'no' },
        ],
      },
    };
    const found = deriveProtocolDeviations(subject, RET, { ...CODES, responseAssessment: 'tumour-assessment' });
    assert.deepEqual(found.map((d) => [d.date, d.visit, d.severity]), [[addDays(ENROL, 66), 'TA1', 'minor'], [addDays(ENROL, 112), 'TA2', 'major'], [addDays(ENROL, 168), 'TA3', 'major']]);
  });
});
