import { computeCytogeneticRisk, computeIssStage, computeRissStage } from '../../../clinical/staging/index.js';
import { computeBinomialProportion } from '../../../stats/binomial/index.js';
import { computeFisherExact2x2 } from '../../../stats/fisher/index.js';
import { computePairwiseLogRank } from '../../../stats/logrank/index.js';
import { computeKaplanMeier, computeMedianFollowUp, computeSurvivalAt, computeSurvivalQuantiles } from '../../../stats/survival/index.js';
import type { BestResponse, CohortPlan, EnrolledPatientPlan, FishCall, IssStage } from './cohortPlanTypes.js';
import { TABLE3_TRAES, TRAES_OF_INTEREST } from './safetyPlan.js';

/**
 * Every published quantity recomputed FROM A COHORT PLAN with trialkit's own statistics (Clopper-Pearson,
 * Fisher, Kaplan-Meier with log-log limits, Brookmeyer-Crowley median limits, reverse KM, log-rank) and
 * staging engines, keyed by the ids of publication/published-results.json. Months = days / (365.25 / 12).
 */

export type Tally =
  | { readonly kind: 'count'; readonly n: number; readonly N: number; readonly percent: number }
  | { readonly kind: 'proportion_ci'; readonly n: number; readonly N: number; readonly percent: number; readonly ciLower: number; readonly ciUpper: number }
  | { readonly kind: 'median'; readonly value: number; readonly min: number; readonly max: number }
  | { readonly kind: 'km_median'; readonly value: number | null; readonly ciLower: number | null; readonly ciUpper: number | null }
  | { readonly kind: 'km_rate'; readonly value: number | null; readonly ciLower: number | null; readonly ciUpper: number | null }
  | { readonly kind: 'p_value'; readonly value: number };

export type PlanTallies = Readonly<Record<string, Tally>>;

const DAYS_PER_MONTH = 365.25 / 12;

function unwrapValue<T>(outcome: { ok: true; value: T } | { ok: false; issues: readonly unknown[] }, what: string): T {
  if (!outcome.ok) throw new Error(`${what}: ${JSON.stringify(outcome.issues)}`);
  return outcome.value;
}

function count(n: number, N: number): Tally {
  return { kind: 'count', n, N, percent: N === 0 ? 0 : (100 * n) / N };
}

function proportion(n: number, N: number): Tally {
  const result = unwrapValue(computeBinomialProportion({ x: n, n: N }), 'proportion');
  return {
    kind: 'proportion_ci',
    n,
    N,
    percent: (100 * n) / N,
    ciLower: 100 * result.clopperPearson.lower,
    ciUpper: 100 * result.clopperPearson.upper,
  };
}

function median(values: readonly number[]): Tally {
  const sorted = values.slice().sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { kind: 'median', value, min: sorted[0], max: sorted[sorted.length - 1] };
}

const toMonths = (days: number | null): number | null => (days === null ? null : days / DAYS_PER_MONTH);

interface Curve {
  readonly time: readonly number[];
  readonly status: readonly number[];
}

function kmMedian(curve: Curve): Tally {
  const km = unwrapValue(computeKaplanMeier({ time: curve.time, status: curve.status, confType: 'log-log' }), 'kaplan-meier');
  const [q] = unwrapValue(computeSurvivalQuantiles(km, [0.5]), 'quantiles');
  return { kind: 'km_median', value: toMonths(q.estimate), ciLower: toMonths(q.lower), ciUpper: toMonths(q.upper) };
}

function kmRate(curve: Curve, months: number): Tally {
  const km = unwrapValue(computeKaplanMeier({ time: curve.time, status: curve.status, confType: 'log-log' }), 'kaplan-meier');
  const [at] = unwrapValue(computeSurvivalAt(km, [months * DAYS_PER_MONTH]), 'survival at');
  const pct = (v: number | null): number | null => (v === null ? null : 100 * v);
  return { kind: 'km_rate', value: pct(at.survival), ciLower: pct(at.lower), ciUpper: pct(at.upper) };
}

