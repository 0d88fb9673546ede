import type { DefineCodelist } from '../define/index.js';
import { SDTM_CT } from './sdtmTerminology.js';

/**
 * The trial summary parameters (TSPARMCD, C66738 / TSPARM, C67152) trialkit writes, in the order of the FDA's
 * list of TS parameters expected in a submission (Study Data Technical Conformance Guide, TS section), and the
 * CDISC CT terms their values take. TSPARMCD/TSPARM and the NCI codes of TS_CT_TERMS are those of CDISC SDTM CT
 * 2025-03-25 (checked against its extract by ctTerms.test.ts; the SDTMIG v3.4 TS examples give the same codes). A
 * value that is not one of these terms is an issue (TSVALCD left empty), never a guessed code.
 */

export interface TrialSummaryParameter {
  readonly code: string;
  /** TSPARM, at most 40 characters. */
  readonly label: string;
  /** The value is a term of a CDISC codelist: TSVALCD is its NCI code (from TS_CT_TERMS). */
  readonly ct?: true;
  /** The value is an ISO 8601 date or duration: TSVCDREF 'ISO 8601'. */
  readonly iso8601?: true;
}

export const TRIAL_SUMMARY_PARAMETERS: readonly TrialSummaryParameter[] = [
  { code: 'ADDON', label: 'Added on to Existing Treatments', ct: true },
  { code: 'AGEMAX', label: 'Planned Maximum Age of Subjects', iso8601: true },
  { code: 'AGEMIN', label: 'Planned Minimum Age of Subjects', iso8601: true },
  { code: 'LENGTH', label: 'Trial Length', iso8601: true },
  { code: 'PLANSUB', label: 'Planned Number of Subjects' },
  { code: 'RANDOM', label: 'Trial is Randomized', ct: true },
  { code: 'SEXPOP', label: 'Sex of Participants', ct: true },
  { code: 'STOPRULE', label: 'Study Stop Rules' },
  { code: 'TBLIND', label: 'Trial Blinding Schema', ct: true },
  { code: 'TCNTRL', label: 'Control Type', ct: true },
  { code: 'TDIGRP', label: 'Diagnosis Group' },
  { code: 'INDIC', label: 'Trial Disease/Condition Indication' },
  { code: 'TINDTP', label: 'Trial Intent Type', ct: true },
  { code: 'TITLE', label: 'Trial Title' },
  { code: 'TPHASE', label: 'Trial Phase Classification', ct: true },
  { code: 'TTYPE', label: 'Trial Type', ct: true },
  { code: 'CURTRT', label: 'Current Therapy or Treatment' },
  { code: 'OBJPRIM', label: 'Trial Primary Objective' },
  { code: 'OBJSEC', label: 'Trial Secondary Objective' },
  { code: 'SPONSOR', label: 'Clinical Study Sponsor' },
  { code: 'COMPTRT', label: 'Comparative Treatment Name' },
  { code: 'TRT', label: 'Investigational Therapy or Treatment' },
  { code: 'REGID', label: 'Registry Identifier' },
  { code: 'OUTMSPRI', label: 'Primary Outcome Measure' },
  { code: 'OUTMSSEC', label: 'Secondary Outcome Measure' },
  { code: 'PCLAS', label: 'Pharmacologic Class' },
  { code: 'FCNTRY', label: 'Planned Country of Investigational Sites' },
  { code: 'ADAPT', label: 'Adaptive Design', ct: true },
  { code: 'DCUTDTC', label: 'Data Cutoff Date', iso8601: true },
  { code: 'DCUTDESC', label: 'Data Cutoff Description' },
  { code: 'INTMODEL', label: 'Intervention Model', ct: true },
  { code: 'NARMS', label: 'Planned Number of Arms' },
  { code: 'STYPE', label: 'Study Type', ct: true },
  { code: 'INTTYPE', label: 'Intervention Type', ct: true },
  { code: 'SSTDTC', label: 'Study Start Date', iso8601: true },
  { code: 'SENDTC', label: 'Study End Date', iso8601: true },
  { code: 'ACTSUB', label: 'Actual Number of Subjects' },
  { code: 'HLTSUBJI', label: 'Healthy Subject Indicator', ct: true },
  { code: 'SDTIGVER', label: 'SDTM IG Version' },
  { code: 'SDTMVER', label: 'SDTM Version' },
];

/** CDISC CT submission values of the TS parameters marked `ct`, with their NCI codes (SDTMIG v3.4 TS examples). */
export const TS_CT_TERMS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  ADDON: { Y: 'C49488', N: 'C49487' },
  RANDOM: { Y: 'C49488', N: 'C49487' },
  ADAPT: { Y: 'C49488', N: 'C49487' },
  HLTSUBJI: { Y: 'C49488', N: 'C49487' },
  SEXPOP: { BOTH: 'C49636' },
  TBLIND: { 'OPEN LABEL': 'C49659', 'DOUBLE BLIND': 'C15228' },
  TCNTRL: { NONE: 'C41132', PLACEBO: 'C49648' },
  TINDTP: { TREATMENT: 'C49656', PREVENTION: 'C49657' },
  TPHASE: { 'PHASE II TRIAL': 'C15601', 'PHASE III TRIAL': 'C15602' },
  TTYPE: { EFFICACY: 'C49666', SAFETY: 'C49667' },
  INTMODEL: { 'SINGLE GROUP': 'C82640', PARALLEL: 'C82639' },
  STYPE: { INTERVENTIONAL: 'C98388' },
  INTTYPE: { DRUG: 'C1909' },
};

/** The protocol's phase as written in its identity ('2', 'II', 'Phase 2') -> the TPHASE term trialkit can code. */
export const TPHASE_TERMS: Readonly<Record<string, string>> = { '2': 'PHASE II TRIAL', II: 'PHASE II TRIAL', '3': 'PHASE III TRIAL', III: 'PHASE III TRIAL' };

/** Null flavours (ISO 21090) TSVALNF takes. */
export const CL_TSVALNF: DefineCodelist = {
  id: 'CL.TSVALNF',
  name: 'Null Flavor (ISO 21090)',
  dataType: 'text',
  isNonStandard: true,
  items: [
    { value: 'NA', decode: 'Not applicable' },
    { value: 'NI', decode: 'No information' },
    { value: 'PINF', decode: 'Positive infinity' },
    { value: 'UNK', decode: 'Unknown' },
  ],
};

/** TSPARMCD with TSPARM as decode (C66738). */
export const CL_TSPARMCD: DefineCodelist = {
  id: 'CL.TSPARMCD',
  name: 'Trial Summary Parameter Test Code',
  dataType: 'text',
  nciCode: 'C66738',
  standardId: SDTM_CT.id,
  items: TRIAL_SUMMARY_PARAMETERS.map((p) => ({ value: p.code, decode: p.label })),
};

/** EPOCH (C99079): the epochs the trial design datasets write. */
export const CL_EPOCH: DefineCodelist = {
  id: 'CL.EPOCH',
  name: 'Epoch',
  dataType: 'text',
  nciCode: 'C99079',
  standardId: SDTM_CT.id,
  items: [{ value: 'SCREENING' }, { value: 'TREATMENT' }, { value: 'FOLLOW-UP' }],
};

/** IECAT (C66797). */
export const CL_IECAT: DefineCodelist = {
  id: 'CL.IECAT',
  name: 'Category for Inclusion/Exclusion',
  dataType: 'text',
  nciCode: 'C66797',
  standardId: SDTM_CT.id,
  items: [{ value: 'EXCLUSION' }, { value: 'INCLUSION' }],
};
