import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createAdamDatasets, validateTrialData } from '../../../clinical/index.js';
import type { FormRow, TrialData } from '../../../clinical/index.js';
import { crfSubjectId } from '../../../demo/index.js';
import { NCT05236621_PROTOCOL } from '../protocol.js';
import { createCohortPlan } from './createCohortPlan.js';
import { createDemoTrial } from './createDemoTrial.js';
import { computeDemoEligibility, verifyDemoTrial } from './verifyDemoTrial.js';

const started = performance.now();
const plan = createCohortPlan();
const planMs = performance.now() - started;
const renderStarted = performance.now();
const demo = createDemoTrial({ plan });
const renderMs = performance.now() - renderStarted;

test(`default SYNTHETIC trial (plan ${planMs.toFixed(0)} ms + render ${renderMs.toFixed(0)} ms) validates as raw CRFs`, (t) => {
  t.diagnostic(`createCohortPlan ${planMs.toFixed(0)} ms, rendering ${renderMs.toFixed(0)} ms (timing is benchmarked in bench/demo, not asserted)`);
  const outcome = validateTrialData(demo.trial, NCT05236621_PROTOCOL);
  assert.equal(outcome.ok, true, outcome.ok ? '' : JSON.stringify(outcome.issues.slice(0, 5)));
  assert.deepEqual(outcome.issues, []);
  assert.equal(demo.synthetic, true);
  assert.equal(demo.trial.synthetic, true);
  assert.equal(demo.trial.protocolId, 'NCT05236621');
  assert.equal(demo.trial.protocolId, NCT05236621_PROTOCOL.identity.registryId);
  assert.equal(demo.trial.protocolVersion, NCT05236621_PROTOCOL.version);
  assert.ok(demo.trial.sites.every((site) => /Synthetic/.test(site.name)));
  assert.equal(demo.trial.subjects.length, plan.patients.length + plan.screenFailures.length);
  assert.equal(demo.trial.subjects.filter((s) => s.subject.screenFailure).length, plan.screenFailures.length);
});

test('default SYNTHETIC trial: everything derived through src/clinical is what the plan meant (zero mismatches)', () => {
  const mismatches = verifyDemoTrial(demo);
  assert.deepEqual(mismatches.slice(0, 10), []);
  assert.equal(mismatches.length, 0);
});

test('one screening record per screened subject, ids matching the CRF subjects; each screen failure fails its planned criterion', () => {
  assert.equal(demo.screening.length, 109);
  assert.deepEqual(
    demo.screening.map((record) => record.subjectId),
    demo.trial.subjects.map((record) => record.subject.subjectId),
  );
  for (const failure of plan.screenFailures) {
    const record = demo.screening.find((r) => r.subjectId === crfSubjectId(failure.siteId, failure.subjectId));
    assert.ok(record !== undefined);
    const result = computeDemoEligibility(record);
    assert.ok(result.ok);
    assert.equal(result.value.eligible, false);
    assert.deepEqual(
      result.value.criteria.filter((c) => c.status !== 'met').map((c) => c.id),
      [failure.failedCriterionId],
    );
  }
});

test('every enrolled subject meets every eligibility criterion on its generated screening record (85 of 85)', () => {
  const enrolled = new Set(plan.patients.map((p) => crfSubjectId(p.siteId, p.subjectId)));
  const records = demo.screening.filter((record) => typeof record.subjectId === 'string' && enrolled.has(record.subjectId));
  assert.equal(records.length, 85);
  const notMet = records.flatMap((record) => {
    const result = computeDemoEligibility(record);
    assert.ok(result.ok, JSON.stringify(result.issues));
    return result.value.criteria.filter((c) => c.status !== 'met').map((c) => `${record.subjectId}: ${c.id} ${c.status}`);
  });
  assert.deepEqual(notMet, []);
  // Table 1's printed minimum of 1 prior line contradicts the >= 2 criterion: the twin follows the criterion.
  assert.equal(Math.min(...plan.patients.map((p) => p.prior.lines)), 2);
});

