import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { summarizeAdverseEvents, type TeaeOverview } from '../../clinical/index.js';
import { buildStandardTestTrial, TEST_PROTOCOL } from '../../protocols/nct05236621/testing/reportTestTrial.js';
import { createTeaeOverviewTable } from './createTeaeOverviewTable.js';
import { cellAt, rowByKey, sorted, valueAt } from './testSupport.js';

describe('createTeaeOverviewTable', () => {
  const data = buildStandardTestTrial();
  const table = createTeaeOverviewTable(data, TEST_PROTOCOL);
  const overview = summarizeAdverseEvents(data.adae, data.adsl, 'SAFFL');

  it('has one row per field of clinical/adam summarizeAdverseEvents, keyed by the field, with its counts', () => {
    const keys = Object.keys(overview) as (keyof TeaeOverview)[];
    assert.deepEqual(table.rows.map((r) => r.key), keys);
    for (const key of keys) assert.deepEqual(valueAt(table, key, 'arm', 'count'), { kind: 'count', n: overview[key].n, N: overview[key].N }, key);
    assert.equal(table.population.N, overview.anyTeae.N);
    assert.ok(overview.death.n > 0 && overview.relatedGrade3Teae.n > 0, 'the test trial exercises the rows');
  });

  it('names the investigational drug of the regimen and lists the subjects behind each count', () => {
    const drug = TEST_PROTOCOL.regimen.drugs.find((d) => d.role === 'investigational');
    assert.equal(rowByKey(table, 'relatedTeae').label, `${drug?.label}-related TEAEs`);
    const serious = data.adae.filter((r) => r.TRTEMFL === 'Y' && r.AESER === 'Y').map((r) => r.USUBJID);
    assert.deepEqual(cellAt(table, 'tesae', 'arm').subjects, sorted(serious));
    const renamed = { ...TEST_PROTOCOL, regimen: { ...TEST_PROTOCOL.regimen, drugs: TEST_PROTOCOL.regimen.drugs.map((d) => (d.role === 'investigational' ? { ...d, label: 'Drug X' } : d)) } };
    assert.equal(rowByKey(createTeaeOverviewTable(data, renamed), 'relatedTeae').label, 'Drug X-related TEAEs');
  });
});
