import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PROTOCOL_REGIMEN } from './protocolRegimen.js';
import { dexamethasoneLadderMg, startingDexamethasoneMg } from './startingDexamethasoneDose.js';

describe('the protocol regimen as data', () => {
  it('has 28-day cycles, pomalidomide days 1-21, dexamethasone days 1, 8, 15, 22, at most 26 cycles', () => {
    assert.equal(PROTOCOL_REGIMEN.cycleLengthDays, 28);
    assert.deepEqual(PROTOCOL_REGIMEN.pomalidomide.doseDays, Array.from({ length: 21 }, (_v, i) => i + 1));
    assert.deepEqual(PROTOCOL_REGIMEN.dexamethasone.doseDays, [1, 8, 15, 22]);
    assert.deepEqual(PROTOCOL_REGIMEN.pomalidomide.levelsMg, [4, 3, 2, 1]);
    // 26 x 28 = 728 days fit in 2 years (730); a 27th cycle would not.
    assert.equal(PROTOCOL_REGIMEN.maxCycles, 26);
    assert.equal(PROTOCOL_REGIMEN.followUpIntervalDays, 12 * 7);
    assert.ok(Object.isFrozen(PROTOCOL_REGIMEN.dexamethasone.laddersMg));
  });

  it('starts dexamethasone at 20 mg only above 75 years (abstract: "> 75")', () => {
    assert.equal(startingDexamethasoneMg(74), 40);
    assert.equal(startingDexamethasoneMg(75), 40);
    assert.equal(startingDexamethasoneMg(76), 20);
  });

  it('reduces dexamethasone 40 -> 20 -> 10, or 20 -> 12 -> 8', () => {
    assert.deepEqual(dexamethasoneLadderMg(40), [40, 20, 10]);
    assert.deepEqual(dexamethasoneLadderMg(20), [20, 12, 8]);
    assert.throws(() => dexamethasoneLadderMg(30), RangeError);
  });
});
