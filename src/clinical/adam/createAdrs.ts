import type { Issue } from '../../result/index.js';
import { issue } from '../../result/index.js';
import type { SubjectRecord, TrialData } from '../crf/index.js';
import { studyDay } from '../dates/index.js';
import type { DayNumber } from '../dates/index.js';
import type { ProtocolDefinition } from '../protocol/index.js';
import { computeBestCategory, computeResponseRank, isDiseaseControlCategory, isResponderCategory, type EvaluatorDefinition, type ResponseScale } from '../response/index.js';
import type { AdslRow } from './createAdsl.js';
import type { Derivation, Flag } from './derivation.js';
import { dayOf, finishDerivation, flag, readDate } from './derivation.js';

export interface AdrsRow {
  readonly STUDYID: string;
  readonly USUBJID: string;
  /** 'OVRLRESP' = response at one assessment; 'BOR' = best confirmed overall response. */
  readonly PARAMCD: 'OVRLRESP' | 'BOR';
  readonly PARAM: string;
  /** An evaluator id of the protocol's response binding (e.g. 'IRC', 'INVESTIGATOR'). */
  readonly EVALUATOR: string;
  readonly ADT: string | null;
  /** Study day relative to the first dose (enrolment when untreated). */
  readonly ADY: number | null;
  readonly AVISIT: string | null;
  /** Derived category of the protocol's response scale. */
  readonly AVALC: string;
  /** Category rank on the scale (1 = best). */
  readonly AVAL: number;
  /** OVRLRESP: the category is confirmed as the criterion requires. */
  readonly CONFFL: Flag | null;
  /** OVRLRESP: the rule of the criterion that decided the category. */
  readonly RULE: string | null;
  /** The call recorded on the form for this date (OVRLRESP) or the best recorded call (BOR). */
  readonly RECCALL: string | null;
  /** Recorded call differs from the derived category. */
  readonly DISCRFL: Flag | null;
  /** BOR: an objective response on the scale. */
  readonly RSPFL: Flag | null;
  /** BOR: disease control on the scale. */
  readonly DCRFL: Flag | null;
  /** BOR: no post-baseline assessment of this evaluator. */
  readonly NOPBFL: Flag | null;
  /** BOR not evaluable: why ('no-postbaseline', 'not-evaluable', 'not-confirmed', 'no-baseline', ...). */
  readonly BORREAS: string | null;
  /** BOR: date of the first assessment of the confirmed best response when it is a response. */
  readonly RSPDT: string | null;
  /** BOR: date of progression by the criterion. */
  readonly PDDT: string | null;
}

function deriveEvaluator(
  protocol: ProtocolDefinition,
  record: SubjectRecord,
  index: number,
  adsl: AdslRow,
  evaluator: EvaluatorDefinition,
  cutoff: DayNumber,
  issues: Issue[],
): AdrsRow[] {
  const scale: ResponseScale = protocol.response.scale;
  const base = ['subjects', index] as const;
  const reference = dayOf(adsl.TRTSDT) ?? dayOf(adsl.ENRLDT);
  if (reference === null) return [];

  const recorded = new Map<DayNumber, string>();
  record.responseCalls.forEach((call, i) => {
    if (call.evaluator !== evaluator.recordedBy) return;
    const day = readDate(call.date, [...base, 'responseCalls', i, 'date'], issues);
    if (day !== null && day <= cutoff && day > reference) recorded.set(day, call.response);
  });
  const bestRecorded = computeBestCategory(scale, [...recorded.values()]);

  const evaluation = protocol.response.evaluate({
    record,
    recordPath: base,
    source: evaluator.source,
    referenceDay: reference,
    cutoffDay: cutoff,
    newTherapyDate: adsl.NTRTDT,
    deathDate: adsl.DTHDT,
  });
  issues.push(...evaluation.issues.map((item) => issue(item.code, item.path, item.value, `${item.expected} (${evaluator.id})`, item.severity)));
  const result = evaluation.result;

  const rows: AdrsRow[] = [];
  for (const assessment of result.assessments) {
    const day = dayOf(assessment.date);
    if (day === null) continue;
    const call = recorded.get(day) ?? null;
    rows.push({
      STUDYID: adsl.STUDYID,
      USUBJID: adsl.USUBJID,
      EVALUATOR: evaluator.id,
      PARAMCD: 'OVRLRESP',
      PARAM: `Overall Response by ${evaluator.label}`,
      ADT: assessment.date,
      ADY: studyDay(day, reference),
      AVISIT: assessment.visit,
      AVALC: assessment.response,
      AVAL: computeResponseRank(scale, assessment.response),
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
  const best = result.best;
  const noPostBaseline = result.postBaselineCount === 0 || result.bestReason === 'no-postbaseline';
  rows.push({
    STUDYID: adsl.STUDYID,
    USUBJID: adsl.USUBJID,
    EVALUATOR: evaluator.id,
    PARAMCD: 'BOR',
    PARAM: `Best Confirmed Overall Response by ${evaluator.label}`,
    ADT: null,
    ADY: null,
    AVISIT: null,
    AVALC: best,
    AVAL: computeResponseRank(scale, best),
    CONFFL: null,
    RULE: null,
    RECCALL: bestRecorded,
    DISCRFL: bestRecorded === null ? null : flag(bestRecorded !== best),
    RSPFL: flag(isResponderCategory(scale, best)),
    DCRFL: flag(isDiseaseControlCategory(scale, best)),
    NOPBFL: flag(noPostBaseline),
    BORREAS: best === scale.notEvaluable ? (noPostBaseline ? 'no-postbaseline' : result.bestReason) : null,
    RSPDT: isResponderCategory(scale, best) ? result.firstResponseDate : null,
    PDDT: result.progressionDate,
  });
  return rows;
}

/**
 * ADRS: per enrolled subject and evaluator of the protocol, the response of each post-baseline assessment
 * and the best confirmed response, derived by the protocol's response criteria from the raw measurements
 * of the evaluator's source. The calls recorded on the forms are kept beside the derived ones with a
 * discrepancy flag.
 */
export function createAdrs(trial: TrialData, protocol: ProtocolDefinition, adsl: readonly AdslRow[]): Derivation<AdrsRow> {
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
    if (row.ENRLFL !== 'Y') return;
    for (const evaluator of protocol.response.evaluators) rows.push(...deriveEvaluator(protocol, record, index, row, evaluator, cutoff, issues));
  });
  return finishDerivation(rows, issues);
}
