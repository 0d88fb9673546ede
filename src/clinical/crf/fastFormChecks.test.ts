import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NCT05236621_PROTOCOL as P } from '../../protocols/nct05236621/index.js';
import { createFastFormChecks, createFormSchemas } from './createFormSchema.js';

const schemas = createFormSchemas(P.forms, P.codelists);
const fast = createFastFormChecks(P.forms, P.codelists);
const labForm = P.forms.find((form) => form.role === 'lab');
if (labForm === undefined) throw new Error('the protocol has a lab form');
const goodLab = { date: '2021-04-03', visit: 'C1D1', analyte: 'neutrophils', value: 3.73, unit: '10^9/L', lln: 1.8, uln: 6.3, source: 'local' };

/** The fast check must accept only what the schema accepts, and then return what the schema returns. */
function agrees(formId: string, row: unknown): 'fast' | 'schema' {
  const checked = fast.get(formId)?.(row);
  const parsed = schemas.get(formId)?.safeParse(row);
  if (checked === undefined) return 'schema';
  assert.equal(parsed?.success, true, `fast check accepted what the schema refuses: ${JSON.stringify(row)}`);
  assert.equal(JSON.stringify(checked), JSON.stringify(parsed?.data));
  return 'fast';
}

describe('createFastFormChecks', () => {
  it('accepts a good row and returns it as the schema does: the row itself when its keys are in the form order, else a copy in that order', () => {
    assert.equal(agrees(labForm.id, goodLab), 'fast');
    assert.equal(fast.get(labForm.id)?.(goodLab), goodLab, 'nothing to change: not copied');
    const reordered = Object.fromEntries(Object.entries(goodLab).reverse());
    assert.equal(agrees(labForm.id, reordered), 'fast');
    assert.notEqual(fast.get(labForm.id)?.(reordered), reordered);
  });
  it('copies a row whose value the schema copies (a list), after keys kept as they were', () => {
    const form = P.forms.find((f) => f.role === 'prior-therapy');
    if (form === undefined) throw new Error('the protocol has a prior-therapy form');
    const listKey = 'agents';
    const probe = fast.get(form.id);
    const accepted = { lineNumber: 1, agents: ['bortezomib', 'lenalidomide'], startDate: '2019-03-01', refractory: true, asct: false };
    assert.equal(agrees(form.id, accepted), 'fast');
    const checked = probe?.(accepted) as Record<string, unknown>;
    assert.notEqual(checked, accepted);
    assert.notEqual(checked[listKey], accepted.agents);
    assert.deepEqual(checked, { ...accepted, agents: [...accepted.agents] });
  });
  it('leaves every doubtful row to the schema', () => {
    const bad: unknown[] = [
      null,
      [],
      'x',
      { ...goodLab, date: '2021-02-30' },
      { ...goodLab, date: undefined },
      { ...goodLab, value: '3.7' },
      { ...goodLab, value: Number.NaN },
      { ...goodLab, lln: null },
      { ...goodLab, source: 'elsewhere' },
      { ...goodLab, visit: '' },
      { ...goodLab, visit: 'a\u0000b' },
      { ...goodLab, visit: '\ud800' },
      { ...goodLab, extra: 1 },
      Object.fromEntries(Object.entries(goodLab).filter(([key]) => key !== 'date')),
      Object.assign(Object.create({ inherited: true }) as object, goodLab),
    ];
    for (const row of bad) assert.equal(agrees(labForm.id, row), 'schema', JSON.stringify(row));
  });
});
