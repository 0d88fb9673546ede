import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeRecistResponse } from './computeRecistResponse.js';
import { RECIST_11_EXAMPLES, RECIST_11_TABLE_3 } from './recist11Examples.js';
import { RECIST_11_TABLE_1, RECIST_11_TABLE_2 } from './recist11OverallRules.js';

// The worked examples are documentation; running them keeps the documentation honest.
describe('RECIST 1.1 worked examples (recist11Examples.ts) agree with computeRecistResponse', () => {
  for (const example of RECIST_11_EXAMPLES) {
    it(`${example.id}: ${example.why}`, () => {
      const outcome = computeRecistResponse(example.patient, example.options);
      assert.ok(outcome.ok, JSON.stringify(outcome.issues));
      const result = outcome.value;
      const { expected } = example;
      assert.deepEqual(result.assessments.map((a) => a.overall), expected.overall, 'overall');
      if (expected.target !== undefined) assert.deepEqual(result.assessments.map((a) => a.target), expected.target, 'target');
      if (expected.nonTarget !== undefined) assert.deepEqual(result.assessments.map((a) => a.nonTarget), expected.nonTarget, 'non-target');
      if (expected.sumMm !== undefined) assert.deepEqual(result.assessments.map((a) => a.sumMm), expected.sumMm, 'sum');
      assert.equal(result.bestOverallResponse, expected.bestOverallResponse, 'best overall response');
      assert.equal(result.confirmed, expected.confirmed, 'confirmed');
      assert.equal(result.firstResponseDate, expected.firstResponseDate, 'first response date');
      assert.equal(result.progressionDate, expected.progressionDate, 'progression date');
    });
  }

  it('cover every row of Tables 1, 2 and 3, each through the row itself', () => {
    const covered = new Set(RECIST_11_EXAMPLES.flatMap((example) => example.covers));
    RECIST_11_TABLE_1.forEach((_row, i) => assert.ok(covered.has(`table1:${i + 1}`), `Table 1 row ${i + 1}`));
    RECIST_11_TABLE_2.forEach((_row, i) => assert.ok(covered.has(`table2:${i + 1}`), `Table 2 row ${i + 1}`));
    for (const row of RECIST_11_TABLE_3) assert.ok(covered.has(`table3:${row.id}`), `Table 3 ${row.id}`);
    // Each Table 1/2 row is reached by the engine in some example, not only named.
    const used = new Set(
      RECIST_11_EXAMPLES.flatMap((example) => {
        const outcome = computeRecistResponse(example.patient, example.options);
        return outcome.ok ? outcome.value.assessments.map((a) => a.overallRule) : [];
      }),
    );
    for (const row of [...RECIST_11_TABLE_1, ...RECIST_11_TABLE_2]) assert.ok(used.has(row.id), `${row.source} (${row.id}) is never used`);
  });

  it('have unique ids', () => {
    assert.equal(new Set(RECIST_11_EXAMPLES.map((e) => e.id)).size, RECIST_11_EXAMPLES.length);
  });
});
