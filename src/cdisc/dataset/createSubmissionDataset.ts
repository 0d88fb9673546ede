import { issue, type Issue } from '../../result/index.js';
import type { DefineCodelist, DefineComment, DefineDataset, DefineDatasetClass, DefineMethod, DefineOrigin, DefineValueLevel, DefineVariable, SdtmRole } from '../define/index.js';
import { MAX_CHAR_LENGTH, type XptRow, type XptValue } from '../xpt/index.js';

/**
 * One dataset of a submission package stated once: its variables (name, label, kind, origin, derivation,
 * codelist) and its rows. `createSubmissionDataset` turns it into the define.xml metadata and the XPT rows, so
 * the two can never disagree: character lengths are the longest value (FDA TCG), numbers are 8-byte, SAS
 * dates are numbers with DATE9., ISO 8601 dates are text. Text is made ASCII (accents dropped) and cut to 200
 * characters; each change is reported with the dataset, variable and row.
 */

/** text: character; isodate: ISO 8601 text (--DTC); sasdate: a SAS date number shown as DATE9. */
export type VariableKind = 'text' | 'integer' | 'float' | 'isodate' | 'sasdate';

export type VariableOrigin = 'collected' | 'derived' | 'assigned' | 'protocol' | { readonly predecessor: string };

/** How a variable is defined for the records of one parameter (define.xml value-level metadata, PARAMCD EQ code). */
export interface ValueLevelSpec {
  readonly paramcd: string;
  /** What the value is for this parameter, e.g. `Progression-Free Survival by IRC (days)`. */
  readonly description: string;
  /** The rule for this parameter (its own MethodDef). */
  readonly derivation: string;
}

export interface VariableSpec {
  readonly name: string;
  readonly label: string;
  readonly kind: VariableKind;
  readonly origin: VariableOrigin;
  /** How a derived value is computed (the define.xml method); required when the origin is derived. */
  readonly derivation?: string;
  readonly codelist?: DefineCodelist;
  readonly role?: SdtmRole;
  /** Kept in the file even when every value is missing (required variables); others with no value are left out. */
  readonly required?: boolean;
  /** Parameter-level definitions of a derived variable of a BDS dataset; those of parameters with no record are left out. */
  readonly valueLevel?: readonly ValueLevelSpec[];
  /** A note for the reviewer (define.xml def:CommentDef), e.g. what a column leaves out and why. */
  readonly comment?: string;
}

export interface SubmissionDatasetInput {
  readonly name: string;
  readonly label: string;
  readonly domain?: string;
  readonly class: DefineDatasetClass;
  readonly subClass?: string;
  readonly structure: string;
  readonly repeating: boolean;
  readonly standardId: string;
  readonly keys: readonly string[];
  readonly variables: readonly VariableSpec[];
  readonly rows: readonly Readonly<Record<string, XptValue | undefined>>[];
}

export interface SubmissionDataset {
  readonly define: DefineDataset;
  readonly rows: readonly XptRow[];
  readonly methods: readonly DefineMethod[];
  readonly codelists: readonly DefineCodelist[];
  readonly comments: readonly DefineComment[];
  readonly issues: readonly Issue[];
}

const NUMERIC_KINDS = new Set<VariableKind>(['integer', 'float', 'sasdate']);

function originOf(origin: VariableOrigin): DefineOrigin {
  if (typeof origin === 'object') return { type: 'Predecessor', predecessor: origin.predecessor };
  if (origin === 'collected') return { type: 'Collected', source: 'Investigator' };
  if (origin === 'derived') return { type: 'Derived', source: 'Sponsor' };
  if (origin === 'assigned') return { type: 'Assigned', source: 'Sponsor' };
  return { type: 'Protocol', source: 'Sponsor' };
}

/**
 * A dataset label that says SYNTHETIC within the 40 characters of a SAS v5 label: `Label (SYNTHETIC)`, else
 * `SYNTHETIC Label`, else the short form given, else the label cut (never without the word).
 */
export function syntheticLabel(label: string, synthetic: boolean, short?: string): string {
  if (!synthetic) return label;
  const tries = [`${label} (SYNTHETIC)`, `SYNTHETIC ${label}`, `SYNTHETIC ${label.replace(/ Dataset$/, '')}`, ...(short === undefined ? [] : [`${short} (SYNTHETIC)`, `SYNTHETIC ${short}`])];
  return tries.find((t) => t.length <= 40) ?? `SYNTHETIC ${label}`.slice(0, 40);
}

/** ASCII text: accents dropped by Unicode decomposition, any other non-ASCII character as '?'. */
export function asciiText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/[^\x20-\x7e]/g, '?');
}

function cleanText(value: XptValue | undefined, where: { dataset: string; variable: string; row: number }, issues: Issue[]): string | null {
  if (value === null || value === undefined) return null;
  let text = typeof value === 'string' ? value : String(value);
  const ascii = asciiText(text);
  if (ascii !== text) issues.push(issue('non-ascii-replaced', [where.dataset, where.variable, where.row], text, `ASCII text (written as ${JSON.stringify(ascii)})`, 'warning'));
  text = ascii.trimEnd();
  if (text.length > MAX_CHAR_LENGTH) {
    issues.push(issue('text-truncated', [where.dataset, where.variable, where.row], text, `at most ${MAX_CHAR_LENGTH} characters (cut)`, 'warning'));
    text = text.slice(0, MAX_CHAR_LENGTH);
  }
  return text === '' ? null : text;
}

