import type { VariableKind, VariableOrigin } from '../dataset/index.js';

/**
 * The XPT metadata of the ADaM datasets trialkit derives (src/clinical/adam): label (at most 40 characters),
 * kind (dates become SAS dates with DATE9.) and, for derived values, how. Variables a protocol adds to ADSL
 * (analysis-set flags, prior-therapy flags, subject variables) are described from the protocol itself.
 */

export interface AdamVariableMeta {
  readonly label: string;
  readonly kind: VariableKind;
  readonly origin?: VariableOrigin;
  readonly derivation?: string;
  readonly required?: boolean;
}

type Table = Readonly<Record<string, AdamVariableMeta>>;

const id = (label: string, predecessor?: string): AdamVariableMeta => ({ label, kind: 'text', origin: predecessor === undefined ? 'assigned' : { predecessor }, required: true });
const d = (label: string, kind: VariableKind, derivation?: string): AdamVariableMeta => ({ label, kind, origin: 'derived', ...(derivation === undefined ? {} : { derivation }) });

const COMMON: Table = {
  STUDYID: id('Study Identifier', 'DM.STUDYID'),
  USUBJID: id('Unique Subject Identifier', 'DM.USUBJID'),
};

/** ASEQ of a BDS dataset whose records others (or a reviewer) point at. */
const ASEQ: AdamVariableMeta = d('Analysis Sequence Number', 'integer', "The record's number within USUBJID, in the dataset's sort order");

/** SRCDOM/SRCVAR/SRCSEQ with what each dataset points at (traceSources.ts). */
function sources(what: string): Table {
  return {
    SRCDOM: d('Source Data', 'text', what),
    SRCVAR: d('Source Variable', 'text', 'The variable of the SRCDOM record the value comes from'),
    SRCSEQ: d('Source Sequence Number', 'integer', 'The --SEQ (SDTM) or ASEQ (ADaM) of the SRCDOM record; missing when the source is ADSL or there is none'),
  };
}

export const ADSL_VARIABLES: Table = {
  ...COMMON,
  SUBJID: id('Subject Identifier for the Study', 'DM.SUBJID'),
  SITEID: id('Study Site Identifier', 'DM.SITEID'),
  ENRLFL: d('Enrolled Population Flag', 'text', 'Y when the subject was enrolled on or before the data cutoff'),
  SCRFREAS: { label: 'Reason for Screen Failure', kind: 'text', origin: 'collected' },
  CONSDT: d('Date of Informed Consent', 'sasdate', 'DM.RFICDTC as a SAS date'),
  ENRLDT: d('Date of Enrollment', 'sasdate', 'Enrolment date of the subject form as a SAS date'),
  TRTSDT: d('Date of First Exposure to Treatment', 'sasdate', 'First dose of any study drug on or before the cutoff (DM.RFXSTDTC) as a SAS date'),
  TRTEDT: d('Date of Last Exposure to Treatment', 'sasdate', 'Last dose of any study drug, capped at the cutoff, as a SAS date'),
  BRTHDT: d('Date of Birth', 'sasdate', 'DM.BRTHDTC as a SAS date'),
  AGE: { label: 'Age', kind: 'integer', origin: { predecessor: 'DM.AGE' }, required: true },
  AGEU: { label: 'Age Units', kind: 'text', origin: { predecessor: 'DM.AGEU' }, required: true },
  AGEGR1: d('Pooled Age Group 1', 'text', "AGE in the protocol's age bands"),
  SEX: { label: 'Sex', kind: 'text', origin: { predecessor: 'DM.SEX' }, required: true },
  RACE: { label: 'Race', kind: 'text', origin: { predecessor: 'DM.RACE' }, required: true },
  ECOGBL: { label: 'Baseline ECOG Performance Status', kind: 'integer', origin: 'collected' },
  WEIGHTBL: { label: 'Baseline Weight (kg)', kind: 'float', origin: 'collected' },
  HEIGHTBL: { label: 'Baseline Height (cm)', kind: 'float', origin: 'collected' },
  DIAGDT: d('Date of Initial Diagnosis', 'sasdate', 'MH.MHSTDTC as a SAS date'),
  DIAGDURM: d('Months from Diagnosis to Enrollment', 'float', '(ENRLDT - DIAGDT) / (365.25 / 12)'),
  PRLINES: d('Number of Prior Lines of Therapy', 'integer', 'Count of prior-therapy records'),
  EOTSTT: d('End of Treatment Status', 'text'),
  EOTDT: d('Date of End of Treatment', 'sasdate'),
  DCTREAS: d('Reason for Discontinuation of Treatment', 'text'),
  EOSSTT: d('End of Study Status', 'text'),
  EOSDT: d('End of Study Date', 'sasdate'),
  DCSREAS: d('Reason for Discontinuation from Study', 'text'),
  DTHFL: d('Subject Death Flag', 'text', 'Y when a death is recorded on or before the cutoff'),
  DTHDT: d('Date of Death', 'sasdate', 'DM.DTHDTC as a SAS date'),
  DTHCAUS: { label: 'Cause of Death', kind: 'text', origin: 'collected' },
  LSTALVDT: d('Date Last Known Alive', 'sasdate', 'Latest dated contact on or before the cutoff and not after death'),
  NTRTDT: d('Date of First New Anticancer Therapy', 'sasdate', 'Earliest start of a subsequent anticancer therapy on or before the cutoff'),
  DCUTDT: { label: 'Date of Data Cutoff', kind: 'sasdate', origin: 'assigned' },
  ARM: { ...d('Description of Planned Arm', 'text', 'DM.ARM'), required: true },
  ACTARM: { ...d('Description of Actual Arm', 'text', 'DM.ACTARM; for an enrolled subject never dosed DM.ARMNRS (ASSIGNED, NOT TREATED)'), required: true },
  TRT01P: { ...d('Planned Treatment for Period 01', 'text', 'ARM (single-arm study: one period)'), required: true },
  TRT01A: d('Actual Treatment for Period 01', 'text', 'ACTARM of a treated subject'),
};

