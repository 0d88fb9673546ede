/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Charts through Vega-Lite, the library the report draws with, with the report's theme (CHART_CONFIG).

interface VegaView {
  runAsync(): Promise<unknown>;
}
interface VegaGlobal {
  View: new (runtime: unknown, options: { renderer: string; container: HTMLElement; hover: boolean }) => VegaView;
  parse(spec: unknown): unknown;
}
interface VegaLiteGlobal {
  compile(spec: unknown): { spec: unknown };
}

function chartConfig(): Record<string, unknown> {
  const text = document.getElementById('chart-config')?.textContent ?? '{}';
  return JSON.parse(text) as Record<string, unknown>;
}

/** Draws a Vega-Lite spec as SVG into `container` (with a text alternative given by the caller). */
export async function drawChart(container: HTMLElement, spec: Record<string, unknown>): Promise<void> {
  const globals = window as unknown as { vega?: VegaGlobal; vegaLite?: VegaLiteGlobal };
  const vega = globals.vega;
  const vegaLite = globals.vegaLite;
  if (vega === undefined || vegaLite === undefined) {
    container.textContent = 'The chart library did not load.';
    return;
  }
  const compiled = vegaLite.compile({ config: chartConfig(), ...spec });
  const view = new vega.View(vega.parse(compiled.spec), { renderer: 'svg', container, hover: true });
  await view.runAsync();
}
