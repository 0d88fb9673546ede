import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Papa from 'papaparse';
import { formatValue } from '../format/index.js';
import { buildStandardTestTrial, TEST_PROTOCOL } from '../../protocols/nct05236621/testing/reportTestTrial.js';
import {
  cell,
  column,
  countValue,
  createReportModel,
  headingRow,
  missingValue,
  numberValue,
  population,
  proportionValue,
  pValue,
  reportTable,
  row,
  textCell,
  timeMedianValue,
  type ReportModel,
  type ReportValue,
} from '../model/index.js';
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
      headingRow('heading', 'Heading, with comma'),
      row('line', 'Line\nbreak', [cell(countValue(1, 2), ['S-2', 'S-1']), cell(numberValue(-0.25), ['S-1'])]),
      row('formula', '=HYPERLINK("x")', [textCell('"quoted"'), cell(numberValue(-Infinity))]),
      row('minus', '-not a number', [textCell('@risk'), cell(missingValue('no data'))]),
    ],
  });
  return Object.freeze({ sections: [], items: [table] });
}

/** The numbers a CSV record must carry for a value, by typed column suffix. */
function expectedFields(value: ReportValue): Record<string, number | string | null> {
  switch (value.kind) {
    case 'count':
      return { kind: 'count', n: value.n, N: value.N };
    case 'proportion':
      return { kind: 'proportion', n: value.n, N: value.N, estimate: value.estimate, lower: value.lower, upper: value.upper, conflevel: value.confLevel };
    case 'median-range':
      return { kind: 'median-range', n: value.n, estimate: value.median, min: value.min, max: value.max };
    case 'time-median':
    case 'rate':
    case 'coefficient':
      return { kind: value.kind, estimate: value.estimate, lower: value.lower, upper: value.upper, conflevel: value.confLevel };
    case 'p-value':
      return { kind: 'p-value', p: value.p };
    case 'number':
      return { kind: 'number', value: value.value };
    case 'missing':
      return { kind: 'missing', reason: value.reason };
    case 'date':
    case 'text':
    case 'empty':
      return {};
  }
}

