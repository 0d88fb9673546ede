import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { repoPath } from '../../testing/index.js';
import { xptDatasetFromDefine } from '../define/index.js';
import { bitsOf, expectedValue, visibleRowCount } from '../xpt/roundTripSupport.test.js';
import { createCdiscPackage, type CdiscPackage } from './createCdiscPackage.js';
import { FIXTURE_TRIALS } from './packageFixtures.test.js';

// The package read by a second, independent reader: pandas.read_sas reads every XPT file of the SDTM and ADaM
// packages of the fixture trials of both protocols (the trial design datasets TA, TE, TI, TS, TV among them) with
// the names, labels, row counts and values written. Needs Debian's python3-pandas (.ci/run installs it) and
// FAILS without it.

interface PandasFile {
  name: string;
  label: string;
  rows: number;
  columns: { name: string; label: string; type: 'numeric' | 'char'; values: (string | null)[] }[];
}

const python = '/usr/bin/python3';
/** pandas reads an IBM zero as 2^-260, the smallest IBM number (pandas issue 50670). */
const PANDAS_ZERO = bitsOf(2 ** -260);
/**
 * The rows pandas 1.5 finds in a member whose record is at most 80 bytes: its `_record_count` takes every 8-byte
 * all-blank word of the file's last 80 bytes for padding, even inside the last record, and so may drop real rows
 * (SUPPEX of the lesion-read fixture: 80-byte records, 129 rows written, 128 read; haven reads 129). The test holds
 * pandas to its own rule, so any other difference still fails.
 */
function pandasRowCount(file: Uint8Array, rowCount: number, rowLength: number): number {
  const dataLength = Math.ceil((rowCount * rowLength) / 80) * 80;
  if (rowLength > 80) return Math.floor(dataLength / rowLength);
  const last = file.subarray(file.length - 80);
  let blankWords = 0;
  for (let w = 0; w < 10; w += 1) if (last.subarray(w * 8, w * 8 + 8).every((b) => b === 0x20)) blankWords += 1;
  return Math.floor((dataLength - 8 * blankWords) / rowLength);
}

const OPTIONS = { creationDateTime: '2026-12-06T12:00:00', timestamp: new Date(Date.UTC(2026, 11, 6, 12)) };

for (const { name, make } of FIXTURE_TRIALS) {
  describe(`the CDISC package of the ${name} fixture trial, read by pandas`, () => {
    let dir = '';
    let problem = '';
    let pkg: CdiscPackage | undefined;
    before(() => {
      const { trial, protocol } = make();
      dir = mkdtempSync(join(tmpdir(), 'trialkit-cdisc-pandas-'));
      const built = createCdiscPackage(trial, protocol, OPTIONS);
      assert.ok(built.ok);
      pkg = built.value;
      for (const [path, bytes] of pkg.files) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), bytes);
      }
      for (const folder of ['sdtm', 'adam']) {
        const run = spawnSync(python, [repoPath('src/cdisc/xpt/fixtures/pandas-read.py'), join(dir, folder)], { encoding: 'utf8' });
        if (run.error !== undefined) problem ||= `${python} could not be run (${run.error.message}): apt-get install -y python3-pandas`;
        else if (run.status !== 0) problem ||= `pandas failed on ${folder} (exit ${String(run.status)}): ${run.stderr}`;
      }
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    it('pandas reads every file, the trial design datasets included, with its names, labels and every value', () => {
      assert.equal(problem, '', problem);
      assert.ok(pkg !== undefined);
      for (const design of ['TA', 'TE', 'TI', 'TS', 'TV']) assert.ok(pkg.sdtm.some((d) => d.define.name === design), design);
      let compared = 0;
      const dropped: string[] = [];
      for (const [folder, datasets] of [['sdtm', pkg.sdtm], ['adam', pkg.adam]] as const) {
        for (const dataset of datasets) {
          const xpt = xptDatasetFromDefine(dataset.define, dataset.rows);
          const pandas = JSON.parse(readFileSync(join(dir, folder, `${dataset.define.file}.pandas.json`), 'utf8')) as PandasFile;
          assert.deepEqual([pandas.name, pandas.label], [xpt.name, xpt.label], dataset.define.file);
          assert.deepEqual(pandas.columns.map((c) => [c.name, c.label, c.type]), xpt.variables.map((v) => [v.name, v.label, v.type === 'num' ? 'numeric' : 'char']), dataset.define.file);
          const rowLength = xpt.variables.reduce((sum, v) => sum + v.length, 0);
          const file = pkg.files.get(`${folder}/${dataset.define.file}`);
          assert.ok(file !== undefined);
          assert.equal(pandas.rows, pandasRowCount(file, xpt.rows.length, rowLength), `${dataset.define.file}: ${pandas.rows} rows read, ${xpt.rows.length} written`);
          const rows = Math.min(visibleRowCount(xpt), pandas.rows);
          if (pandas.rows < xpt.rows.length) dropped.push(`${folder}/${dataset.define.file} ${pandas.rows}/${xpt.rows.length}`);
          xpt.variables.forEach((variable, c) => {
            for (let r = 0; r < rows; r += 1) {
              const expected = expectedValue(xpt.rows[r][variable.name], variable.type);
              const want = expected === 0 ? PANDAS_ZERO : typeof expected === 'number' ? bitsOf(expected) : expected;
              assert.equal(pandas.columns[c].values[r], want, `${dataset.define.file} row ${r + 1} ${variable.name}`);
              compared += 1;
            }
          });
        }
      }
      assert.ok(compared > 2000, `${compared} values compared`);
      // Only the rows pandas's rule drops may be missing; haven (rPackageAnalysis.test.ts) reads them all.
      if (dropped.length > 0) console.log(`pandas read fewer rows (its padding rule): ${dropped.join(', ')}`);
    });
  });
}
