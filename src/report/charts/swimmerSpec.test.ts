import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildStandardTestTrial, TEST_PROTOCOL, withPlan } from '../../protocols/nct05236621/testing/reportTestTrial.js';
import { createReportModel, type SwimmerFigure } from '../model/index.js';
import type { FigureLinks } from './figureLinks.js';
import { renderFigureSvg } from './renderFigureSvg.js';

const data = buildStandardTestTrial();
const swimmerOf = (maxLanes?: number): SwimmerFigure => {
  const found = createReportModel(data, maxLanes === undefined ? TEST_PROTOCOL : withPlan({ swimmerMaxLanes: maxLanes })).items.find((i) => i.id === 'f-swimmer');
  assert.ok(found?.kind === 'figure' && found.figureKind === 'swimmer');
  return found;
};
const links: FigureLinks = { subjects: (ids) => `#list-${[...ids].sort().join('+')}`, subject: (id) => `#subject-${id}` };
/** Every line of text: a <text> element's own text or, for a multi-line title, each of its <tspan>s. */
const texts = (svg: string) => [...svg.matchAll(/<(text|tspan)[^>]*>([^<]+)<\/\1>/g)].map((m) => m[2]);
const subjectLinks = (svg: string) => new Set([...svg.matchAll(/href="#subject-([^"]+)"/g)].map((m) => m[1]));
const CIRCLES = 'Circles: assessments at which the IRC response changed (colour = new response).';
const KEY = 'Bars: time on treatment, coloured by the best response (IRC); grey line: follow-up after treatment.';

describe('swimmerSpec', () => {
  it('draws one lane per responder and only the circles note when every responder fits', async () => {
    const figure = swimmerOf();
    assert.ok(figure.data.lanes.length === figure.data.responders && figure.data.responders >= 3);
    const svg = await renderFigureSvg(figure, links);
    assert.deepEqual([...subjectLinks(svg)].sort(), figure.data.lanes.map((l) => l.USUBJID).sort());
    assert.ok(texts(svg).includes(CIRCLES));
    assert.ok(texts(svg).includes(KEY), 'the caption names the bars and the grey follow-up line');
    assert.ok(!texts(svg).some((t) => t.includes('responders shown')));
  });

  it('draws only the lanes the model kept and says under the plot that they are a selection', async () => {
    const all = swimmerOf();
    const figure = swimmerOf(2);
    assert.equal(figure.data.lanes.length, 2);
    const svg = await renderFigureSvg(figure, links);
    assert.deepEqual([...subjectLinks(svg)].sort(), all.data.lanes.slice(0, 2).map((l) => l.USUBJID).sort());
    const shown = texts(svg);
    assert.ok(shown.includes(`2 of ${all.data.responders} responders shown: the longest follow-up (see footnote).`), shown.join(' | '));
    assert.ok(shown.includes(CIRCLES));
  });
});
