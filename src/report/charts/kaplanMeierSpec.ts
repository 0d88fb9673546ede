import type { TopLevelSpec } from 'vega-lite';
import { formatNumberOrNr, formatPValue } from '../format/index.js';
import type { KaplanMeierFigure } from '../model/index.js';
import { computeTextWidthPt } from '../paging/index.js';
import { CHART_CONFIG, CHART_MUTED_COLOR, CHART_SMALL_FONT_SIZE, CHART_WIDTH, SERIES_PALETTE } from './chartTheme.js';

/** Time axis end: the first multiple of the at-risk interval at or after the last observation. */
function axisEnd(figure: KaplanMeierFigure): { end: number; every: number } {
  const times = figure.data.atRiskTimes;
  const every = times.length > 1 ? times[1] - times[0] : 3;
  let last = 0;
  for (const s of figure.data.series) {
    for (const p of s.steps) last = Math.max(last, p.time);
    for (const t of s.censorTicks) last = Math.max(last, t.time);
  }
  return { end: Math.max(every, Math.ceil(last / every - 1e-9) * every), every };
}

function seriesLegend(label: string, n: number, events: number, median: number | null, single: boolean): string {
  // 'NR' (not reached) takes no unit.
  const stats = `n = ${n}, ${events} ${events === 1 ? 'event' : 'events'}, median ${median === null ? formatNumberOrNr(median, 2) : `${formatNumberOrNr(median, 2)} mo`}`;
  return single ? stats : `${label} (${stats})`;
}

/**
 * The band's outline as step-after points: each step's limits held until the next step, and a break
 * (null limits) where the next step has none (S = 0), so the band never spans a missing interval.
 */
function bandPoints(series: KaplanMeierFigure['data']['series'][number], label: string): { series: string; time: number; lower: number | null; upper: number | null }[] {
  const steps = series.steps;
  const lastTime = Math.max(steps[steps.length - 1]?.time ?? 0, ...series.censorTicks.map((t) => t.time));
  const out: { series: string; time: number; lower: number | null; upper: number | null }[] = [];
  steps.forEach((point, i) => {
    if (point.lower === null || point.upper === null) return;
    out.push({ series: label, time: point.time, lower: point.lower, upper: point.upper });
    const next = steps[i + 1] as (typeof steps)[number] | undefined;
    if (next === undefined || next.lower === null || next.upper === null) {
      out.push({ series: label, time: next?.time ?? lastTime, lower: point.lower, upper: point.upper });
      out.push({ series: label, time: next?.time ?? lastTime, lower: null, upper: null });
    }
  });
  return out;
}

/**
 * Kaplan-Meier plot: an optional pointwise confidence band, right-continuous step curves, censoring ticks, dashed median guides, the log-rank
 * P of each listed comparison, and the numbers at risk and cumulative events aligned under the time axis.
 */
/** Height of the plot area (px). */
const plotHeightPx = 300;

