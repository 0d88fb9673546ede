import { populationPhrase } from './populationPhrase.js';
import type { AdamDatasets, AdtteRow, EndpointDefinition, ProtocolDefinition, SubgroupDefinition } from '../../clinical/index.js';
import { computePairwiseLogRank } from '../../stats/index.js';
import { formatConfLevel } from '../format/index.js';
import { efficacyPopulation, type AnalysisPopulation } from './analysisPopulation.js';
import { countCell } from './countCell.js';
import { abbreviationsFor, endpointByParamcd, endpointOfKind } from './protocolTerms.js';
import { cell, column, headingRow, population, reportTable, row, type ReportCell, type ReportColumn, type ReportPopulation, type ReportRow, type ReportTable } from './reportTable.js';
import { EMPTY_VALUE, missingValue, pValue, rateValue, timeMedianValue } from './reportValue.js';
import { subgroupMembers } from './subgroupMembers.js';
import { endpointRows, summarizeSurvival, type SurvivalSummary } from './survivalSummary.js';

/** One time-to-event summary of the analysis plan (AnalysisPlan.timeToEventEndpoints). */
export interface TimeToEventSpec {
  /** ADTTE PARAMCD of one of the protocol's endpoints, e.g. 'PFS'. */
  readonly paramcd: string;
  readonly landmarkMonths: readonly number[];
  /** Add the reverse-KM median follow-up (the protocol's follow-up endpoint). */
  readonly withFollowUp: boolean;
  readonly paperReference?: string;
}

interface Group {
  readonly column: ReportColumn;
  readonly summary: SurvivalSummary;
}

/** The endpoint's definition (a bare one named after the PARAMCD when the protocol lacks it). */
export function endpointOf(protocol: ProtocolDefinition, paramcd: string): EndpointDefinition {
  return endpointByParamcd(protocol, paramcd) ?? { paramcd, kind: 'overall-survival', label: paramcd };
}

/** The population of an endpoint: the efficacy population, or its responders for a duration of response. */
export function endpointPopulation(fas: AnalysisPopulation, endpoint: EndpointDefinition, protocol: ProtocolDefinition, N: number): ReportPopulation {
  if (endpoint.kind !== 'duration-of-response') return fas.population;
  const evaluator = protocol.response.evaluators.find((e) => e.id === endpoint.evaluator);
  return population(`Responders${evaluator === undefined ? '' : ` (${evaluator.label})`} in the ${populationPhrase(fas.population.name)}`, fas.population.flag, N);
}

/** 'kaplan-meier' median with its CI, or why there is none. */
function medianCell(summary: SurvivalSummary, confLevel: number, method: 'kaplan-meier' | 'reverse-kaplan-meier'): ReportCell {
  const median = summary.median;
  if (median === null) return cell(missingValue(summary.subjects.length === 0 ? 'no subjects' : 'the Kaplan-Meier fit failed'));
  return cell(timeMedianValue({ estimate: median.estimate, lower: median.lower, upper: median.upper, confLevel, method }), summary.subjects);
}

/** Two-sided log-rank P of two groups of ADTTE rows (null when a group is empty). */
export function logRankP(a: readonly AdtteRow[], b: readonly AdtteRow[], labels: readonly [string, string]): number | null {
  if (a.length === 0 || b.length === 0) return null;
  const rows = [...a.map((r) => ({ r, g: labels[0] })), ...b.map((r) => ({ r, g: labels[1] }))];
  const test = computePairwiseLogRank({ time: rows.map((x) => x.r.AVALM), status: rows.map((x) => (x.r.CNSR === 0 ? 1 : 0)), group: rows.map((x) => x.g), levels: [...labels] });
  return test.ok && test.value.length > 0 ? test.value[0].p : null;
}

/**
 * A time-to-event summary (patients, events, censored, KM median with Brookmeyer-Crowley CI, landmark rates)
 * of one endpoint over the efficacy population (its responders for a duration of response) and by each
 * survival subgroup of the plan, with the pairwise log-rank P the plan lists. Table id 't-<paramcd>' in
 * lower case; rows 'patients', 'events', 'censored', 'median', 'rate:<months>', 'follow-up', 'logrank'
 * (heading) and 'logrank:<subgroup id>:<a>-vs-<b>'; columns 'overall' and '<subgroup id>:<level>'.
 */
