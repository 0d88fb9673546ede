import type { AeAction, AeOutcome, DiscontinuationReason, LabAnalyte, Relationship } from '../../clinical/index.js';
import type { DefineCodelist, DefineCodelistItem, DefineStandard } from '../define/index.js';

/**
 * The CDISC controlled terminology the SDTM mapping writes, from the codes the standard forms store. CDISC SDTM CT
 * 2025-03-25: the submission values and NCI codes of every codelist define.xml names are checked against its
 * extract (fixtures/sdtm-ct-2025-03-25.tsv) by ctTerms.test.ts. MedDRA coding is out of scope: AEDECOD is the preferred term as the site coded it.
 */

export const SDTM_CT: DefineStandard = { id: 'STD.CT.SDTM.2025-03-25', name: 'CDISC/NCI', type: 'CT', publishingSet: 'SDTM', version: '2025-03-25', status: 'Final' };

export const AE_OUTCOME_TERMS: Readonly<Record<AeOutcome, string>> = {
  recovered: 'RECOVERED/RESOLVED',
  recovering: 'RECOVERING/RESOLVING',
  'not-recovered': 'NOT RECOVERED/NOT RESOLVED',
  'recovered-with-sequelae': 'RECOVERED/RESOLVED WITH SEQUELAE',
  fatal: 'FATAL',
  unknown: 'UNKNOWN',
};

export const AE_ACTION_TERMS: Readonly<Record<AeAction, string>> = {
  none: 'DOSE NOT CHANGED',
  'dose-reduced': 'DOSE REDUCED',
  interrupted: 'DRUG INTERRUPTED',
  withdrawn: 'DRUG WITHDRAWN',
  'not-applicable': 'NOT APPLICABLE',
};

/** Causality is sponsor-defined in SDTM (no CDISC codelist): the form's scale in upper case. */
export const AE_RELATIONSHIP_TERMS: Readonly<Record<Relationship, string>> = {
  'not-related': 'NOT RELATED',
  unlikely: 'UNLIKELY RELATED',
  possible: 'POSSIBLY RELATED',
  probable: 'PROBABLY RELATED',
  definite: 'RELATED',
};

/** Completion/reason for non-completion (NCOMPLT, C66727). */
export const DISCONTINUATION_TERMS: Readonly<Record<DiscontinuationReason, string>> = {
  'progressive-disease': 'PROGRESSIVE DISEASE',
  'consent-withdrawn': 'WITHDRAWAL BY SUBJECT',
  'adverse-event': 'ADVERSE EVENT',
  'investigator-decision': 'PHYSICIAN DECISION',
  death: 'DEATH',
  'protocol-violation': 'PROTOCOL DEVIATION',
  'lost-to-follow-up': 'LOST TO FOLLOW-UP',
  completed: 'COMPLETED',
  'sponsor-decision': 'STUDY TERMINATED BY SPONSOR',
  other: 'OTHER',
};

/** LBTESTCD / LBTEST (C65047 / C67154) and LBCAT of the laboratory analytes the lab form offers. */
export const LAB_TESTS: Readonly<Record<LabAnalyte, { readonly code: string; readonly test: string; readonly category: 'HEMATOLOGY' | 'CHEMISTRY' }>> = {
  neutrophils: { code: 'NEUT', test: 'Neutrophils', category: 'HEMATOLOGY' },
  leukocytes: { code: 'WBC', test: 'Leukocytes', category: 'HEMATOLOGY' },
  platelets: { code: 'PLAT', test: 'Platelets', category: 'HEMATOLOGY' },
  lymphocytes: { code: 'LYM', test: 'Lymphocytes', category: 'HEMATOLOGY' },
  hemoglobin: { code: 'HGB', test: 'Hemoglobin', category: 'HEMATOLOGY' },
  potassium: { code: 'K', test: 'Potassium', category: 'CHEMISTRY' },
  bilirubin: { code: 'BILI', test: 'Bilirubin', category: 'CHEMISTRY' },
  alt: { code: 'ALT', test: 'Alanine Aminotransferase', category: 'CHEMISTRY' },
  ast: { code: 'AST', test: 'Aspartate Aminotransferase', category: 'CHEMISTRY' },
  creatinine: { code: 'CREAT', test: 'Creatinine', category: 'CHEMISTRY' },
  uricAcid: { code: 'URATE', test: 'Urate', category: 'CHEMISTRY' },
  albumin: { code: 'ALB', test: 'Albumin', category: 'CHEMISTRY' },
  totalProtein: { code: 'PROT', test: 'Protein', category: 'CHEMISTRY' },
  beta2Microglobulin: { code: 'B2MICG', test: 'Beta-2 Microglobulin', category: 'CHEMISTRY' },
  ldh: { code: 'LDH', test: 'Lactate Dehydrogenase', category: 'CHEMISTRY' },
  calcium: { code: 'CA', test: 'Calcium', category: 'CHEMISTRY' },
};

