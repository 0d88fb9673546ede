/**
 * Required variables as data, per standard. SDTM: the variables whose Core is "Req" in the SDTMIG v3.4 domain
 * specification tables, for the domains trialkit maps; other domains get their class's required variables
 * (`--` stands for the domain code). ADaM: the "Req" variables of ADaMIG v1.3 (ADSL, BDS) and of the ADaM BDS for
 * Time-to-Event Analyses v1.0. Written from the implementation guides' tables; when a guide is updated, add a new
 * table beside this one rather than editing it.
 */

export const SDTMIG_3_4_REQUIRED: Readonly<Record<string, readonly string[]>> = {
  DM: ['STUDYID', 'DOMAIN', 'USUBJID', 'SUBJID', 'SITEID', 'SEX', 'COUNTRY'],
  AE: ['STUDYID', 'DOMAIN', 'USUBJID', 'AESEQ', 'AETERM', 'AEDECOD'],
  CM: ['STUDYID', 'DOMAIN', 'USUBJID', 'CMSEQ', 'CMTRT'],
  MH: ['STUDYID', 'DOMAIN', 'USUBJID', 'MHSEQ', 'MHTERM'],
  EX: ['STUDYID', 'DOMAIN', 'USUBJID', 'EXSEQ', 'EXTRT'],
  DS: ['STUDYID', 'DOMAIN', 'USUBJID', 'DSSEQ', 'DSTERM', 'DSDECOD'],
  LB: ['STUDYID', 'DOMAIN', 'USUBJID', 'LBSEQ', 'LBTESTCD', 'LBTEST'],
  RS: ['STUDYID', 'DOMAIN', 'USUBJID', 'RSSEQ', 'RSTESTCD', 'RSTEST'],
  TU: ['STUDYID', 'DOMAIN', 'USUBJID', 'TUSEQ', 'TUTESTCD', 'TUTEST'],
  TR: ['STUDYID', 'DOMAIN', 'USUBJID', 'TRSEQ', 'TRTESTCD', 'TRTEST'],
  SV: ['STUDYID', 'DOMAIN', 'USUBJID', 'VISITNUM'],
  TS: ['STUDYID', 'DOMAIN', 'TSSEQ', 'TSPARMCD', 'TSPARM'],
  TA: ['STUDYID', 'DOMAIN', 'ARMCD', 'ARM', 'TAETORD', 'ETCD', 'EPOCH'],
  TE: ['STUDYID', 'DOMAIN', 'ETCD', 'ELEMENT', 'TESTRL'],
  TV: ['STUDYID', 'DOMAIN', 'VISITNUM', 'TVSTRL'],
  TI: ['STUDYID', 'DOMAIN', 'IETESTCD', 'IETEST', 'IECAT'],
  SUPPQUAL: ['STUDYID', 'RDOMAIN', 'USUBJID', 'QNAM', 'QLABEL', 'QVAL', 'QORIG'],
};

/** Required variables of a general-observation class, for SDTM domains not listed above. */
export const SDTMIG_3_4_CLASS_REQUIRED: Readonly<Record<string, readonly string[]>> = {
  EVENTS: ['STUDYID', 'DOMAIN', 'USUBJID', '--SEQ', '--TERM'],
  INTERVENTIONS: ['STUDYID', 'DOMAIN', 'USUBJID', '--SEQ', '--TRT'],
  FINDINGS: ['STUDYID', 'DOMAIN', 'USUBJID', '--SEQ', '--TESTCD', '--TEST'],
  'FINDINGS ABOUT': ['STUDYID', 'DOMAIN', 'USUBJID', '--SEQ', '--TESTCD', '--TEST', '--OBJ'],
  'SPECIAL PURPOSE': ['STUDYID', 'DOMAIN', 'USUBJID'],
  'TRIAL DESIGN': ['STUDYID', 'DOMAIN'],
  RELATIONSHIP: ['STUDYID'],
};

/** The SDTM required variables of a dataset: its own table, SUPPQUAL for SUPP--, else its class's list. */
export function sdtmRequiredVariables(dataset: string, datasetClass: string | undefined): readonly string[] {
  if (dataset.startsWith('SUPP')) return SDTMIG_3_4_REQUIRED.SUPPQUAL;
  const own = SDTMIG_3_4_REQUIRED[dataset];
  if (own !== undefined) return own;
  const generic = SDTMIG_3_4_CLASS_REQUIRED[datasetClass ?? ''] ?? ['STUDYID', 'DOMAIN', 'USUBJID'];
  return generic.map((name) => name.replace('--', dataset.slice(0, 2)));
}

export const ADAMIG_1_3_REQUIRED = {
  /** ADaMIG v1.3 ADSL: identifiers, demographics, treatment (TRTxxP at least for period 01). */
  ADSL: ['STUDYID', 'USUBJID', 'SUBJID', 'SITEID', 'AGE', 'AGEU', 'SEX', 'RACE', 'ARM', 'ACTARM', 'TRT01P'],
  /** ADaMIG v1.3 BDS: identifiers and the parameter (AVAL or AVALC is conditional: one of them). */
  BDS: ['STUDYID', 'USUBJID', 'PARAM', 'PARAMCD'],
  /** ADaM BDS for Time-to-Event Analyses v1.0. */
  TTE: ['STUDYID', 'USUBJID', 'PARAM', 'PARAMCD', 'AVAL', 'CNSR'],
  /** Every other ADaM dataset (OCCDS, ADaM OTHER). */
  OTHER: ['STUDYID', 'USUBJID'],
} as const;

/** The ADaM required variables of a dataset from its name and its def:Class / def:SubClass. */
export function adamRequiredVariables(dataset: string, datasetClass: string | undefined, subClass: string | undefined): readonly string[] {
  if (dataset === 'ADSL' || datasetClass === 'SUBJECT LEVEL ANALYSIS DATASET') return ADAMIG_1_3_REQUIRED.ADSL;
  if (datasetClass === 'BASIC DATA STRUCTURE') return subClass === 'TIME-TO-EVENT' ? ADAMIG_1_3_REQUIRED.TTE : ADAMIG_1_3_REQUIRED.BDS;
  return ADAMIG_1_3_REQUIRED.OTHER;
}