export const ADRS_VARIABLES: Table = {
  ...COMMON,
  ASEQ,
  PARAMCD: d('Parameter Code', 'text', 'OVRLRESP for the response at one assessment, BOR for the best overall response of the evaluator'),
  PARAM: d('Parameter', 'text', "The name of PARAMCD and the evaluator's label"),
  EVAL: d('Evaluator', 'text', "An evaluator id of the protocol's response binding (EVALUATOR of the derivation)"),
  ADT: d('Analysis Date', 'sasdate', 'OVRLRESP: the date of the post-baseline assessment; missing for BOR'),
  ADY: d('Analysis Relative Day', 'integer', 'Study day relative to TRTSDT (no day 0)'),
  AVISIT: d('Analysis Visit', 'text', 'The visit of the assessment as recorded'),
  AVALC: d('Analysis Value (C)', 'text', "The category the protocol's response criterion derives from the measurements"),
  AVAL: d('Analysis Value', 'integer', 'Rank of AVALC on the response scale (1 = best)'),
  CONFFL: d('Confirmed Response Flag', 'text', "OVRLRESP: Y when the criterion's confirmation rule confirms the category"),
  RULE: d('Rule of the Criterion that Decided', 'text', "OVRLRESP: the id of the criterion's rule that decided the category"),
  RECCALL: { label: 'Call Recorded on the Form', kind: 'text', origin: { predecessor: 'RS.RSORRES' } },
  DISCRFL: d('Recorded Call Differs from Derived Flag', 'text', 'Y when RECCALL is recorded and differs from AVALC, N when equal'),
  RSPFL: d('Responder Flag', 'text', "BOR: Y when AVALC is a responder category of the protocol's scale"),
  DCRFL: d('Disease Control Flag', 'text', "BOR: Y when AVALC is a disease-control category of the protocol's scale"),
  NOPBFL: d('No Post-Baseline Assessment Flag', 'text', 'BOR: Y when the evaluator has no post-baseline assessment'),
  BORREAS: d('Reason Best Response Not Evaluable', 'text', 'BOR not evaluable: no-postbaseline, or the reason the engine of the criterion gives'),
  RSPDT: d('Date of First Response', 'sasdate', 'BOR of a responder: the date of the first assessment of the confirmed response'),
  PDDT: d('Date of Progression', 'sasdate', "BOR: the date of the first progression on the criterion's rules, by the evaluator"),
  ...sources(
    'RS when the evaluator recorded a call on the assessment date (the RS record of RECCALL; AVALC is derived from the measurements of the date, several TR or LB records); missing for a derived response with no recorded call and for BOR',
  ),
};

export const ADTR_VARIABLES: Table = {
  ...COMMON,
  EVAL: d('Evaluator', 'text', "An evaluator id of the protocol's response binding (EVALUATOR of the derivation)"),
  PARAMCD: d('Parameter Code', 'text'),
  PARAM: d('Parameter', 'text'),
  AVALU: d('Analysis Value Unit', 'text'),
  ADT: d('Analysis Date', 'sasdate'),
  ADY: d('Analysis Relative Day', 'integer'),
  AVISIT: d('Analysis Visit', 'text'),
  AVAL: d('Analysis Value', 'float'),
  ABLFL: d('Baseline Record Flag', 'text', 'Last value of the parameter on or before the first dose'),
  BASE: d('Baseline Value', 'float'),
  CHG: d('Change from Baseline', 'float', 'AVAL - BASE'),
  PCHG: d('Percent Change from Baseline', 'float', '100 x (AVAL - BASE) / BASE; missing when BASE is 0 or missing'),
};

