import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NCT05236621_PROTOCOL as P } from '../../protocols/nct05236621/index.js';
import { exampleAdverseEvent, nctSubject as exampleSubject, nctTrial as exampleTrial } from '../../protocols/nct05236621/testing/index.js';
import { addDays } from '../crf/index.js';
import type { AdverseEventForm, Relationship, AeAction } from '../crf/index.js';
import { createAdae } from './createAdae.js';
import { createAdsl } from './createAdsl.js';
import { summarizeAdverseEvents, tabulateAdverseEventsByTerm } from './summarizeAdverseEvents.js';

const ENROL = '2021-06-01';
// One cycle: pomalidomide days 1-21, dexamethasone days 1, 8, 15, 22 -> last dose on day 22.
const LAST_DOSE = addDays(ENROL, 21);

type AeOverrides = Partial<AdverseEventForm> & { readonly pom?: Relationship; readonly pomAction?: AeAction };

/** An AE of the test subject; `pom` / `pomAction` set the pomalidomide causality and action. */
function ae(onsetDate: string, overrides: AeOverrides = {}): AdverseEventForm {
  const { pom, pomAction, ...rest } = overrides;
  return exampleAdverseEvent(onsetDate, {
    relatedness: { pomalidomide: pom ?? 'probable', dexamethasone: 'not-related' },
    actionTaken: { pomalidomide: pomAction ?? 'none', dexamethasone: 'none' },
    ...rest,
  });
}

describe('createAdae', () => {
  it('flags treatment-emergent events from the first dose to 28 days after the last dose', () => {
    const events = [
      ae(addDays(ENROL, -1)),
      ae(ENROL),
      ae(addDays(LAST_DOSE, 28)),
      ae(addDays(LAST_DOSE, 29)),
    ];
    const trial = exampleTrial([exampleSubject(1, { cycles: 1, overrides: { adverseEvents: events } })]);
    const adsl = createAdsl(trial, P).dataset;
    assert.equal(adsl[0].TRTEDT, LAST_DOSE);
    const { dataset, issues } = createAdae(trial, P, adsl);
    assert.deepEqual(issues, []);
    assert.deepEqual(dataset.map((row) => row.TRTEMFL), ['N', 'Y', 'Y', 'N']);
    assert.deepEqual(dataset.map((row) => row.ASTDY), [-1, 1, 50, 51]);
  });

  it('marks the worst grade per subject and term and counts subjects once', () => {
    const s1 = [
      ae('2021-06-10', { grade: 2 }),
      ae('2021-06-20', { grade: 4, serious: true, pomAction: 'interrupted' }),
      ae('2021-07-01', { grade: 4 }),
      ae('2021-06-12', { preferredTerm: 'Pneumonia', reportedTerm: 'pneumonia', grade: 3, pom: 'unlikely', pomAction: 'withdrawn', systemOrganClass: 'Infections and infestations' }),
    ];
    const s2 = [
      ae('2021-06-15', { grade: 1 }),
      ae('2021-06-16', { preferredTerm: 'Deep vein thrombosis', reportedTerm: 'DVT', grade: 3, pom: 'possible', ledToStudyDiscontinuation: true, outcome: 'fatal' }),
    ];
    const s3 = [ae('2021-05-20', { grade: 3 })]; // before first dose: not treatment-emergent
    const trial = exampleTrial([
      exampleSubject(1, { overrides: { adverseEvents: s1 } }),
      exampleSubject(2, { overrides: { adverseEvents: s2 } }),
      exampleSubject(3, { overrides: { adverseEvents: s3 } }),
    ]);
    const adsl = createAdsl(trial, P).dataset;
    const { dataset } = createAdae(trial, P, adsl);
    assert.deepEqual(dataset.map((row) => row.WORSTFL), ['N', 'Y', 'N', 'Y', 'Y', 'Y', null]);
    assert.deepEqual(dataset[3].AEGRPS, ['infection']);
    assert.deepEqual(dataset[5].AEGRPS, ['thrombosis']);

    const overview = summarizeAdverseEvents(dataset, adsl, 'SAFFL');
    assert.deepEqual(overview.anyTeae, { n: 2, N: 3 });
    assert.deepEqual(overview.grade3Teae, { n: 2, N: 3 });
    assert.deepEqual(overview.relatedGrade3Teae, { n: 2, N: 3 });
    assert.deepEqual(overview.tesae, { n: 1, N: 3 });
    assert.deepEqual(overview.teaeDoseAdjustment, { n: 1, N: 3 });
    assert.deepEqual(overview.teaeDrugDiscontinuation, { n: 1, N: 3 });
    assert.deepEqual(overview.relatedTeaeDrugDiscontinuation, { n: 0, N: 3 });
    assert.deepEqual(overview.aeStudyDiscontinuation, { n: 1, N: 3 });
    assert.deepEqual(overview.death, { n: 1, N: 3 });

    const table = tabulateAdverseEventsByTerm(dataset, adsl, { safetyFlag: 'SAFFL', relatedOnly: true });
    assert.deepEqual(table.map((row) => [row.term, row.anyGrade, row.grade3OrMore]), [
      ['Neutrophil count decreased', 2, 1],
      ['Deep vein thrombosis', 1, 1],
    ]);
  });

  it('drops events starting after the cutoff and treats end dates after it as ongoing', () => {
    const events = [ae('2021-06-10', { endDate: '2021-07-10' }), ae('2021-06-20', { endDate: '2021-06-10' }), ae('2021-07-05')];
    const trial = exampleTrial([exampleSubject(1, { overrides: { adverseEvents: events } })], '2021-07-01');
    const { dataset, issues } = createAdae(trial, P, createAdsl(trial, P).dataset);
    assert.equal(dataset.length, 2);
    assert.equal(dataset[0].AENDT, null);
    assert.deepEqual(issues.map((item) => item.code), ['end-before-onset']);
  });
});
