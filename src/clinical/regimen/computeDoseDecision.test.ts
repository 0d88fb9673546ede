import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NCT05236621_REGIMEN as R } from '../../protocols/nct05236621/index.js';
import { checkDosingLog } from './checkDosingLog.js';
import { computeDoseDecision, type DoseDecision } from './computeDoseDecision.js';
import type { DoseHistoryEvent } from './doseStateMachine.js';

function decide(events: readonly DoseHistoryEvent[], date = '2021-12-31', ageYears = 62, treatmentStartDate?: string): DoseDecision {
  const out = computeDoseDecision({ ageYears, events, date, treatmentStartDate }, R);
  assert.ok(out.ok, JSON.stringify(out.issues));
  return out.value;
}

const pneumonia = (date: string, grade: number, relatedTo: readonly string[] = ['pomalidomide']): DoseHistoryEvent => ({
  type: 'toxicity',
  date,
  term: 'Pneumonia',
  grade,
  relatedTo,
});
const pneumoniaBack = (date: string, grade: number): DoseHistoryEvent => ({ type: 'recovery', date, term: 'Pneumonia', grade });
const neutropenia = (date: string, anc: number): DoseHistoryEvent => ({
  type: 'toxicity',
  date,
  term: 'Neutrophil count decreased',
  grade: anc < 0.5 ? 4 : 3,
  relatedTo: ['pomalidomide'],
  ancX10e9PerL: anc,
});
const ancBack = (date: string, anc: number): DoseHistoryEvent => ({ type: 'recovery', date, term: 'Neutrophil count decreased', grade: anc >= 0.5 ? 3 : 4, ancX10e9PerL: anc });
const thrombocytopenia = (date: string, platelets: number): DoseHistoryEvent => ({
  type: 'toxicity',
  date,
  term: 'Platelet count decreased',
  grade: platelets < 25 ? 4 : 3,
  relatedTo: ['pomalidomide'],
  plateletsX10e9PerL: platelets,
});
const plateletsBack = (date: string, platelets: number): DoseHistoryEvent => ({
  type: 'recovery',
  date,
  term: 'Platelet count decreased',
  grade: platelets >= 50 ? 2 : 3,
  plateletsX10e9PerL: platelets,
});

