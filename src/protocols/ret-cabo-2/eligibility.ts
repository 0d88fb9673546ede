import type { EligibilityCriteriaSet, EligibilityExample } from '../../clinical/index.js';

const MODEL = 'Modelled on NCT01639508 (Drilon A et al. Lancet Oncol 2016;17:1653-60, Methods "Patients"); RET-CABO-2 protocol section 4';
const INCLUSION = `${MODEL} (inclusion)`;
const EXCLUSION = `${MODEL} (exclusion)`;

/**
 * RET-CABO-2 eligibility. The model trial required a pathologically confirmed metastatic or unresectable
 * lung cancer with a RET rearrangement, Karnofsky performance status > 70 and measurable disease; the
 * laboratory and cardiovascular criteria follow the cabozantinib label's warnings (haemorrhage, QT
 * prolongation, hypertension, arterial thromboembolism). Decisions (README.md):
 * - Karnofsky > 70 is written as ECOG 0-1 (the usual translation; ECOG 2 spans Karnofsky 50-70).
 * - Measurable disease: at least one RECIST 1.1 target-eligible lesion (>= 10 mm, node >= 15 mm short axis)
 *   as recorded by the investigator at screening; the IRC's baseline selection is made later.
 * - Prior therapy is not limited in number; a prior selective RET inhibitor or cabozantinib excludes.
 */
