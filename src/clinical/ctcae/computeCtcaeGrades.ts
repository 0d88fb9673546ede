import { issue, success, type Issue, type Outcome } from '../../result/index.js';
import { computeCtcaeGrade, type CtcaeGrade, type CtcaeGradeInput } from './computeCtcaeGrade.js';

/** One row of a batch: the grade, or null when the row's input was invalid (its issues say why). */
export interface CtcaeGradeRow {
  readonly result: CtcaeGrade | null;
  readonly issues: readonly Issue[];
}

/**
 * Grades many rows independently: a bad row does not stop the others. The outcome is always a success
 * with one entry per row; every row issue is also listed on the outcome with its path prefixed by
 * ['rows', index], e.g. ['rows', 12, 'unit'], so a caller can fail the whole batch or report per row.
 */
export function computeCtcaeGrades(rows: readonly CtcaeGradeInput[]): Outcome<readonly CtcaeGradeRow[]> {
  const all: Issue[] = [];
  const out = rows.map((row, index): CtcaeGradeRow => {
    const outcome = computeCtcaeGrade(row);
    const issues = outcome.issues.map((item) => issue(item.code, ['rows', index, ...item.path], item.value, item.expected, item.severity));
    all.push(...issues);
    return Object.freeze({ result: outcome.ok ? outcome.value : null, issues: Object.freeze(issues) });
  });
  return success(Object.freeze(out), all);
}
