import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderFigureSvg } from '../report/charts/index.js';
import { HTML_FIGURE_LINKS } from '../report/html/index.js';
import { createReportModel, type ReportFigureModel } from '../report/index.js';
import { buildStandardTestTrial, TEST_PROTOCOL } from '../protocols/nct05236621/testing/reportTestTrial.js';
import { loadChartEngine } from './chartEngine.js';
import { warmUpChartEngine } from './warmUpChartEngine.js';

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
});
