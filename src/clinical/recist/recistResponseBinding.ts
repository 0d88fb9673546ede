import { issue, type Issue, type IssuePath } from '../../result/index.js';
import type { DataSource, FormRow, SubjectRecord } from '../crf/index.js';
import { parseIsoDate, type DayNumber } from '../dates/index.js';
import type { EvaluatedAssessment, EvaluatorDefinition, MeasurementPoint, ResponseBinding, ResponseEvaluation, ResponseEvaluationInput, ResponseScale } from '../response/index.js';
import { computeRecistResponse } from './computeRecistResponse.js';
import { sumDecimal } from './decimalArithmetic.js';
import type { RecistRuleSet } from './recist11RuleSet.js';
import { RECIST_1_1_CITATION } from './recist11RuleSet.js';
import { RECIST_OVERALL_CATEGORIES, type RecistOverallResponse } from './recistCategories.js';
import type { RecistAssessment, RecistBaselineLesion, RecistLesionResult, RecistNewLesion, RecistNonTargetStatus } from './recistInput.js';
import { fieldText } from '../crf/index.js';

/** The RECIST 1.1 overall categories as a response scale (CR or PR respond; SD and NON-CR/NON-PD control). */
export const RECIST_1_1_SCALE: ResponseScale = Object.freeze({
  id: 'recist-1.1',
  name: 'RECIST 1.1',
  version: '1.1',
  citation: RECIST_1_1_CITATION,
  categories: Object.freeze(RECIST_OVERALL_CATEGORIES.map((c) => Object.freeze({ code: c.code, label: c.label, responder: c.response, diseaseControl: c.diseaseControl }))),
  progression: 'PD',
  notEvaluable: 'NE',
  responderLabel: 'CR or PR',
  diseaseControlLabel: 'CR, PR, SD or non-CR/non-PD',
});

/**
 * Where a protocol keeps its tumour assessments: one form of many records (date, visit, source,
 * newLesion 'no'/'yes'/'equivocal', and a group `lesions` of {lesionId, kind 'target'/'non-target' (at
 * baseline), nodal, organ, diameterMm, status}). Baseline is the evaluator's last read on or before the
 * first dose; later reads give each baseline lesion's diameter (targets) or status (non-targets).
 */
export interface RecistBindingOptions {
  readonly ruleSet: RecistRuleSet;
  /** Minimum days between a CR/PR and its confirmation (the protocol's; RECIST 1.1: 28). */
  readonly confirmationDays: number;
  /** Minimum days from baseline for SD as best response (the protocol's, e.g. 42 or the first scan window). */
  readonly sdMinDays: number;
  readonly evaluators: readonly EvaluatorDefinition[];
  readonly assessmentForm: string;
}

const NON_TARGET_STATUSES: readonly RecistNonTargetStatus[] = ['absent', 'present', 'unequivocal-progression', 'not-evaluated'];
const NEW_LESION: readonly RecistNewLesion[] = ['no', 'yes', 'equivocal'];

interface Dated {
  readonly day: DayNumber;
  readonly form: FormRow;
  readonly index: number;
}

function lesionsOf(form: FormRow): readonly FormRow[] {
  return Array.isArray(form.lesions) ? (form.lesions as readonly FormRow[]) : [];
}

function baselineLesions(form: FormRow): RecistBaselineLesion[] {
  return lesionsOf(form).map((lesion) => ({
    id: fieldText(lesion.lesionId),
    kind: lesion.kind === 'non-target' ? 'non-target' : 'target',
    nodal: lesion.nodal === true,
    ...(typeof lesion.diameterMm === 'number' ? { diameterMm: lesion.diameterMm } : {}),
    ...(typeof lesion.organ === 'string' ? { organ: lesion.organ } : {}),
  }));
}

/** The sum of target diameters at a read whose lesions are all measured; null otherwise. */
function sumOf(form: FormRow, targets: readonly string[]): number | null {
  const byId = new Map(lesionsOf(form).map((lesion) => [lesion.lesionId, lesion]));
  const values: number[] = [];
  for (const id of targets) {
    const diameter = byId.get(id)?.diameterMm;
    if (typeof diameter !== 'number') return null;
    values.push(diameter);
  }
  return values.length === 0 ? null : sumDecimal(values);
}

