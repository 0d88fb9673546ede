import { computeCytogeneticRisk, computeIssStage, computeRissStage } from '../../clinical/index.js';
import { issue, type Issue } from '../../result/index.js';
import type { FormRow, SubjectVariables, SubjectVariableContext } from '../../clinical/index.js';

/**
 * The myeloma variables of NCT05236621's ADSL, derived from the baseline disease form (staging panel,
 * FISH), the disease history (isotype, light chain) and the prior lines (ASCT), with the staging standards
 * of src/clinical/staging: ISS (Greipp 2005), R-ISS (Palumbo 2015) and the IMWG cytogenetic risk.
 */

type Fish = 'positive' | 'negative' | 'not-done';
const FISH_KEYS = ['del17p', 't4_14', 't14_16', 'gain1q21', 'del13q'] as const;

const fishFlag = (result: unknown): 'Y' | 'N' | null => (result === 'positive' ? 'Y' : result === 'negative' ? 'N' : null);
const fishBoolean = (result: unknown): boolean | null => (result === 'positive' ? true : result === 'negative' ? false : null);
const numberOrNull = (value: unknown): number | null => (typeof value === 'number' ? value : null);
const stages = [
  { value: 'I', label: 'I' },
  { value: 'II', label: 'II' },
  { value: 'III', label: 'III' },
];

function derive(context: SubjectVariableContext): { values: Record<string, string | number | null>; issues: Issue[] } {
  const { record, recordPath } = context;
  const issues: Issue[] = [];
  const disease: FormRow | undefined = record.diseaseForms.baselineDisease?.[0];
  const diagnosis = record.diagnosis;
  const b2m = numberOrNull(disease?.beta2MicroglobulinMgPerL);
  const albumin = numberOrNull(disease?.albuminGPerL);
  const ldh = numberOrNull(disease?.ldhUPerL);
  const ldhUln = numberOrNull(disease?.ldhUlnUPerL);
  const fish = (disease?.fish ?? undefined) as Readonly<Record<string, Fish>> | undefined;
  let iss: string | null = null;
  let riss: string | null = null;
  let cytoRisk: string | null = null;
  if (disease !== undefined) {
    const base = [...recordPath, 'diseaseForms', 'baselineDisease', 0];
    const stagingIssue = (item: Issue, field: string): void => {
      issues.push(issue(`staging-${item.code}`, [...base, field, ...item.path.slice(1)], item.value, item.expected, item.severity));
    };
    const issResult = computeIssStage({ beta2MicroglobulinMgPerL: b2m, albuminGPerL: albumin });
    issResult.issues.forEach((item) => stagingIssue(item, String(item.path[0] ?? 'beta2MicroglobulinMgPerL')));
    iss = issResult.ok ? issResult.value.stage : null;
    const cyto = computeCytogeneticRisk({
      del17p: fishBoolean(fish?.del17p),
      t4_14: fishBoolean(fish?.t4_14),
      t14_16: fishBoolean(fish?.t14_16),
      gain1q21: fishBoolean(fish?.gain1q21),
      del13q: fishBoolean(fish?.del13q),
    });
    cyto.issues.forEach((item) => stagingIssue(item, 'fish'));
    const risk = cyto.ok ? cyto.value.risk : null;
    cytoRisk = risk === 'high' ? 'HIGH' : risk === 'standard' ? 'STANDARD' : null;
    const rissResult = computeRissStage({ issStage: iss as 'I' | 'II' | 'III' | null, cytogeneticRisk: risk, ldhUPerL: ldh, ldhUlnUPerL: ldhUln });
    rissResult.issues.forEach((item) => stagingIssue(item, String(item.path[0] ?? 'ldhUPerL')));
    riss = rissResult.ok ? rissResult.value.stage : null;
  }
  const values: Record<string, string | number | null> = {
    MMTYPE: typeof diagnosis?.subtype === 'string' ? diagnosis.subtype : null,
    LCTYPE: typeof diagnosis?.lightChainType === 'string' ? diagnosis.lightChainType : null,
    B2M: b2m,
    ALBUMIN: albumin,
    LDH: ldh,
    LDHULN: ldhUln,
    ISS: iss,
    RISS: riss,
    CYTORISK: cytoRisk,
    PRASCTFL: record.priorTherapies.some((line) => line.asct === true) ? 'Y' : 'N',
  };
  for (const key of FISH_KEYS) values[key.toUpperCase()] = disease === undefined ? null : fishFlag(fish?.[key]);
  return { values, issues };
}

export const NCT05236621_SUBJECT_VARIABLES: SubjectVariables = Object.freeze({
  variables: Object.freeze([
    { name: 'MMTYPE', label: 'Myeloma Isotype', type: 'text', derivation: 'Disease history: isotype of the myeloma protein' },
    { name: 'LCTYPE', label: 'Light-Chain Type', type: 'text', derivation: 'Disease history: light-chain type' },
    { name: 'B2M', label: 'Baseline Beta2-Microglobulin (mg/L)', type: 'number', derivation: 'Baseline disease form' },
    { name: 'ALBUMIN', label: 'Baseline Albumin (g/L)', type: 'number', derivation: 'Baseline disease form' },
    { name: 'LDH', label: 'Baseline LDH (U/L)', type: 'number', derivation: 'Baseline disease form' },
    { name: 'LDHULN', label: 'LDH Upper Limit of Normal (U/L)', type: 'number', derivation: 'Baseline disease form' },
    { name: 'ISS', label: 'ISS Stage', type: 'text', levels: stages, derivation: 'ISS (Greipp 2005) from B2M and ALBUMIN (src/clinical/staging)' },
    { name: 'RISS', label: 'R-ISS Stage', type: 'text', levels: stages, derivation: 'R-ISS (Palumbo 2015) from ISS, LDH vs LDHULN and cytogenetic risk' },
    {
      name: 'CYTORISK',
      label: 'Cytogenetic Risk',
      type: 'text',
      levels: [
        { value: 'HIGH', label: 'High risk' },
        { value: 'STANDARD', label: 'Standard risk' },
      ],
      derivation: 'IMWG high risk: del(17p), t(4;14) or t(14;16) by FISH',
    },
    { name: 'DEL17P', label: 'del(17p) by FISH', type: 'text', derivation: 'FISH positive = Y, negative = N, not done = null' },
    { name: 'T4_14', label: 't(4;14) by FISH', type: 'text', derivation: 'FISH positive = Y, negative = N, not done = null' },
    { name: 'T14_16', label: 't(14;16) by FISH', type: 'text', derivation: 'FISH positive = Y, negative = N, not done = null' },
    { name: 'GAIN1Q21', label: 'gain(1q21) by FISH', type: 'text', derivation: 'FISH positive = Y, negative = N, not done = null' },
    { name: 'DEL13Q', label: 'del(13q) by FISH', type: 'text', derivation: 'FISH positive = Y, negative = N, not done = null' },
    {
      name: 'PRASCTFL',
      label: 'Prior ASCT Flag',
      type: 'text',
      levels: [
        { value: 'Y', label: 'Yes' },
        { value: 'N', label: 'No' },
      ],
      derivation: 'Y when any prior line records an autologous stem-cell transplant',
    },
  ] as const),
  derive,
});