describe('computeDoseDecision: pomalidomide ladder', () => {
  it('places the date from the latest recorded cycle start, so a delayed cycle is not read on the grid of cycle 1 day 1', () => {
    // cycle 2 began 21 days late: on the rigid grid its day 1 would be cycle 2 day 22, a rest day
    const events: DoseHistoryEvent[] = [
      { type: 'dose', date: '2021-05-20', drug: 'pomalidomide', mg: 4, cycle: 1 },
      { type: 'dose', date: '2021-07-08', drug: 'pomalidomide', mg: 4, cycle: 2 },
    ];
    const onDay1 = decide(events, '2021-07-08', 62, '2021-05-20').schedule;
    assert.deepEqual([onDay1?.cycle, onDay1?.cycleDay, onDay1?.dosingDays.pomalidomide], [2, 1, true]);
    const next = decide(events, '2021-08-05', 62, '2021-05-20').schedule;
    assert.deepEqual([next?.cycle, next?.cycleDay], [3, 1]);
    const rigid = decide(events.slice(0, 1), '2021-07-08', 62, '2021-05-20').schedule;
    assert.deepEqual([rigid?.cycle, rigid?.cycleDay, rigid?.dosingDays.pomalidomide], [2, 22, false], 'without a recorded cycle 2 start, the grid of cycle 1 day 1');
  });

  it('starts at 4 mg and 40 mg dexamethasone with no events', () => {
    const d = decide([]);
    assert.deepEqual([d.drugs[0].doseMg, d.drugs[1].doseMg, d.action, d.drugs[1].action], [4, 40, 'continue', 'continue']);
    assert.match(d.reason, /starting dose/);
  });

  it('walks the whole ladder 4 -> 3 -> 2 -> 1 -> discontinue, one level per recurrence', () => {
    const events: DoseHistoryEvent[] = [];
    const expected: [number | null, string][] = [];
    const months = ['02', '03', '04'];
    for (const month of months) {
      events.push(pneumonia(`2021-${month}-01`, 3));
      expected.push([decide(events).drugs[0].doseMg, decide(events).action]);
      events.push(pneumoniaBack(`2021-${month}-10`, 2));
      expected.push([decide(events).drugs[0].doseMg, decide(events).action]);
    }
    events.push(pneumonia('2021-05-01', 4));
    const last = decide(events);
    expected.push([last.drugs[0].doseMg, last.action]);
    assert.deepEqual(expected, [
      [null, 'hold'],
      [3, 'resume-reduced'],
      [null, 'hold'],
      [2, 'resume-reduced'],
      [null, 'hold'],
      [1, 'resume-reduced'],
      [null, 'discontinue'],
    ]);
    assert.match(last.reason, /lowest level: discontinue/);
    // The regimen stops with pomalidomide.
    assert.equal(last.drugs[1].doseMg, null);
    assert.equal(last.drugs[1].action, 'discontinue');
  });

  it('says why in words that cite the rule', () => {
    const held = decide([pneumonia('2021-02-01', 3)]);
    assert.match(held.reason, /pomalidomide-related grade 3 Pneumonia: interrupt pomalidomide; resume at 3 mg when grade <= 2/);
    assert.match(held.reason, /MM-003/);
  });

  it('moves from resume-reduced to continue once a dose at the new level is recorded', () => {
    const events: DoseHistoryEvent[] = [pneumonia('2021-02-01', 3), pneumoniaBack('2021-02-10', 1)];
    assert.equal(decide(events).action, 'resume-reduced');
    events.push({ type: 'dose', date: '2021-02-11', drug: 'pomalidomide', mg: 3 });
    const d = decide(events);
    assert.deepEqual([d.drugs[0].doseMg, d.action], [3, 'continue']);
  });

  it('ignores unrelated and grade 1-2 non-haematological toxicity, and grade 5 discontinues', () => {
    assert.equal(decide([pneumonia('2021-02-01', 3, [])]).action, 'continue');
    assert.equal(decide([pneumonia('2021-02-01', 2)]).action, 'continue');
    assert.equal(decide([pneumonia('2021-02-01', 5, [])]).action, 'discontinue');
  });

  it('keeps the hold while the toxicity is still grade 3, and resumes at grade 2', () => {
    assert.equal(decide([pneumonia('2021-02-01', 4), pneumoniaBack('2021-02-05', 3)]).action, 'hold');
    assert.equal(decide([pneumonia('2021-02-01', 4), pneumoniaBack('2021-02-05', 2)]).drugs[0].doseMg, 3);
  });

  it('looks only at events up to the date asked about', () => {
    const events = [pneumonia('2021-02-01', 3), pneumoniaBack('2021-02-10', 2)];
    assert.equal(decide(events, '2021-01-31').drugs[0].doseMg, 4);
    assert.equal(decide(events, '2021-02-09').action, 'hold');
    assert.equal(decide(events, '2021-02-10').drugs[0].doseMg, 3);
  });
});

