import type { TopLevelSpec } from 'vega-lite';
import { formatCount, formatPercent } from '../format/index.js';
import type { ResponseBarsFigure } from '../model/index.js';
import { CHART_CONFIG, CHART_SMALL_FONT_SIZE, CHART_WIDTH, responseColorScale, responseRank } from './chartTheme.js';
import type { FigureLinks } from './figureLinks.js';

/** An axis label "name (n = 12)" as two lines, the name over its n (a Vega expression). */
const LABEL_OVER_N = "length(split(datum.label, ' (n = ')) > 1 ? [split(datum.label, ' (n = ')[0], '(n = ' + split(datum.label, ' (n = ')[1]] : datum.label";

/** Stacked bars of the scale's responder categories per group, the ORR printed on top. */
export function responseBarsSpec(figure: ResponseBarsFigure, links: FigureLinks | null = null): TopLevelSpec {
  const { bars, scale, evaluator } = figure.data;
  // The group's name over its n on a second line: long names ("Standard risk (n = 47)") were cut with an ellipsis.
  const groupLabel = (bar: (typeof bars)[number]) => `${bar.label} (n = ${bar.n})`;
  const order = bars.map(groupLabel);
  const categories = bars[0]?.segments.map((s) => s.category) ?? [];
  const segments = bars.flatMap((bar) =>
    bar.segments
      .filter((s) => s.count > 0)
      .map((s) => ({
        group: groupLabel(bar),
        category: s.category,
        rank: responseRank(scale, s.category),
        proportion: s.proportion,
        label: `${s.category}: ${formatCount(s.count, bar.n)}`,
        ...(links === null ? {} : { href: links.subjects(s.subjects) }),
      })),
  );
  const totals = bars.map((bar) => ({
    group: groupLabel(bar),
    orr: bar.orr,
    label: `ORR ${formatPercent(bar.orr)}%`,
  }));
  const maxOrr = Math.max(0.2, ...bars.map((b) => b.orr));
  const top = Math.min(1, Math.ceil((maxOrr + 0.08) * 10) / 10);
  const x = { field: 'group', type: 'nominal' as const, sort: order, axis: { title: null, labelAngle: 0, labelLimit: 0, labelExpr: LABEL_OVER_N }, scale: { paddingInner: 0.35, paddingOuter: 0.2 } };
  const href = links === null ? {} : { href: { field: 'href', type: 'nominal' as const } };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    config: CHART_CONFIG,
    width: Math.min(CHART_WIDTH - 140, 110 + 95 * bars.length),
    height: 260,
    layer: [
      {
        data: { values: segments },
        mark: { type: 'bar', stroke: 'white', strokeWidth: 0.5 },
        encoding: {
          x,
          y: { field: 'proportion', type: 'quantitative', stack: 'zero', scale: { domain: [0, top], nice: false }, axis: { format: '.0%', title: 'Patients (%)', grid: true } },
          color: { field: 'category', type: 'nominal', scale: responseColorScale(scale, categories), legend: { title: `Best response (${evaluator})`, orient: 'right' } },
          order: { field: 'rank', type: 'quantitative', sort: 'ascending' },
          tooltip: { field: 'label', type: 'nominal' },
          ...href,
        },
      },
      {
        data: { values: totals },
        mark: { type: 'text', baseline: 'bottom', dy: -4, fontSize: CHART_SMALL_FONT_SIZE, fontWeight: 'bold' },
        encoding: { x, y: { field: 'orr', type: 'quantitative' }, text: { field: 'label' } },
      },
    ],
  };
}