export const ADTTE_VARIABLES: Table = {
  ...COMMON,
  ASEQ,
  PARAMCD: d('Parameter Code', 'text', "An endpoint id of the protocol (ProtocolDefinition.endpoints; value-level metadata of AVAL gives each one's rule)"),
  PARAM: d('Parameter', 'text', "The endpoint's label"),
  EVAL: d('Evaluator', 'text', "An evaluator id of the protocol's response binding (EVALUATOR of the derivation)"),
  STARTDT: d('Time-to-Event Origin Date for Subject', 'sasdate', 'ENRLDT (enrolment) for progression-free survival, time to response, overall survival and follow-up; the first response date for duration of response; TRTSDT for treatment duration'),
  ADT: d('Analysis Date', 'sasdate', 'Date of the event or of censoring'),
  AVAL: d('Analysis Value', 'integer', 'ADT - STARTDT + 1 (days)'),
  AVALM: d('Analysis Value (Months)', 'float', 'AVAL / (365.25 / 12)'),
  CNSR: d('Censor', 'integer', '0 = event; 1 or more = censored, the reason in CNSDTDSC (FDA 2018 censoring rules)'),
  EVNTDESC: d('Event or Censoring Description', 'text', 'CNSR 0: what the event was (PROGRESSIVE DISEASE, DEATH, RESPONSE, END OF TREATMENT, ...)'),
  CNSDTDSC: d('Censor Date Description', 'text', 'CNSR >= 1: the censoring rule that applied (FDA 2018 codes, see CNSR)'),
  ...sources(
    "ADRS (the evaluator's assessment dated ADT: progression, response, last adequate assessment) for an endpoint read from an evaluator's assessments, unless the event is a death; else ADSL, the first of DTHDT, LSTALVDT, TRTEDT, TRTSDT, ENRLDT, DCUTDT equal to ADT",
  ),
};

export const ADAE_VARIABLES: Table = {
  ...COMMON,
  AESEQ: { label: 'Sequence Number', kind: 'integer', origin: { predecessor: 'AE.AESEQ' } },
  AESPID: { label: 'Sponsor-Defined Identifier', kind: 'text', origin: { predecessor: 'AE.AESPID' } },
  AETERM: { label: 'Reported Term for the Adverse Event', kind: 'text', origin: { predecessor: 'AE.AETERM' } },
  AEDECOD: { label: 'Dictionary-Derived Term', kind: 'text', origin: { predecessor: 'AE.AEDECOD' } },
  AEBODSYS: { label: 'Body System or Organ Class', kind: 'text', origin: { predecessor: 'AE.AEBODSYS' } },
  ASTDT: d('Analysis Start Date', 'sasdate', 'AE.AESTDTC as a SAS date'),
  AENDT: d('Analysis End Date', 'sasdate', 'AE.AEENDTC as a SAS date; missing when ongoing at the cutoff'),
  ASTDY: d('Analysis Start Relative Day', 'integer'),
  AETOXGR: d('Standard Toxicity Grade (N)', 'integer', 'AE.AETOXGR as a number'),
  AESER: { label: 'Serious Event', kind: 'text', origin: { predecessor: 'AE.AESER' } },
  RELDRUGS: d('Drugs the Event is Related to', 'text', 'Drugs with possible, probable or definite causality, comma-separated'),
  RELFL: d('Related to Any Study Drug Flag', 'text'),
  RELINVFL: d('Related to Investigational Drug Flag', 'text'),
  TRTEMFL: d('Treatment Emergent Analysis Flag', 'text', "Onset from the first dose to the protocol's window after the last dose"),
  DOSADJFL: d('Dose Reduced or Interrupted Flag', 'text'),
  DRGWDFL: d('Study Drug Withdrawn Flag', 'text'),
  STDYDCFL: d('Led to Study Discontinuation Flag', 'text'),
  AEOUT: { label: 'Outcome of Adverse Event', kind: 'text', origin: { predecessor: 'AE.AEOUT' } },
  FATALFL: d('Fatal Event Flag', 'text', 'Fatal outcome or grade 5'),
  AEGRPS: d('Adverse Event Groups of Interest', 'text', "Ids of the protocol's AE groups the event belongs to, comma-separated"),
  WORSTFL: d('Worst Occurrence per Term Flag', 'text', 'Highest grade, then earliest onset, then lowest AESEQ, among treatment-emergent events of the term'),
};

