import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { assertClose, cliRecorder, repoPath } from '../../testing/index.js';
import { main } from '../main.js';

interface CifJson {
  eventOfInterest: string;
  censorValue: string;
  competing: string[];
  atTimes: number[];
  n: number;
  omitted: number;
  levels?: string[];
  reference?: string;
  curves: { group: string | null; event: string; n: number; events: number; at: { time: number; estimate: number | null; variance: number | null }[] }[];
  gray: { event: string; chisq: number | null; df: number; p: number | null }[];
  warnings: string[];
}

interface Expected {
  omitted: number;
  levels: string[];
  eventTypes: string[];
  curves: { group: string; event: string; n: number; events: number; at: { time: number; estimate: number | null; variance: number | null }[] }[];
  gray: { event: string; chisq: number; df: number; p: number }[];
}

/** Cases of src/cli/fixtures/rdata.R: R-written CSVs and cmprsk's answers on them. */
function rdataCases(): { label: string; args: string[]; expected: Expected }[] {
  const all = (JSON.parse(readFileSync(repoPath('src/cli/fixtures/rdata.json'), 'utf8')) as { cases: { command: string; label: string; args: string[]; expected: Expected }[] }).cases;
  return all.filter((c) => c.command === 'cif').map((c) => ({ ...c, args: [repoPath(c.args[0]), ...c.args.slice(1)] }));
}

const dir = mkdtempSync(join(tmpdir(), 'trialkit-cif-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: readonly string[]): Promise<{ code: number; out: string; err: string }> {
  const rec = cliRecorder();
  const code = await main(['cif', ...args], rec.io);
  return { code, out: rec.stdout(), err: rec.stderr() };
}

describe('trialkit cif against cmprsk on R-written CSVs (src/cli/fixtures/rdata.R)', () => {
  for (const c of rdataCases()) {
    it(c.label, async () => {
      const { code, out, err } = await run([...c.args, '--json']);
      assert.equal(code, 0, err);
      const json = JSON.parse(out) as CifJson;
      const e = c.expected;
      assert.equal(json.omitted, e.omitted);
      assert.deepEqual(json.levels, e.levels);
      assert.deepEqual(json.curves.map((curve) => `${String(curve.group)} ${curve.event}`), e.curves.map((curve) => `${curve.group} ${curve.event}`));
      json.curves.forEach((curve, i) => {
        const expected = e.curves[i];
        assert.equal(curve.n, expected.n);
        assert.equal(curve.events, expected.events);
        curve.at.forEach((a, k) => {
          assert.equal(a.time, expected.at[k].time);
          assertClose(a.estimate, expected.at[k].estimate, { rel: 1e-12, abs: 1e-15 }, `${c.label} ${curve.group ?? ''} ${curve.event} F(${a.time})`);
          assertClose(a.variance, expected.at[k].variance, { rel: 1e-12, abs: 1e-15 }, `${c.label} ${curve.group ?? ''} ${curve.event} var(${a.time})`);
        });
      });
      assert.deepEqual(json.gray.map((g) => g.event), e.gray.map((g) => g.event));
      json.gray.forEach((g, i) => {
        assert.equal(g.df, e.gray[i].df);
        assertClose(g.chisq, e.gray[i].chisq, { rel: 1e-9, abs: 1e-12 }, `${c.label} Gray chisq ${g.event}`);
        assertClose(g.p, e.gray[i].p, { rel: 1e-9, abs: 1e-12 }, `${c.label} Gray p ${g.event}`);
      });
    });
  }
});

describe('trialkit cif', () => {
  const mgus = repoPath('src/cli/fixtures/data/mgus2-cr.csv');
  it('names the event of interest, the competing events and the default times (R pretty, as print.cuminc)', async () => {
    const { code, out, err } = await run([mgus, '--time', 'etime', '--event', 'event', '--event-of-interest', 'progression', '--censor-value', 'censored', '--json']);
    assert.equal(code, 0, err);
    const json = JSON.parse(out) as CifJson;
    assert.equal(json.eventOfInterest, 'progression');
    assert.equal(json.censorValue, 'censored');
    assert.deepEqual(json.competing, ['death']);
    // The largest time in mgus2 is 424 months: pretty(c(0, 424)) = 0 100 200 300 400 500.
    assert.deepEqual(json.atTimes, [100, 200, 300, 400]);
    assert.deepEqual(json.curves.map((c) => [c.group, c.event]), [[null, 'death'], [null, 'progression']]);
    assert.deepEqual(json.gray, []);
  });
  it('prints a table with the event of interest first and Gray tests', async () => {
    const { code, out } = await run([mgus, '--time', 'etime', '--event', 'event', '--event-of-interest', 'progression', '--censor-value', 'censored', '--group', 'sex', '--at', '120']);
    assert.equal(code, 0);
    assert.match(out, /of interest progression, competing death, censored censored/);
    assert.match(out, /^progression \(of interest\)\s+F\s+631\s+59\s+0\.0739/m);
    assert.match(out, /^death\s+11\.651\s+1\s+0\.0006416$/m);
  });
  it('refuses an event of interest that does not occur, and warns of a censoring code that does not', async () => {
    const bad = await run([mgus, '--time', 'etime', '--event', 'event', '--event-of-interest', 'relapse', '--censor-value', 'censored']);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--event-of-interest "relapse" does not occur in column 'event'.*'censored', 'death', 'progression'/);
    const file = join(dir, 'nocensor.csv');
    writeFileSync(file, 'time,event\n1,a\n2,b\n3,a\n');
    const none = await run([file, '--time', 'time', '--event', 'event', '--event-of-interest', 'a', '--censor-value', '0', '--json']);
    assert.equal(none.code, 0);
    assert.match(none.err, /--censor-value "0" does not occur/);
  });
  it('requires its flags', async () => {
    const { code, err } = await run([mgus, '--time', 'etime', '--event', 'event', '--censor-value', 'censored']);
    assert.equal(code, 2);
    assert.match(err, /--event-of-interest is required/);
  });
});
