import { parentPort, workerData } from 'node:worker_threads';
import { renderFigureSvg } from '../report/charts/index.js';
// The links alone, not the HTML renderer and all it imports: the thread is ready sooner.
import { HTML_FIGURE_LINKS } from '../report/html/anchors/index.js';
import type { ReportFigureModel } from '../report/index.js';
import { loadChartEngine } from './chartEngine.js';
import { warmUpChartEngine } from './warmUpChartEngine.js';

/** What the report sends the worker: the figures to draw, in order. */
export interface FigureSvgRequest {
  readonly figures: readonly ReportFigureModel[];
  /** Draw the marks as links into the HTML report (subject lists and profiles); false for the aggregate edition. */
  readonly links: boolean;
}

/** One answer per figure, in the order asked: its SVG (with the HTML report's links when asked) or why it failed. */
export type FigureSvgReply = { readonly id: string; readonly svg: string } | { readonly id: string; readonly error: string };

/**
 * Worker thread that draws the report's figures (see startFigureSvgRenderer). vega and vega-lite are
 * loaded as soon as the thread starts, while the main thread is still deriving the datasets.
 */
const port = parentPort;
if (port !== null) {
  const engine = loadChartEngine();
  // Started ahead of the figures (startFigureSvgRenderer's warmUp): the engine is warmed up while the main
  // thread loads the trial, and the figures wait for the warm-up to end.
  // The warm-up stops at the next figure once the report's figures have arrived.
  let requested = false;
  const warmedUp = (workerData as { warmUp?: boolean } | undefined)?.warmUp === true ? warmUpChartEngine(engine, () => requested).catch(() => undefined) : Promise.resolve();
  port.on('message', (request: FigureSvgRequest) => {
    requested = true;
    void (async () => {
      await warmedUp;
      for (const figure of request.figures) {
        let reply: FigureSvgReply;
        try {
          reply = { id: figure.id, svg: await renderFigureSvg(figure, request.links ? HTML_FIGURE_LINKS : null, engine) };
        } catch (error) {
          reply = { id: figure.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
        }
        port.postMessage(reply);
      }
    })();
  });
}
