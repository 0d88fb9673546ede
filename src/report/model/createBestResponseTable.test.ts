import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeCohenKappa } from '../../stats/agreement/index.js';
import { assertClose } from '../../testing/index.js';
import { buildStandardTestTrial, TEST_PROTOCOL } from '../../protocols/nct05236621/testing/reportTestTrial.js';
import { createBestResponseTable } from './createBestResponseTable.js';
import { createResponseConcordanceTable } from './createResponseConcordanceTable.js';
import { cellAt, numberAt, rowByKey, sorted, valueAt } from './testSupport.js';

describe('createBestResponseTable and createResponseConcordanceTable', () => {
  const data = buildStandardTestTrial();
  const fas = new Set(data.adsl.filter((r) => r.FASFL === 'Y').map((r) => r.USUBJID));
  const bor = (evaluator: 'IRC' | 'INVESTIGATOR') => data.adrs.filter((r) => r.PARAMCD === 'BOR' && r.EVALUATOR === evaluator && fas.has(r.USUBJID));
  const table = createBestResponseTable(data, TEST_PROTOCOL);
  const scale = TEST_PROTOCOL.response.scale;

  it("has a row per category of the protocol's scale and a column per evaluator, primary first", () => {
    assert.deepEqual(table.columns.map((c) => c.id), ['irc', 'investigator']);
    assert.deepEqual(
      table.rows.filter((r) => r.key.startsWith('category:')).map((r) => r.key),
      scale.categories.map((c) => `category:${c.code}`),
    );
    assert.equal(rowByKey(table, 'category:PR').label, 'Partial response (PR)');
    assert.equal(rowByKey(table, 'orr').label, `Overall response (${scale.responderLabel}), n (%)`);
  });

  it('counts each category per evaluator with the subjects', () => {
    for (const [column, evaluator] of [['irc', 'IRC'], ['investigator', 'INVESTIGATOR']] as const) {
      assert.deepEqual(cellAt(table, 'category:PR', column).subjects, sorted(bor(evaluator).filter((r) => r.AVALC === 'PR').map((r) => r.USUBJID)));
      assert.deepEqual(cellAt(table, 'orr', column).subjects, sorted(bor(evaluator).filter((r) => r.RSPFL === 'Y').map((r) => r.USUBJID)));
      assert.deepEqual(cellAt(table, 'dcr', column).subjects, sorted(bor(evaluator).filter((r) => r.DCRFL === 'Y').map((r) => r.USUBJID)));
    }
    const total = scale.categories.reduce((s, c) => s + (numberAt(table, `category:${c.code}`, 'irc') ?? 0), 0);
    assert.equal(total, fas.size);
  });

  it("gives Cohen's kappa of the paired best responses, as computeCohenKappa on the same pairs", () => {
    const irc = new Map(bor('IRC').map((r) => [r.USUBJID, r.AVALC]));
    const inv = new Map(bor('INVESTIGATOR').map((r) => [r.USUBJID, r.AVALC]));
    const ids = [...irc.keys()].filter((id) => inv.has(id));
    const direct = computeCohenKappa({ ratingsA: ids.map((id) => irc.get(id)), ratingsB: ids.map((id) => inv.get(id)), categories: scale.categories.map((c) => c.code) });
    assert.ok(direct.ok);
    const kappa = valueAt(table, 'concordance:kappa', 'irc', 'coefficient');
    assertClose(kappa.estimate, direct.value.kappa, { rel: 1e-12 }, 'kappa');
    assertClose(kappa.lower, direct.value.lower, { rel: 1e-12 }, 'kappa lower');
    assert.ok(kappa.estimate < 1, 'the test trial has one disagreement');
    assertClose(valueAt(table, 'concordance:kappa-se', 'irc', 'number').value, direct.value.stdErr, { rel: 1e-12 }, 'ASE');
    assert.deepEqual(cellAt(table, 'concordance:agreement', 'irc').subjects, sorted(ids.filter((id) => irc.get(id) === inv.get(id))));
    assert.equal(cellAt(table, 'concordance:agreement', 'investigator').value.kind, 'empty');
  });

  it('cross-tabulates the primary by the second evaluator; the diagonal holds the agreeing subjects', () => {
    const cross = createResponseConcordanceTable(data, TEST_PROTOCOL);
    assert.ok(cross !== null);
    const expected = bor('IRC').filter((r) => r.AVALC === 'PR' && bor('INVESTIGATOR').some((x) => x.USUBJID === r.USUBJID && x.AVALC === 'MR'));
    assert.equal(expected.length, 1);
    assert.deepEqual(cellAt(cross, 'category:PR', 'category:MR').subjects, [expected[0].USUBJID]);
    assert.equal(numberAt(cross, 'total', 'total'), fas.size);
  });

  it('has no concordance with a single evaluator', () => {
    const single = { ...TEST_PROTOCOL, response: { ...TEST_PROTOCOL.response, evaluators: TEST_PROTOCOL.response.evaluators.filter((e) => e.id === 'IRC') } };
    const one = createBestResponseTable(data, single);
    assert.deepEqual(one.columns.map((c) => c.id), ['irc']);
    assert.ok(!one.rows.some((r) => r.key.startsWith('concordance')));
    assert.equal(createResponseConcordanceTable(data, single), null);
  });
});
