import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { assertClose, cliRecorder, repoPath } from '../../testing/index.js';
import { main } from '../main.js';

type Num = number | 'Inf';
const fixture = JSON.parse(readFileSync(repoPath('src/stats/fisher/fixtures/fisherExact.json'), 'utf8')) as {
  twoByTwo: {
    label: string;
    a: number;
    b: number;
    c: number;
    d: number;
    confLevel: number;
    p: number;
    pLess: number;
    pGreater: number;
    oddsRatio: Num;
    oddsRatioLower: Num;
    oddsRatioUpper: Num;
  }[];
};
const fixtureCase = (label: string) => {
  const c = fixture.twoByTwo.find((x) => x.label === label);
  assert.ok(c !== undefined, `fixture ${label}`);
  return c;
};

async function run(args: string[]) {
  const rec = cliRecorder();
  const code = await main(['fisher', ...args], rec.io);
  return { code, out: rec.stdout(), err: rec.stderr() };
}

describe('trialkit fisher', () => {
  it('--json gives R fisher.test values', async () => {
    const c = fixtureCase('ISS I vs III ORR');
    const r = await run([String(c.a), String(c.b), String(c.c), String(c.d), '--json']);
    assert.equal(r.code, 0, r.err);
    const json = JSON.parse(r.out) as Record<string, number>;
    assertClose(json.p, c.p, { rel: 1e-9 }, 'p');
    assertClose(json.pLess, c.pLess, { rel: 1e-9 }, 'pLess');
    assertClose(json.pGreater, c.pGreater, { rel: 1e-9 }, 'pGreater');
    for (const key of ['oddsRatio', 'oddsRatioLower', 'oddsRatioUpper'] as const) {
      assertClose(json[key], c[key] as number, { rel: 1e-6 }, key);
    }
    assert.equal(json.confLevel, 0.95);
  });

  it('--conf-level changes the interval as R', async () => {
    const c = fixtureCase('conf level 0.90');
    const r = await run([String(c.a), String(c.b), String(c.c), String(c.d), '--conf-level', '0.9', '--json']);
    assert.equal(r.code, 0, r.err);
    const json = JSON.parse(r.out) as Record<string, number>;
    assertClose(json.oddsRatioLower, c.oddsRatioLower as number, { rel: 1e-6 }, 'lower');
    assertClose(json.oddsRatioUpper, c.oddsRatioUpper as number, { rel: 1e-6 }, 'upper');
  });

  it('infinite odds ratios are null in JSON and Inf in the table', async () => {
    const json = await run(['5', '0', '0', '5', '--json']);
    const parsed = JSON.parse(json.out) as Record<string, number | null>;
    assert.equal(parsed.oddsRatio, null);
    assert.equal(parsed.oddsRatioUpper, null);
    assert.ok(typeof parsed.oddsRatioLower === 'number' && parsed.oddsRatioLower > 1);
    const text = await run(['5', '0', '0', '5']);
    assert.match(text.out, /odds ratio \(conditional MLE\)\s+Inf/);
  });

  it('prints a readable table', async () => {
    const r = await run(['18', '12', '6', '26']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /\(18 12\)/);
    assert.match(r.out, /p \(two-sided\)\s+0\.001514/);
    assert.match(r.out, /odds ratio \(conditional MLE\)\s+6\.2819/);
    assert.match(r.out, /lower 95%\s+1\.8227/);
  });

  it('names a non-integer or negative count and its value (exit 2)', async () => {
    const fractional = await run(['18', '12.5', '6', '26']);
    assert.equal(fractional.code, 2);
    assert.match(fractional.err, /count b = "12\.5" is not valid; expected a whole number >= 0/);
    const negative = await run(['18', '12', '-6', '26']);
    assert.equal(negative.code, 2);
    assert.match(negative.err, /count c = "-6" is not valid/);
    const word = await run(['x', '1', '2', '3']);
    assert.equal(word.code, 2);
    assert.match(word.err, /count a = "x"/);
  });

  it('refuses a wrong number of counts and a bad --conf-level', async () => {
    const three = await run(['1', '2', '3']);
    assert.equal(three.code, 2);
    assert.match(three.err, /expected 4 counts/);
    const level = await run(['1', '2', '3', '4', '--conf-level', '95']);
    assert.equal(level.code, 2);
    assert.match(level.err, /--conf-level "95" is not valid/);
  });

  it('shows usage with --help', async () => {
    const r = await run(['--help']);
    assert.equal(r.code, 0);
    assert.match(r.out, /trialkit fisher <a> <b> <c> <d>/);
  });
});
