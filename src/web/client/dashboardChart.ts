/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Draws a report figure's Vega-Lite spec (the very spec the report renders, theme included) and turns its
// drill-down marks ('#drill-<n>' hrefs) into calls instead of navigation.

interface VegaItem {
  readonly datum?: Readonly<Record<string, unknown>>;
}
interface VegaView {
  runAsync(): Promise<unknown>;
  addEventListener(type: string, handler: (event: Event, item: VegaItem | null | undefined) => void): void;
}
interface VegaLoader {
  sanitize(uri: string, options: unknown): Promise<unknown>;
}
interface VegaGlobal {
  View: new (runtime: unknown, options: { renderer: string; container: HTMLElement; hover: boolean; loader: VegaLoader }) => VegaView;
  parse(spec: unknown): unknown;
  loader(): VegaLoader;
  logger(level: number): unknown;
  readonly None: number;
}
interface VegaLiteGlobal {
  compile(spec: unknown, options?: { logger?: unknown }): { spec: unknown };
}

const DRILL = /^#drill-(\d+)$/;

/** The index of the subject list a drill-down href names, or undefined. */
export function drillIndex(href: unknown): number | undefined {
  if (typeof href !== 'string') return undefined;
  const match = DRILL.exec(href);
  return match === null ? undefined : Number(match[1]);
}

/**
 * Draws `spec` as SVG into `container`. A click on a mark whose datum has a drill-down href calls
 * `onDrill(index)`; Vega's own link handling is told to ignore those hrefs, so the page never navigates.
 */
export async function drawFigure(container: HTMLElement, spec: Readonly<Record<string, unknown>>, onDrill: ((index: number) => void) | null): Promise<void> {
  const globals = window as unknown as { vega?: VegaGlobal; vegaLite?: VegaLiteGlobal };
  const { vega, vegaLite } = globals;
  if (vega === undefined || vegaLite === undefined) {
    container.textContent = 'The chart library did not load.';
    return;
  }
  // as the report renders them: Vega-Lite's notes on merged legends are not the reader's business
  const quiet = vega.logger(vega.None);
  const loader = vega.loader();
  const sanitize = loader.sanitize.bind(loader);
  loader.sanitize = (uri, options) => (drillIndex(uri) === undefined ? sanitize(uri, options) : Promise.reject(new Error('drill-down, not a link')));
  const view = new vega.View(vega.parse(vegaLite.compile(spec, { logger: quiet }).spec), { renderer: 'svg', container, hover: true, loader });
  if (onDrill !== null) {
    view.addEventListener('click', (_event, item) => {
      const index = drillIndex(item?.datum?.href);
      if (index !== undefined) onDrill(index);
    });
  }
  await view.runAsync();
}
