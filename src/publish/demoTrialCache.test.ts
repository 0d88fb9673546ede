import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { buildTestTrial, STANDARD_TEST_SUBJECTS, TEST_PROTOCOL } from '../protocols/nct05236621/testing/reportTestTrial.js';
import type { DemoDefinition, DemoPlan, DemoPlanOptions, DemoTrial } from '../demo/index.js';
import { loadCachedDemoTrial, loadDemoPlan, loadDemoPlanAsync } from './demoTrialCache.js';

const cacheDir = mkdtempSync(join(tmpdir(), 'trialkit-cache-'));
after(() => rmSync(cacheDir, { recursive: true, force: true }));

interface Plan extends DemoPlan {
  readonly size: number;
  readonly subjects: readonly { readonly sequence: number; readonly shift: number }[];
}

/**
 * A small demo generator standing in for a protocol's (the real ones come with the protocol folders): a
 * seeded plan of subjects, rendered into the report test trial. It counts its calls, so the test sees
 * when the cache served the plan.
 */
function fakeDemo(): DemoDefinition<Plan> & { planCalls: number } {
  const demo = {
    synthetic: true as const,
    description: 'SYNTHETIC test demo',
    syntheticNote: 'Invented for a test.',
    defaultSeed: 1,
    calibratedSize: 3,
    planCodeFolders: ['report/model', 'clinical'],
    planCalls: 0,
    createPlan(options: DemoPlanOptions = {}): Plan {
      demo.planCalls += 1;
      const seed = options.seed ?? 1;
      const size = options.size ?? 3;
      return { synthetic: true, note: 'SYNTHETIC', calibrated: false, seed, size, subjects: Array.from({ length: size }, (_, i) => ({ sequence: i + 1, shift: (seed * 7 + i * 3) % 5 })) };
    },
    renderTrial(plan: Plan): DemoTrial<Plan> {
      return { synthetic: true, plan, screening: [], trial: buildTestTrial(plan.subjects.map((s) => STANDARD_TEST_SUBJECTS[(s.sequence + s.shift) % STANDARD_TEST_SUBJECTS.length])) };
    },
    verify: () => [],
  };
  return demo;
}

describe('demo trial cache', () => {
  const options = { seed: 3, size: 4, cacheDir, protocolId: TEST_PROTOCOL.id };

  it('generates on first use, then serves exactly the generated plan, frozen', () => {
    const demo = fakeDemo();
    const first = loadDemoPlan(demo, options);
    assert.equal(first.cached, false);
    assert.equal(readdirSync(cacheDir).filter((f) => f.endsWith('.json')).length, 1);
    const second = loadDemoPlan(demo, options);
    assert.equal(second.cached, true);
    assert.equal(demo.planCalls, 1);
    assert.deepStrictEqual(second.plan, demo.createPlan({ seed: 3, size: 4 }));
    assert.ok(Object.isFrozen(second.plan) && Object.isFrozen(second.plan.subjects[0]));
    assert.deepStrictEqual(loadCachedDemoTrial(demo, options).trial, demo.renderTrial(demo.createPlan({ seed: 3, size: 4 })).trial);
  });

  it('keys the cache by the options and the protocol', () => {
    const demo = fakeDemo();
    assert.equal(loadDemoPlan(demo, { ...options, seed: 4 }).cached, false);
    assert.notDeepStrictEqual(loadDemoPlan(demo, { ...options, seed: 4 }).plan, loadDemoPlan(demo, options).plan);
    assert.equal(loadDemoPlan(demo, { ...options, protocolId: 'another' }).cached, false);
  });

  it('regenerates over a corrupt cache file', () => {
    const demo = fakeDemo();
    const dir = mkdtempSync(join(cacheDir, 'corrupt-'));
    loadDemoPlan(demo, { ...options, cacheDir: dir });
    const file = readdirSync(dir).find((f) => f.endsWith('.json'));
    assert.ok(file !== undefined);
    writeFileSync(join(dir, file), '{"not json');
    const again = loadDemoPlan(demo, { ...options, cacheDir: dir });
    assert.equal(again.cached, false);
    assert.deepStrictEqual(again.plan, demo.createPlan({ seed: 3, size: 4 }));
  });

  it('works without a cache', () => {
    assert.equal(loadDemoPlan(fakeDemo(), { ...options, cacheDir: null }).cached, false);
  });

  it('serves the async loader from the same cache, and freezes a plan generated elsewhere', async () => {
    const demo = fakeDemo();
    const dir = mkdtempSync(join(cacheDir, 'async-'));
    // A generator standing in for another thread: an unfrozen copy of the plan.
    const copied = (planOptions: DemoPlanOptions) => Promise.resolve(structuredClone(demo.createPlan(planOptions)));
    const first = await loadDemoPlanAsync(demo, { ...options, cacheDir: dir }, copied);
    assert.equal(first.cached, false);
    assert.ok(Object.isFrozen(first.plan) && Object.isFrozen(first.plan.subjects[0]));
    assert.deepStrictEqual(first.plan, demo.createPlan({ seed: 3, size: 4 }));
    const calls = demo.planCalls;
    assert.equal(loadDemoPlan(demo, { ...options, cacheDir: dir }).cached, true);
    assert.equal((await loadDemoPlanAsync(demo, { ...options, cacheDir: dir }, copied)).cached, true);
    assert.equal(demo.planCalls, calls);
  });
});
