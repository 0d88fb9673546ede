import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { assertClose, repoPath } from '../../testing/index.js';
import { computeLogRank } from './computeLogRank.js';

interface FixtureCase {
  label: string;
  time: number[];
  status: number[];
  group: string[];
  strata?: string[];
  chisq: number;
  df: number;
  p: number;
  groups: { group: string; n: number; observed: number; expected: number }[];
  groupOrder: string[];
  variance: number[][];
}

const fixture = JSON.parse(readFileSync(repoPath('src/stats/logrank/fixtures/logRank.json'), 'utf8')) as {
  cases: FixtureCase[];
};
const closed = { rel: 1e-9, abs: 1e-12 };

describe('computeLogRank against R survdiff', () => {
  for (const c of fixture.cases) {
    it(c.label, () => {
      const outcome = computeLogRank({ time: c.time, status: c.status, group: c.group, strata: c.strata });
      assert.ok(outcome.ok, JSON.stringify(outcome.issues));
      const r = outcome.value;
      assertClose(r.chisq, c.chisq, closed, `${c.label} chisq`);
      assert.equal(r.df, c.df, `${c.label} df`);
      assertClose(r.p, c.p, closed, `${c.label} p`);
      assert.equal(r.groups.length, c.groups.length);
      for (const expected of c.groups) {
        const got = r.groups.find((g) => g.group === expected.group);
        assert.ok(got !== undefined, `${c.label}: group ${expected.group} missing`);
        assert.equal(got.n, expected.n, `${c.label} ${expected.group} n`);
        assertClose(got.observed, expected.observed, closed, `${c.label} ${expected.group} observed`);
        assertClose(got.expected, expected.expected, closed, `${c.label} ${expected.group} expected`);
      }
      const labels = r.groups.map((g) => g.group);
      c.groupOrder.forEach((gi, i) =>
        c.groupOrder.forEach((gj, j) => {
          const v = r.variance[labels.indexOf(gi)][labels.indexOf(gj)];
          assertClose(v, c.variance[i][j], closed, `${c.label} variance[${gi}, ${gj}]`);
        }),
      );
    });
  }

  it('keeps a group without events in the test, as R does', () => {
    const c = fixture.cases.find((x) => x.label === 'one group without events');
    assert.ok(c !== undefined);
    const outcome = computeLogRank({ time: c.time, status: c.status, group: c.group });
    assert.ok(outcome.ok);
    const none = outcome.value.groups.find((g) => g.group === 'none');
    assert.equal(none?.observed, 0);
    assert.ok((none?.expected ?? 0) > 0);
    assert.equal(outcome.value.df, 1);
    assert.deepEqual(outcome.issues, []);
  });

  it('leaves out, with a warning, a group never at risk at an event (df drops as in R)', () => {
    const c = fixture.cases.find((x) => x.label === 'group never at risk at an event');
    assert.ok(c !== undefined);
    const outcome = computeLogRank({ time: c.time, status: c.status, group: c.group });
    assert.ok(outcome.ok);
    assert.equal(outcome.value.df, 1);
    assert.equal(outcome.value.groups.find((g) => g.group === 'early')?.tested, false);
    assert.deepEqual(
      outcome.issues.map((x) => [x.code, x.value, x.severity]),
      [['group-not-tested', 'early', 'warning']],
    );
  });
});

describe('computeLogRank with nothing to test', () => {
  it('no events at all: chisq 0, df 0, p NaN and a no-events warning', () => {
    const outcome = computeLogRank({ time: [1, 2, 3, 4], status: [0, 0, 0, 0], group: ['a', 'b', 'a', 'b'] });
    assert.ok(outcome.ok);
    assert.equal(outcome.value.chisq, 0);
    assert.equal(outcome.value.df, 0);
    assert.ok(Number.isNaN(outcome.value.p));
    assert.deepEqual(outcome.issues.map((x) => x.code), ['no-events']);
  });

  it('events only where one group is at risk: no test, with a warning', () => {
    const outcome = computeLogRank({ time: [1, 2, 5, 6], status: [0, 0, 1, 1], group: ['a', 'a', 'b', 'b'] });
    assert.ok(outcome.ok);
    assert.ok(Number.isNaN(outcome.value.p));
    assert.deepEqual(outcome.issues.map((x) => x.code), ['group-not-tested', 'no-test']);
  });
});

