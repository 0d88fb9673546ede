/**
 * The catalogue of conformance rules trialkit checks: the most common CDISC and FDA validation rules over a
 * package folder (XPT files + define.xml). Each cites where the requirement comes from. Ids are trialkit's own
 * (TK-...); the source column names the standard rule or guidance it follows.
 */
export interface CheckRule {
  readonly id: string;
  readonly severity: 'error' | 'warning';
  readonly description: string;
  readonly source: string;
}

export const CHECK_RULES: readonly CheckRule[] = [
  { id: 'TK-DEF-001', severity: 'error', description: 'define.xml is present and well-formed XML with an ODM root', source: 'FDA Study Data Technical Conformance Guide (TCG); Define-XML 2.1' },
  { id: 'TK-DEF-002', severity: 'error', description: 'every reference in define.xml resolves (ItemRef, CodeListRef, MethodOID, CommentOID, StandardOID, leafID, ValueListRef, WhereClauseRef, RangeCheck ItemOID)', source: 'Define-XML 2.1 specification (OIDs and references)' },
  { id: 'TK-DEF-003', severity: 'error', description: 'each dataset leaf (def:leaf xlink:href) names a file that exists in the package; a missing document is a warning', source: 'Define-XML 2.1 (def:leaf)' },
  { id: 'TK-DEF-004', severity: 'error', description: 'each .xpt file of the package is described in define.xml', source: 'FDA TCG (define.xml describes every submitted dataset)' },
  { id: 'TK-DEF-005', severity: 'warning', description: 'the stylesheet named by define.xml is in the package', source: 'FDA TCG (include the stylesheet)' },
  { id: 'TK-XPT-001', severity: 'error', description: 'the file is a readable SAS transport version 5 file with one dataset', source: 'FDA TCG (SAS Transport Format version 5)' },
  { id: 'TK-XPT-002', severity: 'error', description: 'the dataset (member) name equals the file name, which is lower case', source: 'FDA TCG (dataset name = file name)' },
  { id: 'TK-XPT-003', severity: 'error', description: 'variable and dataset names have at most 8 characters: letters, digits and underscores, starting with a letter, upper case', source: 'SAS v5 transport; FDA TCG' },
  { id: 'TK-XPT-004', severity: 'error', description: 'dataset and variable labels have at most 40 ASCII characters', source: 'SAS v5 transport; FDA TCG' },
  { id: 'TK-XPT-005', severity: 'error', description: 'character variables are at most 200 bytes long', source: 'SAS v5 transport; FDA TCG' },
  { id: 'TK-XPT-006', severity: 'error', description: 'character values are ASCII', source: 'FDA TCG (ASCII text)' },
  { id: 'TK-DD-001', severity: 'error', description: 'each variable of a dataset is described in define.xml', source: 'Define-XML 2.1; FDA TCG' },
  { id: 'TK-DD-002', severity: 'error', description: 'each variable of a dataset in define.xml exists in the file', source: 'Define-XML 2.1; FDA TCG' },
  { id: 'TK-DD-003', severity: 'error', description: 'dataset and variable labels agree between the file and define.xml', source: 'Define-XML 2.1 (ItemGroupDef / ItemDef Description = SAS label)' },
  { id: 'TK-DD-004', severity: 'error', description: 'the type agrees: numeric in the file for integer/float in define.xml, character otherwise', source: 'Define-XML 2.1 (DataType)' },
  { id: 'TK-DD-005', severity: 'error', description: "a character variable's length and values are not longer than define.xml's Length", source: 'Define-XML 2.1 (Length)' },
  { id: 'TK-DD-006', severity: 'warning', description: 'variables are in the order of define.xml (OrderNumber)', source: 'Define-XML 2.1 (ItemRef OrderNumber)' },
  { id: 'TK-DD-007', severity: 'warning', description: 'values of a variable with a codelist are terms of that codelist', source: 'Define-XML 2.1 (CodeListRef); CDISC Controlled Terminology' },
  { id: 'TK-DD-008', severity: 'warning', description: 'character lengths are no longer than the longest value', source: 'FDA TCG (variable length set to the maximum length of the values)' },
  { id: 'TK-DD-009', severity: 'warning', description: "the file's display format agrees with define.xml's def:DisplayFormat", source: 'Define-XML 2.1 (def:DisplayFormat)' },
  { id: 'TK-SDTM-001', severity: 'error', description: 'the required variables of the domain are present (STUDYID, DOMAIN, USUBJID, --SEQ and the domain\'s Req variables)', source: 'SDTMIG v3.4 domain tables, Core = Req' },
  { id: 'TK-SDTM-002', severity: 'error', description: 'required variables have no missing values', source: 'SDTMIG v3.4 (Req: cannot be null)' },
  { id: 'TK-SDTM-003', severity: 'error', description: '--SEQ is unique within USUBJID', source: 'SDTMIG v3.4 (--SEQ: a sequence number unique within USUBJID)' },
  { id: 'TK-SDTM-004', severity: 'error', description: '--DTC values are ISO 8601 dates/times (partial dates allowed)', source: 'SDTMIG v3.4 (ISO 8601)' },
  { id: 'TK-SDTM-005', severity: 'error', description: 'DOMAIN equals the dataset name', source: 'SDTMIG v3.4 (DOMAIN: the two-character domain code)' },
  { id: 'TK-ADAM-001', severity: 'error', description: 'the required variables are present (STUDYID and USUBJID in every dataset; the ADSL and BDS Req variables)', source: 'ADaMIG v1.3 (ADSL and BDS variable tables); ADaM BDS for Time-to-Event v1.0' },
  { id: 'TK-ADAM-002', severity: 'error', description: 'required variables have no missing values', source: 'ADaMIG v1.3 (Core = Req: populated)' },
  { id: 'TK-ADAM-003', severity: 'error', description: 'ADSL has one record per USUBJID', source: 'ADaMIG v1.3 (ADSL)' },
];

export function ruleById(id: string): CheckRule {
  const rule = CHECK_RULES.find((r) => r.id === id);
  if (rule === undefined) throw new Error(`unknown rule ${id}`);
  return rule;
}
