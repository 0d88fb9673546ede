import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderFigureSvg } from '../report/charts/index.js';
import { HTML_FIGURE_LINKS } from '../report/html/index.js';
import { createReportModel, type ReportFigureModel } from '../report/index.js';
import { buildStandardTestTrial, TEST_PROTOCOL } from '../protocols/nct05236621/testing/reportTestTrial.js';
import { loadBundledChartEngine, requireChartEngine } from './chartEngine.js';

describe('loadBundledChartEngine', () => {
  const figures = createReportModel(buildStandardTestTrial(), TEST_PROTOCOL).items.filter((i): i is ReportFigureModel => i.kind === 'figure');

  it('loads the bundle the build wrote with its code cache, which V8 accepts', () => {
    const bundled = loadBundledChartEngine();
    assert.ok(bundled !== null, 'the build (scripts/bundle-distributions.mjs) writes dist/publish/chartEngine.bundle.cjs');
    assert.equal(bundled.codeCacheUsed, true);
  });

  it('draws every figure as the packages loaded with require draw it, byte for byte', async () => {
    const bundled = loadBundledChartEngine();
    assert.ok(bundled !== null);
    const required = requireChartEngine();
    assert.notEqual(bundled.engine.vega, required.vega);
    assert.ok(figures.length > 0);
    for (const figure of figures) {
      assert.equal(await renderFigureSvg(figure, HTML_FIGURE_LINKS, bundled.engine), await renderFigureSvg(figure, HTML_FIGURE_LINKS, required), figure.id);
    }
  });
});