describe('computeDoseDecision: haematological thresholds (label)', () => {
  it('holds for ANC < 0.5 x10^9/L, not for ANC 0.5 (grade 3)', () => {
    assert.equal(decide([neutropenia('2021-02-01', 0.49)]).action, 'hold');
    assert.equal(decide([neutropenia('2021-02-01', 0.5)]).action, 'continue');
    assert.equal(decide([neutropenia('2021-02-01', 0.51)]).action, 'continue');
  });

  it('resumes one level lower once ANC >= 0.5', () => {
    assert.equal(decide([neutropenia('2021-02-01', 0.3), ancBack('2021-02-08', 0.49)]).action, 'hold');
    const d = decide([neutropenia('2021-02-01', 0.3), ancBack('2021-02-08', 0.5)]);
    assert.deepEqual([d.drugs[0].doseMg, d.action], [3, 'resume-reduced']);
  });

  it('holds for febrile neutropenia whatever the count, and resumes at ANC >= 0.5', () => {
    const fn: DoseHistoryEvent = { type: 'toxicity', date: '2021-02-01', term: 'Febrile neutropenia', grade: 3, relatedTo: [], ancX10e9PerL: 0.8 };
    assert.equal(decide([fn]).action, 'hold');
    assert.equal(decide([fn, ancBack('2021-02-06', 0.7)]).drugs[0].doseMg, 3);
  });

  it('holds for platelets < 25 x10^9/L, not at 25; resumes at >= 50', () => {
    assert.equal(decide([thrombocytopenia('2021-02-01', 24)]).action, 'hold');
    assert.equal(decide([thrombocytopenia('2021-02-01', 25)]).action, 'continue');
    assert.equal(decide([thrombocytopenia('2021-02-01', 10), plateletsBack('2021-02-08', 49)]).action, 'hold');
    assert.equal(decide([thrombocytopenia('2021-02-01', 10), plateletsBack('2021-02-08', 50)]).drugs[0].doseMg, 3);
  });

  it('uses the grade when no count is given (grade 4 holds; recovery to grade 3 neutropenia resumes)', () => {
    const g4: DoseHistoryEvent = { type: 'toxicity', date: '2021-02-01', term: 'Neutrophil count decreased', grade: 4, relatedTo: ['pomalidomide'] };
    const back: DoseHistoryEvent = { type: 'recovery', date: '2021-02-08', term: 'Neutrophil count decreased', grade: 3 };
    assert.equal(decide([g4]).action, 'hold');
    assert.equal(decide([g4, back]).drugs[0].doseMg, 3);
  });

  it('costs one level per hold episode, resuming only when every holding toxicity has recovered', () => {
    const events = [neutropenia('2021-02-01', 0.3), thrombocytopenia('2021-02-03', 20), ancBack('2021-02-08', 0.9)];
    assert.equal(decide(events).action, 'hold');
    const d = decide([...events, plateletsBack('2021-02-12', 60)]);
    assert.deepEqual([d.drugs[0].doseMg, d.action], [3, 'resume-reduced']);
  });
});

describe('computeDoseDecision: dexamethasone', () => {
  const dexTox = (date: string): DoseHistoryEvent => ({ type: 'toxicity', date, term: 'Hyperglycemia', grade: 3, relatedTo: ['dexamethasone'] });
  const dexBack = (date: string): DoseHistoryEvent => ({ type: 'recovery', date, term: 'Hyperglycemia', grade: 1 });

  it('reduces 40 -> 20 -> 10 -> discontinue for dexamethasone-related toxicity, pomalidomide untouched', () => {
    const seen: (number | null)[] = [];
    const events: DoseHistoryEvent[] = [];
    for (const month of ['02', '03']) {
      events.push(dexTox(`2021-${month}-01`));
      seen.push(decide(events).drugs[1].doseMg);
      events.push(dexBack(`2021-${month}-10`));
      seen.push(decide(events).drugs[1].doseMg);
    }
    events.push(dexTox('2021-04-01'));
    const last = decide(events);
    seen.push(last.drugs[1].doseMg);
    assert.deepEqual(seen, [null, 20, null, 10, null]);
    assert.equal(last.drugs[1].action, 'discontinue');
    assert.deepEqual([last.drugs[0].doseMg, last.action], [4, 'continue']);
  });

  it('starts at 20 mg above 75 years and reduces 20 -> 12 -> 8', () => {
    assert.equal(decide([], '2021-12-31', 76).drugs[1].doseMg, 20);
    assert.equal(decide([], '2021-12-31', 75).drugs[1].doseMg, 40);
    const once = decide([dexTox('2021-02-01'), dexBack('2021-02-10')], '2021-12-31', 80);
    assert.equal(once.drugs[1].doseMg, 12);
    const twice = decide([dexTox('2021-02-01'), dexBack('2021-02-10'), dexTox('2021-03-01'), dexBack('2021-03-10')], '2021-12-31', 80);
    assert.equal(twice.drugs[1].doseMg, 8);
  });

  it('holds both drugs for a toxicity related to both', () => {
    const d = decide([pneumonia('2021-02-01', 3, ['pomalidomide', 'dexamethasone']), pneumoniaBack('2021-02-09', 2)]);
    assert.deepEqual([d.drugs[0].doseMg, d.drugs[1].doseMg], [3, 20]);
  });
});

