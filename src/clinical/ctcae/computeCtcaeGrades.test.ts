import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeCtcaeGrades } from './computeCtcaeGrades.js';

describe('computeCtcaeGrades', () => {
  it('grades every row and reports bad rows with their row index, without stopping the others', () => {
    const outcome = computeCtcaeGrades([
      { term: 'Neutrophil count decreased', value: 1.0, unit: '10^9/L', lln: 2 },
      { term: 'Anemia', value: 9, unit: 'mmol/mol', lln: 120 },
      { term: 'Nope', value: 1, unit: 'g/L' },
      { term: 'Platelet count decreased', value: 80, unit: '10^9/L' },
    ]);
    assert.ok(outcome.ok);
    const rows = outcome.value;
    assert.equal(rows.length, 4);
    assert.equal(rows[0].result?.grade, 2);
    assert.equal(rows[1].result, null);
    assert.deepEqual(rows[1].issues.map((i) => i.path), [['rows', 1, 'unit']]);
    assert.equal(rows[2].result, null);
    assert.equal(rows[3].result?.grade, null);
    assert.match(rows[3].result?.reason ?? '', /needs LLN/);
    assert.deepEqual(
      outcome.issues.map((i) => [i.code, ...i.path]),
      [
        ['unknown-unit', 'rows', 1, 'unit'],
        ['unknown-term', 'rows', 2, 'term'],
      ],
    );
  });
});
