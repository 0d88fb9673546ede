import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Papa from 'papaparse';
import { buildStandardTestTrial } from '../model/buildReportTestTrial.js';
import { testProtocol } from '../model/testSupport.js';
import { cell, column, createReportModel, headingRow, population, reportTable, row, textCell, type ReportModel } from '../model/index.js';
import { renderReportCsv } from './renderReportCsv.js';

function parse(content: string): string[][] {
  const parsed = Papa.parse<string[]>(content, { skipEmptyLines: true });
  assert.deepEqual(parsed.errors, []);
  return parsed.data;
}

function singleTableModel(): ReportModel {
  const table = reportTable({
    id: 't-quoting',
    title: 'Quoting',
    population: population('Safety set', 'SAFFL', 2),
    columns: [column('arm', 'Arm, "A"', 2), column('delta', 'Change', null)],
    rows: [
      headingRow('Heading, with comma'),
      row('Line\nbreak', [cell('1 (50.0%)', 1, ['S-2', 'S-1']), cell('-0.25', -0.25, ['S-1'])]),
      row('=HYPERLINK("x")', [textCell('"quoted"'), cell('-Inf', -Infinity)]),
      row('-not a number', [textCell('@risk'), cell('NE', null)]),
    ],
  });
  return Object.freeze({ sections: [], items: [table] });
}

describe('renderReportCsv', () => {
  const data = buildStandardTestTrial();
  const model = createReportModel(data, testProtocol());
  const files = renderReportCsv(model);

  it('writes one file per table and listing, named after the item id, and none for figures', () => {
    const tables = model.items.filter((i) => i.kind === 'table');
    assert.deepEqual(files.map((f) => f.fileName), tables.map((t) => `${t.id}.csv`));
    assert.ok(files.some((f) => f.fileName === 'l-sae.csv'));
  });

  it('round-trips every cell: text, full-precision value and subjects', () => {
    for (const table of model.items) {
      if (table.kind !== 'table') continue;
      const file = files.find((f) => f.fileName === `${table.id}.csv`);
      assert.ok(file !== undefined, table.id);
      assert.ok(!file.content.startsWith('\uFEFF'), 'no BOM');
      const [header, ...records] = parse(file.content);
      assert.deepEqual(header.slice(0, 2), ['label', 'indent']);
      assert.equal(records.length, table.rows.length, table.id);
      table.rows.forEach((r, i) => {
        const record = Object.fromEntries(header.map((name, k) => [name, records[i][k]]));
        assert.equal(record.label, r.label);
        assert.equal(Number(record.indent), r.indent);
        r.cells.forEach((c, k) => {
          const id = table.columns[k].id;
          assert.equal(record[id], c.text, `${table.id} / ${r.label} / ${id}`);
          if (`${id}_value` in record) assert.equal(record[`${id}_value`] === '' ? null : Number(record[`${id}_value`]), c.value, `${table.id} / ${r.label} / ${id} value`);
          else assert.equal(c.value, null);
          if (`${id}_subjects` in record) assert.deepEqual(record[`${id}_subjects`] === '' ? [] : record[`${id}_subjects`].split(' '), [...c.subjects]);
          else assert.equal(c.subjects.length, 0);
        });
      });
    }
  });

  it('keeps P-values and proportions at full precision', () => {
    const file = files.find((f) => f.fileName === 't-response-rate.csv');
    const table = model.items.find((i) => i.id === 't-response-rate');
    assert.ok(file !== undefined && table?.kind === 'table');
    const p = table.rows.find((r) => r.label.startsWith('One-sided'))?.cells[0].value;
    assert.ok(p !== undefined && p !== null);
    assert.ok(file.content.includes(String(p)), `P ${p} written unrounded`);
  });

  it('quotes per RFC 4180, uses CRLF, and defuses spreadsheet formulas but not negative numbers', () => {
    const [file] = renderReportCsv(singleTableModel());
    const lines = file.content.split('\r\n');
    assert.equal(lines[0], 'label,indent,arm,arm_value,arm_subjects,delta,delta_value,delta_subjects');
    assert.equal(lines[1], '"Heading, with comma",0,,,,,,');
    assert.ok(file.content.includes('"Line\nbreak",1,1 (50.0%),1,S-1 S-2,-0.25,-0.25,S-1\r\n'), file.content);
    assert.ok(file.content.endsWith('\r\n'));
    const records = parse(file.content);
    assert.equal(records[3][0], `'=HYPERLINK("x")`);
    assert.equal(records[3][2], '"quoted"');
    assert.equal(records[3][6], '-Inf');
    assert.equal(records[4][0], "'-not a number");
    assert.equal(records[4][2], "'@risk");
  });

  it('leaves out value and subject columns that would always be empty', () => {
    const table = reportTable({
      id: 't-text',
      title: 'Text only',
      population: population('ITT', null, 1),
      columns: [column('a', 'A')],
      rows: [row('x', [textCell('yes')])],
    });
    const [file] = renderReportCsv({ sections: [], items: [table] });
    assert.equal(file.content, 'label,indent,a\r\nx,1,yes\r\n');
  });
});
