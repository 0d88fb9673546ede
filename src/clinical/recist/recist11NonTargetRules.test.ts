import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RECIST_11_NON_TARGET_RULES } from './recist11NonTargetRules.js';
import type { RecistNonTargetStatus } from './recistInput.js';

function classify(statuses: [RecistNonTargetStatus, boolean?][], afterOverallCr = false): string {
  const context = { lesions: statuses.map(([status, nodal], i) => ({ id: `NT${i + 1}`, nodal: nodal ?? false, status })), afterOverallCr };
  const rule = RECIST_11_NON_TARGET_RULES.find((r) => r.applies(context));
  assert.ok(rule !== undefined);
  return rule.category;
}

describe('RECIST 1.1 non-target rules', () => {
  it('reads each status combination', () => {
    assert.equal(classify([]), 'NA');
    assert.equal(classify([['absent'], ['absent', true]]), 'CR');
    assert.equal(classify([['absent'], ['present']]), 'NON-CR/NON-PD');
    assert.equal(classify([['present'], ['not-evaluated']]), 'NE');
    assert.equal(classify([['absent'], ['not-evaluated']]), 'NE');
    assert.equal(classify([['unequivocal-progression'], ['not-evaluated']]), 'PD');
  });

  it('after an overall CR, a non-nodal lesion present again is PD; a node only when it unequivocally progressed', () => {
    assert.equal(classify([['present'], ['absent', true]], true), 'PD');
    assert.equal(classify([['present'], ['not-evaluated', true]], true), 'PD');
    assert.equal(classify([['absent'], ['present', true]], true), 'NON-CR/NON-PD');
    assert.equal(classify([['absent'], ['unequivocal-progression', true]], true), 'PD');
  });
});
