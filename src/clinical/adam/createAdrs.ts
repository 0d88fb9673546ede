import type { Issue } from '../../result/index.js';
import { issue } from '../../result/index.js';
import type { BoneMarrowForm, DataSource, DiseaseAssessmentForm, ResponseCategory, SubjectRecord, TrialData } from '../crf/index.js';
import { RESPONSE_CATEGORIES } from '../crf/index.js';
import { formatIsoDate, studyDay } from '../dates/index.js';
import type { DayNumber } from '../dates/index.js';
import { computeImwgResponse } from '../imwg/index.js';
import type { ImwgAssessment, ImwgMeasurements } from '../imwg/index.js';
import type { AdslRow } from './createAdsl.js';
import type { Derivation, Flag } from './derivation.js';
import { dayOf, finishDerivation, flag, readDate } from './derivation.js';

export type AdrsEvaluator = 'IRC' | 'INVESTIGATOR';

/** Which measurements each evaluator reads: the IRC the central laboratory, the investigator the local one. */
export const EVALUATOR_SOURCES: Readonly<Record<AdrsEvaluator, DataSource>> = Object.freeze({ IRC: 'central', INVESTIGATOR: 'local' });
const RECORDED_EVALUATOR: Readonly<Record<AdrsEvaluator, 'irc' | 'investigator'>> = Object.freeze({ IRC: 'irc', INVESTIGATOR: 'investigator' });

/** A bone-marrow result is attached to the disease assessment nearest in date within this many days. */
export const MARROW_MATCH_DAYS = 14;

export interface AdrsRow {
  readonly STUDYID: string;
  readonly USUBJID: string;
  /** 'OVRLRESP' = response at one assessment; 'BOR' = best confirmed overall response. */
  readonly PARAMCD: 'OVRLRESP' | 'BOR';
  readonly PARAM: string;
  readonly EVALUATOR: AdrsEvaluator;
  readonly ADT: string | null;
  /** Study day relative to the first dose (enrolment when untreated). */
  readonly ADY: number | null;
  readonly AVISIT: string | null;
  /** Derived IMWG category. */
  readonly AVALC: ResponseCategory;
  /** Category rank, sCR 1 ... NE 8 (RESPONSE_CATEGORIES order). */
  readonly AVAL: number;
  /** OVRLRESP: the category is confirmed by the next assessment. */
  readonly CONFFL: Flag | null;
  /** OVRLRESP: the IMWG rule that decided the category. */
  readonly RULE: string | null;
  /** The call recorded on the form for this date (OVRLRESP) or the best recorded call (BOR). */
  readonly RECCALL: ResponseCategory | null;
  /** Recorded call differs from the derived category. */
  readonly DISCRFL: Flag | null;
  /** BOR: PR or better. */
  readonly RSPFL: Flag | null;
  /** BOR: disease control (PR or better, MR or SD). */
  readonly DCRFL: Flag | null;
  /** BOR: no post-baseline assessment of this evaluator. */
  readonly NOPBFL: Flag | null;
  /** BOR = NE: why ('no-postbaseline', 'not-evaluable', 'not-confirmed', 'no-baseline'). */
  readonly BORREAS: string | null;
  /** BOR: date of the first assessment of the confirmed best response PR or better. */
  readonly RSPDT: string | null;
  /** BOR: date of progression (first of the confirming assessments). */
  readonly PDDT: string | null;
}

const RESPONDER = new Set<ResponseCategory>(['sCR', 'CR', 'VGPR', 'PR']);
const CONTROLLED = new Set<ResponseCategory>(['sCR', 'CR', 'VGPR', 'PR', 'MR', 'SD']);

function rank(category: ResponseCategory): number {
  return RESPONSE_CATEGORIES.indexOf(category) + 1;
}

/** The best of several calls on the sCR ... PD, NE scale. */
function bestOf(calls: readonly ResponseCategory[]): ResponseCategory | null {
  let best: ResponseCategory | null = null;
  for (const call of calls) if (best === null || rank(call) < rank(best)) best = call;
  return best;
}