describe('renderReportCsv', () => {
  const data = buildStandardTestTrial();
  const model = createReportModel(data, TEST_PROTOCOL);
  const files = renderReportCsv(model);

  it('writes one file per table and listing, named after the item id, and none for figures', () => {
    const tables = model.items.filter((i) => i.kind === 'table');
    assert.deepEqual(files.map((f) => f.fileName), tables.map((t) => `${t.id}.csv`));
    assert.ok(files.some((f) => f.fileName === 'l-sae.csv'));
  });

  it('round-trips every cell: key, printed text, typed numbers at full precision and subjects', () => {
    for (const table of model.items) {
      if (table.kind !== 'table') continue;
      const file = files.find((f) => f.fileName === `${table.id}.csv`);
      assert.ok(file !== undefined, table.id);
      assert.ok(!file.content.startsWith('\uFEFF'), 'no BOM');
      const [header, ...records] = parse(file.content);
      assert.deepEqual(header.slice(0, 3), ['key', 'label', 'indent']);
      if (table.rows.length === 0) {
        // an empty table still has a record, so that its file can carry data_origin
        assert.deepEqual(records.map((r) => r.slice(0, 3)), [['none', 'No rows', '0']], table.id);
        continue;
      }
      assert.equal(records.length, table.rows.length, table.id);
      table.rows.forEach((r, i) => {
        const record = Object.fromEntries(header.map((name, k) => [name, records[i][k]]));
        assert.equal(record.key, r.key);
        assert.equal(record.label, r.label);
        assert.equal(Number(record.indent), r.indent);
        r.cells.forEach((c, k) => {
          const id = table.columns[k].id;
          const where = `${table.id} / ${r.key} / ${id}`;
          assert.equal(record[id], formatValue(c.value), where);
          for (const [suffix, expected] of Object.entries(expectedFields(c.value))) {
            const written = record[`${id}_${suffix}`] as string | undefined;
            if (expected === null) {
              assert.ok(written === undefined || written === '', `${where} ${suffix}: empty`);
              continue;
            }
            assert.ok(written !== undefined, `${where}: no ${id}_${suffix} column`);
            if (typeof expected === 'number') assert.equal(Number(written), expected, `${where} ${suffix}`);
            else assert.equal(written, expected, `${where} ${suffix}`);
          }
          if (`${id}_subjects` in record) assert.deepEqual(record[`${id}_subjects`] === '' ? [] : record[`${id}_subjects`].split(' '), [...c.subjects]);
          else assert.equal(c.subjects.length, 0);
        });
      });
    }
  });

  it('gives a statistician the rate and its limits as numbers, unrounded', () => {
    const file = files.find((f) => f.fileName === 't-response-rate.csv');
    assert.ok(file !== undefined);
    const [header, ...records] = parse(file.content);
    const rate = records.find((r) => r[0] === 'orr:rate');
    assert.ok(rate !== undefined);
    const field = (name: string) => rate[header.indexOf(name)];
    const responders = data.adrs.filter((r) => r.PARAMCD === 'BOR' && r.EVALUATOR === 'IRC' && r.RSPFL === 'Y').length;
    const N = data.adsl.filter((r) => r.FASFL === 'Y').length;
    assert.deepEqual([field('irc_kind'), Number(field('irc_n')), Number(field('irc_N')), Number(field('irc_estimate')), Number(field('irc_conflevel'))], ['proportion', responders, N, responders / N, 0.95]);
    assert.ok(Number(field('irc_lower')) < responders / N && responders / N < Number(field('irc_upper')));
    const p = records.find((r) => r[0] === 'orr:p');
    assert.ok(p !== undefined && /^0\.\d{6,}/.test(p[header.indexOf('irc_p')]), 'P written unrounded');
  });

  it('writes NR of a median as an empty estimate of a time-median, keeping the column', () => {
    const table = reportTable({
      id: 't-nr',
      title: 'NR',
      population: population('FAS', 'FASFL', 3),
      columns: [column('overall', 'Overall', 3)],
      rows: [row('median', 'Median', [cell(timeMedianValue({ estimate: null, lower: 2.5, upper: null, confLevel: 0.95, method: 'kaplan-meier' }))])],
    });
    const [file] = renderReportCsv({ sections: [], items: [table] });
    assert.equal(file.content, 'key,label,indent,overall,overall_kind,overall_estimate,overall_lower,overall_upper,overall_conflevel\r\nmedian,Median,1,"NR (95% CI, 2.50–NR)",time-median,,2.5,,0.95\r\n');
  });

  it('quotes per RFC 4180, uses CRLF, and defuses spreadsheet formulas but not negative numbers', () => {
    const [file] = renderReportCsv(singleTableModel());
    const lines = file.content.split('\r\n');
    assert.equal(lines[0], 'key,label,indent,arm,arm_kind,arm_n,arm_N,arm_subjects,delta,delta_kind,delta_value,delta_reason,delta_subjects');
    assert.equal(lines[1], 'heading,"Heading, with comma",0,,,,,,,,,,');
    assert.ok(file.content.includes('line,"Line\nbreak",1,1 (50.0%),count,1,2,S-1 S-2,-0.25,number,-0.25,,S-1\r\n'), file.content);
    assert.ok(file.content.endsWith('\r\n'));
    const records = parse(file.content);
    assert.equal(records[3][1], `'=HYPERLINK("x")`);
    assert.equal(records[3][3], '"quoted"');
    assert.equal(records[3][10], '-Inf');
    assert.equal(records[4][1], "'-not a number");
    assert.equal(records[4][3], "'@risk");
    assert.equal(records[4][8], 'NE');
    assert.equal(records[4][11], 'no data');
  });

  it('leaves out typed and subject columns that would always be empty', () => {
    const table = reportTable({
      id: 't-text',
      title: 'Text only',
      population: population('ITT', null, 1),
      columns: [column('a', 'A'), column('b', 'B')],
      rows: [row('x', 'x', [textCell('yes'), cell(pValue(0.5, 'log-rank'))])],
    });
    const [file] = renderReportCsv({ sections: [], items: [table] });
    assert.equal(file.content, 'key,label,indent,a,b,b_kind,b_p\r\nx,x,1,yes,0.5000,p-value,0.5\r\n');
  });

  it('writes a proportion with every typed column', () => {
    const table = reportTable({
      id: 't-p',
      title: 'P',
      population: population('FAS', 'FASFL', 4),
      columns: [column('a', 'A', 4)],
      rows: [row('r', 'Rate', [cell(proportionValue({ n: 1, N: 4, estimate: 0.25, lower: 0.0063, upper: 0.8059, confLevel: 0.95 }))])],
    });
    const [file] = renderReportCsv({ sections: [], items: [table] });
    assert.equal(file.content, 'key,label,indent,a,a_kind,a_n,a_N,a_estimate,a_lower,a_upper,a_conflevel\r\nr,Rate,1,"25.0% (95% CI, 0.63–80.59)",proportion,1,4,0.25,0.0063,0.8059,0.95\r\n');
  });
});
