import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSubmissionDataset, syntheticLabel } from './createSubmissionDataset.js';

const base = { name: 'XX', label: 'Test', class: 'FINDINGS' as const, structure: 'One record per test', repeating: true, standardId: 'STD.SDTMIG.3.4', keys: ['USUBJID', 'XXTESTCD'] };

describe('createSubmissionDataset', () => {
  it('sets character lengths to the longest value, numbers to 8, SAS dates to DATE9.; leaves out empty optional variables', () => {
    const result = createSubmissionDataset({
      ...base,
      variables: [
        { name: 'USUBJID', label: 'Unique Subject Identifier', kind: 'text', origin: 'derived', derivation: 'STUDYID-SUBJID', required: true },
        { name: 'XXTESTCD', label: 'Short Name', kind: 'text', origin: 'assigned' },
        { name: 'XXSTRESN', label: 'Numeric Result', kind: 'float', origin: 'collected' },
        { name: 'ADT', label: 'Analysis Date', kind: 'sasdate', origin: 'derived' },
        { name: 'XXEMPTY', label: 'Never Filled', kind: 'text', origin: 'collected' },
        { name: 'XXREQ', label: 'Required, Empty', kind: 'text', origin: 'collected', required: true },
      ],
      rows: [
        { USUBJID: 'S-01-001', XXTESTCD: 'HGB', XXSTRESN: 121, ADT: 22797 },
        { USUBJID: 'S-01-002', XXTESTCD: 'PLAT', XXSTRESN: null, ADT: null },
      ],
    });
    assert.deepEqual(
      result.define.variables.map((v) => [v.name, v.dataType, v.length, v.displayFormat ?? null, v.origin.type, v.methodId ?? null]),
      [
        ['USUBJID', 'text', 8, null, 'Derived', 'MT.XX.USUBJID'],
        ['XXTESTCD', 'text', 4, null, 'Assigned', null],
        ['XXSTRESN', 'float', 8, null, 'Collected', null],
        ['ADT', 'integer', 8, 'DATE9.', 'Derived', 'MT.XX.ADT'],
        ['XXREQ', 'text', 1, null, 'Collected', null],
      ],
    );
    assert.deepEqual(result.methods.map((m) => [m.id, m.description]), [['MT.XX.USUBJID', 'STUDYID-SUBJID'], ['MT.XX.ADT', 'Derived by trialkit (Analysis Date)']]);
    assert.deepEqual(result.rows[1], { USUBJID: 'S-01-002', XXTESTCD: 'PLAT', XXSTRESN: null, ADT: null, XXREQ: null });
    assert.equal(result.define.file, 'xx.xpt');
    assert.deepEqual(result.issues, []);
  });

  it('makes text ASCII and at most 200 characters, reporting dataset, variable and row', () => {
    const result = createSubmissionDataset({
      ...base,
      variables: [{ name: 'XXORRES', label: 'Result', kind: 'text', origin: 'collected' }, { name: 'XXN', label: 'Number', kind: 'float', origin: 'collected' }],
      rows: [{ XXORRES: 'Œdème périphérique', XXN: 1 }, { XXORRES: 'x'.repeat(205), XXN: Number.NaN }],
    });
    assert.equal(result.rows[0].XXORRES, '?deme peripherique');
    assert.equal(String(result.rows[1].XXORRES).length, 200);
    assert.equal(result.rows[1].XXN, null);
    assert.deepEqual(
      result.issues.map((i) => [i.code, i.path, i.severity]),
      [
        ['non-ascii-replaced', ['XX', 'XXORRES', 1], 'warning'],
        ['text-truncated', ['XX', 'XXORRES', 2], 'warning'],
        ['not-a-number', ['XX', 'XXN', 2], 'error'],
      ],
    );
  });

  it('says SYNTHETIC within 40 characters', () => {
    assert.equal(syntheticLabel('Demographics', true), 'Demographics (SYNTHETIC)');
    assert.equal(syntheticLabel('Subject-Level Analysis Dataset', true), 'SYNTHETIC Subject-Level Analysis Dataset');
    assert.equal(syntheticLabel('Disease Response and Clin Classification', true, 'Disease Response'), 'Disease Response (SYNTHETIC)');
    assert.equal(syntheticLabel('Demographics', false), 'Demographics');
    for (const label of ['Adverse Events Analysis Dataset', 'x'.repeat(40)]) {
      const text = syntheticLabel(label, true);
      assert.ok(text.length <= 40 && text.includes('SYNTHETIC'), text);
    }
  });
});
