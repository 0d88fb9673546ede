import type { DefineCodelist, DefineDatasetClass, SdtmRole } from '../define/index.js';
import type { VariableKind, VariableOrigin, VariableSpec } from '../dataset/createSubmissionDataset.js';
import { CL_ACN, CL_AEREL, CL_AGEU, CL_EVAL, CL_NCOMPLT, CL_NY, CL_OUT, CL_RACE, CL_SEX, CL_STENRF } from './sdtmTerminology.js';
import { CL_EPOCH, CL_IECAT, CL_TSPARMCD, CL_TSVALNF } from './trialSummaryTerminology.js';

/**
 * The SDTMIG 3.4 variables of each domain trialkit writes, in the IG's order, with labels (at most 40
 * characters), kinds, origins, roles and codelists. A variable no record fills is left out of the file unless
 * it is required (createSubmissionDataset).
 */

const v = (name: string, label: string, kind: VariableKind, origin: VariableOrigin, role: SdtmRole, extra: Partial<VariableSpec> = {}): VariableSpec => ({ name, label, kind, origin, role, ...extra });

const USUBJID_DERIVATION = 'STUDYID, "-", SUBJID (site number "-" subject sequence)';
const SEQ_DERIVATION = 'Record number within USUBJID after sorting the records by date (then as recorded)';
const DY_DERIVATION = 'Days from RFSTDTC (first dose) to the date, +1 on or after it: there is no day 0';

function identifiers(domain: string): VariableSpec[] {
  return [
    v('STUDYID', 'Study Identifier', 'text', 'protocol', 'Identifier', { required: true }),
    v('DOMAIN', 'Domain Abbreviation', 'text', 'assigned', 'Identifier', { required: true }),
    v('USUBJID', 'Unique Subject Identifier', 'text', 'derived', 'Identifier', { required: true, derivation: USUBJID_DERIVATION }),
    v(`${domain}SEQ`, 'Sequence Number', 'integer', 'derived', 'Identifier', { required: true, derivation: SEQ_DERIVATION }),
  ];
}

const visits = (): VariableSpec[] => [
  v('VISITNUM', 'Visit Number', 'float', 'derived', 'Timing', { derivation: "1000 x the visit's position in the protocol's schedule, + n for a repeating visit (C3D1 -> n = 3)" }),
  v('VISIT', 'Visit Name', 'text', 'collected', 'Timing'),
];

export interface DomainSpec {
  readonly name: string;
  readonly label: string;
  /** A shorter label for when SYNTHETIC must fit in 40 characters. */
  readonly shortLabel?: string;
  readonly class: DefineDatasetClass;
  readonly structure: string;
  readonly keys: readonly string[];
  readonly variables: readonly VariableSpec[];
}

