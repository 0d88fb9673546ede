import {
  STANDARD_CODELISTS,
  SCREENING_CODELISTS,
  computeBestCategory,
  computeResponseRank,
  createRegimenCodelists,
  createScreeningForm,
  createStandardForms,
  dateField,
  formatIsoDate,
  codeField,
  groupField,
  numberField,
  opt,
  parseIsoDate,
  responseScaleCodelist,
  textField,
  type Codelist,
  type FormDefinition,
  type FormRow,
  type MeasurementPoint,
  type ProtocolDefinition,
  type ResponseBinding,
  type ResponseEvaluation,
  type ResponseEvaluationInput,
  type ResponseScale,
  type DataSource,
  type SubjectRecord,
} from '../clinical/index.js';
import { findProtocol, type ProtocolModule } from '../protocols/index.js';

/**
 * A second protocol for tests of the generic layers: not a trial, a deliberately different shape from the
 * reference protocol. One drug ('drug-a'), a response scale of its own (SHRINK/STABLE/GROW, by the sum of
 * lesion diameters: -30 % shrinks, +20 % grows), and a disease form with a repeating group of lesions. The
 * eligibility criteria, schedule, lab analytes and analysis plan are the reference protocol's (their
 * shapes are not what these tests are about).
 */

export const TOY_SCALE: ResponseScale = Object.freeze({
  id: 'toy-1',
  name: 'Toy 1.0',
  version: '1.0',
  citation: 'trialkit test protocol',
  categories: Object.freeze([
    Object.freeze({ code: 'SHRINK', label: 'Shrinking', responder: true, diseaseControl: true }),
    Object.freeze({ code: 'STABLE', label: 'Stable', responder: false, diseaseControl: true }),
    Object.freeze({ code: 'GROW', label: 'Growing', responder: false, diseaseControl: false }),
    Object.freeze({ code: 'NA', label: 'Not assessable', responder: false, diseaseControl: false }),
  ]),
  progression: 'GROW',
  notEvaluable: 'NA',
  responderLabel: 'SHRINK',
  diseaseControlLabel: 'SHRINK or STABLE',
});

const LESION_FORM: FormDefinition = Object.freeze({
  id: 'lesionAssessment',
  label: 'Lesion assessment',
  role: 'disease',
  cardinality: 'many',
  description: 'The measured lesions of one imaging visit.',
  dateField: 'date',
  visitField: 'visit',
  fields: Object.freeze([
    dateField('date', 'Scan date'),
    textField('visit', 'Visit', 40),
    codeField('source', 'Reader', 'DATASRC'),
    groupField(
      'lesions',
      'Lesions',
      [
        textField('lesionId', 'Lesion', 10, { help: 'The same id at every visit' }),
        codeField('site', 'Site', 'TOYSITE'),
        numberField('diameterMm', 'Longest diameter', { unit: 'mm', hard: { min: 0, note: 'a diameter cannot be negative' }, soft: { max: 300, note: 'a lesion above 300 mm is exceptional' } }),
      ],
      { minItems: 1, maxItems: 5, uniqueKey: 'lesionId' },
    ),
    opt(textField('comment', 'Comment', 200, { multiline: true })),
  ]),
  rules: Object.freeze([]),
});

const TOY_CODELISTS: readonly Codelist[] = Object.freeze([
  Object.freeze({ id: 'TOYSITE', label: 'Lesion site', items: Object.freeze([Object.freeze({ code: 'lung', label: 'Lung' }), Object.freeze({ code: 'liver', label: 'Liver' }), Object.freeze({ code: 'node', label: 'Lymph node' })]) }),
]);

const sumOf = (row: FormRow): number | null => {
  const lesions = row.lesions;
  if (!Array.isArray(lesions)) return null;
  let sum = 0;
  for (const lesion of lesions as readonly FormRow[]) {
    if (typeof lesion.diameterMm !== 'number') return null;
    sum += lesion.diameterMm;
  }
  return sum;
};

