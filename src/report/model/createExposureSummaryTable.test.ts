import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeSummaryStatistics } from '../../stats/index.js';
import { buildStandardTestTrial, TEST_PROTOCOL } from '../../protocols/nct05236621/testing/reportTestTrial.js';
import { createExposureSummaryTable } from './createExposureSummaryTable.js';
import { rowByKey, valueAt } from './testSupport.js';

describe('createExposureSummaryTable', () => {
  const data = buildStandardTestTrial();
  const table = createExposureSummaryTable(data, TEST_PROTOCOL);
  const safety = new Set(data.adsl.filter((r) => r.SAFFL === 'Y').map((r) => r.USUBJID));

  it('summarises treatment duration and, per drug of the regimen, cumulative dose and dose intensities from ADEX', () => {
    const duration = computeSummaryStatistics(data.adex.filter((r) => r.EXTRT === 'ALL' && r.PARAMCD === 'TRTDURD' && safety.has(r.USUBJID)).map((r) => r.AVAL));
    assert.ok(duration.ok);
    assert.equal(valueAt(table, 'TRTDURD', 'median', 'number').value, duration.value.median);
    assert.equal(valueAt(table, 'TRTDURD', 'q3', 'number').value, duration.value.q3);
    for (const drug of TEST_PROTOCOL.regimen.drugs) {
      assert.equal(rowByKey(table, drug.id).label, drug.label);
      const rdi = computeSummaryStatistics(data.adex.filter((r) => r.EXTRT === drug.id && r.PARAMCD === 'RDI' && safety.has(r.USUBJID)).map((r) => r.AVAL));
      assert.ok(rdi.ok);
      assert.equal(valueAt(table, `${drug.id}:RDI`, 'mean', 'number').value, rdi.value.mean);
      assert.equal(rowByKey(table, `${drug.id}:RDI`).label, 'Relative dose intensity (%)');
    }
    assert.equal(rowByKey(table, 'TRTDURD').label, 'Duration of treatment (days, first to last dose)');
  });
});