export const DM_SPEC: DomainSpec = {
  name: 'DM',
  label: 'Demographics',
  class: 'SPECIAL PURPOSE',
  structure: 'One record per subject',
  keys: ['STUDYID', 'USUBJID'],
  variables: [
    v('STUDYID', 'Study Identifier', 'text', 'protocol', 'Identifier', { required: true }),
    v('DOMAIN', 'Domain Abbreviation', 'text', 'assigned', 'Identifier', { required: true }),
    v('USUBJID', 'Unique Subject Identifier', 'text', 'derived', 'Identifier', { required: true, derivation: USUBJID_DERIVATION }),
    v('SUBJID', 'Subject Identifier for the Study', 'text', 'collected', 'Topic', { required: true }),
    v('RFSTDTC', 'Subject Reference Start Date/Time', 'isodate', 'derived', 'Record Qualifier', { derivation: 'Date of the first dose of any study drug (EX.EXSTDTC)' }),
    v('RFENDTC', 'Subject Reference End Date/Time', 'isodate', 'derived', 'Record Qualifier', { derivation: 'Date of the last dose of any study drug (EX.EXENDTC)' }),
    v('RFXSTDTC', 'Date/Time of First Study Treatment', 'isodate', 'derived', 'Record Qualifier', { derivation: 'Date of the first dose of any study drug (EX.EXSTDTC)' }),
    v('RFXENDTC', 'Date/Time of Last Study Treatment', 'isodate', 'derived', 'Record Qualifier', { derivation: 'Date of the last dose of any study drug (EX.EXENDTC)' }),
    v('RFICDTC', 'Date/Time of Informed Consent', 'isodate', 'collected', 'Record Qualifier'),
    v('RFPENDTC', 'Date/Time of End of Participation', 'isodate', 'derived', 'Record Qualifier', { derivation: 'End-of-study date, else the date of death' }),
    v('DTHDTC', 'Date/Time of Death', 'isodate', 'collected', 'Record Qualifier'),
    v('DTHFL', 'Subject Death Flag', 'text', 'derived', 'Record Qualifier', { codelist: CL_NY, derivation: 'Y when a date of death is recorded' }),
    v('SITEID', 'Study Site Identifier', 'text', 'collected', 'Record Qualifier', { required: true }),
    v('BRTHDTC', 'Date/Time of Birth', 'isodate', 'collected', 'Record Qualifier'),
    v('AGE', 'Age', 'integer', 'derived', 'Record Qualifier', { derivation: 'Whole years from BRTHDTC to RFICDTC (informed consent), as ADSL.AGE' }),
    v('AGEU', 'Age Units', 'text', 'assigned', 'Variable Qualifier', { codelist: CL_AGEU }),
    v('SEX', 'Sex', 'text', 'collected', 'Record Qualifier', { required: true, codelist: CL_SEX }),
    v('RACE', 'Race', 'text', 'assigned', 'Record Qualifier', { codelist: CL_RACE }),
    v('ARMCD', 'Planned Arm Code', 'text', 'assigned', 'Record Qualifier'),
    v('ARM', 'Description of Planned Arm', 'text', 'assigned', 'Synonym Qualifier'),
    v('ACTARMCD', 'Actual Arm Code', 'text', 'derived', 'Record Qualifier', { derivation: 'ARMCD when the subject received a dose of study drug' }),
    v('ACTARM', 'Description of Actual Arm', 'text', 'derived', 'Synonym Qualifier', { derivation: 'ARM when the subject received a dose of study drug' }),
    v('ARMNRS', 'Reason Arm and/or Actual Arm is Null', 'text', 'derived', 'Record Qualifier', { derivation: 'SCREEN FAILURE for a screen failure; ASSIGNED, NOT TREATED for an enrolled subject without a dose' }),
    v('COUNTRY', 'Country', 'text', 'protocol', 'Record Qualifier', { required: true }),
  ],
};

export const DS_SPEC: DomainSpec = {
  name: 'DS',
  label: 'Disposition',
  class: 'EVENTS',
  structure: 'One record per disposition status or protocol milestone per subject',
  keys: ['STUDYID', 'USUBJID', 'DSDECOD', 'DSSTDTC'],
  variables: [
    ...identifiers('DS'),
    v('DSTERM', 'Reported Term for the Disposition Event', 'text', 'collected', 'Topic', { required: true }),
    v('DSDECOD', 'Standardized Disposition Term', 'text', 'assigned', 'Synonym Qualifier', { required: true, codelist: CL_NCOMPLT }),
    v('DSCAT', 'Category for Disposition Event', 'text', 'assigned', 'Grouping Qualifier'),
    v('DSSCAT', 'Subcategory for Disposition Event', 'text', 'assigned', 'Grouping Qualifier'),
    v('DSSTDTC', 'Start Date/Time of Disposition Event', 'isodate', 'collected', 'Timing'),
    v('DSSTDY', 'Study Day of Start of Disposition Event', 'integer', 'derived', 'Timing', { derivation: DY_DERIVATION }),
  ],
};

