import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeKaplanMeier, computeLogRank, computeSurvivalAt, computeSurvivalQuantiles } from '../../stats/index.js';
import { assertClose } from '../../testing/index.js';
import { buildStandardTestTrial, TEST_PROTOCOL } from '../../protocols/nct05236621/testing/reportTestTrial.js';
import { createTimeToEventTable } from './createTimeToEventTable.js';
import { cellAt, numberAt, rowByKey, sorted, valueAt } from './testSupport.js';

describe('createTimeToEventTable', () => {
  const data = buildStandardTestTrial();
  const fas = data.adsl.filter((r) => r.FASFL === 'Y');
  const iss = new Map(fas.map((r) => [r.USUBJID, r.ISS]));
  const pfs = data.adtte.filter((r) => r.PARAMCD === 'PFS' && iss.has(r.USUBJID));
  const table = createTimeToEventTable(data, TEST_PROTOCOL, { paramcd: 'PFS', landmarkMonths: [1, 3], withFollowUp: true });

  it("is keyed 't-<paramcd>', titled by the protocol's endpoint, with a column per survival subgroup level", () => {
    assert.equal(table.id, 't-pfs');
    const endpoint = TEST_PROTOCOL.endpoints.find((e) => e.paramcd === 'PFS');
    assert.equal(table.stubLabel, endpoint?.label);
    assert.deepEqual(table.rows.slice(0, 6).map((r) => r.key), ['patients', 'events', 'censored', 'median', 'rate:1', 'rate:3']);
    assert.equal(rowByKey(table, 'follow-up').cells.length, table.columns.length);
    assert.ok(table.columns.some((c) => c.id === 'iss:III') && table.columns.some((c) => c.id === 'riss:I'));
  });

  it('counts events and censored subjects per column', () => {
    assert.deepEqual(cellAt(table, 'events', 'overall').subjects, sorted(pfs.filter((r) => r.CNSR === 0).map((r) => r.USUBJID)));
    assert.deepEqual(cellAt(table, 'events', 'iss:III').subjects, sorted(pfs.filter((r) => r.CNSR === 0 && iss.get(r.USUBJID) === 'III').map((r) => r.USUBJID)));
    assert.equal(numberAt(table, 'censored', 'overall'), pfs.filter((r) => r.CNSR !== 0).length);
  });

  it('gives the KM median and landmark rates of a direct fit on AVALM (log-log CI)', () => {
    const rows = pfs.filter((r) => iss.get(r.USUBJID) === 'III');
    const fit = computeKaplanMeier({ time: rows.map((r) => r.AVALM), status: rows.map((r) => (r.CNSR === 0 ? 1 : 0)), confType: 'log-log' });
    assert.ok(fit.ok);
    const median = computeSurvivalQuantiles(fit.value, [0.5]);
    assert.ok(median.ok);
    const m = median.value[0];
    const value = valueAt(table, 'median', 'iss:III', 'time-median');
    assert.ok(value.estimate !== null, 'the ISS III curve reaches its median');
    assert.deepEqual(value, { kind: 'time-median', estimate: m.estimate, lower: m.lower, upper: m.upper, confLevel: 0.95, method: 'kaplan-meier', unit: 'months' });
    const at = computeSurvivalAt(fit.value, [1]);
    assert.ok(at.ok);
    const rate = valueAt(table, 'rate:1', 'iss:III', 'rate');
    assertClose(rate.estimate, at.value[0].survival, { rel: 1e-12 }, '1-month rate');
    assert.equal(rate.time, 1);
    assert.equal(valueAt(table, 'follow-up', 'overall', 'time-median').method, 'reverse-kaplan-meier');
    assert.equal(cellAt(table, 'follow-up', 'iss:III').value.kind, 'empty');
  });

  it('gives the pairwise log-rank P of the plan comparisons', () => {
    const pair = pfs.filter((r) => ['I', 'III'].includes(String(iss.get(r.USUBJID))));
    const direct = computeLogRank({ time: pair.map((r) => r.AVALM), status: pair.map((r) => (r.CNSR === 0 ? 1 : 0)), group: pair.map((r) => String(iss.get(r.USUBJID))) });
    assert.ok(direct.ok);
    const p = valueAt(table, 'logrank:iss:I-vs-III', 'overall', 'p-value');
    assertClose(p.p, direct.value.p, { rel: 1e-12 }, 'log-rank P');
    assert.equal(p.test, 'log-rank');
    assert.deepEqual(cellAt(table, 'logrank:iss:I-vs-III', 'overall').subjects, sorted(pair.map((r) => r.USUBJID)));
  });

  it('restricts a duration of response to the responders', () => {
    const dor = createTimeToEventTable(data, TEST_PROTOCOL, { paramcd: 'DOR', landmarkMonths: [1], withFollowUp: false });
    const responders = data.adrs.filter((r) => r.PARAMCD === 'BOR' && r.EVALUATOR === 'IRC' && r.RSPFL === 'Y').map((r) => r.USUBJID);
    assert.deepEqual(cellAt(dor, 'patients', 'overall').subjects, sorted(responders));
    assert.equal(dor.population.N, responders.length);
    assert.match(dor.population.name, /^Responders \(IRC\) in the /);
    assert.ok(!dor.rows.some((r) => r.key === 'follow-up'));
  });
});
