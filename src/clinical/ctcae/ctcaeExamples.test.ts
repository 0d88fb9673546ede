import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeCtcaeGrade } from './computeCtcaeGrade.js';
import { CTCAE_V5_LAB_CRITERIA, type CtcaeGradeValue } from './ctcaeV5LabCriteria.js';

// The worked examples beside each CTCAE rule are documentation; running them keeps the docs honest.
describe('CTCAE v5.0 worked examples (ctcaeV5LabCriteria.ts) agree with computeCtcaeGrade', () => {
  for (const criterion of CTCAE_V5_LAB_CRITERIA) {
    it(`${criterion.term}: every documented example grades as documented`, () => {
      const examples = criterion.examples ?? [];
      assert.ok(examples.length > 0, `${criterion.term} has no worked example`);
      for (const example of examples) {
        const { why, grade, ...input } = example;
        const outcome = computeCtcaeGrade({ term: criterion.term, ...input });
        assert.ok(outcome.ok, `${criterion.term} ${JSON.stringify(input)}: ${JSON.stringify(outcome.issues)}`);
        assert.equal(outcome.value.grade, grade, `${criterion.term} ${JSON.stringify(input)} (${why})`);
      }
    });

    it(`${criterion.term}: the examples cover grade 0 and every grade a value alone can give`, () => {
      const documented = new Set((criterion.examples ?? []).map((example) => example.grade));
      const reachable: CtcaeGradeValue[] = [0, ...criterion.ruleSet.rules.map((rule) => rule.grade)];
      for (const grade of reachable) assert.ok(documented.has(grade), `${criterion.term}: no example of grade ${grade}`);
    });
  }
});