export function createTimeToEventTable(
  datasets: Pick<AdamDatasets, 'adsl' | 'adtte'>,
  protocol: ProtocolDefinition,
  spec: TimeToEventSpec,
  subgroups: readonly SubgroupDefinition[] = protocol.analysisPlan.survivalSubgroups,
): ReportTable {
  const { confLevel } = protocol.analysisPlan;
  const endpoint = endpointOf(protocol, spec.paramcd);
  const fas = efficacyPopulation(datasets.adsl, protocol);
  const rowsOf = (ids: ReadonlySet<string>): AdtteRow[] => endpointRows(datasets.adtte, spec.paramcd, ids);
  const overallRows = rowsOf(fas.ids);
  const groups: Group[] = [{ column: column('overall', 'Overall', overallRows.length), summary: summarizeSurvival(overallRows, spec.landmarkMonths, confLevel) }];
  for (const definition of subgroups) {
    for (const level of subgroupMembers(fas.rows, definition)) {
      const levelRows = rowsOf(level.ids);
      groups.push({ column: column(`${definition.id}:${level.value}`, `${definition.label}: ${level.label}`, levelRows.length), summary: summarizeSurvival(levelRows, spec.landmarkMonths, confLevel) });
    }
  }
  const N = (g: Group): number => g.summary.subjects.length;
  const onlyFirst = (first: ReportCell): ReportCell[] => groups.map((_, i) => (i === 0 ? first : cell(EMPTY_VALUE)));
  const level = formatConfLevel(confLevel);
  const rows: ReportRow[] = [
    row('patients', 'Patients, n', groups.map((g) => countCell(g.summary.subjects, null)), 0),
    row('events', 'Events, n (%)', groups.map((g) => countCell(g.summary.eventSubjects, N(g))), 0),
    row('censored', 'Censored, n (%)', groups.map((g) => countCell(g.summary.censoredSubjects, N(g))), 0),
    row('median', `Median, months (${level} CI)`, groups.map((g) => medianCell(g.summary, confLevel, 'kaplan-meier')), 0),
    ...spec.landmarkMonths.map((month, i) =>
      row(
        `rate:${month}`,
        `${month}-month rate (${level} CI)`,
        groups.map((g) => {
          const at = g.summary.landmarks[i] as (typeof g.summary.landmarks)[number] | undefined;
          if (at === undefined || at.survival === null) return cell(missingValue(N(g) === 0 ? 'no subjects' : `no Kaplan-Meier estimate at ${month} months (past the last observation)`));
          // At S = 1 the log-log interval is undefined; R reports limits of 1 only before the first
          // observed time (survfit0's starting row) and NA after it. One rule here: NE, footnoted.
          if (at.survival === 1) return cell(rateValue({ time: month, estimate: 1, lower: null, upper: null, confLevel }), g.summary.subjects);
          return cell(rateValue({ time: month, estimate: at.survival, lower: at.lower, upper: at.upper, confLevel }), g.summary.subjects);
        }),
        0,
      ),
    ),
  ];
  if (spec.withFollowUp) {
    const followUp = endpointOfKind(protocol, 'follow-up');
    const followCell =
      followUp === undefined
        ? cell(missingValue('the protocol has no follow-up endpoint'))
        : medianCell(summarizeSurvival(endpointRows(datasets.adtte, followUp.paramcd, fas.ids), [], confLevel), confLevel, 'reverse-kaplan-meier');
    rows.push(row('follow-up', 'Median follow-up, months (reverse Kaplan-Meier)', onlyFirst(followCell), 0));
  }
  const comparisons = subgroups.filter((d) => d.comparisons.length > 0);
  if (comparisons.length > 0) rows.push(headingRow('logrank', 'Log-rank P (pairwise)'));
  for (const definition of comparisons) {
    const members = subgroupMembers(fas.rows, definition);
    for (const [a, b] of definition.comparisons) {
      const ma = members.find((m) => m.value === a);
      const mb = members.find((m) => m.value === b);
      const rowsA = rowsOf(ma?.ids ?? new Set());
      const rowsB = rowsOf(mb?.ids ?? new Set());
      const p = logRankP(rowsA, rowsB, [a, b]);
      const pCell = p === null ? cell(missingValue('a group has no subjects')) : cell(pValue(p, 'log-rank'), [...rowsA, ...rowsB].map((r) => r.USUBJID));
      rows.push(row(`logrank:${definition.id}:${a}-vs-${b}`, `${definition.label}: ${ma?.label ?? a} vs ${mb?.label ?? b}`, onlyFirst(pCell), 1));
    }
  }
  const tablePopulation = endpointPopulation(fas, endpoint, protocol, overallRows.length);
  const title = `${endpoint.label} (${populationPhrase(tablePopulation.name)})`;
  const id = `t-${spec.paramcd.toLowerCase()}`;
  return reportTable({
    id,
    title,
    population: tablePopulation,
    stubLabel: endpoint.label,
    columns: groups.map((g) => g.column),
    rows,
    footnotes: [
      'Kaplan-Meier estimates; confidence intervals of rates use the log-log transform and of medians the Brookmeyer-Crowley method. NR, not reached; NE, not estimable.',
      ...(rows.some((r) => r.cells.some((c) => c.value.kind === 'rate' && c.value.estimate === 1))
        ? ['A rate of 100% (no event by that time) has no log-log confidence interval; its limits are shown as NE.']
        : []),
      ...(comparisons.length > 0 ? ['Log-rank P values compare two subgroups on their subjects only, without adjustment for multiplicity.'] : []),
    ],
    abbreviations: abbreviationsFor(protocol, [title, ...groups.map((g) => g.column.label), ...rows.map((r) => r.label)]),
    paperReference: protocol.analysisPlan.paperReferences[id] ?? spec.paperReference ?? null,
  });
}
