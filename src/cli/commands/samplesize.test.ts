import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { assertClose, cliRecorder, repoPath } from '../../testing/index.js';
import { main } from '../main.js';

interface SingleArmSetting {
  label: string;
  p0: number;
  p1: number;
  alpha: number;
  power: number;
  n: number;
  r: number;
  attainedAlpha: number;
  attainedPower: number;
  sawtoothN: number;
  sawtoothR: number;
}

interface SimonReference {
  r1: number;
  n1: number;
  r: number;
  n: number;
  en0: number;
  pet0: number;
  en1: number;
  pet1: number;
  alpha: number;
  power: number;
}

const singleArm = JSON.parse(readFileSync(repoPath('src/stats/samplesize/fixtures/singleArmExact.json'), 'utf8')) as {
  designs: SingleArmSetting[];
};
const simon = JSON.parse(readFileSync(repoPath('src/stats/samplesize/fixtures/simonTwoStage.json'), 'utf8')) as {
  designs: { p0: number; p1: number; alpha: number; beta: number; nmax: number; optimal: SimonReference; minimax: SimonReference }[];
};
const published = JSON.parse(readFileSync(repoPath('src', 'protocols', 'nct05236621', 'publication', 'published-results.json'), 'utf8')) as {
  results: { id: string; value: number; p0?: number; p1?: number; alpha?: number; power?: number; dropout?: number }[];
};

function result(id: string) {
  const found = published.results.find((r) => r.id === id);
  assert.ok(found !== undefined, id);
  return found;
}

async function run(args: string[]) {
  const rec = cliRecorder();
  const code = await main(['samplesize', ...args], rec.io);
  return { code, out: rec.stdout(), err: rec.stderr() };
}

const tolerance = { rel: 1e-9, abs: 1e-15 };

describe('trialkit samplesize binomial', () => {
  const design = result('design.samplesize.n');
  const planned = result('design.planned.n');
  const paperArgs = ['binomial', '--p0', String(design.p0), '--p1', String(design.p1), '--alpha', String(design.alpha), '--power', String(design.power)];

  it('reproduces the paper: n 66 and, with 20% dropout, 79 enrolled (multiply)', async () => {
    const r = await run([...paperArgs, '--dropout', String(planned.dropout), '--json']);
    assert.equal(r.code, 0, r.err);
    const json = JSON.parse(r.out) as Record<string, unknown>;
    for (const key of ['n', 'r', 'alpha', 'power', 'nEnrolled']) assert.ok(key in json, key);
    assert.equal(json.n, design.value);
    assert.equal(json.nEnrolled, planned.value);
    assert.equal(json.dropoutMethod, 'multiply');
    const reference = singleArm.designs.find((s) => s.p0 === design.p0 && s.p1 === design.p1 && s.alpha === design.alpha);
    assert.ok(reference !== undefined);
    assert.equal(json.r, reference.r);
    assertClose(json.alpha as number, reference.attainedAlpha, tolerance, 'attained alpha');
    assertClose(json.power as number, reference.attainedPower, tolerance, 'attained power');
    assert.equal(json.sawtoothN, reference.sawtoothN);
    assert.equal(json.sawtoothR, reference.sawtoothR);
    // One stage: never stops early, always treats n, under p0 and p1.
    assert.deepEqual([json.en0, json.pet0, json.en1, json.pet1], [design.value, 0, design.value, 0]);
  });

  it('enrols ceil(n / (1 - d)) with --dropout-method divide', async () => {
    const r = await run([...paperArgs, '--dropout', String(planned.dropout), '--dropout-method', 'divide', '--json']);
    assert.equal(r.code, 0, r.err);
    const json = JSON.parse(r.out) as Record<string, unknown>;
    assert.equal(json.nEnrolled, Math.ceil(design.value / (1 - (planned.dropout ?? Number.NaN))));
    assert.equal(json.dropoutMethod, 'divide');
  });

  it('matches every R fixture setting', async () => {
    for (const s of singleArm.designs) {
      const r = await run(['binomial', '--p0', String(s.p0), '--p1', String(s.p1), '--alpha', String(s.alpha), '--power', String(s.power), '--json']);
      assert.equal(r.code, 0, r.err);
      const json = JSON.parse(r.out) as Record<string, number>;
      assert.deepEqual([json.n, json.r, json.sawtoothN], [s.n, s.r, s.sawtoothN], s.label);
      assert.equal(json.nEnrolled, s.n, `${s.label}: no dropout`);
    }
  });

  it('prints a readable table without --json', async () => {
    const r = await run([...paperArgs, '--dropout', '0.2']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /n \(smallest n reaching the power\)\s+66/);
    assert.match(r.out, /reject H0 if responders >= r\s+14/);
    assert.match(r.out, /enrolled for 20% dropout \(multiply: n x 1\.20, rounded\)\s+79/);
  });

  it('names a missing or bad flag, its value and what was expected', async () => {
    let r = await run(['binomial', '--p0', '0.12', '--p1', '0.25', '--alpha', '0.025']);
    assert.equal(r.code, 2);
    assert.match(r.err, /--power is required: expected the target power/);
    r = await run([...paperArgs.slice(0, 3), '--p1', '0.1', '--alpha', '0.025', '--power', '0.8']);
    assert.equal(r.code, 2);
    assert.match(r.err, /--p1 0\.1 is not valid; expected an alternative response rate above p0 = 0\.12/);
    r = await run([...paperArgs, '--alpha', '0.6']);
    assert.equal(r.code, 2);
    assert.match(r.err, /--alpha 0\.6 is not valid; expected a one-sided significance level strictly between 0 and 0\.5/);
    r = await run([...paperArgs, '--dropout', '-0.2']);
    assert.equal(r.code, 2);
    assert.match(r.err, /--dropout -0\.2 is not valid; expected a dropout fraction >= 0 and < 1/);
    r = await run([...paperArgs, '--dropout-method', 'add']);
    assert.equal(r.code, 2);
    assert.match(r.err, /--dropout-method "add" is not valid; expected one of multiply, divide/);
    r = await run([...paperArgs, '--max-n', '50']);
    assert.equal(r.code, 2);
    assert.match(r.err, /--max-n 50 is not valid; expected a larger search bound/);
  });

  it('asks for a design', async () => {
    const r = await run(['--p0', '0.1']);
    assert.equal(r.code, 2);
    assert.match(r.err, /expected one design, binomial or simon/);
  });
});

