import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeCytogeneticRisk } from './computeCytogeneticRisk.js';
import { computeIssStage } from './computeIssStage.js';
import { computeRissStage } from './computeRissStage.js';
import { STAGING_EXAMPLES, type StagingExample } from './stagingExamples.js';

function actual(example: StagingExample): string | null {
  const outcome =
    example.rule === 'ISS'
      ? computeIssStage(example.input)
      : example.rule === 'R-ISS'
        ? computeRissStage(example.input)
        : computeCytogeneticRisk(example.input);
  assert.ok(outcome.ok, `${example.rule} ${JSON.stringify(example.input)}: ${JSON.stringify(outcome.issues)}`);
  return 'stage' in outcome.value ? outcome.value.stage : outcome.value.risk;
}

describe('staging worked examples (stagingExamples.ts) agree with the engines', () => {
  for (const example of STAGING_EXAMPLES) {
    it(`${example.rule} ${JSON.stringify(example.input)} -> ${example.expected ?? 'not evaluable'}`, () => {
      assert.equal(actual(example), example.expected, example.why);
    });
  }

  it('covers every stage, every risk class and a not-evaluable case of each rule', () => {
    const seen = new Set(STAGING_EXAMPLES.map((example) => `${example.rule}:${example.expected ?? 'NE'}`));
    const wanted = ['ISS:I', 'ISS:II', 'ISS:III', 'ISS:NE', 'R-ISS:I', 'R-ISS:II', 'R-ISS:III', 'R-ISS:NE', 'cytogenetic-risk:high', 'cytogenetic-risk:standard', 'cytogenetic-risk:NE'];
    for (const key of wanted) assert.ok(seen.has(key), `no example for ${key}`);
  });
});
