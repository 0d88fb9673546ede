import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { createCohortPlan, createDemoTrial } from '../demo/index.js';
import { loadDemoPlan, loadCachedDemoTrial } from './demoTrialCache.js';

const cacheDir = mkdtempSync(join(tmpdir(), 'trialkit-cache-'));
after(() => rmSync(cacheDir, { recursive: true, force: true }));

describe('demo trial cache', () => {
  const options = { seed: 3, size: 40, cacheDir };

  it('generates on first use, then serves exactly the generated plan', () => {
    const first = loadDemoPlan(options);
    assert.equal(first.cached, false);
    assert.equal(readdirSync(cacheDir).filter((f) => f.endsWith('.json')).length, 1);
    const second = loadDemoPlan(options);
    assert.equal(second.cached, true);
    assert.deepStrictEqual(second.plan, createCohortPlan({ seed: 3, size: 40 }));
    assert.ok(Object.isFrozen(second.plan) && Object.isFrozen(second.plan.patients[0]));
    assert.deepStrictEqual(loadCachedDemoTrial(options), createDemoTrial({ seed: 3, size: 40 }));
  });

  it('keys the cache by the options', () => {
    assert.equal(loadDemoPlan({ ...options, seed: 4 }).cached, false);
    assert.notDeepStrictEqual(loadDemoPlan({ ...options, seed: 4 }).plan, loadDemoPlan(options).plan);
  });

  it('regenerates over a corrupt cache file', () => {
    const dir = mkdtempSync(join(cacheDir, 'corrupt-'));
    loadDemoPlan({ ...options, cacheDir: dir });
    const file = readdirSync(dir).find((f) => f.endsWith('.json'))!;
    writeFileSync(join(dir, file), '{"not json');
    const again = loadDemoPlan({ ...options, cacheDir: dir });
    assert.equal(again.cached, false);
    assert.deepStrictEqual(again.plan, createCohortPlan({ seed: 3, size: 40 }));
  });

  it('works without a cache', () => {
    assert.equal(loadDemoPlan({ ...options, cacheDir: null }).cached, false);
  });
});
