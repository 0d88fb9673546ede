import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PFS_CENSORING_EXAMPLES, progressionOutcome } from './endpointRules.js';

describe('PFS censoring worked examples (endpointRules.ts) agree with progressionOutcome', () => {
  for (const example of PFS_CENSORING_EXAMPLES) {
    it(example.rule, () => {
      assert.deepEqual(progressionOutcome(example.input, example.schedule), example.expected, example.why);
    });
  }

  it('documents every rule the brief names', () => {
    const rules = new Set(PFS_CENSORING_EXAMPLES.map((example) => example.rule));
    for (const rule of [
      'no progression or death',
      'new anticancer therapy before progression',
      'event after two or more missed assessments',
      'no post-baseline assessment',
      'death before the first assessment',
    ])
      assert.ok(rules.has(rule), rule);
  });
});
