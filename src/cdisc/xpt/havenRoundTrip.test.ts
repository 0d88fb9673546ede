import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { repoPath } from '../../testing/index.js';
import { isoFromSasDate } from './sasDate.js';
import { bitsOf, expectedValue, visibleRowCount, writeRoundTripFiles } from './roundTripSupport.test.js';
import type { XptDataset } from './types.js';

// trialkit's files read by R's haven::read_xpt: same names, labels, formats, types and values. This test needs
// Rscript with haven and jsonlite (apt-get install -y r-base-core r-cran-haven r-cran-jsonlite; .ci/run installs
// them) and FAILS without them: a reader check that silently skipped would prove nothing.

interface HavenColumn {
  name: string;
  label: string | null;
  format: string | null;
  class: string;
  values: (string | null)[];
  iso?: (string | null)[];
}
interface HavenFile {
  file: string;
  label: string | null;
  rows: number;
  columns: HavenColumn[];
}

/** haven reports a SAS format without its trailing period: DATE9. -> DATE9, 8.2 -> 8.2. */
function havenFormat(format: string | undefined): string | null {
  if (format === undefined) return null;
  return format.endsWith('.') ? format.slice(0, -1) : format;
}

/** The R class haven gives a numeric column from its SAS format. */
function havenClass(format: string | undefined): string {
  const name = (format ?? '').replace(/\d*\.\d*$/, '');
  if (['DATE', 'E8601DA', 'YYMMDD', 'MMDDYY', 'DDMMYY'].includes(name)) return 'Date';
  if (['DATETIME', 'E8601DT'].includes(name)) return 'POSIXct';
  if (['TIME', 'E8601TM', 'HHMM'].includes(name)) return 'hms';
  return 'numeric';
}

describe('XPT round trip through R haven::read_xpt', () => {
  let dir = '';
  let datasets = new Map<string, XptDataset>();
  let problem = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'trialkit-xpt-haven-'));
    datasets = writeRoundTripFiles(dir);
    const run = spawnSync('Rscript', [repoPath('src/cdisc/xpt/fixtures/haven-read.R'), dir], { encoding: 'utf8' });
    if (run.error !== undefined) problem = `Rscript could not be run (${run.error.message}): apt-get install -y r-base-core r-cran-haven r-cran-jsonlite`;
    else if (run.status !== 0) problem = `Rscript failed (exit ${String(run.status)}): ${run.stderr}`;
  });
  after(() => rmSync(dir, { recursive: true, force: true }));
  /** Each test fails, never skips, when R could not read the files. */
  const requireR = (): void => assert.equal(problem, '', problem);

  it('reads every file, with its label, row count, variable names, labels, formats and classes', () => {
    requireR();
    assert.ok(datasets.size >= 7);
    for (const [file, dataset] of datasets) {
      const haven = JSON.parse(readFileSync(join(dir, `${file}.haven.json`), 'utf8')) as HavenFile;
      assert.equal(haven.label, dataset.label, file);
      assert.equal(haven.rows, visibleRowCount(dataset), file);
      assert.deepEqual(
        haven.columns.map((c) => [c.name, c.label ?? '', c.format, c.class]),
        dataset.variables.map((v) => [v.name, v.label, havenFormat(v.format), v.type === 'char' ? 'character' : havenClass(v.format)]),
        file,
      );
    }
  });

  it('reads every value back exactly (numbers bit for bit, text character for character)', () => {
    requireR();
    let compared = 0;
    for (const [file, dataset] of datasets) {
      const haven = JSON.parse(readFileSync(join(dir, `${file}.haven.json`), 'utf8')) as HavenFile;
      dataset.variables.forEach((variable, c) => {
        const column = haven.columns[c];
        for (let r = 0; r < haven.rows; r += 1) {
          const expected = expectedValue(dataset.rows[r][variable.name], variable.type);
          const got = column.values[r];
          const want = typeof expected === 'number' ? bitsOf(expected === 0 ? 0 : expected) : expected;
          assert.equal(got, want, `${file} row ${r} ${variable.name}: written ${String(expected)}`);
          compared += 1;
        }
      });
    }
    assert.ok(compared > 30000, `${compared} values compared`);
  });

  it('agrees on SAS dates: haven turns day numbers into the same calendar dates', () => {
    requireR();
    const haven = JSON.parse(readFileSync(join(dir, 'dm.xpt.haven.json'), 'utf8')) as HavenFile;
    const brthdt = haven.columns.find((c) => c.name === 'BRTHDT');
    assert.deepEqual(brthdt?.iso, ['1959-12-31', '1960-01-01', null, '2022-12-01']);
    const random = JSON.parse(readFileSync(join(dir, 'random.xpt.haven.json'), 'utf8')) as HavenFile;
    const dataset = datasets.get('random.xpt');
    const adt = random.columns.find((c) => c.name === 'ADT');
    assert.ok(dataset !== undefined && adt?.iso !== undefined);
    dataset.rows.forEach((row, r) => {
      const day = row.ADT;
      assert.equal(adt.iso?.[r], typeof day === 'number' ? isoFromSasDate(day) : null, `row ${r}`);
    });
  });
});
