import { failure, issue, success, type Outcome } from '../../result/index.js';
import { decodeIbm } from './ibmFloat.js';
import { formatSasFormat } from './sasFormat.js';
import type { XptRow, XptValue, XptVariable } from './types.js';

/**
 * A small SAS transport v5 reader: for tests and for the conformance checker, which read back what a package
 * holds. It reads every member of a file. Text is decoded as Latin-1 and trailing blanks are dropped (SAS
 * semantics: a blank value reads as ''); every missing numeric value (`.`, `._`, `.A`..`.Z`) reads as null.
 *
 * Version 5 files do not store the number of rows: the last 80-byte record is padded with blanks, so when a
 * row is shorter than 80 bytes, trailing rows that are entirely blank and fit in that padding are taken as
 * padding (the format's own ambiguity; SAS and ReadStat resolve it the same way).
 */

export interface XptMember {
  readonly name: string;
  readonly label: string;
  /** Dataset type from the member header (blank in SDTM/ADaM files). */
  readonly type: string;
  readonly created: string;
  readonly modified: string;
  readonly variables: readonly XptVariable[];
  readonly rows: readonly XptRow[];
}

export interface XptFile {
  readonly sasVersion: string;
  readonly operatingSystem: string;
  readonly created: string;
  readonly modified: string;
  readonly members: readonly XptMember[];
}

const RECORD = 80;
const HEADER = 'HEADER RECORD*******';
const MEMBER_HEADER = `${HEADER}MEMBER  HEADER RECORD!!!!!!!`;

class XptFormatError extends Error {
  constructor(readonly offset: number, readonly expected: string, readonly found: string) {
    super(`${expected} at byte ${offset}`);
  }
}

function text(bytes: Uint8Array, from: number, to: number): string {
  let out = '';
  for (let i = from; i < to && i < bytes.length; i += 1) out += String.fromCharCode(bytes[i]);
  return out;
}

function u16(bytes: Uint8Array, at: number): number {
  return (bytes[at] << 8) | bytes[at + 1];
}

function u32(bytes: Uint8Array, at: number): number {
  return u16(bytes, at) * 65536 + u16(bytes, at + 2);
}

function expectHeader(bytes: Uint8Array, at: number, name: string): string {
  const found = text(bytes, at, at + RECORD);
  const prefix = `${HEADER}${name.padEnd(8)}HEADER RECORD!!!!!!!`;
  if (!found.startsWith(prefix)) throw new XptFormatError(at, `the ${name} header record`, found);
  return found;
}

function formatOf(name: string, width: number, decimals: number): string | undefined {
  const trimmed = name.trimEnd();
  if (trimmed === '' && width === 0) return undefined;
  return formatSasFormat({ name: trimmed, width, decimals });
}

function readNamestr(bytes: Uint8Array, at: number): { variable: XptVariable; position: number } {
  const ntype = u16(bytes, at);
  if (ntype !== 1 && ntype !== 2) throw new XptFormatError(at, 'a NAMESTR record with type 1 (num) or 2 (char)', String(ntype));
  const format = formatOf(text(bytes, at + 56, at + 64), u16(bytes, at + 64), u16(bytes, at + 66));
  const informat = formatOf(text(bytes, at + 72, at + 80), u16(bytes, at + 80), u16(bytes, at + 82));
  const variable: XptVariable = {
    name: text(bytes, at + 8, at + 16).trimEnd(),
    label: text(bytes, at + 16, at + 56).trimEnd(),
    type: ntype === 1 ? 'num' : 'char',
    length: u16(bytes, at + 4),
    ...(format === undefined ? {} : { format }),
    ...(informat === undefined ? {} : { informat }),
  };
  return { variable, position: u32(bytes, at + 84) };
}

function isBlank(bytes: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i += 1) if (bytes[i] !== 0x20) return false;
  return true;
}

function readValue(bytes: Uint8Array, at: number, variable: XptVariable): XptValue {
  if (variable.type === 'char') return text(bytes, at, at + variable.length).trimEnd();
  let source = bytes;
  let offset = at;
  if (variable.length < 8) {
    // a shortened numeric keeps the leading bytes of the IBM double
    source = new Uint8Array(8);
    source.set(bytes.subarray(at, at + variable.length));
    offset = 0;
  }
  const value = decodeIbm(source, offset);
  return typeof value === 'string' ? null : value;
}

