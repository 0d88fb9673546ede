import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClose } from '../../testing/index.js';
import { computeKaplanMeier } from './kaplanMeier.js';
import { computeMedianFollowUp } from './medianFollowUp.js';
import { computeSurvivalQuantiles } from './survivalQuantiles.js';
import { asArray, fitCase, loadCases } from './survivalFixtures.test.js';
import { isConfType } from './survivalConfidenceLimits.js';

const closed = { rel: 1e-9, abs: 1e-12 };

describe('computeSurvivalQuantiles against R quantile.survfit', () => {
  for (const c of loadCases()) {
    it(`${c.label} ${c.confType} ${c.confLevel}`, () => {
      const out = computeSurvivalQuantiles(fitCase(c), asArray(c.quantiles.probs).map(Number));
      assert.ok(out.ok);
      out.value.forEach((q, i) => {
        const tag = `${c.label}/${c.confType}/${c.confLevel} p=${q.probability}`;
        assertClose(q.estimate, asArray(c.quantiles.estimate)[i], closed, `${tag} estimate`);
        assertClose(q.lower, asArray(c.quantiles.lower)[i], closed, `${tag} lower`);
        assertClose(q.upper, asArray(c.quantiles.upper)[i], closed, `${tag} upper`);
      });
    });
  }
});

describe('computeMedianFollowUp against R quantile(survfit(Surv(time, 1 - status) ~ 1))', () => {
  for (const c of loadCases()) {
    it(`${c.label} ${c.confType} ${c.confLevel}`, () => {
      assert.ok(isConfType(c.confType));
      const out = computeMedianFollowUp({
        time: asArray(c.time).map(Number),
        status: asArray(c.status).map(Number),
        confType: c.confType,
        confLevel: c.confLevel,
      });
      assert.ok(out.ok);
      const tag = `${c.label}/${c.confType}/${c.confLevel} follow-up`;
      assertClose(out.value.estimate, c.reverseMedian.estimate, closed, `${tag} estimate`);
      assertClose(out.value.lower, c.reverseMedian.lower, closed, `${tag} lower`);
      assertClose(out.value.upper, c.reverseMedian.upper, closed, `${tag} upper`);
    });
  }
});

describe('computeSurvivalQuantiles by hand', () => {
  it('takes the midpoint where S sits at exactly 0.5 and reports a median not reached as null', () => {
    const flat = computeKaplanMeier({ time: [1, 2, 5, 6], status: [1, 1, 1, 1] });
    assert.ok(flat.ok);
    const q = computeSurvivalQuantiles(flat.value, [0.5]);
    assert.ok(q.ok);
    assert.equal(q.value[0].estimate, 3.5);
    const censored = computeKaplanMeier({ time: [1, 2, 3], status: [0, 0, 1] });
    assert.ok(censored.ok);
    const q2 = computeSurvivalQuantiles(censored.value);
    assert.ok(q2.ok);
    assert.equal(q2.value[1].estimate, 3);
    assert.equal(q2.value[1].upper, null);
  });

  it('keeps survival at 1 and every quantile null when all are censored', () => {
    const curve = computeKaplanMeier({ time: [3, 5, 5, 8], status: [0, 0, 0, 0] });
    assert.ok(curve.ok);
    assert.ok(curve.value.steps.every((s) => s.survival === 1));
    const q = computeSurvivalQuantiles(curve.value);
    assert.ok(q.ok);
    assert.ok(q.value.every((x) => x.estimate === null && x.lower === null && x.upper === null));
  });

  it('rejects probabilities outside [0, 1]', () => {
    const curve = computeKaplanMeier({ time: [1], status: [1] });
    assert.ok(curve.ok);
    const out = computeSurvivalQuantiles(curve.value, [0.5, 1.5]);
    assert.ok(!out.ok);
    assert.deepEqual(out.issues[0].path, ['probs', 1]);
  });
});
