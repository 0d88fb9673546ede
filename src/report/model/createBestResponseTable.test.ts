import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeCohenKappa } from '../../stats/agreement/index.js';
import { assertClose } from '../../testing/index.js';
import { buildStandardTestTrial } from './buildReportTestTrial.js';
import { createBestResponseTable } from './createBestResponseTable.js';
import { createResponseConcordanceTable } from './createResponseConcordanceTable.js';
import { findCell, findRow, sorted } from './testSupport.js';

describe('createBestResponseTable and createResponseConcordanceTable', () => {
  const data = buildStandardTestTrial();
  const fas = new Set(data.adsl.filter((r) => r.FASFL === 'Y').map((r) => r.USUBJID));
  const bor = (evaluator: 'IRC' | 'INVESTIGATOR') => data.adrs.filter((r) => r.PARAMCD === 'BOR' && r.EVALUATOR === evaluator && fas.has(r.USUBJID));
  const table = createBestResponseTable(data.adsl, data.adrs, 0.95);

  it('counts each category per evaluator with the subjects', () => {
    for (const [column, evaluator] of [['irc', 'IRC'], ['investigator', 'INVESTIGATOR']] as const) {
      const pr = findCell(table, 'Partial response (PR)', column);
      assert.deepEqual(pr.subjects, sorted(bor(evaluator).filter((r) => r.AVALC === 'PR').map((r) => r.USUBJID)));
      const orr = findCell(table, 'Overall response (PR or better), n (%)', column);
      assert.deepEqual(orr.subjects, sorted(bor(evaluator).filter((r) => r.RSPFL === 'Y').map((r) => r.USUBJID)));
    }
    const total = table.rows.filter((r) => r.indent === 1 && r.cells.length === 2).slice(0, 8).reduce((s, r) => s + (r.cells[0].value ?? 0), 0);
    assert.equal(total, fas.size);
  });

  it("gives Cohen's kappa of the paired best responses, as computeCohenKappa on the same pairs", () => {
    const irc = new Map(bor('IRC').map((r) => [r.USUBJID, r.AVALC]));
    const inv = new Map(bor('INVESTIGATOR').map((r) => [r.USUBJID, r.AVALC]));
    const ids = [...irc.keys()].filter((id) => inv.has(id));
    const direct = computeCohenKappa({ ratingsA: ids.map((id) => irc.get(id)), ratingsB: ids.map((id) => inv.get(id)) });
    assert.ok(direct.ok);
    const cell = findCell(table, "Cohen's kappa (CI)", 'irc');
    assertClose(cell.value, direct.value.kappa, { rel: 1e-12 }, 'kappa');
    assert.ok((cell.value ?? 1) < 1, 'the test trial has one disagreement');
    assertClose(findCell(table, 'Kappa asymptotic SE', 'irc').value, direct.value.stdErr, { rel: 1e-12 }, 'ASE');
    const same = findCell(table, 'Same best response, n (%)', 'irc');
    assert.deepEqual(same.subjects, sorted(ids.filter((id) => irc.get(id) === inv.get(id))));
  });

  it('cross-tabulates IRC by investigator; the diagonal holds the agreeing subjects', () => {
    const cross = createResponseConcordanceTable(data.adsl, data.adrs, 0.95);
    const prRow = findRow(cross, 'PR');
    const mrColumn = cross.columns.findIndex((c) => c.id === 'MR');
    const expected = bor('IRC').filter((r) => r.AVALC === 'PR' && bor('INVESTIGATOR').some((x) => x.USUBJID === r.USUBJID && x.AVALC === 'MR'));
    assert.equal(expected.length, 1);
    assert.deepEqual(prRow.cells[mrColumn].subjects, [expected[0].USUBJID]);
    assert.equal(findCell(cross, 'Total', 'total').value, fas.size);
  });
});
