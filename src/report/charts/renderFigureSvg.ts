import type { logger, None, parse, View } from 'vega';
import type { compile } from 'vega-lite';
import type { ReportFigureModel } from '../model/index.js';
import type { FigureLinks } from './figureLinks.js';
import { figureSpec } from './figureSpec.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * Makes the ids an SVG defines (clip paths, gradients) unique to the figure, so that many figures inlined
 * in one HTML page do not resolve each other's `url(#clip1)`. Links to the page (`#subjects-...`) are
 * not ids defined in the SVG and stay as they are.
 */
export function scopeSvgIds(svg: string, scope: string): string {
  const defined = new Set([...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
  if (defined.size === 0) return svg;
  const prefix = scope.replace(/[^A-Za-z0-9_-]/g, '_');
  return svg
    .replace(/(\sid=")([^"]+)"/g, (all, head: string, id: string) => (defined.has(id) ? `${head}${prefix}-${id}"` : all))
    .replace(/url\(#([^)]+)\)/g, (all, id: string) => (defined.has(id) ? `url(#${prefix}-${id})` : all))
    .replace(/(href=")#([^"]+)"/g, (all, head: string, id: string) => (defined.has(id) ? `${head}#${prefix}-${id}"` : all));
}

/** Ensures the root element names the SVG namespace (a standalone .svg file needs it to open). */
export function withSvgNamespace(svg: string): string {
  return /^<svg[^>]*\sxmlns="/.test(svg) ? svg : svg.replace(/^<svg/, `<svg xmlns="${SVG_NS}"`);
}

/** What a figure is drawn with: the vega and vega-lite modules, however the caller loaded them. */
export interface ChartEngine {
  readonly vega: { readonly logger: typeof logger; readonly None: typeof None; readonly parse: typeof parse; readonly View: typeof View };
  readonly vegaLite: { readonly compile: typeof compile };
}

let imported: Promise<ChartEngine> | null = null;

/** vega and vega-lite through ES module imports, loaded on first use. */
export function importChartEngine(): Promise<ChartEngine> {
  imported ??= Promise.all([import('vega'), import('vega-lite')]).then(([vega, vegaLite]) => ({ vega, vegaLite }));
  return imported;
}

/**
 * Draws a figure as SVG text with Vega in headless mode (no DOM, no canvas). With `links`, counts and
 * subjects become links into the HTML report. `engine` defaults to vega and vega-lite imported on first
 * use; an adapter may pass them loaded its own way (see publish/chartEngine).
 */
export async function renderFigureSvg(figure: ReportFigureModel, links: FigureLinks | null = null, engine?: ChartEngine): Promise<string> {
  const { vega, vegaLite } = engine ?? (await importChartEngine());
  // Vega-Lite warns on stderr about harmless legend merges; a library must not write to the console.
  const spec = vegaLite.compile(figureSpec(figure, links), { logger: vega.logger(vega.None) }).spec;
  const view = new vega.View(vega.parse(spec), { renderer: 'none', logLevel: vega.None });
  try {
    const svg = await view.toSVG();
    return scopeSvgIds(withSvgNamespace(svg), figure.id);
  } finally {
    view.finalize();
  }
}
