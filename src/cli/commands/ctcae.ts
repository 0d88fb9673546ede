import { acceptedUnits } from '../../clinical/units/index.js';
import {
  CTCAE_V5_LAB_CRITERIA,
  CTCAE_V5_STANDARD,
  computeCtcaeGrades,
  type CtcaeGrade,
  type CtcaeGradeInput,
} from '../../clinical/ctcae/index.js';
import { columnIndex, readCsvFile, type CsvTable } from '../../io/index.js';
import { InputError, issue, formatIssue, type Issue } from '../../result/index.js';
import { parseCommandArgs } from '../args.js';
import type { CliIo, Command } from '../command.js';
import { renderTable, toJson } from '../render.js';

const termList = CTCAE_V5_LAB_CRITERIA.map(
  (c) => `  ${c.term} (${acceptedUnits(c.analyte).join(', ')})${c.aliases.length > 0 ? `\n      aliases: ${c.aliases.join(', ')}` : ''}`,
).join('\n');

const usage = `Usage: trialkit ctcae <labs.csv> [--json] [--lenient]

Grades laboratory values by ${CTCAE_V5_STANDARD}, laboratory criteria only: each value takes the highest
grade whose criterion it meets; a value on a boundary takes the milder grade (neutrophils exactly
1.0 x10^9/L are grade 2). Values are converted to SI units before comparison. Where a grade needs clinical
information (symptoms, transfusion, life-threatening consequences) the grade is the highest the value
alone supports, and the output says so.

CSV columns:
  term       CTCAE v5.0 term (or a listed alias; case is ignored)          required
  value      the lab value, a number >= 0                                  required
  unit       unit of value, lln, uln and baseline                          required
  lln, uln   the site's normal limits; may be empty where not needed      optional
  baseline   the patient's baseline value (bilirubin, ALT, AST: baseline
             above ULN switches to the x baseline criteria; creatinine:
             the > 1.5 / > 3.0 x baseline criteria)                        optional

A row that cannot be graded (e.g. the LLN is needed but empty) gets grade null and a reason.
Invalid input - an unknown term or unit, a value that is not a number >= 0, LLN above ULN - stops the
command with exit 2, listing every bad cell by file, line, column and value, because grading around
a typo would silently drop a toxicity. With --lenient such rows are reported with grade null and the
reason instead, and the other rows are graded.

Options:
  --json       machine-readable output: { "rows": [ { "term", "value", "unit", "grade", ... } ] }
  --lenient    grade the valid rows and report invalid ones as grade null instead of failing

Terms (accepted units):
${termList}
`;

const options = {
  json: { type: 'boolean' },
  lenient: { type: 'boolean' },
} as const;

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const NUMERIC_FIELDS = ['value', 'lln', 'uln', 'baseline'] as const;
type NumericField = (typeof NUMERIC_FIELDS)[number];

interface ParsedRow {
  readonly line: number;
  readonly term: string;
  readonly unit: string;
  readonly numbers: Partial<Record<NumericField, number>>;
  readonly issues: Issue[];
}

/** Header names are matched without regard to case or surrounding spaces. */
function findColumn(table: CsvTable, name: string, required: boolean): number {
  const index = table.header.findIndex((h) => h.trim().toLowerCase() === name);
  if (index < 0 && required) return columnIndex(table, name);
  return index;
}

function parseRows(table: CsvTable): ParsedRow[] {
  const termIndex = findColumn(table, 'term', true);
  const unitIndex = findColumn(table, 'unit', true);
  const numericIndex = Object.fromEntries(NUMERIC_FIELDS.map((f) => [f, findColumn(table, f, f === 'value')])) as Record<NumericField, number>;
  return table.rows.map((row, r) => {
    const line = r + 2;
    const issues: Issue[] = [];
    const numbers: Partial<Record<NumericField, number>> = {};
    for (const field of NUMERIC_FIELDS) {
      const index = numericIndex[field];
      if (index < 0) continue;
      const raw = row[index].trim();
      if (raw === '') {
        if (field === 'value') issues.push(issue('missing-value', [table.file, line, field], raw, 'a lab value (a number >= 0)'));
        continue;
      }
      if (!NUMBER.test(raw)) {
        issues.push(issue('bad-number', [table.file, line, field], raw, `a number >= 0${field === 'value' ? '' : ', or empty when not known'}`));
        continue;
      }
      numbers[field] = Number(raw);
    }
    return { line, term: row[termIndex].trim(), unit: row[unitIndex].trim(), numbers, issues };
  });
}

