import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderFigureSvg } from '../report/charts/index.js';
import { HTML_FIGURE_LINKS } from '../report/html/index.js';
import { createReportModel, type ReportFigureModel } from '../report/index.js';
import { buildStandardTestTrial, TEST_PROTOCOL } from '../protocols/nct05236621/testing/reportTestTrial.js';
import { loadChartEngine } from './chartEngine.js';
import { warmUpChartEngine } from './warmUpChartEngine.js';
import { warmUpFigures } from './warmUpFigures.js';

describe('warmUpChartEngine', () => {
  it('draws its chart without error and leaves the figures drawn after it unchanged', async () => {
    const engine = loadChartEngine();
    const figures = createReportModel(buildStandardTestTrial(), TEST_PROTOCOL).items.filter((i): i is ReportFigureModel => i.kind === 'figure');
    const before: string[] = [];
    for (const figure of figures) before.push(await renderFigureSvg(figure, HTML_FIGURE_LINKS, engine));
    await warmUpChartEngine(engine);
    const after: string[] = [];
    for (const figure of figures) after.push(await renderFigureSvg(figure, HTML_FIGURE_LINKS, engine));
    assert.ok(figures.length > 0);
    assert.deepEqual(after, before);
  });

  it('draws a made-up figure of every kind the report draws, each without error', async () => {
    const engine = loadChartEngine();
    const figures = warmUpFigures();
    const kinds = new Set(createReportModel(buildStandardTestTrial(), TEST_PROTOCOL).items.flatMap((i) => (i.kind === 'figure' ? [i.figureKind] : [])));
    assert.deepEqual(new Set(figures.map((f) => f.figureKind)), kinds);
    for (const figure of figures) assert.match(await renderFigureSvg(figure, HTML_FIGURE_LINKS, engine), /<\/svg>$/, figure.id);
  });

  it('asks before each made-up figure whether to stop, and stops when told', async () => {
    const engine = loadChartEngine();
    let asked = 0;
    await warmUpChartEngine(engine, () => {
      asked += 1;
      return asked === 3;
    });
    assert.equal(asked, 3);
    asked = 0;
    await warmUpChartEngine(engine, () => {
      asked += 1;
      return false;
    });
    assert.equal(asked, warmUpFigures().length);
  });
});