export const RET_CABO_2_ELIGIBILITY: EligibilityCriteriaSet = {
  protocol: 'RET-CABO-2',
  version: '1.0',
  source: MODEL,
  screening: {
    labs: [
      { key: 'anc', analyte: 'neutrophils', label: 'ANC' },
      { key: 'platelets', analyte: 'platelets', label: 'platelets' },
      { key: 'hemoglobin', analyte: 'hemoglobin', label: 'haemoglobin' },
      { key: 'totalBilirubin', analyte: 'bilirubin', label: 'total bilirubin' },
      { key: 'alt', analyte: 'alt', label: 'ALT' },
      { key: 'ast', analyte: 'ast', label: 'AST' },
      { key: 'creatinine', analyte: 'creatinine', label: 'serum creatinine' },
    ],
    measures: [{ key: 'measurableLesions', label: 'Measurable lesions (RECIST 1.1)', unit: 'lesions', softMax: 30, softNote: 'more than 30 measurable lesions is exceptional' }],
    facts: [
      { key: 'nsclcConfirmed', label: 'Pathologically confirmed metastatic or unresectable non-small-cell lung cancer', type: 'boolean' },
      { key: 'retFusionDocumented', label: 'RET rearrangement documented by NGS, FISH or RT-PCR', type: 'boolean' },
      { key: 'priorRetInhibitor', label: 'Prior selective RET inhibitor or cabozantinib', type: 'boolean' },
      { key: 'untreatedBrainMetastases', label: 'Untreated or symptomatic brain metastases', type: 'boolean' },
      { key: 'qtcfMs', label: 'QTcF (Fridericia), ms', type: 'integer', min: 250, max: 700 },
      { key: 'uncontrolledHypertension', label: 'Uncontrolled hypertension (>= 150/100 mmHg despite treatment)', type: 'boolean' },
      { key: 'recentHaemorrhage', label: 'Clinically significant haemoptysis or haemorrhage within 3 months', type: 'boolean' },
      { key: 'priorArterialThromboembolism', label: 'History of arterial thromboembolism (MI, stroke)', type: 'boolean' },
      { key: 'arterialThromboembolismDate', label: 'Date of the most recent arterial thromboembolic event', type: 'date' },
    ],
    factRules: [{ dateFact: 'arterialThromboembolismDate', onlyWhen: 'priorArterialThromboembolism' }],
  },
  criteria: [
    { id: 'inc-age', kind: 'inclusion', text: 'Age at least 18 years', source: INCLUSION, rule: { type: 'age', minYears: 18 } },
    {
      id: 'inc-nsclc',
      kind: 'inclusion',
      text: 'Pathologically confirmed metastatic or unresectable non-small-cell lung cancer',
      source: INCLUSION,
      rule: { type: 'facts', facts: ['nsclcConfirmed'], required: true },
    },
    { id: 'inc-ret', kind: 'inclusion', text: 'RET rearrangement documented in tumour tissue', source: INCLUSION, rule: { type: 'facts', facts: ['retFusionDocumented'], required: true } },
    { id: 'inc-ecog', kind: 'inclusion', text: 'ECOG performance status 0-1 (the model trial: Karnofsky > 70)', source: INCLUSION, rule: { type: 'ordinal-range', fact: 'ecog', label: 'ECOG', min: 0, max: 1 } },
    {
      id: 'inc-measurable',
      kind: 'inclusion',
      text: 'At least one measurable lesion per RECIST 1.1',
      source: INCLUSION,
      rule: { type: 'measure', measure: 'measurableLesions', label: 'measurable lesions', min: 1, unit: 'lesions' },
    },
    { id: 'inc-anc', kind: 'inclusion', text: 'Absolute neutrophil count >= 1.5 x 10^9/L', source: INCLUSION, rule: { type: 'lab', lab: 'anc', comparator: '>=', limit: 1.5, unit: '10^9/L' } },
    { id: 'inc-platelets', kind: 'inclusion', text: 'Platelet count >= 100 x 10^9/L', source: INCLUSION, rule: { type: 'lab', lab: 'platelets', comparator: '>=', limit: 100, unit: '10^9/L' } },
    { id: 'inc-hemoglobin', kind: 'inclusion', text: 'Haemoglobin >= 90 g/L', source: INCLUSION, rule: { type: 'lab', lab: 'hemoglobin', comparator: '>=', limit: 90, unit: 'g/L' } },
    { id: 'inc-bilirubin', kind: 'inclusion', text: 'Total bilirubin <= 1.5 x ULN', source: INCLUSION, rule: { type: 'lab-times-uln', lab: 'totalBilirubin', maxTimesUln: 1.5 } },
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
      text: 'Serum creatinine <= 1.5 x ULN, or creatinine clearance >= 50 mL/min (Cockcroft-Gault)',
      source: INCLUSION,
      rule: {
        type: 'any-of',
        rules: [
          { type: 'lab-times-uln', lab: 'creatinine', maxTimesUln: 1.5 },
          { type: 'creatinine-clearance', lab: 'creatinine', minMlPerMin: 50 },
        ],
      },
    },
    { id: 'inc-consent', kind: 'inclusion', text: 'Written informed consent given before any study procedure', source: INCLUSION, rule: { type: 'consent-before-procedures' } },
    { id: 'exc-prior-ret', kind: 'exclusion', text: 'No prior selective RET inhibitor or cabozantinib', source: EXCLUSION, rule: { type: 'facts', facts: ['priorRetInhibitor'], required: false } },
    { id: 'exc-brain', kind: 'exclusion', text: 'No untreated or symptomatic brain metastases', source: EXCLUSION, rule: { type: 'facts', facts: ['untreatedBrainMetastases'], required: false } },
    { id: 'exc-qtc', kind: 'exclusion', text: 'No QTcF above 500 ms', source: EXCLUSION, rule: { type: 'ordinal-range', fact: 'qtcfMs', label: 'QTcF (ms)', max: 500 } },
    { id: 'exc-hypertension', kind: 'exclusion', text: 'No uncontrolled hypertension', source: EXCLUSION, rule: { type: 'facts', facts: ['uncontrolledHypertension'], required: false } },
    { id: 'exc-haemorrhage', kind: 'exclusion', text: 'No clinically significant haemoptysis or haemorrhage within 3 months', source: EXCLUSION, rule: { type: 'facts', facts: ['recentHaemorrhage'], required: false } },
    {
      id: 'exc-arterial-thromboembolism',
      kind: 'exclusion',
      text: 'No arterial thromboembolic event within 6 months before enrolment',
      source: EXCLUSION,
      rule: { type: 'no-recent-event', historyFact: 'priorArterialThromboembolism', dateFact: 'arterialThromboembolismDate', label: 'arterial thromboembolic event', withinMonths: 6 },
    },
  ],
};

/**
 * Worked examples per criterion against examples/ret-cabo-2/screening-eligible.json (screening 2024-03-04,
 * enrolment 2024-03-11, a 58-year-old 64-kg woman, labs in SI units with ALT/AST ULN 40 U/L and creatinine
 * ULN 90 umol/L). Executed by eligibility.test.ts through computeEligibility.
 */
