import { failure, issue, success, type Issue, type Outcome } from '../../result/index.js';
import { encodeIbm } from './ibmFloat.js';
import { validateXptMetadata, type CheckedVariable } from './validateXptMetadata.js';
import type { SasFormat, XptDataset, XptWriteOptions } from './types.js';

/**
 * SAS transport (XPORT) version 5, the file format the FDA, PMDA and NMPA accept for SDTM and ADaM datasets,
 * after SAS TS-140 "Record layout of a SAS version 5 or 6 data set in SAS transport (XPORT) format". Layout:
 * 80-byte records; a library header, a member header with its descriptor, the dataset name and label, one
 * 140-byte NAMESTR per variable, an OBS header, then the rows back to back; each section padded with blanks to
 * a multiple of 80 bytes. Numbers are IBM doubles (ibmFloat.ts); missing numbers are `.` followed by 7 zero
 * bytes; text is ASCII padded with blanks. The header fields that name the producing software ("SAS", "6.06",
 * "bsd4.2") are those that R's haven (ReadStat) writes, so the two writers produce the same bytes.
 */

const RECORD = 80;
const NAMESTR = 140;
const SPACE = 0x20;
/** Value issues beyond this many are counted, not listed, so a bad million-row dataset stays a short report. */
const MAX_VALUE_ISSUES = 1000;
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

function padded(size: number): number {
  return Math.ceil(size / RECORD) * RECORD;
}

class Cursor {
  at = 0;
  constructor(readonly out: Uint8Array) {}
  ascii(text: string, width: number): void {
    for (let i = 0; i < width; i += 1) this.out[this.at + i] = i < text.length ? text.charCodeAt(i) : SPACE;
    this.at += width;
  }
  u16(value: number): void {
    this.out[this.at] = (value >>> 8) & 0xff;
    this.out[this.at + 1] = value & 0xff;
    this.at += 2;
  }
  u32(value: number): void {
    this.u16(Math.floor(value / 65536) & 0xffff);
    this.u16(value & 0xffff);
  }
  zeros(width: number): void {
    this.out.fill(0, this.at, this.at + width);
    this.at += width;
  }
  /** Blank-pads to the end of the current 80-byte record. */
  finishRecord(): void {
    const rest = this.at % RECORD;
    if (rest !== 0) this.ascii('', RECORD - rest);
  }
  record(text: string): void {
    this.ascii(text, RECORD);
  }
  header(name: string, numbers: readonly number[] = [0, 0, 0, 0, 0, 0]): void {
    const digits = numbers.map((n) => String(n).padStart(5, '0')).join('');
    this.record(`HEADER RECORD*******${name.padEnd(8)}HEADER RECORD!!!!!!!${digits}`);
  }
}

/** `ddMMMyy:hh:mm:ss` from the UTC fields of a date, as the transport headers hold it. */
export function formatXptTimestamp(date: Date): string {
  const two = (n: number): string => String(n % 100).padStart(2, '0');
  return `${two(date.getUTCDate())}${MONTHS[date.getUTCMonth()]}${two(date.getUTCFullYear())}:${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}`;
}

function writeNamestr(cursor: Cursor, checked: CheckedVariable, index: number): void {
  const { variable } = checked;
  const format: SasFormat = checked.format ?? { name: '', width: 0, decimals: 0 };
  const informat: SasFormat = checked.informat ?? { name: '', width: 0, decimals: 0 };
  cursor.u16(variable.type === 'num' ? 1 : 2); // ntype
  cursor.u16(0); // nhfun
  cursor.u16(variable.length); // nlng
  cursor.u16(index + 1); // nvar0
  cursor.ascii(variable.name, 8);
  cursor.ascii(variable.label, 40);
  cursor.ascii(format.name, 8);
  cursor.u16(format.width);
  cursor.u16(format.decimals);
  cursor.u16(variable.type === 'num' ? 1 : 0); // nfj: numbers right-justified, text left (as SAS displays them)
  cursor.zeros(2); // nfill
  cursor.ascii(informat.name, 8);
  cursor.u16(informat.width);
  cursor.u16(informat.decimals);
  cursor.u32(checked.offset); // npos
  cursor.zeros(52); // rest: unused in version 5
}

function writeHeaders(cursor: Cursor, dataset: XptDataset, variables: readonly CheckedVariable[], stamp: string): void {
  cursor.header('LIBRARY');
  cursor.record(`${'SAS'.padEnd(8)}${'SAS'.padEnd(8)}${'SASLIB'.padEnd(8)}${'6.06'.padEnd(8)}${'bsd4.2'.padEnd(8)}${''.padEnd(24)}${stamp}`);
  cursor.record(stamp);
  cursor.header('MEMBER', [0, 0, 0, 160, 0, NAMESTR]);
  cursor.header('DSCRPTR');
  cursor.record(`${'SAS'.padEnd(8)}${dataset.name.padEnd(8)}${'SASDATA'.padEnd(8)}${'6.06'.padEnd(8)}${'bsd4.2'.padEnd(8)}${''.padEnd(24)}${stamp}`);
  cursor.record(`${stamp}${''.padEnd(16)}${dataset.label.padEnd(40)}${''.padEnd(8)}`);
  cursor.header('NAMESTR', [0, variables.length, 0, 0, 0, 0]);
  variables.forEach((checked, index) => writeNamestr(cursor, checked, index));
  cursor.finishRecord();
  cursor.header('OBS');
}

