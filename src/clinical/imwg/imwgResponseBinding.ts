import { issue, type Issue } from '../../result/index.js';
import type { DataSource, FormRow, SubjectRecord } from '../crf/index.js';
import { formatIsoDate, parseIsoDate, type DayNumber } from '../dates/index.js';
import type { EvaluatorDefinition, MeasurementPoint, ResponseBinding, ResponseEvaluation, ResponseEvaluationInput, ResponseScale } from '../response/index.js';
import { computeImwgResponse } from './computeImwgResponse.js';
import type { ImwgAssessment, ImwgMeasurements } from './imwgMeasurements.js';
import { IMWG_2016_CITATION, type ImwgRuleSet } from './imwgRuleSet.js';
import type { ImwgRule } from './imwgRule.js';
import { fieldText } from '../crf/index.js';

/** The IMWG 2016 categories as a response scale (PR or better responds; MR and SD control the disease). */
export const IMWG_2016_SCALE: ResponseScale = Object.freeze({
  id: 'imwg-2016',
  name: 'IMWG 2016',
  version: '2016',
  citation: IMWG_2016_CITATION,
  categories: Object.freeze(
    [
      ['sCR', 'Stringent complete response', true, true],
      ['CR', 'Complete response', true, true],
      ['VGPR', 'Very good partial response', true, true],
      ['PR', 'Partial response', true, true],
      ['MR', 'Minimal response', false, true],
      ['SD', 'Stable disease', false, true],
      ['PD', 'Progressive disease', false, false],
      ['NE', 'Not evaluable', false, false],
    ].map(([code, label, responder, diseaseControl]) => Object.freeze({ code: code as string, label: label as string, responder: responder as boolean, diseaseControl: diseaseControl as boolean })),
  ),
  progression: 'PD',
  notEvaluable: 'NE',
  responderLabel: 'PR or better',
  diseaseControlLabel: 'MR or better, or SD',
});

/**
 * Where a protocol keeps the IMWG measurements. The assessment form's fields carry the engine's own names
 * (serumMProteinGPerL, urineMProteinMgPer24h, kappaFlcMgPerL, lambdaFlcMgPerL, serumImmunofixation,
 * urineImmunofixation, boneMarrowPlasmaCellsPct, plasmacytomaSpdCm2, newLesion) plus `date`, `visit` and
 * `source`; a marrow form (date, plasmaCellsPct, clonalPlasmaCells present/absent/not-done) fills in what
 * an assessment did not record, from the nearest marrow within `marrowMatchDays`.
 */
export interface ImwgBindingOptions {
  readonly ruleSet: ImwgRuleSet;
  readonly evaluators: readonly EvaluatorDefinition[];
  readonly assessmentForm: string;
  readonly marrowForm?: string;
  readonly marrowMatchDays: number;
  /** The diagnosis field holding the light-chain type ('kappa'/'lambda'), for the involved FLC. */
  readonly lightChainField?: string;
}

const NUMBERS = ['serumMProteinGPerL', 'urineMProteinMgPer24h', 'kappaFlcMgPerL', 'lambdaFlcMgPerL', 'boneMarrowPlasmaCellsPct', 'plasmacytomaSpdCm2'] as const;

function measurementsOf(form: FormRow, marrow: FormRow | null): ImwgMeasurements {
  const out: Record<string, unknown> = {};
  for (const key of NUMBERS) if (typeof form[key] === 'number') out[key] = form[key];
  for (const key of ['serumImmunofixation', 'urineImmunofixation'] as const) if (form[key] === 'positive' || form[key] === 'negative') out[key] = form[key];
  if (typeof form.newLesion === 'boolean') out.newLesion = form.newLesion;
  // The marrow form fills in what the assessment form did not record (marrow needs no confirmation).
  if (marrow !== null) {
    if (out.boneMarrowPlasmaCellsPct === undefined && typeof marrow.plasmaCellsPct === 'number') out.boneMarrowPlasmaCellsPct = marrow.plasmaCellsPct;
    if (marrow.clonalPlasmaCells === 'present' || marrow.clonalPlasmaCells === 'absent') out.clonalPlasmaCellsInMarrow = marrow.clonalPlasmaCells === 'present';
  }
  return out;
}

