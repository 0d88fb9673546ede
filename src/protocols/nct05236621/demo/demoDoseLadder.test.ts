import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkDosingLog, computeDoseDecision, createDoseHistory, type DoseDecision, type SubjectRecord } from '../../../clinical/index.js';
import { crfSubjectId } from '../../../demo/index.js';
import { NCT05236621_REGIMEN } from '../regimen.js';
import { createCohortPlan } from './createCohortPlan.js';
import { createDemoTrial } from './createDemoTrial.js';

const demo = createDemoTrial({ plan: createCohortPlan() });
const ageOf = new Map(demo.plan.patients.map((p) => [crfSubjectId(p.siteId, p.subjectId), p.age]));
const enrolled = demo.trial.subjects.filter((record) => !record.subject.screenFailure);

/** The dose the decision gives a drug of the regimen. */
const doseOf = (decision: DoseDecision, drug: string): number | null | undefined => decision.drugs.find((d) => d.drug === drug)?.doseMg;

/** The history exactly as the EDC's live dose proposal (src/server/liveLogic.ts proposeDose) builds it. */
function deviationsOf(record: SubjectRecord): string[] {
  const history = createDoseHistory({ adverseEvents: record.adverseEvents, dosing: record.dosing, labs: record.labs }, NCT05236621_REGIMEN);
  const ageYears = ageOf.get(record.subject.subjectId) as number;
  const checked = checkDosingLog({ ageYears, treatmentStartDate: history.treatmentStartDate, events: history.events }, NCT05236621_REGIMEN);
  assert.ok(checked.ok, JSON.stringify(checked.issues));
  return checked.value.map((d) => `${d.date} ${d.drug} ${d.givenMg} mg: ${d.code}: ${d.message}`);
}

test('every enrolled SYNTHETIC subject is dosed by the ladder: checkDosingLog finds no deviation (AEs, labs and dosing rows as the EDC reads them)', () => {
  assert.equal(enrolled.length, 85);
  const flagged = enrolled.map((record) => [record.subject.subjectId, deviationsOf(record)] as const).filter(([, list]) => list.length > 0);
  assert.deepEqual(flagged.slice(0, 3), []);
  assert.equal(flagged.length, 0);
});

test('the ladder is what reduces the doses: replayed to the last dosing row, it ends at the level of every subject and of the paper (24 reduced; 11 dexamethasone 40 -> 20 mg)', () => {
  let pomalidomideReduced = 0;
  let dexamethasoneReduced = 0;
  for (const record of enrolled) {
    const history = createDoseHistory({ adverseEvents: record.adverseEvents, dosing: record.dosing, labs: record.labs }, NCT05236621_REGIMEN);
    const lastRow = (drug: string) => record.dosing.filter((row) => row.drug === drug && row.daysGiven > 0).sort((a, b) => a.cycle - b.cycle).at(-1);
    const pom = lastRow('pomalidomide');
    const dex = lastRow('dexamethasone');
    assert.ok(pom !== undefined && dex !== undefined && history.treatmentStartDate !== null);
    const decision = computeDoseDecision(
      { ageYears: ageOf.get(record.subject.subjectId) as number, treatmentStartDate: history.treatmentStartDate, events: history.events, date: pom.startDate },
      NCT05236621_REGIMEN,
    );
    assert.ok(decision.ok);
    assert.equal(doseOf(decision.value, 'pomalidomide'), pom.doseGivenMg, record.subject.subjectId);
    if (pom.doseGivenMg < 4) pomalidomideReduced += 1;
    assert.equal(doseOf(decision.value, 'dexamethasone'), dex.doseGivenMg, record.subject.subjectId);
    const firstDex = record.dosing.find((row) => row.drug === 'dexamethasone' && row.cycle === 1);
    if (firstDex !== undefined && dex.doseGivenMg < firstDex.doseGivenMg) dexamethasoneReduced += 1;
  }
  assert.equal(pomalidomideReduced, 24);
  assert.equal(dexamethasoneReduced, 11);
});

test('the check can fail: a reduced cycle given at the old level, or a dose while a grade 4 neutropenia holds, is flagged', () => {
  const reduced = enrolled.find((record) => record.dosing.some((row) => row.drug === 'pomalidomide' && row.reduced));
  assert.ok(reduced !== undefined);
  const raised: SubjectRecord = { ...reduced, dosing: reduced.dosing.map((row) => (row.drug === 'pomalidomide' && row.reduced ? { ...row, doseGivenMg: row.doseGivenMg + 1 } : row)) };
  assert.ok(deviationsOf(raised).some((d) => /dose-above-level/.test(d)), deviationsOf(raised).join('\n'));

  // A subject never reduced and without a neutropenia AE (whose end would lift the hold).
  const plain = enrolled.find(
    (record) =>
      record.dosing.filter((row) => row.drug === 'pomalidomide').length >= 3 &&
      !record.dosing.some((row) => row.reduced) &&
      !record.adverseEvents.some((ae) => /neutrophil|neutropenia/i.test(ae.preferredTerm)),
  );
  assert.ok(plain !== undefined);
  const cycle2 = plain.dosing.find((row) => row.drug === 'pomalidomide' && row.cycle === 2);
  assert.ok(cycle2 !== undefined);
  // A neutrophil count of 0.3 x10^9/L two days before cycle 2, never recovered: no AE form needed.
  const day = new Date(`${cycle2.startDate}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 2);
  const low = { date: day.toISOString().slice(0, 10), visit: 'unscheduled', analyte: 'neutrophils', value: 0.3, unit: '10^9/L', lln: 1.8, uln: 6.3, source: 'local' as const };
  const held: SubjectRecord = { ...plain, labs: [...plain.labs.filter((lab) => lab.analyte !== 'neutrophils' || lab.date < low.date), low] };
  assert.ok(deviationsOf(held).some((d) => /pomalidomide .*dose-during-hold/.test(d)), deviationsOf(held).join('\n'));
});
