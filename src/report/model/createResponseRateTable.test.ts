import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeBinomialProportion } from '../../stats/index.js';
import { assertClose } from '../../testing/index.js';
import { buildStandardTestTrial, TEST_PROTOCOL, withP0 } from '../../protocols/nct05236621/testing/reportTestTrial.js';
import { createResponseRateTable } from './createResponseRateTable.js';
import { cellAt, rowByKey, sorted, valueAt } from './testSupport.js';

describe('createResponseRateTable', () => {
  const data = buildStandardTestTrial();
  const table = createResponseRateTable(data, TEST_PROTOCOL);
  const fas = data.adsl.filter((r) => r.FASFL === 'Y');
  const irc = data.adrs.filter((r) => r.PARAMCD === 'BOR' && r.EVALUATOR === 'IRC');
  const responders = irc.filter((r) => r.RSPFL === 'Y').map((r) => r.USUBJID);

  it('gives ORR as a proportion with the Clopper-Pearson CI and the exact test against p0, as computed directly', () => {
    const direct = computeBinomialProportion({ x: responders.length, n: fas.length, p0: 0.12, confLevel: 0.95 });
    assert.ok(direct.ok);
    assert.equal(rowByKey(table, 'orr:rate').label, 'Rate (95% exact CI)');
    const rate = valueAt(table, 'orr:rate', 'irc', 'proportion');
    assert.deepEqual({ n: rate.n, N: rate.N, confLevel: rate.confLevel, method: rate.method }, { n: responders.length, N: fas.length, confLevel: 0.95, method: 'clopper-pearson' });
    assertClose(rate.estimate, responders.length / fas.length, { rel: 1e-12 }, 'ORR');
    assertClose(rate.lower, direct.value.clopperPearson.lower, { rel: 1e-12 }, 'lower');
    assertClose(rate.upper, direct.value.clopperPearson.upper, { rel: 1e-12 }, 'upper');
    assert.deepEqual(cellAt(table, 'orr:rate', 'irc').subjects, sorted(responders));
    assert.deepEqual(valueAt(table, 'orr:count', 'irc', 'count'), { kind: 'count', n: responders.length, N: fas.length });
    const p = valueAt(table, 'orr:p', 'irc', 'p-value');
    assertClose(p.p, direct.value.pGreater, { rel: 1e-12 }, 'one-sided P');
    assert.equal(p.test, 'binomial-exact-one-sided');
    assert.match(rowByKey(table, 'orr:p').label, /0\.12/);
  });

  it('reads p0 from the design of the plan, not a constant', () => {
    const other = createResponseRateTable(data, withP0(0.3));
    const direct = computeBinomialProportion({ x: responders.length, n: fas.length, p0: 0.3 });
    assert.ok(direct.ok);
    assertClose(valueAt(other, 'orr:p', 'irc', 'p-value').p, direct.value.pGreater, { rel: 1e-12 }, 'P vs 0.3');
    assert.notEqual(valueAt(other, 'orr:p', 'irc', 'p-value').p, valueAt(table, 'orr:p', 'irc', 'p-value').p);
    assert.match(rowByKey(other, 'orr:p').label, /0\.3/);
  });
});