function subset(curve: Curve, keep: readonly boolean[]): Curve {
  return { time: curve.time.filter((_, i) => keep[i]), status: curve.status.filter((_, i) => keep[i]) };
}

function logRankP(curve: Curve, labels: readonly (string | null)[], a: string, b: string): Tally {
  const keep = labels.map((l) => l === a || l === b);
  const part = subset(curve, keep);
  const group = labels.filter((_, i) => keep[i]) as string[];
  const pairs = unwrapValue(computePairwiseLogRank({ time: part.time, status: part.status, group, levels: [a, b] }), 'log-rank');
  return { kind: 'p_value', value: pairs[0].p };
}

function fisherP(x1: number, n1: number, x2: number, n2: number): Tally {
  const result = unwrapValue(computeFisherExact2x2({ a: x1, b: n1 - x1, c: x2, d: n2 - x2 }), 'fisher');
  return { kind: 'p_value', value: result.p };
}

const isResponse = (b: BestResponse): boolean => b === 'sCR' || b === 'CR' || b === 'VGPR' || b === 'PR';
const isControl = (b: BestResponse): boolean => isResponse(b) || b === 'MR' || b === 'SD';
const fishValue = (call: FishCall): boolean | null => (call === 'not-done' ? null : call === 'positive');

/** The stages the staging engines derive from a subject's planned inputs. */
export function derivedStages(p: EnrolledPatientPlan): { iss: IssStage | null; riss: IssStage | null; risk: 'high' | 'standard' | null } {
  const iss = unwrapValue(computeIssStage({ beta2MicroglobulinMgPerL: p.beta2MicroglobulinMgPerL, albuminGPerL: p.albuminGPerL }), 'ISS').stage;
  const risk = unwrapValue(
    computeCytogeneticRisk({
      del17p: fishValue(p.fish.del17p),
      t4_14: fishValue(p.fish.t4_14),
      t14_16: fishValue(p.fish.t14_16),
      gain1q21: fishValue(p.fish.gain1q21),
      del13q: fishValue(p.fish.del13q),
    }),
    'cytogenetic risk',
  ).risk;
  const riss = unwrapValue(computeRissStage({ issStage: iss, cytogeneticRisk: risk, ldhUPerL: p.ldhUPerL, ldhUlnUPerL: p.ldhUpperLimitUPerL }), 'R-ISS').stage;
  return { iss, riss, risk };
}

