import { acceptedUnits, isLabAnalyte, parseIsoDate, parseUnit, type LabForm } from '../clinical/index.js';
import { parseCsvText } from '../io/index.js';
import { InputError, issue, type Issue } from '../result/index.js';
import type { ServedProtocol } from './servedProtocol.js';
import { zodIssues } from './zodIssues.js';

/**
 * The central-lab import file: one result per row, with a header naming these columns (any order, no
 * others). `subjectId` is the EDC's subject id ('<site>-<sequence>'), `date` the sample date YYYY-MM-DD,
 * `visit` the visit label ('C1D1'), `analyte` a code of the protocol's lab form (neutrophils, hemoglobin, ...),
 * `value` the result in `unit` (any unit trialkit converts for that analyte), `lln`/`uln` the lab's normal
 * range in the same unit (may be empty).
 */
export const LAB_IMPORT_COLUMNS = Object.freeze(['subjectId', 'date', 'visit', 'analyte', 'value', 'unit', 'lln', 'uln'] as const);

type LabImportColumn = (typeof LAB_IMPORT_COLUMNS)[number];

/** A bound on one request's work: a central-lab transfer is a few thousand rows. */
export const LAB_IMPORT_MAX_ROWS = 50_000;

export interface LabImportRow {
  /** Line in the file (the header is line 1). */
  readonly line: number;
  readonly subjectId: string;
  readonly data: LabForm;
}

export interface LabImportParse {
  readonly rows: readonly LabImportRow[];
  /** Every problem, each at [file, line, column] with the value and what was expected. */
  readonly issues: readonly Issue[];
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

function parseNumber(text: string): number | undefined {
  if (!NUMBER.test(text)) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/**
 * Reads and checks the whole file without touching the database: every bad cell is reported, not just
 * the first, so the lab can fix the file in one round. Whether each subject exists is checked by the caller.
 * Line numbers count the header as line 1 and skip blank lines (as the CSV reader does).
 */
export function parseLabImport(text: string, file: string, protocol: ServedProtocol): LabImportParse {
  const labForm = protocol.formOfRole('lab');
  const schema = labForm === undefined ? undefined : protocol.schema(labForm.id);
  if (labForm === undefined || schema === undefined) return { rows: [], issues: [issue('no-lab-form', [file], protocol.definition.id, 'a protocol with a laboratory form')] };
  const analyteField = labForm.fields.find((f) => f.key === 'analyte');
  const analyteCodes = new Set(
    analyteField?.type === 'code' ? (protocol.definition.codelists.find((list) => list.id === analyteField.codelist)?.items.map((item) => item.code) ?? []) : protocol.definition.labAnalytes,
  );
  let table;
  try {
    table = parseCsvText(text, file);
  } catch (error) {
    if (error instanceof InputError) return { rows: [], issues: error.issues };
    throw error;
  }
  const issues: Issue[] = [];
  const at = new Map<string, number>();
  table.header.forEach((name, index) => {
    if ((LAB_IMPORT_COLUMNS as readonly string[]).includes(name)) at.set(name, index);
    else issues.push(issue('unknown-column', [file, 1, name], name, `only the columns ${LAB_IMPORT_COLUMNS.join(', ')}`));
  });
  for (const name of LAB_IMPORT_COLUMNS) if (!at.has(name)) issues.push(issue('missing-column', [file, 1, name], undefined, `a column named ${name}`));
  if (issues.length > 0) return { rows: [], issues };
  if (table.rows.length === 0) return { rows: [], issues: [issue('no-rows', [file, 2], '', 'at least one result row below the header')] };
  if (table.rows.length > LAB_IMPORT_MAX_ROWS) {
    return { rows: [], issues: [issue('too-many-rows', [file], table.rows.length, `at most ${LAB_IMPORT_MAX_ROWS} rows per file`)] };
  }

  const rows: LabImportRow[] = [];
  table.rows.forEach((cells, index) => {
    const line = index + 2;
    const cell = (name: LabImportColumn): string => cells[at.get(name) ?? -1].trim();
    const bad = (code: string, column: LabImportColumn, expected: string): void => {
      issues.push(issue(code, [file, line, column], cell(column), expected));
    };
    const before = issues.length;
    const subjectId = cell('subjectId');
    if (subjectId === '') bad('missing-value', 'subjectId', 'a subject id');
    const date = cell('date');
    if (parseIsoDate(date) === null) bad('bad-date', 'date', 'a real calendar date YYYY-MM-DD');
    const visit = cell('visit');
    if (visit === '') bad('missing-value', 'visit', 'a visit label, e.g. C1D1');
    const analyte = cell('analyte');
    const unit = cell('unit');
    if (!isLabAnalyte(analyte) || !analyteCodes.has(analyte)) bad('unknown-analyte', 'analyte', `an analyte code of the protocol's lab form: ${[...analyteCodes].join(', ')}`);
    else if (parseUnit(analyte, unit) === null) bad('unknown-unit', 'unit', `a unit of ${analyte}: ${acceptedUnits(analyte).join(', ')}`);
    const value = parseNumber(cell('value'));
    if (value === undefined) bad('not-a-number', 'value', 'a number');
    const limit = (name: 'lln' | 'uln'): number | undefined => {
      if (cell(name) === '') return undefined;
      const parsed = parseNumber(cell(name));
      if (parsed === undefined) bad('not-a-number', name, 'a number or nothing');
      return parsed;
    };
    const lln = limit('lln');
    const uln = limit('uln');
    // an LLN above the ULN is imported and raises the LAB-RANGE query, as on a single save (liveLogic.ts)
    if (issues.length > before || value === undefined) return;
    const data = { date, visit, analyte, value, unit, ...(lln === undefined ? {} : { lln }), ...(uln === undefined ? {} : { uln }), source: 'central' as const };
    // the checks above cover the form; the schema still has the last word on what is stored
    // e.g. a hard limit of the lab form's metadata (a negative count): named at its cell
    const parsed = schema.safeParse(data, { reportInput: true });
    if (!parsed.success) {
      issues.push(...zodIssues(parsed.error, data, [file, line]));
      return;
    }
    rows.push(Object.freeze({ line, subjectId, data: parsed.data as unknown as LabForm }));
  });
  return { rows, issues };
}
