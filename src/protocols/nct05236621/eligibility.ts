import type { EligibilityCriteriaSet, EligibilityExample } from '../../clinical/index.js';

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
  screening: {
    labs: [
      { key: 'anc', analyte: 'neutrophils', label: 'ANC' },
      { key: 'platelets', analyte: 'platelets', label: 'platelets' },
      { key: 'totalBilirubin', analyte: 'bilirubin', label: 'total bilirubin' },
      { key: 'alt', analyte: 'alt', label: 'ALT' },
      { key: 'ast', analyte: 'ast', label: 'AST' },
      { key: 'creatinine', analyte: 'creatinine', label: 'serum creatinine' },
    ],
    measures: [
      { key: 'serumMProteinGPerL', label: 'Serum M-protein', unit: 'g/L', softMax: 200, softNote: 'a serum M-protein above 200 g/L is beyond any reported myeloma' },
      { key: 'urineMProteinMgPer24h', label: 'Urine M-protein', unit: 'mg/24h', softMax: 50000, softNote: 'Bence Jones proteinuria above 50 g/24 h is beyond any reported myeloma' },
      { key: 'involvedFlcMgPerL', label: 'Involved serum free light chain', unit: 'mg/L', softMax: 100000, softNote: 'a free light chain above 100 000 mg/L is beyond any reported light-chain myeloma' },
      { key: 'flcRatio', label: 'FLC ratio (involved/uninvolved as kappa/lambda)', unit: 'ratio' },
    ],
    facts: [
      { key: 'rrmmDiagnosis', label: 'Relapsed and refractory MM per the Chinese MM guideline (2020 revision)', type: 'boolean' },
      { key: 'thalidomideIntolerance', label: 'Intolerance to thalidomide', type: 'boolean' },
      { key: 'lenalidomideIntolerance', label: 'Intolerance to lenalidomide', type: 'boolean' },
      { key: 'pomalidomideIntolerance', label: 'Intolerance to pomalidomide', type: 'boolean' },
      { key: 'proteasomeInhibitorHypersensitivity', label: 'Hypersensitivity to proteasome inhibitors', type: 'boolean' },
      { key: 'dexamethasoneHypersensitivity', label: 'Hypersensitivity to dexamethasone', type: 'boolean' },
      { key: 'otherIngredientHypersensitivity', label: 'Hypersensitivity to other ingredients', type: 'boolean' },
      { key: 'peripheralNeuropathyGrade', label: 'Peripheral neuropathy, CTCAE grade (0 = none)', type: 'integer', min: 0, max: 5 },
      { key: 'nyhaClass', label: 'NYHA functional class (I also for no heart disease)', type: 'integer', min: 1, max: 4 },
      { key: 'priorMyocardialInfarction', label: 'History of myocardial infarction', type: 'boolean' },
      { key: 'myocardialInfarctionDate', label: 'Date of the most recent myocardial infarction', type: 'date' },
      { key: 'unstableOrPoorlyControlledAngina', label: 'Unstable or poorly controlled angina pectoris', type: 'boolean' },
    ],
    factRules: [{ dateFact: 'myocardialInfarctionDate', onlyWhen: 'priorMyocardialInfarction' }],
  },
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
          { type: 'measure', measure: 'serumMProteinGPerL', label: 'serum M-protein', min: 5, unit: 'g/L' },
          { type: 'measure', measure: 'urineMProteinMgPer24h', label: 'urine M-protein', min: 200, unit: 'mg/24h' },
          {
            type: 'measure-with-abnormal-ratio',
            measure: 'involvedFlcMgPerL',
            label: 'involved FLC',
            min: 100,
            unit: 'mg/L',
            ratio: 'flcRatio',
            ratioLabel: 'FLC ratio',
            normalRatio: { low: 0.26, high: 1.65 },
          },
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
          { type: 'creatinine-clearance', lab: 'creatinine', minMlPerMin: 30 },
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
      rule: { type: 'no-recent-event', historyFact: 'priorMyocardialInfarction', dateFact: 'myocardialInfarctionDate', label: 'myocardial infarction', withinMonths: 12 },
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

/**
 * Worked examples per criterion of NCT05236621_ELIGIBILITY against the example eligible record
 * (examples/nct05236621/screening-eligible.json: screening 2021-05-10, enrolment 2021-05-20, a 62-year-old
 * 58-kg woman, labs in SI units with ALT/AST ULN 40 U/L, last prior line ended 2021-03-31), keyed by
 * criterion id (kept beside the criteria
 * rather than inside them, so that the criteria set keeps its shared EligibilityCriterion type). Executed
 * by criteriaExamples.test.ts through computeEligibility, so they cannot drift from the engine.
 */
