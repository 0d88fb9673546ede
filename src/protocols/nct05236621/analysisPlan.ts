import type { AnalysisPlan, SubgroupDefinition } from '../../clinical/index.js';

const stage = (id: string, label: string, variable: string, comparisons: readonly (readonly [string, string])[]): SubgroupDefinition => ({
  id,
  label,
  variable,
  levels: ['I', 'II', 'III'].map((value) => ({ value, label: value })),
  comparisons,
});

const flagSubgroup = (id: string, label: string, variable: string): SubgroupDefinition => ({
  id,
  label,
  variable,
  levels: [
    { value: 'Y', label: 'Yes' },
    { value: 'N', label: 'No' },
  ],
  comparisons: [['Y', 'N']],
});

/**
 * The statistical analysis of NCT05236621 as published (Zhou H et al. Ann Hematol 2023, Methods
 * "Statistical analysis"): ORR by IRC in the full analysis set against H0 p <= 0.12 (exact, one-sided 0.025;
 * 66 evaluable patients for 80% power at p1 = 0.25, 79 with 20% drop-out), subgroups by ISS, R-ISS,
 * cytogenetic risk, prior anti-CD38 antibody and prior ASCT (Fisher for rates, log-rank for times), PFS/OS
 * at 6 and 12 months, DoR at 3 and 6 months, and the paper's tables and figures.
 */