describe('computeDoseDecision: calendar and validation', () => {
  it('reports the cycle day and stops after 26 cycles', () => {
    const d = decide([], '2021-04-19', 62, '2021-03-29');
    assert.deepEqual([d.schedule?.cycle, d.schedule?.cycleDay, d.schedule?.dosingDays.pomalidomide, d.schedule?.dosingDays.dexamethasone], [1, 22, false, true]);
    assert.match(d.reason, /Pomalidomide: 4 mg.*not a dosing day/);
    // Cycle 27 would start 26 x 28 = 728 days after cycle 1 day 1.
    assert.equal(decide([], '2023-03-26', 62, '2021-03-29').action, 'continue');
    const beyond = decide([], '2023-03-27', 62, '2021-03-29');
    assert.deepEqual([beyond.action, beyond.drugs[0].doseMg], ['discontinue', null]);
    assert.match(beyond.reason, /maximum of 26 cycles/);
  });

  it('rejects events out of order, bad grades and unknown drugs, naming the event', () => {
    const out = computeDoseDecision({
      ageYears: 62,
      date: '2021-12-31',
      events: [
        pneumonia('2021-03-01', 3),
        { type: 'toxicity', date: '2021-02-01', term: 'Pneumonia', grade: 7, relatedTo: ['pomalidomide'] },
        { type: 'dose', date: '2021-03-02', drug: 'aspirin', mg: 100 },
      ],
    }, R);
    assert.equal(out.ok, false);
    assert.deepEqual(out.issues.map((i) => [i.code, i.path.join('.')]), [
      ['events-out-of-order', 'events.1.date'],
      ['bad-grade', 'events.1.grade'],
      ['unknown-drug', 'events.2.drug'],
    ]);
  });
});

describe('checkDosingLog', () => {
  it('finds no deviation in a log that follows the ladder', () => {
    const out = checkDosingLog({
      ageYears: 62,
      treatmentStartDate: '2021-03-29',
      events: [
        { type: 'dose', date: '2021-03-29', drug: 'pomalidomide', mg: 4 },
        { type: 'dose', date: '2021-03-29', drug: 'dexamethasone', mg: 40 },
        pneumonia('2021-04-05', 3),
        pneumoniaBack('2021-04-12', 2),
        { type: 'dose', date: '2021-04-12', drug: 'pomalidomide', mg: 3 },
        { type: 'dose', date: '2021-04-12', drug: 'dexamethasone', mg: 40 },
      ],
    }, R);
    assert.ok(out.ok);
    assert.deepEqual(out.value, []);
  });

  it('flags doses during a hold, above the level, off the ladder, below the level and on rest days', () => {
    const out = checkDosingLog({
      ageYears: 62,
      treatmentStartDate: '2021-03-29',
      events: [
        pneumonia('2021-03-30', 3),
        { type: 'dose', date: '2021-03-31', drug: 'pomalidomide', mg: 4 },
        pneumoniaBack('2021-04-02', 2),
        { type: 'dose', date: '2021-04-03', drug: 'pomalidomide', mg: 4 },
        { type: 'dose', date: '2021-04-04', drug: 'pomalidomide', mg: 2.5 },
        { type: 'dose', date: '2021-04-05', drug: 'dexamethasone', mg: 20 },
        { type: 'dose', date: '2021-04-19', drug: 'pomalidomide', mg: 3 },
      ],
    }, R);
    assert.ok(out.ok);
    assert.deepEqual(out.value.map((d) => [d.eventIndex, d.code, d.expectedMg]), [
      [1, 'dose-during-hold', null],
      [3, 'dose-above-level', 3],
      [4, 'dose-not-on-ladder', 3],
      [5, 'dose-below-level', 40],
      [6, 'dose-on-rest-day', 3],
    ]);
  });

  it('flags doses after discontinuation', () => {
    const out = checkDosingLog({
      ageYears: 62,
      events: [pneumonia('2021-03-30', 5), { type: 'dose', date: '2021-04-01', drug: 'dexamethasone', mg: 40 }],
    }, R);
    assert.ok(out.ok);
    assert.deepEqual(out.value.map((d) => d.code), ['dose-after-discontinuation']);
  });
});
