import type { AnalysisPlan, SubgroupDefinition } from '../../clinical/index.js';

const yesNo = (id: string, label: string, variable: string): SubgroupDefinition => ({
  id,
  label,
  variable,
  levels: [
    { value: 'Y', label: 'Yes' },
    { value: 'N', label: 'No' },
  ],
  comparisons: [['Y', 'N']],
});

const partner: SubgroupDefinition = {
  id: 'fusion-partner',
  label: 'RET fusion partner',
  variable: 'RETPARTG',
  levels: [
    { value: 'KIF5B', label: 'KIF5B' },
    { value: 'OTHER', label: 'Other or unknown' },
  ],
  comparisons: [['KIF5B', 'OTHER']],
};

/**
 * RET-CABO-2 statistical analysis plan. Primary endpoint: objective response (confirmed CR or PR by IRC per
 * RECIST 1.1) in the response-evaluable set, tested against H0 p <= 0.10 with Simon's minimax two-stage
 * design (Simon R. Control Clin Trials 1989;10:1-10) for p1 = 0.30, one-sided alpha 0.05, power 0.80:
 * stage 1 treats 15 evaluable patients and stops for futility with 1 or no response; the regimen is
 * declared promising with at least 6 responses in 25 (r = 5). trialkit's own Simon search gives this design
 * (alpha 0.033, power 0.802); 25 evaluable patients is the size of the model trial's cohort.
 */
export const RET_CABO_2_ANALYSIS_PLAN: AnalysisPlan = {
  design: {
    kind: 'simon-two-stage',
    p0: 0.1,
    p1: 0.3,
    alpha: 0.05,
    power: 0.8,
    optimality: 'minimax',
    n1: 15,
    r1: 1,
    n: 25,
    r: 5,
    citation: 'Simon R. Optimal two-stage designs for phase II clinical trials. Control Clin Trials 1989;10:1-10 (minimax design)',
  },
  primaryEvaluator: 'IRC',
  efficacyPopulation: 'EFFFL',
  safetyPopulation: 'SAFFL',
  confLevel: 0.95,
  baselineCharacteristics: [
    { kind: 'heading', label: 'Patients' },
    { kind: 'continuous', variable: 'AGE', label: 'Age, year, median (range)' },
    {
      kind: 'categorical',
      variable: 'AGEGR1',
      label: 'Age group',
      indentOnly: true,
      levels: [
        { values: ['<65'], label: '< 65, n (%)' },
        { values: ['>=65'], label: '≥ 65, n (%)' },
      ],
      missing: 'never',
      denominator: 'all',
    },
    {
      kind: 'categorical',
      variable: 'SEX',
      label: 'Sex, n (%)',
      levels: [
        { values: ['M'], label: 'Male' },
        { values: ['F'], label: 'Female' },
      ],
      missing: 'never',
      denominator: 'all',
    },
    {
      kind: 'categorical',
      variable: 'ECOGBL',
      label: 'ECOG performance status, n (%)',
      levels: [
        { values: [0], label: '0' },
        { values: [1], label: '1' },
        { values: [2, 3, 4], label: '2 or more', show: 'present' },
      ],
      missing: 'when-any',
      denominator: 'all',
    },
    {
      kind: 'categorical',
      variable: 'SMOKSTAT',
      label: 'Smoking history, n (%)',
      levels: [
        { values: ['never'], label: 'Never' },
        { values: ['former'], label: 'Former' },
        { values: ['current'], label: 'Current' },
      ],
      missing: 'when-any',
      denominator: 'all',
    },
    { kind: 'heading', label: 'Disease' },
    {
      kind: 'categorical',
      variable: 'HISTOL',
      label: 'Histology, n (%)',
      levels: [
        { values: ['adenocarcinoma'], label: 'Adenocarcinoma' },
        { values: ['squamous'], label: 'Squamous cell carcinoma', show: 'present' },
        { values: ['large-cell'], label: 'Large cell carcinoma', show: 'present' },
        { values: ['other'], label: 'Other', show: 'present' },
      ],
      missing: 'when-any',
      denominator: 'all',
    },
    {
      kind: 'categorical',
      variable: 'RETPART',
      label: 'RET fusion partner, n (%)',
      levels: [
        { values: ['KIF5B'], label: 'KIF5B' },
        { values: ['CCDC6'], label: 'CCDC6' },
        { values: ['NCOA4'], label: 'NCOA4', show: 'present' },
        { values: ['other'], label: 'Other', show: 'present' },
        { values: ['unknown'], label: 'Unknown (FISH)' },
      ],
      missing: 'when-any',
      denominator: 'all',
    },
    { kind: 'flags', label: 'Brain metastases at entry, n (%)', flags: [{ variable: 'BRAINMFL', label: 'Yes' }], sortByFrequency: false },
    { kind: 'continuous', variable: 'DIAGDURM', label: 'Time from diagnosis to enrolment, median (range), months' },
    { kind: 'heading', label: 'Prior treatments' },
    { kind: 'continuous', variable: 'PRLINES', label: 'Number of prior systemic lines, median (range)' },
    {
      kind: 'flags',
      label: 'Prior therapy, n (%)',
      flags: [
        { variable: 'PRPLATFL', label: 'Platinum chemotherapy' },
        { variable: 'PRIOFL', label: 'Immune checkpoint inhibitor' },
        { variable: 'PRMKIFL', label: 'Multikinase inhibitor' },
      ],
      sortByFrequency: false,
    },
  ],
  baselineNotes: { footnotes: [], abbreviations: ['ECOG Eastern Cooperative Oncology Group', 'FISH fluorescence in situ hybridization'] },
  responseSubgroups: [partner, yesNo('prior-platinum', 'Prior platinum chemotherapy', 'PRPLATFL'), yesNo('prior-io', 'Prior immune checkpoint inhibitor', 'PRIOFL')],
  survivalSubgroups: [partner],
  timeToEventEndpoints: [
    { paramcd: 'PFS', landmarkMonths: [6, 12], withFollowUp: false },
    { paramcd: 'OS', landmarkMonths: [6, 12], withFollowUp: true },
    { paramcd: 'DOR', landmarkMonths: [6], withFollowUp: false },
  ],
  atRiskEveryMonths: 3,
  aeTermThreshold: 0.1,
  earlyDeathDays: 30,
  swimmerMaxLanes: 60,
  paperReferences: {},
};