/** The RECIST 1.1 engine bound to a protocol's tumour assessment form. */
export function createRecistResponseBinding(options: RecistBindingOptions): ResponseBinding {
  const formId = options.assessmentForm;
  const rowsOf = (record: SubjectRecord): readonly FormRow[] => record.diseaseForms[formId] ?? [];

  function dated(record: SubjectRecord, source: DataSource, cutoff: DayNumber | null): Dated[] {
    const out: Dated[] = [];
    rowsOf(record).forEach((form, index) => {
      if (form.source !== source || typeof form.date !== 'string') return;
      const day = parseIsoDate(form.date);
      if (day !== null && (cutoff === null || day <= cutoff)) out.push({ day, form, index });
    });
    return out.sort((a, b) => a.day - b.day);
  }

  function evaluate(input: ResponseEvaluationInput): { result: ResponseEvaluation; issues: Issue[] } {
    const issues: Issue[] = [];
    const base: IssuePath = [...input.recordPath, 'diseaseForms', formId];
    rowsOf(input.record).forEach((form, i) => {
      if (typeof form.date !== 'string' || parseIsoDate(form.date) === null) issues.push(issue('bad-date', [...base, i, 'date'], form.date, 'a real calendar date YYYY-MM-DD'));
    });
    const reads = dated(input.record, input.source, input.cutoffDay);
    const baseline = reads.filter((read) => read.day <= input.referenceDay).at(-1);
    const newTherapy = input.newTherapyDate === null ? null : parseIsoDate(input.newTherapyDate);
    // Scans on or after the start of new anticancer therapy do not count (FDA 2018; RECIST 1.1 section 4.4).
    const post = reads.filter((read) => read.day > input.referenceDay && (newTherapy === null || read.day < newTherapy));
    const notEvaluable = (reason: string): ResponseEvaluation => ({
      baselineFound: baseline !== undefined,
      postBaselineCount: post.length,
      assessments: [],
      best: 'NE',
      bestReason: post.length === 0 ? 'no-postbaseline' : reason,
      firstResponseDate: null,
      progressionDate: null,
    });
    if (baseline === undefined) {
      issues.push(issue('no-baseline-assessment', base, input.source, `a ${input.source} tumour assessment on or before the first dose`));
      return { result: notEvaluable('no-baseline'), issues };
    }
    const lesions = baselineLesions(baseline.form);
    const targets = new Set(lesions.filter((l) => l.kind === 'target').map((l) => l.id));
    // Each follow-up read lists every baseline lesion; a lesion left off the form was not evaluated.
    const indexMaps: (number | null)[][] = [];
    const assessments: RecistAssessment[] = post.map((read, j) => {
      const byId = new Map(lesionsOf(read.form).map((lesion, k) => [fieldText(lesion.lesionId), { lesion, k }]));
      const map: (number | null)[] = [];
      const results: RecistLesionResult[] = lesions.map((baselineLesion) => {
        const found = byId.get(baselineLesion.id);
        map.push(found?.k ?? null);
        if (found === undefined) {
          issues.push(issue('lesion-not-recorded', [...base, read.index, 'lesions'], baselineLesion.id, `an entry for baseline lesion ${baselineLesion.id} (read as not evaluated)`, 'warning'));
          return targets.has(baselineLesion.id) ? { id: baselineLesion.id, diameterMm: null } : { id: baselineLesion.id, status: 'not-evaluated' };
        }
        if (targets.has(baselineLesion.id)) return { id: baselineLesion.id, diameterMm: typeof found.lesion.diameterMm === 'number' ? found.lesion.diameterMm : null };
        const status = NON_TARGET_STATUSES.find((s) => s === found.lesion.status) ?? 'not-evaluated';
        return { id: baselineLesion.id, status };
      });
      indexMaps[j] = map;
      for (const [id] of byId) if (!lesions.some((l) => l.id === id)) issues.push(issue('unknown-lesion', [...base, read.index, 'lesions'], id, 'a lesion id recorded at baseline (a new lesion is recorded as newLesion)'));
      const newLesion = NEW_LESION.find((v) => v === read.form.newLesion) ?? 'no';
      return { date: fieldText(read.form.date), lesions: results, newLesion };
    });
    const outcome = computeRecistResponse(
      { baseline: { date: fieldText(baseline.form.date), lesions }, assessments },
      { ruleSet: options.ruleSet, confirmationDays: options.confirmationDays, sdMinDays: options.sdMinDays },
    );
    // Engine paths are ['baseline', 'lesions', k, ...] or ['assessments', j, 'lesions', k, ...]: point them at the form.
    for (const item of outcome.issues) {
      const [head, a, b, c, ...rest] = item.path;
      let where: IssuePath = [...base, ...item.path];
      if (head === 'baseline') where = [...base, baseline.index, ...(a === undefined ? [] : [a]), ...(b === undefined ? [] : [b]), ...(c === undefined ? [] : [c]), ...rest];
      else if (head === 'assessments' && typeof a === 'number' && post[a] !== undefined) {
        const k = typeof c === 'number' ? (indexMaps[a]?.[c] ?? null) : null;
        where = [...base, post[a].index, ...(b === undefined ? [] : [b]), ...(k === null ? (c === undefined ? [] : []) : [k]), ...rest];
      }
      issues.push(issue(item.code, where, item.value, item.expected, item.severity));
    }
    if (!outcome.ok) return { result: notEvaluable('not-evaluable'), issues };
    const result = outcome.value;
    const confirmedAt = (i: number): boolean => {
      const point = result.assessments[i];
      if (point.overall !== 'CR' && point.overall !== 'PR') return false;
      const accepted: readonly RecistOverallResponse[] = point.overall === 'CR' ? ['CR'] : ['CR', 'PR'];
      for (let j = i + 1; j < result.assessments.length; j++) {
        const later = result.assessments[j];
        if (later.overall === 'PD') return false;
        if (later.daysFromBaseline - point.daysFromBaseline >= options.confirmationDays && accepted.includes(later.overall)) return true;
      }
      return false;
    };
    const evaluated: EvaluatedAssessment[] = result.assessments.map((point, i) => ({
      date: point.date,
      visit: typeof post[i]?.form.visit === 'string' ? String(post[i].form.visit) : null,
      response: point.overall,
      confirmed: confirmedAt(i),
      rule: point.overallRule,
    }));
    const reason = result.bestOverallResponseReason;
    return {
      result: {
        baselineFound: true,
        postBaselineCount: post.length,
        assessments: evaluated,
        best: result.bestOverallResponse,
        bestReason: result.bestOverallResponse === 'NE' ? (reason === 'no-assessment' ? 'no-postbaseline' : reason) : null,
        firstResponseDate: result.firstResponseDate,
        progressionDate: result.progressionDate,
      },
      issues,
    };
  }

  function measurements(record: SubjectRecord, source: DataSource): readonly MeasurementPoint[] {
    const out: MeasurementPoint[] = [];
    let targets: readonly string[] = [];
    for (const read of dated(record, source, null)) {
      const lesions = lesionsOf(read.form);
      if (lesions.some((lesion) => lesion.kind === 'target' || lesion.kind === 'non-target'))
        targets = lesions.filter((lesion) => lesion.kind === 'target').map((lesion) => fieldText(lesion.lesionId));
      const sum = sumOf(read.form, targets);
      if (sum !== null) out.push({ parameter: 'SUMDIAM', date: fieldText(read.form.date), visit: typeof read.form.visit === 'string' ? read.form.visit : null, value: sum });
    }
    return out;
  }

  return Object.freeze({
    scale: RECIST_1_1_SCALE,
    evaluators: options.evaluators,
    assessmentForms: Object.freeze([formId]),
    evaluate,
    parameters: Object.freeze([Object.freeze({ code: 'SUMDIAM', label: 'Sum of target lesion diameters', unit: 'mm' })]),
    measurements,
    // A time point's rule is a row of Table 1 or 2, whose own wording is short: 'Target PR, non-target non-PD or not all evaluated, no new lesion: PR'.
    ruleLabels: new Map(options.ruleSet.overallRules.map((rule) => [rule.id, rule.wording])),
  });
}
