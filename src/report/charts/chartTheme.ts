import type { Config } from 'vega-lite';
import type { FigureScale, FigureScaleCategory } from '../model/index.js';

/**
 * The one look of every trialkit figure (report HTML/PDF/DOCX, standalone SVG/PNG and the web app): a
 * sans-serif font that every machine has, sizes that stay readable when a 640-px-wide figure is printed
 * across an A4 text column (about 9 pt), thin dark axes, no chart border, and palettes that survive
 * greyscale printing.
 */
export const CHART_FONT = 'Arial, "Liberation Sans", Helvetica, sans-serif';

/** Full print width of a figure in CSS pixels (A4 text column at 96 dpi). */
export const CHART_WIDTH = 620;

export const CHART_FONT_SIZE = 12;
export const CHART_SMALL_FONT_SIZE = 11;
export const CHART_TEXT_COLOR = '#1a1a1a';
export const CHART_MUTED_COLOR = '#6b6b6b';

/** Series colours (KM curves by subgroup level): dark blue, red, green, purple, orange, teal. */
export const SERIES_PALETTE: readonly string[] = Object.freeze(['#1f4e79', '#c0392b', '#2e7d32', '#6a3d9a', '#d35400', '#00838f']);

/** Responder categories by rank, darkest for the deepest response so the order reads in greyscale too. */
export const RESPONDER_PALETTE: readonly string[] = Object.freeze(['#08306b', '#1f5fa8', '#4a90c8', '#9ecae1', '#c6dbef']);
/** Disease control without response (e.g. minimal response, stable disease), by rank. */
export const CONTROL_PALETTE: readonly string[] = Object.freeze(['#c7c7c7', '#9e9e9e', '#7f7f7f']);
export const PROGRESSION_COLOR = '#c0392b';
export const NOT_EVALUABLE_COLOR = '#e0e0e0';
const OTHER_COLOR = '#bdbdbd';

/**
 * The colour of each category of a response scale, from its meaning and rank on the scale (never its name):
 * responders in blues from dark (best) to light, disease control in greys, progression red, not evaluable
 * pale grey. Any scale gets a consistent palette; the same category always gets the same colour.
 */
export function responseColors(scale: FigureScale): ReadonlyMap<string, string> {
  const byRank = [...scale.categories].sort((a, b) => a.rank - b.rank);
  const pick = (palette: readonly string[], group: readonly FigureScaleCategory[], category: FigureScaleCategory) => palette[Math.min(group.indexOf(category), palette.length - 1)];
  const responders = byRank.filter((c) => c.responder);
  const control = byRank.filter((c) => !c.responder && c.diseaseControl);
  return new Map(
    byRank.map((c) => {
      if (c.responder) return [c.code, pick(RESPONDER_PALETTE, responders, c)];
      if (c.diseaseControl) return [c.code, pick(CONTROL_PALETTE, control, c)];
      if (c.progression) return [c.code, PROGRESSION_COLOR];
      if (c.notEvaluable) return [c.code, NOT_EVALUABLE_COLOR];
      return [c.code, OTHER_COLOR];
    }),
  );
}

/** The scale's category codes among `codes` (all when absent), best first. */
export function responseOrder(scale: FigureScale, codes?: Iterable<string>): string[] {
  const wanted = codes === undefined ? null : new Set(codes);
  return [...scale.categories].sort((a, b) => a.rank - b.rank).map((c) => c.code).filter((code) => wanted === null || wanted.has(code));
}

/** Rank of a code on the scale (1 = best); codes not on it after every known one. */
export function responseRank(scale: FigureScale, code: string): number {
  return scale.categories.find((c) => c.code === code)?.rank ?? scale.categories.length + 1;
}

/** The Vega-Lite config every figure spec carries. */
const config: Config = {
  font: CHART_FONT,
  background: 'white',
  padding: 8,
  view: { stroke: null },
  axis: {
    labelFont: CHART_FONT,
    titleFont: CHART_FONT,
    labelFontSize: CHART_SMALL_FONT_SIZE,
    titleFontSize: CHART_FONT_SIZE,
    titleFontWeight: 'normal',
    labelColor: CHART_TEXT_COLOR,
    titleColor: CHART_TEXT_COLOR,
    domainColor: '#333333',
    tickColor: '#333333',
    gridColor: '#e6e6e6',
    titlePadding: 8,
  },
  legend: {
    labelFont: CHART_FONT,
    titleFont: CHART_FONT,
    labelFontSize: CHART_SMALL_FONT_SIZE,
    titleFontSize: CHART_SMALL_FONT_SIZE,
    titleFontWeight: 'bold',
    labelColor: CHART_TEXT_COLOR,
    titleColor: CHART_TEXT_COLOR,
    symbolSize: 90,
    labelLimit: 320,
  },
  title: { font: CHART_FONT, fontSize: CHART_FONT_SIZE, fontWeight: 'bold', anchor: 'start', color: CHART_TEXT_COLOR },
  text: { font: CHART_FONT, fontSize: CHART_SMALL_FONT_SIZE, color: CHART_TEXT_COLOR },
  header: { labelFont: CHART_FONT, titleFont: CHART_FONT },
  concat: { spacing: 12 },
};

export const CHART_CONFIG: Readonly<Config> = Object.freeze(config);

/** Vega-Lite colour scale of the given categories (default: all), in the scale's order, so legends list the best response first. */
export function responseColorScale(scale: FigureScale, codes?: Iterable<string>): { domain: string[]; range: string[] } {
  const colors = responseColors(scale);
  const domain = responseOrder(scale, codes);
  return { domain, range: domain.map((code) => colors.get(code) ?? OTHER_COLOR) };
}
