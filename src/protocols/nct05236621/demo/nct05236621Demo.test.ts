import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { describe, it } from 'node:test';
import { validateTrialData } from '../../../clinical/index.js';
import { findProtocol } from '../../index.js';
import { repoPath } from '../../../testing/index.js';
import { NCT05236621_PROTOCOL } from '../protocol.js';
import { createCohortPlan, DEFAULT_COHORT_SEED, SYNTHETIC_NOTE } from './createCohortPlan.js';
import { NCT05236621_DEMO } from './nct05236621Demo.js';

/** Every source file a file imports, transitively (relative imports only; packages are not source folders). */
function importClosure(start: string): Set<string> {
  const seen = new Set<string>();
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/^\s*(?:import|export)[^'"]*from\s+['"](\.[^'"]+)['"]/gm)) queue.push(join(dirname(file), match[1].replace(/\.js$/, '.ts')));
  }
  return seen;
}

describe('NCT05236621_DEMO (the generic demo contract)', () => {
  it('is registered with the protocol and says SYNTHETIC', () => {
    assert.equal(findProtocol('NCT05236621')?.demo, NCT05236621_DEMO);
    assert.equal(NCT05236621_DEMO.synthetic, true);
    assert.match(NCT05236621_DEMO.description, /SYNTHETIC/);
    assert.equal(NCT05236621_DEMO.syntheticNote, SYNTHETIC_NOTE);
    assert.equal(NCT05236621_DEMO.defaultSeed, DEFAULT_COHORT_SEED);
    assert.equal(NCT05236621_DEMO.calibratedSize, 85);
  });

  it('plans: the default options give the calibrated twin; size alone draws an uncalibrated trial', () => {
    const twin = NCT05236621_DEMO.createPlan();
    assert.deepEqual(twin, createCohortPlan());
    assert.equal(twin.calibrated, true);
    assert.equal(twin.seed, DEFAULT_COHORT_SEED);
    const small = NCT05236621_DEMO.createPlan({ seed: 4, size: 30 });
    assert.equal(small.calibrated, false);
    assert.equal(small.patients.length, 30);
    assert.deepEqual(NCT05236621_DEMO.createPlan({ seed: 4, size: 30 }), small);

    // A plan survives a JSON round trip (how a cache stores it) and renders to the same trial.
    const parsed = JSON.parse(JSON.stringify(small)) as typeof small;
    const rendered = NCT05236621_DEMO.renderTrial(small);
    assert.equal(JSON.stringify(NCT05236621_DEMO.renderTrial(parsed)), JSON.stringify(rendered));
    assert.equal(rendered.synthetic, true);
    assert.equal(rendered.trial.synthetic, true);
    assert.equal(rendered.trial.protocolId, NCT05236621_PROTOCOL.identity.registryId);
    assert.equal(validateTrialData(rendered.trial, NCT05236621_PROTOCOL).ok, true);
    assert.deepEqual(NCT05236621_DEMO.verify(rendered), []);
  });

  it('verify finds a rendered trial that no longer says what its plan meant', () => {
    const plan = NCT05236621_DEMO.createPlan({ seed: 4, size: 30 });
    const demo = NCT05236621_DEMO.renderTrial(plan);
    const other = NCT05236621_DEMO.renderTrial(NCT05236621_DEMO.createPlan({ seed: 5, size: 30 }));
    assert.ok(NCT05236621_DEMO.verify({ ...demo, trial: other.trial }).length > 0);
  });

  it('names every folder whose code can change a plan (the cache key): the imports of the generator stay inside them', () => {
    const src = repoPath('src');
    const files = importClosure(repoPath('src/protocols/nct05236621/demo/nct05236621Demo.ts'));
    const outside = [...files]
      .map((file) => relative(src, file).split(sep).join('/'))
      .filter((file) => !NCT05236621_DEMO.planCodeFolders.some((folder) => file.startsWith(`${folder}/`)));
    assert.deepEqual(outside, []);
    assert.ok(files.size > 40, `the walk found ${files.size} files`);
  });
});
