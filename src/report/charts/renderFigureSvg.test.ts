import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildStandardTestTrial, TEST_PROTOCOL } from '../../protocols/nct05236621/testing/reportTestTrial.js';
import { createReportModel, type ForestFigure, type KaplanMeierFigure, type ReportFigureModel, type ResponseBarsFigure, type SwimmerFigure, type WaterfallFigure } from '../model/index.js';
import { PROGRESSION_COLOR, RESPONDER_PALETTE, responseColors } from './chartTheme.js';
import type { FigureLinks } from './figureLinks.js';
import { renderFigureSvg, scopeSvgIds, withSvgNamespace } from './renderFigureSvg.js';
import { shortSubjectLabels } from './swimmerSpec.js';

const model = createReportModel(buildStandardTestTrial(), TEST_PROTOCOL);
const figures = model.items.filter((i): i is ReportFigureModel => i.kind === 'figure');
const byId = <F extends ReportFigureModel>(id: string): F => {
  const found = figures.find((f) => f.id === id);
  if (found === undefined) throw new Error(`no figure ${id}`);
  return found as F;
};
const links: FigureLinks = { subjects: (ids) => `#list-${[...ids].sort().join('+')}`, subject: (id) => `#subject-${id}` };
/** The text content of every <text> element, in document order. */
const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1].replace(/&amp;/g, '&'));
const hrefs = (svg: string) => new Set([...svg.matchAll(/href="([^"]+)"/g)].map((m) => m[1]));

describe('renderFigureSvg', () => {
  it('draws every figure of the report as standalone SVG with the SVG namespace', async () => {
    for (const figure of figures) {
      const svg = await renderFigureSvg(figure);
      assert.match(svg, /^<svg[^>]*\sxmlns="http:\/\/www\.w3\.org\/2000\/svg"/, figure.id);
      assert.ok(svg.endsWith('</svg>'), figure.id);
      assert.ok(!/href="#/.test(svg), `${figure.id}: no page links without links`);
    }
  });

  it('prints the numbers at risk of the model under a Kaplan-Meier plot, and the log-rank P of each comparison', async () => {
    const figure = byId<KaplanMeierFigure>('f-km-pfs-iss');
    const shown = texts(await renderFigureSvg(figure));
    assert.ok(shown.includes('Number at risk'));
    for (const series of figure.data.series) {
      for (const point of series.atRisk) assert.ok(shown.includes(String(point.n)), `${series.label} at ${point.time}: ${point.n}`);
    }
    for (const c of figure.data.comparisons) assert.ok(shown.some((t) => t.startsWith(`Log-rank P, ${c.groupA} vs ${c.groupB}: `)), `${c.groupA} vs ${c.groupB}`);
  });

  it('labels each response bar with the ORR of the model and links each segment to its subjects', async () => {
    const figure = byId<ResponseBarsFigure>('f-response-iss');
    const svg = await renderFigureSvg(figure, links);
    const shown = texts(svg);
    for (const bar of figure.data.bars) assert.ok(shown.includes(`ORR ${(bar.orr * 100).toFixed(1)}%`), bar.label);
    const expected = figure.data.bars.flatMap((b) => b.segments.filter((s) => s.count > 0).map((s) => links.subjects(s.subjects)));
    assert.ok(expected.length > 0);
    for (const href of expected) assert.ok(hrefs(svg).has(href), href);
  });

  it('prints n/N and the ORR with its CI for every forest row', async () => {
    const figure = byId<ForestFigure>('f-forest-orr');
    const shown = texts(await renderFigureSvg(figure));
    for (const row of figure.data.rows) {
      assert.ok(shown.includes(`${row.x}/${row.n}`), row.key);
      const { value } = row;
      if (value.kind === 'proportion') assert.ok(shown.includes(`${(value.estimate * 100).toFixed(1)} (${(value.lower * 100).toFixed(1)}–${(value.upper * 100).toFixed(1)})`), row.key);
      else assert.ok(shown.includes('NE'), row.key);
    }
  });

  it('links every swimmer lane and waterfall bar to its subject', async () => {
    const swimmer = byId<SwimmerFigure>('f-swimmer');
    const waterfall = byId<WaterfallFigure>('f-waterfall');
    const swimmerLinks = hrefs(await renderFigureSvg(swimmer, links));
    const waterfallLinks = hrefs(await renderFigureSvg(waterfall, links));
    assert.ok(swimmer.data.lanes.length > 0 && waterfall.data.bars.length > 0);
    for (const lane of swimmer.data.lanes) assert.ok(swimmerLinks.has(links.subject(lane.USUBJID)), lane.USUBJID);
    for (const bar of waterfall.data.bars) assert.ok(waterfallLinks.has(links.subject(bar.USUBJID)), bar.USUBJID);
  });

  it('gives the ids each SVG defines a figure prefix, leaving page links alone', () => {
    const svg = '<svg><defs><clipPath id="clip1"><rect/></clipPath></defs><g clip-path="url(#clip1)"><a href="#sl-1">x</a></g></svg>';
    const scoped = scopeSvgIds(svg, 'f-km');
    assert.equal(scoped, '<svg><defs><clipPath id="f-km-clip1"><rect/></clipPath></defs><g clip-path="url(#f-km-clip1)"><a href="#sl-1">x</a></g></svg>');
    assert.equal(withSvgNamespace('<svg width="1">'), '<svg xmlns="http://www.w3.org/2000/svg" width="1">');
  });

  it('keeps clip-path ids distinct across the figures of one page', async () => {
    const ids = (await Promise.all(figures.map((f) => renderFigureSvg(f)))).flatMap((svg) => [...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
    assert.equal(new Set(ids).size, ids.length);
  });

  it('colours response categories by their rank and meaning on the scale, not their names', async () => {
    const figure = byId<ResponseBarsFigure>('f-response-overall');
    const colors = responseColors(figure.data.scale);
    const [best, second] = figure.data.scale.categories;
    // The same scale with its categories renamed gets the same colours by rank.
    const renamed = { ...figure.data.scale, categories: figure.data.scale.categories.map((c) => ({ ...c, code: `X${c.rank}`, label: `Category ${c.rank}` })) };
    const again = responseColors(renamed);
    for (const c of figure.data.scale.categories) assert.equal(again.get(`X${c.rank}`), colors.get(c.code), c.code);
    assert.equal(colors.get(best.code), RESPONDER_PALETTE[0]);
    assert.equal(colors.get(second.code), RESPONDER_PALETTE[1]);
    const progression = figure.data.scale.categories.find((c) => c.progression);
    assert.equal(progression === undefined ? undefined : colors.get(progression.code), PROGRESSION_COLOR);
    const svg = await renderFigureSvg(figure);
    for (const segment of figure.data.bars[0].segments.filter((s) => s.count > 0)) assert.ok(svg.includes(`fill="${colors.get(segment.category)}"`), segment.category);
  });

  it('labels the swimmer lanes with their short ids in lane order, also when an id has no short form', async () => {
    const swimmer = byId<SwimmerFigure>('f-swimmer');
    const lanesOf = (ids: readonly string[]) => ids.map((USUBJID) => ({ ...swimmer.data.lanes[0], USUBJID }));
    const cases: [string[], string[]][] = [
      [['ST-1-C02-014', 'ST-1-C01-001', 'ST-1-C01-007'], ['C02-014', 'C01-001', 'C01-007']],
      [['ST-1-7', 'ST-1-'], ['7', 'ST-1-']],
    ];
    for (const [ids, labels] of cases) {
      const figure: SwimmerFigure = { ...swimmer, data: { ...swimmer.data, lanes: lanesOf(ids) } };
      assert.deepEqual([...shortSubjectLabels(ids).values()], labels);
      const shown = texts(await renderFigureSvg(figure)).filter((t) => labels.includes(t));
      assert.deepEqual(shown, labels, ids.join(', '));
    }
  });

  it('shortens lane labels to the part after the shared study prefix', () => {
    assert.deepEqual([...shortSubjectLabels(['ST-1-C01-001', 'ST-1-C01-014']).values()], ['001', '014']);
    assert.deepEqual([...shortSubjectLabels(['ST-1-C01-001', 'ST-1-C02-014', 'ST-1-D03-002']).values()], ['C01-001', 'C02-014', 'D03-002']);
  });
});
