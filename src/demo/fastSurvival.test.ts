import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeLogRank } from '../stats/logrank/index.js';
import { computeKaplanMeier, computeSurvivalAt, computeSurvivalQuantiles } from '../stats/survival/index.js';
import { assertClose } from '../testing/index.js';
import {
  DAYS_PER_MONTH,
  fastCurve,
  fastCurveInto,
  fastCurveKey,
  fastCurveScratch,
  fastCurveWalk,
  fastLogRankP,
  fastLogRankPSorted,
  fastRateDays,
  resumeCurveWalk,
  startCurveWalk,
  type FastCurveScratch,
} from './fastSurvival.js';
import { SeededRandom } from './seededRandom.js';

// The search's inner-loop shortcuts must agree with trialkit's validated statistics on whole-day data.
function sample(seed: number, n: number): { time: number[]; status: number[] } {
  const r = new SeededRandom(seed);
  const time = Array.from({ length: n }, () => r.int(1, 600));
  const status = Array.from({ length: n }, () => (r.chance(0.6) ? 1 : 0));
  return { time, status };
}

describe('fastCurve and fastLogRankP agree with src/stats', () => {
  it('gives no limit at a step to S = 0 (NR-NR when that step is the only way below one half)', () => {
    // 15 subjects: a death while 15 are at risk (S 0.933, its lower band 0.61), 13 censored, then the last
    // subject dies (S 0): the median is that day, and neither band ever reaches one half.
    const time = [30, ...Array.from({ length: 13 }, (_, k) => 100 + k), 400];
    const status = time.map((t) => (t === 30 || t === 400 ? 1 : 0));
    const fast = fastCurve(time, status, time.map((_, i) => i), [6]);
    assertClose(fast.median, 400 / DAYS_PER_MONTH, { rel: 1e-12 }, 'median');
    assert.equal(fast.medianLower, null);
    assert.equal(fast.medianUpper, null);
    assert.ok(fast.lowestLower > 0.5 && fast.lowestLower < 0.7, String(fast.lowestLower));
    const km = computeKaplanMeier({ time, status, confType: 'log-log' });
    assert.ok(km.ok);
    const q = computeSurvivalQuantiles(km.value, [0.5]);
    assert.ok(q.ok);
    assert.equal(q.value[0].estimate, 400);
    assert.deepEqual([q.value[0].lower, q.value[0].upper], [null, null]);
  });

  it('says when the median step sits at exactly 1/2, where src/stats takes the middle of the flat stretch instead', () => {
    const time = [10, 20, 30, 40];
    const status = [1, 1, 1, 0];
    const fast = fastCurve(time, status, time.map((_, i) => i), []);
    assert.equal(fast.medianOnHalf, true);
    assertClose(fast.median, 20 / DAYS_PER_MONTH, { rel: 1e-12 }, 'median');
    const km = computeKaplanMeier({ time, status, confType: 'log-log' });
    assert.ok(km.ok);
    const q = computeSurvivalQuantiles(km.value, [0.5]);
    assert.ok(q.ok);
    assert.equal(q.value[0].estimate, 25);
    const three = fastCurve([10, 20, 30], [1, 1, 1], [0, 1, 2], []);
    assert.equal(three.medianOnHalf, false);
  });

  for (const seed of [1, 2, 3, 4, 5]) {
    it(`seed ${seed}: median, its log-log limits and landmark rates`, () => {
      const { time, status } = sample(seed, 40 + seed * 10);
      const rows = time.map((_, i) => i);
      const fast = fastCurve(time, status, rows, [6, 12]);
      const km = computeKaplanMeier({ time, status, confType: 'log-log' });
      assert.ok(km.ok);
      const q = computeSurvivalQuantiles(km.value, [0.5]);
      assert.ok(q.ok);
      const months = (d: number | null): number | null => (d === null ? null : d / DAYS_PER_MONTH);
      assertClose(fast.median, months(q.value[0].estimate), { rel: 1e-12 }, 'median');
      assertClose(fast.medianLower, months(q.value[0].lower), { rel: 1e-12 }, 'median lower limit');
      assertClose(fast.medianUpper, months(q.value[0].upper), { rel: 1e-12 }, 'median upper limit');
      const at = computeSurvivalAt(km.value, [6 * DAYS_PER_MONTH, 12 * DAYS_PER_MONTH]);
      assert.ok(at.ok);
      assertClose(fast.rates[0], at.value[0].survival, { rel: 1e-12 }, 'S(6 months)');
      assertClose(fast.rates[1], at.value[1].survival, { rel: 1e-12 }, 'S(12 months)');
      assertClose(fast.rateLower[0], at.value[0].lower, { rel: 1e-12 }, 'lower band at 6 months');
      assertClose(fast.rateUpper[1], at.value[1].upper, { rel: 1e-12 }, 'upper band at 12 months');
      const bands = km.value.steps.filter((s) => s.events > 0 && s.lower !== null && s.upper !== null);
      assertClose(fast.lowestLower, Math.min(1, ...bands.map((s) => s.lower as number)), { rel: 1e-12 }, 'lowest lower band');
      assertClose(fast.lowestUpper, Math.min(1, ...bands.map((s) => s.upper as number)), { rel: 1e-12 }, 'lowest upper band');
    });

    it(`seed ${seed}: small curves, where a limit is not reached (NR) or the last subject's event takes S to 0`, () => {
      const r = new SeededRandom(seed + 50);
      const time = Array.from({ length: 12 }, () => r.int(1, 600));
      const status = time.map((_, i) => (i === 0 || r.chance(0.3) ? 1 : 0));
      // The longest time is an event: S ends at 0, where the log-log band is undefined (no limit there).
      const last = time.indexOf(Math.max(...time));
      status[last] = 1;
      const rows = time.map((_, i) => i);
      const fast = fastCurve(time, status, rows, [6]);
      const km = computeKaplanMeier({ time, status, confType: 'log-log' });
      assert.ok(km.ok);
      const q = computeSurvivalQuantiles(km.value, [0.5]);
      assert.ok(q.ok);
      const months = (d: number | null): number | null => (d === null ? null : d / DAYS_PER_MONTH);
      assertClose(fast.median, months(q.value[0].estimate), { rel: 1e-12 }, 'median');
      assertClose(fast.medianLower, months(q.value[0].lower), { rel: 1e-12 }, 'median lower limit');
      assertClose(fast.medianUpper, months(q.value[0].upper), { rel: 1e-12 }, 'median upper limit');
    });

    it(`seed ${seed}: two-group log-rank P`, () => {
      const { time, status } = sample(seed + 100, 60);
      const a = time.flatMap((_, i) => (i % 3 === 0 ? [i] : []));
      const b = time.flatMap((_, i) => (i % 3 !== 0 ? [i] : []));
      const reference = computeLogRank({ time, status, group: time.map((_, i) => (i % 3 === 0 ? 'a' : 'b')) });
      assert.ok(reference.ok);
      // erfc approximation: relative error below 1.2e-7.
      assertClose(fastLogRankP(time, status, a, b), reference.value.p, { rel: 1e-6 }, 'log-rank P');
    });
  }

  it('fastLogRankPSorted (two sorted key runs merged) equals fastLogRankP to the bit', () => {
    const r = new SeededRandom(7);
    let unequalGroups = 0;
    for (let trial = 0; trial < 400; trial++) {
      const n = r.int(2, 90);
      // Few distinct days, so many ties within and across groups.
      const time = Array.from({ length: n }, () => r.int(1, trial % 2 === 0 ? 40 : 600));
      const status = Array.from({ length: n }, () => (r.chance(0.6) ? 1 : 0));
      const a: number[] = [];
      const b: number[] = [];
      for (let i = 0; i < n; i++) (r.chance(0.4) ? a : b).push(i);
      const sortedKeys = (rows: number[]): Int32Array => Int32Array.from(rows, (i) => fastCurveKey(time[i], status[i])).sort();
      const want = fastLogRankP(time, status, a, b);
      const got = fastLogRankPSorted(sortedKeys(a), a.length, sortedKeys(b), b.length);
      assert.ok(Object.is(got, want), `trial ${trial}: ${got} vs ${want}`);
      if (want !== 1) unequalGroups += 1;
    }
    assert.ok(unequalGroups > 300, String(unequalGroups));
  });
});

