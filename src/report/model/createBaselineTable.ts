import { populationPhrase } from './populationPhrase.js';
import type { AdamDatasets, AdslRow, AdslValue, BaselineCharacteristic, BaselineLevel, ProtocolDefinition } from '../../clinical/index.js';
import { baselinePopulation } from './analysisPopulation.js';
import { countCell, subjectsWhere } from './countCell.js';
import { medianRangeCell } from './medianRangeCell.js';
import { abbreviationsFor, paperReference } from './protocolTerms.js';
import { column, headingRow, reportTable, row, type ReportRow, type ReportTable } from './reportTable.js';

/** 'Prior ASCT, n (%)' -> 'prior-asct-n': the fallback key of a heading or flag group without an id. */
function slug(label: string): string {
  return label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** '0,1' for ECOG 0 or 1: the level part of a categorical row's key. */
function levelKey(level: BaselineLevel): string {
  return level.values.map(String).join(',');
}

function isMissing(value: AdslValue | undefined): boolean {
  return value === null || value === undefined || value === '';
}

interface Group {
  readonly rows: ReportRow[];
  readonly footnotes: string[];
}

/** The rows of one characteristic of the plan over the population's subjects. */
function characteristicRows(item: BaselineCharacteristic, subjects: readonly AdslRow[]): Group {
  const N = subjects.length;
  const out: Group = { rows: [], footnotes: [] };
  switch (item.kind) {
    case 'heading':
      out.rows.push(headingRow(`heading:${item.id ?? slug(item.label)}`, item.label));
      return out;
    case 'continuous': {
      const value = (r: AdslRow): number | null => (typeof r[item.variable] === 'number' ? (r[item.variable] as number) : null);
      out.rows.push(row(item.variable, item.label, [medianRangeCell(subjects.map((r) => ({ id: r.USUBJID, value: value(r) })))]));
      return out;
    }
    case 'categorical': {
      const withValue = subjects.filter((r) => !isMissing(r[item.variable]));
      const denominator = item.denominator === 'non-missing' ? withValue.length : N;
      const inLevel = (level: BaselineLevel) => (r: AdslRow) => level.values.some((v) => v === r[item.variable]);
      if (item.indentOnly !== true) out.rows.push(headingRow(item.variable, item.label, 1));
      for (const level of item.levels) {
        const members = subjectsWhere(subjects, inLevel(level));
        if (level.show === 'present' && members.length === 0) continue;
        out.rows.push(row(`${item.variable}:${levelKey(level)}`, level.label, [countCell(members, denominator)], 2));
      }
      const missing = subjectsWhere(subjects, (r) => isMissing(r[item.variable]));
      if (item.missing === 'always' || (item.missing === 'when-any' && missing.length > 0)) {
        out.rows.push(row(`${item.variable}:missing`, item.missingLabel ?? 'Missing', [countCell(missing, N)], 2));
      }
      if (item.denominator === 'non-missing') {
        out.footnotes.push(`${item.label.replace(/, n \(%\)$/, '')}: percentages are of the ${withValue.length} subjects with a value (${N - withValue.length} without).`);
      }
      return out;
    }
    case 'flags': {
      const flagged = item.flags
        .map((flag) => ({ ...flag, members: subjectsWhere(subjects, (r) => r[flag.variable] === 'Y') }))
        .filter((flag) => item.onlyAboveFraction === undefined || flag.members.length > N * item.onlyAboveFraction);
      // Array.prototype.sort is stable: equal counts keep the plan's order.
      if (item.sortByFrequency) flagged.sort((a, b) => b.members.length - a.members.length);
      out.rows.push(headingRow(`flags:${item.id ?? slug(item.label)}`, item.label, 1));
      for (const flag of flagged) out.rows.push(row(`${flag.variable}:Y`, flag.label, [countCell(flag.members, N)], 2));
      return out;
    }
  }
}

/**
 * Baseline characteristics of the plan's baseline population (usually intent-to-treat), row group by row
 * group of AnalysisPlan.baselineCharacteristics: headings, median (range) of continuous variables, n (%) per
 * level of categorical ones (with a Missing row as the plan says), and Y flags. Row keys: the ADSL variable
 * of a continuous row ('AGE'), '<variable>:<values>' of a level ('AGEGR1:<65', 'ECOGBL:0,1'),
 * '<variable>:missing', '<flag>:Y' of a flag, and 'heading:<id>' / '<variable>' / 'flags:<id>' of headings.
 */
export function createBaselineTable(datasets: Pick<AdamDatasets, 'adsl'>, protocol: ProtocolDefinition): ReportTable {
  const base = baselinePopulation(datasets.adsl, protocol);
  const subjects = base.rows;
  const plan = protocol.analysisPlan;
  const groups = plan.baselineCharacteristics.map((item) => characteristicRows(item, subjects));
  const rows = groups.flatMap((g) => g.rows);
  const footnotes = [...groups.flatMap((g) => g.footnotes), ...plan.baselineNotes.footnotes];
  const title = `Baseline characteristics (${populationPhrase(base.population.name)})`;
  return reportTable({
    id: 't-baseline',
    title,
    population: base.population,
    stubLabel: 'Baseline Characteristic',
    columns: [column('arm', protocol.identity.armLabel, subjects.length)],
    rows,
    footnotes,
    abbreviations: abbreviationsFor(protocol, [title, ...rows.map((r) => r.label), ...footnotes], plan.baselineNotes.abbreviations),
    paperReference: paperReference(protocol, 't-baseline'),
  });
}
