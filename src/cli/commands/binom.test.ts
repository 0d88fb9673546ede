import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { assertClose, cliRecorder, repoPath } from '../../testing/index.js';
import { main } from '../main.js';

interface Case {
  label: string;
  x: number;
  n: number;
  p0: number;
  confLevel: number;
  estimate: number;
  lower: number;
  upper: number;
  wilsonLower: number;
  wilsonUpper: number;
  pGreater: number;
  pLess: number;
  pTwoSided: number;
}

const fixture = JSON.parse(readFileSync(repoPath('src/stats/binomial/fixtures/binomial.json'), 'utf8')) as { cases: Case[] };

function fixtureCase(label: string): Case {
  const found = fixture.cases.find((c) => c.label === label);
  assert.ok(found !== undefined, `fixture ${label}`);
  return found;
}

async function run(args: string[]) {
  const rec = cliRecorder();
  const code = await main(['binom', ...args], rec.io);
  return { code, out: rec.stdout(), err: rec.stderr() };
}

const tolerance = { rel: 1e-9, abs: 1e-300 };

describe('trialkit binom', () => {
  it('--json gives R binom.test values for the paper ORR 33/85 against p0 0.12', async () => {
    const c = fixtureCase('paper 33/85');
    const r = await run(['33', '85', '--p0', '0.12', '--json']);
    assert.equal(r.code, 0, r.err);
    const json = JSON.parse(r.out) as Record<string, unknown>;
    for (const key of ['x', 'n', 'estimate', 'lower', 'upper', 'pGreater', 'pLess', 'pTwoSided']) assert.ok(key in json, key);
    assert.equal(json.x, 33);
    assert.equal(json.n, 85);
    for (const key of ['estimate', 'lower', 'upper', 'pGreater', 'pLess', 'pTwoSided', 'wilsonLower', 'wilsonUpper'] as const) {
      assertClose(json[key] as number, c[key], tolerance, `33/85 ${key}`);
    }
  });

  it('defaults to p0 = 0.5 and a 95% interval, as R', async () => {
    const c = fixtureCase('default x=1 n=3');
    const r = await run(['1', '3', '--json']);
    assert.equal(r.code, 0, r.err);
    const json = JSON.parse(r.out) as Record<string, number>;
    assert.equal(json.p0, 0.5);
    assert.equal(json.confLevel, 0.95);
    assertClose(json.pTwoSided, c.pTwoSided, tolerance, 'default p two-sided');
    assertClose(json.upper, c.upper, tolerance, 'default upper');
  });

  it('honours --conf-level', async () => {
    const c = fixture.cases.find((x) => x.confLevel === 0.9 && x.x > 0 && x.x < x.n);
    assert.ok(c !== undefined);
    const r = await run([String(c.x), String(c.n), '--p0', String(c.p0), '--conf-level', '0.9', '--json']);
    assert.equal(r.code, 0, r.err);
    const json = JSON.parse(r.out) as Record<string, number>;
    assertClose(json.lower, c.lower, tolerance, `${c.label} lower`);
    assertClose(json.upper, c.upper, tolerance, `${c.label} upper`);
  });

  it('prints a readable table without --json', async () => {
    const r = await run(['33', '85']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /Binomial proportion 33\/85/);
    assert.match(r.out, /Clopper-Pearson 95% lower\s+0\.2844/);
    assert.match(r.out, /Clopper-Pearson 95% upper\s+0\.5001/);
  });

  it('rejects x > n, naming the argument, the value and what was expected', async () => {
    const r = await run(['12', '10']);
    assert.equal(r.code, 2);
    assert.match(r.err, /<x> 12 is not valid; expected at most n = 10 responders/);
  });

  it('rejects a negative or fractional count', async () => {
    let r = await run(['-1', '10']);
    assert.equal(r.code, 2);
    assert.match(r.err, /<x> -1 is not valid/);
    r = await run(['1', '2.5']);
    assert.equal(r.code, 2);
    assert.match(r.err, /<n> "2\.5" is not valid; expected a whole number/);
    r = await run(['1', '0']);
    assert.equal(r.code, 2);
    assert.match(r.err, /<n> 0 is not valid/);
  });

  it('rejects p0 outside (0, 1) and a bad confidence level', async () => {
    let r = await run(['1', '10', '--p0', '1']);
    assert.equal(r.code, 2);
    assert.match(r.err, /--p0 1 is not valid; expected a null response rate strictly between 0 and 1/);
    r = await run(['1', '10', '--conf-level', '95']);
    assert.equal(r.code, 2);
    assert.match(r.err, /--conf-level 95 is not valid/);
    r = await run(['1', '10', '--conf-level', 'high']);
    assert.equal(r.code, 2);
    assert.match(r.err, /--conf-level "high" is not valid/);
  });

  it('asks for both counts', async () => {
    const r = await run(['10']);
    assert.equal(r.code, 2);
    assert.match(r.err, /expected two arguments <x> <n>, got 1/);
  });
});
