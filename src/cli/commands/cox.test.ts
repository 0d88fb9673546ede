import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { main } from '../main.js';
import { assertClose, cliRecorder, repoPath } from '../../testing/index.js';

interface FixtureCase {
  label: string;
  ties: 'efron' | 'breslow';
  confLevel: number;
  data: { time: number[]; status: number[]; terms: string[]; covariates: Record<string, number[]>; strata: string[] | null };
  expected: {
    coef: (number | null)[];
    hr: (number | null)[];
    se: (number | null)[];
    lower: (number | null)[];
    upper: (number | null)[];
    p: (number | null)[];
    loglik: [number, number];
    lrTest: { chisq: number; df: number; p: number };
    waldTest: { chisq: number; df: number; p: number };
    scoreTest: { chisq: number; df: number; p: number };
  };
}

interface CoxJson {
  coefficients: { term: string; coef: number | null; hr: number | null; se: number | null; lower: number | null; upper: number | null; p: number | null; reason: string | null }[];
  logLik: [number, number];
  lrTest: { chisq: number; df: number; p: number };
  waldTest: { chisq: number; df: number; p: number };
  scoreTest: { chisq: number; df: number; p: number };
  n: number;
  events: number;
  omitted: number;
  eventValue: string;
  statusCoding: string;
  covariates: { column: string; kind: string; levels?: string[]; reference?: string; terms: string[] }[];
  warnings: { code: string }[];
}