export const EX_SPEC: DomainSpec = {
  name: 'EX',
  label: 'Exposure',
  class: 'INTERVENTIONS',
  structure: 'One record per cycle per study drug per subject',
  keys: ['STUDYID', 'USUBJID', 'EXTRT', 'EXSTDTC'],
  variables: [
    ...identifiers('EX'),
    v('EXTRT', 'Name of Treatment', 'text', 'assigned', 'Topic', { required: true }),
    v('EXDOSE', 'Dose', 'float', 'collected', 'Record Qualifier'),
    v('EXDOSU', 'Dose Units', 'text', 'assigned', 'Variable Qualifier'),
    v('EXROUTE', 'Route of Administration', 'text', 'protocol', 'Variable Qualifier'),
    v('EXADJ', 'Reason for Dose Adjustment', 'text', 'collected', 'Record Qualifier'),
    ...visits(),
    v('EXSTDTC', 'Start Date/Time of Treatment', 'isodate', 'collected', 'Timing'),
    v('EXENDTC', 'End Date/Time of Treatment', 'isodate', 'collected', 'Timing'),
    v('EXSTDY', 'Study Day of Start of Treatment', 'integer', 'derived', 'Timing', { derivation: DY_DERIVATION }),
    v('EXENDY', 'Study Day of End of Treatment', 'integer', 'derived', 'Timing', { derivation: DY_DERIVATION }),
  ],
};

export const AE_SPEC: DomainSpec = {
  name: 'AE',
  label: 'Adverse Events',
  class: 'EVENTS',
  structure: 'One record per adverse event per subject',
  keys: ['STUDYID', 'USUBJID', 'AEDECOD', 'AESTDTC'],
  variables: [
    ...identifiers('AE'),
    v('AESPID', 'Sponsor-Defined Identifier', 'text', 'collected', 'Identifier'),
    v('AETERM', 'Reported Term for the Adverse Event', 'text', 'collected', 'Topic', { required: true }),
    v('AEDECOD', 'Dictionary-Derived Term', 'text', 'collected', 'Synonym Qualifier', { required: true }),
    v('AEBODSYS', 'Body System or Organ Class', 'text', 'collected', 'Record Qualifier'),
    v('AESER', 'Serious Event', 'text', 'collected', 'Record Qualifier', { codelist: CL_NY }),
    v('AEACN', 'Action Taken with Study Treatment', 'text', 'derived', 'Record Qualifier', { codelist: CL_ACN, derivation: "The action with the single study drug; with several drugs the common action, or MULTIPLE (each drug's in SUPPAE)" }),
    v('AEREL', 'Causality', 'text', 'derived', 'Record Qualifier', { codelist: CL_AEREL, derivation: "The strongest causality across the drugs of the regimen (each drug's in SUPPAE)" }),
    v('AEOUT', 'Outcome of Adverse Event', 'text', 'collected', 'Record Qualifier', { codelist: CL_OUT }),
    v('AETOXGR', 'Standard Toxicity Grade', 'text', 'collected', 'Record Qualifier'),
    v('AESTDTC', 'Start Date/Time of Adverse Event', 'isodate', 'collected', 'Timing'),
    v('AEENDTC', 'End Date/Time of Adverse Event', 'isodate', 'collected', 'Timing'),
    v('AESTDY', 'Study Day of Start of Adverse Event', 'integer', 'derived', 'Timing', { derivation: DY_DERIVATION }),
    v('AEENDY', 'Study Day of End of Adverse Event', 'integer', 'derived', 'Timing', { derivation: DY_DERIVATION }),
  ],
};

export const MH_SPEC: DomainSpec = {
  name: 'MH',
  label: 'Medical History',
  class: 'EVENTS',
  structure: 'One record per medical history event per subject',
  keys: ['STUDYID', 'USUBJID', 'MHTERM'],
  variables: [
    ...identifiers('MH'),
    v('MHTERM', 'Reported Term for the Medical History', 'text', 'protocol', 'Topic', { required: true }),
    v('MHCAT', 'Category for Medical History', 'text', 'assigned', 'Grouping Qualifier'),
    v('MHSTDTC', 'Start Date/Time of Medical History Event', 'isodate', 'collected', 'Timing'),
  ],
};

/**
 * DV (SDTMIG 3.4 section 6.2, Events): one record per protocol deviation collected on the protocol's deviation
 * log. DVTERM is what the site wrote; DVCAT the protocol's category (the label of its code, in capitals);
 * major / minor and the action taken have no DV variable and go to SUPPDV (DVSEV, DVACTION).
 */