export const NCT05236621_ANALYSIS_PLAN: AnalysisPlan = {
  design: {
    kind: 'single-stage-exact',
    p0: 0.12,
    p1: 0.25,
    alpha: 0.025,
    power: 0.8,
    sampleSize: 66,
    dropout: 0.2,
    citation: 'Zhou H et al. Ann Hematol 2023, Methods "Statistical analysis" (PASS 2019)',
  },
  primaryEvaluator: 'IRC',
  efficacyPopulation: 'FASFL',
  safetyPopulation: 'SAFFL',
  baselinePopulation: 'ITTFL',
  confLevel: 0.95,
  baselineCharacteristics: [
    { kind: 'heading', id: 'patients', label: 'Patients' },
    { kind: 'continuous', variable: 'AGE', label: 'Age, year, median (range)' },
    {
      kind: 'categorical',
      variable: 'AGEGR1',
      label: 'Age group',
      indentOnly: true,
      levels: [
        { values: ['<65'], label: '< 65, n (%)' },
        { values: ['65-75'], label: '≥ 65 to ≤ 75, n (%)' },
        { values: ['>75'], label: '> 75, n (%)' },
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
        { values: [0, 1], label: '0 or 1' },
        { values: [2], label: '2' },
        { values: [3, 4], label: '3 or 4', show: 'present' },
      ],
      missing: 'when-any',
      denominator: 'all',
    },
    {
      kind: 'categorical',
      variable: 'ISS',
      label: 'International Staging System stage at study entry, n (%)',
      levels: ['I', 'II', 'III'].map((value) => ({ values: [value], label: value })),
      missing: 'when-any',
      denominator: 'all',
    },
    {
      kind: 'categorical',
      variable: 'RISS',
      label: 'Revised International Staging System stage at study entry, n (%)',
      levels: ['I', 'II', 'III'].map((value) => ({ values: [value], label: value })),
      missing: 'never',
      denominator: 'non-missing',
    },
    { kind: 'heading', id: 'disease', label: 'Disease' },
    { kind: 'continuous', variable: 'DIAGDURM', label: 'Time from initial diagnosis of multiple myeloma to enrollment, median (range), months' },
    { kind: 'continuous', variable: 'B2M', label: 'β2-Microglobulin, median (range), mg/L' },
    {
      kind: 'categorical',
      variable: 'CYTORISK',
      label: 'Cytogenetic profile by FISH, n (%)',
      levels: [
        { values: ['HIGH'], label: 'High risk' },
        { values: ['STANDARD'], label: 'Standard risk' },
      ],
      missing: 'always',
      missingLabel: 'Missing data',
      denominator: 'all',
    },
    {
      kind: 'flags',
      id: 'cytogenetic-abnormalities',
      label: 'Cytogenetic abnormalities, n (%)',
      flags: [
        { variable: 'GAIN1Q21', label: 'Gain(1q21)' },
        { variable: 'DEL13Q', label: 'Del(13q)' },
        { variable: 'DEL17P', label: 'del(17p)' },
        { variable: 'T4_14', label: 't(4;14)' },
        { variable: 'T14_16', label: 't(14;16)' },
      ],
      sortByFrequency: false,
    },
    {
      kind: 'categorical',
      variable: 'MMTYPE',
      label: 'Multiple myeloma subtype at study entry, n (%)',
      levels: [
        { values: ['IgG'], label: 'IgG' },
        { values: ['IgD'], label: 'IgD' },
        { values: ['IgA'], label: 'IgA' },
        { values: ['light-chain'], label: 'Light chain' },
        { values: ['IgM'], label: 'IgM', show: 'present' },
        { values: ['IgE'], label: 'IgE', show: 'present' },
        { values: ['non-secretory'], label: 'Non-secretory', show: 'present' },
      ],
      missing: 'when-any',
      denominator: 'all',
    },
    { kind: 'heading', id: 'prior-treatments', label: 'Prior treatments' },
    { kind: 'continuous', variable: 'PRLINES', label: 'Number of prior treatments, median (range)' },
    {
      kind: 'flags',
      id: 'prior-agents',
      label: 'Prior treatments in > 50% patients, n (%)',
      flags: [
        { variable: 'PRLENFL', label: 'Lenalidomide' },
        { variable: 'PRBORFL', label: 'Bortezomib' },
        { variable: 'PRDEXFL', label: 'Dexamethasone' },
        { variable: 'PRCYCFL', label: 'Cyclophosphamide' },
        { variable: 'PRDARAFL', label: 'Daratumumab' },
        { variable: 'PRISAFL', label: 'Isatuximab' },
      ],
      onlyAboveFraction: 0.5,
      sortByFrequency: true,
    },
    { kind: 'flags', id: 'prior-anti-cd38', label: 'Prior treatment with anti-CD38 antibody, n (%)', flags: [{ variable: 'PRCD38FL', label: 'Yes' }], sortByFrequency: false },
    { kind: 'flags', id: 'prior-asct', label: 'Prior ASCT, n (%)', flags: [{ variable: 'PRASCTFL', label: 'Yes' }], sortByFrequency: false },
  ],
  baselineNotes: {
    footnotes: ['High-risk cytogenetic status is defined as the presence of at least one of del(17p13.1), t(4;14) and t(14;16).'],
    abbreviations: [
      'FISH fluorescence in situ hybridization',
      'ECOG Eastern Cooperative Oncology Group',
      'ISS international staging system',
      'R-ISS revised international staging system',
      'ASCT autologous hematopoietic stem cell transplantation',
    ],
  },
  responseSubgroups: [
    stage('iss', 'ISS stage', 'ISS', [['I', 'III']]),
    stage('riss', 'R-ISS stage', 'RISS', [['I', 'III']]),
    {
      id: 'cytogenetics',
      label: 'Cytogenetic risk',
      variable: 'CYTORISK',
      levels: [
        { value: 'HIGH', label: 'High risk' },
        { value: 'STANDARD', label: 'Standard risk' },
      ],
      comparisons: [['HIGH', 'STANDARD']],
    },
    flagSubgroup('anti-cd38', 'Prior anti-CD38 antibody', 'PRCD38FL'),
    flagSubgroup('asct', 'Prior ASCT', 'PRASCTFL'),
  ],
  survivalSubgroups: [
    stage('iss', 'ISS stage', 'ISS', [
      ['I', 'III'],
      ['II', 'III'],
    ]),
    stage('riss', 'R-ISS stage', 'RISS', [
      ['I', 'III'],
      ['II', 'III'],
    ]),
  ],
  timeToEventEndpoints: [
    { paramcd: 'PFS', landmarkMonths: [6, 12], withFollowUp: false, paperReference: 'Fig. 4' },
    { paramcd: 'OS', landmarkMonths: [6, 12], withFollowUp: true, paperReference: 'Fig. 5' },
    { paramcd: 'DOR', landmarkMonths: [3, 6], withFollowUp: false, paperReference: 'Fig. 3' },
  ],
  atRiskEveryMonths: 3,
  aeTermThreshold: 0.05,
  earlyDeathDays: 60,
  swimmerMaxLanes: 60,
  paperReferences: {
    't-disposition': 'Fig. 1',
    't-baseline': 'Table 1',
    't-teae-overview': 'Table 2',
    't-related-ae': 'Table 3',
    'f-consort': 'Fig. 1',
    't-response-rate': 'Fig. 2A',
    'f-response-overall': 'Fig. 2A',
    'f-response-iss': 'Fig. 2B',
    'f-response-riss': 'Fig. 2C',
    'f-swimmer': 'Fig. 3',
    'f-km-pfs-iss': 'Fig. 4B',
    'f-km-pfs-riss': 'Fig. 4C',
    'f-km-os-iss': 'Fig. 5B',
    'f-km-os-riss': 'Fig. 5C',
    't-best-response': 'Supplemental Table 1',
    't-subgroup-response': 'Supplemental Table 2',
  },
  // IMWG 2016: progression at +25% of the lowest value, PR at -50%, VGPR at -90% of serum M-protein.
  waterfallReferenceLines: [
    { percentChange: 25, label: '+25% (progression)' },
    { percentChange: -50, label: '−50% (PR)' },
    { percentChange: -90, label: '−90% (VGPR)' },
  ],
  abbreviations: [
    { abbreviation: 'IRC', meaning: 'independent review committee' },
    { abbreviation: 'IMWG', meaning: 'International Myeloma Working Group' },
    { abbreviation: 'ISS', meaning: 'international staging system' },
    { abbreviation: 'R-ISS', meaning: 'revised international staging system' },
    { abbreviation: 'ASCT', meaning: 'autologous hematopoietic stem cell transplantation' },
    { abbreviation: 'FISH', meaning: 'fluorescence in situ hybridization' },
    { abbreviation: 'ECOG', meaning: 'Eastern Cooperative Oncology Group' },
  ],
};