interface OutputRow {
  readonly line: number;
  readonly term: string;
  readonly value: number | null;
  readonly unit: string;
  readonly grade: number | null;
  readonly reason?: string;
  readonly ctcaeTerm?: string;
  readonly analyte?: string;
  readonly criterion?: string;
  readonly standardValue?: number;
  readonly standardUnit?: string;
  readonly lln?: number | null;
  readonly uln?: number | null;
  readonly baseline?: number | null;
  readonly notes?: readonly string[];
  readonly issues?: readonly string[];
}

function graded(row: ParsedRow, result: CtcaeGrade): OutputRow {
  return {
    line: row.line,
    term: row.term,
    value: row.numbers.value ?? null,
    unit: row.unit,
    grade: result.grade,
    ...(result.reason === undefined ? {} : { reason: result.reason }),
    ctcaeTerm: result.term,
    analyte: result.analyte,
    criterion: result.criterion,
    standardValue: result.value,
    standardUnit: result.unit,
    lln: result.lln,
    uln: result.uln,
    baseline: result.baseline,
    notes: result.notes,
  };
}

function run(args: readonly string[], io: CliIo): number {
  const { values, positionals } = parseCommandArgs('ctcae', args, options);
  if (positionals.length !== 1) {
    throw new InputError(`expected one CSV file, got ${positionals.length}`, [issue('bad-argument', ['file'], positionals, 'one CSV file of lab values')]);
  }
  const file = positionals[0];
  const table = readCsvFile(file);
  const parsed = parseRows(table);
  // A missing or unreadable value is already reported above; NaN keeps the row's term and unit checked too.
  const inputs: CtcaeGradeInput[] = parsed.map((row) => ({ term: row.term, unit: row.unit, ...row.numbers, value: row.numbers.value ?? Number.NaN }));
  const batch = computeCtcaeGrades(inputs);
  if (!batch.ok) throw new InputError(`${file}: cannot grade`, batch.issues);

  // Engine issues carry ['rows', i, field]; in the file that is line i + 2, column field.
  const rowIssues = parsed.map((row, i) => {
    const flagged = new Set(row.issues.map((item) => item.path[2]));
    const engine = batch.value[i].issues
      .filter((item) => !flagged.has(item.path[2]))
      .map((item) => issue(item.code, [file, row.line, item.path[2] ?? 'row'], item.value, item.expected, item.severity));
    return [...row.issues, ...engine];
  });
  const allIssues = rowIssues.flat();

  if (allIssues.length > 0 && values.lenient !== true) {
    const first = allIssues[0];
    const more = allIssues.length > 1 ? ` (and ${allIssues.length - 1} more problem${allIssues.length > 2 ? 's' : ''})` : '';
    throw new InputError(
      `${file} line ${String(first.path[1])}, column '${String(first.path[2])}': ${JSON.stringify(first.value)} is not valid; expected ${first.expected}${more}`,
      allIssues,
    );
  }

  const rows: OutputRow[] = parsed.map((row, i) => {
    const result = batch.value[i].result;
    if (result !== null && rowIssues[i].length === 0) return graded(row, result);
    const messages = rowIssues[i].map((item) => formatIssue(item));
    return {
      line: row.line,
      term: row.term,
      value: row.numbers.value ?? null,
      unit: row.unit,
      grade: null,
      reason: `invalid input: ${messages.join('; ')}`,
      issues: messages,
    };
  });

  if (allIssues.length > 0) io.err(`trialkit ctcae: ${allIssues.length} invalid cell(s) in ${file}; those rows have grade null (--lenient)\n`);

  if (values.json === true) {
    io.out(toJson({ file, standard: CTCAE_V5_STANDARD, rows }));
    return 0;
  }
  io.out(`${CTCAE_V5_STANDARD} laboratory grades: ${file}\n\n`);
  const header = ['line', 'term', 'value', 'unit', 'grade', 'criterion / reason'];
  const body = rows.map((row) => [
    String(row.line),
    row.term,
    row.value === null ? '' : String(row.value),
    row.unit,
    row.grade === null ? 'null' : String(row.grade),
    row.grade === null ? (row.reason ?? '') : (row.criterion ?? ''),
  ]);
  io.out(renderTable([header, ...body]));
  const notes = rows.flatMap((row) => (row.notes ?? []).map((note) => `  line ${row.line}: ${note}`));
  if (notes.length > 0) io.out(`\nNotes:\n${notes.join('\n')}\n`);
  const counts = [0, 1, 2, 3, 4].map((g) => `grade ${g}: ${rows.filter((row) => row.grade === g).length}`);
  io.out(`\n${rows.length} rows; ${counts.join(', ')}; not graded: ${rows.filter((row) => row.grade === null).length}\n`);
  return 0;
}

export const ctcaeCommand: Command = {
  name: 'ctcae',
  usage,
  run,
};