export const DV_SPEC: DomainSpec = {
  name: 'DV',
  label: 'Protocol Deviations',
  class: 'EVENTS',
  structure: 'One record per protocol deviation per subject',
  keys: ['STUDYID', 'USUBJID', 'DVTERM', 'DVSTDTC'],
  variables: [
    ...identifiers('DV'),
    v('DVTERM', 'Protocol Deviation Term', 'text', 'collected', 'Topic', { required: true }),
    v('DVCAT', 'Category for Protocol Deviation', 'text', 'collected', 'Grouping Qualifier', { derivation: "The label of the protocol's deviation category code, in capitals" }),
    ...visits(),
    v('DVSTDTC', 'Start Date/Time of Deviation', 'isodate', 'collected', 'Timing'),
    v('DVSTDY', 'Study Day of Start of Deviation', 'integer', 'derived', 'Timing', { derivation: DY_DERIVATION }),
  ],
};

const STENRF_DERIVATION = 'BEFORE when the latest date the recorded components allow precedes RFSTDTC (first dose), AFTER when the earliest follows RFENDTC (last dose), DURING when both fall between; null when a partial date cannot decide';
const PARTIAL_DTC = 'As recorded; a partial date is truncated to its known components (YYYY-MM, YYYY), never imputed';

export const CM_SPEC: DomainSpec = {
  name: 'CM',
  label: 'Concomitant/Concurrent Medications',
  shortLabel: 'Concomitant Medications',
  class: 'INTERVENTIONS',
  structure: 'One record per agent per line of anticancer therapy per subject',
  keys: ['STUDYID', 'USUBJID', 'CMCAT', 'CMGRPID', 'CMTRT', 'CMSTDTC'],
  variables: [
    ...identifiers('CM'),
    v('CMGRPID', 'Group ID', 'text', 'derived', 'Identifier', { derivation: 'PRIOR LINE n (n = the line number on the prior-therapy form) or SUBSEQUENT n (the nth subsequent-therapy record): the agents of one line share it' }),
    v('CMTRT', 'Reported Name of Drug, Med, or Therapy', 'text', 'collected', 'Topic', { required: true }),
    v('CMCAT', 'Category for Medication', 'text', 'assigned', 'Grouping Qualifier'),
    v('CMSCAT', 'Subcategory for Medication', 'text', 'assigned', 'Grouping Qualifier'),
    v('CMSTDTC', 'Start Date/Time of Medication', 'isodate', 'collected', 'Timing', { derivation: PARTIAL_DTC }),
    v('CMENDTC', 'End Date/Time of Medication', 'isodate', 'collected', 'Timing', { derivation: PARTIAL_DTC }),
    v('CMSTDY', 'Study Day of Start of Medication', 'integer', 'derived', 'Timing', { derivation: `${DY_DERIVATION}; only for a complete date` }),
    v('CMENDY', 'Study Day of End of Medication', 'integer', 'derived', 'Timing', { derivation: `${DY_DERIVATION}; only for a complete date` }),
    v('CMSTRF', 'Start Relative to Reference Period', 'text', 'derived', 'Timing', { codelist: CL_STENRF, derivation: STENRF_DERIVATION }),
    v('CMENRF', 'End Relative to Reference Period', 'text', 'derived', 'Timing', { codelist: CL_STENRF, derivation: STENRF_DERIVATION }),
  ],
};

