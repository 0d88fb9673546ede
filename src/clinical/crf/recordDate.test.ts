import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FormDefinition } from './formDefinition.js';
import { recordDateOf } from './recordDate.js';

const form = (dateField?: string): FormDefinition =>
  ({ id: 'f', label: 'F', role: 'lab', cardinality: 'many', description: '', fields: [], rules: [], ...(dateField === undefined ? {} : { dateField }) }) as unknown as FormDefinition;

describe('recordDateOf', () => {
  it("reads the form's own date field, not another date the record holds", () => {
    assert.equal(recordDateOf(form('sampleDate'), { birthDate: '1959-03-02', sampleDate: '2025-02-10' }), '2025-02-10');
  });
  it('is undefined for an undated form, an unknown form, or a record without that date', () => {
    assert.equal(recordDateOf(form(), { birthDate: '1959-03-02' }), undefined);
    assert.equal(recordDateOf(undefined, { sampleDate: '2025-02-10' }), undefined);
    assert.equal(recordDateOf(form('sampleDate'), { sampleDate: 12 }), undefined);
  });
});
