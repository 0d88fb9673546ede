/**
 * The metadata of one submission package (the SDTM tabulations or the ADaM analysis datasets of a trial), from
 * which define.xml (CDISC Define-XML 2.1) is written. It is what the SDTM and ADaM mappings produce beside their
 * datasets; ids are the OIDs written to the file (conventional prefixes: STD., LF., CL., MT., COM.); the OIDs of
 * datasets, variables, value lists and where clauses are made from names (IG.DM, IT.DM.USUBJID, VL.ADTTE.AVAL,
 * WC.ADTTE.AVAL.PFS).
 */

/** Define-XML 2.1 ItemDef DataType values. SAS dates stored as numbers are `integer` with a DisplayFormat. */
export type DefineDataType =
  | 'text'
  | 'integer'
  | 'float'
  | 'date'
  | 'datetime'
  | 'time'
  | 'partialDate'
  | 'partialTime'
  | 'partialDatetime'
  | 'incompleteDatetime'
  | 'durationDatetime'
  | 'intervalDatetime';

/** def:Class values (CDISC CT "Define-XML Dataset Class"), SDTM then ADaM. */
export type DefineDatasetClass =
  | 'TRIAL DESIGN'
  | 'SPECIAL PURPOSE'
  | 'INTERVENTIONS'
  | 'EVENTS'
  | 'FINDINGS'
  | 'FINDINGS ABOUT'
  | 'RELATIONSHIP'
  | 'STUDY REFERENCE'
  | 'SUBJECT LEVEL ANALYSIS DATASET'
  | 'BASIC DATA STRUCTURE'
  | 'OCCURRENCE DATA STRUCTURE'
  | 'ADAM OTHER';

/** SDTM variable roles (SDTM v2.0 section 2.1), written as ItemRef Role. */
export type SdtmRole =
  | 'Identifier'
  | 'Topic'
  | 'Timing'
  | 'Grouping Qualifier'
  | 'Result Qualifier'
  | 'Synonym Qualifier'
  | 'Record Qualifier'
  | 'Variable Qualifier'
  | 'Rule';

/** A reference into a document (def:DocumentRef): physical pages or named destinations of a PDF. */
export interface DefineDocumentRef {
  readonly documentId: string;
  readonly pages?: readonly number[];
  readonly namedDestinations?: readonly string[];
}

/**
 * Where a value comes from (def:Origin). Derived values name their method on the variable (`methodId`);
 * a Predecessor names the variable it is copied from (`DM.AGE`, `AE.AESEQ`).
 */
export type DefineOrigin =
  | { readonly type: 'Collected'; readonly source: 'Investigator' | 'Subject' | 'Vendor'; readonly documents?: readonly DefineDocumentRef[] }
  | { readonly type: 'Derived'; readonly source?: 'Sponsor' | 'Vendor' }
  | { readonly type: 'Assigned'; readonly source?: 'Sponsor' | 'Investigator' | 'Vendor' }
  | { readonly type: 'Protocol'; readonly source?: 'Sponsor'; readonly documents?: readonly DefineDocumentRef[] }
  | { readonly type: 'Predecessor'; readonly predecessor: string }
  | { readonly type: 'Not Available' };

/** The metadata shared by a variable and by one of its value-level (parameter-level) definitions. */
export interface DefineItemMetadata {
  readonly dataType: DefineDataType;
  /** Required for text, integer and float: the SAS length of text, the digits of a number. */
  readonly length?: number;
  /** For float: digits after the decimal point. */
  readonly significantDigits?: number;
  /** SAS display format, e.g. `DATE9.` (def:DisplayFormat). */
  readonly displayFormat?: string;
  readonly mandatory: boolean;
  readonly origin: DefineOrigin;
  /** A CodeList id; the values the variable takes. */
  readonly codelistId?: string;
  /** A MethodDef id; required when the origin is Derived, allowed only then. */
  readonly methodId?: string;
  readonly commentId?: string;
}

/** One condition of a where clause: `PARAMCD EQ PFS`, `LBTESTCD IN (HGB, PLAT)`. Conditions of a clause are ANDed. */
export interface DefineWhereCondition {
  /** A variable of the same dataset. */
  readonly variable: string;
  readonly comparator: 'EQ' | 'NE' | 'IN' | 'NOTIN' | 'LT' | 'LE' | 'GT' | 'GE';
  readonly values: readonly string[];
}

/** Value-level metadata: how a variable is defined for the records a where clause selects (e.g. AVAL for PFS). */
export interface DefineValueLevel extends DefineItemMetadata {
  readonly where: readonly DefineWhereCondition[];
  /** What the value is for these records, e.g. `Progression-free survival (days)`. */
  readonly description?: string;
}

export interface DefineVariable extends DefineItemMetadata {
  /** The XPT variable name (1-8 upper-case characters). */
  readonly name: string;
  /** The XPT label (at most 40 characters). */
  readonly label: string;
  /** SDTM only. */
  readonly role?: SdtmRole;
  readonly isNonStandard?: boolean;
  readonly hasNoData?: boolean;
  /** Parameter-level definitions (def:ValueListDef), e.g. AVAL per PARAMCD. */
  readonly valueLevel?: readonly DefineValueLevel[];
}