describe('computeLogRank input checks', () => {
  const codes = (input: Parameters<typeof computeLogRank>[0]): string[] => {
    const outcome = computeLogRank(input);
    assert.equal(outcome.ok, false);
    return outcome.issues.map((x) => `${x.code}@${x.path.join('.')}`);
  };

  it('names lengths that differ', () => {
    assert.deepEqual(codes({ time: [1, 2], status: [1], group: ['a', 'b'], strata: ['s'] }), [
      'length-mismatch@status',
      'length-mismatch@strata',
    ]);
  });

  it('names negative and missing times and bad status codes', () => {
    assert.deepEqual(codes({ time: [1, -2, Number.NaN, 4], status: [1, 2, 0, Number.NaN], group: ['a', 'b', 'a', 'b'] }), [
      'negative-time@time.1',
      'invalid-time@time.2',
      'invalid-status@status.1',
      'invalid-status@status.3',
    ]);
  });

  it('refuses fewer than 2 groups and empty input', () => {
    assert.deepEqual(codes({ time: [1, 2], status: [1, 0], group: ['a', 'a'] }), ['too-few-groups@group']);
    assert.deepEqual(codes({ time: [], status: [], group: [] }), ['empty-input@time', 'too-few-groups@group']);
  });

  it('refuses a listed group with no subjects and a label not listed', () => {
    assert.deepEqual(codes({ time: [1, 2], status: [1, 0], group: ['a', 'b'], levels: ['a', 'b', 'c'] }), ['empty-group@levels.2']);
    assert.deepEqual(codes({ time: [1, 2, 3], status: [1, 0, 1], group: ['a', 'b', 'x'], levels: ['a', 'b'] }), [
      'unknown-group@group.2',
    ]);
  });

  it('orders groups by levels when given', () => {
    const outcome = computeLogRank({ time: [1, 2, 3], status: [1, 0, 1], group: ['a', 'b', 'b'], levels: ['b', 'a'] });
    assert.ok(outcome.ok);
    assert.deepEqual(outcome.value.groups.map((g) => g.group), ['b', 'a']);
  });
});

const survivalData = fc
  .array(
    fc.record({
      time: fc.integer({ min: 0, max: 30 }),
      status: fc.integer({ min: 0, max: 1 }),
      group: fc.constantFrom('A', 'B', 'C'),
      stratum: fc.constantFrom('s1', 's2'),
    }),
    { minLength: 2, maxLength: 60 },
  )
  .filter((rows) => new Set(rows.map((r) => r.group)).size >= 2);

function run(rows: { time: number; status: number; group: string; stratum: string }[], stratified: boolean) {
  const outcome = computeLogRank({
    time: rows.map((r) => r.time),
    status: rows.map((r) => r.status),
    group: rows.map((r) => r.group),
    strata: stratified ? rows.map((r) => r.stratum) : undefined,
  });
  assert.ok(outcome.ok);
  return outcome.value;
}

function sameTest(a: { chisq: number; df: number; p: number }, b: { chisq: number; df: number; p: number }, label: string) {
  assert.equal(a.df, b.df, `${label} df`);
  assertClose(a.chisq, b.chisq, { rel: 1e-9, abs: 1e-9 }, `${label} chisq`);
  assertClose(a.p, b.p, { rel: 1e-9, abs: 1e-12 }, `${label} p`);
}

describe('computeLogRank properties', () => {
  it('chisq >= 0 and p in [0, 1] (or NaN when nothing is tested)', () => {
    fc.assert(
      fc.property(survivalData, fc.boolean(), (rows, stratified) => {
        const r = run(rows, stratified);
        assert.ok(r.chisq >= 0, `chisq ${r.chisq}`);
        assert.ok(Number.isNaN(r.p) || (r.p >= 0 && r.p <= 1), `p ${r.p}`);
      }),
      { numRuns: 300 },
    );
  });

  it('does not depend on row order', () => {
    fc.assert(
      fc.property(survivalData, fc.boolean(), fc.integer(), (rows, stratified, seed) => {
        const shuffled = [...rows];
        let s = seed >>> 0;
        for (let i = shuffled.length - 1; i > 0; i--) {
          s = (Math.imul(s, 1103515245) + 12345) >>> 0;
          const j = s % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
        }
        sameTest(run(shuffled, stratified), run(rows, stratified), 'shuffled');
      }),
      { numRuns: 200 },
    );
  });

  it('does not depend on the group labels', () => {
    const relabel: Record<string, string> = { A: 'zeta', B: 'alpha', C: 'mu' };
    fc.assert(
      fc.property(survivalData, fc.boolean(), (rows, stratified) => {
        const renamed = rows.map((r) => ({ ...r, group: relabel[r.group] }));
        const original = run(rows, stratified);
        const other = run(renamed, stratified);
        sameTest(other, original, 'relabelled');
        for (const g of original.groups) {
          const h = other.groups.find((x) => x.group === relabel[g.group]);
          assertClose(h?.expected, g.expected, { rel: 1e-12, abs: 1e-12 }, `expected of ${g.group}`);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('a single stratum gives the unstratified test', () => {
    fc.assert(
      fc.property(survivalData, (rows) => {
        const one = rows.map((r) => ({ ...r, stratum: 'only' }));
        sameTest(run(one, true), run(rows, false), 'one stratum');
      }),
      { numRuns: 100 },
    );
  });
});
