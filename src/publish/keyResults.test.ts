import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createReportModel, findCell, formatValue, type ReportModel } from '../report/index.js';
import { buildStandardTestTrial, TEST_PROTOCOL } from '../protocols/nct05236621/testing/reportTestTrial.js';
import { keyResults } from './keyResults.js';

describe('keyResults', () => {
  const model = createReportModel(buildStandardTestTrial(), TEST_PROTOCOL);

  it('reads ORR, DCR and the median of each time-to-event endpoint of the plan by key, with the typed value', () => {
    const results = keyResults(model, TEST_PROTOCOL);
    assert.deepEqual(
      results.map((k) => [k.id, k.tableId, k.rowKey, k.columnId]),
      [
        ['orr', 't-response-rate', 'orr:rate', 'irc'],
        ['dcr', 't-response-rate', 'dcr:rate', 'irc'],
        ...TEST_PROTOCOL.analysisPlan.timeToEventEndpoints.map((s) => [`median:${s.paramcd}`, `t-${s.paramcd.toLowerCase()}`, 'median', 'overall']),
      ],
    );
    for (const k of results) {
      const cell = findCell(model, k.tableId, k.rowKey, k.columnId);
      assert.ok(cell !== undefined, k.id);
      assert.equal(k.value, cell.value, k.id);
      assert.equal(k.text, formatValue(cell.value), k.id);
    }
    assert.equal(results[0].value?.kind, 'proportion');
    assert.match(results[0].text, /^46\.7% \(95% CI, /);
    assert.equal(results[2].value?.kind, 'time-median');
  });

  it('does not depend on labels: the same results with every label rewritten', () => {
    const relabelled: ReportModel = {
      ...model,
      items: model.items.map((i) => (i.kind === 'table' ? { ...i, title: 'x', rows: i.rows.map((r) => ({ ...r, label: 'x' })) } : i)),
    };
    assert.deepEqual(keyResults(relabelled, TEST_PROTOCOL), keyResults(model, TEST_PROTOCOL));
  });

  it('says a result is not available when the model has no such cell', () => {
    const empty: ReportModel = { sections: [], items: [] };
    assert.ok(keyResults(empty, TEST_PROTOCOL).every((k) => k.value === null && k.text === 'not available'));
  });
});
