import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { listProtocols } from '../../protocols/index.js';
import { deriveSubjectStatus } from './recordStatus.js';

// The record status grid's cells, derived from a protocol's schedule and a subject's records, for every
// registered protocol: nothing here names one.

for (const module of listProtocols()) {
  const { definition } = module;
  const visits = definition.schedule.visits;
  const lab = definition.forms.find((f) => f.role === 'lab');
  const dosing = definition.forms.find((f) => f.role === 'dosing');
  const adverseEvent = definition.forms.find((f) => f.role === 'adverse-event');
  const treatment = visits.find((v) => v.kind === 'treatment' && v.id.includes('{n}'));
  const screening = visits.find((v) => v.kind === 'screening');
  describe(`record status of ${definition.id}`, () => {
    it('places records by visit label, cycle and date, and reads drafts and queries into their cells', () => {
      assert.ok(lab !== undefined && dosing !== undefined && adverseEvent !== undefined && treatment !== undefined && screening !== undefined);
      const c2 = treatment.id.replace('{n}', '2');
      const records = [
        { recordId: 1, formType: lab.id, visit: screening.id, version: 1, data: { date: '2024-01-02' } },
        { recordId: 2, formType: dosing.id, visit: null, version: 1, data: { cycle: 1, startDate: '2024-01-10' } },
        { recordId: 3, formType: dosing.id, visit: null, version: 1, data: { cycle: 2, startDate: '2024-02-07' } },
        // dated in cycle 2, no visit label: placed by its date
        { recordId: 4, formType: adverseEvent.id, visit: null, version: 1, data: { onsetDate: '2024-02-20' } },
        { recordId: 5, formType: 'draft', visit: c2, version: 1, data: { status: 'draft', formType: lab.id, data: { date: '2024-02-07' } } },
      ];
      const status = deriveSubjectStatus({ visits, forms: definition.forms, records, queries: [{ recordId: 3, status: 'open' }], enrolled: true, followUp: false });
      const c1 = treatment.id.replace('{n}', '1');
      assert.deepEqual(
        status.instances.filter((i) => i.template === treatment.id).map((i) => i.id),
        [c1, c2, treatment.id.replace('{n}', '3')],
        'every cycle seen and the next one due',
      );
      assert.equal(status.cell(screening.id, lab.id), 'complete');
      assert.equal(status.cell(c1, dosing.id), 'complete');
      assert.equal(status.cell(c2, dosing.id), 'query');
      assert.equal(status.cell(c2, lab.id), 'incomplete');
      assert.equal(status.cell(c1, lab.id), 'not-started');
      assert.equal(status.cell(c1, adverseEvent.id), 'none-recorded');
      assert.equal(status.cell(c2, adverseEvent.id), 'complete');
      assert.equal(status.visit(c2), 'query');
      assert.equal(status.visit(c1), 'incomplete');
      assert.equal(status.visit(treatment.id.replace('{n}', '3')), 'not-started');
    });

    it('reads the flags the server adds to a record (verified, signed, locked), worst first', () => {
      assert.ok(lab !== undefined && screening !== undefined);
      const base = { formType: lab.id, visit: screening.id, version: 1, data: {} };
      const cell = (flags: object[]): string =>
        deriveSubjectStatus({ visits, forms: definition.forms, records: flags.map((f, i) => ({ ...base, recordId: i + 1, ...f })), queries: [], enrolled: false, followUp: false }).cell(screening.id, lab.id);
      assert.equal(cell([{ locked: true }]), 'locked');
      assert.equal(cell([{ signed: { by: 'x' } }, { locked: true }]), 'signed');
      assert.equal(cell([{ verified: true }, {}]), 'complete');
    });
  });
}