/** The toy criterion: each post-baseline scan against the baseline sum; the best of them (no confirmation). */
function toyBinding(): ResponseBinding {
  const rows = (record: SubjectRecord, source: string): { readonly row: FormRow; readonly date: string }[] =>
    (record.diseaseForms[LESION_FORM.id] ?? []).flatMap((row) => (row.source === source && typeof row.date === 'string' ? [{ row, date: row.date }] : []));
  const binding: ResponseBinding = {
    scale: TOY_SCALE,
    evaluators: Object.freeze([
      Object.freeze({ id: 'IRC', label: 'Central reader', source: 'central' as const, recordedBy: 'irc' as const, paramSuffix: '' }),
      Object.freeze({ id: 'INVESTIGATOR', label: 'Investigator', source: 'local' as const, recordedBy: 'investigator' as const, paramSuffix: 'INV' }),
    ]),
    assessmentForms: Object.freeze([LESION_FORM.id]),
    parameters: Object.freeze([Object.freeze({ code: 'SUMDIAM', label: 'Sum of diameters', unit: 'mm' })]),
    measurements(record: SubjectRecord, source: DataSource): readonly MeasurementPoint[] {
      return rows(record, source).flatMap(({ row, date }) => {
        const sum = sumOf(row);
        return sum === null ? [] : [{ parameter: 'SUMDIAM', date, visit: typeof row.visit === 'string' ? row.visit : null, value: sum }];
      });
    },
    evaluate(input: ResponseEvaluationInput) {
      const dated = rows(input.record, input.source)
        .map(({ row, date }) => ({ row, day: parseIsoDate(date) ?? 0, sum: sumOf(row) }))
        .filter((x) => x.day <= input.cutoffDay)
        .sort((a, b) => a.day - b.day);
      const baseline = dated.filter((x) => x.day <= input.referenceDay).at(-1);
      const post = dated.filter((x) => x.day > input.referenceDay);
      const none = (reason: string): ResponseEvaluation => ({ baselineFound: baseline !== undefined, postBaselineCount: post.length, assessments: [], best: 'NA', bestReason: reason, firstResponseDate: null, progressionDate: null });
      if (baseline?.sum == null || baseline.sum === 0) return { result: none(baseline === undefined ? 'no-baseline' : 'not-evaluable'), issues: [] };
      const base = baseline.sum;
      const assessments = post.map((x) => {
        const change = x.sum === null ? null : (x.sum - base) / base;
        const response = change === null ? 'NA' : change <= -0.3 ? 'SHRINK' : change >= 0.2 ? 'GROW' : 'STABLE';
        return { date: formatIsoDate(x.day), visit: typeof x.row.visit === 'string' ? x.row.visit : null, response, confirmed: true, rule: change === null ? null : `${(change * 100).toFixed(0)}% from baseline` };
      });
      const best = computeBestCategory(TOY_SCALE, assessments.map((a) => a.response)) ?? 'NA';
      const grow = assessments.find((a) => a.response === 'GROW');
      return {
        result: {
          baselineFound: true,
          postBaselineCount: post.length,
          assessments,
          best,
          bestReason: best === 'NA' ? 'not-evaluable' : null,
          firstResponseDate: assessments.find((a) => a.response === 'SHRINK')?.date ?? null,
          progressionDate: grow?.date ?? null,
        },
        issues: [],
      };
    },
  };
  return Object.freeze(binding);
}

/** The toy protocol: the reference protocol's eligibility and schedule, one drug, lesion forms, the toy scale. */
export function toyProtocol(): ProtocolModule {
  const reference = findProtocol('nct05236621');
  if (reference === undefined) throw new Error('the reference protocol is not registered');
  const base = reference.definition;
  const [first] = base.regimen.drugs;
  const drug = Object.freeze({ ...first, id: 'drug-a', label: 'Drug A', code: 'DRA', stopsRegimen: true });
  const regimen = Object.freeze({ ...base.regimen, drugs: Object.freeze([drug]) });
  const responseCodelist = responseScaleCodelist(TOY_SCALE);
  const lab = base.codelists.find((list) => list.id === 'LBTEST');
  if (lab === undefined) throw new Error('the reference protocol has no lab analyte code list');
  const definition: ProtocolDefinition = {
    ...base,
    id: 'toy-protocol',
    version: '0.1',
    identity: { ...base.identity, registryId: 'TOY-0001', title: 'A test protocol with one drug and measured lesions', shortTitle: 'Toy protocol', armLabel: 'Drug A' },
    regimen,
    forms: [createScreeningForm(base.eligibility, responseCodelist.id), ...createStandardForms({ drugs: regimen.drugs, responseCodelist: responseCodelist.id, labAnalyteCodelist: lab.id }), LESION_FORM],
    codelists: [...STANDARD_CODELISTS, ...SCREENING_CODELISTS, ...createRegimenCodelists(regimen.drugs), responseCodelist, lab, ...TOY_CODELISTS],
    response: toyBinding(),
    analysisSets: base.analysisSets.map((set) => (set.rule.kind === 'enrolled' || set.rule.drugs === 'any' ? set : { ...set, rule: { ...set.rule, drugs: [drug.id] } })),
  };
  return { definition };
}

/** The rank of a toy category (for assertions that read the scale). */
export const toyRank = (code: string): number => computeResponseRank(TOY_SCALE, code);