export const RET_CABO_2_CRITERIA_EXAMPLES: Readonly<Record<string, readonly EligibilityExample[]>> = {
  'inc-age': [
    { fields: { birthDate: '2006-03-04' }, status: 'met', why: '18th birthday on the screening date (boundary)' },
    { fields: { birthDate: '2006-03-05' }, status: 'not met', why: 'still 17 at screening' },
  ],
  'inc-nsclc': [
    { fields: {}, status: 'met', why: 'confirmed' },
    { fields: { 'facts.nsclcConfirmed': false }, status: 'not met', why: 'not confirmed' },
    { fields: { 'facts.nsclcConfirmed': null }, status: 'not evaluable', why: 'not recorded' },
  ],
  'inc-ret': [
    { fields: {}, status: 'met', why: 'documented' },
    { fields: { 'facts.retFusionDocumented': false }, status: 'not met', why: 'no RET rearrangement' },
  ],
  'inc-ecog': [
    { fields: { ecog: 1 }, status: 'met', why: 'ECOG 1 (boundary)' },
    { fields: { ecog: 2 }, status: 'not met', why: 'ECOG 2 is Karnofsky 50-70' },
  ],
  'inc-measurable': [
    { fields: { 'measures.measurableLesions': 1 }, status: 'met', why: 'one measurable lesion (boundary)' },
    { fields: { 'measures.measurableLesions': 0 }, status: 'not met', why: 'evaluable disease only' },
    { fields: { 'measures.measurableLesions': null }, status: 'not evaluable', why: 'not recorded' },
  ],
  'inc-anc': [
    { fields: { 'labs.anc.value': 1.5 }, status: 'met', why: '1.5 x10^9/L (boundary)' },
    { fields: { 'labs.anc.value': 1.49 }, status: 'not met', why: 'below 1.5' },
  ],
  'inc-platelets': [
    { fields: { 'labs.platelets.value': 100 }, status: 'met', why: '100 x10^9/L (boundary)' },
    { fields: { 'labs.platelets.value': 99 }, status: 'not met', why: 'below 100' },
  ],
  'inc-hemoglobin': [
    { fields: { 'labs.hemoglobin': { value: 9, unit: 'g/dL' } }, status: 'met', why: '9 g/dL = 90 g/L (boundary, converted)' },
    { fields: { 'labs.hemoglobin.value': 89 }, status: 'not met', why: '89 g/L' },
  ],
  'inc-bilirubin': [
    { fields: { 'labs.totalBilirubin.value': 31.5 }, status: 'met', why: '31.5 umol/L = 1.5 x ULN 21 (boundary)' },
    { fields: { 'labs.totalBilirubin.value': 32 }, status: 'not met', why: 'above 1.5 x ULN' },
  ],
  'inc-transaminases': [
    { fields: { 'labs.alt.value': 120 }, status: 'met', why: 'ALT 3 x ULN (boundary)' },
    { fields: { 'labs.ast.value': 121 }, status: 'not met', why: 'AST above 3 x ULN' },
  ],
  'inc-renal': [
    { fields: { 'labs.creatinine.value': 135 }, status: 'met', why: '135 umol/L = 1.5 x ULN 90 (boundary)' },
    { fields: { 'labs.creatinine.value': 200, weightKg: 45 }, status: 'not met', why: '2.2 x ULN and Cockcroft-Gault about 22 mL/min' },
  ],
  'inc-consent': [
    { fields: { consentDate: '2024-03-04' }, status: 'met', why: 'consent on the day of screening (boundary)' },
    { fields: { consentDate: '2024-03-05' }, status: 'not met', why: 'after the screening labs' },
  ],
  'exc-prior-ret': [
    { fields: {}, status: 'met', why: 'none' },
    { fields: { 'facts.priorRetInhibitor': true }, status: 'not met', why: 'prior selpercatinib excludes' },
  ],
  'exc-brain': [
    { fields: {}, status: 'met', why: 'none or treated' },
    { fields: { 'facts.untreatedBrainMetastases': true }, status: 'not met', why: 'untreated brain metastases' },
  ],
  'exc-qtc': [
    { fields: { 'facts.qtcfMs': 500 }, status: 'met', why: '500 ms (boundary)' },
    { fields: { 'facts.qtcfMs': 501 }, status: 'not met', why: 'above 500 ms' },
    { fields: { 'facts.qtcfMs': null }, status: 'not evaluable', why: 'no ECG' },
  ],
  'exc-hypertension': [
    { fields: {}, status: 'met', why: 'controlled' },
    { fields: { 'facts.uncontrolledHypertension': true }, status: 'not met', why: 'uncontrolled' },
  ],
  'exc-haemorrhage': [
    { fields: {}, status: 'met', why: 'none' },
    { fields: { 'facts.recentHaemorrhage': true }, status: 'not met', why: 'recent haemoptysis' },
  ],
  'exc-arterial-thromboembolism': [
    { fields: { 'facts.priorArterialThromboembolism': true, 'facts.arterialThromboembolismDate': '2023-09-10' }, status: 'met', why: 'more than 6 months before enrolment 2024-03-11' },
    { fields: { 'facts.priorArterialThromboembolism': true, 'facts.arterialThromboembolismDate': '2023-09-11' }, status: 'not met', why: 'exactly 6 months before enrolment (boundary)' },
  ],
};
