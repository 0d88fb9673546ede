import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildStandardTestTrial, TEST_PROTOCOL } from '../protocols/nct05236621/testing/reportTestTrial.js';
import { createAggregateEdition, createReportModel, type ReportModel } from '../report/model/index.js';
import { modelJsonWithoutSubjectLists, parseModelJson } from './modelJson.js';
import { withoutSubjectLists } from './startDocxRenderer.js';

const modelOf = (value: unknown) => ({ items: [{ id: 't', value }], sections: [] }) as unknown as ReportModel;

describe('modelJsonWithoutSubjectLists', () => {
  it('carries a report model as withoutSubjectLists copies it, p-values not computed (NaN) included', () => {
    const model = createReportModel(buildStandardTestTrial(), TEST_PROTOCOL);
    for (const edition of [model, createAggregateEdition(model)]) {
      const json = modelJsonWithoutSubjectLists(edition);
      assert.notEqual(json, null);
      assert.deepStrictEqual(parseModelJson(json ?? ''), withoutSubjectLists(edition));
    }
  });

  it('carries the numbers JSON cannot write and the rest as they are', () => {
    const value = { p: Number.NaN, upper: Number.POSITIVE_INFINITY, lower: Number.NEGATIVE_INFINITY, zero: -0, n: 3, text: 'NaN', flag: false, none: null, subjects: ['A'] };
    const json = modelJsonWithoutSubjectLists(modelOf(value));
    assert.notEqual(json, null);
    assert.deepStrictEqual(parseModelJson(json ?? ''), modelOf({ ...value, subjects: [] }));
    assert.ok(Object.is((parseModelJson(json ?? '').items[0] as unknown as { value: { zero: number } }).value.zero, -0));
  });

  it('gives null when JSON would not carry the model exactly', () => {
    for (const value of [undefined, new Date(0), () => 1, 1n, Symbol('s'), [undefined], { toJSON: () => 'x' }, { '\u0000number': 'NaN' }]) {
      assert.equal(modelJsonWithoutSubjectLists(modelOf(value)), null, typeof value === 'symbol' || typeof value === 'bigint' ? typeof value : JSON.stringify(value));
    }
  });
});
