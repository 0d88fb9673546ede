import { populationPhrase } from './populationPhrase.js';
import { parseIsoDate, type AdamDatasets, type AdlbRow, type CtcaeGradeValue, type ProtocolDefinition } from '../../clinical/index.js';
import { safetyPopulation } from './analysisPopulation.js';
import { groupRows } from './groupRows.js';
import { countCell } from './countCell.js';
import { abbreviationsFor, paperReference } from './protocolTerms.js';
import { column, headingRow, reportTable, row, type ReportRow, type ReportTable } from './reportTable.js';

const GRADES = [0, 1, 2, 3, 4] as const;
type Direction = 'low' | 'high';

/** One graded laboratory term: an analyte in one direction (e.g. a count decreased). */
interface GradedTerm {
  readonly paramcd: string;
  readonly direction: Direction;
  readonly term: string;
}

const gradeOf = (r: AdlbRow, direction: Direction): CtcaeGradeValue | null => (direction === 'low' ? r.ATOXGRL : r.ATOXGRH);

/**
 * Laboratory shift tables: for each analyte ADLB grades (per CTCAE v5.0 term and direction), the subjects of
 * the safety population by baseline grade (rows) and worst on-treatment grade (columns). Every subject of the
 * population is in each shift: no gradable baseline is the 'Missing' row, no gradable on-treatment value the
 * 'Missing' column, so the rows add up to N. On treatment: after the first-dose day, up to the last dose plus
 * the protocol's treatment-emergent window, baseline record excluded. Rows '<PARAMCD>:<low|high>' (heading),
 * '<PARAMCD>:<low|high>:baseline:<0-4|missing>'; columns 'grade0' ... 'grade4', 'missing', 'total'.
 */
export function createLabShiftTable(datasets: Pick<AdamDatasets, 'adsl' | 'adlb'>, protocol: ProtocolDefinition): ReportTable {
  const safety = safetyPopulation(datasets.adsl, protocol);
  const N = safety.rows.length;
  const window = protocol.teaeWindowDaysAfterLastDose;
  const lastOnTreatmentDay = new Map(
    safety.rows.map((r) => {
      const last = r.TRTEDT === null ? null : parseIsoDate(r.TRTEDT);
      return [r.USUBJID, last === null ? null : last + window] as const;
    }),
  );
  const onTreatment = (r: AdlbRow): boolean => {
    const last = lastOnTreatmentDay.get(r.USUBJID) ?? null;
    const day = parseIsoDate(r.ADT);
    return r.ABLFL !== 'Y' && r.ADY !== null && r.ADY > 1 && last !== null && day !== null && day <= last;
  };
  const inSafety = datasets.adlb.filter((r) => safety.ids.has(r.USUBJID));
  // Each graded term in the order its key ('<PARAMCD>:<low|high>') is first met, with the last term text
  // met for it; a key and a term object are made only when a record names a new one, not for each record.
  const terms = new Map<string, GradedTerm>();
  const latest = new Map<string, { low: string | null; high: string | null }>();
  const note = (paramcd: string, direction: Direction, term: string | null) => {
    if (term === null) return;
    let seen = latest.get(paramcd);
    if (seen === undefined) latest.set(paramcd, (seen = { low: null, high: null }));
    if (seen[direction] === term) return;
    seen[direction] = term;
    terms.set(`${paramcd}:${direction}`, { paramcd, direction, term });
  };
  for (const r of inSafety) {
    note(r.PARAMCD, 'low', r.ATOXDSCL);
    note(r.PARAMCD, 'high', r.ATOXDSCH);
  }
  const ordered = [...terms.entries()].sort(([, a], [, b]) => a.term.localeCompare(b.term));
  // Each analyte's records (in ADLB order), found once: not once per term.
  const byParam = groupRows(inSafety, (r) => r.PARAMCD);
  // Whether each record is on treatment, found once per record (0 = not yet, 1 = no, 2 = yes) and kept beside
  // its analyte's list: both directions of an analyte read the same records.
  const treated = new Map([...byParam].map(([paramcd, list]) => [paramcd, new Uint8Array(list.length)] as const));
  const rows: ReportRow[] = [];
  for (const [key, term] of ordered) {
    const records = byParam.get(term.paramcd) ?? [];
    const flags = treated.get(term.paramcd) ?? new Uint8Array(0);
    const baseline = new Map<string, CtcaeGradeValue>();
    const worst = new Map<string, CtcaeGradeValue>();
    records.forEach((r, i) => {
      const grade = gradeOf(r, term.direction);
      if (grade === null) return;
      if (r.ABLFL === 'Y') {
        baseline.set(r.USUBJID, grade);
        return;
      }
      if (flags[i] === 0) flags[i] = onTreatment(r) ? 2 : 1;
      if (flags[i] === 2) worst.set(r.USUBJID, Math.max(worst.get(r.USUBJID) ?? 0, grade) as CtcaeGradeValue);
    });
    const unit = records[0]?.AVALU;
    rows.push(headingRow(key, unit === undefined ? term.term : `${term.term} (${unit})`));
    // Each subject of the population by baseline level, then by worst grade, in the population's order: one
    // pass over the population, not one per cell. A grade is its own row or column; no grade, the last.
    const levelOf = (grade: CtcaeGradeValue | undefined): number => grade ?? GRADES.length;
    const members = Array.from({ length: GRADES.length + 1 }, () => [] as string[]);
    const cells = Array.from({ length: GRADES.length + 1 }, () => Array.from({ length: GRADES.length + 1 }, () => [] as string[]));
    for (const r of safety.rows) {
      const id = r.USUBJID;
      const level = levelOf(baseline.get(id));
      members[level].push(id);
      cells[level][levelOf(worst.get(id))].push(id);
    }
    for (let level = 0; level <= GRADES.length; level += 1) {
      const missing = level === GRADES.length;
      rows.push(
        row(`${key}:baseline:${missing ? 'missing' : level}`, missing ? 'Baseline missing' : `Baseline grade ${level}`, [
          ...GRADES.map((grade) => countCell(cells[level][grade], N)),
          countCell(cells[level][GRADES.length], N),
          countCell(members[level], N),
        ]),
      );
    }
  }
  const title = `Laboratory shift from baseline CTCAE grade to worst on-treatment grade (${populationPhrase(safety.population.name)})`;
  const footnotes = [
    'Rows: grade of the baseline value (the last value on or before the first dose); columns: worst grade of the values after the first-dose day up to ' +
      `${window} days after the last dose. Graded per CTCAE v5.0 from the laboratory value and the site's normal limits alone.`,
    'Missing: no gradable value (no value, or a value without the normal limit its grade needs). Every subject of the population is counted once in each analyte, so the totals are N.',
  ];
  return reportTable({
    id: 't-lab-shift',
    title,
    population: safety.population,
    stubLabel: 'Laboratory term / baseline grade',
    columns: [...GRADES.map((grade) => column(`grade${grade}`, `Worst grade ${grade}`, N)), column('missing', 'Worst grade missing', N), column('total', 'Total', N)],
    rows,
    footnotes,
    abbreviations: abbreviationsFor(protocol, [title, ...footnotes], ['CTCAE Common Terminology Criteria for Adverse Events']),
    paperReference: paperReference(protocol, 't-lab-shift'),
  });
}