function cleanNumber(value: XptValue | undefined, where: { dataset: string; variable: string; row: number }, issues: Issue[]): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  issues.push(issue('not-a-number', [where.dataset, where.variable, where.row], value, 'a finite number (written as missing)'));
  return null;
}

/** The define.xml metadata and the XPT rows of one dataset, with the methods and codelists its variables name. */
export function createSubmissionDataset(input: SubmissionDatasetInput): SubmissionDataset {
  const issues: Issue[] = [];
  const columns = new Map<string, (string | number | null)[]>();
  for (const spec of input.variables) {
    const numeric = NUMERIC_KINDS.has(spec.kind);
    columns.set(
      spec.name,
      input.rows.map((row, r) => {
        const where = { dataset: input.name, variable: spec.name, row: r + 1 };
        return numeric ? cleanNumber(row[spec.name], where, issues) : cleanText(row[spec.name], where, issues);
      }),
    );
  }
  const kept = input.variables.filter((spec) => spec.required === true || (columns.get(spec.name) ?? []).some((value) => value !== null));
  const methods: DefineMethod[] = [];
  const codelists: DefineCodelist[] = [];
  const comments: DefineComment[] = [];
  const variables: DefineVariable[] = kept.map((spec) => {
    const values = columns.get(spec.name) ?? [];
    const longest = values.reduce<number>((max, value) => Math.max(max, typeof value === 'string' ? value.length : 0), 0);
    const methodId = spec.origin === 'derived' ? `MT.${input.name}.${spec.name}` : undefined;
    if (methodId !== undefined) methods.push({ id: methodId, name: `Algorithm to derive ${input.name}.${spec.name}`, type: 'Computation', description: spec.derivation ?? `Derived by trialkit (${spec.label})` });
    if (spec.codelist !== undefined) codelists.push(spec.codelist);
    const commentId = spec.comment === undefined ? undefined : `COM.${input.name}.${spec.name}`;
    if (commentId !== undefined && spec.comment !== undefined) comments.push({ id: commentId, text: spec.comment });
    const base = {
      name: spec.name,
      label: spec.label,
      mandatory: spec.required === true,
      origin: originOf(spec.origin),
      ...(methodId === undefined ? {} : { methodId }),
      ...(spec.codelist === undefined ? {} : { codelistId: spec.codelist.id }),
      ...(spec.role === undefined ? {} : { role: spec.role }),
      ...(commentId === undefined ? {} : { commentId }),
    };
    const shape = (lengthOf: number): Pick<DefineVariable, 'dataType' | 'length' | 'displayFormat'> => {
      if (spec.kind === 'sasdate') return { dataType: 'integer', length: 8, displayFormat: 'DATE9.' };
      if (spec.kind === 'integer') return { dataType: 'integer', length: 8 };
      if (spec.kind === 'float') return { dataType: 'float', length: 8 };
      return { dataType: spec.kind === 'isodate' ? 'date' : 'text', length: Math.max(1, lengthOf) };
    };
    const params = input.rows.map((row) => row.PARAMCD);
    const valueLevel: DefineValueLevel[] = (spec.origin === 'derived' ? (spec.valueLevel ?? []) : [])
      .filter((level) => params.includes(level.paramcd))
      .map((level) => {
        const levelMethod = `MT.${input.name}.${spec.name}.${level.paramcd}`;
        methods.push({ id: levelMethod, name: `Algorithm to derive ${input.name}.${spec.name} where PARAMCD = ${level.paramcd}`, type: 'Computation', description: level.derivation });
        const own = values.filter((_v, r) => params[r] === level.paramcd).reduce<number>((max, value) => Math.max(max, typeof value === 'string' ? value.length : 0), 0);
        return { ...shape(own), where: [{ variable: 'PARAMCD', comparator: 'EQ', values: [level.paramcd] }], description: level.description, mandatory: false, origin: originOf(spec.origin), methodId: levelMethod };
      });
    return { ...base, ...shape(longest), ...(valueLevel.length === 0 ? {} : { valueLevel }) };
  });
  const rows: XptRow[] = input.rows.map((_row, r) => Object.freeze(Object.fromEntries(kept.map((spec) => [spec.name, (columns.get(spec.name) ?? [])[r] ?? null]))));
  const define: DefineDataset = {
    name: input.name,
    label: input.label,
    ...(input.domain === undefined ? {} : { domain: input.domain }),
    class: input.class,
    ...(input.subClass === undefined ? {} : { subClass: input.subClass }),
    structure: input.structure,
    repeating: input.repeating,
    standardId: input.standardId,
    file: `${input.name.toLowerCase()}.xpt`,
    keys: input.keys.filter((key) => kept.some((spec) => spec.name === key)),
    variables,
  };
  return Object.freeze({ define, rows: Object.freeze(rows), methods, codelists, comments, issues: Object.freeze(issues) });
}