function nextMemberAt(bytes: Uint8Array, from: number): number {
  for (let at = from; at + RECORD <= bytes.length; at += RECORD) {
    if (bytes[at] === 0x48 && text(bytes, at, at + MEMBER_HEADER.length) === MEMBER_HEADER) return at;
  }
  return bytes.length;
}

function readMember(bytes: Uint8Array, start: number): { member: XptMember; end: number } {
  const memberHeader = expectHeader(bytes, start, 'MEMBER');
  const namestrLength = Number(memberHeader.slice(74, 78));
  if (namestrLength !== 140 && namestrLength !== 136) throw new XptFormatError(start, 'a NAMESTR length of 140 (or 136)', memberHeader.slice(74, 78));
  expectHeader(bytes, start + RECORD, 'DSCRPTR');
  const info = text(bytes, start + 2 * RECORD, start + 3 * RECORD);
  const labelRecord = text(bytes, start + 3 * RECORD, start + 4 * RECORD);
  const namestrHeader = expectHeader(bytes, start + 4 * RECORD, 'NAMESTR');
  const count = Number(namestrHeader.slice(54, 58));
  let at = start + 5 * RECORD;
  const variables: XptVariable[] = [];
  const positions: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const { variable, position } = readNamestr(bytes, at + i * namestrLength);
    variables.push(variable);
    positions.push(position);
  }
  at += Math.ceil((count * namestrLength) / RECORD) * RECORD;
  expectHeader(bytes, at, 'OBS');
  const dataStart = at + RECORD;
  const dataEnd = nextMemberAt(bytes, dataStart);
  const rowLength = variables.reduce((sum, v) => sum + v.length, 0);
  const dataLength = dataEnd - dataStart;
  let rowCount = rowLength === 0 ? 0 : Math.floor(dataLength / rowLength);
  while (rowCount > 0 && dataLength - (rowCount - 1) * rowLength < RECORD && isBlank(bytes, dataStart + (rowCount - 1) * rowLength, dataStart + rowCount * rowLength)) rowCount -= 1;
  const rows: XptRow[] = [];
  for (let r = 0; r < rowCount; r += 1) {
    const base = dataStart + r * rowLength;
    const row: Record<string, XptValue> = {};
    variables.forEach((variable, i) => (row[variable.name] = readValue(bytes, base + positions[i], variable)));
    rows.push(row);
  }
  const member: XptMember = {
    name: info.slice(8, 16).trimEnd(),
    label: labelRecord.slice(32, 72).trimEnd(),
    type: labelRecord.slice(72, 80).trimEnd(),
    created: info.slice(64, 80),
    modified: labelRecord.slice(0, 16),
    variables,
    rows,
  };
  return { member, end: dataEnd };
}

/** Reads a SAS transport v5 file; a damaged or version 8 file returns an issue naming the byte offset. */
export function readXpt(bytes: Uint8Array): Outcome<XptFile> {
  try {
    if (bytes.length < 8 * RECORD || bytes.length % RECORD !== 0) {
      throw new XptFormatError(0, 'a SAS transport file: 80-byte records, at least 8 of them', `${bytes.length} bytes`);
    }
    const first = text(bytes, 0, RECORD);
    if (first.startsWith(`${HEADER}LIBV8`)) throw new XptFormatError(0, 'a version 5 transport file (this is version 8)', first);
    expectHeader(bytes, 0, 'LIBRARY');
    const library = text(bytes, RECORD, 2 * RECORD);
    const members: XptMember[] = [];
    let at = 3 * RECORD;
    while (at < bytes.length) {
      const { member, end } = readMember(bytes, at);
      members.push(member);
      at = end;
    }
    return success({
      sasVersion: library.slice(24, 32).trimEnd(),
      operatingSystem: library.slice(32, 40).trimEnd(),
      created: library.slice(64, 80),
      modified: text(bytes, 2 * RECORD, 2 * RECORD + 16),
      members,
    });
  } catch (error) {
    if (error instanceof XptFormatError) return failure([issue('bad-xpt', ['bytes', error.offset], error.found.trimEnd(), error.expected)]);
    throw error;
  }
}