const FINDINGS_LABELS: readonly (readonly [string, string, VariableKind, VariableOrigin, SdtmRole, string?])[] = [
  ['LNKID', 'Link ID', 'text', 'collected', 'Identifier'],
  ['TESTCD', 'Short Name of Measurement or Test', 'text', 'assigned', 'Topic'],
  ['TEST', 'Name of Measurement or Test', 'text', 'assigned', 'Synonym Qualifier'],
  ['CAT', 'Category', 'text', 'assigned', 'Grouping Qualifier'],
  ['ORRES', 'Result or Finding in Original Units', 'text', 'collected', 'Result Qualifier'],
  ['ORRESU', 'Original Units', 'text', 'collected', 'Variable Qualifier'],
  ['ORNRLO', 'Normal Range Lower Limit-Original Units', 'text', 'collected', 'Variable Qualifier'],
  ['ORNRHI', 'Normal Range Upper Limit-Original Units', 'text', 'collected', 'Variable Qualifier'],
  ['STRESC', 'Result or Finding in Standard Format', 'text', 'derived', 'Result Qualifier', 'ORRES, in the standard unit for numbers'],
  ['STRESN', 'Numeric Result/Finding in Standard Units', 'float', 'derived', 'Result Qualifier', 'The numeric value of STRESC'],
  ['STRESU', 'Standard Units', 'text', 'derived', 'Variable Qualifier', 'The SI unit of the analyte, else the unit as collected'],
  ['STNRLO', 'Normal Range Lower Limit-Std Units', 'float', 'derived', 'Variable Qualifier', 'ORNRLO in the standard unit'],
  ['STNRHI', 'Normal Range Upper Limit-Std Units', 'float', 'derived', 'Variable Qualifier', 'ORNRHI in the standard unit'],
  ['NAM', 'Vendor Name', 'text', 'collected', 'Record Qualifier'],
  ['SPEC', 'Specimen Type', 'text', 'assigned', 'Record Qualifier'],
  ['LOC', 'Location of the Finding', 'text', 'collected', 'Record Qualifier'],
  ['METHOD', 'Method of Test or Examination', 'text', 'collected', 'Record Qualifier'],
  ['EVAL', 'Evaluator', 'text', 'collected', 'Record Qualifier'],
];

const FINDINGS_LABELS_BY_DOMAIN: Readonly<Record<string, string>> = {
  LB: 'Laboratory Test Results',
  RS: 'Disease Response and Clin Classification',
  TU: 'Tumor/Lesion Identification',
  TR: 'Tumor/Lesion Results',
  VS: 'Vital Signs',
};

const FINDINGS_SHORT_LABELS: Readonly<Record<string, string>> = { RS: 'Disease Response', TU: 'Tumor Identification', TR: 'Tumor Results', LB: 'Laboratory Results' };

/** A findings domain's variables in SDTMIG order; `testCodes` is the codelist of its test codes. */
export function findingsSpec(domain: string, testCodes: DefineCodelist | undefined): DomainSpec {
  const variables: VariableSpec[] = [...identifiers(domain)];
  for (const [suffix, label, kind, origin, role, derivation] of FINDINGS_LABELS) {
    const name = `${domain}${suffix}`;
    if (name.length > 8) continue;
    const extra: Partial<VariableSpec> = {
      ...(suffix === 'TESTCD' || suffix === 'TEST' ? { required: true } : {}),
      ...(suffix === 'TESTCD' && testCodes !== undefined ? { codelist: testCodes } : {}),
      ...(suffix === 'EVAL' ? { codelist: CL_EVAL } : {}),
      ...(derivation === undefined ? {} : { derivation }),
    };
    variables.push(v(name, domain === 'TU' && suffix === 'LOC' ? 'Location of the Tumor/Lesion' : label, kind, origin, role, extra));
  }
  variables.push(...visits());
  variables.push(v(`${domain}DTC`, 'Date/Time of Collection', 'isodate', 'collected', 'Timing'));
  variables.push(v(`${domain}DY`, 'Study Day of Collection', 'integer', 'derived', 'Timing', { derivation: DY_DERIVATION }));
  return {
    name: domain,
    label: FINDINGS_LABELS_BY_DOMAIN[domain] ?? `Findings ${domain}`,
    shortLabel: FINDINGS_SHORT_LABELS[domain],
    class: 'FINDINGS',
    structure: `One record per test per time point per subject${domain === 'TU' || domain === 'TR' ? ' per lesion' : ''}${domain === 'TU' || domain === 'TR' || domain === 'RS' ? ' per evaluator' : ''}`,
    keys: ['STUDYID', 'USUBJID', `${domain}TESTCD`, ...(domain === 'LB' ? ['LBSPEC', 'LBMETHOD', 'LBNAM'] : []), ...(domain === 'TU' || domain === 'TR' ? [`${domain}LNKID`] : []), ...(domain === 'TU' || domain === 'TR' || domain === 'RS' ? [`${domain}EVAL`] : []), 'VISITNUM', `${domain}DTC`],
    variables,
  };
}

