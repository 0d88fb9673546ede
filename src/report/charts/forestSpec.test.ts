import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildStandardTestTrial, TEST_PROTOCOL } from '../../protocols/nct05236621/testing/reportTestTrial.js';
import { createReportModel, type ForestFigure } from '../model/index.js';
import { forestSpec, MARKER_AREA } from './forestSpec.js';

const model = createReportModel(buildStandardTestTrial(), TEST_PROTOCOL);
const forest = model.items.find((i): i is ForestFigure => i.kind === 'figure' && i.figureKind === 'forest');

describe('forestSpec', () => {
  it('keeps the row labels clear of a marker at 0% (an estimate of 0 sits on the axis), and the 0% and 100% labels centred on their ticks', () => {
    assert.ok(forest !== undefined);
    const spec = forestSpec(forest) as unknown as { hconcat: { layer: { encoding: { x?: { axis?: { labelFlush?: boolean } }; y?: { axis?: { labelPadding?: number } } } }[] }[] };
    const plot = spec.hconcat[0].layer;
    const padding = plot.map((l) => l.encoding.y?.axis?.labelPadding).find((p) => p !== undefined) ?? 0;
    assert.ok(padding > Math.sqrt(MARKER_AREA.overall) / 2, `label padding ${padding} px, half a marker ${Math.sqrt(MARKER_AREA.overall) / 2} px`);
    assert.ok(plot.some((l) => l.encoding.x?.axis?.labelFlush === false));
  });
});
