import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeCytogeneticRisk, type CytogeneticRiskResult, type FishPanel } from './computeCytogeneticRisk.js';

function risk(fish: FishPanel | null): CytogeneticRiskResult {
  const outcome = computeCytogeneticRisk(fish);
  assert.ok(outcome.ok, JSON.stringify(outcome.issues));
  return outcome.value;
}

const negative = { del17p: false, t4_14: false, t14_16: false };

describe('computeCytogeneticRisk', () => {
  it('is high risk with any of del(17p), t(4;14), t(14;16)', () => {
    assert.equal(risk({ ...negative, del17p: true }).risk, 'high');
    assert.equal(risk({ ...negative, t4_14: true }).risk, 'high');
    assert.equal(risk({ ...negative, t14_16: true }).risk, 'high');
    assert.deepEqual(risk({ del17p: true, t4_14: true, t14_16: false }).highRiskAbnormalities, ['del(17p)', 't(4;14)']);
  });

  it('reports gain(1q21) and del(13q) without making them high risk', () => {
    const result = risk({ ...negative, gain1q21: true, del13q: true });
    assert.equal(result.risk, 'standard');
    assert.deepEqual(result.otherAbnormalities, ['gain(1q21)', 'del(13q)']);
    assert.match(result.reason, /gain\(1q21\), del\(13q\) reported but not high risk/);
  });

  it('is not evaluable without FISH, or with a high-risk probe missing and the others negative', () => {
    assert.equal(risk(null).risk, null);
    const partial = risk({ del17p: false, t4_14: false, gain1q21: true });
    assert.equal(partial.risk, null);
    assert.match(partial.reason, /no result for t\(14;16\)/);
    // One positive probe settles it even when another has no result.
    assert.equal(risk({ del17p: true, t4_14: null }).risk, 'high');
  });

  it('rejects a probe that is not true, false or null', () => {
    const outcome = computeCytogeneticRisk({ del17p: 'yes' as unknown as boolean });
    assert.equal(outcome.ok, false);
    assert.deepEqual(outcome.issues.map((i) => i.path), [['del17p']]);
  });
});