export const SUPP_VARIABLES: readonly VariableSpec[] = [
  v('STUDYID', 'Study Identifier', 'text', 'protocol', 'Identifier', { required: true }),
  v('RDOMAIN', 'Related Domain Abbreviation', 'text', 'assigned', 'Identifier', { required: true }),
  v('USUBJID', 'Unique Subject Identifier', 'text', { predecessor: 'DM.USUBJID' }, 'Identifier', { required: true }),
  v('IDVAR', 'Identifying Variable', 'text', 'assigned', 'Identifier', { required: true }),
  v('IDVARVAL', 'Identifying Variable Value', 'text', 'assigned', 'Identifier', { required: true }),
  v('QNAM', 'Qualifier Variable Name', 'text', 'assigned', 'Topic', { required: true }),
  v('QLABEL', 'Qualifier Variable Label', 'text', 'assigned', 'Synonym Qualifier', { required: true }),
  v('QVAL', 'Data Value', 'text', 'collected', 'Result Qualifier', { required: true }),
  v('QORIG', 'Origin', 'text', 'assigned', 'Record Qualifier', { required: true }),
];

// The trial design datasets (SDTMIG 3.4 section 7): the plan of the trial, not its subjects' data.
const designIds = (): VariableSpec[] => [
  v('STUDYID', 'Study Identifier', 'text', 'protocol', 'Identifier', { required: true }),
  v('DOMAIN', 'Domain Abbreviation', 'text', 'assigned', 'Identifier', { required: true }),
];

export const TS_SPEC: DomainSpec = {
  name: 'TS',
  label: 'Trial Summary',
  class: 'TRIAL DESIGN',
  structure: 'One record per trial summary parameter value',
  keys: ['STUDYID', 'TSPARMCD', 'TSSEQ'],
  variables: [
    ...designIds(),
    v('TSSEQ', 'Sequence Number', 'integer', 'derived', 'Identifier', { required: true, derivation: 'Number of the value within its TSPARMCD (1, 2 ... for a parameter with several values)' }),
    v('TSGRPID', 'Group ID', 'text', 'assigned', 'Identifier'),
    v('TSPARMCD', 'Trial Summary Parameter Short Name', 'text', 'assigned', 'Topic', { required: true, codelist: CL_TSPARMCD }),
    v('TSPARM', 'Trial Summary Parameter', 'text', 'assigned', 'Synonym Qualifier', { required: true }),
    v('TSVAL', 'Parameter Value', 'text', 'protocol', 'Result Qualifier'),
    v('TSVALNF', 'Parameter Null Flavor', 'text', 'assigned', 'Result Qualifier', {
      codelist: CL_TSVALNF,
      comment: 'NI: neither the protocol definition nor the trial data give a value (never guessed); NA: not applicable (e.g. no comparator in a single-arm trial); PINF: no upper age limit',
    }),
    v('TSVALCD', 'Parameter Value Code', 'text', 'assigned', 'Result Qualifier', {
      comment:
        'Given for CDISC CT terms (NCI codes, checked against CDISC SDTM CT 2025-03-25), ClinicalTrials.gov registry ids and ISO 3166-1 alpha-3 countries. Not given, because trialkit could not verify them: the UNII of TRT, the MED-RT code of PCLAS, the SNOMED CT codes of INDIC and TDIGRP; to be added before a submission',
    }),
    v('TSVCDREF', 'Name of the Reference Terminology', 'text', 'assigned', 'Result Qualifier'),
    v('TSVCDVER', 'Version of the Reference Terminology', 'text', 'assigned', 'Result Qualifier'),
  ],
};

