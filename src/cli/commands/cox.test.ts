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

  it('treats any value other than --event-value as censored (default 1)', async () => {
    const file = join(dir, 'codes.csv');
    writeFileSync(file, 'time,status,x\n1,1,0\n2,2,1\n3,1,1\n4,0,0\n5,1,1\n6,1,0\n');
    const one = JSON.parse((await run([file, '--time', 'time', '--event', 'status', '--covariate', 'x', '--json'])).out) as CoxJson;
    assert.equal(one.events, 4);
    const two = JSON.parse((await run([file, '--time', 'time', '--event', 'status', '--event-value', '2', '--covariate', 'x', '--json'])).out) as CoxJson;
    assert.equal(two.events, 1);
  });

  it('rejects a text covariate naming file, line, column and value', async () => {
    const file = join(dir, 'text.csv');
    writeFileSync(file, 'time,status,arm\n1,1,A\n2,0,B\n3,1,A\n');
    const { code, err } = await run([file, '--time', 'time', '--event', 'status', '--covariate', 'arm']);
    assert.equal(code, 2);
    assert.match(err, /text\.csv line 2, column 'arm': "A" is not valid; expected a number/);
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
