import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { populationPhrase } from './populationPhrase.js';

describe('populationPhrase', () => {
  it('lower-cases the first letter only, keeping acronyms', () => {
    assert.equal(populationPhrase('Full analysis set'), 'full analysis set');
    assert.equal(populationPhrase('Responders (IRC) in the full analysis set'), 'responders (IRC) in the full analysis set');
    assert.equal(populationPhrase('ITT population'), 'ITT population');
    assert.equal(populationPhrase('Intent-to-treat'), 'intent-to-treat');
    assert.equal(populationPhrase(''), '');
  });
});
