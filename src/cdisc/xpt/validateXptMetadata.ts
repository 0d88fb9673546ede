import { issue, type Issue, type IssuePath } from '../../result/index.js';
import { parseSasFormat } from './sasFormat.js';
import type { SasFormat, XptDataset, XptVariable } from './types.js';

/** SAS v5 names as the FDA accepts them: 1-8 characters, an upper-case letter first, then A-Z, 0-9 or `_`. */
export const XPT_NAME = /^[A-Z][A-Z0-9_]{0,7}$/;
export const MAX_LABEL_LENGTH = 40;
export const MAX_CHAR_LENGTH = 200;
/** The NAMESTR header record holds the variable count in 4 digits in SAS's own files. */
export const MAX_VARIABLES = 9999;

/** A variable whose metadata passed validation, with its format parsed and its byte offset in a row. */
export interface CheckedVariable {
  readonly variable: XptVariable;
  readonly format: SasFormat | null;
  readonly informat: SasFormat | null;
  readonly offset: number;
}

/** Printable ASCII: space (0x20) to tilde (0x7e). */
export function firstNonPrintableAscii(text: string): number {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code > 0x7e) return i;
  }
  return -1;
}

function checkText(text: unknown, path: IssuePath, what: string, issues: Issue[]): void {
  if (typeof text !== 'string') {
    issues.push(issue('not-text', path, text, `${what} as a string`));
    return;
  }
  if (text.length > MAX_LABEL_LENGTH) issues.push(issue('label-too-long', path, text, `${what} of at most ${MAX_LABEL_LENGTH} characters (has ${text.length})`));
  const bad = firstNonPrintableAscii(text);
  if (bad >= 0) issues.push(issue('non-ascii', path, text, `${what} in printable ASCII only (SAS v5 transport, FDA); character ${bad + 1} is U+${text.charCodeAt(bad).toString(16).toUpperCase().padStart(4, '0')}`));
}

function checkName(name: unknown, path: IssuePath, what: string, issues: Issue[]): void {
  if (typeof name !== 'string' || !XPT_NAME.test(name)) {
    issues.push(issue('bad-name', path, name, `${what} of 1-8 characters: an upper-case letter, then upper-case letters, digits or _`));
  }
}

function checkFormat(text: string | undefined, variable: XptVariable, path: IssuePath, issues: Issue[]): SasFormat | null {
  if (text === undefined) return null;
  const parsed = typeof text === 'string' ? parseSasFormat(text) : null;
  if (parsed === null) {
    issues.push(issue('bad-format', path, text, 'a SAS format such as DATE9., 8.2 or $CHAR20. (upper case, name of at most 8 characters, a period)'));
    return null;
  }
  const isChar = parsed.name.startsWith('$');
  if (variable.type === 'char' && !isChar) issues.push(issue('format-type-mismatch', path, text, 'a character ($) format for a char variable'));
  if (variable.type === 'num' && isChar) issues.push(issue('format-type-mismatch', path, text, 'a numeric format (no $) for a num variable'));
  return parsed;
}

function checkVariable(variable: XptVariable, index: number, issues: Issue[]): { format: SasFormat | null; informat: SasFormat | null } {
  const at: IssuePath = ['variables', index];
  checkName(variable.name, [...at, 'name'], 'a variable name', issues);
  checkText(variable.label, [...at, 'label'], 'a variable label', issues);
  const length: unknown = variable.length;
  if (variable.type === 'char') {
    if (typeof length !== 'number' || !Number.isInteger(length) || length < 1 || length > MAX_CHAR_LENGTH) {
      issues.push(issue('bad-length', [...at, 'length'], length, `a whole number of bytes from 1 to ${MAX_CHAR_LENGTH} for a char variable`));
    }
  } else if (variable.type === 'num') {
    if (length !== 8) issues.push(issue('bad-length', [...at, 'length'], length, '8 for a num variable (full precision)'));
  } else {
    issues.push(issue('bad-type', [...at, 'type'], variable.type, "'char' or 'num'"));
  }
  return {
    format: checkFormat(variable.format, variable, [...at, 'format'], issues),
    informat: checkFormat(variable.informat, variable, [...at, 'informat'], issues),
  };
}

/** Array.isArray without narrowing a typed array to any[] (the input may come from JSON). */
function isList(value: unknown): boolean {
  return Array.isArray(value);
}

/**
 * Checks a dataset's names, labels, types, lengths and formats (not its values: the writer checks those as it
 * encodes them). Returns the variables with their row offsets, or the issues found.
 */
export function validateXptMetadata(dataset: XptDataset): { variables: CheckedVariable[]; rowLength: number; issues: Issue[] } {
  const issues: Issue[] = [];
  checkName(dataset.name, ['name'], 'a dataset name', issues);
  checkText(dataset.label, ['label'], 'a dataset label', issues);
  if (!isList(dataset.variables) || dataset.variables.length === 0) {
    issues.push(issue('no-variables', ['variables'], dataset.variables, 'at least one variable'));
    return { variables: [], rowLength: 0, issues };
  }
  if (dataset.variables.length > MAX_VARIABLES) issues.push(issue('too-many-variables', ['variables'], dataset.variables.length, `at most ${MAX_VARIABLES} variables`));
  if (!isList(dataset.rows)) issues.push(issue('no-rows', ['rows'], dataset.rows, 'an array of rows (may be empty)'));
  const seen = new Map<string, number>();
  const variables: CheckedVariable[] = [];
  let offset = 0;
  dataset.variables.forEach((variable, index) => {
    const { format, informat } = checkVariable(variable, index, issues);
    const first = seen.get(variable.name);
    if (first !== undefined) issues.push(issue('duplicate-name', ['variables', index, 'name'], variable.name, `a name not already used by variables[${first}]`));
    else seen.set(variable.name, index);
    variables.push({ variable, format, informat, offset });
    offset += typeof variable.length === 'number' && variable.length > 0 ? variable.length : 0;
  });
  return { variables, rowLength: offset, issues };
}
