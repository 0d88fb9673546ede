import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeSummaryStatistics } from '../../stats/index.js';
import { buildStandardTestTrial, TEST_PROTOCOL } from '../../protocols/nct05236621/testing/reportTestTrial.js';
import { createBaselineContinuousTable } from './createBaselineContinuousTable.js';
import { baselinePopulation } from './analysisPopulation.js';
import { cellAt, rowByKey, valueAt } from './testSupport.js';

describe('createBaselineContinuousTable', () => {
  const data = buildStandardTestTrial([
    { central: [30, 14, 12], age: 45 },
    { central: [30, 14, 12], age: 52 },
    { central: [30, 30, 30], age: 61 },
    { central: [30, 30, 30], age: 70 },
    { central: [30, 40, 45], age: 73 },
  ]);
  const table = createBaselineContinuousTable(data, TEST_PROTOCOL);
  const population = baselinePopulation(data.adsl, TEST_PROTOCOL);

  it('summarises every continuous characteristic of the plan with the statistics of stats/descriptive', () => {
    const continuous = TEST_PROTOCOL.analysisPlan.baselineCharacteristics.filter((c) => c.kind === 'continuous');
    assert.ok(continuous.length > 0);
    const age = computeSummaryStatistics(population.rows.map((r) => r.AGE));
    assert.ok(age.ok);
    assert.deepEqual(valueAt(table, 'AGE', 'n', 'count'), { kind: 'count', n: population.rows.length, N: null });
    for (const id of ['mean', 'sd', 'median', 'q1', 'q3', 'min', 'max'] as const) assert.equal(valueAt(table, 'AGE', id, 'number').value, age.value[id], id);
    // Whole years: min and max without decimals, mean one, standard deviation two.
    assert.deepEqual([valueAt(table, 'AGE', 'min', 'number').decimals, valueAt(table, 'AGE', 'mean', 'number').decimals, valueAt(table, 'AGE', 'sd', 'number').decimals], [0, 1, 2]);
    assert.equal(rowByKey(table, 'AGE').label.includes('median'), false);
    assert.deepEqual(cellAt(table, 'AGE', 'mean').subjects, [...population.ids].sort());
  });

  it('adds the baseline value of each analyte in its SI unit, with the quartile convention in a footnote', () => {
    const neutrophils = data.adlb.filter((r) => r.PARAMCD === 'neutrophils' && r.ABLFL === 'Y');
    assert.ok(neutrophils.length > 0);
    assert.equal(rowByKey(table, 'lab:neutrophils').label, 'Neutrophils (10^9/L)');
    assert.equal(valueAt(table, 'lab:neutrophils', 'n', 'count').n, neutrophils.length);
    assert.match(table.footnotes.join(' '), /QNTLDEF=5; R quantile type 2/);
  });
});