export function computePlanTallies(plan: CohortPlan): PlanTallies {
  const ps = plan.patients;
  const N = ps.length;
  const out: Record<string, Tally> = {};
  const has = (pred: (p: EnrolledPatientPlan) => boolean): number => ps.filter(pred).length;
  const put = (id: string, tally: Tally): void => {
    out[id] = Object.freeze(tally);
  };

  // Disposition.
  put('disposition.screened', count(ps.length + plan.screenFailures.length, ps.length + plan.screenFailures.length));
  put('disposition.enrolled', count(N, N));
  put('disposition.centres', count(new Set([...ps.map((p) => p.siteId), ...plan.screenFailures.map((f) => f.siteId)]).size, plan.sites.length));
  put('disposition.discontinued', count(has((p) => !p.treatment.ongoing), N));
  const reason = (r: string): number => has((p) => p.treatment.endReason === r);
  put('disposition.discontinued.pd', count(reason('progressive-disease'), N));
  put('disposition.discontinued.consent_withdrawn', count(reason('consent-withdrawn'), N));
  put('disposition.discontinued.teae', count(reason('adverse-event'), N));
  put('disposition.discontinued.investigator', count(reason('investigator-decision'), N));
  put('disposition.discontinued.death', count(reason('death'), N));
  put('disposition.discontinued.protocol_violation', count(reason('protocol-violation'), N));
  put('disposition.ongoing', count(has((p) => p.os.censorReason === 'alive-at-cutoff'), N));
  const treatment: Curve = { time: ps.map((p) => p.treatment.lastDoseDay), status: ps.map((p) => (p.treatment.ongoing ? 0 : 1)) };
  put('disposition.treatment_duration.median', kmMedian(treatment));

  // Dosing.
  const d = ps.map((p) => p.dosing);
  put('dosing.pom.any_adjustment', count(d.filter((x) => x.pomalidomideSteps.length + x.pomalidomideDelayedCycles.length + x.pomalidomideInterruptedCycles.length > 0).length, N));
  put('dosing.pom.dose_adjustment', count(d.filter((x) => x.pomalidomideSteps.length + x.pomalidomideInterruptedCycles.length > 0).length, N));
  put('dosing.pom.delayed', count(d.filter((x) => x.pomalidomideDelayedCycles.length > 0).length, N));
  put('dosing.pom.reduced', count(d.filter((x) => x.pomalidomideSteps.length > 0).length, N));
  for (const mg of [3, 2, 1]) put(`dosing.pom.reduced_to_${mg}mg`, count(d.filter((x) => x.pomalidomideSteps.some((s) => s.doseMg === mg)).length, N));
  put('dosing.dex.any_adjustment', count(d.filter((x) => x.dexamethasoneSteps.length + x.dexamethasoneSkippedDoseCycles.length + x.dexamethasoneDelayedCycles.length > 0).length, N));
  put('dosing.dex.dose_adjustment', count(d.filter((x) => x.dexamethasoneSteps.length + x.dexamethasoneSkippedDoseCycles.length > 0).length, N));
  put('dosing.dex.delayed', count(d.filter((x) => x.dexamethasoneDelayedCycles.length > 0).length, N));
  put('dosing.dex.reduced_to_20mg', count(d.filter((x) => x.dexamethasoneSteps.some((s) => s.doseMg === 20)).length, N));

  // Baseline (Table 1), stages derived by the staging engines from the planned inputs.
  const stages = ps.map(derivedStages);
  put('baseline.age.median', median(ps.map((p) => p.age)));
  put('baseline.age.lt65', count(has((p) => p.age < 65), N));
  put('baseline.age.65to75', count(has((p) => p.age >= 65 && p.age <= 75), N));
  put('baseline.age.gt75', count(has((p) => p.age > 75), N));
  put('baseline.age.ge65', count(has((p) => p.age >= 65), N));
  put('baseline.sex.male', count(has((p) => p.sex === 'M'), N));
  put('baseline.sex.female', count(has((p) => p.sex === 'F'), N));
  put('baseline.ecog.0_1', count(has((p) => p.ecog <= 1), N));
  put('baseline.ecog.2', count(has((p) => p.ecog === 2), N));
  const staged = stages.filter((s) => s.riss !== null).length;
  for (const st of ['I', 'II', 'III'] as const) {
    put(`baseline.iss.${st}`, count(stages.filter((s) => s.iss === st).length, N));
    put(`baseline.riss.${st}`, count(stages.filter((s) => s.riss === st).length, staged));
  }
  put('baseline.time_since_diagnosis.median', median(ps.map((p) => p.monthsSinceDiagnosis)));
  put('baseline.b2m.median', median(ps.map((p) => p.beta2MicroglobulinMgPerL)));
  put('baseline.cyto.high_risk', count(stages.filter((s) => s.risk === 'high').length, N));
  put('baseline.cyto.standard_risk', count(stages.filter((s) => s.risk === 'standard').length, N));
  put('baseline.cyto.missing', count(stages.filter((s) => s.risk === null).length, N));
  const probe = (key: keyof EnrolledPatientPlan['fish']): number => has((p) => p.fish[key] === 'positive');
  put('baseline.cyto.gain1q21', count(probe('gain1q21'), N));
  put('baseline.cyto.del13q', count(probe('del13q'), N));
  put('baseline.cyto.del17p', count(probe('del17p'), N));
  put('baseline.cyto.t4_14', count(probe('t4_14'), N));
  put('baseline.cyto.t14_16', count(probe('t14_16'), N));
  put('baseline.subtype.IgG', count(has((p) => p.subtype === 'IgG'), N));
  put('baseline.subtype.IgD', count(has((p) => p.subtype === 'IgD'), N));
  put('baseline.subtype.IgA', count(has((p) => p.subtype === 'IgA'), N));
  put('baseline.subtype.light_chain', count(has((p) => p.subtype === 'light-chain'), N));
  put('baseline.prior_lines.median', median(ps.map((p) => p.prior.lines)));
  for (const agent of ['lenalidomide', 'bortezomib', 'dexamethasone', 'cyclophosphamide']) {
    put(`baseline.prior.${agent}`, count(has((p) => p.prior.agents.includes(agent)), N));
  }
  put('baseline.prior.anti_cd38', count(has((p) => p.prior.antiCd38 !== null), N));
  put('baseline.prior.daratumumab', count(has((p) => p.prior.antiCd38 === 'daratumumab'), N));
  put('baseline.prior.isatuximab', count(has((p) => p.prior.antiCd38 === 'isatuximab'), N));
  put('baseline.prior.asct', count(has((p) => p.prior.asct), N));

  // Efficacy (IRC best response).
  const bor = ps.map((p) => p.response.irc);
  const responders = bor.filter(isResponse).length;
  put('efficacy.orr.overall', proportion(responders, N));
  put('efficacy.dcr.overall', proportion(bor.filter(isControl).length, N));
  const noPostBaseline = ps.map((p) => p.assessmentDays.length <= 1);
  for (const [id, level] of [['cr', 'CR'], ['vgpr', 'VGPR'], ['pr', 'PR'], ['mr', 'MR'], ['sd', 'SD'], ['pd', 'PD']] as const) {
    put(`efficacy.bor.${id}`, count(bor.filter((b) => b === level).length, N));
  }
  put('efficacy.bor.ne', count(bor.filter((b, i) => b === 'NE' && !noPostBaseline[i]).length, N));
  put('efficacy.bor.no_postbaseline', count(noPostBaseline.filter(Boolean).length, N));
  const responderPlans = ps.filter((p) => isResponse(p.response.irc));
  put('efficacy.responders.progressed', count(responderPlans.filter((p) => p.pfs.event !== null).length, responders));
  put('efficacy.responders.new_therapy', count(responderPlans.filter((p) => p.pfs.censorReason === 'new-therapy').length, responders));
  put('efficacy.responders.followup', count(responderPlans.filter((p) => p.pfs.event === null && p.pfs.censorReason !== 'new-therapy').length, responders));

  // Time to event.
  const pfs: Curve = { time: ps.map((p) => p.pfs.day), status: ps.map((p) => (p.pfs.event === null ? 0 : 1)) };
  const os: Curve = { time: ps.map((p) => p.os.day), status: ps.map((p) => (p.os.dead ? 1 : 0)) };
  const dor: Curve = {
    time: responderPlans.map((p) => p.pfs.day - (p.response.firstResponseDay as number) + 1),
    status: responderPlans.map((p) => (p.pfs.event === null ? 0 : 1)),
  };
  put('km.dor.overall.median', kmMedian(dor));
  put('km.dor.overall.rate3', kmRate(dor, 3));
  put('km.dor.overall.rate6', kmRate(dor, 6));
  const followUp = unwrapValue(computeMedianFollowUp({ time: os.time, status: os.status, confType: 'log-log' }), 'follow-up');
  put('km.followup.median', { kind: 'km_median', value: toMonths(followUp.estimate), ciLower: toMonths(followUp.lower), ciUpper: toMonths(followUp.upper) });
  put('os.deaths', count(has((p) => p.os.dead), N));
  put('os.censored.consent_withdrawn', count(has((p) => p.os.censorReason === 'consent-withdrawn'), N));
  put('os.censored.followup', count(has((p) => p.os.censorReason === 'alive-at-cutoff'), N));
  put('km.pfs.overall.median', kmMedian(pfs));
  put('km.pfs.overall.median.abstract', kmMedian(pfs));
  put('pfs.events.progression', count(has((p) => p.pfs.event === 'progression'), N));
  put('pfs.events.death', count(has((p) => p.pfs.event === 'death'), N));
  put('pfs.censored.followup', count(has((p) => p.pfs.censorReason === 'ongoing' || p.pfs.censorReason === 'no-post-baseline-assessment'), N));
  put('km.pfs.overall.rate6', kmRate(pfs, 6));
  put('km.pfs.overall.rate12', kmRate(pfs, 12));
  put('km.os.overall.median', kmMedian(os));
  put('km.os.overall.rate6', kmRate(os, 6));
  put('km.os.overall.rate12', kmRate(os, 12));
  const therapies = ps.flatMap((p) => p.subsequentTherapies.map((t) => t.agent));
  put('subsequent.anti_cd38', count(therapies.filter((a) => a === 'daratumumab' || a === 'isatuximab').length, N));
  put('subsequent.selinexor', count(therapies.filter((a) => a === 'selinexor').length, N));
  put('subsequent.car_t', count(therapies.filter((a) => a.startsWith('CAR-T')).length, N));
  put('subsequent.talquetamab', count(therapies.filter((a) => a === 'talquetamab').length, N));

  // Subgroups.
  const issLabel = stages.map((s) => s.iss);
  const rissLabel = stages.map((s) => s.riss);
  const group = (labels: readonly (string | null)[], value: string): { orr: number; dcr: number; n: number } => {
    const rows = bor.filter((_, i) => labels[i] === value);
    return { orr: rows.filter(isResponse).length, dcr: rows.filter(isControl).length, n: rows.length };
  };
  for (const [name, labels] of [['iss', issLabel], ['riss', rissLabel]] as const) {
    const g1 = group(labels, 'I');
    const g3 = group(labels, 'III');
    put(`subgroup.${name}.I.orr`, proportion(g1.orr, g1.n));
    put(`subgroup.${name}.III.orr`, proportion(g3.orr, g3.n));
    put(`subgroup.${name}.I.dcr`, proportion(g1.dcr, g1.n));
    put(`subgroup.${name}.III.dcr`, proportion(g3.dcr, g3.n));
    put(`fisher.orr.${name}_I_vs_III`, fisherP(g1.orr, g1.n, g3.orr, g3.n));
    put(`fisher.dcr.${name}_I_vs_III`, fisherP(g1.dcr, g1.n, g3.dcr, g3.n));
    for (const st of ['I', 'II', 'III'] as const) {
      const keep = labels.map((l) => l === st);
      put(`km.pfs.${name}.${st}.median`, kmMedian(subset(pfs, keep)));
      put(`km.os.${name}.${st}.median`, kmMedian(subset(os, keep)));
    }
  }
  put('logrank.pfs.iss_I_vs_III', logRankP(pfs, issLabel, 'I', 'III'));
  put('logrank.pfs.iss_II_vs_III', logRankP(pfs, issLabel, 'II', 'III'));
  put('logrank.os.iss_I_vs_III', logRankP(os, issLabel, 'I', 'III'));
  put('logrank.pfs.riss_I_vs_III', logRankP(pfs, rissLabel, 'I', 'III'));
  put('logrank.os.riss_I_vs_III', logRankP(os, rissLabel, 'I', 'III'));
  put('logrank.os.riss_II_vs_III', logRankP(os, rissLabel, 'II', 'III'));
  const cd38 = ps.map((p) => (p.prior.antiCd38 === null ? 'no' : 'yes'));
  for (const arm of ['yes', 'no'] as const) {
    const g = group(cd38, arm);
    put(`subgroup.anti_cd38.${arm}.orr`, proportion(g.orr, g.n));
    put(`subgroup.anti_cd38.${arm}.dcr`, proportion(g.dcr, g.n));
    put(`subgroup.anti_cd38.${arm}.vgpr`, count(bor.filter((b, i) => cd38[i] === arm && b === 'VGPR').length, g.n));
    put(`subgroup.anti_cd38.${arm}.pr`, count(bor.filter((b, i) => cd38[i] === arm && b === 'PR').length, g.n));
  }
  const asct = ps.map((p) => (p.prior.asct ? 'yes' : 'no'));
  for (const arm of ['yes', 'no'] as const) {
    const g = group(asct, arm);
    put(`subgroup.asct.${arm}.orr`, count(g.orr, g.n));
  }
  const riskLabel = stages.map((s) => s.risk);
  for (const risk of ['high', 'standard'] as const) {
    const g = group(riskLabel, risk);
    put(`subgroup.cyto.${risk}.orr`, proportion(g.orr, g.n));
    put(`subgroup.cyto.${risk}.dcr`, proportion(g.dcr, g.n));
    for (const [id, level] of [['cr', 'CR'], ['vgpr', 'VGPR'], ['pr', 'PR'], ['mr', 'MR'], ['sd', 'SD']] as const) {
      put(`subgroup.cyto.${risk}.${id}`, count(bor.filter((b, i) => riskLabel[i] === risk && b === level).length, g.n));
    }
  }

  // Safety (Table 2, Table 3): treatment-emergent = onset from day 1 to 28 days after the last dose.
  const teae = ps.map((p) => p.adverseEvents.filter((e) => e.onsetDay >= 1 && e.onsetDay <= p.treatment.lastDoseDay + 28));
  const subjectsWith = (pred: (e: EnrolledPatientPlan['adverseEvents'][number]) => boolean): number => teae.filter((events) => events.some(pred)).length;
  put('safety.any_teae', count(subjectsWith(() => true), N));
  put('safety.grade3_teae', count(subjectsWith((e) => e.worstGrade >= 3), N));
  put('safety.pom_related_teae', count(subjectsWith((e) => e.relatedToPomalidomide), N));
  put('safety.pom_related_grade3_teae', count(subjectsWith((e) => e.relatedToPomalidomide && e.worstGrade >= 3), N));
  put('safety.tesae', count(subjectsWith((e) => e.serious), N));
  put('safety.pom_related_tesae', count(subjectsWith((e) => e.serious && e.relatedToPomalidomide), N));
  const adjusts = (e: { action: string }): boolean => e.action === 'dose-reduced' || e.action === 'interrupted';
  put('safety.teae_dose_adjustment', count(subjectsWith(adjusts), N));
  put('safety.pom_related_teae_dose_adjustment', count(subjectsWith((e) => adjusts(e) && e.relatedToPomalidomide), N));
  put('safety.teae_drug_discontinuation', count(subjectsWith((e) => e.action === 'withdrawn'), N));
  put('safety.pom_related_teae_drug_discontinuation', count(subjectsWith((e) => e.action === 'withdrawn' && e.relatedToPomalidomide), N));
  put('safety.ae_study_discontinuation', count(subjectsWith((e) => e.ledToStudyDiscontinuation), N));
  put('safety.pom_related_teae_study_discontinuation', count(subjectsWith((e) => e.ledToStudyDiscontinuation && e.relatedToPomalidomide), N));
  put('safety.death', count(subjectsWith((e) => e.fatal), N));
  put('safety.pom_related_death', count(subjectsWith((e) => e.fatal && e.relatedToPomalidomide), N));
  for (const [term] of TABLE3_TRAES) {
    const key = term.replace(/ /g, '_');
    put(`safety.trae.${key}.any`, count(subjectsWith((e) => e.term === term && e.relatedToPomalidomide), N));
    put(`safety.trae.${key}.grade3`, count(subjectsWith((e) => e.term === term && e.relatedToPomalidomide && e.worstGrade >= 3), N));
  }
  for (const [term] of TRAES_OF_INTEREST) {
    put(`safety.trae_of_interest.${term.replace(/ /g, '_')}`, count(subjectsWith((e) => e.term === term && e.relatedToPomalidomide), N));
  }
  put('safety.trae.grade3.neutrophil_text', count(subjectsWith((e) => e.term === 'neutrophil count decreased' && e.worstGrade >= 3), N));
  put('safety.trae.pneumonia_text', count(subjectsWith((e) => e.term === 'pneumonia'), N));
  return Object.freeze(out);
}
