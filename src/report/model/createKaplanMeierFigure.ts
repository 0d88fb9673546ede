import { populationPhrase } from './populationPhrase.js';
import type { AdamDatasets, ProtocolDefinition, SubgroupDefinition } from '../../clinical/index.js';
import { numberAtRiskAt } from '../../stats/index.js';
import type { KaplanMeierCurve } from '../../stats/index.js';
import { efficacyPopulation } from './analysisPopulation.js';
import { formatConfLevel } from '../format/index.js';
import { endpointOf, endpointPopulation, logRankP, type TimeToEventSpec } from './createTimeToEventTable.js';
import { reportFigure, type ReportFigure } from './reportFigure.js';
import { subgroupMembers } from './subgroupMembers.js';
import { endpointRows, summarizeSurvival } from './survivalSummary.js';

/** A point where the step function changes (or starts): S just after `time`, with its pointwise CI. */
export interface CurvePoint {
  readonly time: number;
  readonly survival: number;
  readonly lower: number | null;
  readonly upper: number | null;
}

export interface KaplanMeierSeries {
  readonly id: string;
  readonly label: string;
  readonly n: number;
  readonly events: number;
  /** Starts at (0, 1); one point per event time (draw as a right-continuous step function). */
  readonly steps: readonly CurvePoint[];
  /** Censoring ticks: time and the curve's height there. */
  readonly censorTicks: readonly { readonly time: number; readonly survival: number }[];
  readonly median: number | null;
  readonly atRisk: readonly { readonly time: number; readonly n: number }[];
  /** Events at or before each at-risk time (the row under the numbers at risk). */
  readonly cumulativeEvents: readonly { readonly time: number; readonly n: number }[];
}

export interface KaplanMeierFigureData {
  readonly endpoint: string;
  readonly timeUnit: 'months';
  readonly atRiskTimes: readonly number[];
  readonly series: readonly KaplanMeierSeries[];
  /** Log-rank P of each listed pair (subgroup figures only). */
  readonly comparisons: readonly { readonly groupA: string; readonly groupB: string; readonly p: number | null }[];
  /** Draw each curve's pointwise confidence band (from the steps' lower and upper limits). */
  readonly confidenceBand: boolean;
  readonly confLevel: number;
}

export type KaplanMeierFigure = ReportFigure<'kaplan-meier', KaplanMeierFigureData>;

function seriesOf(id: string, label: string, curve: KaplanMeierCurve | null, median: number | null, atRiskTimes: readonly number[]): KaplanMeierSeries {
  const steps: CurvePoint[] = [{ time: 0, survival: 1, lower: 1, upper: 1 }];
  const ticks: { time: number; survival: number }[] = [];
  for (const step of curve?.steps ?? []) {
    if (step.events > 0) steps.push(Object.freeze({ time: step.time, survival: step.survival, lower: step.lower, upper: step.upper }));
    if (step.censored > 0) ticks.push(Object.freeze({ time: step.time, survival: step.survival }));
  }
  return Object.freeze({
    id,
    label,
    n: curve?.n ?? 0,
    events: curve?.events ?? 0,
    steps: Object.freeze(steps.map((s) => Object.freeze(s))),
    censorTicks: Object.freeze(ticks),
    median,
    atRisk: Object.freeze(atRiskTimes.map((time) => Object.freeze({ time, n: curve === null ? 0 : numberAtRiskAt(curve, time) }))),
    cumulativeEvents: Object.freeze(atRiskTimes.map((time) => Object.freeze({ time, n: (curve?.steps ?? []).reduce((sum, step) => (step.time <= time ? sum + step.events : sum), 0) }))),
  });
}

/** Regular times 0, every, 2 x every, ... up to the longest observed time. */
export function regularTimes(maxTime: number, every: number): number[] {
  const out: number[] = [];
  for (let t = 0; t <= maxTime + 1e-9; t += every) out.push(Math.round(t * 1e9) / 1e9);
  return out;
}

/**
 * Data of a Kaplan-Meier plot of one endpoint of the plan (efficacy population; its responders for a
 * duration of response): overall ('f-km-<paramcd>'), or one curve per level of a survival subgroup
 * ('f-km-<paramcd>-<subgroup id>', series ids = the level values) with the pairwise log-rank P it lists.
 * Numbers at risk and cumulative events at the plan's regular times. The pointwise confidence band is
 * drawn by default for a single curve only (overlapping bands of several curves hide the curves).
 */
export function createKaplanMeierFigure(
  datasets: Pick<AdamDatasets, 'adsl' | 'adtte'>,
  protocol: ProtocolDefinition,
  spec: TimeToEventSpec,
  subgroup: SubgroupDefinition | null = null,
  options: { readonly confidenceBand?: boolean } = {},
): KaplanMeierFigure {
  const { confLevel, atRiskEveryMonths, paperReferences } = protocol.analysisPlan;
  const endpoint = endpointOf(protocol, spec.paramcd);
  const fas = efficacyPopulation(datasets.adsl, protocol);
  const all = endpointRows(datasets.adtte, spec.paramcd, fas.ids);
  const maxTime = all.reduce((m, r) => Math.max(m, r.AVALM), 0);
  const atRiskTimes = regularTimes(maxTime, atRiskEveryMonths);
  const groups =
    subgroup === null
      ? [{ id: 'overall', label: 'Overall', rows: all }]
      : subgroupMembers(fas.rows, subgroup).map((level) => ({ id: level.value, label: level.label, rows: endpointRows(datasets.adtte, spec.paramcd, level.ids) }));
  const series = groups.map((g) => {
    const summary = summarizeSurvival(g.rows, [], confLevel);
    return seriesOf(g.id, g.label, summary.curve, summary.median?.estimate ?? null, atRiskTimes);
  });
  const comparisons = (subgroup?.comparisons ?? []).map(([a, b]) => {
    const rowsOf = (id: string) => groups.find((g) => g.id === id)?.rows ?? [];
    return Object.freeze({ groupA: a, groupB: b, p: logRankP(rowsOf(a), rowsOf(b), [a, b]) });
  });
  const confidenceBand = options.confidenceBand ?? series.length === 1;
  const base = `f-km-${spec.paramcd.toLowerCase()}`;
  const id = subgroup === null ? base : `${base}-${subgroup.id}`;
  return reportFigure({
    figureKind: 'kaplan-meier',
    id,
    title: subgroup === null ? `Kaplan-Meier curve: ${endpoint.label}` : `Kaplan-Meier curves: ${endpoint.label}, by ${populationPhrase(subgroup.label)}`,
    population: endpointPopulation(fas, endpoint, protocol, all.length),
    data: Object.freeze({ endpoint: endpoint.label, timeUnit: 'months' as const, atRiskTimes: Object.freeze(atRiskTimes), series: Object.freeze(series), comparisons: Object.freeze(comparisons), confidenceBand, confLevel }),
    footnotes: [
      `Ticks mark censored observations; numbers at risk are subjects with a time at or after each time point; cumulative events are events at or before it.${
        confidenceBand ? ` The shaded band is the pointwise ${formatConfLevel(confLevel)} confidence interval (log-log transform).` : ''
      }`,
    ],
    paperReference: paperReferences[id] ?? (subgroup === null ? (spec.paperReference ?? null) : null),
  });
}