export const NCT05236621_CRITERIA_EXAMPLES: Readonly<Record<string, readonly EligibilityExample[]>> = deepFreeze({
  'inc-age': [
    { fields: { birthDate: '2003-05-10' }, status: 'met', why: '18th birthday on the screening date (2021-05-10): 18 years (boundary)' },
    { fields: { birthDate: '2003-05-11' }, status: 'not met', why: '18th birthday the day after screening: still 17' },
    { fields: { birthDate: undefined, ageYears: null }, status: 'not evaluable', why: 'neither a birth date nor an age' },
  ],
  'inc-ecog': [
    { fields: { ecog: 2 }, status: 'met', why: 'ECOG 2 is within 0-2 (boundary)' },
    { fields: { ecog: 3 }, status: 'not met', why: 'ECOG 3 is above 2' },
    { fields: { ecog: null }, status: 'not evaluable', why: 'ECOG not recorded' },
  ],
  'inc-rrmm': [
    { fields: {}, status: 'met', why: 'facts.rrmmDiagnosis is true' },
    { fields: { 'facts.rrmmDiagnosis': false }, status: 'not met', why: 'RRMM not documented per the guideline' },
    { fields: { 'facts.rrmmDiagnosis': null }, status: 'not evaluable', why: 'not recorded' },
  ],
  'inc-prior-therapy': [
    { fields: {}, status: 'met', why: '3 lines; lenalidomide 14 cycles in line 2; bortezomib 4 cycles in line 1' },
    {
      fields: { 'priorTherapyLines.1.agents.0.cycles': 1, 'priorTherapyLines.2.agents.1.cycles': 1 },
      status: 'not met',
      why: 'lenalidomide 1 cycle in each of two lines: the 2 cycles must be within one line',
    },
    {
      fields: { 'priorTherapyLines.1.agents.0.cycles': 1, 'priorTherapyLines.2.agents.1.cycles': null },
      status: 'not evaluable',
      why: 'lenalidomide cycles of line 3 unknown: they could be 2 or more',
    },
  ],
  'inc-progression': [
    { fields: { 'priorTherapyLines.2.progressionDate': '2021-05-30' }, status: 'met', why: 'progression 60 days after the last line ended 2021-03-31 (boundary)' },
    { fields: { 'priorTherapyLines.2.progressionDate': '2021-05-31' }, status: 'not met', why: '61 days after the end of the last line' },
    {
      fields: { 'priorTherapyLines.2.progressionDate': undefined, 'priorTherapyLines.2.refractory': null },
      status: 'not evaluable',
      why: 'no progression date, no days after the end and refractoriness unknown',
    },
  ],
  'inc-measurable': [
    {
      fields: { 'measures.serumMProteinGPerL': 5, 'measures.urineMProteinMgPer24h': 0, 'measures.involvedFlcMgPerL': 20 },
      status: 'met',
      why: 'serum M-protein 5 g/L meets >= 5 (boundary)',
    },
    {
      fields: { 'measures.serumMProteinGPerL': 4.9, 'measures.urineMProteinMgPer24h': 199, 'measures.involvedFlcMgPerL': 99 },
      status: 'not met',
      why: 'every measure just below its threshold (5 g/L, 200 mg/24 h, 100 mg/L)',
    },
    {
      fields: { 'measures.serumMProteinGPerL': 0, 'measures.urineMProteinMgPer24h': 0, 'measures.involvedFlcMgPerL': 150, 'measures.flcRatio': 1.2 },
      status: 'not met',
      why: 'involved FLC 150 mg/L but a normal FLC ratio (0.26-1.65): not measurable FLC disease',
    },
    {
      fields: { 'measures.serumMProteinGPerL': null, 'measures.urineMProteinMgPer24h': 100, 'measures.involvedFlcMgPerL': 20 },
      status: 'not evaluable',
      why: 'urine and FLC do not qualify and the serum M-protein (missing) could',
    },
  ],
  'inc-anc': [
    { fields: { 'labs.anc': { value: 1000, unit: 'cells/uL' } }, status: 'met', why: '1000 cells/uL = 1.0 x10^9/L meets >= 1.0 (boundary)' },
    { fields: { 'labs.anc.value': 0.99 }, status: 'not met', why: 'ANC 0.99 < 1.0 x10^9/L' },
    { fields: { 'labs.anc': null }, status: 'not evaluable', why: 'no ANC' },
  ],
  'inc-platelets': [
    { fields: { 'labs.platelets.value': 50 }, status: 'met', why: 'platelets 50 x10^9/L meets >= 50 (boundary)' },
    { fields: { 'labs.platelets.value': 49 }, status: 'not met', why: 'platelets 49 < 50 x10^9/L' },
    { fields: { 'labs.platelets': null }, status: 'not evaluable', why: 'no platelet count' },
  ],
  'inc-bilirubin': [
    { fields: { 'labs.totalBilirubin.value': 34.2 }, status: 'met', why: '34.2 umol/L = 2.0 mg/dL meets <= 2.0 (boundary)' },
    { fields: { 'labs.totalBilirubin': { value: 2.1, unit: 'mg/dL' } }, status: 'not met', why: '2.1 > 2.0 mg/dL' },
    { fields: { 'labs.totalBilirubin': undefined }, status: 'not evaluable', why: 'no bilirubin' },
  ],
  'inc-transaminases': [
    { fields: { 'labs.alt.value': 120, 'labs.ast.value': 120 }, status: 'met', why: 'ALT and AST 120 U/L = 3 x ULN 40 (boundary)' },
    { fields: { 'labs.alt.value': 121 }, status: 'not met', why: 'ALT 121 U/L > 3 x ULN (120); one failing is enough' },
    { fields: { 'labs.ast.upperLimitOfNormal': null }, status: 'not evaluable', why: 'AST has no ULN to compare with' },
  ],
  'inc-renal': [
    { fields: { weightKg: 40, 'labs.creatinine.value': 265.2 }, status: 'met', why: '265.2 umol/L = 3.0 mg/dL meets <= 3.0 (boundary), whatever the clearance' },
    {
      fields: { 'labs.creatinine.value': 300 },
      status: 'not met',
      why: '300 umol/L = 3.39 mg/dL > 3.0, and Cockcroft-Gault (62 years, 58 kg, female) gives about 15.7 mL/min < 30',
    },
    { fields: { 'labs.creatinine.value': 300, weightKg: null }, status: 'not evaluable', why: 'creatinine > 3.0 mg/dL and no weight for the clearance, which might qualify' },
  ],
  'inc-consent': [
    { fields: { consentDate: '2021-05-10' }, status: 'met', why: 'consent on the day of screening and the first labs (boundary)' },
    { fields: { consentDate: '2021-05-11' }, status: 'not met', why: 'consent the day after the screening labs' },
    { fields: { consentDate: null }, status: 'not evaluable', why: 'no consent date' },
  ],
  'exc-imid-intolerance': [
    { fields: {}, status: 'met', why: 'no intolerance to thalidomide, lenalidomide or pomalidomide (the excluding condition is absent)' },
    { fields: { 'facts.lenalidomideIntolerance': true }, status: 'not met', why: 'lenalidomide intolerance excludes' },
    { fields: { 'facts.pomalidomideIntolerance': null }, status: 'not evaluable', why: 'pomalidomide intolerance unknown' },
  ],
  'exc-hypersensitivity': [
    { fields: {}, status: 'met', why: 'no hypersensitivity recorded' },
    { fields: { 'facts.dexamethasoneHypersensitivity': true }, status: 'not met', why: 'dexamethasone hypersensitivity excludes' },
    { fields: { 'facts.proteasomeInhibitorHypersensitivity': null }, status: 'not evaluable', why: 'unknown' },
  ],
  'exc-neuropathy': [
    { fields: { 'facts.peripheralNeuropathyGrade': 2 }, status: 'met', why: 'grade 2 is below the excluding grade 3' },
    { fields: { 'facts.peripheralNeuropathyGrade': 3 }, status: 'not met', why: 'grade 3 excludes (boundary; read as >= 3)' },
    { fields: { 'facts.peripheralNeuropathyGrade': null }, status: 'not evaluable', why: 'grade not recorded' },
  ],
  'exc-nyha': [
    { fields: { 'facts.nyhaClass': 1 }, status: 'met', why: 'NYHA class I' },
    { fields: { 'facts.nyhaClass': 2 }, status: 'not met', why: 'NYHA class II excludes (boundary)' },
    { fields: { 'facts.nyhaClass': undefined }, status: 'not evaluable', why: 'NYHA class not recorded' },
  ],
  'exc-myocardial-infarction': [
    {
      fields: { 'facts.priorMyocardialInfarction': true, 'facts.myocardialInfarctionDate': '2020-05-19' },
      status: 'met',
      why: 'infarction more than 12 months before enrolment (2021-05-20)',
    },
    {
      fields: { 'facts.priorMyocardialInfarction': true, 'facts.myocardialInfarctionDate': '2020-05-20' },
      status: 'not met',
      why: 'infarction exactly 12 months before enrolment is within 12 months (boundary)',
    },
    { fields: { 'facts.priorMyocardialInfarction': true }, status: 'not evaluable', why: 'an infarction without a date' },
  ],
  'exc-angina': [
    { fields: {}, status: 'met', why: 'no unstable or poorly controlled angina' },
    { fields: { 'facts.unstableOrPoorlyControlledAngina': true }, status: 'not met', why: 'unstable angina excludes' },
    { fields: { 'facts.unstableOrPoorlyControlledAngina': null }, status: 'not evaluable', why: 'not recorded' },
  ],
} satisfies Record<string, EligibilityExample[]>);

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