const cases = (JSON.parse(readFileSync(repoPath('src/stats/cox/fixtures/coxph.json'), 'utf8')) as { cases: FixtureCase[] }).cases;
const dir = mkdtempSync(join(tmpdir(), 'trialkit-cox-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Writes a fixture case as a CSV the way a user would have it: status coded 'dead'/'alive'. */
function writeCase(c: FixtureCase, name: string): string {
  const header = ['time', 'status', ...c.data.terms, ...(c.data.strata === null ? [] : ['stratum'])];
  const lines = c.data.time.map((t, r) => [
    String(t),
    c.data.status[r] === 1 ? 'dead' : 'alive',
    ...c.data.terms.map((term) => String(c.data.covariates[term][r])),
    ...(c.data.strata === null ? [] : [c.data.strata[r]]),
  ].join(','));
  const file = join(dir, name);
  writeFileSync(file, [header.join(','), ...lines].join('\n') + '\n');
  return file;
}

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const rec = cliRecorder();
  const code = await main(['cox', ...args], rec.io);
  return { code, out: rec.stdout(), err: rec.stderr() };
}

const tol = { rel: 1e-6, abs: 1e-12 };

interface RDataExpected {
  terms: string[];
  coef: number[];
  se: number[];
  lower: number[];
  upper: number[];
  p: number[];
  loglik: [number, number];
  n: number;
  events: number;
  omitted: number;
  lrTest: number;
  waldTest: number;
  scoreTest: number;
  df: number;
  xlevels: Record<string, string[]>;
}

/** Cases of src/cli/fixtures/rdata.R: R-written CSVs and coxph's answers on them. */
function rdataCases(): { label: string; args: string[]; expected: RDataExpected }[] {
  const all = (JSON.parse(readFileSync(repoPath('src/cli/fixtures/rdata.json'), 'utf8')) as {
    cases: { command: string; label: string; args: string[]; expected: RDataExpected }[];
  }).cases;
  return all.filter((c) => c.command === 'cox').map((c) => ({ ...c, args: [repoPath(c.args[0]), ...c.args.slice(1)] }));
}

describe('trialkit cox on R-written CSVs of R data sets (src/cli/fixtures/rdata.R)', () => {
  for (const c of rdataCases()) {
    it(c.label, async () => {
      const { code, out, err } = await run([...c.args, '--json']);
      assert.equal(code, 0, err);
      const json = JSON.parse(out) as CoxJson;
      const e = c.expected;
      assert.deepEqual(json.coefficients.map((row) => row.term), e.terms);
      json.coefficients.forEach((row, j) => {
        for (const key of ['coef', 'se', 'lower', 'upper', 'p'] as const) assertClose(row[key], e[key][j], tol, `${c.label} ${row.term} ${key}`);
      });
      assertClose(json.logLik[0], e.loglik[0], tol, 'null loglik');
      assertClose(json.logLik[1], e.loglik[1], tol, 'loglik');
      assert.deepEqual([json.n, json.events, json.omitted], [e.n, e.events, e.omitted]);
      assertClose(json.lrTest.chisq, e.lrTest, tol, 'likelihood-ratio test');
      assertClose(json.waldTest.chisq, e.waldTest, tol, 'Wald test (fit$wald.test)');
      assertClose(json.scoreTest.chisq, e.scoreTest, tol, 'score test');
      assert.equal(json.waldTest.df, e.df);
      for (const [column, levels] of Object.entries(e.xlevels)) {
        const covariate = json.covariates.find((v) => v.column === column);
        assert.ok(covariate !== undefined, column);
        assert.deepEqual(covariate.levels, levels, `${column} levels`);
        assert.equal(covariate.reference, levels[0], `${column} reference`);
      }
    });
  }
});

describe('trialkit cox', () => {
  for (const label of ['veteran: trt2 + karno + age, strata(celltype)', 'lung: age + female + ph.ecog (efron, 90% CI)', 'tiny ties (breslow)']) {
    it(`reproduces R for ${label}`, async () => {
      const c = cases.find((f) => f.label === label);
      assert.ok(c);
      const file = writeCase(c, `case-${cases.indexOf(c)}.csv`);
      const args = [file, '--time', 'time', '--event', 'status', '--event-value', 'dead', ...c.data.terms.flatMap((t) => ['--covariate', t])];
      if (c.data.strata !== null) args.push('--strata', 'stratum');
      args.push('--ties', c.ties, '--conf-level', String(c.confLevel), '--json');
      const { code, out, err } = await run(args);
      assert.equal(code, 0, err);
      const json = JSON.parse(out) as CoxJson;
      const e = c.expected;
      json.coefficients.forEach((row, j) => {
        assert.equal(row.term, c.data.terms[j]);
        for (const key of ['coef', 'hr', 'se', 'lower', 'upper', 'p'] as const) assertClose(row[key], e[key][j], tol, `${label} ${row.term} ${key}`);
      });
      assertClose(json.logLik[0], e.loglik[0], tol, 'null loglik');
      assertClose(json.logLik[1], e.loglik[1], tol, 'loglik');
      for (const key of ['lrTest', 'waldTest', 'scoreTest'] as const) {
        assertClose(json[key].chisq, e[key].chisq, tol, `${key} chisq`);
        assert.equal(json[key].df, e[key].df);
        assertClose(json[key].p, e[key].p, tol, `${key} p`);
      }
    });
  }

  it('prints a readable table without --json', async () => {
    const c = cases.find((f) => f.label.startsWith('ovarian: age + rx2 + ecog2'));
    assert.ok(c);
    const file = writeCase(c, 'ovarian.csv');
    const { code, out } = await run([file, '--time', 'time', '--event', 'status', '--event-value', 'dead', '--covariate', 'age', '--covariate', 'rx2', '--covariate', 'ecog2']);
    assert.equal(code, 0);
    assert.match(out, /n = 26, events = 12/);
    assert.match(out, new RegExp(`age\\s+${(c.expected.coef[0] ?? 0).toFixed(4)}\\s+${(c.expected.hr[0] ?? 0).toFixed(4)}`));
    assert.match(out, /likelihood ratio/);
    assert.match(out, /score \(log-rank\)/);
  });

  it('lists a collinear covariate as NA with a warning', async () => {
    const c = cases.find((f) => f.label.startsWith('collinear'));
    assert.ok(c);
    const file = writeCase(c, 'collinear.csv');
    const { code, out, err } = await run([file, '--time', 'time', '--event', 'status', '--event-value', 'dead', '--covariate', 'x1', '--covariate', 'x2', '--covariate', 'x4', '--json']);
    assert.equal(code, 0);
    const json = JSON.parse(out) as CoxJson;
    assert.equal(json.coefficients[2].coef, null);
    assert.equal(json.coefficients[2].reason, 'collinear');
    assert.deepEqual(json.warnings.map((w) => w.code), ['collinear-covariate']);
    assert.match(err, /x4.*collinear-covariate/);
  });

  it('reads status as R reads it without --event-value (0/1, 1/2) and the given value with it', async () => {
    const file = join(dir, 'codes.csv');
    writeFileSync(file, 'time,status,x\n1,1,0\n2,2,1\n3,1,1\n4,2,0\n5,1,1\n6,2,0\n');
    const r = JSON.parse((await run([file, '--time', 'time', '--event', 'status', '--covariate', 'x', '--json'])).out) as CoxJson;
    assert.deepEqual([r.events, r.eventValue, r.statusCoding], [3, '2', '1/2']);
    const one = JSON.parse((await run([file, '--time', 'time', '--event', 'status', '--event-value', '1', '--covariate', 'x', '--json'])).out) as CoxJson;
    assert.deepEqual([one.events, one.eventValue, one.statusCoding], [3, '1', 'event-value']);
    const mixed = join(dir, 'mixed-codes.csv');
    writeFileSync(mixed, 'time,status,x\n1,1,0\n2,2,1\n3,0,1\n4,1,0\n');
    const refused = await run([mixed, '--time', 'time', '--event', 'status', '--covariate', 'x']);
    assert.equal(refused.code, 2);
    assert.match(refused.err, /column 'status' holds '0', '1', '2'.*--event-value/);
  });

  it('codes a text covariate as a factor (treatment contrasts, R term names) and honours --reference', async () => {
    const file = join(dir, 'text.csv');
    writeFileSync(file, 'time,status,arm\n1,1,"B"\n2,0,"A"\n3,1,"A"\n4,1,"C"\n5,0,"B"\n6,1,"C"\n7,1,"A"\n8,0,"B"\n');
    const { code, out, err } = await run([file, '--time', 'time', '--event', 'status', '--covariate', 'arm', '--json']);
    assert.equal(code, 0, err);
    const json = JSON.parse(out) as CoxJson;
    assert.deepEqual(json.coefficients.map((c) => c.term), ['armB', 'armC']);
    assert.deepEqual(json.covariates, [{ column: 'arm', kind: 'factor', levels: ['A', 'B', 'C'], reference: 'A', terms: ['armB', 'armC'] }]);
    const relevelled = JSON.parse((await run([file, '--time', 'time', '--event', 'status', '--covariate', 'arm', '--reference', 'arm=C', '--json'])).out) as CoxJson;
    assert.deepEqual(relevelled.coefficients.map((c) => c.term), ['armA', 'armB']);
    const text = await run([file, '--time', 'time', '--event', 'status', '--covariate', 'arm']);
    assert.match(text.out, /arm: factor, reference A \(levels A, B, C\)/);
    const badLevel = await run([file, '--time', 'time', '--event', 'status', '--covariate', 'arm', '--reference', 'arm=D']);
    assert.match(badLevel.err, /'D' is not a level of 'arm'/);
    const notFactor = await run([file, '--time', 'time', '--event', 'status', '--covariate', 'arm', '--reference', 'time=1']);
    assert.match(notFactor.err, /--reference names 'time', which is not a factor covariate/);
  });

  it('reports a bad value once, with the column, first rows and count (not a line per row)', async () => {
    const file = join(dir, 'bad-values.csv');
    const rows = Array.from({ length: 1371 }, (_, i) => `${i + 1},${i % 2},${i % 3 === 0 ? '-1' : '5'}`);
    writeFileSync(file, ['time,status,x', ...rows.map((r) => r.replace(/^(\d+),/, (_, t: string) => `${Number(t) % 7 === 0 ? 'soon' : t},`))].join('\n'));
    const { code, err } = await run([file, '--time', 'time', '--event', 'status', '--covariate', 'x']);
    assert.equal(code, 2);
    assert.match(err, /bad-values\.csv line 8, column 'time': "soon" is not valid; expected a number >= 0 \(195 bad values in all, at lines 8 \("soon"\), 15 \("soon"\), 22 \("soon"\), 29 \("soon"\), 36 \("soon"\), \.\.\.\)/);
    assert.ok(err.trim().split('\n').length <= 2, err);
  });

  it('rejects missing flags, bad ties, a bad confidence level and data without events', async () => {
    const file = join(dir, 'small.csv');
    writeFileSync(file, 'time,status,x\n1,0,0\n2,0,1\n3,0,1\n');
    assert.match((await run([file, '--event', 'status', '--covariate', 'x'])).err, /--time is required/);
    assert.match((await run([file, '--time', 'time', '--event', 'status'])).err, /--covariate is required/);
    assert.match((await run([file, '--time', 'time', '--event', 'status', '--covariate', 'x', '--ties', 'exact'])).err, /--ties "exact"/);
    assert.match((await run([file, '--time', 'time', '--event', 'status', '--covariate', 'x', '--conf-level', '95'])).err, /--conf-level "95"/);
    const none = await run([file, '--time', 'time', '--event', 'status', '--covariate', 'x']);
    assert.equal(none.code, 2);
    assert.match(none.err, /no-events/);
    assert.match((await run([file, '--time', 'time', '--event', 'status', '--covariate', 'nope'])).err, /no column 'nope'/);
  });
});
