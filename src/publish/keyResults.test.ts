import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildStandardTestTrial } from '../report/model/buildReportTestTrial.js';
import { createReportModel, createReportProtocol, type ReportTable } from '../report/index.js';
import { keyResults } from './keyResults.js';
import { DEFAULT_PROTOCOL_INPUT } from './trialSource.js';

describe('keyResults', () => {
  it('reads ORR, DCR and the median PFS and OS from the cells the report prints', () => {
    const model = createReportModel(buildStandardTestTrial(), createReportProtocol(DEFAULT_PROTOCOL_INPUT));
    const table = (id: string) => model.items.find((i): i is ReportTable => i.kind === 'table' && i.id === id);
    const rates = table('t-response-rate');
    assert.ok(rates !== undefined);
    const rateRows = rates.rows.filter((r) => r.label.startsWith('Rate ('));
    const median = (id: string) => table(id)?.rows.find((r) => r.label.startsWith('Median'))?.cells[0].text;
    assert.deepEqual(
      keyResults(model).map((k) => k.text),
      [rateRows[0].cells[0].text, rateRows[1].cells[0].text, median('t-pfs'), median('t-os')],
    );
    assert.match(keyResults(model)[0].text, /^46\.7% \(95% CI, /);
  });
});
