import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseIsoDate } from '../../../clinical/index.js';
import { NCT05236621_ELIGIBILITY } from '../eligibility.js';
import type { CohortPlan, EnrolledPatientPlan } from './cohortPlanTypes.js';
import { computePlanTallies, derivedStages } from './computePlanTallies.js';
import { createCohortPlan } from './createCohortPlan.js';

const day = (text: string): number => parseIsoDate(text) as number;

const started = performance.now();
const plan = createCohortPlan();
const buildMs = performance.now() - started;

/** Realism rules every planned subject must obey, calibrated or not; returns the breaches. */
function breaches(p: EnrolledPatientPlan, cutoffDate: string): string[] {
  const out: string[] = [];
  const fail = (why: string): number => out.push(`${p.subjectId}: ${why}`);
  const cut = day(cutoffDate) - day(p.enrolmentDate) + 1;
  if (cut !== p.cutoffDay) fail('cutoffDay');
  if (day(p.enrolmentDate) < day(p.screeningDate)) fail('enrolled before screening');
  const visits = p.assessmentDays;
  if (visits[0] !== 1) fail('baseline not on day 1');
  for (let k = 1; k < visits.length; k++) if (visits[k] <= visits[k - 1]) fail('assessments not increasing');
  if (visits.some((v) => v > cut)) fail('assessment after cutoff');
  if (p.os.day > cut) fail('OS after cutoff');
  if (p.os.day < p.pfs.day) fail('OS before PFS');
  if (p.treatment.lastDoseDay > cut || p.treatment.lastDoseDay < 1) fail('last dose outside study');
  if (p.pfs.progressionDay !== null) {
    const k = visits.indexOf(p.pfs.progressionDay);
    if (k < 1) fail('progression not on an assessment');
    else if (k + 1 >= visits.length) fail('progression not confirmed at the next assessment');
    if (p.response.irc === 'PD' && k > 2) fail('best response PD after confirmed stable disease');
    if (p.os.dead && p.os.day < visits[k + 1]) fail('death before confirmation');
  }
  if (p.pfs.event === 'progression' && p.pfs.day !== p.pfs.progressionDay) fail('PFS day is not the progression day');
  if (p.pfs.event === 'death' && (!p.os.dead || p.os.day !== p.pfs.day)) fail('PFS death without death');
  if (p.pfs.event === null && p.pfs.censorReason !== 'no-post-baseline-assessment' && p.pfs.censorReason !== 'consent-withdrawn' && !visits.includes(p.pfs.day)) {
    fail('PFS censored off an assessment');
  }
  if (p.response.firstResponseDay !== null) {
    const k = visits.indexOf(p.response.firstResponseDay);
    if (k < 1 || k + 1 >= visits.length) fail('first response not confirmed at the next assessment');
  }
  if (p.subtype === 'light-chain' && p.measurableParameter === 'serum-m-protein') fail('light-chain disease measured by serum M');
  if (p.os.dead !== (p.os.censorReason === null)) fail('OS censoring reason');
  if (p.adverseEvents.some((e) => e.onsetDay < 1 || e.onsetDay > p.treatment.lastDoseDay + 28)) fail('AE outside the TEAE window');
  if (p.synthetic !== true) fail('not labelled synthetic');
  return out;
}

function allBreaches(cohort: CohortPlan): string[] {
  return cohort.patients.flatMap((p) => breaches(p, cohort.dataCutoffDate));
}

