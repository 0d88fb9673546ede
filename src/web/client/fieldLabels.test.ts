import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FormDefinition } from '../../clinical/crf/index.js';
import { formLeaves, labelFieldPath } from './fieldLabels.js';

const FORM: FormDefinition = {
  id: 'assessment',
  label: 'Assessment',
  role: 'disease',
  cardinality: 'many',
  description: 'test form',
  rules: [],
  fields: [
    { key: 'date', label: 'Assessment date', type: 'date', required: true },
    { key: 'outcome', label: 'Outcome', type: 'code', codelist: 'outcomes', required: true },
    { key: 'lab', label: 'Lab value', type: 'record', required: false, fields: [{ key: 'value', label: 'Value', type: 'number', unit: 'g/L', required: true }] },
    { key: 'lesions', label: 'Lesions', type: 'group', required: false, minItems: 0, maxItems: 5, fields: [{ key: 'diameterMm', label: 'Diameter', type: 'number', unit: 'mm', required: true }] },
  ],
};

void describe('field paths in the form’s labels', () => {
  void it('names scalar, record and group fields by their labels, rows counted from 1', () => {
    assert.equal(labelFieldPath(FORM, 'date').label, 'Assessment date');
    assert.equal(labelFieldPath(FORM, 'outcome').field?.type, 'code');
    assert.equal(labelFieldPath(FORM, 'lab.value').label, 'Lab value: Value');
    assert.equal(labelFieldPath(FORM, 'lesions.1.diameterMm').label, 'Lesions, row 2: Diameter');
    assert.equal(labelFieldPath(FORM, 'lesions.*.diameterMm').label, 'Lesions, every row: Diameter');
    assert.equal(labelFieldPath(FORM, 'lesions').label, 'Lesions');
    assert.equal(labelFieldPath(FORM, 'lesions.0').label, 'Lesions, row 1');
  });

  void it('keeps what the form does not define as written', () => {
    assert.deepEqual(labelFieldPath(FORM, 'no.such'), { field: undefined, label: 'no.such' });
    assert.deepEqual(labelFieldPath(FORM, 'lab.unit'), { field: undefined, label: 'Lab value: unit' });
    assert.deepEqual(labelFieldPath(undefined, 'value'), { field: undefined, label: 'value' });
  });

  void it('lists the leaves of a record’s data', () => {
    assert.deepEqual([...formLeaves({ date: '2024-01-02', lab: { value: 1 }, lesions: [{ diameterMm: 20 }, { diameterMm: 30 }] })], [
      ['date', '2024-01-02'],
      ['lab.value', 1],
      ['lesions.0.diameterMm', 20],
      ['lesions.1.diameterMm', 30],
    ]);
  });
});