export const TE_SPEC: DomainSpec = {
  name: 'TE',
  label: 'Trial Elements',
  class: 'TRIAL DESIGN',
  structure: 'One record per planned Element',
  keys: ['STUDYID', 'ETCD'],
  variables: [
    ...designIds(),
    v('ETCD', 'Element Code', 'text', 'assigned', 'Topic', { required: true }),
    v('ELEMENT', 'Description of Element', 'text', 'protocol', 'Synonym Qualifier', { required: true }),
    v('TESTRL', 'Rule for Start of Element', 'text', 'protocol', 'Rule', { required: true }),
    v('TEENRL', 'Rule for End of Element', 'text', 'protocol', 'Rule'),
    v('TEDUR', 'Planned Duration of Element', 'text', 'protocol', 'Timing'),
  ],
};

export const TA_SPEC: DomainSpec = {
  name: 'TA',
  label: 'Trial Arms',
  class: 'TRIAL DESIGN',
  structure: 'One record per planned Element per Arm',
  keys: ['STUDYID', 'ARMCD', 'TAETORD'],
  variables: [
    ...designIds(),
    v('ARMCD', 'Planned Arm Code', 'text', 'assigned', 'Topic', { required: true }),
    v('ARM', 'Description of Planned Arm', 'text', 'protocol', 'Synonym Qualifier', { required: true }),
    v('TAETORD', 'Planned Order of Element within Arm', 'integer', 'protocol', 'Timing', { required: true }),
    v('ETCD', 'Element Code', 'text', 'assigned', 'Record Qualifier', { required: true }),
    v('ELEMENT', 'Description of Element', 'text', 'protocol', 'Synonym Qualifier'),
    v('TABRANCH', 'Branch', 'text', 'protocol', 'Rule'),
    v('TATRANS', 'Transition Rule', 'text', 'protocol', 'Rule'),
    v('EPOCH', 'Epoch', 'text', 'protocol', 'Timing', { required: true, codelist: CL_EPOCH }),
  ],
};

export const TV_SPEC: DomainSpec = {
  name: 'TV',
  label: 'Trial Visits',
  class: 'TRIAL DESIGN',
  structure: 'One record per planned Visit per Arm',
  keys: ['STUDYID', 'ARMCD', 'VISITNUM'],
  variables: [
    ...designIds(),
    v('VISITNUM', 'Visit Number', 'float', 'protocol', 'Topic', { required: true }),
    v('VISIT', 'Visit Name', 'text', 'protocol', 'Synonym Qualifier'),
    v('VISITDY', 'Planned Study Day of Visit', 'integer', 'protocol', 'Timing'),
    v('ARMCD', 'Planned Arm Code', 'text', 'assigned', 'Record Qualifier', { required: true }),
    v('ARM', 'Description of Planned Arm', 'text', 'protocol', 'Synonym Qualifier'),
    v('TVSTRL', 'Visit Start Rule', 'text', 'protocol', 'Rule', { required: true }),
    v('TVENRL', 'Visit End Rule', 'text', 'protocol', 'Rule'),
  ],
};

export const TI_SPEC: DomainSpec = {
  name: 'TI',
  label: 'Trial Inclusion/Exclusion Criteria',
  shortLabel: 'Trial I/E Criteria',
  class: 'TRIAL DESIGN',
  structure: 'One record per I/E criterion',
  keys: ['STUDYID', 'IETESTCD'],
  variables: [
    ...designIds(),
    v('IETESTCD', 'Incl/Excl Criterion Short Name', 'text', 'assigned', 'Topic', { required: true }),
    v('IETEST', 'Inclusion/Exclusion Criterion', 'text', 'protocol', 'Synonym Qualifier', { required: true }),
    v('IECAT', 'Inclusion/Exclusion Category', 'text', 'protocol', 'Grouping Qualifier', { required: true, codelist: CL_IECAT }),
    v('TIRL', 'Inclusion/Exclusion Criterion Rule', 'text', 'protocol', 'Rule'),
    v('TIVERS', 'Protocol Criteria Versions', 'text', 'protocol', 'Record Qualifier'),
  ],
};
