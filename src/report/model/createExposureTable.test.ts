import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { summarizeExposure } from '../../clinical/index.js';
import { computeKaplanMeier, computeSurvivalQuantiles } from '../../stats/index.js';
import { assertClose } from '../../testing/index.js';
import { buildStandardTestTrial } from './buildReportTestTrial.js';
import { createExposureTable } from './createExposureTable.js';
import { rowUnder, testProtocol } from './testSupport.js';

describe('createExposureTable', () => {
  const data = buildStandardTestTrial();
  const table = createExposureTable(data.adsl, data.adex, data.adtte, testProtocol());
  const counts = summarizeExposure(data.adex);

  it('counts modifications per drug as clinical/adam summarizeExposure', () => {
    for (const [heading, drug] of [['Pomalidomide', counts.pomalidomide], ['Dexamethasone', counts.dexamethasone]] as const) {
      assert.equal(rowUnder(table, heading, 'Dose reduction, n (%)').cells[0].value, drug.reduced.n);
      assert.equal(rowUnder(table, heading, 'Delayed cycle, n (%)').cells[0].value, drug.delayed.n);
      assert.equal(rowUnder(table, heading, 'Any adjustment (dose adjustment or delay), n (%)').cells[0].value, drug.anyAdjustment.n);
    }
    for (const [dose, n] of Object.entries(counts.pomalidomide.everAtDoseMg)) {
      assert.equal(rowUnder(table, 'Pomalidomide', `Ever at ${dose} mg/day`).cells[0].value, n);
    }
    assert.ok(counts.pomalidomide.reduced.n > 0);
  });

  it('gives the KM median duration of treatment of ADTTE TRTDUR', () => {
    const rows = data.adtte.filter((r) => r.PARAMCD === 'TRTDUR');
    const fit = computeKaplanMeier({ time: rows.map((r) => r.AVALM), status: rows.map((r) => (r.CNSR === 0 ? 1 : 0)) });
    assert.ok(fit.ok);
    const median = computeSurvivalQuantiles(fit.value, [0.5]);
    assert.ok(median.ok);
    assertClose(table.rows[0].cells[0].value, median.value[0].estimate, { rel: 1e-12 }, 'median duration');
  });
});
