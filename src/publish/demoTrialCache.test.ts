import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { buildTestTrial, STANDARD_TEST_SUBJECTS, TEST_PROTOCOL } from '../report/model/buildReportTestTrial.js';
import { loadCachedDemoTrial, loadDemoPlan, type DemoDefinition, type DemoPlanOptions } from './demoTrialCache.js';

const cacheDir = mkdtempSync(join(tmpdir(), 'trialkit-cache-'));
after(() => rmSync(cacheDir, { recursive: true, force: true }));

interface Plan {
  readonly seed: number;
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
    protocolId: TEST_PROTOCOL.id,
    syntheticNote: 'Invented for a test.',
    generatorFolders: ['report/model', 'clinical'],
    planCalls: 0,
    createPlan(options: DemoPlanOptions): Plan {
      demo.planCalls += 1;
      const seed = options.seed ?? 1;
      const size = options.size ?? 3;
      return { seed, size, subjects: Array.from({ length: size }, (_, i) => ({ sequence: i + 1, shift: (seed * 7 + i * 3) % 5 })) };
    },
    createTrial(plan: Plan) {
      return buildTestTrial(plan.subjects.map((s) => STANDARD_TEST_SUBJECTS[(s.sequence + s.shift) % STANDARD_TEST_SUBJECTS.length]));
    },
  };
  return demo;
}

describe('demo trial cache', () => {
  const options = { seed: 3, size: 4, cacheDir };

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
    assert.deepStrictEqual(loadCachedDemoTrial(demo, options), demo.createTrial(demo.createPlan({ seed: 3, size: 4 })));
  });

  it('keys the cache by the options and the protocol', () => {
    const demo = fakeDemo();
    assert.equal(loadDemoPlan(demo, { ...options, seed: 4 }).cached, false);
    assert.notDeepStrictEqual(loadDemoPlan(demo, { ...options, seed: 4 }).plan, loadDemoPlan(demo, options).plan);
    assert.equal(loadDemoPlan({ ...demo, protocolId: 'another' }, options).cached, false);
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
});
