import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Issue } from '../../result/index.js';
import { createXpt } from './createXpt.js';
import { readXpt } from './readXpt.js';
import type { XptDataset } from './types.js';

const timestamp = new Date(Date.UTC(2026, 0, 5, 13, 4, 5));

const base: XptDataset = {
  name: 'AE',
  label: 'Adverse Events',
  variables: [
    { name: 'USUBJID', label: 'Unique Subject Identifier', type: 'char', length: 12 },
    { name: 'AESEQ', label: 'Sequence Number', type: 'num', length: 8 },
    { name: 'AETERM', label: 'Reported Term for the Adverse Event', type: 'char', length: 20 },
  ],
  rows: [{ USUBJID: 'S-001', AESEQ: 1, AETERM: 'NAUSEA' }],
};

function issuesOf(dataset: XptDataset): { code: string; path: readonly (string | number)[]; value: unknown; severity: string }[] {
  const out = createXpt(dataset, { timestamp });
  return out.issues.map((i: Issue) => ({ code: i.code, path: i.path, value: i.value, severity: i.severity }));
}

describe('createXpt', () => {
  it('lays out 80-byte records: headers, 140-byte namestrs, rows padded with blanks', () => {
    const out = createXpt(base, { timestamp });
    assert.ok(out.ok);
    const bytes = out.value;
    const text = (from: number, to: number): string => Buffer.from(bytes.subarray(from, to)).toString('latin1');
    assert.equal(bytes.length % 80, 0);
    assert.equal(text(0, 80), 'HEADER RECORD*******LIBRARY HEADER RECORD!!!!!!!000000000000000000000000000000  ');
    assert.equal(text(80, 160), `SAS     SAS     SASLIB  6.06    bsd4.2  ${' '.repeat(24)}05JAN26:13:04:05`);
    assert.equal(text(240, 320), 'HEADER RECORD*******MEMBER  HEADER RECORD!!!!!!!000000000000000001600000000140  ');
    assert.equal(text(400, 480).slice(0, 16), 'SAS     AE      ');
    assert.equal(text(480, 560), `05JAN26:13:04:05${' '.repeat(16)}${'Adverse Events'.padEnd(40)}${' '.repeat(8)}`);
    assert.equal(text(560, 640), 'HEADER RECORD*******NAMESTR HEADER RECORD!!!!!!!000000000300000000000000000000  ');
    // three namestrs (420 bytes) padded to 480, then the OBS header
    assert.equal(text(1120, 1200), 'HEADER RECORD*******OBS     HEADER RECORD!!!!!!!000000000000000000000000000000  ');
    // one row of 40 bytes, padded to 80 with blanks
    assert.equal(bytes.length, 1280);
    assert.equal(text(1200, 1212), 'S-001       ');
    assert.deepEqual([...bytes.subarray(1212, 1220)], [0x41, 0x10, 0, 0, 0, 0, 0, 0]);
    assert.equal(text(1220, 1280), `NAUSEA${' '.repeat(54)}`);
  });

  it('writes a missing number as . and seven zero bytes, missing text as blanks', () => {
    const out = createXpt({ ...base, rows: [{ USUBJID: null, AESEQ: null }] }, { timestamp });
    assert.ok(out.ok);
    assert.deepEqual([...out.value.subarray(1200, 1220)], [...new Array<number>(12).fill(0x20), 0x2e, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('refuses bad names, labels, types, lengths and formats, with the path of each', () => {
    const issues = issuesOf({
      name: 'adverse events',
      label: 'x'.repeat(41),
      variables: [
        { name: 'USUBJID', label: 'Sujet numéro', type: 'char', length: 12 },
        { name: '1ST', label: 'ok', type: 'num', length: 8 },
        { name: 'AESEQ', label: 'ok', type: 'num', length: 4 },
        { name: 'AETERM', label: 'ok', type: 'char', length: 201, format: 'DATE9.' },
        { name: 'USUBJID', label: 'ok', type: 'char', length: 1 },
        { name: 'AESTDT', label: 'ok', type: 'num', length: 8, format: 'date9' },
      ],
      rows: [],
    });
    assert.deepEqual(
      issues.map((i) => [i.code, i.path]),
      [
        ['bad-name', ['name']],
        ['label-too-long', ['label']],
        ['non-ascii', ['variables', 0, 'label']],
        ['bad-name', ['variables', 1, 'name']],
        ['bad-length', ['variables', 2, 'length']],
        ['bad-length', ['variables', 3, 'length']],
        ['format-type-mismatch', ['variables', 3, 'format']],
        ['duplicate-name', ['variables', 4, 'name']],
        ['bad-format', ['variables', 5, 'format']],
      ],
    );
    assert.equal(issues[2].value, 'Sujet numéro');
  });

  it('refuses non-ASCII, control characters, over-long text and non-numbers in the rows, naming row and variable', () => {
    // rows as they might arrive from JSON: the wrong types on purpose
    const rows = [
      { USUBJID: 'S-001', AESEQ: 1, AETERM: 'NAUSÉE' },
      { USUBJID: 'S-002', AESEQ: '2', AETERM: 'line\nbreak' },
      { USUBJID: 'S-003-TOO-LONG', AESEQ: NaN, AETERM: 'ok' },
      { USUBJID: 'S-004', AESEQ: Infinity, AETERM: 7 },
      { USUBJID: 'S-005', AESEQ: 1e80, AETERM: '天' },
    ] as unknown as XptDataset['rows'];
    const out = createXpt({ ...base, rows }, { timestamp });
    assert.equal(out.ok, false);
    assert.deepEqual(
      out.issues.map((i) => [i.code, i.path, i.value]),
      [
        ['non-ascii', ['rows', 0, 'AETERM'], 'NAUSÉE'],
        ['not-a-number', ['rows', 1, 'AESEQ'], '2'],
        ['non-ascii', ['rows', 1, 'AETERM'], 'line\nbreak'],
        ['value-too-long', ['rows', 2, 'USUBJID'], 'S-003-TOO-LONG'],
        ['not-finite', ['rows', 2, 'AESEQ'], NaN],
        ['not-finite', ['rows', 3, 'AESEQ'], Infinity],
        ['not-text', ['rows', 3, 'AETERM'], 7],
        ['ibm-overflow', ['rows', 4, 'AESEQ'], 1e80],
        ['non-ascii', ['rows', 4, 'AETERM'], '天'],
      ],
    );
    assert.match(out.issues[0].expected, /character 5 is U\+00C9/);
  });

  it('writes a number below the IBM range as 0 with a warning', () => {
    const out = createXpt({ ...base, rows: [{ USUBJID: 'S-001', AESEQ: 1e-300 }] }, { timestamp });
    assert.ok(out.ok);
    assert.deepEqual(out.issues.map((i) => [i.code, i.severity, i.path]), [['ibm-underflow', 'warning', ['rows', 0, 'AESEQ']]]);
    const back = readXpt(out.value);
    assert.ok(back.ok);
    assert.equal(back.value.members[0].rows[0].AESEQ, 0);
  });

  it('lists at most 1000 value issues and counts the rest', () => {
    const rows = Array.from({ length: 1500 }, () => ({ USUBJID: 'é' }));
    const out = createXpt({ ...base, rows }, { timestamp });
    assert.equal(out.ok, false);
    assert.equal(out.issues.length, 1001);
    assert.deepEqual([out.issues[1000].code, out.issues[1000].value], ['too-many-issues', 1500]);
  });

  it('writes an empty dataset (headers only) and refuses an invalid timestamp', () => {
    const out = createXpt({ ...base, rows: [] }, { timestamp });
    assert.ok(out.ok);
    assert.equal(out.value.length, 1200);
    const bad = createXpt(base, { timestamp: new Date(NaN) });
    assert.deepEqual(bad.issues.map((i) => i.code), ['bad-timestamp']);
  });
});
