import { renderFigureSvg, type ChartEngine } from '../report/charts/index.js';
// The links alone, not the HTML renderer and all it imports (the figure thread loads this file).
import { HTML_FIGURE_LINKS } from '../report/html/anchors/index.js';
import { warmUpFigures } from './warmUpFigures.js';

/**
 * A small chart with the marks, scales, legends and layouts the report's figures use (step lines, a band,
 * points, rules, text, stacked bars, a vertical concatenation), over made-up numbers. Drawing it once runs
 * vega-lite's compiler and vega's parser, dataflow and SVG renderer through the paths the figures take,
 * so that the engine's code is compiled (JIT) before the first figure arrives rather than while it is drawn.
 */
function warmUpSpec(): object {
  const series = ['A', 'B', 'C'];
  const steps = series.flatMap((s, k) => Array.from({ length: 24 }, (_, i) => ({ series: s, time: i, survival: Math.max(0, 1 - (i * (k + 1)) / 40), lower: Math.max(0, 0.9 - (i * (k + 1)) / 40), upper: Math.min(1, 1.1 - (i * (k + 1)) / 40) })));
  const bars = series.flatMap((s, k) => ['k1', 'k2', 'k3', 'k4'].map((r, j) => ({ group: s, response: r, percent: 10 + ((k * 7 + j * 13) % 25), order: j })));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    config: { font: 'Arial', axis: { labelFontSize: 11, titleFontSize: 12 }, legend: { orient: 'bottom' }, view: { stroke: null } },
    vconcat: [
      {
        width: 400,
        height: 200,
        data: { values: steps },
        encoding: { x: { field: 'time', type: 'quantitative', title: 'Months', axis: { values: [0, 6, 12, 18, 24] } }, color: { field: 'series', type: 'nominal', sort: series, scale: { range: ['#1f77b4', '#d62728', '#2ca02c'] } } },
        layer: [
          { mark: { type: 'area', interpolate: 'step-after', opacity: 0.15 }, encoding: { y: { field: 'lower', type: 'quantitative' }, y2: { field: 'upper' } } },
          { mark: { type: 'line', interpolate: 'step-after' }, encoding: { y: { field: 'survival', type: 'quantitative', title: 'Probability', scale: { domain: [0, 1] }, axis: { format: '.0%' } }, href: { value: '#x' } } },
          { mark: { type: 'tick', orient: 'vertical', size: 8 }, transform: [{ filter: 'datum.time % 5 === 2' }], encoding: { y: { field: 'survival', type: 'quantitative' } } },
          { mark: { type: 'rule', strokeDash: [4, 4] }, data: { values: [{ y: 0.5 }] }, encoding: { y: { field: 'y', type: 'quantitative' }, color: { value: '#888' } } },
          { mark: { type: 'text', align: 'left', dx: 4 }, data: { values: [{ t: 1, s: 0.1, label: 'P = 0.012' }] }, encoding: { x: { field: 't', type: 'quantitative' }, y: { field: 's', type: 'quantitative' }, text: { field: 'label' }, color: { value: 'black' } } },
        ],
      },
      {
        width: 300,
        height: 150,
        data: { values: bars },
        layer: [
          {
            mark: { type: 'bar' },
            encoding: {
              x: { field: 'group', type: 'nominal', title: null },
              y: { field: 'percent', type: 'quantitative', stack: 'zero', title: 'Patients (%)' },
              color: { field: 'response', type: 'nominal', sort: ['k1', 'k2', 'k3', 'k4'] },
              order: { field: 'order', type: 'quantitative' },
              tooltip: [{ field: 'response' }, { field: 'percent', type: 'quantitative' }],
            },
          },
          { mark: { type: 'point', shape: 'triangle-right', filled: true }, encoding: { x: { field: 'group', type: 'nominal' }, y: { aggregate: 'sum', field: 'percent', type: 'quantitative' }, shape: { field: 'group', type: 'nominal' } } },
        ],
      },
    ],
    resolve: { scale: { color: 'independent' } },
  };
}

/**
 * Draws the warm-up chart (warmUpSpec) once, then the made-up figures of warmUpFigures through the report's
 * own specs, and throws the SVGs away. Between figures it yields to the event loop and stops as soon as
 * `stop()` says the report's figures have arrived, so that warming up never holds them back by more than
 * one figure. The report's figures carry no SVG-wide ids (clip paths, gradients), and vega's id counters
 * are reset afterwards all the same, so a figure drawn after the warm-up is the SVG it would be without it.
 */
export async function warmUpChartEngine(engine: ChartEngine, stop: () => boolean = () => false): Promise<void> {
  const { vega, vegaLite } = engine;
  try {
    const spec = vegaLite.compile(warmUpSpec() as Parameters<ChartEngine['vegaLite']['compile']>[0], { logger: vega.logger(vega.None) }).spec;
    const view = new vega.View(vega.parse(spec), { renderer: 'none', logLevel: vega.None });
    try {
      await view.toSVG();
    } finally {
      view.finalize();
    }
    for (const figure of warmUpFigures()) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (stop()) break;
      await renderFigureSvg(figure, HTML_FIGURE_LINKS, engine);
    }
  } finally {
    (vega as { resetSVGDefIds?: () => void }).resetSVGDefIds?.();
  }
}
