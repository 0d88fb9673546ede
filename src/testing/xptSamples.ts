import type { XptDataset, XptRow, XptVariable } from '../cdisc/index.js';

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

/** The created time of a transport file (`ddMMMyy:hh:mm:ss`, record 2) as a Date with those UTC fields. */
export function xptTimestampOf(bytes: Uint8Array): Date {
  const stamp = String.fromCharCode(...bytes.subarray(144, 160));
  const match = /^(\d\d)([A-Z]{3})(\d\d):(\d\d):(\d\d):(\d\d)$/.exec(stamp);
  if (match === null) throw new Error(`no transport timestamp at bytes 144-160: ${JSON.stringify(stamp)}`);
  const [, day, month, year, hour, minute, second] = match;
  return new Date(Date.UTC(2000 + Number(year), MONTHS.indexOf(month), Number(day), Number(hour), Number(minute), Number(second)));
}

/** A small seeded generator (splitmix32): reproducible test data without the clock or Math.random. */
function splitmix(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

const view = new DataView(new ArrayBuffer(8));

/**
 * A SYNTHETIC dataset of random values for round trips: doubles from random bit patterns across the whole IBM
 * range (2^-260 <= |x| < 2^252), integers, SAS dates, decimals, missing values, and printable ASCII text of random
 * length (leading blanks and quotes included; no trailing blanks, which SAS does not keep).
 */
export function randomXptDataset(seed: number, rowCount: number): XptDataset {
  const next = splitmix(seed);
  const unit = (): number => next() / 4294967296;
  const anyDouble = (): number => {
    for (;;) {
      view.setUint32(0, next());
      view.setUint32(4, next());
      const x = view.getFloat64(0);
      const magnitude = Math.abs(x);
      if (Number.isFinite(x) && magnitude >= 2 ** -260 && magnitude < 2 ** 252) return x;
    }
  };
  const text = (max: number): string => {
    const length = Math.floor(unit() * (max + 1));
    let out = '';
    for (let i = 0; i < length; i += 1) out += String.fromCharCode(0x20 + Math.floor(unit() * 95));
    return out.trimEnd();
  };
  const variables: XptVariable[] = [
    { name: 'ROWID', label: 'Row number', type: 'num', length: 8 },
    { name: 'BITS', label: 'Random bit pattern in IBM range', type: 'num', length: 8, format: 'BEST32.' },
    { name: 'COUNT', label: 'Integer', type: 'num', length: 8, format: '8.' },
    { name: 'ADT', label: 'Analysis date (SAS date)', type: 'num', length: 8, format: 'DATE9.' },
    { name: 'AVAL', label: 'Decimal with missing values', type: 'num', length: 8, format: '10.3' },
    { name: 'TINY', label: 'Magnitudes near 2^-260 and 2^252', type: 'num', length: 8 },
    { name: 'USUBJID', label: 'Unique Subject Identifier', type: 'char', length: 20 },
    { name: 'TERM', label: 'Free text up to 200 characters', type: 'char', length: 200 },
    { name: 'FLAG', label: 'Y or blank', type: 'char', length: 1 },
    { name: 'CODE', label: 'Short random text', type: 'char', length: 8, format: '$CHAR8.' },
  ];
  const rows: XptRow[] = [];
  for (let r = 0; r < rowCount; r += 1) {
    const edge = (unit() < 0.5 ? 2 ** -260 : 2 ** 251) * (1 + unit()) * (unit() < 0.5 ? -1 : 1);
    rows.push({
      ROWID: r + 1,
      BITS: anyDouble(),
      COUNT: Math.floor(unit() * 2 ** 40) - 2 ** 39,
      ADT: unit() < 0.1 ? null : Math.floor(unit() * 40000) - 5000,
      AVAL: unit() < 0.2 ? null : Math.round(unit() * 1e7) / 1000,
      TINY: edge,
      USUBJID: `SYN-${String(r + 1).padStart(6, '0')}`,
      TERM: unit() < 0.1 ? null : text(200),
      FLAG: unit() < 0.5 ? 'Y' : null,
      CODE: text(8),
    });
  }
  return { name: 'RANDOM', label: 'Random values (SYNTHETIC)', variables, rows };
}