export interface DefineDataset {
  /** The dataset (and XPT member) name, e.g. `DM`, `ADSL`, `SUPPAE`. */
  readonly name: string;
  /** The dataset label, e.g. `Demographics`. */
  readonly label: string;
  /** SDTM: the domain code (`DM`; `AE` for SUPPAE is not used: leave it out for SUPP-- datasets). */
  readonly domain?: string;
  readonly class: DefineDatasetClass;
  /** ADaM subclass, e.g. `TIME-TO-EVENT` (BDS), `ADVERSE EVENT` (OCCDS). */
  readonly subClass?: string;
  /** e.g. `One record per subject`, `One record per subject per parameter`. */
  readonly structure: string;
  readonly repeating: boolean;
  readonly isReferenceData?: boolean;
  readonly isNonStandard?: boolean;
  readonly hasNoData?: boolean;
  /** The IG standard the dataset follows (a standard id); left out for a non-standard dataset. */
  readonly standardId?: string;
  /** The transport file beside define.xml, `<name in lower case>.xpt`. */
  readonly file: string;
  /** Key variables in key order (KeySequence), e.g. STUDYID, USUBJID, AEDECOD, AESTDTC. */
  readonly keys: readonly string[];
  readonly commentId?: string;
  /** In file order. */
  readonly variables: readonly DefineVariable[];
}

export interface DefineCodelistItem {
  readonly value: string;
  /** The decoded text; either every item of a codelist has one or none has. */
  readonly decode?: string;
  /** The NCI C-code of the term, when it is a CDISC term. */
  readonly nciCode?: string;
  /** A sponsor value added to an extensible CDISC codelist. */
  readonly extended?: boolean;
}

export interface DefineCodelist {
  readonly id: string;
  readonly name: string;
  readonly dataType: 'text' | 'integer' | 'float';
  /** The NCI C-code of the CDISC codelist, e.g. `C66731` (Sex). */
  readonly nciCode?: string;
  /** The CT standard (a standard id) the codelist comes from. */
  readonly standardId?: string;
  /** A sponsor-defined codelist. */
  readonly isNonStandard?: boolean;
  readonly commentId?: string;
  /** The terms, in order; or `external` for a dictionary. */
  readonly items?: readonly DefineCodelistItem[];
  readonly external?: { readonly dictionary: string; readonly version: string; readonly href?: string };
}

export interface DefineMethod {
  readonly id: string;
  readonly name: string;
  readonly type: 'Computation' | 'Imputation';
  readonly description: string;
  /** Code that computes the value, e.g. { context: 'TypeScript (trialkit 0.1.0)', code: 'createAdtte' }. */
  readonly expressions?: readonly { readonly context: string; readonly code: string }[];
  readonly documents?: readonly DefineDocumentRef[];
}

export interface DefineComment {
  readonly id: string;
  readonly text: string;
  readonly documents?: readonly DefineDocumentRef[];
}

/** A standard the package follows (def:Standard): an implementation guide or a controlled terminology version. */
export interface DefineStandard {
  readonly id: string;
  /** e.g. `SDTMIG`, `ADaMIG`, `CDISC/NCI`. */
  readonly name: string;
  readonly type: 'IG' | 'CT';
  /** e.g. `3.4`, `1.3`, or for CT its release date `2024-03-29`. */
  readonly version: string;
  /** For CT: which publishing set (`SDTM`, `ADaM`, `DEFINE-XML`). */
  readonly publishingSet?: 'SDTM' | 'ADaM' | 'CDASH' | 'DEFINE-XML' | 'SEND' | 'PROTOCOL';
  readonly status?: 'Final' | 'Draft' | 'Provisional';
  readonly commentId?: string;
}

/** A document the package refers to (def:leaf): the annotated CRF, the reviewer's guide, a methods PDF. */
export interface DefineDocument {
  readonly id: string;
  readonly title: string;
  /** Relative to define.xml, e.g. `acrf.pdf`, `../adrg.pdf`. */
  readonly href: string;
}

export interface DefinePackage {
  /** SDTM: tabulation datasets (Purpose Tabulation); ADaM: analysis datasets (Purpose Analysis). */
  readonly model: 'SDTM' | 'ADaM';
  /** ODM FileOID, unique for this file, e.g. `trialkit.<study id>.SDTM`. */
  readonly fileOid: string;
  /** ISO 8601 date-time the caller stamps (the core reads no clock), e.g. `2026-12-06T12:00:00`. */
  readonly creationDateTime: string;
  readonly originator?: string;
  readonly sourceSystem?: { readonly name: string; readonly version: string };
  /** `Submission` for a regulator, `Other` otherwise. */
  readonly context: 'Submission' | 'Other';
  readonly study: { readonly oid: string; readonly name: string; readonly description: string; readonly protocolName: string };
  readonly metaDataVersion: { readonly oid: string; readonly name: string; readonly description?: string };
  /** The IG first, then the CT versions. */
  readonly standards: readonly DefineStandard[];
  readonly documents?: readonly DefineDocument[];
  /** The document id of the annotated CRF (SDTM). */
  readonly annotatedCrfId?: string;
  /** Document ids of the reviewer's guides and other supplemental documents. */
  readonly supplementalDocIds?: readonly string[];
  readonly datasets: readonly DefineDataset[];
  readonly codelists: readonly DefineCodelist[];
  readonly methods: readonly DefineMethod[];
  readonly comments: readonly DefineComment[];
}

/** Options of `createDefineXml`. */
export interface DefineWriteOptions {
  /** The stylesheet named in the xml-stylesheet processing instruction (default `define2-1.xsl`, beside define.xml). */
  readonly stylesheetHref?: string;
}
