import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NCT05236621_PROTOCOL as P } from '../../protocols/nct05236621/index.js';
import { nctSubject as exampleSubject, nctTrial as exampleTrial } from '../../protocols/nct05236621/testing/index.js';
import { addDays } from '../crf/index.js';
import { formatPath } from '../../result/index.js';
import type { LabForm } from '../crf/index.js';
import { createAdlb } from './createAdlb.js';
import { createAdsl } from './createAdsl.js';

const ENROL = '2021-06-01';

function lab(date: string, value: number, unit: string, overrides: Partial<LabForm> = {}): LabForm {
  return { date, visit: 'V', analyte: 'neutrophils', value, unit, lln: 2.0, uln: 7.5, source: 'central', ...overrides };
}

describe('createAdlb', () => {
  it('converts to SI, flags the last value on or before the first dose as baseline and grades with CTCAE', () => {
    const labs = [
      lab(addDays(ENROL, -10), 3.1, '10^9/L'),
      lab(ENROL, 2500, '/uL', { lln: 2000, uln: 7500 }),
      lab(addDays(ENROL, 14), 0.8, '10^9/L'),
      lab(addDays(ENROL, 28), 1.0, '10^9/L'),
    ];
    const trial = exampleTrial([exampleSubject(1, { overrides: { labs } })]);
    const { dataset, issues } = createAdlb(trial, createAdsl(trial, P).dataset);
    assert.deepEqual(issues, []);
    assert.deepEqual(dataset.map((row) => row.AVAL), [3.1, 2.5, 0.8, 1.0]);
    assert.deepEqual(dataset.map((row) => row.ABLFL), [null, 'Y', null, null]);
    assert.deepEqual([dataset[1].ANRLO, dataset[1].ANRHI, dataset[1].AVALU], [2, 7.5, '10^9/L']);
    assert.deepEqual(dataset.map((row) => row.ATOXGRL), [0, 0, 3, 2]);
    assert.deepEqual(dataset.map((row) => row.ATOXDSCL), Array(4).fill('Neutrophil count decreased'));
    assert.equal(dataset[2].BASE, 2.5);
    assert.ok(Math.abs((dataset[2].CHG ?? 0) - (0.8 - 2.5)) < 1e-12);
    assert.equal(dataset[2].TOXSHIFT, '0 to 3');
    assert.equal(dataset[2].SHIFT1, 'NORMAL to LOW');
    assert.equal(dataset[1].CHG, null);
  });

  it('reports an unknown unit or analyte with its path and keeps the other results', () => {
    const labs = [lab(ENROL, 2.5, 'furlongs'), lab(ENROL, 1, '10^9/L', { analyte: 'unobtainium' }), lab(ENROL, 130, 'g/L', { analyte: 'hemoglobin', lln: 120, uln: 160 })];
    const trial = exampleTrial([exampleSubject(1, { overrides: { labs } })]);
    const { dataset, issues } = createAdlb(trial, createAdsl(trial, P).dataset);
    assert.deepEqual(issues.map((item) => `${item.code} ${formatPath(item.path)} ${String(item.value)}`), [
      'unknown-unit subjects[0].labs[0].unit furlongs',
      'unknown-analyte subjects[0].labs[1].analyte unobtainium',
    ]);
    assert.deepEqual(dataset.map((row) => row.PARAMCD), ['hemoglobin']);
  });
});
