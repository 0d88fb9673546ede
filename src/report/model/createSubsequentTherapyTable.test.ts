import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildStandardTestTrial, TEST_PROTOCOL } from '../../protocols/nct05236621/testing/reportTestTrial.js';
import { createSubsequentTherapyTable, NOT_COLLECTED } from './createSubsequentTherapyTable.js';
import { cellAt, valueAt } from './testSupport.js';

describe('createSubsequentTherapyTable', () => {
  const data = buildStandardTestTrial();
  const [a, b] = data.adsl.filter((r) => r.ENRLFL === 'Y').map((r) => r.USUBJID);
  const row = (USUBJID: string, CMSEQ: number, CMTRT: string) => ({ STUDYID: 'S', USUBJID, CMSEQ, CMTRT, CMCAT: 'SUBSEQUENT ANTICANCER THERAPY' as const, ASTDT: '2022-01-01', ASTDY: 200 });
  const adcm = [row(a, 1, 'agent-x'), row(a, 1, 'agent-y'), row(b, 1, 'Agent-Y'), row(b, 2, 'agent-y')];

  it('counts subjects with any subsequent therapy and per agent, most frequent first', () => {
    const table = createSubsequentTherapyTable({ adsl: data.adsl, adcm }, TEST_PROTOCOL);
    const N = table.population.N;
    assert.deepEqual(valueAt(table, 'any', 'arm', 'count'), { kind: 'count', n: 2, N });
    assert.deepEqual(table.rows.map((r) => r.key), ['any', 'agents', 'agent:agent-y', 'agent:agent-x']);
    assert.deepEqual(cellAt(table, 'agent:agent-y', 'arm').subjects, [a, b].sort());
  });

  it('says "not collected by this protocol" (a missing value with why) when no form collects it, never zero', () => {
    const without = { ...TEST_PROTOCOL, forms: TEST_PROTOCOL.forms.filter((f) => f.role !== 'new-therapy') };
    const table = createSubsequentTherapyTable({ adsl: data.adsl, adcm: [] }, without);
    assert.deepEqual(valueAt(table, 'any', 'arm', 'missing'), { kind: 'missing', reason: NOT_COLLECTED });
    assert.deepEqual(table.rows.map((r) => r.key), ['any']);
    assert.match(table.footnotes[0], /not collected by this protocol/);
  });
});
