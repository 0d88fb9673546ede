// Test support (not exported from index.ts): generic tables for the paging tests of every renderer.
import { cell, column, countValue, headingRow, numberValue, population, reportTable, row, textCell, timeMedianValue, type ReportTable } from '../model/index.js';

/** A listing of `subjects` subjects, one row each, with long wrapping text columns. */
export function createLongListing(subjects: number): ReportTable {
  const columns = [
    column('term', 'Preferred term'),
    column('class', 'System organ class'),
    column('onset', 'Onset date'),
    column('day', 'Study day'),
    column('grade', 'Grade'),
    column('action', 'Action taken'),
    column('outcome', 'Outcome'),
  ];
  const rows = Array.from({ length: subjects }, (_, i) => {
    const id = `S-${String(i + 1).padStart(4, '0')}`;
    return row(
      `${id}:1`,
      id,
      [
        textCell(i % 7 === 0 ? 'Respiratory tract infection with a long preferred term that wraps over two or more lines in its column' : 'Event'),
        textCell(i % 5 === 0 ? 'Infections and infestations of the lower airways' : 'General disorders'),
        textCell(`2022-0${1 + (i % 9)}-1${i % 10}`),
        cell(numberValue(10 + i, { decimals: 0 })),
        cell(numberValue(1 + (i % 5), { decimals: 0 })),
        textCell(i % 3 === 0 ? 'Dose reduced' : 'None'),
        textCell(i % 4 === 0 ? 'Recovered with sequelae' : 'Recovering'),
      ],
      0,
    );
  });
  return { ...reportTable({ id: 'l-long', title: 'Listing of events', population: population('Safety set', 'SAFFL', subjects), stubLabel: 'Subject', columns, rows }), number: 'Listing 1' };
}

/** A table of `columnCount` columns of median times with CIs under headings: too wide for a landscape page beyond about 8. */
export function createWideTable(columnCount: number): ReportTable {
  const columns = Array.from({ length: columnCount }, (_, i) => column(`group:${i}`, `Stage group ${i + 1}`, 20 + i));
  const median = (i: number) => cell(timeMedianValue({ estimate: 10 + i / 3, lower: 5.25, upper: i % 2 === 0 ? null : 19.38, confLevel: 0.95, method: 'kaplan-meier' }));
  const rows = [
    headingRow('survival', 'Survival'),
    row('median', 'Median, months', columns.map((_, i) => median(i))),
    row('events', 'Events', columns.map((_, i) => cell(numberValue(i, { decimals: 0 })))),
  ];
  return { ...reportTable({ id: 't-wide', title: 'Time to event by group', population: population('Full analysis set', 'FASFL', 100), stubLabel: '', columns, rows }), number: 'Table 1' };
}

/**
 * An adverse-event table by system organ class (indent 0, with counts) and preferred term (indent 1):
 * `classes` classes of 1 to 6 terms, then a category heading with 2 rows, as grouped tables are printed.
 */
export function createClassTermTable(classes: number): ReportTable {
  const columns = [column('any', 'Any grade', 85), column('g3', 'Grade 3 or higher', 85)];
  const counts = (n: number) => [cell(countValue(n, 85)), cell(countValue(Math.floor(n / 3), 85))];
  const rows = [row('any', 'Subjects with at least one event', counts(80), 0)];
  for (let c = 0; c < classes; c += 1) {
    rows.push(row(`soc:${c}`, `System organ class ${c + 1}`, counts(40 - c), 0));
    for (let t = 0; t < 1 + ((c * 5) % 6); t += 1) rows.push(row(`soc:${c}:pt:${t}`, `Preferred term ${c + 1}.${t + 1}`, counts(20 - t), 1));
  }
  rows.push(headingRow('severity', 'Most severe'), row('severity:mild', 'Mild', counts(30)), row('severity:severe', 'Severe', counts(10)));
  return { ...reportTable({ id: 't-soc', title: 'Adverse events by class and term', population: population('Safety set', 'SAFFL', 85), stubLabel: 'System organ class / preferred term', columns, rows }), number: 'Table 2' };
}

/**
 * A baseline-characteristics table: `sections` headings (indent 0), each over categorical groups (a heading
 * at indent 1 over 2 to 5 categories at indent 2) and a median row, as demographic tables are printed.
 */
export function createHeadedGroupTable(sections: number): ReportTable {
  const columns = [column('all', 'All subjects', 85)];
  const rows = [];
  for (let s = 0; s < sections; s += 1) {
    rows.push(headingRow(`section:${s}`, `Section ${s + 1}`));
    rows.push(row(`section:${s}:median`, 'Age, median (range)', [textCell('62.0 (39\u201376)')], 1));
    for (let g = 0; g < 3; g += 1) {
      rows.push(headingRow(`section:${s}:group:${g}`, `Characteristic ${s + 1}.${g + 1}, n (%)`, 1));
      for (let c = 0; c < 2 + ((s + g) % 4); c += 1) rows.push(row(`section:${s}:group:${g}:${c}`, `Category ${c + 1}`, [cell(countValue(10 + c, 85))], 2));
    }
  }
  return { ...reportTable({ id: 't-base', title: 'Baseline characteristics', population: population('Intent-to-treat', 'ITTFL', 85), stubLabel: 'Characteristic', columns, rows }), number: 'Table 3' };
}
