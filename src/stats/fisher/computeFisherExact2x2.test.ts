import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { assertClose, repoPath } from '../../testing/index.js';
import { computeFisherExact2x2 } from './computeFisherExact2x2.js';

type Num = number | 'Inf';
interface FixtureCase {
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
}

const fixture = JSON.parse(readFileSync(repoPath('src/stats/fisher/fixtures/fisherExact.json'), 'utf8')) as {
  twoByTwo: FixtureCase[];
};
const value = (v: Num): number => (v === 'Inf' ? Infinity : v);
const pTolerance = { rel: 1e-9, abs: 1e-300 };
const rootTolerance = { rel: 1e-6, abs: 1e-12 };

function closeOrInfinite(actual: number, expected: number, label: string): void {
  if (expected === Infinity) assert.equal(actual, Infinity, `${label}: computed ${actual}, expected Inf`);
  else assertClose(actual, expected, rootTolerance, label);
}

describe('computeFisherExact2x2 against R fisher.test', () => {
  it('has the hand-picked and seeded tables', () => assert.ok(fixture.twoByTwo.length >= 80));
  for (const c of fixture.twoByTwo) {
    it(`${c.label}: (${c.a} ${c.b}) (${c.c} ${c.d})`, () => {
      const outcome = computeFisherExact2x2({ a: c.a, b: c.b, c: c.c, d: c.d }, { confLevel: c.confLevel });
      assert.ok(outcome.ok, JSON.stringify(outcome.issues));
      const r = outcome.value;
      assertClose(r.p, c.p, pTolerance, `${c.label} p`);
      assertClose(r.pLess, c.pLess, pTolerance, `${c.label} pLess`);
      assertClose(r.pGreater, c.pGreater, pTolerance, `${c.label} pGreater`);
      closeOrInfinite(r.oddsRatio, value(c.oddsRatio), `${c.label} oddsRatio`);
      closeOrInfinite(r.oddsRatioLower, value(c.oddsRatioLower), `${c.label} oddsRatioLower`);
      closeOrInfinite(r.oddsRatioUpper, value(c.oddsRatioUpper), `${c.label} oddsRatioUpper`);
    });
  }
});

describe('computeFisherExact2x2 input checks', () => {
  it('names each bad count', () => {
    const outcome = computeFisherExact2x2({ a: -1, b: 2.5, c: Number.NaN, d: 3 });
    assert.equal(outcome.ok, false);
    assert.deepEqual(
      outcome.issues.map((x) => [x.code, x.path.join('.')]),
      [
        ['invalid-count', 'a'],
        ['invalid-count', 'b'],
        ['invalid-count', 'c'],
      ],
    );
  });

  it('refuses a confidence level outside (0, 1)', () => {
    for (const confLevel of [0, 1, 95, Number.NaN]) {
      const outcome = computeFisherExact2x2({ a: 1, b: 2, c: 3, d: 4 }, { confLevel });
      assert.equal(outcome.ok, false);
      assert.deepEqual(outcome.issues.map((x) => x.code), ['invalid-conf-level']);
    }
  });
});

const count = fc.integer({ min: 0, max: 25 });

describe('computeFisherExact2x2 properties', () => {
  it('swapping the rows inverts the odds ratio and swaps the one-sided p-values', () => {
    fc.assert(
      fc.property(count, count, count, count, (a, b, c, d) => {
        const x = computeFisherExact2x2({ a, b, c, d });
        const y = computeFisherExact2x2({ a: c, b: d, c: a, d: b });
        assert.ok(x.ok && y.ok);
        assertClose(y.value.p, x.value.p, { rel: 1e-9, abs: 1e-300 }, 'p');
        assertClose(y.value.pLess, x.value.pGreater, { rel: 1e-9, abs: 1e-300 }, 'pLess');
        // Estimates come from separate uniroot runs: equal to the root tolerance only.
        if (a + b > 0 && c + d > 0 && a + c > 0 && b + d > 0 && Number.isFinite(x.value.oddsRatio) && x.value.oddsRatio > 0) {
          assertClose(1 / y.value.oddsRatio, x.value.oddsRatio, { rel: 1e-3 }, 'odds ratio');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('p-values lie in (0, 1], the two-sided p is at least the smaller one-sided p, and the CI holds the estimate', () => {
    fc.assert(
      fc.property(count, count, count, count, (a, b, c, d) => {
        const outcome = computeFisherExact2x2({ a, b, c, d });
        assert.ok(outcome.ok);
        const r = outcome.value;
        for (const p of [r.p, r.pLess, r.pGreater]) assert.ok(p > 0 && p <= 1, `p ${p}`);
        assert.ok(r.p >= Math.min(r.pLess, r.pGreater) * (1 - 1e-12));
        assert.ok(r.oddsRatioLower <= r.oddsRatio && r.oddsRatio <= r.oddsRatioUpper);
      }),
      { numRuns: 300 },
    );
  });
});
