import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { acceptedUnits, type FieldDefinition } from '../clinical/index.js';
import { findProtocol } from '../protocols/index.js';
import { nctSubject, nctTrial } from '../protocols/nct05236621/testing/index.js';
import { repoPath } from '../testing/index.js';
import { checkPlausibility } from './checkPlausibility.js';
import type { PlausibilityLimit } from './plausibilityLimits.js';
import { createServedProtocol } from './servedProtocol.js';
import { reviewForm } from './subjectRoutes.js';

const module = findProtocol('nct05236621');
if (module === undefined) throw new Error('the reference protocol is not registered');
const protocol = createServedProtocol(module);
const limits = protocol.limits;

const lab = { date: '2025-02-03', visit: 'C1D1', analyte: 'hemoglobin', value: 101, unit: 'g/L', lln: 120, uln: 160, source: 'local' };
const TODAY = '2025-03-01';

/** The field definition at a dotted path of a form ('*' = each row of a group). */
function fieldAt(fields: readonly FieldDefinition[], path: string): FieldDefinition | undefined {
  const [head, ...rest] = path.split('.');
  const field = fields.find((f) => f.key === head);
  if (field === undefined || rest.length === 0) return field;
  if (field.type === 'group' && rest[0] === '*') return fieldAt(field.fields, rest.slice(1).join('.'));
  if (field.type === 'record') return fieldAt(field.fields, rest.join('.'));
  return undefined;
}

