import { parseXmlTree } from '../define/index.js';
import { readXpt, XPT_NAME, type XptMember, type XptValue, type XptVariable } from '../xpt/index.js';
import { isIso8601DateTime } from './iso8601.js';
import { readDefineSummary, type DefineDatasetSummary, type DefineSummary } from './readDefineSummary.js';
import { adamRequiredVariables, sdtmRequiredVariables } from './requiredVariables.js';
import { ruleById } from './rules.js';
import type { CheckFinding, CheckReport } from './types.js';

/**
 * Conformance checks over one package folder: its .xpt files and define.xml, given as bytes by file name (the
 * CLI reads the folder; this stays pure). Every rule is in rules.ts. Row-level findings are listed for the first
 * ten rows of a (rule, dataset, variable) and counted after that.
 */

export interface PackageFiles {
  /** How the package is named in the report, e.g. `sdtm`. */
  readonly name: string;
  /** File name (no folders) -> content. */
  readonly files: ReadonlyMap<string, Uint8Array>;
}

const MAX_ROWS_LISTED = 10;
const NUMERIC_TYPES = new Set(['integer', 'float']);

class Findings {
  readonly list: CheckFinding[] = [];
  add(ruleId: string, dataset: string, message: string, where: { variable?: string; row?: number; severity?: 'error' | 'warning' } = {}): void {
    const severity = where.severity ?? ruleById(ruleId).severity;
    this.list.push({ ruleId, severity, dataset, ...(where.variable === undefined ? {} : { variable: where.variable }), ...(where.row === undefined ? {} : { row: where.row }), message });
  }
  /** One finding per offending row (rows counted from 1), the first ten listed and the rest summed up. */
  rows(ruleId: string, dataset: string, variable: string, rows: readonly number[], message: (row: number) => string): void {
    for (const row of rows.slice(0, MAX_ROWS_LISTED)) this.add(ruleId, dataset, message(row), { variable, row: row + 1 });
    if (rows.length > MAX_ROWS_LISTED) this.add(ruleId, dataset, `... and ${rows.length - MAX_ROWS_LISTED} more rows (${rows.length} in all)`, { variable });
  }
}

const isBlank = (value: XptValue | undefined): boolean => value === null || value === undefined || value === '';

function checkDefineFile(files: ReadonlyMap<string, Uint8Array>, out: Findings): DefineSummary | null {
  const bytes = files.get('define.xml');
  if (bytes === undefined) {
    out.add('TK-DEF-001', 'define.xml', 'define.xml is missing: every package needs one');
    return null;
  }
  const text = new TextDecoder('utf-8').decode(bytes);
  const tree = parseXmlTree(text, 'define.xml');
  if (!tree.ok) {
    for (const item of tree.issues) out.add('TK-DEF-001', 'define.xml', `not well-formed at line ${String(item.path[1])}, column ${String(item.path[2])}: ${item.expected}`);
    return null;
  }
  if (tree.value.name !== 'ODM') {
    out.add('TK-DEF-001', 'define.xml', `the root element is <${tree.value.name}>, expected <ODM>`);
    return null;
  }
  const stylesheet = /<\?xml-stylesheet[^>]*href="([^"]+)"/.exec(text)?.[1];
  const summary = readDefineSummary(tree.value, stylesheet);
  for (const broken of summary.brokenReferences) out.add('TK-DEF-002', 'define.xml', broken);
  for (const leaf of summary.leaves) {
    if (files.has(leaf.href)) continue;
    const what = leaf.isDataset ? `dataset file ${leaf.href}` : `document ${leaf.href} (${leaf.title})`;
    out.add('TK-DEF-003', 'define.xml', `def:leaf ${leaf.id} points to ${what}, which is not in the package`, leaf.isDataset ? {} : { severity: 'warning' });
  }
  if (stylesheet === undefined) out.add('TK-DEF-005', 'define.xml', 'define.xml names no stylesheet (xml-stylesheet instruction)');
  else if (!/^[a-z]+:/i.test(stylesheet) && !files.has(stylesheet)) out.add('TK-DEF-005', 'define.xml', `the stylesheet ${stylesheet} named by define.xml is not in the package`);
  return summary;
}

function checkXptRules(member: XptMember, out: Findings): void {
  const ds = member.name;
  if (!XPT_NAME.test(ds)) out.add('TK-XPT-003', ds, `dataset name ${JSON.stringify(ds)} is not 1-8 upper-case letters, digits or _ starting with a letter`);
  if (member.label.length > 40 || /[^\x20-\x7e]/.test(member.label)) out.add('TK-XPT-004', ds, `dataset label ${JSON.stringify(member.label)} is not at most 40 ASCII characters`);
  for (const variable of member.variables) {
    if (!XPT_NAME.test(variable.name)) out.add('TK-XPT-003', ds, `variable name ${JSON.stringify(variable.name)} is not 1-8 upper-case letters, digits or _ starting with a letter`, { variable: variable.name });
    if (variable.label.length > 40 || /[^\x20-\x7e]/.test(variable.label)) out.add('TK-XPT-004', ds, `label ${JSON.stringify(variable.label)} is not at most 40 ASCII characters`, { variable: variable.name });
    if (variable.type === 'char' && variable.length > 200) out.add('TK-XPT-005', ds, `character length ${variable.length} is over 200`, { variable: variable.name });
    if (variable.type === 'char') {
      const bad = member.rows.flatMap((row, r) => (typeof row[variable.name] === 'string' && /[\u0080-\uffff]/.test(row[variable.name] as string) ? [r] : []));
      out.rows('TK-XPT-006', ds, variable.name, bad, (r) => `non-ASCII value ${JSON.stringify(member.rows[r][variable.name])}`);
    }
  }
}