/** Who read a response or a scan (--EVAL, C78735). */
export const EVALUATOR_TERMS: Readonly<Record<'investigator' | 'irc', string>> = { investigator: 'INVESTIGATOR', irc: 'INDEPENDENT ASSESSOR' };

const ct = (id: string, name: string, nciCode: string | undefined, items: readonly DefineCodelistItem[]): DefineCodelist => ({
  id,
  name,
  dataType: 'text',
  ...(nciCode === undefined ? { isNonStandard: true } : { nciCode, standardId: SDTM_CT.id }),
  items,
});

export const CL_SEX = ct('CL.SEX', 'Sex', 'C66731', [
  { value: 'F', decode: 'Female', nciCode: 'C16576' },
  { value: 'M', decode: 'Male', nciCode: 'C20197' },
  { value: 'U', decode: 'Unknown', nciCode: 'C17998' },
]);
export const CL_NY = ct('CL.NY', 'No Yes Response', 'C66742', [
  { value: 'N', decode: 'No', nciCode: 'C49487' },
  { value: 'Y', decode: 'Yes', nciCode: 'C49488' },
]);
export const CL_AGEU = ct('CL.AGEU', 'Age Unit', 'C66781', [{ value: 'YEARS', decode: 'Years', nciCode: 'C29848' }]);
export const CL_RACE = ct('CL.RACE', 'Race', 'C74457', [{ value: 'NOT REPORTED', decode: 'Not reported' }]);
export const CL_OUT = ct('CL.OUT', 'Outcome of Event', 'C66768', Object.values(AE_OUTCOME_TERMS).map((value) => ({ value })));
// MULTIPLE is not a term of ACN (non-extensible); SDTMIG 3.4's AE assumptions prescribe it when the actions with
// several study drugs differ (each drug's action in SUPPAE), so it is marked as an extended value.
export const CL_ACN = ct('CL.ACN', 'Action Taken with Study Treatment', 'C66767', [...Object.values(AE_ACTION_TERMS).map((value) => ({ value })), { value: 'MULTIPLE', extended: true }]);
export const CL_AEREL = ct('CL.AEREL', 'Causality (sponsor-defined)', undefined, Object.values(AE_RELATIONSHIP_TERMS).map((value) => ({ value })));
export const CL_NCOMPLT = ct('CL.NCOMPLT', 'Completion/Reason for Non-Completion', 'C66727', [
  ...[...Object.values(DISCONTINUATION_TERMS), 'SCREEN FAILURE'].filter((value) => value !== 'OTHER').map((value) => ({ value })),
  // NCOMPLT is extensible and has no OTHER: the form's "other" reason (its text in DSTERM).
  { value: 'OTHER', extended: true },
  // A protocol milestone (C114118) written in the same DSDECOD column.
  { value: 'INFORMED CONSENT OBTAINED', extended: true },
]);
export const CL_EVAL = ct('CL.EVAL', 'Evaluator', 'C78735', [{ value: 'INDEPENDENT ASSESSOR' }, { value: 'INVESTIGATOR' }]);
/** Relation to Reference Period (--STRF/--ENRF, STENRF C66728): the terms the CM mapping writes. */
export const CL_STENRF = ct('CL.STENRF', 'Relation to Reference Period', 'C66728', [{ value: 'AFTER' }, { value: 'BEFORE' }, { value: 'DURING' }]);
