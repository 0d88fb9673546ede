import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findRecistProgression } from './findRecistProgression.js';
import type { RecistOverallResponse } from './recistCategories.js';
import type { RecistNewLesion } from './recistInput.js';

/** "SD/no PR/equivocal PD/yes" -> progression index and back-dated-from index. */
function find(sequence: string): [number | null, number | null] {
  const points = sequence.split(' ').map((item) => {
    const [overall, newLesion] = item.split('/');
    return { overall: overall as RecistOverallResponse, newLesion: newLesion as RecistNewLesion };
  });
  const progression = findRecistProgression(points);
  return [progression.index, progression.backdatedFromIndex];
}

describe('findRecistProgression', () => {
  it('is the first PD', () => {
    assert.deepEqual(find('SD/no PR/no'), [null, null]);
    assert.deepEqual(find('SD/no PD/no PD/yes'), [1, null]);
  });

  it('dates a new lesion back to the first of the equivocal scans just before it', () => {
    assert.deepEqual(find('SD/no PR/equivocal PR/equivocal PD/yes'), [1, 3]);
    assert.deepEqual(find('PR/equivocal PR/no PR/equivocal PD/yes'), [2, 3]);
  });

  it('keeps an earlier PD of another cause', () => {
    assert.deepEqual(find('SD/no PD/no SD/equivocal PD/yes'), [1, null]);
    assert.deepEqual(find('SD/equivocal PD/equivocal PD/yes'), [0, 2]);
  });

  it('does not date back for an equivocal lesion that never became unequivocal', () => {
    assert.deepEqual(find('SD/equivocal SD/equivocal PD/no'), [2, null]);
  });
});
