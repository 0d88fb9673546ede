import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildStandardTestTrial, TEST_PROTOCOL } from '../../protocols/nct05236621/testing/reportTestTrial.js';
import { createReportModel, type KaplanMeierFigure } from '../model/index.js';
import { computeTextWidthPt } from '../paging/index.js';
import { CHART_SMALL_FONT_SIZE, CHART_WIDTH } from './chartTheme.js';
import { kaplanMeierSpec } from './kaplanMeierSpec.js';

const model = createReportModel(buildStandardTestTrial(), TEST_PROTOCOL);
const kmFigures = model.items.filter((i): i is KaplanMeierFigure => i.kind === 'figure' && i.figureKind === 'kaplan-meier');

interface Layer {
  readonly data?: { readonly values?: readonly Record<string, unknown>[] };
  readonly mark?: { readonly type?: string; readonly fill?: string } | string;
}
const markType = (layer: Layer) => (typeof layer.mark === 'string' ? layer.mark : layer.mark?.type);

describe('kaplanMeierSpec', () => {
  it('draws each note (log-rank P, a single curve\'s summary) on a white box that the median guides pass under, wide enough for its text', () => {
    assert.ok(kmFigures.length > 0);
    for (const figure of kmFigures) {
      const spec = kaplanMeierSpec(figure) as unknown as { vconcat: { layer: Layer[] }[] };
      const layers = spec.vconcat[0].layer;
      const text = layers.findIndex((l) => markType(l) === 'text');
      const box = layers.findIndex((l) => markType(l) === 'rect');
      const guides = layers.map((l, i) => (markType(l) === 'rule' ? i : -1)).filter((i) => i >= 0);
      const curves = layers.findIndex((l) => markType(l) === 'line');
      assert.ok(text >= 0 && box >= 0, `${figure.id}: notes and their box`);
      assert.ok(guides.length > 0 && guides.every((g) => g < box), `${figure.id}: the median guides are drawn before (under) the box`);
      assert.ok(box < curves, `${figure.id}: the curves are drawn over the box`);
      const boxLayer = layers[box];
      assert.equal(typeof boxLayer.mark === 'object' ? boxLayer.mark.fill : undefined, '#ffffff');
      const notes = layers[text].data?.values ?? [];
      const boxes = boxLayer.data?.values ?? [];
      assert.ok(notes.length > 0);
      const end = Math.max(...boxes.map((b) => Number(b.x1)));
      for (const note of notes) {
        const b = boxes.find((candidate) => candidate.text === note.text);
        assert.ok(b !== undefined, `${figure.id}: a box for ${String(note.text)}`);
        const widthPx = ((Number(b.x1) - Number(b.x0)) / end) * (CHART_WIDTH - 90);
        assert.ok(widthPx >= computeTextWidthPt(String(note.text), CHART_SMALL_FONT_SIZE), `${figure.id}: box ${widthPx.toFixed(0)} px for ${String(note.text)}`);
        assert.ok(Number(b.y0) <= Number(note.y) && Number(note.y) <= Number(b.y1), `${figure.id}: the box spans the note's line`);
      }
    }
  });

  it('says a median not reached as "NR", without a unit', () => {
    const figure = kmFigures[0];
    const notReached = { ...figure, data: { ...figure.data, series: figure.data.series.map((series, i) => (i === 0 ? { ...series, median: null } : series)) } };
    const text = JSON.stringify(kaplanMeierSpec(notReached));
    assert.match(text, /median NR[^ ]/);
    assert.doesNotMatch(text, /NR mo/);
  });
});
