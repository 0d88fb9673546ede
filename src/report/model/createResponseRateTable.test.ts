import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeBinomialProportion } from '../../stats/index.js';
import { assertClose } from '../../testing/index.js';
import { buildStandardTestTrial } from './buildReportTestTrial.js';
import { createResponseRateTable } from './createResponseRateTable.js';
import { sorted, testProtocol } from './testSupport.js';

describe('createResponseRateTable', () => {
  const data = buildStandardTestTrial();
  const protocol = testProtocol({ p0: 0.12 });
  const table = createResponseRateTable(data.adsl, data.adrs, protocol);
  const fas = data.adsl.filter((r) => r.FASFL === 'Y');
  const irc = data.adrs.filter((r) => r.PARAMCD === 'BOR' && r.EVALUATOR === 'IRC');
  const responders = irc.filter((r) => r.RSPFL === 'Y').map((r) => r.USUBJID);

  it('gives ORR with the Clopper-Pearson CI and exact test against p0, as computed directly', () => {
    const direct = computeBinomialProportion({ x: responders.length, n: fas.length, p0: 0.12, confLevel: 0.95 });
    assert.ok(direct.ok);
    const rate = table.rows[2].cells[0];
    assert.equal(table.rows[2].label, 'Rate (95% exact CI)');
    assertClose(rate.value, responders.length / fas.length, { rel: 1e-12 }, 'ORR');
    const cp = direct.value.clopperPearson;
    assert.equal(rate.text, `${((100 * responders.length) / fas.length).toFixed(1)}% (95% CI, ${(100 * cp.lower).toFixed(2)}–${(100 * cp.upper).toFixed(2)})`);
    assert.deepEqual(rate.subjects, sorted(responders));
    const p = table.rows[3].cells[0];
    assertClose(p.value, direct.value.pGreater, { rel: 1e-12 }, 'one-sided P');
    assert.match(table.rows[3].label, /0\.12/);
  });

  it('reads p0 from the protocol, not a constant', () => {
    const other = createResponseRateTable(data.adsl, data.adrs, testProtocol({ p0: 0.3 }));
    const direct = computeBinomialProportion({ x: responders.length, n: fas.length, p0: 0.3 });
    assert.ok(direct.ok);
    assertClose(other.rows[3].cells[0].value, direct.value.pGreater, { rel: 1e-12 }, 'P vs 0.3');
    assert.notEqual(other.rows[3].cells[0].value, table.rows[3].cells[0].value);
  });
});
