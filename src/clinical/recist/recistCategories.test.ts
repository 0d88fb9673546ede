import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RECIST_OVERALL_CATEGORIES, isRecistDiseaseControl, isRecistResponse, recistCategory, recistRank } from './recistCategories.js';

describe('RECIST 1.1 category scale', () => {
  it('orders the overall categories best first', () => {
    assert.deepEqual(RECIST_OVERALL_CATEGORIES.map((c) => c.code), ['CR', 'PR', 'SD', 'NON-CR/NON-PD', 'PD', 'NE']);
    assert.ok(recistRank('CR') < recistRank('PR') && recistRank('SD') < recistRank('NON-CR/NON-PD') && recistRank('PD') < recistRank('NE'));
  });

  it('counts CR and PR as responses, and CR, PR, SD, NON-CR/NON-PD as disease control', () => {
    assert.deepEqual(RECIST_OVERALL_CATEGORIES.filter((c) => c.response).map((c) => c.code), ['CR', 'PR']);
    assert.deepEqual(RECIST_OVERALL_CATEGORIES.filter((c) => c.diseaseControl).map((c) => c.code), ['CR', 'PR', 'SD', 'NON-CR/NON-PD']);
    assert.equal(isRecistResponse('PR'), true);
    assert.equal(isRecistResponse('SD'), false);
    assert.equal(isRecistResponse(null), false);
    assert.equal(isRecistDiseaseControl('NON-CR/NON-PD'), true);
    assert.equal(isRecistDiseaseControl('PD'), false);
    assert.equal(isRecistDiseaseControl('NE'), false);
  });

  it('gives each category a label and is frozen', () => {
    assert.equal(recistCategory('NON-CR/NON-PD').label, 'Non-CR/non-PD');
    assert.ok(Object.isFrozen(RECIST_OVERALL_CATEGORIES) && Object.isFrozen(RECIST_OVERALL_CATEGORIES[0]));
    assert.throws(() => recistCategory('MR' as never), RangeError);
  });
});
