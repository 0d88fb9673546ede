import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findProtocol } from '../protocols/index.js';
import { createPlanOnThread } from './createPlanOnThread.js';

const PROTOCOL_ID = 'NCT05236621';

describe('createPlanOnThread', () => {
  const demo = findProtocol(PROTOCOL_ID)?.demo;
  assert.ok(demo !== undefined);
  // An uncalibrated plan of a few subjects: the same code path as the calibrated twin, in milliseconds.
  const planOptions = { seed: 5, size: 12 };

  it('gives on the worker thread exactly the plan createPlan gives here', async () => {
    assert.deepStrictEqual(await createPlanOnThread(demo, PROTOCOL_ID, planOptions), demo.createPlan(planOptions));
  });

  it('makes the plan on this thread when the worker cannot run', async () => {
    const missing = new URL('./no-such-worker.js', import.meta.url);
    assert.deepStrictEqual(await createPlanOnThread(demo, PROTOCOL_ID, planOptions, { workerUrl: missing }), demo.createPlan(planOptions));
  });

  it('rejects with the reason when the protocol has no demo on the thread', async () => {
    await assert.rejects(createPlanOnThread(demo, 'NO-SUCH-PROTOCOL', planOptions), /the demo plan could not be made: protocol NO-SUCH-PROTOCOL has no demo trial/);
  });
});
