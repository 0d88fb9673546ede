import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { summarizeExposure } from '../../clinical/index.js';
import { computeKaplanMeier, computeSurvivalQuantiles } from '../../stats/index.js';
import { assertClose } from '../../testing/index.js';
import { buildStandardTestTrial, TEST_PROTOCOL } from '../../protocols/nct05236621/testing/reportTestTrial.js';
import { createExposureTable } from './createExposureTable.js';
import { numberAt, rowByKey, valueAt } from './testSupport.js';

describe('createExposureTable', () => {
  const data = buildStandardTestTrial();
  const table = createExposureTable(data, TEST_PROTOCOL);
  const drugs = TEST_PROTOCOL.regimen.drugs;
  const counts = summarizeExposure(data.adex, drugs.map((d) => d.id));

  it('has a block per drug of the regimen, with the modification counts of clinical/adam summarizeExposure', () => {
    assert.deepEqual(table.rows.filter((r) => r.cells.length === 0).map((r) => [r.key, r.label]), drugs.map((d) => [d.id, d.label]));
    for (const drug of counts) {
      assert.equal(numberAt(table, `${drug.drug}:reduction`, 'arm'), drug.reduced.n, drug.drug);
      assert.equal(numberAt(table, `${drug.drug}:delay`, 'arm'), drug.delayed.n, drug.drug);
      assert.equal(numberAt(table, `${drug.drug}:interruption`, 'arm'), drug.interrupted.n, drug.drug);
      assert.equal(numberAt(table, `${drug.drug}:any-adjustment`, 'arm'), drug.anyAdjustment.n, drug.drug);
      assert.equal(numberAt(table, `${drug.drug}:dose-adjustment`, 'arm'), drug.doseAdjustment.n, drug.drug);
      for (const [dose, n] of Object.entries(drug.everAtDoseMg)) assert.equal(numberAt(table, `${drug.drug}:dose:${dose}`, 'arm'), n, `${drug.drug} at ${dose}`);
    }
    const investigational = counts[drugs.findIndex((d) => d.role === 'investigational')];
    assert.ok(investigational.reduced.n > 0 && Object.keys(investigational.everAtDoseMg).length > 0, 'the test trial reduces the investigational drug');
    assert.match(rowByKey(table, `${investigational.drug}:dose:3`).label, /^Ever at 3 mg$/);
  });

  it('gives the KM median duration of the treatment-duration endpoint and the cycles received', () => {
    const rows = data.adtte.filter((r) => r.PARAMCD === 'TRTDUR');
    const fit = computeKaplanMeier({ time: rows.map((r) => r.AVALM), status: rows.map((r) => (r.CNSR === 0 ? 1 : 0)) });
    assert.ok(fit.ok);
    const median = computeSurvivalQuantiles(fit.value, [0.5]);
    assert.ok(median.ok);
    assertClose(valueAt(table, 'duration', 'arm', 'time-median').estimate, median.value[0].estimate, { rel: 1e-12 }, 'median duration');
    const cycles = data.adex.filter((r) => r.EXTRT === 'ALL' && r.PARAMCD === 'CYCLES').map((r) => r.AVAL ?? 0);
    const value = valueAt(table, 'cycles', 'arm', 'median-range');
    assert.deepEqual([value.min, value.max, value.n, value.integer], [Math.min(...cycles), Math.max(...cycles), cycles.length, true]);
  });
});
