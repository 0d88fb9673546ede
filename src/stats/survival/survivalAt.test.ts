import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClose } from '../../testing/index.js';
import { computeKaplanMeier } from './kaplanMeier.js';
import { numberAtRiskAt } from './numberAtRiskAt.js';
import { computeSurvivalAt } from './survivalAt.js';
import { asArray, fitCase, loadCases } from './survivalFixtures.test.js';

const closed = { rel: 1e-9, abs: 1e-12 };

describe('computeSurvivalAt against R summary(survfit, times = ...)', () => {
  for (const c of loadCases()) {
    it(`${c.label} ${c.confType} ${c.confLevel}`, () => {
      const curve = fitCase(c);
      const requested = asArray(c.at.requested).map(Number);
      const out = computeSurvivalAt(curve, requested);
      assert.ok(out.ok);
      const rTimes = asArray(c.at.time);
      const lastTime = curve.steps[curve.steps.length - 1].time;
      let j = 0;
      for (const row of out.value) {
        const tag = `${c.label}/${c.confType}/${c.confLevel} t=${row.time}`;
        if (row.time > lastTime) {
          // R (extend = FALSE) omits these times; trialkit says why instead.
          assert.equal(row.survival, null, tag);
          assert.equal(row.reason, 'after-last-observation', tag);
          continue;
        }
        assert.equal(row.time, rTimes[j], `${tag} time`);
        assertClose(row.survival, asArray(c.at.surv)[j], closed, `${tag} survival`);
        assertClose(row.stdErrSurvival, asArray(c.at.stdErr)[j], closed, `${tag} stdErrSurvival`);
        assertClose(row.lower, asArray(c.at.lower)[j], closed, `${tag} lower`);
        assertClose(row.upper, asArray(c.at.upper)[j], closed, `${tag} upper`);
        assert.equal(row.atRisk, asArray(c.at.nRisk)[j], `${tag} atRisk`);
        j += 1;
      }
      assert.equal(j, rTimes.length, 'every time R reports is matched');
      const extended = asArray(c.atRiskExtended.time);
      extended.forEach((t, i) => assert.equal(numberAtRiskAt(curve, Number(t)), asArray(c.atRiskExtended.nRisk)[i], `n.risk at ${t}`));
    });
  }
});

describe('computeSurvivalAt', () => {
  it('rejects a non-finite time', () => {
    const curve = computeKaplanMeier({ time: [1, 2], status: [1, 1] });
    assert.ok(curve.ok);
    const out = computeSurvivalAt(curve.value, [1, Number.NaN]);
    assert.ok(!out.ok);
    assert.deepEqual(out.issues[0].path, ['times', 1]);
  });
});
