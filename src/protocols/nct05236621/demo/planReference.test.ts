import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { assertClose, repoPath } from '../../../testing/index.js';
import { computePlanTallies, type Tally } from './computePlanTallies.js';
import { createCohortPlan, DEFAULT_COHORT_SEED, type CohortPlanOptions } from './createCohortPlan.js';

// The plan is cached keyed by code and every reproduced number comes from it: moving or refactoring the
// generator must give back exactly the plans it gave before. fixtures/planReference.json was written by
// fixtures/dumpPlanReference.mjs from a build of commit 686604d (the generator before issue 12 moved it here)
// and rewritten for issue 14, a deliberate change of every plan (visit windows, tie constraints, a longer
// search), from the build of branch demo14.

interface Reference {
  readonly commit: string;
  readonly defaultSeed: number;
  readonly plans: readonly { readonly label: string; readonly options: CohortPlanOptions; readonly sha256: string; readonly enrolled: number; readonly screenFailures: number }[];
  readonly defaultTallies: Readonly<Record<string, Tally>>;
}

const reference = JSON.parse(readFileSync(repoPath('src/protocols/nct05236621/demo/fixtures/planReference.json'), 'utf8')) as Reference;
const sha256 = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('hex');
const defaultPlan = createCohortPlan();

describe(`the SYNTHETIC cohort plans are those of commit ${reference.commit}`, () => {
  it('keeps the default seed', () => {
    assert.equal(DEFAULT_COHORT_SEED, reference.defaultSeed);
  });

  for (const expected of reference.plans) {
    it(`gives the same plan to the bit: ${expected.label}`, () => {
      const plan = Object.keys(expected.options).length === 0 ? defaultPlan : createCohortPlan(expected.options);
      assert.equal(plan.patients.length, expected.enrolled);
      assert.equal(plan.screenFailures.length, expected.screenFailures);
      assert.equal(sha256(plan), expected.sha256, `${expected.label}: the plan's JSON differs from the reference`);
    });
  }

  it('recomputes every published quantity of the default plan as before (counts exactly, statistics to 1e-9)', () => {
    const tallies = computePlanTallies(defaultPlan);
    assert.deepEqual(Object.keys(tallies).sort(), Object.keys(reference.defaultTallies).sort());
    for (const [id, expected] of Object.entries(reference.defaultTallies)) {
      const actual = tallies[id] as Record<string, unknown>;
      assert.equal(actual.kind, expected.kind, id);
      for (const [field, value] of Object.entries(expected)) {
        if (field === 'kind') continue;
        if (field === 'n' || field === 'N') assert.equal(actual[field], value, `${id}.${field}`);
        else assertClose(actual[field] as number | null, value as number | null, { rel: 1e-9, abs: 1e-12 }, `${id}.${field}`);
      }
    }
  });
});
