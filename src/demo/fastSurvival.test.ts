import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeLogRank } from '../stats/logrank/index.js';
import { computeKaplanMeier, computeSurvivalAt, computeSurvivalQuantiles } from '../stats/survival/index.js';
import { assertClose } from '../testing/index.js';
import { DAYS_PER_MONTH, fastCurve, fastLogRankP } from './fastSurvival.js';
import { SeededRandom } from './seededRandom.js';

// The search's inner-loop shortcuts must agree with trialkit's validated statistics on whole-day data.
function sample(seed: number, n: number): { time: number[]; status: number[] } {
  const r = new SeededRandom(seed);
  const time = Array.from({ length: n }, () => r.int(1, 600));
  const status = Array.from({ length: n }, () => (r.chance(0.6) ? 1 : 0));
  return { time, status };
}

describe('fastCurve and fastLogRankP agree with src/stats', () => {
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
});
