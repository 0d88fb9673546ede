import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { assertClose, repoPath } from '../../testing/index.js';
import { computeRestrictedMean } from './computeRestrictedMean.js';
import { restrictedMeanKernel } from './restrictedMeanKernel.js';

interface FixtureCase {
  label: string;
  time: number[];
  status: number[];
  group: string[] | null;
  levels: string[] | null;
  tau: number;
  confLevel: number;
  curves: { group: string | null; n: number; events: number; estimate: number; se: number }[];
  differences: { group: string; reference: string; estimate: number; se: number; lower: number; upper: number; p: number }[];
}

const cases = (JSON.parse(readFileSync(repoPath('src/stats/rmst/fixtures/rmst.json'), 'utf8')) as { cases: FixtureCase[] }).cases;
// Closed forms; R sums in extended precision, so the last bits may differ.
const tolerance = { rel: 1e-12, abs: 1e-12 };

describe('computeRestrictedMean against R survival (fixtures/rmst.R)', () => {
  for (const c of cases) {
    it(c.label, () => {
      const outcome = computeRestrictedMean({
        time: c.time,
        status: c.status,
        group: c.group ?? undefined,
        levels: c.levels ?? undefined,
        tau: c.tau,
        confLevel: c.confLevel,
      });
      assert.ok(outcome.ok, JSON.stringify(outcome.issues));
      const result = outcome.value;
      assert.equal(result.curves.length, c.curves.length);
      result.curves.forEach((curve, i) => {
        const e = c.curves[i];
        assert.equal(curve.group, e.group);
        assert.equal(curve.n, e.n, `${c.label} n`);
        assert.equal(curve.events, e.events, `${c.label} events`);
        assert.equal(curve.rmst.tau, c.tau);
        assertClose(curve.rmst.estimate, e.estimate, tolerance, `${c.label} ${String(e.group)} rmean`);
        assertClose(curve.rmst.se, e.se, tolerance, `${c.label} ${String(e.group)} se(rmean)`);
      });
      assert.equal(result.differences.length, c.differences.length);
      result.differences.forEach((d, i) => {
        const e = c.differences[i];
        assert.equal(d.group, e.group);
        assert.equal(d.reference, e.reference);
        for (const key of ['estimate', 'se', 'lower', 'upper', 'p'] as const) assertClose(d[key], e[key], { rel: 1e-10, abs: 1e-12 }, `${c.label} ${e.group} ${key}`);
      });
    });
  }
});

describe('computeRestrictedMean input checks', () => {
  it('refuses tau before the smallest time, as R', () => {
    const outcome = computeRestrictedMean({ time: [5, 8, 9], status: [1, 0, 1], tau: 3 });
    assert.ok(!outcome.ok);
    assert.deepEqual(outcome.issues.map((i) => i.code), ['tau-before-first-time']);
  });
  it('names a bad tau, a group not among the levels and a bad status', () => {
    const outcome = computeRestrictedMean({ time: [1, 2], status: [1, 2], group: ['a', 'c'], levels: ['a', 'b'], tau: Number.NaN });
    assert.ok(!outcome.ok);
    assert.deepEqual(outcome.issues.map((i) => i.code).sort(), ['bad-status', 'bad-tau', 'unknown-group']);
  });
});

const subjects = fc.array(fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 1 })), { minLength: 1, maxLength: 60 });

describe('restricted mean properties', () => {
  it('without censoring is the mean of min(T, tau)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 60 }), fc.integer({ min: 1, max: 70 }), (times, tau) => {
        const t = Math.max(tau, Math.min(...times));
        const outcome = computeRestrictedMean({ time: times, status: times.map(() => 1), tau: t });
        assert.ok(outcome.ok);
        const mean = times.reduce((sum, x) => sum + Math.min(x, t), 0) / times.length;
        assertClose(outcome.value.curves[0].rmst.estimate, mean, { rel: 1e-12, abs: 1e-12 }, 'mean of min(T, tau)');
      }),
    );
  });
  it('lies in [0, tau], grows with tau, and ignores row order', () => {
    fc.assert(
      fc.property(subjects, fc.integer({ min: 0, max: 80 }), fc.integer({ min: 0, max: 30 }), (rows, tau, more) => {
        const time = rows.map((r) => r[0]);
        const status = rows.map((r) => r[1]);
        const t = Math.max(tau, Math.min(...time), 1);
        const a = computeRestrictedMean({ time, status, tau: t });
        const b = computeRestrictedMean({ time, status, tau: t + more });
        const reversed = computeRestrictedMean({ time: [...time].reverse(), status: [...status].reverse(), tau: t });
        assert.ok(a.ok && b.ok && reversed.ok);
        const ra = a.value.curves[0].rmst;
        assert.ok(ra.estimate >= 0 && ra.estimate <= t + 1e-9, `${ra.estimate} outside [0, ${t}]`);
        assert.ok(b.value.curves[0].rmst.estimate >= ra.estimate - 1e-9);
        assert.ok(ra.se >= 0);
        assertClose(reversed.value.curves[0].rmst.estimate, ra.estimate, { rel: 1e-12, abs: 1e-12 }, 'row order');
      }),
    );
  });
  it('the kernel holds the curve flat past the last time', () => {
    // S = 0.5 after time 2 (last time 4, censored): area to 10 = 2 * 1 + 8 * 0.5.
    const r = restrictedMeanKernel([2, 4], [2, 1], [1, 0], [0.5, 0.5], 10);
    assert.equal(r.estimate, 6);
  });
});
