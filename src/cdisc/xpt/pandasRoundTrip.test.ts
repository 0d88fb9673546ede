import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { repoPath } from '../../testing/index.js';
import { parseSasFormat } from './sasFormat.js';
import { bitsOf, expectedValue, visibleRowCount, writeRoundTripFiles } from './roundTripSupport.test.js';
import type { XptDataset } from './types.js';

// trialkit's files read by a second, independent reader: pandas.read_sas(format="xport"), Debian's
// python3-pandas under Debian's /usr/bin/python3 (.ci/run installs it). FAILS, not skips, without it.

interface PandasColumn {
  name: string;
  label: string;
  format: string;
  formatWidth: number;
  formatDecimals: number;
  type: 'numeric' | 'char';
  length: number;
  values: (string | null)[];
}
interface PandasFile {
  name: string;
  label: string;
  rows: number;
  columns: PandasColumn[];
}

const python = '/usr/bin/python3';
/** pandas reads an IBM zero as 2^-260, the smallest IBM number (pandas issue 50670, open in pandas 1.5-2.x). */
const PANDAS_ZERO = bitsOf(2 ** -260);

describe('XPT round trip through pandas.read_sas', () => {
  let dir = '';
  let datasets = new Map<string, XptDataset>();
  let problem = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'trialkit-xpt-pandas-'));
    datasets = writeRoundTripFiles(dir);
    const run = spawnSync(python, [repoPath('src/cdisc/xpt/fixtures/pandas-read.py'), dir], { encoding: 'utf8' });
    if (run.error !== undefined) problem = `${python} could not be run (${run.error.message}): apt-get install -y python3-pandas`;
    else if (run.status !== 0) problem = `pandas failed (exit ${String(run.status)}; apt-get install -y python3-pandas): ${run.stderr}`;
  });
  after(() => rmSync(dir, { recursive: true, force: true }));
  /** Each test fails, never skips, when pandas could not read the files. */
  const requirePandas = (): void => assert.equal(problem, '', problem);

  it('reads member name and label, and each variable name, label, type, length and format', () => {
    requirePandas();
    for (const [file, dataset] of datasets) {
      const pandas = JSON.parse(readFileSync(join(dir, `${file}.pandas.json`), 'utf8')) as PandasFile;
      assert.deepEqual([pandas.name, pandas.label], [dataset.name, dataset.label], file);
      assert.deepEqual(
        pandas.columns.map((c) => [c.name, c.label, c.type, c.length, c.format, c.formatWidth, c.formatDecimals]),
        dataset.variables.map((v) => {
          const format = v.format === undefined ? { name: '', width: 0, decimals: 0 } : parseSasFormat(v.format);
          return [v.name, v.label, v.type === 'num' ? 'numeric' : 'char', v.length, format?.name, format?.width, format?.decimals];
        }),
        file,
      );
    }
  });

  it('reads every value back exactly (zeros aside, which pandas misreads as 2^-260)', () => {
    requirePandas();
    let compared = 0;
    let zeros = 0;
    for (const [file, dataset] of datasets) {
      const pandas = JSON.parse(readFileSync(join(dir, `${file}.pandas.json`), 'utf8')) as PandasFile;
      assert.ok(pandas.rows >= visibleRowCount(dataset), `${file}: ${pandas.rows} rows`);
      dataset.variables.forEach((variable, c) => {
        for (let r = 0; r < visibleRowCount(dataset); r += 1) {
          const expected = expectedValue(dataset.rows[r][variable.name], variable.type);
          const got = pandas.columns[c].values[r];
          if (expected === 0) {
            zeros += 1;
            assert.equal(got, PANDAS_ZERO, `${file} row ${r} ${variable.name}`);
          } else {
            assert.equal(got, typeof expected === 'number' ? bitsOf(expected) : expected, `${file} row ${r} ${variable.name}`);
          }
          compared += 1;
        }
      });
    }
    assert.ok(compared > 30000 && zeros > 0, `${compared} values compared, ${zeros} zeros`);
  });
});
