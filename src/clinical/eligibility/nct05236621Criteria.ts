import type { EligibilityCriteriaSet } from './eligibilityRule.js';

const PAPER = 'Zhou H et al. Ann Hematol 2023, doi:10.1007/s00277-023-05558-y';
const INCLUSION = `${PAPER}, Methods, "Study design and participants" (inclusion criteria)`;
const EXCLUSION = `${PAPER}, Methods, "Study design and participants" (exclusion criteria)`;

/**
 * NCT05236621 eligibility as published. Decisions where the paper is loose (see docs in the README of
 * this folder and the report to the lead):
 * - "peripheral neuropathy of grade 3" is read as grade >= 3: excluding grade 3 but admitting grade 4
 *   would be absurd (a stricter cut-off, e.g. grade >= 2, is one data change away).
 * - ">= 2 cycles" of lenalidomide and of a proteasome inhibitor are required within one line (consecutive
 *   cycles, as MM-003 required "at least 2 consecutive cycles").
 * - Proteasome inhibitors are bortezomib or ixazomib, as the paper's parenthesis names them.
 * - Measurable FLC disease needs an abnormal FLC ratio as well (IMWG), as in clinical-rules.md section 1.
 * - Table 1 reports 1-16 prior lines (so at least one enrolled patient had 1 line), although the criterion
 *   says at least two: the criterion is kept as written.
 */
