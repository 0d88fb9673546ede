import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { clopperPearsonKernel, computeKaplanMeier, computeSurvivalQuantiles } from '../../stats/index.js';
import { repoPath } from '../../testing/index.js';
import { bitsOf, expectedValue } from '../xpt/roundTripSupport.test.js';
import type { XptRow } from '../xpt/index.js';
import { createCdiscPackage, type CdiscPackage } from './createCdiscPackage.js';
import { FIXTURE_TRIALS } from './packageFixtures.test.js';

// The package as a regulator's reviewer reads it: R's haven reads every XPT file of both packages (SDTM and
// ADaM) of the fixture trials of both protocols, value by value, and package-analysis.R recomputes from the
// files alone the headline numbers (ORR of the first evaluator over the full analysis set, Kaplan-Meier medians
// of every ADTTE parameter) and checks ADSL.TRTSDT against DM.RFXSTDTC. trialkit's own numbers come from the
// same rows through its statistics. Needs Rscript with haven, survival and jsonlite (.ci/run installs them) and
// FAILS without them: a reader check that silently skipped would prove nothing.

interface HavenColumn {
  name: string;
  class: string;
  values: (string | null)[];
}
interface HavenFile {
  file: string;
  label: string | null;
  rows: number;
  columns: HavenColumn[];
}
interface RAnalysis {
  files: Record<string, { rows: number; names: string[]; label: string }>;
  trtsdtMismatches: string[];
  subjectsCompared: number;
  orr: { responders: number; n: number; lower: number; upper: number };
  medians: Record<string, { n: number; events: number; median: number | null }>;
}

const OPTIONS = { creationDateTime: '2026-12-06T12:00:00', timestamp: new Date(Date.UTC(2026, 11, 6, 12)) };

function run(script: string, args: readonly string[]): string {
  const result = spawnSync('Rscript', [repoPath(script), ...args], { encoding: 'utf8' });
  if (result.error !== undefined) return `Rscript could not be run (${result.error.message}): apt-get install -y r-base-core r-cran-haven r-cran-survival r-cran-jsonlite`;
  if (result.status !== 0) return `Rscript ${script} failed (exit ${String(result.status)}): ${result.stderr}`;
  return '';
}

function rowsOf(pkg: CdiscPackage, name: string): readonly XptRow[] {
  return [...pkg.sdtm, ...pkg.adam].find((d) => d.define.name === name)?.rows ?? [];
}

