import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NCT05236621_PROTOCOL } from '../../protocols/nct05236621/index.js';
import { formatPath } from '../../result/index.js';
import type { FormDefinition } from '../crf/index.js';
import { checkProtocol } from './checkProtocol.js';
import type { ProtocolDefinition } from './protocolDefinition.js';

const faults = (protocol: ProtocolDefinition): string[] => checkProtocol(protocol).map((f) => `${formatPath(f.path)}: ${f.expected}`);

describe('checkProtocol', () => {
  it('finds the reference protocol consistent', () => {
    assert.deepEqual(faults(NCT05236621_PROTOCOL), []);
  });

  it('names a form field whose code list does not exist, by its path', () => {
    const forms = NCT05236621_PROTOCOL.forms.map((form): FormDefinition =>
      form.id === 'boneMarrow' ? { ...form, fields: form.fields.map((f) => (f.key === 'method' ? { ...f, codelist: 'NOSUCHLIST' } : f)) } : form,
    );
    const index = forms.findIndex((f) => f.id === 'boneMarrow');
    const field = forms[index].fields.findIndex((f) => f.key === 'method');
    const found = faults({ ...NCT05236621_PROTOCOL, forms });
    assert.equal(found.length, 1);
    assert.match(found[0], new RegExp(`^forms\\[${index}\\]\\.fields\\[${field}\\]\\.codelist: a code list of the protocol`));
  });

  it('names an analysis that refers to an undefined endpoint, and a visit outside the forms', () => {
    const plan = { ...NCT05236621_PROTOCOL.analysisPlan, timeToEventEndpoints: [{ paramcd: 'EFS', landmarkMonths: [6], withFollowUp: false }] };
    const visits = [...NCT05236621_PROTOCOL.schedule.visits, { id: 'C{n}D15', label: 'Day 15', kind: 'treatment' as const, windowDays: 2, forms: ['quality-of-life'] }];
    const found = faults({ ...NCT05236621_PROTOCOL, analysisPlan: plan, schedule: { ...NCT05236621_PROTOCOL.schedule, visits } });
    assert.deepEqual(found, [
      `schedule.visits[4].forms[0]: a form of the protocol (visit C{n}D15)`,
      `analysisPlan.timeToEventEndpoints[0].paramcd: an endpoint of the protocol (PFS, TTR, DOR, PFSINV, TTRINV, DORINV, OS, FOLLOWUP, TRTDUR)`,
    ]);
  });

  it('names an endpoint without a known evaluator, a subgroup on an unknown variable and a criterion reading an undeclared lab', () => {
    const endpoints = NCT05236621_PROTOCOL.endpoints.map((e) => (e.paramcd === 'PFSINV' ? { ...e, evaluator: 'CENTRAL' } : e));
    const plan = { ...NCT05236621_PROTOCOL.analysisPlan, responseSubgroups: [{ id: 'x', label: 'X', variable: 'NOSUCHVAR', levels: [{ value: 'A', label: 'A' }], comparisons: [] }] };
    const criteria = NCT05236621_PROTOCOL.eligibility.criteria.map((c) => (c.id === 'inc-anc' ? { ...c, rule: { type: 'lab' as const, lab: 'wbc', comparator: '>=' as const, limit: 3, unit: '10^9/L' } } : c));
    const found = faults({ ...NCT05236621_PROTOCOL, endpoints, analysisPlan: plan, eligibility: { ...NCT05236621_PROTOCOL.eligibility, criteria } });
    assert.equal(found.length, 3, found.join('\n'));
    assert.ok(found.some((f) => f.startsWith('endpoints[3].evaluator')));
    assert.ok(found.some((f) => f.startsWith('analysisPlan.responseSubgroups[0].variable')));
    assert.ok(found.some((f) => /^eligibility\.criteria\[\d+\]\.rule\.lab: a screening lab/.test(f)));
  });

  it("names a scope without a signature meaning, a meaning id used twice and a statement too short to state anything", () => {
    const [approval] = NCT05236621_PROTOCOL.signatureMeanings.form;
    const found = faults({
      ...NCT05236621_PROTOCOL,
      signatureMeanings: { form: [approval, { ...approval, statement: 'OK' }], casebook: [] },
    });
    assert.deepEqual(found, [
      'signatureMeanings.form[1].id: a meaning id used once among the form meanings',
      'signatureMeanings.form[1].statement: a statement of 20-600 characters: what the signer states',
      'signatureMeanings.casebook: at least one meaning of a casebook signature',
    ]);
  });

  it('refuses a regimen whose ladder does not hold the starting dose', () => {
    const drugs = NCT05236621_PROTOCOL.regimen.drugs.map((d) => (d.id === 'pomalidomide' ? { ...d, startingDose: { mg: 5 } } : d));
    const found = faults({ ...NCT05236621_PROTOCOL, regimen: { ...NCT05236621_PROTOCOL.regimen, drugs } });
    assert.deepEqual(found, ['regimen.drugs[0].laddersMg: a ladder holding the starting dose 5 mg']);
  });
});