export const NCT05236621_ELIGIBILITY: EligibilityCriteriaSet = deepFreeze({
  protocol: 'NCT05236621',
  version: '2023-12 (as published)',
  source: PAPER,
  criteria: [
    { id: 'inc-age', kind: 'inclusion', text: 'Age at least 18 years', source: INCLUSION, rule: { type: 'age', minYears: 18 } },
    {
      id: 'inc-ecog',
      kind: 'inclusion',
      text: 'ECOG performance status 0-2',
      source: INCLUSION,
      rule: { type: 'ordinal-range', fact: 'ecog', label: 'ECOG', min: 0, max: 2 },
    },
    {
      id: 'inc-rrmm',
      kind: 'inclusion',
      text: 'Documented relapsed and refractory multiple myeloma per the Chinese MM guideline (2020 revision)',
      source: INCLUSION,
      rule: { type: 'facts', facts: ['rrmmDiagnosis'], required: true },
    },
    {
      id: 'inc-prior-therapy',
      kind: 'inclusion',
      text: 'At least 2 prior lines of therapy, including at least 2 cycles of lenalidomide and at least 2 cycles of a proteasome inhibitor (bortezomib or ixazomib)',
      source: INCLUSION,
      rule: {
        type: 'prior-therapy',
        minLines: 2,
        agentRequirements: [
          { label: 'lenalidomide', agents: ['lenalidomide'], minCyclesInOneLine: 2 },
          { label: 'proteasome inhibitor', agents: ['bortezomib', 'ixazomib'], minCyclesInOneLine: 2 },
        ],
      },
    },
    {
      id: 'inc-progression',
      kind: 'inclusion',
      text: 'Disease progression during the last prior therapy or within 60 days after completing it',
      source: INCLUSION,
      rule: { type: 'progression-after-last-line', maxDaysAfterEnd: 60 },
    },
    {
      id: 'inc-measurable',
      kind: 'inclusion',
      text: 'Measurable disease: serum M-protein >= 5 g/L, or urine M-protein >= 200 mg/24 h, or involved serum FLC >= 100 mg/L with an abnormal FLC ratio',
      source: INCLUSION,
      rule: {
        type: 'any-of',
        rules: [
          { type: 'disease-measure', measure: 'serumMProteinGPerL', label: 'serum M-protein', min: 5, unit: 'g/L' },
          { type: 'disease-measure', measure: 'urineMProteinMgPer24h', label: 'urine M-protein', min: 200, unit: 'mg/24h' },
          { type: 'involved-flc', minMgPerL: 100, normalRatio: { low: 0.26, high: 1.65 } },
        ],
      },
    },
    {
      id: 'inc-anc',
      kind: 'inclusion',
      text: 'Absolute neutrophil count >= 1.0 x 10^9/L',
      source: INCLUSION,
      rule: { type: 'lab', lab: 'anc', comparator: '>=', limit: 1.0, unit: '10^9/L' },
    },
    {
      id: 'inc-platelets',
      kind: 'inclusion',
      text: 'Platelet count >= 50 x 10^9/L',
      source: INCLUSION,
      rule: { type: 'lab', lab: 'platelets', comparator: '>=', limit: 50, unit: '10^9/L' },
    },
    {
      id: 'inc-bilirubin',
      kind: 'inclusion',
      text: 'Total bilirubin <= 2.0 mg/dL',
      source: INCLUSION,
      rule: { type: 'lab', lab: 'totalBilirubin', comparator: '<=', limit: 2.0, unit: 'mg/dL' },
    },
    {
      id: 'inc-transaminases',
      kind: 'inclusion',
      text: 'ALT and AST <= 3 x ULN',
      source: INCLUSION,
      rule: {
        type: 'all-of',
        rules: [
          { type: 'lab-times-uln', lab: 'alt', maxTimesUln: 3 },
          { type: 'lab-times-uln', lab: 'ast', maxTimesUln: 3 },
        ],
      },
    },
    {
      id: 'inc-renal',
      kind: 'inclusion',
      text: 'Serum creatinine <= 3.0 mg/dL, or creatinine clearance >= 30 mL/min (Cockcroft-Gault)',
      source: INCLUSION,
      rule: {
        type: 'any-of',
        rules: [
          { type: 'lab', lab: 'creatinine', comparator: '<=', limit: 3.0, unit: 'mg/dL' },
          { type: 'creatinine-clearance', minMlPerMin: 30 },
        ],
      },
    },
    {
      id: 'inc-consent',
      kind: 'inclusion',
      text: 'Written informed consent given before any study procedure',
      source: `${PAPER}, Methods, "Study design and participants" (consent)`,
      rule: { type: 'consent-before-procedures' },
    },
    {
      id: 'exc-imid-intolerance',
      kind: 'exclusion',
      text: 'No intolerance to thalidomide, lenalidomide or pomalidomide',
      source: EXCLUSION,
      rule: { type: 'facts', facts: ['thalidomideIntolerance', 'lenalidomideIntolerance', 'pomalidomideIntolerance'], required: false },
    },
    {
      id: 'exc-hypersensitivity',
      kind: 'exclusion',
      text: 'No hypersensitivity to proteasome inhibitors, dexamethasone or other ingredients',
      source: EXCLUSION,
      rule: {
        type: 'facts',
        facts: ['proteasomeInhibitorHypersensitivity', 'dexamethasoneHypersensitivity', 'otherIngredientHypersensitivity'],
        required: false,
      },
    },
    {
      id: 'exc-neuropathy',
      kind: 'exclusion',
      text: 'No peripheral neuropathy of grade 3 or higher (paper: "of grade 3"; read as >= 3)',
      source: EXCLUSION,
      rule: { type: 'ordinal-range', fact: 'peripheralNeuropathyGrade', label: 'peripheral neuropathy grade', min: 0, max: 2 },
    },
    {
      id: 'exc-nyha',
      kind: 'exclusion',
      text: 'No heart failure of NYHA class II or above',
      source: EXCLUSION,
      rule: { type: 'ordinal-range', fact: 'nyhaClass', label: 'NYHA class', min: 1, max: 1 },
    },
    {
      id: 'exc-myocardial-infarction',
      kind: 'exclusion',
      text: 'No myocardial infarction within 12 months before enrolment',
      source: EXCLUSION,
      rule: { type: 'no-recent-myocardial-infarction', withinMonths: 12 },
    },
    {
      id: 'exc-angina',
      kind: 'exclusion',
      text: 'No unstable or poorly controlled angina pectoris',
      source: EXCLUSION,
      rule: { type: 'facts', facts: ['unstableOrPoorlyControlledAngina'], required: false },
    },
  ],
});

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
