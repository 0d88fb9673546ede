import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildStandardTestTrial, TEST_PROTOCOL } from '../../protocols/nct05236621/testing/reportTestTrial.js';
import { createReportModel, type ConsortFigure } from '../model/index.js';
import { consortSpec } from './consortSpec.js';

const model = createReportModel(buildStandardTestTrial(), TEST_PROTOCOL);
const consort = model.items.find((i): i is ConsortFigure => i.kind === 'figure' && i.figureKind === 'consort');

/** Every line of text the spec draws. */
function lines(figure: ConsortFigure): string[] {
  const found: string[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === 'object') {
      const text = (value as { text?: unknown }).text;
      if (typeof text === 'string') found.push(text);
      Object.values(value).forEach(visit);
    }
  };
  visit(consortSpec(figure));
  return found;
}

describe('consortSpec', () => {
  it('never breaks a box heading between "(n =" and its count, however narrow the box', () => {
    assert.ok(consort !== undefined);
    // Analysis sets with long names: four population boxes side by side wrap their headings.
    const long = { ...consort, data: { ...consort.data, populations: consort.data.populations.map((p) => ({ ...p, label: `${p.label} of the response-evaluable kind` })) } };
    const drawn = lines(long);
    const headings = drawn.filter((l) => /\(n/.test(l) || /^\S*\d+\)$/.test(l.trim()));
    assert.ok(headings.length > 0);
    for (const line of drawn) {
      assert.doesNotMatch(line, /\(n(\s|\u00a0)*=?(\s|\u00a0)*$/, `a line ends in "(n =": ${line}`);
      assert.doesNotMatch(line.trim(), /^(=\s*)?\d+\)$/, `a line holds only the count: ${line}`);
    }
  });
});
