import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateTrialData } from '../../../clinical/index.js';
import { NCT05236621_PROTOCOL } from '../protocol.js';
import { createDemoTrial } from './createDemoTrial.js';
import { verifyDemoTrial } from './verifyDemoTrial.js';

// Uncalibrated SYNTHETIC trials of any seed and size: every one must be valid raw data of the protocol's
// forms, and derive back to its plan (every enrolled subject eligible, every screen failure failing its
// planned criterion, doses on the ladder). The calibrated twin is checked in createDemoTrial.test.ts.
describe('uncalibrated SYNTHETIC trials, seeds 1-10', () => {
  const sizes = [1, 7, 30, 120, 400, 2000, 86, 250, 60, 15];
  sizes.forEach((size, k) => {
    const seed = k + 1;
    it(`seed ${seed}, ${size} enrolled: validates against the protocol's forms and verifies with zero mismatches`, () => {
      const demo = createDemoTrial({ seed, size });
      assert.equal(demo.plan.calibrated, false);
      assert.equal(demo.plan.patients.length, size);
      const outcome = validateTrialData(demo.trial, NCT05236621_PROTOCOL);
      assert.deepEqual(outcome.ok ? [] : outcome.issues.slice(0, 5), []);
      assert.deepEqual(verifyDemoTrial(demo).slice(0, 10), []);
    });
  });
});
