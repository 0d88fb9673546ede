import type { TopLevelSpec } from 'vega-lite';
import { formatCiLimits, formatConfLevel, formatPercent, NOT_ESTIMABLE } from '../format/index.js';
import type { ForestFigure } from '../model/index.js';
import { CHART_CONFIG, CHART_MUTED_COLOR, CHART_SMALL_FONT_SIZE, SERIES_PALETTE } from './chartTheme.js';
import type { FigureLinks } from './figureLinks.js';

const ROW_PX = 20;
const INDENT = '\u00a0\u00a0\u00a0\u00a0';

interface ForestLine {
  readonly key: string;
  readonly label: string;
  readonly heading: boolean;
  readonly estimate: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly counts: string;
  readonly summary: string;
  readonly size: string;
  readonly href?: string;
}

/** Area (px²) of the square marking the overall estimate and a subgroup level's. */
export const MARKER_AREA = Object.freeze({ overall: 120, level: 50 });

/**
 * Forest plot of ORR with exact CIs: the overall row, then each subgroup as a heading with its levels
 * indented (as a CSR table reads), a reference line at p0, and n/N and ORR (CI) in a side column.
 */
export function forestSpec(figure: ForestFigure, links: FigureLinks | null = null): TopLevelSpec {
  const { rows, reference, confLevel } = figure.data;
  const level = formatConfLevel(confLevel);
  const lines: ForestLine[] = [];
  const key = () => String(lines.length).padStart(3, '0');
  lines.push({ key: key(), label: '', heading: true, estimate: null, lower: null, upper: null, counts: 'n/N', summary: `ORR, % (${level} CI)`, size: 'level' });
  let group: string | null = null;
  for (const r of rows) {
    if (r.group !== '' && r.group !== group) {
      group = r.group;
      lines.push({ key: key(), label: r.group, heading: true, estimate: null, lower: null, upper: null, counts: '', summary: '', size: 'level' });
    }
    const rate = r.value.kind === 'proportion' ? r.value : null;
    const summary = rate === null ? NOT_ESTIMABLE : `${formatPercent(rate.estimate)} (${formatCiLimits(rate.lower, rate.upper, 1)})`;
    lines.push({
      key: key(),
      label: r.group === '' ? r.label : `${INDENT}${r.label}`,
      heading: r.group === '',
      estimate: rate?.estimate ?? null,
      lower: rate?.lower ?? null,
      upper: rate?.upper ?? null,
      counts: `${r.x}/${r.n}`,
      summary,
      size: r.group === '' ? 'overall' : 'level',
      ...(links === null || r.subjects.length === 0 ? {} : { href: links.subjects(r.subjects) }),
    });
  }
  const labelOf = Object.fromEntries(lines.map((v) => [v.key, v.label]));
  const headings = lines.filter((v) => v.heading).map((v) => v.key);
  const y = {
    field: 'key',
    type: 'nominal' as const,
    sort: lines.map((v) => v.key),
    scale: { domain: lines.map((v) => v.key) },
    axis: {
      title: null,
      domain: false,
      ticks: false,
      labelExpr: `${JSON.stringify(labelOf)}[datum.value]`,
      labelLimit: 400,
      // Clear of the largest marker (a square of MARKER_AREA.overall px², centred on the axis at 0%).
      labelPadding: Math.ceil(Math.sqrt(MARKER_AREA.overall) / 2) + 4,
      labelFontSize: CHART_SMALL_FONT_SIZE,
      labelFontWeight: { expr: `indexof(${JSON.stringify(headings)}, datum.value) >= 0 ? 'bold' : 'normal'` },
    },
  };
  const height = ROW_PX * lines.length;
  const plotted = lines.filter((v) => v.estimate !== null);
  const href = links === null ? {} : { href: { field: 'href', type: 'nominal' as const } };
  const textY = { field: 'key', type: 'nominal' as const, sort: lines.map((v) => v.key), scale: { domain: lines.map((v) => v.key) }, axis: null };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    config: CHART_CONFIG,
    hconcat: [
      {
        width: 250,
        height,
        layer: [
          { data: { values: [{ ref: reference }] }, mark: { type: 'rule', strokeDash: [4, 3], color: CHART_MUTED_COLOR }, encoding: { x: { field: 'ref', type: 'quantitative' } } },
          {
            data: { values: plotted },
            mark: { type: 'rule', strokeWidth: 1.5, color: SERIES_PALETTE[0] },
            encoding: {
              y,
              x: { field: 'lower', type: 'quantitative', scale: { domain: [0, 1], nice: false }, axis: { format: '.0%', labelFlush: false, title: `ORR (${level} CI); dashed line: p0 = ${formatPercent(reference, 0)}%`, values: [0, 0.2, 0.4, 0.6, 0.8, 1] } },
              x2: { field: 'upper' },
            },
          },
          {
            data: { values: plotted },
            mark: { type: 'point', shape: 'square', filled: true, opacity: 1, color: SERIES_PALETTE[0] },
            encoding: { y, x: { field: 'estimate', type: 'quantitative' }, size: { field: 'size', type: 'ordinal', scale: { domain: ['overall', 'level'], range: [MARKER_AREA.overall, MARKER_AREA.level] }, legend: null }, ...href },
          },
        ],
      },
      {
        width: 160,
        height,
        data: { values: lines },
        layer: [
          { mark: { type: 'text', align: 'right', fontSize: CHART_SMALL_FONT_SIZE }, encoding: { y: textY, x: { datum: 36, type: 'quantitative', scale: { domain: [0, 160], range: [0, 160], nice: false }, axis: null }, text: { field: 'counts' }, ...href } },
          { mark: { type: 'text', align: 'left', fontSize: CHART_SMALL_FONT_SIZE }, encoding: { y: textY, x: { datum: 48, type: 'quantitative' }, text: { field: 'summary' } } },
        ],
      },
    ],
  };
}