function normalFormat(format: string | undefined): string {
  return (format ?? '').toUpperCase().replace(/\.$/, '');
}

function checkCodelist(member: XptMember, variable: XptVariable, codelistOid: string, summary: DefineSummary, out: Findings): void {
  const codelist = summary.codelists.get(codelistOid);
  if (codelist === undefined || codelist.values === null) return;
  const numeric = NUMERIC_TYPES.has(codelist.dataType);
  const terms = new Set(codelist.values.map((v) => (numeric ? String(Number(v)) : v)));
  const outside = new Map<string, number[]>();
  member.rows.forEach((row, r) => {
    const value = row[variable.name];
    if (isBlank(value)) return;
    const key = String(value);
    if (!terms.has(key)) outside.set(key, [...(outside.get(key) ?? []), r]);
  });
  for (const [value, rows] of outside) {
    out.add('TK-DD-007', member.name, `${JSON.stringify(value)} is not a term of codelist ${codelistOid} (${codelist.name}): ${rows.length} row(s), first row ${rows[0] + 1}`, { variable: variable.name });
  }
}

function checkAgainstDefine(member: XptMember, dataset: DefineDatasetSummary, summary: DefineSummary, out: Findings): void {
  const ds = member.name;
  if (dataset.label !== member.label) out.add('TK-DD-003', ds, `dataset label ${JSON.stringify(member.label)} in the file, ${JSON.stringify(dataset.label)} in define.xml`);
  const defined = new Map(dataset.variables.map((v) => [v.name, v]));
  const inFile = new Set(member.variables.map((v) => v.name));
  for (const variable of dataset.variables) if (!inFile.has(variable.name)) out.add('TK-DD-002', ds, `${variable.name} is in define.xml but not in the file`, { variable: variable.name });
  const order = member.variables.map((v) => v.name).filter((name) => defined.has(name));
  const expectedOrder = [...dataset.variables].sort((a, b) => a.order - b.order).map((v) => v.name).filter((name) => inFile.has(name));
  if (order.join(',') !== expectedOrder.join(',')) out.add('TK-DD-006', ds, `variable order ${order.join(' ')} differs from define.xml's ${expectedOrder.join(' ')}`);
  for (const variable of member.variables) {
    const meta = defined.get(variable.name);
    const where = { variable: variable.name };
    if (meta === undefined) {
      out.add('TK-DD-001', ds, `${variable.name} is in the file but not described in define.xml`, where);
      continue;
    }
    if (meta.label !== variable.label) out.add('TK-DD-003', ds, `label ${JSON.stringify(variable.label)} in the file, ${JSON.stringify(meta.label)} in define.xml`, where);
    const numeric = NUMERIC_TYPES.has(meta.dataType);
    if (numeric !== (variable.type === 'num')) out.add('TK-DD-004', ds, `${variable.type} in the file, DataType ${meta.dataType} in define.xml`, where);
    if (variable.type === 'char') {
      const longest = member.rows.reduce((max, row) => Math.max(max, typeof row[variable.name] === 'string' ? (row[variable.name] as string).length : 0), 0);
      if (meta.length !== undefined && variable.length > meta.length) {
        out.add('TK-DD-005', ds, `length ${variable.length} in the file exceeds define.xml's Length ${meta.length}${longest > meta.length ? ` (longest value ${longest})` : ''}`, where);
      }
      if (member.rows.length > 0 && longest < variable.length) out.add('TK-DD-008', ds, `length ${variable.length}, longest value ${longest}`, where);
    }
    if (normalFormat(meta.displayFormat) !== normalFormat(variable.format)) {
      out.add('TK-DD-009', ds, `format ${variable.format ?? '(none)'} in the file, def:DisplayFormat ${meta.displayFormat ?? '(none)'} in define.xml`, where);
    }
    if (meta.codelistOid !== undefined) checkCodelist(member, variable, meta.codelistOid, summary, out);
  }
}

function checkRequired(member: XptMember, required: readonly string[], presentRule: string, missingRule: string, out: Findings): void {
  const names = new Set(member.variables.map((v) => v.name));
  for (const name of required) {
    if (!names.has(name)) {
      out.add(presentRule, member.name, `required variable ${name} is missing`, { variable: name });
      continue;
    }
    const missing = member.rows.flatMap((row, r) => (isBlank(row[name]) ? [r] : []));
    if (missing.length === 0) continue;
    if (missing.length === member.rows.length) out.add(missingRule, member.name, `required variable ${name} is missing in all ${missing.length} rows`, { variable: name });
    else out.rows(missingRule, member.name, name, missing, () => `required variable ${name} is missing`);
  }
}

