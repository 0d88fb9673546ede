import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildStandardTestTrial, TEST_PROTOCOL } from '../../protocols/nct05236621/testing/reportTestTrial.js';
import { createProtocolDeviationTable } from './createProtocolDeviationTable.js';
import { NOT_COLLECTED } from './createSubsequentTherapyTable.js';
import { valueAt } from './testSupport.js';

describe('createProtocolDeviationTable', () => {
  const data = buildStandardTestTrial();

  it('is a missing value "not collected by this protocol" when no form is a deviation log (SDTM DV)', () => {
    assert.equal(TEST_PROTOCOL.forms.some((f) => f.sdtmDomain === 'DV'), false);
    const table = createProtocolDeviationTable(data, TEST_PROTOCOL);
    assert.deepEqual(valueAt(table, 'any', 'arm', 'missing'), { kind: 'missing', reason: NOT_COLLECTED });
    assert.match(table.footnotes[0], /does not mean that none occurred/);
  });

  it('names the form when a protocol collects deviations that no analysis dataset carries yet', () => {
    const log = { ...TEST_PROTOCOL.forms[0], id: 'deviationLog', label: 'Protocol deviation log', sdtmDomain: 'DV' };
    const table = createProtocolDeviationTable(data, { ...TEST_PROTOCOL, forms: [...TEST_PROTOCOL.forms, log] });
    assert.match(valueAt(table, 'any', 'arm', 'missing').reason, /collected on the "Protocol deviation log" form/);
  });
});
