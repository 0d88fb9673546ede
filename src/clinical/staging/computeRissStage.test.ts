import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { CytogeneticRisk } from './computeCytogeneticRisk.js';
import type { IssStage } from './computeIssStage.js';
import { computeRissStage, type RissInput, type RissResult } from './computeRissStage.js';

function riss(input: RissInput): RissResult {
  const outcome = computeRissStage(input);
  assert.ok(outcome.ok, JSON.stringify(outcome.issues));
  return outcome.value;
}

const normalLdh = { ldhUPerL: 200, ldhUlnUPerL: 245 };
const highLdh = { ldhUPerL: 300, ldhUlnUPerL: 245 };

describe('computeRissStage (Palumbo 2015)', () => {
  it('stage I only with ISS I, standard risk and LDH <= ULN (LDH equal to ULN is normal)', () => {
    assert.equal(riss({ issStage: 'I', cytogeneticRisk: 'standard', ...normalLdh }).stage, 'I');
    assert.equal(riss({ issStage: 'I', cytogeneticRisk: 'standard', ldhUPerL: 245, ldhUlnUPerL: 245 }).stage, 'I');
    assert.equal(riss({ issStage: 'I', cytogeneticRisk: 'standard', ldhUPerL: 246, ldhUlnUPerL: 245 }).stage, 'II');
    assert.equal(riss({ issStage: 'I', cytogeneticRisk: 'high', ...normalLdh }).stage, 'II');
  });

  it('stage III with ISS III and high risk or LDH > ULN', () => {
    assert.equal(riss({ issStage: 'III', cytogeneticRisk: 'high', ...normalLdh }).stage, 'III');
    assert.equal(riss({ issStage: 'III', cytogeneticRisk: 'standard', ...highLdh }).stage, 'III');
    assert.equal(riss({ issStage: 'III', cytogeneticRisk: 'standard', ...normalLdh }).stage, 'II');
  });

  it('stage II for ISS II whatever the FISH risk and LDH', () => {
    assert.equal(riss({ issStage: 'II', cytogeneticRisk: 'high', ...highLdh }).stage, 'II');
    assert.equal(riss({ issStage: 'II', cytogeneticRisk: 'standard' }).stage, 'II');
  });

  it('is not evaluable without FISH (the paper staged 82 of 85) or without ISS', () => {
    const noFish = riss({ issStage: 'III', cytogeneticRisk: null, ...highLdh });
    assert.equal(noFish.stage, null);
    assert.match(noFish.reason, /FISH/);
    assert.equal(riss({ issStage: 'II', cytogeneticRisk: null, ...normalLdh }).stage, null);
    assert.equal(riss({ issStage: null, cytogeneticRisk: 'high', ...highLdh }).stage, null);
  });

  it('needs LDH and its ULN only where they decide the stage', () => {
    assert.equal(riss({ issStage: 'I', cytogeneticRisk: 'standard', ldhUPerL: 200 }).stage, null);
    assert.equal(riss({ issStage: 'III', cytogeneticRisk: 'standard' }).stage, null);
    assert.match(riss({ issStage: 'III', cytogeneticRisk: 'standard', ldhUlnUPerL: 245 }).reason, /LDH \(missing\) separates stage II from III/);
    assert.equal(riss({ issStage: 'I', cytogeneticRisk: 'high' }).stage, 'II');
    assert.equal(riss({ issStage: 'III', cytogeneticRisk: 'high' }).stage, 'III');
  });

  it('never puts a patient in R-ISS I outside ISS I/standard risk, nor in R-ISS III outside ISS III', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<IssStage>('I', 'II', 'III'),
        fc.constantFrom<CytogeneticRisk>('high', 'standard'),
        fc.double({ min: 50, max: 1000, noNaN: true }),
        (issStage, cytogeneticRisk, ldhUPerL) => {
          const stage = riss({ issStage, cytogeneticRisk, ldhUPerL, ldhUlnUPerL: 245 }).stage;
          if (stage === 'I') return issStage === 'I' && cytogeneticRisk === 'standard' && ldhUPerL <= 245;
          if (stage === 'III') return issStage === 'III';
          return stage === 'II';
        },
      ),
    );
  });

  it('rejects unknown stage and risk codes and a zero ULN', () => {
    const outcome = computeRissStage({ issStage: 'IV' as IssStage, cytogeneticRisk: 'low' as CytogeneticRisk, ldhUPerL: 100, ldhUlnUPerL: 0 });
    assert.equal(outcome.ok, false);
    assert.deepEqual(outcome.issues.map((i) => i.path[0]), ['issStage', 'cytogeneticRisk', 'ldhUlnUPerL']);
  });
});
