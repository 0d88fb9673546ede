import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CTCAE_V5_LAB_CRITERIA } from './ctcaeV5LabCriteria.js';
import { CTCAE_V5_SYSTEM_ORGAN_CLASSES } from './ctcaeV5SystemOrganClasses.js';
import { findCtcaeSystemOrganClass } from './findCtcaeSystemOrganClass.js';

describe('findCtcaeSystemOrganClass', () => {
  it('finds a CTCAE v5.0 term and its spellings, ignoring case and spacing', () => {
    assert.equal(findCtcaeSystemOrganClass('Diarrhea')?.systemOrganClass, 'Gastrointestinal disorders');
    assert.equal(findCtcaeSystemOrganClass('  diarrhoea ')?.term, 'Diarrhea');
    assert.equal(findCtcaeSystemOrganClass('White blood cell count decreased')?.systemOrganClass, 'Investigations');
    assert.equal(findCtcaeSystemOrganClass('Hyperglycaemia')?.systemOrganClass, 'Metabolism and nutrition disorders');
  });

  it('returns null for a term that is not a CTCAE v5.0 term (no guessed coding)', () => {
    for (const term of ['Pneumonia', 'Cardiac failure', 'Deep vein thrombosis', 'Astriction', '']) assert.equal(findCtcaeSystemOrganClass(term), null, term);
  });

  it('names each term and alias once, and covers every graded laboratory term', () => {
    const names = CTCAE_V5_SYSTEM_ORGAN_CLASSES.flatMap((e) => [e.term, ...e.aliases].map((n) => n.toLowerCase()));
    assert.equal(new Set(names).size, names.length);
    for (const criterion of CTCAE_V5_LAB_CRITERIA) {
      // The terms ADLB grades are the ones the shift tables and AE tables meet most: each has its SOC here.
      assert.notEqual(findCtcaeSystemOrganClass(criterion.term), null, criterion.term);
    }
  });
});
