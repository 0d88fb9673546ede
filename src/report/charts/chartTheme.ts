import type { Config } from 'vega-lite';
import type { ResponseCategory } from '../../clinical/index.js';

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

/** Response categories, darkest for the deepest response so the order reads in greyscale too. */
export const RESPONSE_COLORS: Readonly<Record<ResponseCategory, string>> = Object.freeze({
  sCR: '#08306b',
  CR: '#1f5fa8',
  VGPR: '#4a90c8',
  PR: '#9ecae1',
  MR: '#c7c7c7',
  SD: '#9e9e9e',
  PD: '#c0392b',
  NE: '#e0e0e0',
});

export const RESPONSE_ORDER: readonly ResponseCategory[] = Object.freeze(['sCR', 'CR', 'VGPR', 'PR', 'MR', 'SD', 'PD', 'NE']);

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

/** Response colour scale (domain in order, so legends list deepest response first). */
export function responseColorScale(categories: readonly ResponseCategory[] = RESPONSE_ORDER): { domain: string[]; range: string[] } {
  return { domain: [...categories], range: categories.map((c) => RESPONSE_COLORS[c]) };
}