export const ADCM_VARIABLES: Table = {
  ...COMMON,
  CMSEQ: { label: 'Sequence Number', kind: 'integer', origin: { predecessor: 'CM.CMSEQ' } },
  CMGRPID: { label: 'Group ID', kind: 'text', origin: { predecessor: 'CM.CMGRPID' } },
  CMTRT: { label: 'Reported Name of Drug, Med, or Therapy', kind: 'text', origin: { predecessor: 'CM.CMTRT' } },
  CMCAT: { label: 'Category for Medication', kind: 'text', origin: { predecessor: 'CM.CMCAT' } },
  ASTDT: d('Analysis Start Date', 'sasdate', 'The start date of the subsequent therapy (CM.CMSTDTC) as a SAS date'),
  ASTDY: d('Analysis Start Relative Day', 'integer', 'ASTDT - TRTSDT + 1 on or after the first dose, ASTDT - TRTSDT before it (no day 0); missing when untreated'),
};

export const ADLB_VARIABLES: Table = {
  ...COMMON,
  ASEQ,
  PARAMCD: d('Parameter Code', 'text', 'LB.LBTESTCD of the analyte'),
  PARAM: d('Parameter', 'text', 'LB.LBTEST and the standard unit'),
  LBSRC: d('Laboratory (Central or Local)', 'text', 'The laboratory of the form (central or local)'),
  AVISIT: d('Analysis Visit', 'text', 'The visit recorded on the form'),
  ADT: d('Analysis Date', 'sasdate', 'LB.LBDTC as a SAS date; results after the cutoff are left out'),
  ADY: d('Analysis Relative Day', 'integer', 'Study day relative to TRTSDT (no day 0); missing when untreated'),
  AVAL: d('Analysis Value', 'float', 'The result in the SI unit of the analyte'),
  AVALU: d('Analysis Value Unit', 'text', 'The SI unit of the test in the units table of trialkit (clinical/units), LB.LBSTRESU'),
  ANRLO: d('Analysis Normal Range Lower Limit', 'float', 'The lower limit of normal of the form, in the unit of AVAL'),
  ANRHI: d('Analysis Normal Range Upper Limit', 'float', 'The upper limit of normal of the form, in the unit of AVAL'),
  ANRIND: d('Analysis Reference Range Indicator', 'text', 'LOW when AVAL < ANRLO, HIGH when AVAL > ANRHI, NORMAL otherwise; missing without a range'),
  ABLFL: d('Baseline Record Flag', 'text', 'Y on the last result of the test on or before TRTSDT (ENRLDT when untreated); the later record on the same day'),
  BASE: d('Baseline Value', 'float', 'AVAL of the ABLFL record of the test'),
  BNRIND: d('Baseline Reference Range Indicator', 'text', 'ANRIND of the ABLFL record of the test'),
  CHG: d('Change from Baseline', 'float', 'AVAL - BASE'),
  SHIFT1: d('Shift 1', 'text', 'BNRIND to ANRIND, e.g. NORMAL to LOW'),
  ATOXDSCL: d('Analysis Toxicity Description Low', 'text', 'The CTCAE v5.0 term of the test in the low direction'),
  ATOXGRL: d('Analysis Toxicity Grade Low', 'integer', 'CTCAE v5.0 grade in the low direction'),
  BTOXGRL: d('Baseline Toxicity Grade Low', 'integer', 'ATOXGRL of the ABLFL record of the test'),
  ATOXDSCH: d('Analysis Toxicity Description High', 'text', 'The CTCAE v5.0 term of the test in the high direction'),
  ATOXGRH: d('Analysis Toxicity Grade High', 'integer', 'CTCAE v5.0 grade in the high direction'),
  BTOXGRH: d('Baseline Toxicity Grade High', 'integer', 'ATOXGRH of the ABLFL record of the test'),
  TOXSHIFT: d('Toxicity Grade Shift from Baseline', 'text', 'Baseline grade to grade in the graded direction(s), e.g. 0 to 3'),
  ...sources('LB: the LB record of the result (same subject, test, date, laboratory and standard value)'),
};

export const ADEX_VARIABLES: Table = {
  ...COMMON,
  EXTRT: d('Name of Treatment', 'text', 'A drug of the regimen, or ALL for the regimen'),
  PARAMCD: d('Parameter Code', 'text'),
  PARAM: d('Parameter', 'text'),
  AVAL: d('Analysis Value', 'float'),
  AVALC: d('Analysis Value (C)', 'text'),
  AVALU: d('Analysis Value Unit', 'text'),
};