function checkSdtm(member: XptMember, dataset: DefineDatasetSummary | undefined, out: Findings): void {
  const ds = member.name;
  checkRequired(member, sdtmRequiredVariables(ds, dataset?.class), 'TK-SDTM-001', 'TK-SDTM-002', out);
  const names = new Set(member.variables.map((v) => v.name));
  const seq = `${ds.slice(0, 2)}SEQ`;
  if (names.has(seq) && names.has('USUBJID')) {
    const seen = new Map<string, number>();
    const duplicates: number[] = [];
    member.rows.forEach((row, r) => {
      const key = `${String(row.USUBJID)}\u0000${String(row[seq])}`;
      if (seen.has(key)) duplicates.push(r);
      else seen.set(key, r);
    });
    out.rows('TK-SDTM-003', ds, seq, duplicates, (r) => `${seq} ${String(member.rows[r][seq])} repeats for USUBJID ${String(member.rows[r].USUBJID)} (first at row ${(seen.get(`${String(member.rows[r].USUBJID)}\u0000${String(member.rows[r][seq])}`) ?? 0) + 1})`);
  }
  for (const variable of member.variables) {
    if (!variable.name.endsWith('DTC') || variable.type !== 'char') continue;
    const bad = member.rows.flatMap((row, r) => (!isBlank(row[variable.name]) && !isIso8601DateTime(String(row[variable.name])) ? [r] : []));
    out.rows('TK-SDTM-004', ds, variable.name, bad, (r) => `${JSON.stringify(member.rows[r][variable.name])} is not an ISO 8601 date/time`);
  }
  if (names.has('DOMAIN') && !ds.startsWith('SUPP')) {
    const bad = member.rows.flatMap((row, r) => (row.DOMAIN !== ds.slice(0, 2) ? [r] : []));
    out.rows('TK-SDTM-005', ds, 'DOMAIN', bad, (r) => `DOMAIN is ${JSON.stringify(member.rows[r].DOMAIN)}, expected ${ds.slice(0, 2)}`);
  }
}

function checkAdam(member: XptMember, dataset: DefineDatasetSummary | undefined, out: Findings): void {
  checkRequired(member, adamRequiredVariables(member.name, dataset?.class, dataset?.subClass), 'TK-ADAM-001', 'TK-ADAM-002', out);
  if (member.name === 'ADSL' && member.variables.some((v) => v.name === 'USUBJID')) {
    const seen = new Set<string>();
    const duplicates = member.rows.flatMap((row, r) => {
      const id = String(row.USUBJID);
      if (seen.has(id)) return [r];
      seen.add(id);
      return [];
    });
    out.rows('TK-ADAM-003', member.name, 'USUBJID', duplicates, (r) => `USUBJID ${String(member.rows[r].USUBJID)} has more than one record`);
  }
}

function modelOf(summary: DefineSummary | null): CheckReport['model'] {
  const purposes = new Set(summary?.datasets.map((d) => d.purpose) ?? []);
  if (purposes.size !== 1) return 'unknown';
  return purposes.has('Tabulation') ? 'SDTM' : purposes.has('Analysis') ? 'ADaM' : 'unknown';
}

/** Runs every rule of rules.ts over a package and returns the findings with their counts. */
export function checkCdiscPackage(input: PackageFiles): CheckReport {
  const out = new Findings();
  const summary = checkDefineFile(input.files, out);
  const model = modelOf(summary);
  const datasets: CheckReport['datasets'][number][] = [];
  const xptFiles = [...input.files.keys()].filter((f) => f.toLowerCase().endsWith('.xpt')).sort();
  for (const file of xptFiles) {
    const read = readXpt(input.files.get(file) ?? new Uint8Array());
    if (!read.ok) {
      for (const item of read.issues) out.add('TK-XPT-001', file, `not a readable SAS transport v5 file: ${item.expected} (byte ${String(item.path[1])})`);
      continue;
    }
    if (read.value.members.length !== 1) {
      out.add('TK-XPT-001', file, `holds ${read.value.members.length} datasets, expected exactly one`);
      continue;
    }
    const member = read.value.members[0];
    datasets.push({ name: member.name, file, rows: member.rows.length, variables: member.variables.length });
    if (file !== `${member.name.toLowerCase()}.xpt`) out.add('TK-XPT-002', member.name, `the file ${file} holds dataset ${member.name}: expected ${member.name.toLowerCase()}.xpt`);
    checkXptRules(member, out);
    const dataset = summary?.datasets.find((d) => d.name === member.name);
    if (summary !== null && dataset === undefined) out.add('TK-DEF-004', member.name, `${file} is not described in define.xml`);
    if (summary !== null && dataset !== undefined) checkAgainstDefine(member, dataset, summary, out);
    if (model === 'SDTM') checkSdtm(member, dataset, out);
    if (model === 'ADaM') checkAdam(member, dataset, out);
  }
  const errors = out.list.filter((f) => f.severity === 'error').length;
  return { package: input.name, model, datasets, findings: out.list, errors, warnings: out.list.length - errors };
}
