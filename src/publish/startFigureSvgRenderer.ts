import { startOptionalWorker } from './optionalWorker.js';
import { renderFigureSvg } from '../report/charts/index.js';
import { HTML_FIGURE_LINKS } from '../report/html/anchors/index.js';
import type { ReportFigureModel } from '../report/index.js';
import { loadChartEngine } from './chartEngine.js';
import type { FigureSvgReply, FigureSvgRequest } from './figureSvgWorker.js';

export interface FigureSvgRenderer {
  /**
   * Draws the figures (with the HTML report's links unless `links` is false) in order, calling `onSvg` as
   * each one is ready, so that the caller can work on it (rasterise it) while the next is drawn; resolves
   * with every SVG by id.
   */
  render(figures: readonly ReportFigureModel[], onSvg?: (figure: ReportFigureModel, svg: string) => void, links?: boolean): Promise<Map<string, string>>;
  /** Whether the figures are drawn on the worker thread (false once it could not start or has died). */
  readonly threaded: boolean;
  /** Stops the worker thread. */
  close(): Promise<void>;
}

/**
 * Starts a worker thread that loads vega and vega-lite at once and then draws the report's figures:
 * the loading overlaps with the derivations, and the drawing with whatever the main thread does with
 * each SVG. When the thread cannot be started or dies, the figures not yet drawn are drawn here. The
 * SVG text is the same either way (the same renderFigureSvg, the same modules). `workerUrl` replaces the
 * worker's script (tests). `warmUp`: the thread first draws a warm-up chart (warmUpChartEngine), for a caller
 * that starts it well before the figures are ready (the CLI, before it loads the trial).
 */
export function startFigureSvgRenderer(options: { readonly workerUrl?: URL; readonly warmUp?: boolean } = {}): FigureSvgRenderer {
  const worker = startOptionalWorker(options.workerUrl ?? new URL('./figureSvgWorker.js', import.meta.url), { warmUp: options.warmUp === true });

  async function renderHere(figures: readonly ReportFigureModel[], out: Map<string, string>, links: boolean, onSvg?: (figure: ReportFigureModel, svg: string) => void) {
    const engine = loadChartEngine();
    for (const figure of figures) {
      const svg = await renderFigureSvg(figure, links ? HTML_FIGURE_LINKS : null, engine);
      out.set(figure.id, svg);
      onSvg?.(figure, svg);
    }
  }

  async function render(figures: readonly ReportFigureModel[], onSvg?: (figure: ReportFigureModel, svg: string) => void, links = true): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    const thread = worker.current;
    if (thread === null || figures.length === 0) {
      await renderHere(figures, out, links, onSvg);
      return out;
    }
    const drawn = await new Promise<'all' | 'thread-failed'>((resolve, reject) => {
      let next = 0;
      const finish = (how: 'all' | 'thread-failed' | Error) => {
        thread.off('message', onMessage);
        thread.off('error', onFailure);
        thread.off('exit', onFailure);
        if (how instanceof Error) reject(how);
        else resolve(how);
      };
      const onMessage = (reply: FigureSvgReply) => {
        const figure = figures[next];
        if (figure === undefined || figure.id !== reply.id) return finish(new Error(`figure worker answered ${reply.id}, expected ${figure?.id ?? 'nothing'}`));
        if ('error' in reply) return finish(new Error(`drawing ${reply.id} failed: ${reply.error}`));
        next += 1;
        out.set(figure.id, reply.svg);
        try {
          onSvg?.(figure, reply.svg);
        } catch (error) {
          return finish(error instanceof Error ? error : new Error(String(error)));
        }
        if (next === figures.length) finish('all');
      };
      const onFailure = () => finish('thread-failed');
      thread.on('message', onMessage);
      thread.on('error', onFailure);
      thread.on('exit', onFailure);
      thread.ref();
      thread.postMessage({ figures, links } satisfies FigureSvgRequest);
    });
    thread.unref();
    if (drawn === 'thread-failed') {
      worker.current = null;
      await renderHere(
        figures.filter((f) => !out.has(f.id)),
        out,
        links,
        onSvg,
      );
    }
    return new Map(figures.map((f) => [f.id, out.get(f.id) as string]));
  }

  return {
    render,
    get threaded() {
      return worker.current !== null;
    },
    async close() {
      const thread = worker.current;
      worker.current = null;
      if (thread !== null) await thread.terminate();
    },
  };
}