describe('trialkit samplesize simon', () => {
  it('--json matches the R exhaustive search', async () => {
    for (const s of simon.designs.filter((d) => d.nmax <= 100)) {
      const r = await run(['simon', '--p0', String(s.p0), '--p1', String(s.p1), '--alpha', String(s.alpha), '--power', String(1 - s.beta), '--json']);
      assert.equal(r.code, 0, r.err);
      const json = JSON.parse(r.out) as Record<'optimal' | 'minimax', Record<string, number>>;
      for (const which of ['optimal', 'minimax'] as const) {
        const got = json[which];
        const want = s[which];
        const label = `p0 ${s.p0} p1 ${s.p1} ${which}`;
        assert.deepEqual([got.r1, got.n1, got.r, got.n], [want.r1, want.n1, want.r, want.n], label);
        assertClose(got.en0, want.en0, tolerance, `${label} en0`);
        assertClose(got.pet0, want.pet0, tolerance, `${label} pet0`);
        // Operating characteristics under p1 too, as clinfun's oc.twostage.bdry gives them.
        assertClose(got.en1, want.en1, tolerance, `${label} en1`);
        assertClose(got.pet1, want.pet1, tolerance, `${label} pet1`);
        assertClose(got.alpha, want.alpha, tolerance, `${label} alpha`);
        assertClose(got.power, want.power, tolerance, `${label} power`);
      }
    }
  });

  it('prints a readable table without --json (Simon 1989, p0 0.1, p1 0.3: optimal 1/10, 5/29; minimax 1/15, 5/25)', async () => {
    const r = await run(['simon', '--p0', '0.1', '--p1', '0.3', '--alpha', '0.05', '--power', '0.8']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /optimal\s+1\/10\s+5\/29\s+15\.01\s+0\.7361/);
    assert.match(r.out, /minimax\s+1\/15\s+5\/25\s+19\.51\s+0\.5490/);
  });

  it('rejects dropout options and a bad --max-n', async () => {
    let r = await run(['simon', '--p0', '0.1', '--p1', '0.3', '--alpha', '0.05', '--power', '0.8', '--dropout', '0.2']);
    assert.equal(r.code, 2);
    assert.match(r.err, /--dropout applies to samplesize binomial only/);
    r = await run(['simon', '--p0', '0.1', '--p1', '0.3', '--alpha', '0.05', '--power', '0.8', '--max-n', '5000']);
    assert.equal(r.code, 2);
    assert.match(r.err, /--max-n 5000 is not valid; expected a whole number from 2 to 300/);
  });
});