test('the same seed gives the same trial; another seed another one', () => {
  assert.equal(JSON.stringify(createDemoTrial({ plan }).trial), JSON.stringify(demo.trial));
  const other = createDemoTrial({ plan: createCohortPlan({ seed: 5, size: 40 }) });
  assert.notEqual(JSON.stringify(other.trial.subjects[0]), JSON.stringify(demo.trial.subjects[0]));
});

test('sites reporting in conventional units exercise the conversion, and ADLB converts them to SI', () => {
  const units = new Set(demo.trial.subjects.flatMap((record) => record.labs.map((lab) => lab.unit)));
  for (const unit of ['/uL', '10^3/uL', 'g/dL', 'mg/dL', '10^9/L', 'g/L', 'umol/L']) assert.ok(units.has(unit), unit);
  const { datasets, issues } = createAdamDatasets(demo.trial, NCT05236621_PROTOCOL);
  assert.deepEqual(issues.filter((i) => i.severity !== 'warning'), []);
  const neutrophils = datasets.adlb.filter((row) => row.PARAMCD === 'neutrophils');
  assert.ok(neutrophils.length > 0 && neutrophils.every((row) => row.AVALU === '10^9/L' && row.AVAL < 20));
});

test('uncalibrated trial of 200 enrolled subjects validates and verifies', () => {
  const big = createDemoTrial({ seed: 11, size: 200 });
  assert.equal(big.plan.calibrated, false);
  assert.equal(big.plan.patients.length, 200);
  const outcome = validateTrialData(big.trial, NCT05236621_PROTOCOL);
  assert.equal(outcome.ok, true);
  assert.deepEqual(verifyDemoTrial(big).slice(0, 10), []);
});

test('verifyDemoTrial reports a trial whose raw data no longer say what the plan meant', () => {
  const broken = JSON.parse(JSON.stringify(demo.trial)) as TrialData;
  const p = plan.patients.find((patient) => patient.intended.cytogeneticRisk === 'high' && patient.os.dead);
  assert.ok(p !== undefined);
  const id = crfSubjectId(p.siteId, p.subjectId);
  const record = broken.subjects.find((s) => s.subject.subjectId === id);
  const baseline = record?.diseaseForms.baselineDisease?.[0] as { fish?: FormRow } | undefined;
  assert.ok(record !== undefined && baseline !== undefined);
  baseline.fish = { del17p: 'negative', t4_14: 'negative', t14_16: 'negative', gain1q21: 'negative', del13q: 'negative' };
  delete (record as { death?: unknown }).death;
  const checks = verifyDemoTrial({ ...demo, trial: broken }).filter((m) => m.subjectId === id).map((m) => m.check);
  assert.ok(checks.includes('CYTORISK'), checks.join(', '));
  assert.ok(checks.includes('OS event'), checks.join(', '));
});

test('dosing logs use ladder levels only, and planned reductions step one level per cycle', () => {
  const levels = new Set([4, 3, 2, 1]);
  for (const record of demo.trial.subjects) {
    const pomalidomide = record.dosing.filter((row) => row.drug === 'pomalidomide').sort((a, b) => a.cycle - b.cycle);
    pomalidomide.forEach((row, k) => {
      assert.ok(levels.has(row.doseGivenMg), `${record.subject.subjectId} cycle ${row.cycle}: ${row.doseGivenMg} mg`);
      if (k > 0) assert.ok(pomalidomide[k - 1].doseGivenMg - row.doseGivenMg <= 1, `${record.subject.subjectId} cycle ${row.cycle}`);
    });
  }
  const ladder = verifyDemoTrial(demo, { checkLadder: true }).filter((m) => m.check.startsWith('dose-ladder'));
  assert.equal(ladder.filter((m) => m.check === 'dose-ladder dose-not-on-ladder').length, 0);
});
