import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomXptDataset, repoPath } from '../../testing/index.js';
import { createXpt } from './createXpt.js';
import type { XptDataset, XptValue } from './types.js';

// Shared by the round-trip tests through R's haven and pandas (a .test.ts file so that it stays out of the
// package; it declares no tests of its own).

export const roundTripTimestamp = new Date(Date.UTC(2026, 11, 6, 12, 0, 0));

/** The fixtures' inputs plus a random dataset, as trialkit writes them, into `dir`: file name -> dataset. */
export function writeRoundTripFiles(dir: string): Map<string, XptDataset> {
  const fixtures = repoPath('src/cdisc/xpt/fixtures');
  const datasets = new Map<string, XptDataset>();
  for (const file of readdirSync(fixtures).filter((f) => f.endsWith('.input.json')).sort()) {
    datasets.set(file.replace('.input.json', '.xpt'), JSON.parse(readFileSync(join(fixtures, file), 'utf8')) as XptDataset);
  }
  datasets.set('random.xpt', randomXptDataset(7, 3000));
  for (const [file, dataset] of datasets) {
    const out = createXpt(dataset, { timestamp: roundTripTimestamp });
    if (!out.ok) throw new Error(`${file}: ${JSON.stringify(out.issues.slice(0, 3))}`);
    writeFileSync(join(dir, file), out.value);
  }
  return datasets;
}

/** The value a reader should see for what was written: blanks as '', -0 and IBM underflows as 0. */
export function expectedValue(value: XptValue | undefined, type: 'char' | 'num'): XptValue {
  if (type === 'char') return typeof value === 'string' ? value.trimEnd() : '';
  if (typeof value !== 'number') return null;
  return Math.abs(value) < 2 ** -260 ? 0 : value;
}

/** The 16 hex digits of a double's IEEE bits, big-endian, as the R and Python scripts print them. */
export function bitsOf(value: number): string {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  return [...new Uint8Array(view.buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The rows the reader should see: a transport file cannot tell trailing blank rows from padding (readXpt.ts). */
export function visibleRowCount(dataset: XptDataset): number {
  const rowLength = dataset.variables.reduce((sum, v) => sum + v.length, 0);
  const padded = Math.ceil((dataset.rows.length * rowLength) / 80) * 80;
  let count = dataset.rows.length;
  const blank = (r: number): boolean => dataset.variables.every((v) => v.type === 'char' && expectedValue(dataset.rows[r][v.name], 'char') === '');
  while (count > 0 && padded - (count - 1) * rowLength < 80 && blank(count - 1)) count -= 1;
  return count;
}
