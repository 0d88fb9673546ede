import type { AdslRow, AdtteRow } from '../../clinical/index.js';
import { computePairwiseLogRank } from '../../stats/index.js';
import { analysisPopulation } from './analysisPopulation.js';
import { countCell } from './countCell.js';
import { formatConfLevel, formatMedianCi, formatPValue, formatSurvivalRate } from './format.js';
import type { ReportProtocol, SubgroupDefinition } from './reportProtocol.js';
import { cell, column, headingRow, population, reportTable, row, textCell, type ReportCell, type ReportColumn, type ReportRow, type ReportTable } from './reportTable.js';
import { subgroupMembers } from './subgroupMembers.js';
import { endpointRows, summarizeSurvival, type SurvivalSummary } from './survivalSummary.js';

export interface TimeToEventSpec {
  /** ADTTE PARAMCD, e.g. 'PFS', 'OS', 'DOR'. */
  readonly paramcd: string;
  readonly id: string;
  readonly title: string;
  /** 'Progression-free survival'. */
  readonly endpointLabel: string;
  readonly landmarkMonths: readonly number[];
  /** Add the reverse-KM median follow-up (OS). */
  readonly withFollowUp?: boolean;
  readonly paperReference?: string | null;
}

interface Group {
  readonly column: ReportColumn;
  readonly summary: SurvivalSummary;
}

function summaryCells(groups: readonly Group[], pick: (g: Group) => ReportCell): ReportCell[] {
  return groups.map(pick);
}

/**
 * A time-to-event summary (events, censored, KM median with Brookmeyer-Crowley CI, landmark rates), over
 * the full analysis set and by each survival subgroup of the protocol, with the pairwise log-rank P the
 * protocol lists. DoR is over the responders (subjects with a DOR row).
 */
export function createTimeToEventTable(
  adsl: readonly AdslRow[],
  adtte: readonly AdtteRow[],
  protocol: ReportProtocol,
  spec: TimeToEventSpec,
  subgroups: readonly SubgroupDefinition[] = protocol.survivalSubgroups,
): ReportTable {
  const fas = analysisPopulation(adsl, 'FASFL');
  const rowsOf = (ids: ReadonlySet<string>): AdtteRow[] => endpointRows(adtte, spec.paramcd, ids);
  const overallRows = rowsOf(fas.ids);
  const groups: Group[] = [
    { column: column('overall', 'Overall', overallRows.length), summary: summarizeSurvival(overallRows, spec.landmarkMonths, protocol.confLevel) },
  ];
  for (const definition of subgroups) {
    for (const level of subgroupMembers(fas.rows, definition)) {
      const levelRows = rowsOf(level.ids);
      groups.push({
        column: column(`${definition.id}:${level.value}`, `${definition.label}: ${level.label}`, levelRows.length),
        summary: summarizeSurvival(levelRows, spec.landmarkMonths, protocol.confLevel),
      });
    }
  }
  const N = (g: Group): number => g.summary.subjects.length;
  const rows: ReportRow[] = [
    row('Patients, n', summaryCells(groups, (g) => cell(String(N(g)), N(g), g.summary.subjects)), 0),
    row('Events, n (%)', summaryCells(groups, (g) => countCell(g.summary.eventSubjects, N(g))), 0),
    row('Censored, n (%)', summaryCells(groups, (g) => countCell(g.summary.censoredSubjects, N(g))), 0),
    row(
      `Median, months (${formatConfLevel(protocol.confLevel)} CI)`,
      summaryCells(groups, (g) =>
        g.summary.median === null
          ? textCell('NE')
          : cell(formatMedianCi(g.summary.median.estimate, g.summary.median.lower, g.summary.median.upper, protocol.confLevel), g.summary.median.estimate, g.summary.subjects),
      ),
      0,
    ),
    ...spec.landmarkMonths.map((month, i) =>
      row(
        `${month}-month rate (${formatConfLevel(protocol.confLevel)} CI)`,
        summaryCells(groups, (g) => {
          const at = g.summary.landmarks[i] as (typeof g.summary.landmarks)[number] | undefined;
          return at === undefined ? textCell('NE') : cell(formatSurvivalRate(at.survival, at.lower, at.upper, protocol.confLevel), at.survival, g.summary.subjects);
        }),
        0,
      ),
    ),
  ];
  if (spec.withFollowUp === true) {
    const follow = summarizeSurvival(endpointRows(adtte, 'FOLLOWUP', fas.ids), [], protocol.confLevel);
    const followCell =
      follow.median === null
        ? textCell('NE')
        : cell(formatMedianCi(follow.median.estimate, follow.median.lower, follow.median.upper, protocol.confLevel), follow.median.estimate, follow.subjects);
    rows.push(row('Median follow-up, months (reverse Kaplan-Meier)', groups.map((_, i) => (i === 0 ? followCell : textCell(''))), 0));
  }
  const comparisons = subgroups.filter((d) => d.comparisons.length > 0);
  if (comparisons.length > 0) rows.push(headingRow('Log-rank P (pairwise)'));
  for (const definition of comparisons) {
    const members = subgroupMembers(fas.rows, definition);
    for (const [a, b] of definition.comparisons) {
      const ma = members.find((m) => m.value === a);
      const mb = members.find((m) => m.value === b);
      const label = `${definition.label}: ${ma?.label ?? a} vs ${mb?.label ?? b}`;
      const pairRows = [...rowsOf(ma?.ids ?? new Set()).map((r) => ({ r, g: a })), ...rowsOf(mb?.ids ?? new Set()).map((r) => ({ r, g: b }))];
      const hasBoth = pairRows.some((p) => p.g === a) && pairRows.some((p) => p.g === b);
      const test = hasBoth
        ? computePairwiseLogRank({ time: pairRows.map((p) => p.r.AVALM), status: pairRows.map((p) => (p.r.CNSR === 0 ? 1 : 0)), group: pairRows.map((p) => p.g), levels: [a, b] })
        : null;
      const p = test !== null && test.ok && test.value.length > 0 ? test.value[0].p : null;
      const pCell = p === null ? textCell('NE') : cell(formatPValue(p), p, pairRows.map((x) => x.r.USUBJID));
      rows.push(row(label, groups.map((_, i) => (i === 0 ? pCell : textCell(''))), 1));
    }
  }
  return reportTable({
    id: spec.id,
    title: spec.title,
    population: spec.paramcd.startsWith('DOR') ? population(`Responders in the full analysis set`, 'FASFL', overallRows.length) : fas.population,
    stubLabel: spec.endpointLabel,
    columns: groups.map((g) => g.column),
    rows,
    footnotes: [
      'Kaplan-Meier estimates; confidence intervals of rates use the log-log transform and of medians the Brookmeyer-Crowley method. NR, not reached; NE, not estimable.',
      'Log-rank P values compare two subgroups on their subjects only, without adjustment for multiplicity.',
    ],
    paperReference: spec.paperReference ?? null,
  });
}