describe('createCohortPlan (calibrated twin)', () => {
  it('is labelled synthetic and frozen', () => {
    assert.equal(plan.synthetic, true);
    assert.match(plan.note, /SYNTHETIC/);
    assert.equal(plan.calibrated, true);
    assert.ok(Object.isFrozen(plan) && Object.isFrozen(plan.patients) && Object.isFrozen(plan.patients[0]));
    assert.ok(plan.screenFailures.every((f) => f.synthetic));
  });

  // Speed is measured in bench/demo (node bench/demo/run.mjs), not asserted in a test; the build time
  // is printed as a diagnostic so a slowdown shows in the test log.
  it('is deterministic for a seed and differs between seeds', (t) => {
    t.diagnostic(`built in ${buildMs.toFixed(0)} ms`);
    assert.deepEqual(createCohortPlan({ seed: plan.seed }), plan);
    assert.notDeepEqual(createCohortPlan({ seed: plan.seed + 1 }).patients[0], plan.patients[0]);
  });


  it('screens 109 subjects at 32 centres between the published dates, 24 failing one named criterion', () => {
    assert.equal(plan.patients.length + plan.screenFailures.length, 109);
    assert.equal(plan.screenFailures.length, 24);
    const ids = new Set(NCT05236621_ELIGIBILITY.criteria.map((c) => c.id));
    for (const f of plan.screenFailures) assert.ok(ids.has(f.failedCriterionId), f.failedCriterionId);
    assert.ok(new Set(plan.screenFailures.map((f) => f.failedCriterionId)).size >= 8, 'a realistic mix of reasons');
    const screenings = [...plan.patients, ...plan.screenFailures].map((s) => day(s.screeningDate));
    assert.equal(Math.min(...screenings), day('2021-03-29'));
    assert.equal(Math.max(...screenings), day('2022-11-09'));
    assert.equal(new Set(plan.patients.map((p) => p.siteId)).size, 32);
  });

  it('keeps every subject realistic: assessment grid, confirmation, OS >= PFS, nothing after the cutoff', () => {
    assert.deepEqual(allBreaches(plan), []);
  });

  it('plans inputs from which the staging engines derive the intended ISS, R-ISS and cytogenetic risk', () => {
    for (const p of plan.patients) {
      const got = derivedStages(p);
      assert.deepEqual([got.iss, got.riss, got.risk], [p.intended.iss, p.intended.riss, p.intended.cytogeneticRisk], p.subjectId);
    }
  });

  it('has 4 investigator calls discordant with the IRC, none changing response or control status', () => {
    const discordant = plan.patients.filter((p) => p.response.irc !== p.response.investigator);
    assert.equal(discordant.length, 4);
  });

  it("follows the >= 2 prior lines criterion, not Table 1's printed minimum of 1 (median 4, range 2-16); one protocol violation stays", () => {
    const lines = plan.patients.map((p) => p.prior.lines).sort((a, b) => a - b);
    assert.deepEqual([lines[0], lines[42], lines[84]], [2, 4, 16]);
    assert.equal(plan.patients.filter((p) => p.treatment.endReason === 'protocol-violation').length, 1);
  });
});

describe('createCohortPlan (uncalibrated, any size)', () => {
  it('draws 10,000 realistic subjects from the same distributions', (t) => {
    const t0 = performance.now();
    const big = createCohortPlan({ seed: 11, size: 10_000 });
    t.diagnostic(`10,000 subjects in ${(performance.now() - t0).toFixed(0)} ms`);
    assert.equal(big.patients.length, 10_000);
    assert.equal(big.calibrated, false);
    assert.deepEqual(allBreaches(big), []);
    const tallies = computePlanTallies(big);
    const orr = tallies['efficacy.orr.overall'];
    assert.ok(orr.kind === 'proportion_ci' && orr.percent > 30 && orr.percent < 47, 'ORR near the published 38.8%');
  });

  it('follows a mix: more responders when the response class is weighted up', () => {
    const base = computePlanTallies(createCohortPlan({ seed: 3, size: 2000 }))['efficacy.orr.overall'];
    const rich = computePlanTallies(createCohortPlan({ seed: 3, size: 2000, mix: { responseClass: { resp: 3 } } }))['efficacy.orr.overall'];
    assert.ok(base.kind === 'proportion_ci' && rich.kind === 'proportion_ci');
    assert.ok(rich.n > base.n + 300, `${rich.n} vs ${base.n}`);
  });

  it('builds a small trial too', () => {
    const small = createCohortPlan({ seed: 1, size: 30 });
    assert.equal(small.patients.length, 30);
    assert.deepEqual(allBreaches(small), []);
  });
});