/** Every field of two summaries, bit for bit (NaN as NaN). */
function assertSameSummary(got: FastCurveScratch, want: FastCurveScratch, label: string): void {
  for (const key of ['median', 'medianOnHalf', 'medianLower', 'medianUpper', 'lowestLower', 'lowestUpper'] as const) {
    assert.ok(Object.is(got[key], want[key]), `${label}: ${key} ${String(got[key])} vs ${String(want[key])}`);
  }
  for (const key of ['rates', 'rateLower', 'rateUpper'] as const) {
    assert.equal(got[key].length, want[key].length);
    got[key].forEach((v, r) => assert.ok(Object.is(v, want[key][r]), `${label}: ${key}[${r}] ${v} vs ${want[key][r]}`));
  }
}

describe('a resumed Kaplan-Meier walk is the whole walk', () => {
  // The search moves one or two rows at a time and resumes each curve's walk at the first day a moved row
  // held or holds: the result must be the whole walk's to the last bit, in every mode the search uses.
  const modes = [
    { withLimits: true, needLowest: true, months: [6, 12] },
    { withLimits: true, needLowest: false, months: [3, 6, 5.99, 6.11] },
    { withLimits: false, needLowest: false, months: [6.05, 6.17] },
  ];
  for (const [m, mode] of modes.entries()) {
    it(`mode ${m}: 400 random moves of one or two rows`, () => {
      const random = new SeededRandom(100 + m);
      const n = 60;
      const time = Array.from({ length: n }, () => random.int(1, 500));
      const status: number[] = Array.from({ length: n }, () => (random.chance(0.6) ? 1 : 0));
      // A group: two rows in three.
      const rows = Array.from({ length: n }, (_, k) => k).filter((k) => k % 3 !== 1);
      const rateDays = fastRateDays(mode.months);
      let current = fastCurveWalk(rows.length);
      let spare = fastCurveWalk(rows.length);
      const out = fastCurveScratch(mode.months.length);
      const whole = fastCurveScratch(mode.months.length);
      startCurveWalk(time, status, rows, rateDays, mode.withLimits, mode.needLowest, current, out);
      fastCurveInto(time, status, rows, rateDays, mode.withLimits, mode.needLowest, whole);
      assertSameSummary(out, whole, 'start');
      let resumedLate = 0;
      for (let move = 0; move < 400; move++) {
        const moved = random.chance(0.5) ? [random.pick(rows)] : [random.pick(rows), random.pick(rows)];
        let fromDay = Number.POSITIVE_INFINITY;
        for (const row of moved) {
          fromDay = Math.min(fromDay, fastCurveKey(time[row], status[row]) >> 2);
          time[row] = random.chance(0.2) ? time[row] : random.int(1, 500);
          status[row] = random.chance(0.5) ? status[row] : 1 - status[row];
          fromDay = Math.min(fromDay, fastCurveKey(time[row], status[row]) >> 2);
        }
        // The new walk's keys, sorted (the search replaces the moved keys in place; the multiset is the same).
        rows.forEach((row, r) => (spare.keys[r] = fastCurveKey(time[row], status[row])));
        spare.keys.subarray(0, rows.length).sort();
        spare.size = rows.length;
        resumeCurveWalk(current, spare, fromDay, rateDays, mode.withLimits, mode.needLowest, out);
        fastCurveInto(time, status, rows, rateDays, mode.withLimits, mode.needLowest, whole);
        assertSameSummary(out, whole, `move ${move}`);
        if (spare.steps > 0 && fromDay > 100) resumedLate += 1;
        // Accept every other move (the walk resumed from becomes the current one), as the search accepts some.
        if (move % 2 === 0) [current, spare] = [spare, current];
        // Otherwise the current walk is walked whole on the moved data (as after the search restores its best layout).
        else startCurveWalk(time, status, rows, rateDays, mode.withLimits, mode.needLowest, current, out);
      }
      assert.ok(resumedLate > 50, `moves resumed past day 100: ${resumedLate}`);
    });
  }
});