for (const { name, make } of FIXTURE_TRIALS) {
  describe(`the CDISC package of the ${name} fixture trial, read by R (haven, survival)`, () => {
    const { trial, protocol } = make();
    const flag = protocol.analysisSets.find((s) => s.flag === 'FASFL')?.flag ?? protocol.analysisSets[0].flag;
    const evaluator = protocol.response.evaluators[0].id;
    let dir = '';
    let problem = '';
    let pkg: CdiscPackage | undefined;
    before(() => {
      dir = mkdtempSync(join(tmpdir(), 'trialkit-cdisc-r-'));
      const built = createCdiscPackage(trial, protocol, OPTIONS);
      assert.ok(built.ok);
      pkg = built.value;
      for (const [path, bytes] of pkg.files) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), bytes);
      }
      problem =
        run('src/cdisc/xpt/fixtures/haven-read.R', [join(dir, 'sdtm')]) || run('src/cdisc/xpt/fixtures/haven-read.R', [join(dir, 'adam')]) || run('src/cdisc/package/fixtures/package-analysis.R', [dir, flag, evaluator]);
    });
    after(() => rmSync(dir, { recursive: true, force: true }));
    const analysis = (): RAnalysis => {
      assert.equal(problem, '', problem);
      return JSON.parse(readFileSync(join(dir, 'r-analysis.json'), 'utf8')) as RAnalysis;
    };

    it('haven reads every file with its row count, names and label', () => {
      const r = analysis();
      assert.ok(pkg !== undefined);
      const written = [...pkg.files.keys()].filter((f) => f.endsWith('.xpt')).sort();
      // CM (prior and subsequent anticancer therapy, partial dates as text) and its SUPPCM are among them.
      assert.ok(written.includes('sdtm/cm.xpt') && written.includes('sdtm/suppcm.xpt'), written.join(', '));
      assert.deepEqual(Object.keys(r.files).sort(), written);
      for (const [base, datasets] of [['sdtm', pkg.sdtm], ['adam', pkg.adam]] as const) {
        for (const dataset of datasets) {
          const file = r.files[`${base}/${dataset.define.file}`];
          assert.equal(file.rows, dataset.rows.length, dataset.define.name);
          assert.deepEqual(file.names, dataset.define.variables.map((v) => v.name), dataset.define.name);
          assert.equal(file.label, dataset.define.label);
        }
      }
    });

    it('haven reads every value back as written (numbers bit for bit, SAS dates as the same days)', () => {
      analysis();
      assert.ok(pkg !== undefined);
      let compared = 0;
      for (const [base, datasets] of [['sdtm', pkg.sdtm], ['adam', pkg.adam]] as const) {
        for (const dataset of datasets) {
          const haven = JSON.parse(readFileSync(join(dir, base, `${dataset.define.file}.haven.json`), 'utf8')) as HavenFile;
          dataset.define.variables.forEach((variable, c) => {
            const type = variable.dataType === 'integer' || variable.dataType === 'float' ? 'num' : 'char';
            assert.equal(haven.columns[c].class, variable.displayFormat === 'DATE9.' ? 'Date' : type === 'num' ? 'numeric' : 'character', `${dataset.define.name}.${variable.name}`);
            dataset.rows.forEach((row, r) => {
              const expected = expectedValue(row[variable.name], type);
              const want = typeof expected === 'number' ? bitsOf(expected === 0 ? 0 : expected) : expected;
              assert.equal(haven.columns[c].values[r], want, `${dataset.define.name} row ${r + 1} ${variable.name}`);
              compared += 1;
            });
          });
        }
      }
      assert.ok(compared > 2000, `${compared} values compared`);
    });

    it("R finds ADSL's TRTSDT equal to DM's RFXSTDTC for every subject", () => {
      const r = analysis();
      assert.ok(pkg !== undefined);
      assert.equal(r.subjectsCompared, rowsOf(pkg, 'ADSL').length);
      assert.ok(r.subjectsCompared >= 5);
      assert.deepEqual(r.trtsdtMismatches, []);
    });

    it(`R reproduces the ORR of ${evaluator} over ${flag} and trialkit's Clopper-Pearson interval from the XPT files`, () => {
      const r = analysis();
      assert.ok(pkg !== undefined);
      const inSet = new Set(rowsOf(pkg, 'ADSL').filter((row) => row[flag] === 'Y').map((row) => row.USUBJID));
      const responders = rowsOf(pkg, 'ADRS').filter((row) => row.PARAMCD === 'BOR' && row.EVAL === evaluator && inSet.has(row.USUBJID) && row.RSPFL === 'Y').length;
      assert.deepEqual([r.orr.responders, r.orr.n], [responders, inSet.size]);
      assert.ok(responders > 0 && responders < inSet.size, `${responders}/${inSet.size}: the fixture has responders and non-responders`);
      const ci = clopperPearsonKernel(responders, inSet.size, 0.95);
      // binom.test and trialkit both invert the beta distribution: closed form, 1e-9 relative.
      assert.ok(Math.abs(ci.lower - r.orr.lower) <= 1e-9 * r.orr.lower, `lower ${ci.lower} vs R ${r.orr.lower}`);
      assert.ok(Math.abs(ci.upper - r.orr.upper) <= 1e-9 * r.orr.upper, `upper ${ci.upper} vs R ${r.orr.upper}`);
    });

    it("R's survfit medians of every ADTTE parameter equal trialkit's Kaplan-Meier medians of the same rows", () => {
      const r = analysis();
      assert.ok(pkg !== undefined);
      const adtte = rowsOf(pkg, 'ADTTE');
      const params = [...new Set(adtte.map((row) => String(row.PARAMCD)))].sort();
      assert.deepEqual(Object.keys(r.medians).sort(), params);
      let reached = 0;
      for (const param of params) {
        const rows = adtte.filter((row) => row.PARAMCD === param);
        const curve = computeKaplanMeier({ time: rows.map((row) => Number(row.AVAL)), status: rows.map((row) => (row.CNSR === 0 ? 1 : 0)) });
        assert.ok(curve.ok);
        const quantiles = computeSurvivalQuantiles(curve.value, [0.5]);
        assert.ok(quantiles.ok);
        const median = quantiles.value[0].estimate;
        assert.deepEqual([r.medians[param].n, r.medians[param].events, r.medians[param].median], [rows.length, rows.filter((row) => row.CNSR === 0).length, median], param);
        if (median !== null) reached += 1;
      }
      assert.ok(reached >= 1, 'at least one median is reached, so the comparison is not only of "not reached"');
    });
  });
}