interface Dated {
  readonly day: DayNumber;
  readonly form: FormRow;
  readonly index: number;
}

function dated(rows: readonly FormRow[], keep: (row: FormRow) => boolean, cutoff: DayNumber): Dated[] {
  const out: Dated[] = [];
  rows.forEach((form, index) => {
    if (!keep(form)) return;
    const day = typeof form.date === 'string' ? parseIsoDate(form.date) : null;
    if (day !== null && day <= cutoff) out.push({ day, form, index });
  });
  return out.sort((a, b) => a.day - b.day);
}

function nearest(day: DayNumber, marrows: readonly Dated[], maxDays: number): FormRow | null {
  let best: { distance: number; form: FormRow } | null = null;
  for (const marrow of marrows) {
    const distance = Math.abs(marrow.day - day);
    if (distance <= maxDays && (best === null || distance < best.distance)) best = { distance, form: marrow.form };
  }
  return best?.form ?? null;
}

/** The IMWG 2016 engine bound to a protocol's disease-assessment (and marrow) forms. */
export function createImwgResponseBinding(options: ImwgBindingOptions): ResponseBinding {
  const { assessmentForm, marrowForm, marrowMatchDays, ruleSet } = options;
  const rowsOf = (record: SubjectRecord, form: string | undefined): readonly FormRow[] => (form === undefined ? [] : (record.diseaseForms[form] ?? []));

  function evaluate(input: ResponseEvaluationInput): { result: ResponseEvaluation; issues: Issue[] } {
    const issues: Issue[] = [];
    const base = [...input.recordPath, 'diseaseForms', assessmentForm];
    const all = rowsOf(input.record, assessmentForm);
    all.forEach((form, i) => {
      if (typeof form.date !== 'string' || parseIsoDate(form.date) === null) issues.push(issue('bad-date', [...base, i, 'date'], form.date, 'a real calendar date YYYY-MM-DD'));
    });
    const mine = dated(all, (form) => form.source === input.source, input.cutoffDay);
    const marrows = dated(rowsOf(input.record, marrowForm), () => true, input.cutoffDay);
    const baselines = mine.filter((item) => item.day <= input.referenceDay);
    const post = mine.filter((item) => item.day > input.referenceDay);
    const baseline = baselines.at(-1);
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
      issues.push(issue('no-baseline-assessment', base, input.source, `a ${input.source} disease assessment on or before the first dose (${formatIsoDate(input.referenceDay)})`));
      return { result: notEvaluable('no-baseline'), issues };
    }
    const assessments: ImwgAssessment[] = post.map((item) => ({ ...measurementsOf(item.form, nearest(item.day, marrows, marrowMatchDays)), date: fieldText(item.form.date) }));
    const outcome = computeImwgResponse(
      {
        baseline: { ...measurementsOf(baseline.form, nearest(baseline.day, marrows, marrowMatchDays)), date: fieldText(baseline.form.date) },
        assessments,
        ...(input.newTherapyDate === null ? {} : { newTherapyDate: input.newTherapyDate }),
        ...(input.deathDate === null ? {} : { deathDate: input.deathDate }),
      },
      ruleSet,
    );
    // Engine paths are ['baseline', field] or ['assessments', k, field]: point them back at the form.
    for (const item of outcome.issues) {
      if (item.code === 'after-new-therapy') continue;
      const [head, second, ...rest] = item.path;
      const where =
        head === 'assessments' && typeof second === 'number' && post[second] !== undefined
          ? [...base, post[second].index, ...rest]
          : head === 'baseline'
            ? [...base, baseline.index, ...(second === undefined ? [] : [second]), ...rest]
            : [...base, ...item.path];
      issues.push(issue(item.code, where, item.value, item.expected, item.severity));
    }
    if (!outcome.ok) return { result: notEvaluable('not-evaluable'), issues };
    const result = outcome.value;
    const byDate = new Map(post.map((item) => [fieldText(item.form.date), item]));
    return {
      result: {
        baselineFound: true,
        postBaselineCount: post.length,
        assessments: result.assessments.flatMap((assessment) => {
          const item = byDate.get(assessment.date);
          if (item === undefined) return [];
          return [{ date: assessment.date, visit: typeof item.form.visit === 'string' ? item.form.visit : null, response: assessment.response, confirmed: assessment.confirmed, rule: assessment.rule }];
        }),
        best: result.bestResponse,
        bestReason: post.length === 0 || result.bestResponseReason === 'no-postbaseline' ? 'no-postbaseline' : result.bestResponseReason,
        firstResponseDate: result.firstResponseDate,
        progressionDate: result.progressionDate,
      },
      issues,
    };
  }

  function measurements(record: SubjectRecord, source: DataSource): readonly MeasurementPoint[] {
    const lightChain = options.lightChainField === undefined ? '' : fieldText(record.diagnosis?.[options.lightChainField]).toLowerCase();
    const out: MeasurementPoint[] = [];
    for (const form of rowsOf(record, assessmentForm)) {
      if (form.source !== source || typeof form.date !== 'string') continue;
      const visit = typeof form.visit === 'string' ? form.visit : null;
      const push = (parameter: string, value: unknown): void => {
        if (typeof value === 'number') out.push({ parameter, date: fieldText(form.date), visit, value });
      };
      push('SPEP', form.serumMProteinGPerL);
      push('UPEP', form.urineMProteinMgPer24h);
      const kappa = form.kappaFlcMgPerL;
      const lambda = form.lambdaFlcMgPerL;
      if (typeof kappa === 'number' && typeof lambda === 'number') {
        const involvedKappa = lightChain.startsWith('k') ? true : lightChain.startsWith('l') ? false : kappa >= lambda;
        push('DFLC', involvedKappa ? kappa - lambda : lambda - kappa);
      }
    }
    return out;
  }

  return Object.freeze({
    scale: IMWG_2016_SCALE,
    evaluators: options.evaluators,
    assessmentForms: Object.freeze([assessmentForm, ...(marrowForm === undefined ? [] : [marrowForm])]),
    evaluate,
    parameters: Object.freeze([
      Object.freeze({ code: 'SPEP', label: 'Serum M-protein', unit: 'g/L' }),
      Object.freeze({ code: 'UPEP', label: 'Urine M-protein', unit: 'mg/24h' }),
      Object.freeze({ code: 'DFLC', label: 'Difference between involved and uninvolved FLC', unit: 'mg/L' }),
    ]),
    measurements,
    ruleLabels: imwgRuleLabels(ruleSet.rules),
  });
}

/** Words of an IMWG rule id that are abbreviations, as the criteria write them. */
const RULE_WORDS: Readonly<Record<string, string>> = { m: 'M', dflc: 'dFLC', spd: 'SPD' };

/**
 * A short label of each rule: its category and what it is read on, from its id ('pr-m-protein' ->
 * 'PR: M-protein', 'pd-bone-marrow-plasma-cells' -> 'PD: bone marrow plasma cells', 'scr' -> 'sCR'); the
 * full wording (rule.wording) is too long for a column of a subject's assessments.
 */
function imwgRuleLabels(rules: readonly ImwgRule[]): ReadonlyMap<string, string> {
  return new Map(
    rules.map((rule): [string, string] => {
      const rest = rule.id
        .split('-')
        .slice(1)
        .map((w) => RULE_WORDS[w] ?? w)
        .join(' ')
        .replace(/\bM protein\b/g, 'M-protein');
      return [rule.id, rest === '' ? rule.category : `${rule.category}: ${rest}`];
    }),
  );
}
