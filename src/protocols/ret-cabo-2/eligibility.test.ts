import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { computeEligibility, screeningSchemaOf, type EligibilityExample } from '../../clinical/index.js';
import { repoPath } from '../../testing/index.js';
import { RET_CABO_2_CRITERIA_EXAMPLES, RET_CABO_2_ELIGIBILITY } from './eligibility.js';
import { RET_CABO_2_PROTOCOL } from './protocol.js';

type Json = Record<string, unknown>;
const schema = screeningSchemaOf(RET_CABO_2_PROTOCOL);
const eligible = (): Json => JSON.parse(readFileSync(repoPath('examples', 'ret-cabo-2', 'screening-eligible.json'), 'utf8')) as Json;

function recordFor(example: EligibilityExample): Json {
  const record = eligible();
  for (const [path, value] of Object.entries(example.fields)) {
    const keys = path.split('.');
    let node = record;
    for (const key of keys.slice(0, -1)) node = node[key] as Json;
    const last = keys[keys.length - 1];
    if (value === undefined) delete node[last];
    else node[last] = value;
  }
  return record;
}

describe('RET-CABO-2 eligibility', () => {
  it('finds the example record eligible, every criterion met', () => {
    const outcome = computeEligibility(eligible(), RET_CABO_2_ELIGIBILITY, schema);
    assert.ok(outcome.ok, JSON.stringify(outcome.issues));
    assert.equal(outcome.value.eligible, true, JSON.stringify(outcome.value.criteria.filter((c) => c.status !== 'met')));
  });

  for (const criterion of RET_CABO_2_ELIGIBILITY.criteria) {
    it(`${criterion.id}: worked examples`, () => {
      const examples = RET_CABO_2_CRITERIA_EXAMPLES[criterion.id] ?? [];
      assert.ok(examples.length >= 2, `${criterion.id} needs a met and a not-met example`);
      for (const example of examples) {
        const outcome = computeEligibility(recordFor(example), RET_CABO_2_ELIGIBILITY, schema);
        assert.ok(outcome.ok, `${criterion.id} ${JSON.stringify(example.fields)}: ${JSON.stringify(outcome.issues)}`);
        const result = outcome.value.criteria.find((c) => c.id === criterion.id);
        assert.equal(result?.status, example.status, `${criterion.id} ${JSON.stringify(example.fields)} (${example.why}): ${result?.reason ?? ''}`);
      }
    });
  }
});
