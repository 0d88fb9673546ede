import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { importChartEngine, renderFigureSvg } from '../report/charts/index.js';
import { HTML_FIGURE_LINKS } from '../report/html/index.js';
import { createReportModel, type ReportFigureModel } from '../report/index.js';
import { buildStandardTestTrial, TEST_PROTOCOL } from '../protocols/nct05236621/testing/reportTestTrial.js';
import { loadChartEngine } from './chartEngine.js';
import { startFigureSvgRenderer } from './startFigureSvgRenderer.js';

const model = createReportModel(buildStandardTestTrial(), TEST_PROTOCOL);
const figures = model.items.filter((i): i is ReportFigureModel => i.kind === 'figure');

/** Each figure drawn here with vega and vega-lite imported as ES modules: what the worker must match. */
async function drawnHere(): Promise<string[]> {
  const engine = await importChartEngine();
  const out: string[] = [];
  for (const figure of figures) out.push(await renderFigureSvg(figure, HTML_FIGURE_LINKS, engine));
  return out;
}

describe('startFigureSvgRenderer', () => {
  it('draws on a worker thread the same SVG text as this thread, handing each figure over in order', async () => {
    const renderer = startFigureSvgRenderer();
    try {
      const seen: string[] = [];
      const svgs = await renderer.render(figures, (figure, svg) => {
        seen.push(figure.id);
        assert.ok(svg.startsWith('<svg'), figure.id);
      });
      assert.deepEqual(seen, figures.map((f) => f.id));
      assert.ok(renderer.threaded, 'drawn on the worker thread');
      assert.deepEqual([...svgs.keys()], figures.map((f) => f.id));
      assert.deepEqual([...svgs.values()], await drawnHere());
    } finally {
      await renderer.close();
    }
  });

  it('draws the same SVG text after warming the engine up on the thread (warmUp)', async () => {
    const renderer = startFigureSvgRenderer({ warmUp: true });
    try {
      const svgs = await renderer.render(figures);
      assert.ok(renderer.threaded, 'drawn on the worker thread');
      assert.deepEqual([...svgs.values()], await drawnHere());
    } finally {
      await renderer.close();
    }
  });

  it('draws the figures in this thread when the worker cannot start, with the same result', async () => {
    const renderer = startFigureSvgRenderer({ workerUrl: new URL('./no-such-worker.js', import.meta.url) });
    try {
      const seen: string[] = [];
      const svgs = await renderer.render(figures, (figure) => seen.push(figure.id));
      assert.ok(!renderer.threaded);
      assert.deepEqual(seen, figures.map((f) => f.id));
      assert.deepEqual([...svgs.values()], await drawnHere());
    } finally {
      await renderer.close();
    }
  });

  it('reports a figure that cannot be drawn as an error', async () => {
    const renderer = startFigureSvgRenderer();
    try {
      const broken = { ...figures[0], figureKind: 'no-such-kind' } as unknown as ReportFigureModel;
      await assert.rejects(renderer.render([broken]), /drawing f-[a-z-]+ failed/);
    } finally {
      await renderer.close();
    }
  });
});

describe('loadChartEngine', () => {
  it('loads vega and vega-lite with require: the same figures as the ES module imports', async () => {
    const engine = loadChartEngine();
    const svgs: string[] = [];
    for (const figure of figures) svgs.push(await renderFigureSvg(figure, HTML_FIGURE_LINKS, engine));
    assert.deepEqual(svgs, await drawnHere());
  });
});
