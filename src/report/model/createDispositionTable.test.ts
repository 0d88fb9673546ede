import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildStandardTestTrial, TEST_PROTOCOL } from '../../protocols/nct05236621/testing/reportTestTrial.js';
import { createDispositionTable } from './createDispositionTable.js';
import { cellAt, numberAt, sorted, valueAt } from './testSupport.js';

describe('createDispositionTable', () => {
  const data = buildStandardTestTrial();
  const table = createDispositionTable(data, TEST_PROTOCOL);
  const enrolled = data.adsl.filter((r) => r.ENRLFL === 'Y');

  it('counts screened, screen failures and enrolled from ADSL, and each analysis set of the protocol', () => {
    assert.deepEqual(valueAt(table, 'screened', 'arm', 'count'), { kind: 'count', n: data.adsl.length, N: null });
    assert.equal(numberAt(table, 'screen-failures', 'arm'), data.adsl.length - enrolled.length);
    assert.equal(numberAt(table, 'enrolled', 'arm'), enrolled.length);
    assert.equal(table.population.N, enrolled.length);
    for (const set of TEST_PROTOCOL.analysisSets) assert.equal(numberAt(table, `population:${set.flag}`, 'arm'), enrolled.filter((r) => r[set.flag] === 'Y').length, set.flag);
  });

  it('splits treatment discontinuations by reason, with the subjects', () => {
    const stopped = enrolled.filter((r) => r.EOTSTT === 'DISCONTINUED');
    assert.deepEqual(cellAt(table, 'treatment:discontinued', 'arm').subjects, sorted(stopped.map((r) => r.USUBJID)));
    const expected = stopped.filter((r) => r.DCTREAS === 'progressive-disease').map((r) => r.USUBJID);
    assert.ok(expected.length > 0);
    assert.deepEqual(cellAt(table, 'treatment:discontinued:progressive-disease', 'arm').subjects, sorted(expected));
    assert.deepEqual(valueAt(table, 'treatment:discontinued:progressive-disease', 'arm', 'count'), { kind: 'count', n: expected.length, N: enrolled.length });
    assert.equal((numberAt(table, 'treatment:ongoing', 'arm') ?? 0) + stopped.length, enrolled.length);
  });
});
