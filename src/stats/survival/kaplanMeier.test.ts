import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { assertClose } from '../../testing/index.js';
import { computeKaplanMeier, kaplanMeierKernel } from './kaplanMeier.js';
import { asArray, fitCase, loadCases } from './survivalFixtures.test.js';

const closed = { rel: 1e-9, abs: 1e-12 };

describe('computeKaplanMeier against R survfit', () => {
  for (const c of loadCases()) {
    it(`${c.label} ${c.confType} ${c.confLevel}`, () => {
      const curve = fitCase(c);
      const tag = `${c.label}/${c.confType}/${c.confLevel}`;
      assert.equal(curve.n, c.n, `${tag} n`);
      assert.equal(curve.events, c.events, `${tag} events`);
      const times = asArray(c.steps.time);
      assert.equal(curve.steps.length, times.length, `${tag} number of steps`);
      curve.steps.forEach((step, i) => {
        const at = `${tag} step ${i} (t=${step.time})`;
        assert.equal(step.time, times[i], `${at} time`);
        assert.equal(step.atRisk, asArray(c.steps.nRisk)[i], `${at} atRisk`);
        assert.equal(step.events, asArray(c.steps.nEvent)[i], `${at} events`);
        assert.equal(step.censored, asArray(c.steps.nCensor)[i], `${at} censored`);
        assertClose(step.survival, asArray(c.steps.surv)[i], closed, `${at} survival`);
        assertClose(step.stdErrLogSurvival, asArray(c.steps.stdErr)[i], closed, `${at} stdErrLogSurvival`);
        assertClose(step.lower, asArray(c.steps.lower)[i], closed, `${at} lower`);
        assertClose(step.upper, asArray(c.steps.upper)[i], closed, `${at} upper`);
      });
    });
  }
});

describe('computeKaplanMeier by hand', () => {
  it('counts events before censorings at a tied time (Greenwood by hand)', () => {
    const out = computeKaplanMeier({ time: [1, 2, 2, 3], status: [1, 1, 0, 1], confType: 'log' });
    assert.ok(out.ok);
    const [s1, s2, s3] = out.value.steps;
    assert.deepEqual([s1.atRisk, s2.atRisk, s3.atRisk], [4, 3, 1]);
    assert.equal(s2.censored, 1);
    assertClose(s2.survival, (3 / 4) * (2 / 3), closed, 'S(2)');
    assertClose(s2.stdErrLogSurvival, Math.sqrt(1 / (4 * 3) + 1 / (3 * 2)), closed, 'SE log S(2)');
    assertClose(s2.stdErrSurvival, 0.5 * Math.sqrt(1 / 12 + 1 / 6), closed, 'SE S(2)');
    assert.equal(s3.survival, 0);
    assert.equal(s3.stdErrLogSurvival, null);
    assert.equal(s3.lower, null);
  });

  it('reports bad input with codes and paths', () => {
    const out = computeKaplanMeier({ time: [1, -2, Number.NaN, Infinity], status: [1, 0, 2, 1] });
    assert.ok(!out.ok);
    const seen = out.issues.map((i) => `${i.code}@${i.path.join('.')}`);
    assert.deepEqual(seen.sort(), ['bad-status@status.2', 'bad-time@time.2', 'bad-time@time.3', 'negative-time@time.1'].sort());
  });

  it('rejects empty data, unequal lengths and bad options', () => {
    const empty = computeKaplanMeier({ time: [], status: [] });
    assert.ok(!empty.ok);
    assert.equal(empty.issues[0].code, 'empty-input');
    const unequal = computeKaplanMeier({ time: [1, 2], status: [1] });
    assert.ok(!unequal.ok);
    assert.deepEqual(unequal.issues[0].path, ['status']);
    assert.equal(unequal.issues[0].code, 'length-mismatch');
    const options = computeKaplanMeier({ time: [1], status: [1], confType: 'logit' as never, confLevel: 1 });
    assert.ok(!options.ok);
    assert.deepEqual(options.issues.map((i) => i.code), ['bad-conf-type', 'bad-conf-level']);
  });

  it('returns frozen values', () => {
    const out = computeKaplanMeier({ time: [1, 2], status: [1, 0] });
    assert.ok(out.ok);
    assert.ok(Object.isFrozen(out.value) && Object.isFrozen(out.value.steps) && Object.isFrozen(out.value.steps[0]));
  });

  it('takes the sorting path for fractional and widely spread times', () => {
    const a = kaplanMeierKernel(Float64Array.from([0.5, 1e9, 3, 0.5]), Uint8Array.from([1, 1, 0, 0]), 'log', 0.95);
    assert.deepEqual(a.steps.map((s) => [s.time, s.atRisk, s.events, s.censored]), [[0.5, 4, 1, 1], [3, 2, 0, 1], [1e9, 1, 1, 0]]);
  });
});

const survivalData = fc
  .array(fc.tuple(fc.oneof(fc.integer({ min: 0, max: 30 }), fc.double({ min: 0, max: 100, noNaN: true })), fc.integer({ min: 0, max: 1 })), {
    minLength: 1,
    maxLength: 60,
  })
  .map((rows) => ({ time: rows.map((r) => r[0]), status: rows.map((r) => r[1]) }));

describe('computeKaplanMeier properties', () => {
  for (const confType of ['log-log', 'log', 'plain'] as const) {
    it(`survival non-increasing, inside its ${confType} limits, atRisk non-increasing`, () => {
      fc.assert(
        fc.property(survivalData, ({ time, status }) => {
          const out = computeKaplanMeier({ time, status, confType });
          assert.ok(out.ok);
          let previous = out.value.steps[0];
          for (const step of out.value.steps) {
            assert.ok(step.survival <= previous.survival);
            assert.ok(step.atRisk <= previous.atRisk);
            assert.ok(step.survival >= 0 && step.survival <= 1);
            if (step.lower !== null && step.upper !== null) {
              assert.ok(step.lower <= step.upper);
              assert.ok(step.lower <= step.survival * (1 + 1e-12) && step.survival <= step.upper * (1 + 1e-12));
            }
            previous = step;
          }
          assert.equal(out.value.n, time.length);
        }),
      );
    });
  }

  it('does not depend on the order of the rows', () => {
    fc.assert(
      fc.property(survivalData, fc.integer(), ({ time, status }, seed) => {
        const order = time.map((_, i) => i);
        let state = seed >>> 0;
        for (let i = order.length - 1; i > 0; i--) {
          state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
          const j = state % (i + 1);
          [order[i], order[j]] = [order[j], order[i]];
        }
        const a = computeKaplanMeier({ time, status });
        const b = computeKaplanMeier({ time: order.map((i) => time[i]), status: order.map((i) => status[i]) });
        assert.ok(a.ok && b.ok);
        assert.deepEqual(b.value, a.value);
      }),
    );
  });
});