function measurementsOf(form: DiseaseAssessmentForm, marrow: BoneMarrowForm | null): ImwgMeasurements {
  const out: { -readonly [K in keyof ImwgMeasurements]: ImwgMeasurements[K] } = {};
  if (form.serumMProteinGPerL !== undefined) out.serumMProteinGPerL = form.serumMProteinGPerL;
  if (form.urineMProteinMgPer24h !== undefined) out.urineMProteinMgPer24h = form.urineMProteinMgPer24h;
  if (form.kappaFlcMgPerL !== undefined) out.kappaFlcMgPerL = form.kappaFlcMgPerL;
  if (form.lambdaFlcMgPerL !== undefined) out.lambdaFlcMgPerL = form.lambdaFlcMgPerL;
  if (form.serumImmunofixation !== undefined) out.serumImmunofixation = form.serumImmunofixation;
  if (form.urineImmunofixation !== undefined) out.urineImmunofixation = form.urineImmunofixation;
  if (form.boneMarrowPlasmaCellsPct !== undefined) out.boneMarrowPlasmaCellsPct = form.boneMarrowPlasmaCellsPct;
  if (form.plasmacytomaSpdCm2 !== undefined) out.plasmacytomaSpdCm2 = form.plasmacytomaSpdCm2;
  if (form.newLesion !== undefined) out.newLesion = form.newLesion;
  // The marrow form fills in what the assessment form did not record (marrow needs no confirmation).
  if (marrow !== null) {
    out.boneMarrowPlasmaCellsPct ??= marrow.plasmaCellsPct;
    if (marrow.clonalPlasmaCells !== 'not-done') out.clonalPlasmaCellsInMarrow = marrow.clonalPlasmaCells === 'present';
  }
  return out;
}

interface DatedAssessment {
  readonly day: DayNumber;
  readonly form: DiseaseAssessmentForm;
}

function nearestMarrow(day: DayNumber, marrows: readonly { day: DayNumber; form: BoneMarrowForm }[]): BoneMarrowForm | null {
  let best: { distance: number; form: BoneMarrowForm } | null = null;
  for (const marrow of marrows) {
    const distance = Math.abs(marrow.day - day);
    if (distance <= MARROW_MATCH_DAYS && (best === null || distance < best.distance)) best = { distance, form: marrow.form };
  }
  return best?.form ?? null;
}

