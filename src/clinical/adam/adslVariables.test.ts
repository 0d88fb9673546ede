import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AeGroup } from '../protocol/index.js';
import { aeGroupsOf } from './adslVariables.js';

const GROUPS: readonly AeGroup[] = Object.freeze([
  { id: 'cytopenia', label: 'Cytopenias', preferredTerms: ['Neutrophil count decreased', 'Anaemia'], systemOrganClasses: [] },
  { id: 'infection', label: 'Infections', preferredTerms: ['Herpes  zoster'], systemOrganClasses: ['Infections and infestations'] },
  { id: 'blood', label: 'Blood disorders', preferredTerms: [], systemOrganClasses: ['Blood and lymphatic system disorders'] },
]);

describe('aeGroupsOf', () => {
  it('matches preferred terms and system organ classes case- and space-insensitively, in the groups order', () => {
    assert.deepEqual(aeGroupsOf(' anaemia ', 'Blood and lymphatic  system disorders', GROUPS), ['cytopenia', 'blood']);
    assert.deepEqual(aeGroupsOf('HERPES ZOSTER', undefined, GROUPS), ['infection']);
    assert.deepEqual(aeGroupsOf('Pneumonia', 'infections and infestations', GROUPS), ['infection']);
  });

  it('gives no group to an AE that no group names, and reads each groups list on its own', () => {
    assert.deepEqual(aeGroupsOf('Fatigue', 'General disorders', GROUPS), []);
    assert.deepEqual(aeGroupsOf('Anaemia', undefined, []), []);
    const other: readonly AeGroup[] = [{ id: 'fatigue', label: 'Fatigue', preferredTerms: ['fatigue'], systemOrganClasses: [] }];
    assert.deepEqual(aeGroupsOf('Fatigue', 'General disorders', other), ['fatigue']);
    assert.deepEqual(aeGroupsOf('Fatigue', 'General disorders', GROUPS), []);
  });
});
