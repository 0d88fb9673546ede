import type { TopLevelSpec } from 'vega-lite';
import { formatPercent } from '../format/index.js';
import type { WaterfallFigure } from '../model/index.js';
import { CHART_CONFIG, CHART_MUTED_COLOR, CHART_SMALL_FONT_SIZE, CHART_WIDTH, responseColorScale } from './chartTheme.js';
import type { FigureLinks } from './figureLinks.js';

/** Increases are drawn up to this many percent; a taller bar is cut and labelled with its value. */
export const WATERFALL_CAP_PERCENT = 100;

/** Waterfall: one bar per subject, best % change of the primary measurement, coloured by best response. */
export function waterfallSpec(figure: WaterfallFigure, links: FigureLinks | null = null): TopLevelSpec {
  const { bars, scale, evaluator, referenceLines } = figure.data;
  const present = new Set(bars.map((b) => b.bestResponse));
  const values = bars.map((b, i) => ({
    rank: i + 1,
    subject: b.USUBJID,
    response: b.bestResponse,
    change: Math.min(b.bestPercentChange, WATERFALL_CAP_PERCENT),
    tip: `${b.USUBJID}: ${formatPercent(b.bestPercentChange / 100)}% (${b.parameter}), ${b.bestResponse}`,
    ...(links === null ? {} : { href: links.subject(b.USUBJID) }),
  }));
  const capped = bars.filter((b) => b.bestPercentChange > WATERFALL_CAP_PERCENT);
  const cappedNote =
    capped.length === 0 ? '' : ` ${capped.length} bar${capped.length === 1 ? '' : 's'} cut at +${WATERFALL_CAP_PERCENT}% (largest +${Math.round(Math.max(...capped.map((b) => b.bestPercentChange)))}%).`;
  const top = Math.max(30, Math.min(WATERFALL_CAP_PERCENT, Math.ceil(Math.max(0, ...values.map((v) => v.change)) / 10) * 10 + 10));
  const guides = referenceLines.map((line) => ({ y: line.percentChange, label: line.label }));
  const x = { field: 'rank', type: 'ordinal' as const, axis: null, scale: { paddingInner: 0.15 } };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    config: CHART_CONFIG,
    width: CHART_WIDTH - 150,
    title: { text: `${guides.length === 0 ? '' : `Dashed lines: ${guides.map((g) => g.label).join('; ')}.`}${cappedNote}`.trim(), orient: 'bottom', anchor: 'start', fontSize: CHART_SMALL_FONT_SIZE, fontWeight: 'normal', color: CHART_MUTED_COLOR, offset: 8 },
    height: 300,
    layer: [
      {
        data: { values },
        mark: { type: 'bar' },
        encoding: {
          x,
          y: { field: 'change', type: 'quantitative', scale: { domain: [-100, top], nice: false }, axis: { title: 'Best change from baseline (%)', values: [-100, -75, -50, -25, 0, 25, 50, 75, 100].filter((v) => v <= top), grid: false } },
          color: { field: 'response', type: 'nominal', scale: responseColorScale(scale, present), legend: { title: `Best response (${evaluator})`, orient: 'right' } },
          tooltip: { field: 'tip', type: 'nominal' },
          ...(links === null ? {} : { href: { field: 'href', type: 'nominal' as const } }),
        },
      },
      {
        data: { values: guides },
        mark: { type: 'rule', strokeDash: [4, 3], color: CHART_MUTED_COLOR },
        encoding: { y: { field: 'y', type: 'quantitative' } },
      },
      {
        data: { values: [{ y: 0 }] },
        mark: { type: 'rule', color: '#333333' },
        encoding: { y: { field: 'y', type: 'quantitative' } },
      },
    ],
  };
}