function deriveEvaluator(
  record: SubjectRecord,
  index: number,
  adsl: AdslRow,
  evaluator: AdrsEvaluator,
  cutoff: DayNumber,
  issues: Issue[],
): AdrsRow[] {
  const base = ['subjects', index] as const;
  const source = EVALUATOR_SOURCES[evaluator];
  const reference = dayOf(adsl.TRTSDT) ?? dayOf(adsl.ENRLDT);
  if (reference === null) return [];

  const dated: DatedAssessment[] = [];
  record.diseaseAssessments.forEach((form, i) => {
    if (form.source !== source) return;
    const day = readDate(form.date, [...base, 'diseaseAssessments', i, 'date'], issues);
    if (day !== null && day <= cutoff) dated.push({ day, form });
  });
  dated.sort((a, b) => a.day - b.day);
  const marrows: { day: DayNumber; form: BoneMarrowForm }[] = [];
  record.boneMarrow.forEach((form, i) => {
    const day = readDate(form.date, [...base, 'boneMarrow', i, 'date'], issues);
    if (day !== null && day <= cutoff) marrows.push({ day, form });
  });

  const baselines = dated.filter((item) => item.day <= reference);
  const post = dated.filter((item) => item.day > reference);
  const baseline = baselines.at(-1);

  const recorded = new Map<DayNumber, ResponseCategory>();
  record.responseCalls.forEach((call, i) => {
    if (call.evaluator !== RECORDED_EVALUATOR[evaluator]) return;
    const day = readDate(call.date, [...base, 'responseCalls', i, 'date'], issues);
    if (day !== null && day <= cutoff && day > reference) recorded.set(day, call.response);
  });
  const bestRecorded = bestOf([...recorded.values()]);

  const common = { STUDYID: adsl.STUDYID, USUBJID: adsl.USUBJID, EVALUATOR: evaluator };
  const borRow = (
    category: ResponseCategory,
    details: { rspdt: string | null; pddt: string | null; noPostBaseline: boolean; reason: string | null },
  ): AdrsRow => ({
    ...common,
    PARAMCD: 'BOR',
    PARAM: `Best Confirmed Overall Response by ${evaluator === 'IRC' ? 'IRC' : 'Investigator'}`,
    ADT: null,
    ADY: null,
    AVISIT: null,
    AVALC: category,
    AVAL: rank(category),
    CONFFL: null,
    RULE: null,
    RECCALL: bestRecorded,
    DISCRFL: bestRecorded === null ? null : flag(bestRecorded !== category),
    RSPFL: flag(RESPONDER.has(category)),
    DCRFL: flag(CONTROLLED.has(category)),
    NOPBFL: flag(details.noPostBaseline),
    BORREAS: category === 'NE' ? (details.noPostBaseline ? 'no-postbaseline' : details.reason) : null,
    RSPDT: details.rspdt,
    PDDT: details.pddt,
  });

  if (baseline === undefined) {
    issues.push(
      issue('no-baseline-assessment', [...base, 'diseaseAssessments'], source, `a ${source} disease assessment on or before the first dose (${formatIsoDate(reference)})`),
    );
    return [borRow('NE', { rspdt: null, pddt: null, noPostBaseline: post.length === 0, reason: 'no-baseline' })];
  }

  const newTherapy = dayOf(adsl.NTRTDT);
  const death = dayOf(adsl.DTHDT);
  const assessments: ImwgAssessment[] = post.map((item) => ({ ...measurementsOf(item.form, nearestMarrow(item.day, marrows)), date: item.form.date }));
  const recordIndex = (form: DiseaseAssessmentForm): number => record.diseaseAssessments.indexOf(form);
  const outcome = computeImwgResponse({
    baseline: { ...measurementsOf(baseline.form, nearestMarrow(baseline.day, marrows)), date: baseline.form.date },
    assessments,
    ...(newTherapy === null ? {} : { newTherapyDate: formatIsoDate(newTherapy) }),
    ...(death === null ? {} : { deathDate: formatIsoDate(death) }),
  });
  // Engine paths are ['baseline', field] or ['assessments', k, field]: point them back at the form.
  for (const item of outcome.issues) {
    if (item.code === 'after-new-therapy') continue;
    const [head, second, ...rest] = item.path;
    const where =
      head === 'assessments' && typeof second === 'number' && post[second] !== undefined
        ? [...base, 'diseaseAssessments', recordIndex(post[second].form), ...rest]
        : head === 'baseline'
          ? [...base, 'diseaseAssessments', recordIndex(baseline.form), ...(second === undefined ? [] : [second]), ...rest]
          : [...base, 'diseaseAssessments', ...item.path];
    issues.push(issue(item.code, where, item.value, `${item.expected} (${evaluator})`, item.severity));
  }
  if (!outcome.ok) return [borRow('NE', { rspdt: null, pddt: null, noPostBaseline: post.length === 0, reason: 'not-evaluable' })];
  const result = outcome.value;
  const byDate = new Map(post.map((item) => [item.form.date, item]));
  const rows: AdrsRow[] = [];
  for (const assessment of result.assessments) {
    const item = byDate.get(assessment.date);
    if (item === undefined) continue;
    const call = recorded.get(item.day) ?? null;
    rows.push({
      ...common,
      PARAMCD: 'OVRLRESP',
      PARAM: `Overall Response by ${evaluator === 'IRC' ? 'IRC' : 'Investigator'}`,
      ADT: assessment.date,
      ADY: studyDay(item.day, reference),
      AVISIT: item.form.visit,
      AVALC: assessment.response,
      AVAL: rank(assessment.response),
      CONFFL: flag(assessment.confirmed),
      RULE: assessment.rule,
      RECCALL: call,
      DISCRFL: call === null ? null : flag(call !== assessment.response),
      RSPFL: null,
      DCRFL: null,
      NOPBFL: null,
      BORREAS: null,
      RSPDT: null,
      PDDT: null,
    });
  }
  rows.push(
    borRow(result.bestResponse, {
      rspdt: result.firstResponseDate,
      pddt: result.progressionDate,
      noPostBaseline: post.length === 0 || result.bestResponseReason === 'no-postbaseline',
      reason: result.bestResponseReason,
    }),
  );
  return rows;
}

/**
 * ADRS: per enrolled subject and evaluator, the IMWG response of each post-baseline assessment and the
 * best confirmed response, derived by the IMWG engine from the raw measurements (central for the IRC,
 * local for the investigator). Baseline is the last assessment of that source on or before the first
 * dose. The calls recorded on the forms are kept beside the derived ones with a discrepancy flag.
 */
export function createAdrs(trial: TrialData, adsl: readonly AdslRow[]): Derivation<AdrsRow> {
  const issues: Issue[] = [];
  const cutoff = readDate(trial.dataCutoffDate, ['dataCutoffDate'], issues);
  if (cutoff === null) return finishDerivation([], issues);
  const bySubject = new Map(adsl.map((row) => [row.SUBJID, row]));
  const rows: AdrsRow[] = [];
  trial.subjects.forEach((record, index) => {
    const row = bySubject.get(record.subject.subjectId);
    if (row === undefined) {
      issues.push(issue('subject-not-in-adsl', ['subjects', index, 'subject', 'subjectId'], record.subject.subjectId, 'a subject present in ADSL'));
      return;
    }
    if (row.ITTFL !== 'Y') return;
    for (const evaluator of ['IRC', 'INVESTIGATOR'] as const) rows.push(...deriveEvaluator(record, index, row, evaluator, cutoff, issues));
  });
  return finishDerivation(rows, issues);
}
