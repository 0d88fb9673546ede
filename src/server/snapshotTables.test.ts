import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DRAFT_FORM_TYPE } from './formDraft.js';
import { readSnapshotTables } from './snapshotTables.js';

describe('readSnapshotTables', () => {
  it('leaves drafts (forms kept incomplete) out of every export, keeping saved records in order', () => {
    const record = (id: number, formType: string, data: Record<string, unknown>) => ({ record_id: id, subject_id: 'S-001', form_type: formType, visit: null, version: 1, data });
    const tables = readSnapshotTables({
      cutoffDate: '2026-12-01',
      sites: [{ site_id: 'A', name: 'Site A' }],
      subjects: [{ subject_id: 'S-001', site_id: 'A', status: 'enrolled' }],
      records: [record(3, 'lab', { value: 1 }), record(2, DRAFT_FORM_TYPE, { status: 'draft', formType: 'lab', data: {} }), record(1, 'demographics', { sex: 'F' })],
    });
    assert.ok(tables !== undefined);
    assert.deepEqual(
      tables.records.map((r) => [r.recordId, r.formType]),
      [
        [1, 'demographics'],
        [3, 'lab'],
      ],
    );
  });

  it('refuses a copy without the expected shape', () => {
    assert.equal(readSnapshotTables({ cutoffDate: '2026-12-01' }), undefined);
  });
});
