import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LAB_ANALYTES, STANDARD_UNITS } from './labAnalyte.js';
import { LAB_PLAUSIBILITY_LIMITS } from './labPlausibility.js';

describe('lab plausibility limits', () => {
  it('has one row per analyte, in its SI unit, with a bound and a note', () => {
    assert.deepEqual([...LAB_PLAUSIBILITY_LIMITS.map((row) => row.analyte)].sort(), [...LAB_ANALYTES].sort());
    for (const row of LAB_PLAUSIBILITY_LIMITS) {
      assert.equal(row.unit, STANDARD_UNITS[row.analyte], row.analyte);
      assert.ok(row.low !== undefined || row.high !== undefined, row.analyte);
      if (row.low !== undefined && row.high !== undefined) assert.ok(row.low < row.high, row.analyte);
      assert.ok(row.note.length > 10, row.analyte);
    }
  });
});