export function kaplanMeierSpec(figure: KaplanMeierFigure): TopLevelSpec {
  const { series, comparisons, atRiskTimes, endpoint } = figure.data;
  const { end, every } = axisEnd(figure);
  const single = series.length === 1;
  const legendOf = new Map(series.map((s) => [s.id, seriesLegend(s.label, s.n, s.events, s.median, single)]));
  const order = series.map((s) => legendOf.get(s.id) ?? s.id);
  const colors = series.map((_, i) => SERIES_PALETTE[i % SERIES_PALETTE.length]);
  const lines = series.flatMap((s) => {
    const points = s.steps.map((p) => ({ series: legendOf.get(s.id), time: p.time, survival: p.survival }));
    const lastTick = s.censorTicks.reduce((m, t) => Math.max(m, t.time), 0);
    const lastPoint = s.steps[s.steps.length - 1];
    if (lastPoint !== undefined && lastTick > lastPoint.time) points.push({ series: legendOf.get(s.id), time: lastTick, survival: lastPoint.survival });
    return points;
  });
  const ticks = series.flatMap((s) => s.censorTicks.map((t) => ({ series: legendOf.get(s.id), time: t.time, survival: t.survival })));
  const medians = series.filter((s) => s.median !== null).map((s) => ({ series: legendOf.get(s.id), median: s.median, half: 0.5, zero: 0 }));
  const labelOf = new Map(series.map((s) => [s.id, s.label]));
  const notes = comparisons.map((c) => `Log-rank P, ${labelOf.get(c.groupA) ?? c.groupA} vs ${labelOf.get(c.groupB) ?? c.groupB}: ${formatPValue(c.p)}`);
  if (single) notes.push(order[0]);
  const x = { field: 'time', type: 'quantitative' as const, scale: { domain: [0, end], nice: false }, axis: { values: atRiskTimes.filter((t) => t <= end).concat(atRiskTimes.length > 0 && atRiskTimes[atRiskTimes.length - 1] + every <= end ? [end] : []), title: 'Time (months)', grid: false, format: '~g' } };
  const color = { field: 'series', type: 'nominal' as const, scale: { domain: order, range: colors }, legend: single ? null : { title: null, orient: 'top' as const, direction: 'vertical' as const, labelLimit: 600 } };
  // The axis may end one interval past the last at-risk time (the last observation): no subject is at
  // risk there, and the row prints 0 under that tick instead of stopping one tick early.
  const lastRiskTime = atRiskTimes.length === 0 ? null : atRiskTimes[atRiskTimes.length - 1];
  const endTick = lastRiskTime !== null && lastRiskTime + every <= end + 1e-9 && end > lastRiskTime ? end : null;
  const atRisk = series.flatMap((s) => [
    ...s.atRisk.filter((a) => a.time <= end).map((a) => ({ series: legendOf.get(s.id), label: single ? 'All' : s.label, time: a.time, n: a.n })),
    ...(endTick === null ? [] : [{ series: legendOf.get(s.id), label: single ? 'All' : s.label, time: endTick, n: 0 }]),
  ]);
  const cumulativeEvents = series.flatMap((s) => [
    ...s.cumulativeEvents.filter((a) => a.time <= end).map((a) => ({ series: legendOf.get(s.id), label: single ? 'All' : s.label, time: a.time, n: a.n })),
    ...(endTick === null ? [] : [{ series: legendOf.get(s.id), label: single ? 'All' : s.label, time: endTick, n: s.events }]),
  ]);
  const plotWidth = CHART_WIDTH - 90;
  // Each note (log-rank P, or the single curve's summary) on a white box as wide as its text (Arial
  // metrics at the note's size, in px, plus the offset from the axis; clear of the axis line), drawn over
  // the median guides and grid but under the curves, so that no guide crosses the text.
  const noteHeight = (CHART_SMALL_FONT_SIZE + 3) / plotHeightPx;
  const notesData = notes.map((text, i) => {
    const y = single ? 0.97 - i * 0.06 : 0.03 + (notes.length - 1 - i) * 0.06;
    const width = ((computeTextWidthPt(text, CHART_SMALL_FONT_SIZE) * 1.04 + 12) / plotWidth) * end;
    return { text, y, x0: single ? end - width : end / plotWidth, x1: single ? end : width, y0: single ? y - noteHeight : y - 2 / plotHeightPx, y1: single ? y + 2 / plotHeightPx : y + noteHeight };
  });
  const band = figure.data.confidenceBand ? series.flatMap((s) => bandPoints(s, legendOf.get(s.id) ?? s.id)) : [];
  const countRow = (title: string, values: readonly object[]) => ({
    width: CHART_WIDTH - 90,
    height: 18 * series.length,
    title: { text: title, fontSize: CHART_SMALL_FONT_SIZE, fontWeight: 'bold' as const, anchor: 'start' as const, offset: 4 },
    data: { values: [...values] },
    mark: { type: 'text' as const, fontSize: CHART_SMALL_FONT_SIZE },
    encoding: {
      x: { field: 'time', type: 'quantitative' as const, scale: { domain: [0, end], nice: false }, axis: null },
      y: { field: 'label', type: 'nominal' as const, sort: series.map((s) => (single ? 'All' : s.label)), axis: { title: null, domain: false, ticks: false, labelPadding: 18, labelFontWeight: 'bold' as const } },
      text: { field: 'n', type: 'quantitative' as const },
      color: { ...color, legend: null },
    },
  });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    config: CHART_CONFIG,
    vconcat: [
      {
        width: CHART_WIDTH - 90,
        height: plotHeightPx,
        layer: [
          ...(band.length === 0
            ? []
            : [
                {
                  data: { values: band },
                  // invalid: null breaks the band where a limit is missing (S = 0) instead of bridging the gap.
                  mark: { type: 'area' as const, interpolate: 'step-after' as const, opacity: 0.14, invalid: null },
                  encoding: { x, y: { field: 'lower', type: 'quantitative' as const }, y2: { field: 'upper' }, color: { ...color, legend: null } },
                },
              ]),
          {
            data: { values: medians },
            mark: { type: 'rule', strokeDash: [4, 3], color: CHART_MUTED_COLOR, strokeWidth: 1 },
            encoding: { x: { field: 'zero', type: 'quantitative', scale: { domain: [0, end], nice: false } }, x2: { field: 'median' }, y: { field: 'half', type: 'quantitative' } },
          },
          {
            data: { values: medians },
            mark: { type: 'rule', strokeDash: [4, 3], color: CHART_MUTED_COLOR, strokeWidth: 1 },
            encoding: { x: { field: 'median', type: 'quantitative' }, y: { field: 'zero', type: 'quantitative' }, y2: { field: 'half' } },
          },
          {
            data: { values: notesData },
            mark: { type: 'rect', fill: '#ffffff', stroke: null },
            encoding: { x: { field: 'x0', type: 'quantitative' }, x2: { field: 'x1' }, y: { field: 'y0', type: 'quantitative' }, y2: { field: 'y1' } },
          },
          {
            data: { values: lines },
            mark: { type: 'line', interpolate: 'step-after', strokeWidth: 2 },
            encoding: {
              x,
              y: { field: 'survival', type: 'quantitative', scale: { domain: [0, 1], nice: false }, axis: { format: '.0%', title: `${endpoint} (%)`, values: [0, 0.2, 0.4, 0.6, 0.8, 1], grid: true } },
              color,
            },
          },
          {
            data: { values: ticks },
            mark: { type: 'point', shape: 'M0,-1L0,1', size: 60, strokeWidth: 1.5, filled: false },
            encoding: {
              x: { field: 'time', type: 'quantitative' },
              y: { field: 'survival', type: 'quantitative' },
              color: { field: 'series', type: 'nominal' },
              // A legend entry of its own for the tick, beside the curves' legend (or alone for one curve).
              shape: {
                datum: 'Censored',
                type: 'nominal',
                scale: { domain: ['Censored'], range: ['M0,-1L0,1'] },
                legend: { title: null, orient: single ? ('bottom-left' as const) : ('top' as const), symbolStrokeColor: CHART_MUTED_COLOR, symbolStrokeWidth: 1.5, symbolSize: 60 },
              },
            },
          },
          {
            data: { values: notesData },
            mark: { type: 'text', align: single ? 'right' : 'left', baseline: single ? 'top' : 'bottom', fontSize: CHART_SMALL_FONT_SIZE, dx: single ? -4 : 6 },
            encoding: { x: { datum: single ? end : 0, type: 'quantitative' }, y: { field: 'y', type: 'quantitative' }, text: { field: 'text' } },
          },
        ],
      },
      countRow('Number at risk', atRisk),
      countRow('Cumulative events', cumulativeEvents),
    ],
  };
}
