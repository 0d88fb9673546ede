import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeKaplanMeier, computeLogRank, computeSurvivalAt, computeSurvivalQuantiles } from '../../stats/index.js';
import { assertClose } from '../../testing/index.js';
import { buildStandardTestTrial } from './buildReportTestTrial.js';
import { createTimeToEventTable } from './createTimeToEventTable.js';
import { formatMedianCi } from './format.js';
import { findRow, sorted, testProtocol } from './testSupport.js';

describe('createTimeToEventTable', () => {
  const data = buildStandardTestTrial();
  const protocol = testProtocol({ landmarkMonths: [1, 3] });
  const fas = data.adsl.filter((r) => r.FASFL === 'Y');
  const iss = new Map(fas.map((r) => [r.USUBJID, r.ISS]));
  const pfs = data.adtte.filter((r) => r.PARAMCD === 'PFS' && iss.has(r.USUBJID));
  const table = createTimeToEventTable(data.adsl, data.adtte, protocol, { paramcd: 'PFS', id: 't-pfs', title: 'PFS', endpointLabel: 'PFS', landmarkMonths: [1, 3] });

  it('counts events and censored subjects per column', () => {
    const events = findRow(table, 'Events, n (%)');
    assert.deepEqual(events.cells[0].subjects, sorted(pfs.filter((r) => r.CNSR === 0).map((r) => r.USUBJID)));
    const issIII = table.columns.findIndex((c) => c.id === 'iss:III');
    assert.deepEqual(events.cells[issIII].subjects, sorted(pfs.filter((r) => r.CNSR === 0 && iss.get(r.USUBJID) === 'III').map((r) => r.USUBJID)));
    assert.equal(findRow(table, 'Censored, n (%)').cells[0].value, pfs.filter((r) => r.CNSR !== 0).length);
  });

  it('gives the KM median and landmark rates of a direct fit on AVALM (log-log CI)', () => {
    const rows = pfs.filter((r) => iss.get(r.USUBJID) === 'III');
    const fit = computeKaplanMeier({ time: rows.map((r) => r.AVALM), status: rows.map((r) => (r.CNSR === 0 ? 1 : 0)), confType: 'log-log' });
    assert.ok(fit.ok);
    const median = computeSurvivalQuantiles(fit.value, [0.5]);
    assert.ok(median.ok);
    const issIII = table.columns.findIndex((c) => c.id === 'iss:III');
    const cell = findRow(table, 'Median, months (95% CI)').cells[issIII];
    assertClose(cell.value, median.value[0].estimate, { rel: 1e-12 }, 'median');
    assert.ok(cell.value !== null, 'the ISS III curve reaches its median');
    const m = median.value[0];
    assert.equal(cell.text, formatMedianCi(m.estimate, m.lower, m.upper, 0.95));
    const at = computeSurvivalAt(fit.value, [1]);
    assert.ok(at.ok);
    assertClose(findRow(table, '1-month rate (95% CI)').cells[issIII].value, at.value[0].survival, { rel: 1e-12 }, '1-month rate');
  });

  it('gives the pairwise log-rank P of the protocol comparisons', () => {
    const pair = pfs.filter((r) => ['I', 'III'].includes(iss.get(r.USUBJID) ?? ''));
    const direct = computeLogRank({ time: pair.map((r) => r.AVALM), status: pair.map((r) => (r.CNSR === 0 ? 1 : 0)), group: pair.map((r) => iss.get(r.USUBJID) ?? '') });
    assert.ok(direct.ok);
    const cell = findRow(table, 'ISS stage: I vs III').cells[0];
    assertClose(cell.value, direct.value.p, { rel: 1e-12 }, 'log-rank P');
    assert.deepEqual(cell.subjects, sorted(pair.map((r) => r.USUBJID)));
  });

  it('restricts DoR to the responders', () => {
    const dor = createTimeToEventTable(data.adsl, data.adtte, protocol, { paramcd: 'DOR', id: 't-dor', title: 'DoR', endpointLabel: 'DoR', landmarkMonths: [1] });
    const responders = data.adrs.filter((r) => r.PARAMCD === 'BOR' && r.EVALUATOR === 'IRC' && r.RSPFL === 'Y').map((r) => r.USUBJID);
    assert.deepEqual(findRow(dor, 'Patients, n').cells[0].subjects, sorted(responders));
    assert.equal(dor.population.N, responders.length);
  });
});
