import type { SubjectVariables, SubjectVariableContext } from '../../clinical/index.js';

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

function derive(context: SubjectVariableContext): { values: Record<string, string | number | null>; issues: [] } {
  const diagnosis = context.record.diagnosis;
  const partner = text(diagnosis?.retFusionPartner);
  return {
    values: {
      HISTOL: text(diagnosis?.histology),
      RETPART: partner,
      RETPARTG: partner === null ? null : partner === 'KIF5B' ? 'KIF5B' : 'OTHER',
      SMOKSTAT: text(diagnosis?.smokingStatus),
      BRAINMFL: typeof diagnosis?.brainMetastases === 'boolean' ? (diagnosis.brainMetastases ? 'Y' : 'N') : null,
    },
    issues: [],
  };
}

/** The RET-CABO-2 disease variables of ADSL, read from the disease history form. */
export const RET_CABO_2_SUBJECT_VARIABLES: SubjectVariables = {
  variables: [
    { name: 'HISTOL', label: 'Histology', type: 'text', derivation: 'Disease history: histology' },
    { name: 'RETPART', label: 'RET Fusion Partner', type: 'text', derivation: 'Disease history: RET fusion partner' },
    {
      name: 'RETPARTG',
      label: 'RET Fusion Partner Group',
      type: 'text',
      levels: [
        { value: 'KIF5B', label: 'KIF5B' },
        { value: 'OTHER', label: 'Other or unknown partner' },
      ],
      derivation: "KIF5B when the partner is KIF5B, else OTHER (incl. 'unknown' from break-apart FISH)",
    },
    {
      name: 'SMOKSTAT',
      label: 'Smoking History',
      type: 'text',
      // the disease history's code list SMOKING, worded as the baseline table prints it
      levels: [
        { value: 'never', label: 'Never' },
        { value: 'former', label: 'Former' },
        { value: 'current', label: 'Current' },
      ],
      derivation: 'Disease history: smoking history',
    },
    {
      name: 'BRAINMFL',
      label: 'Brain Metastases at Entry Flag',
      type: 'text',
      levels: [
        { value: 'Y', label: 'Yes' },
        { value: 'N', label: 'No' },
      ],
      derivation: 'Disease history: brain metastases at study entry',
    },
  ],
  derive,
};
