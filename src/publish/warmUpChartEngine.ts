import { renderFigureSvg, type ChartEngine } from '../report/charts/index.js';
// The links alone, not the HTML renderer and all it imports (the figure thread loads this file).
import { HTML_FIGURE_LINKS } from '../report/html/anchors/index.js';
import { warmUpFigures } from './warmUpFigures.js';

/**
 * Draws the made-up figures of warmUpFigures through the report's own specs and throws the SVGs away, so
 * that vega-lite's compiler and vega's parser, dataflow and SVG renderer are compiled (JIT) before the
 * report's figures arrive rather than while they are drawn (a generic chart drawn first cost more than it
 * saved). Between figures it yields to the event loop and stops as soon as `stop()` says the report's
 * figures have arrived, so that warming up never holds them back by more than one figure. The report's
 * figures carry no SVG-wide ids (clip paths, gradients), and vega's id counters are reset afterwards all
 * the same, so a figure drawn after the warm-up is the SVG it would be without it.
 */
export async function warmUpChartEngine(engine: ChartEngine, stop: () => boolean = () => false): Promise<void> {
  try {
    for (const figure of warmUpFigures()) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (stop()) break;
      await renderFigureSvg(figure, HTML_FIGURE_LINKS, engine);
    }
  } finally {
    (engine.vega as { resetSVGDefIds?: () => void }).resetSVGDefIds?.();
  }
}