interface ValueIssues {
  list: Issue[];
  count: number;
  errors: number;
}

function report(sink: ValueIssues, item: Issue): void {
  sink.count += 1;
  if (item.severity === 'error') sink.errors += 1;
  if (sink.list.length < MAX_VALUE_ISSUES) sink.list.push(item);
}

function writeText(out: Uint8Array, at: number, value: unknown, checked: CheckedVariable, row: number, sink: ValueIssues): void {
  if (value === null || value === undefined) return; // the row is pre-filled with blanks
  const { name, length } = checked.variable;
  if (typeof value !== 'string') {
    report(sink, issue('not-text', ['rows', row, name], value, `a string or null for the char variable ${name}`));
    return;
  }
  if (value.length > length) {
    report(sink, issue('value-too-long', ['rows', row, name], value, `at most ${length} characters (the length of ${name}); has ${value.length}`));
    return;
  }
  for (let i = 0; i < value.length; i += 1) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code > 0x7e) {
      const hex = code.toString(16).toUpperCase().padStart(4, '0');
      report(sink, issue('non-ascii', ['rows', row, name], value, `printable ASCII only (SAS v5 transport, FDA); character ${i + 1} is U+${hex}`));
      return;
    }
    out[at + i] = code;
  }
}

function writeNumber(out: Uint8Array, at: number, value: unknown, checked: CheckedVariable, row: number, sink: ValueIssues): void {
  if (value === null || value === undefined) {
    out[at] = 0x2e; // SAS missing '.'
    for (let i = 1; i < 8; i += 1) out[at + i] = 0;
    return;
  }
  const { name } = checked.variable;
  if (typeof value !== 'number') {
    report(sink, issue('not-a-number', ['rows', row, name], value, `a number or null for the num variable ${name}`));
    return;
  }
  const status = encodeIbm(value, out, at);
  if (status === 'ok') return;
  if (status === 'underflow') {
    report(sink, issue('ibm-underflow', ['rows', row, name], value, 'a magnitude of at least 2^-260 (5.4e-79), the smallest IBM double; written as 0', 'warning'));
  } else if (status === 'overflow') {
    report(sink, issue('ibm-overflow', ['rows', row, name], value, 'a magnitude below 2^252 (7.2e75), the largest IBM double'));
  } else {
    report(sink, issue('not-finite', ['rows', row, name], value, 'a finite number (null for a missing value)'));
  }
}

function writeRows(out: Uint8Array, start: number, rowLength: number, dataset: XptDataset, variables: readonly CheckedVariable[], sink: ValueIssues): void {
  const rows = dataset.rows;
  for (let r = 0; r < rows.length; r += 1) {
    const row = rows[r] as unknown;
    const base = start + r * rowLength;
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      report(sink, issue('bad-row', ['rows', r], row, 'an object of variable name -> value'));
      continue;
    }
    const record = row as Record<string, unknown>;
    for (const checked of variables) {
      const value = record[checked.variable.name];
      if (checked.variable.type === 'num') writeNumber(out, base + checked.offset, value, checked, r, sink);
      else writeText(out, base + checked.offset, value, checked, r, sink);
    }
  }
}

/**
 * Writes a dataset as a SAS transport v5 file. Every name, label, length, format and value is checked first
 * or as it is encoded; any error returns the issues (paths such as ['variables', 3, 'label'] or
 * ['rows', 12, 'AESTDTC']) and no bytes, never a file that SAS or a validator would misread. Warnings (a
 * number too small for IBM, written as 0) come back with the bytes.
 */
export function createXpt(dataset: XptDataset, options: XptWriteOptions): Outcome<Uint8Array> {
  const { variables, rowLength, issues } = validateXptMetadata(dataset);
  if (!(options.timestamp instanceof Date) || Number.isNaN(options.timestamp.getTime())) {
    issues.push(issue('bad-timestamp', ['options', 'timestamp'], options.timestamp, 'a valid Date to stamp in the headers'));
  }
  if (issues.some((i) => i.severity === 'error')) return failure(issues);

  const stamp = formatXptTimestamp(options.timestamp);
  const headerBytes = RECORD * 8 + padded(NAMESTR * variables.length) + RECORD;
  const dataBytes = dataset.rows.length * rowLength;
  const out = new Uint8Array(headerBytes + padded(dataBytes));
  const cursor = new Cursor(out);
  writeHeaders(cursor, dataset, variables, stamp);
  out.fill(SPACE, headerBytes); // blank text and the final padding; numbers overwrite their 8 bytes

  const sink: ValueIssues = { list: [], count: 0, errors: 0 };
  writeRows(out, headerBytes, rowLength, dataset, variables, sink);
  const all = [...issues, ...sink.list];
  if (sink.count > sink.list.length) {
    all.push(issue('too-many-issues', ['rows'], sink.count, `${sink.count} value issues in all; the first ${sink.list.length} are listed`, sink.errors > 0 ? 'error' : 'warning'));
  }
  return sink.errors > 0 ? failure(all) : success(out, all);
}