describe('plausibility limits from the protocol', () => {
  it('every limit names a form and a field of the protocol, of the right type, with sensible bounds and units', () => {
    assert.ok(limits.length > 50, `${limits.length} limits`);
    for (const limit of limits) {
      const where = `${limit.formType}.${limit.field}`;
      const form = protocol.forms.get(limit.formType);
      assert.ok(form !== undefined, `${where}: unknown form`);
      const field = fieldAt(form.fields, limit.field);
      assert.ok(field !== undefined, `${where}: no such field`);
      if (limit.kind === 'not-future') assert.equal(field.type, 'date', where);
      else assert.ok(field.type === 'number' || field.type === 'integer', `${where}: a numeric field`);
      if (limit.kind === 'range') {
        assert.ok(limit.low !== undefined || limit.high !== undefined, `${where}: a bound`);
        if (limit.low !== undefined && limit.high !== undefined) assert.ok(limit.low < limit.high, `${where}: low < high`);
        if (limit.convertFrom !== undefined) assert.ok(acceptedUnits(limit.convertFrom.analyte).includes(limit.unit ?? ''), `${where}: ${String(limit.unit)} is a unit of ${limit.convertFrom.analyte}`);
        // the metadata's hard limits are in the schema; a hard range here is an analyte's impossible bound, converted from the unit entered
        if (limit.severity === 'hard') assert.ok(limit.convertFrom !== undefined, `${where}: hard limits of the metadata are in the schema`);
      }
      assert.ok(limit.note.length > 0, `${where}: says why`);
      assert.ok(limit.source.length > 0, `${where}: says where it comes from`);
    }
  });

  it("refuses a lab value beyond the analyte's impossible bound in any unit (haemoglobin 900 g/L, 90 g/dL), naming path, value and limit; its soft range still queries", () => {
    for (const [value, unit] of [[900, 'g/L'], [90, 'g/dL']] as const) {
      const result = checkPlausibility('lab', { ...lab, value, unit }, TODAY, limits);
      assert.deepEqual(result.rejected.map((i) => [i.code, i.path, i.value]), [['out-of-range', ['data', 'value'], value]], `${value} ${unit}`);
      assert.match(result.rejected[0].expected, /<= 370 g\/L/);
    }
    const rare = checkPlausibility('lab', { ...lab, value: 260 }, TODAY, limits);
    assert.deepEqual([rare.rejected, rare.findings.map((f) => f.checkCode)], [[], ['RANGE']]);
    const hard = limits.filter((l) => l.kind === 'range' && l.severity === 'hard' && l.formType === 'lab');
    const soft = limits.filter((l) => l.kind === 'range' && l.severity === 'soft' && l.formType === 'lab');
    for (const limit of hard) {
      const pair = soft.find((l) => l.kind === 'range' && l.when?.equals === limit.when?.equals);
      assert.ok(pair !== undefined && pair.kind === 'range' && limit.kind === 'range' && (pair.high ?? Infinity) < (limit.high ?? Infinity), `${limit.when?.equals ?? ''}: the impossible bound lies beyond the plausible one`);
    }
  });

  it('checks every date field of every form against today, except the planned enrolment date', () => {
    const dated = new Set(limits.filter((l) => l.kind === 'not-future').map((l) => `${l.formType}.${l.field}`));
    const expected: string[] = [];
    const walk = (formType: string, fields: readonly FieldDefinition[], prefix: string): void => {
      for (const field of fields) {
        const path = `${prefix}${field.key}`;
        if (field.type === 'date') expected.push(`${formType}.${path}`);
        if (field.type === 'group') walk(formType, field.fields, `${path}.*.`);
        if (field.type === 'record') walk(formType, field.fields, `${path}.`);
      }
    };
    for (const form of protocol.definition.forms) walk(form.id, form.fields, '');
    assert.deepEqual(expected.filter((path) => !dated.has(path)), ['screening.enrolmentDate']);
    assert.ok(dated.has('diseaseAssessment.date') && dated.has('screening.priorTherapyLines.*.startDate') && dated.has('disposition.endOfStudy.date'));
  });

  it('passes every form of a trial of the protocol (its fixtures): no false query, nothing refused', () => {
    const trial = nctTrial(Array.from({ length: 20 }, (_, i) => nctSubject(i + 1, { cycles: 6, serumMProteinGPerL: [30, 20, 12, 10, 9, 9, 8] })));
    const screening = JSON.parse(readFileSync(repoPath('examples', 'nct05236621', 'screening-eligible.json'), 'utf8')) as unknown;
    const failures: string[] = [];
    const check = (formType: string, data: unknown): void => {
      const review = reviewForm(protocol, formType, data, trial.dataCutoffDate);
      if (!review.ok) failures.push(`${formType}: ${JSON.stringify(review.error.issues)}`);
      else for (const finding of review.findings) failures.push(`${formType}: ${finding.message}`);
    };
    check('screening', screening);
    let forms = 1;
    for (const s of trial.subjects) {
      const rows: [string, readonly unknown[]][] = [
        ['demographics', s.demographics === undefined ? [] : [s.demographics]],
        ['diagnosis', s.diagnosis === undefined ? [] : [s.diagnosis]],
        ['priorTherapy', s.priorTherapies],
        ['lab', s.labs],
        ['dosing', s.dosing],
        ...Object.entries(s.diseaseForms),
      ];
      for (const [formType, list] of rows) {
        for (const row of list) {
          check(formType, row);
          forms += 1;
        }
      }
    }
    assert.deepEqual(failures.slice(0, 20), []);
    assert.ok(forms > 400, `${forms} forms checked`);
  });

  it('refuses an impossible value (a negative count) through the schema, naming path, value and the limit with its note', () => {
    const review = reviewForm(protocol, 'lab', { ...lab, analyte: 'platelets', value: -3, unit: '10^9/L', lln: 150, uln: 400 }, TODAY);
    assert.equal(review.ok, false);
    if (review.ok) return;
    assert.equal(review.error.status, 422);
    assert.deepEqual(review.error.issues.map((i) => [i.code, i.path, i.value]), [['too-small', ['data', 'value'], -3]]);
    assert.match(review.error.issues[0].expected, /^>= 0 .*cannot be negative/);
  });

  it('queries a possible but implausible value, in the unit it was entered in (the units library table)', () => {
    const low = checkPlausibility('lab', { ...lab, value: 1.5, unit: 'g/dL', lln: 12, uln: 16 }, TODAY, limits);
    assert.deepEqual(low.rejected, []);
    assert.equal(low.findings.length, 1);
    assert.equal(low.findings[0].checkCode, 'RANGE');
    assert.equal(low.findings[0].fieldPath, 'value');
    assert.match(low.findings[0].message, /1\.5 g\/dL .*between 2 and 25 g\/dL \(between 20 and 250 g\/L\).*trialkit-lab-plausibility-v1/);
    assert.deepEqual(checkPlausibility('lab', { ...lab, value: 6.4, unit: 'g/dL', lln: 12, uln: 16 }, TODAY, limits).findings, [], 'a severe anaemia is plausible');
    const anc = checkPlausibility('lab', { ...lab, analyte: 'neutrophils', value: 150_000, unit: '/uL', lln: 1800, uln: 6300 }, TODAY, limits);
    assert.match(anc.findings[0]?.message ?? '', /150000 \/uL/);
    assert.deepEqual(checkPlausibility('lab', { ...lab, unit: 'furlongs' }, TODAY, limits), { rejected: [], findings: [] }, 'an unknown unit is the unit check, not a range query');
    const screeningAnc = checkPlausibility('screening', { screeningDate: '2025-02-01', labs: { anc: { value: 500, unit: '10^9/L' } } }, TODAY, limits);
    assert.deepEqual(screeningAnc.findings.map((f) => f.fieldPath), ['labs.anc.value']);
  });

  it('queries a value outside a soft limit of the form metadata, naming field, value, limit and note', () => {
    const weight = checkPlausibility('demographics', { birthDate: '1950-01-01', sex: 'M', weightKg: 450, heightCm: 170, ecog: 1 }, TODAY, limits);
    assert.deepEqual(weight.findings.map((f) => [f.checkCode, f.fieldPath]), [['RANGE', 'weightKg']]);
    assert.match(weight.findings[0].message, /weightKg 450 kg .*between 20 and 300 kg: adult body weight/);
    const disease = protocol.definition.forms.find((f) => f.role === 'disease' && f.fields.some((field) => (field.type === 'number' || field.type === 'integer') && field.soft?.max !== undefined));
    assert.ok(disease !== undefined, 'the protocol has a disease form with a soft limit');
    const field = disease.fields.find((f) => (f.type === 'number' || f.type === 'integer') && f.soft?.max !== undefined);
    assert.ok(field !== undefined && (field.type === 'number' || field.type === 'integer') && field.soft?.max !== undefined);
    const findings = checkPlausibility(disease.id, { [field.key]: field.soft.max * 2 }, TODAY, limits).findings;
    assert.deepEqual(findings.map((f) => f.fieldPath), [field.key]);
    assert.ok(findings[0].message.includes(field.soft.note));
  });

  it('queries a dose that is not a dose level of its drug in the regimen', () => {
    const [first, second] = protocol.definition.regimen.drugs;
    const row = { cycle: 2, drug: first.id, startDate: '2025-01-01', endDate: '2025-01-21', plannedDoseMg: first.startingDose.mg, plannedDays: 21, doseGivenMg: first.startingDose.mg + 1, daysGiven: 21, delayed: false, interrupted: false, reduced: false };
    assert.deepEqual(checkPlausibility('dosing', row, TODAY, limits).findings.map((f) => [f.checkCode, f.fieldPath]), [['DOSE-LEVEL', 'doseGivenMg']]);
    const level = second.laddersMg[0].at(-1) ?? second.startingDose.mg;
    assert.deepEqual(checkPlausibility('dosing', { ...row, drug: second.id, plannedDoseMg: level, doseGivenMg: level, plannedDays: 4, daysGiven: 4 }, TODAY, limits).findings, []);
    assert.deepEqual(checkPlausibility('dosing', { ...row, cycle: protocol.definition.regimen.maxCycles + 1, doseGivenMg: first.startingDose.mg }, TODAY, limits).findings.map((f) => f.fieldPath), ['cycle']);
  });

  it('refuses a date after today, with a day of tolerance for sites east of UTC, in nested fields too', () => {
    assert.deepEqual(checkPlausibility('lab', { ...lab, date: '2025-03-02' }, TODAY, limits).rejected, []);
    const future = checkPlausibility('lab', { ...lab, date: '2025-03-03' }, TODAY, limits).rejected;
    assert.deepEqual(future.map((i) => [i.code, i.path, i.value]), [['future-date', ['data', 'date'], '2025-03-03']]);
    assert.match(future[0].expected, /on or before 2025-03-02 \(today is 2025-03-01\)/);
    const screening = { screeningDate: '2025-02-01', enrolmentDate: '2025-06-01', labs: { anc: { value: 1.2, unit: '10^9/L', date: '2026-01-01' } }, priorTherapyLines: [{ agents: [{ agent: 'lenalidomide' }], startDate: '2027-01-01' }] };
    assert.deepEqual(
      checkPlausibility('screening', screening, TODAY, limits).rejected.map((i) => i.path),
      [['data', 'priorTherapyLines', 0, 'startDate'], ['data', 'labs', 'anc', 'date']],
      'the planned enrolment date may lie ahead',
    );
    assert.throws(() => checkPlausibility('lab', lab, 'today', limits), /YYYY-MM-DD/);
  });

  it('reads paths with and without `*` alike, and a table that can still change afresh at every call', () => {
    const table: PlausibilityLimit[] = [
      { kind: 'range', formType: 'f', field: 'a.b', unit: null, high: 10, severity: 'soft', note: 'exact', source: 'test' },
      { kind: 'range', formType: 'f', field: 'rows.*.v', unit: null, high: 10, severity: 'soft', note: 'each row', source: 'test' },
    ];
    const data = { a: { b: 11 }, rows: [{ v: 12 }, { v: 3 }, { w: 99 }], missing: null };
    const paths = (limitsTable: readonly PlausibilityLimit[], value: unknown): string[] => checkPlausibility('f', value, TODAY, limitsTable).findings.map((f) => f.fieldPath);
    assert.deepEqual(paths(table, data), ['a.b', 'rows.0.v']);
    // absent, null or not an object on the way: nothing to check
    for (const value of [{}, { a: null }, { a: { b: null } }, { a: 5 }, { a: [11] }, null, 'text']) assert.deepEqual(paths(table.slice(0, 1), value), [], JSON.stringify(value));
    // an inherited key is not a field
    assert.deepEqual(paths([{ ...table[0], field: 'a.toString' }], { a: {} }), []);
    table.push({ kind: 'range', formType: 'f', field: 'c', unit: null, high: 1, severity: 'soft', note: 'added', source: 'test' });
    assert.deepEqual(paths(table, { ...data, c: 2 }), ['a.b', 'rows.0.v', 'c'], 'the limit added since the last call applies');
    const frozen = Object.freeze([...table]);
    assert.deepEqual(paths(frozen, { ...data, c: 2 }), ['a.b', 'rows.0.v', 'c']);
    assert.deepEqual(paths(frozen, { c: 0.5 }), [], 'a frozen table, remembered, still checks each value');
  });
});
