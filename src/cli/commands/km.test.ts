import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { assertClose, cliRecorder, repoPath } from '../../testing/index.js';
import { main } from '../main.js';

const dir = mkdtempSync(join(tmpdir(), 'trialkit-km-'));

function csv(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

// Hand-checkable toy data; the comparison with R is in the 'against R' suite below.
const data = csv(
  'arms.csv',
  [
    'id,days,dead,arm,site',
    '1,5,yes,A,x',
    '2,8,no,A,y',
    '3,12,yes,A,x',
    '4,12,yes,A,y',
    '5,20,no,A,x',
    '6,3,yes,B,y',
    '7,4,yes,B,x',
    '8,9,no,B,y',
    '9,10,yes,B,x',
    '10,15,yes,B,y',
    '',
  ].join('\n'),
);

interface KmJson {
  confType: string;
  eventValue: string;
  statusCoding: string;
  n: number;
  omitted: number;
  levels?: string[];
  reference?: string;
  curves: {
    group: string | null;
    n: number;
    events: number;
    steps: { time: number; atRisk: number; events: number; censored: number; survival: number; lower: number | null; upper: number | null }[];
    median: { estimate: number | null; lower: number | null; upper: number | null };
    at: { time: number; survival: number | null; lower: number | null; upper: number | null }[];
    rmst?: { tau: number; estimate: number; se: number };
  }[];
  logrank?: { chisq: number; df: number; p: number };
  rmstDifferences?: { group: string; reference: string; estimate: number; se: number; lower: number; upper: number; p: number }[];
  followUp: { estimate: number | null; lower: number | null; upper: number | null };
}

async function runJson(args: string[]): Promise<KmJson> {
  const rec = cliRecorder();
  const code = await main(['km', ...args, '--json'], rec.io);
  assert.equal(code, 0, rec.stderr());
  return JSON.parse(rec.stdout()) as KmJson;
}

describe('trialkit km', () => {
  it('writes the documented JSON shape, one curve per group in R\'s level order', async () => {
    const out = await runJson([data, '--time', 'days', '--event', 'dead', '--event-value', 'yes', '--group', 'arm', '--at', '10,100']);
    assert.equal(out.confType, 'log-log');
    assert.deepEqual(out.curves.map((c) => c.group), ['A', 'B']);
    const [a, b] = out.curves;
    assert.equal(a.n, 5);
    assert.equal(a.events, 3);
    assert.equal(b.events, 4);
    assert.deepEqual(Object.keys(a.steps[0]).slice(0, 7), ['time', 'atRisk', 'events', 'censored', 'survival', 'stdErr', 'stdErrLogSurvival']);
    // Group A: 5 at risk; event at 5 -> 4/5; censored at 8; two events at 12 of 3 at risk -> 4/5 * 1/3.
    assert.deepEqual(a.steps.map((s) => s.time), [5, 8, 12, 20]);
    assertClose(a.steps[2].survival, (4 / 5) * (1 / 3), { rel: 1e-12 }, 'S_A(12)');
    assert.equal(a.median.estimate, 12);
    assert.equal(a.at[0].time, 10);
    assertClose(a.at[0].survival, 0.8, { rel: 1e-12 }, 'S_A(10)');
    assert.equal(a.at[1].survival, null, 'after the last time');
    assert.ok(out.logrank !== undefined);
    assert.equal(out.logrank.df, 1);
    assert.ok(out.logrank.p > 0 && out.logrank.p <= 1);
    assert.ok(out.followUp.estimate !== null);
  });

  it('marks events by --event-value and treats every other value as censoring', async () => {
    const yes = await runJson([data, '--time', 'days', '--event', 'dead', '--event-value', 'yes']);
    const no = await runJson([data, '--time', 'days', '--event', 'dead', '--event-value', 'no']);
    assert.equal(yes.curves[0].group, null);
    assert.equal(yes.curves[0].events, 7);
    assert.equal(no.curves[0].events, 3);
    assert.equal(yes.logrank, undefined);
    // Reverse KM: follow-up with 'yes' as events is the KM median when 'no' marks the events.
    const noMedian = no.curves[0].median.estimate;
    assert.equal(yes.followUp.estimate, noMedian);
  });

  it('uses the chosen transform and level', async () => {
    const plain = await runJson([data, '--time', 'days', '--event', 'dead', '--event-value', 'yes', '--conf-type', 'plain', '--conf-level', '0.8']);
    const loglog = await runJson([data, '--time', 'days', '--event', 'dead', '--event-value', 'yes']);
    assert.equal(plain.confType, 'plain');
    const s = plain.curves[0].steps[1];
    assert.ok(s.lower !== null && s.upper !== null);
    assert.notEqual(s.lower, loglog.curves[0].steps[1].lower);
    // plain limits are symmetric around S (before clipping).
    assertClose(s.survival - s.lower, s.upper - s.survival, { rel: 1e-9 }, 'plain symmetric');
  });

  it('runs a stratified log-rank test with --strata', async () => {
    const out = await runJson([data, '--time', 'days', '--event', 'dead', '--event-value', 'yes', '--group', 'arm', '--strata', 'site']);
    const plain = await runJson([data, '--time', 'days', '--event', 'dead', '--event-value', 'yes', '--group', 'arm']);
    assert.ok(out.logrank !== undefined && plain.logrank !== undefined);
    assert.notEqual(out.logrank.chisq, plain.logrank.chisq);
  });

  it('prints a readable table without --json', async () => {
    const rec = cliRecorder();
    const code = await main(['km', data, '--time', 'days', '--event', 'dead', '--event-value', 'yes', '--group', 'arm', '--at', '10'], rec.io);
    assert.equal(code, 0, rec.stderr());
    const text = rec.stdout();
    assert.match(text, /median \(95% CI\)/);
    assert.match(text, /^A\s+5\s+3\s+2\s+12\.00/m);
    assert.match(text, /Log-rank test: chi-square [\d.]+ on 1 df, p = /);
    assert.match(text, /Median follow-up \(reverse Kaplan-Meier/);
  });

  it('reads an unlabelled status as R\'s Surv: 0/1, 1/2 (2 = event), TRUE/FALSE; and says which value was the event', async () => {
    const lung = await runJson([csv('s12.csv', 't,s\n1,2\n2,1\n3,2\n4,1\n'), '--time', 't', '--event', 's']);
    assert.deepEqual([lung.eventValue, lung.statusCoding, lung.curves[0].events], ['2', '1/2', 2]);
    const plain = await runJson([csv('s01.csv', 't,s\n1,1\n2,0\n3,1\n'), '--time', 't', '--event', 's']);
    assert.deepEqual([plain.eventValue, plain.statusCoding, plain.curves[0].events], ['1', '0/1', 2]);
    const logical = await runJson([csv('stf.csv', 't,s\n1,TRUE\n2,FALSE\n'), '--time', 't', '--event', 's']);
    assert.deepEqual([logical.eventValue, logical.statusCoding, logical.curves[0].events], ['TRUE', 'logical', 1]);
    const rec = cliRecorder();
    assert.equal(await main(['km', csv('s012.csv', 't,s\n1,0\n2,1\n3,2\n'), '--time', 't', '--event', 's'], rec.io), 2);
    assert.match(rec.stderr(), /column 's' holds '0', '1', '2' \(1 row with '0', at lines 2\); expected a status coded 0\/1 or 1\/2.*--event-value/);
    const text = cliRecorder();
    await main(['km', csv('s12b.csv', 't,s\n1,2\n2,1\n'), '--time', 't', '--event', 's'], text.io);
    assert.match(text.stdout(), /event 's' = 2 \(1\/2 coding as R's Surv reads it: 2 = event, 1 = censored\)/);
  });

  it('leaves out rows with an empty or NA value in a used column, counts them, and ignores other columns', async () => {
    const file = csv('missing.csv', '"t","s","g","note"\n1,1,"A",NA\n2,NA,"B","x"\n3,0,,"y"\n4,1,"B",""\n5,0,"A","z"\n');
    const out = await runJson([file, '--time', 't', '--event', 's', '--group', 'g']);
    assert.equal(out.omitted, 2);
    assert.equal(out.n, 3);
    assert.deepEqual(out.curves.map((c) => [c.group, c.n]), [['A', 2], ['B', 1]]);
    const rec = cliRecorder();
    await main(['km', file, '--time', 't', '--event', 's', '--group', 'g'], rec.io);
    assert.match(rec.stdout(), /^2 of 5 rows left out for missing values \(empty or NA: 's' 1, 'g' 1\)$/m);
  });

  it('orders groups as R sorts the levels, with --reference first', async () => {
    const file = csv('levels.csv', 't,s,g\n1,1,squamous\n2,0,smallcell\n3,1,adeno\n4,1,large\n5,1,adeno\n');
    const sorted = await runJson([file, '--time', 't', '--event', 's', '--group', 'g']);
    assert.deepEqual(sorted.levels, ['adeno', 'large', 'smallcell', 'squamous']);
    assert.equal(sorted.reference, 'adeno');
    const relevelled = await runJson([file, '--time', 't', '--event', 's', '--group', 'g', '--reference', 'g=smallcell']);
    assert.deepEqual(relevelled.curves.map((c) => c.group), ['smallcell', 'adeno', 'large', 'squamous']);
    const rec = cliRecorder();
    assert.equal(await main(['km', file, '--time', 't', '--event', 's', '--group', 'g', '--reference', 'g=oat'], rec.io), 2);
    assert.match(rec.stderr(), /'oat' is not a level of 'g'.*'adeno', 'large', 'smallcell', 'squamous'/);
  });

  it('refuses an RMST horizon before the smallest time, as R', async () => {
    const rec = cliRecorder();
    assert.equal(await main(['km', data, '--time', 'days', '--event', 'dead', '--event-value', 'yes', '--rmst', '2'], rec.io), 2);
    assert.match(rec.stderr(), /--rmst 2 is before the smallest time, 3/);
  });

  it('names the file, line, column and value of a negative time (exit 2)', async () => {
    const bad = csv('negative.csv', 'days,dead\n4,1\n-3,0\n');
    const rec = cliRecorder();
    assert.equal(await main(['km', bad, '--time', 'days', '--event', 'dead'], rec.io), 2);
    const err = rec.stderr();
    assert.ok(err.includes(bad), err);
    assert.match(err, /line 3, column 'days': "-3"/);
  });

  it('rejects a file with a header and no data rows', async () => {
    const empty = csv('empty.csv', 'days,dead\n');
    const rec = cliRecorder();
    assert.equal(await main(['km', empty, '--time', 'days', '--event', 'dead'], rec.io), 2);
    assert.match(rec.stderr(), /has no data rows/);
  });

  it('names a missing column and lists those that exist', async () => {
    const rec = cliRecorder();
    assert.equal(await main(['km', data, '--time', 'months', '--event', 'dead'], rec.io), 2);
    assert.match(rec.stderr(), /no column 'months'; the columns are 'id', 'days'/);
  });

  it('rejects a bad --conf-type, --conf-level and missing flags', async () => {
    for (const [args, pattern] of [
      [['--conf-type', 'logit'], /--conf-type "logit" is not valid; expected one of log-log, log, plain/],
      [['--conf-level', '95'], /--conf-level "95" is not valid/],
      [['--strata', 'site'], /needs --group/],
    ] as const) {
      const rec = cliRecorder();
      assert.equal(await main(['km', data, '--time', 'days', '--event', 'dead', ...args], rec.io), 2);
      assert.match(rec.stderr(), pattern);
    }
    const rec = cliRecorder();
    assert.equal(await main(['km', data, '--event', 'dead'], rec.io), 2);
    assert.match(rec.stderr(), /--time <col> is required/);
  });
});

interface GroupsFixture {
  label: string;
  time: number[];
  status: number[];
  group: string[];
  strata?: string[];
  levels: string[];
  median: { estimate: (number | null)[]; lower: (number | null)[]; upper: (number | null)[] };
  surv10: number[];
  logrank: { chisq: number; df: number; p: number };
  followUp: { estimate: number | null; lower: number | null; upper: number | null };
}

describe('trialkit km against R (src/stats/survival/fixtures/groups.R)', () => {
  const cases = JSON.parse(readFileSync(repoPath('src/stats/survival/fixtures/groups.json'), 'utf8')) as GroupsFixture[];
  for (const c of cases) {
    it(c.label, async () => {
      const lines = ['t,st,g,s', ...c.time.map((t, i) => `${t},${c.status[i]},${c.group[i]},${c.strata?.[i] ?? 'one'}`)];
      const file = csv(`${c.label}.csv`, lines.join('\n'));
      const args = [file, '--time', 't', '--event', 'st', '--group', 'g', '--at', '10'];
      if (c.strata !== undefined) args.push('--strata', 's');
      const out = await runJson(args);
      const closed = { rel: 1e-9, abs: 1e-12 };
      c.levels.forEach((level, i) => {
        const curve = out.curves.find((k) => k.group === level);
        assert.ok(curve !== undefined, level);
        assertClose(curve.median.estimate, c.median.estimate[i], closed, `${c.label} ${level} median`);
        assertClose(curve.median.lower, c.median.lower[i], closed, `${c.label} ${level} median lower`);
        assertClose(curve.median.upper, c.median.upper[i], closed, `${c.label} ${level} median upper`);
        assertClose(curve.at[0].survival, c.surv10[i], closed, `${c.label} ${level} S(10)`);
      });
      assert.ok(out.logrank !== undefined);
      assertClose(out.logrank.chisq, c.logrank.chisq, closed, `${c.label} log-rank chisq`);
      assert.equal(out.logrank.df, c.logrank.df);
      assertClose(out.logrank.p, c.logrank.p, closed, `${c.label} log-rank p`);
      assertClose(out.followUp.estimate, c.followUp.estimate, closed, `${c.label} follow-up`);
      assertClose(out.followUp.lower, c.followUp.lower, closed, `${c.label} follow-up lower`);
      assertClose(out.followUp.upper, c.followUp.upper, closed, `${c.label} follow-up upper`);
    });
  }
});

interface RDataExpected {
  n: number;
  omitted: number;
  levels: string[];
  reference: string;
  curves: {
    group: string;
    n: number;
    events: number;
    median: { estimate: number | null; lower: number | null; upper: number | null };
    at: number[];
    rmst: { tau: number; estimate: number; se: number };
  }[];
  logrank: { chisq: number; df: number; p: number };
  rmstDifferences: { group: string; reference: string; estimate: number; se: number; lower: number; upper: number; p: number }[];
}

/** Cases of src/cli/fixtures/rdata.R: R-written CSVs and survival's answers on them. */
function rdataCases(): { label: string; args: string[]; expected: RDataExpected }[] {
  const all = (JSON.parse(readFileSync(repoPath('src/cli/fixtures/rdata.json'), 'utf8')) as {
    cases: { command: string; label: string; args: string[]; expected: RDataExpected }[];
  }).cases;
  return all.filter((c) => c.command === 'km').map((c) => ({ ...c, args: [repoPath(c.args[0]), ...c.args.slice(1)] }));
}

describe('trialkit km on R-written CSVs of R data sets (src/cli/fixtures/rdata.R)', () => {
  for (const c of rdataCases()) {
    it(c.label, async () => {
      const out = await runJson(c.args);
      const e = c.expected;
      const closed = { rel: 1e-9, abs: 1e-12 };
      assert.equal(out.n, e.n);
      assert.equal(out.omitted, e.omitted);
      assert.deepEqual(out.levels, e.levels);
      assert.equal(out.reference, e.reference);
      e.curves.forEach((expected, i) => {
        const curve = out.curves[i];
        const label = `${c.label} ${expected.group}`;
        assert.equal(curve.group, expected.group);
        assert.equal(curve.n, expected.n);
        assert.equal(curve.events, expected.events);
        assertClose(curve.median.estimate, expected.median.estimate, closed, `${label} median`);
        assertClose(curve.median.lower, expected.median.lower, closed, `${label} median lower`);
        assertClose(curve.median.upper, expected.median.upper, closed, `${label} median upper`);
        expected.at.forEach((s, k) => assertClose(curve.at[k].survival, s, closed, `${label} S(${curve.at[k].time})`));
        assert.ok(curve.rmst !== undefined);
        assert.equal(curve.rmst.tau, expected.rmst.tau);
        assertClose(curve.rmst.estimate, expected.rmst.estimate, { rel: 1e-12, abs: 1e-12 }, `${label} RMST`);
        assertClose(curve.rmst.se, expected.rmst.se, { rel: 1e-12, abs: 1e-12 }, `${label} se(RMST)`);
      });
      assert.ok(out.logrank !== undefined);
      assertClose(out.logrank.chisq, e.logrank.chisq, closed, `${c.label} log-rank chisq`);
      assert.equal(out.logrank.df, e.logrank.df);
      assertClose(out.logrank.p, e.logrank.p, closed, `${c.label} log-rank p`);
      assert.ok(out.rmstDifferences !== undefined);
      assert.equal(out.rmstDifferences.length, e.rmstDifferences.length);
      out.rmstDifferences.forEach((d, i) => {
        const expected = e.rmstDifferences[i];
        assert.deepEqual([d.group, d.reference], [expected.group, expected.reference]);
        for (const key of ['estimate', 'se', 'lower', 'upper', 'p'] as const) assertClose(d[key], expected[key], { rel: 1e-10, abs: 1e-12 }, `${c.label} ${d.group} - ${d.reference} ${key}`);
      });
    });
  }
});
