import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { acceptedUnits } from '../clinical/index.js';
import { createDemoTrial } from '../demo/index.js';
import { checkPlausibility } from './checkPlausibility.js';
import { PLAUSIBILITY_LIMITS } from './plausibilityLimits.js';
import { FORM_SCHEMAS, FORM_TYPES, type FormType } from './requestSchemas.js';

const lab = { date: '2025-02-03', visit: 'C1D1', analyte: 'hemoglobin', value: 101, unit: 'g/L', lln: 120, uln: 160, source: 'local' };
const TODAY = '2025-03-01';

/** The JSON Schema node at a dotted field path ('*' = array items or any property), or undefined. */
function schemaAt(schema: Record<string, unknown>, field: string): Record<string, unknown> | undefined {
  let node: Record<string, unknown> | undefined = schema;
  for (const segment of field.split('.')) {
    if (node === undefined) return undefined;
    const options = [node, ...((node.anyOf as Record<string, unknown>[] | undefined) ?? [])];
    let found: Record<string, unknown> | undefined;
    for (const option of options) {
      const properties = option.properties as Record<string, Record<string, unknown>> | undefined;
      if (segment === '*') found ??= (option.items as Record<string, unknown> | undefined) ?? (properties === undefined ? undefined : Object.values(properties)[0]);
      else found ??= properties?.[segment];
    }
    node = found;
  }
  return node;
}

describe('checkPlausibility', () => {
  it('every limit names a form and a field that exist, with sensible bounds and units', () => {
    for (const limit of PLAUSIBILITY_LIMITS) {
      const where = `${limit.formType}.${limit.field}`;
      assert.ok(FORM_TYPES.includes(limit.formType as FormType), `${where}: unknown form`);
      const schema = z.toJSONSchema(FORM_SCHEMAS[limit.formType as FormType], { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
      assert.ok(schemaAt(schema, limit.field) !== undefined, `${where}: no such field`);
      if (limit.kind === 'range') {
        assert.ok(limit.low !== undefined || limit.high !== undefined, `${where}: a bound`);
        if (limit.low !== undefined && limit.high !== undefined) assert.ok(limit.low < limit.high, `${where}: low < high`);
        if (limit.convertFrom !== undefined) assert.ok(acceptedUnits(limit.convertFrom.analyte).includes(limit.unit ?? ''), `${where}: ${String(limit.unit)} is a unit of ${limit.convertFrom.analyte}`);
        if (limit.severity === 'hard') assert.equal(limit.low, 0, `${where}: hard limits only for impossible (negative) values`);
      }
      assert.ok(limit.note.length > 0, `${where}: says why`);
    }
  });

  it('passes every form of the demo trial: no false query, nothing refused', () => {
    const demo = createDemoTrial();
    const failures: string[] = [];
    const check = (formType: FormType, data: unknown): void => {
      const result = checkPlausibility(formType, data, demo.trial.dataCutoffDate);
      for (const item of [...result.rejected.map((i) => `${i.path.join('.')}=${JSON.stringify(i.value)}`), ...result.findings.map((f) => f.message)]) failures.push(`${formType}: ${item}`);
    };
    let forms = 0;
    for (const [index, s] of demo.trial.subjects.entries()) {
      const groups: [FormType, readonly unknown[]][] = [
        ['screening', [demo.screening[index]]],
        ['demographics', s.demographics === undefined ? [] : [s.demographics]],
        ['diagnosis', s.diagnosis === undefined ? [] : [s.diagnosis]],
        ['priorTherapy', s.priorTherapies],
        ['baselineDisease', s.baselineDisease === undefined ? [] : [s.baselineDisease]],
        ['lab', s.labs],
        ['diseaseAssessment', s.diseaseAssessments],
        ['boneMarrow', s.boneMarrow],
        ['dosing', s.dosing],
        ['adverseEvent', s.adverseEvents],
        ['responseCall', s.responseCalls],
        ['newTherapy', s.newTherapies],
        ['disposition', [s.disposition]],
        ['death', s.death === undefined ? [] : [s.death]],
        ['survivalContact', s.survivalContacts],
      ];
      for (const [formType, rows] of groups) {
        for (const row of rows) {
          check(formType, row);
          forms += 1;
        }
      }
    }
    assert.deepEqual(failures.slice(0, 20), []);
    assert.ok(forms > 10_000, `${forms} forms checked`);
  });

  it('refuses an impossible value (a negative count) with its path, value and expected', () => {
    const result = checkPlausibility('lab', { ...lab, analyte: 'platelets', value: -3, unit: '10^9/L', lln: 150, uln: 400 }, TODAY);
    assert.equal(result.rejected.length, 1);
    assert.deepEqual(result.rejected[0].path, ['data', 'value']);
    assert.equal(result.rejected[0].value, -3);
    assert.equal(result.rejected[0].code, 'out-of-range');
    assert.match(result.rejected[0].expected, /^>= 0: .*negative/);
    assert.deepEqual(checkPlausibility('lab', { ...lab, lln: -1 }, TODAY).rejected.map((i) => i.path), [['data', 'lln']]);
  });

  it('queries a possible but implausible value, in the unit it was entered in', () => {
    const low = checkPlausibility('lab', { ...lab, value: 1.5, unit: 'g/dL', lln: 12, uln: 16 }, TODAY);
    assert.deepEqual(low.rejected, []);
    assert.equal(low.findings.length, 1);
    assert.equal(low.findings[0].checkCode, 'RANGE');
    assert.equal(low.findings[0].fieldPath, 'value');
    assert.match(low.findings[0].message, /1\.5 g\/dL .*between 2 and 25 g\/dL \(between 20 and 250 g\/L\)/);
    assert.deepEqual(checkPlausibility('lab', { ...lab, value: 6.4, unit: 'g/dL', lln: 12, uln: 16 }, TODAY).findings, [], 'a severe anaemia is plausible');
    const anc = checkPlausibility('lab', { ...lab, analyte: 'neutrophils', value: 150_000, unit: '/uL', lln: 1800, uln: 6300 }, TODAY);
    assert.match(anc.findings[0]?.message ?? '', /150000 \/uL/);
    assert.deepEqual(checkPlausibility('lab', { ...lab, unit: 'furlongs' }, TODAY), { rejected: [], findings: [] }, 'an unknown unit is the unit check, not a range query');
    const weight = checkPlausibility('demographics', { birthDate: '1950-01-01', sex: 'male', weightKg: 450, heightCm: 170, ecog: 1 }, TODAY);
    assert.deepEqual(weight.findings.map((f) => f.fieldPath), ['weightKg']);
    const mProtein = checkPlausibility('diseaseAssessment', { date: '2025-01-01', visit: 'C2D1', source: 'central', serumMProteinGPerL: 350, kappaFlcMgPerL: 12 }, TODAY);
    assert.deepEqual(mProtein.findings.map((f) => f.fieldPath), ['serumMProteinGPerL']);
  });

  it('queries a dose that is not a protocol dose level', () => {
    const row = { cycle: 2, drug: 'pomalidomide', startDate: '2025-01-01', endDate: '2025-01-21', plannedDoseMg: 4, plannedDays: 21, doseGivenMg: 5, daysGiven: 21, delayed: false, interrupted: false, reduced: false };
    assert.deepEqual(checkPlausibility('dosing', row, TODAY).findings.map((f) => [f.checkCode, f.fieldPath]), [['DOSE-LEVEL', 'doseGivenMg']]);
    assert.deepEqual(checkPlausibility('dosing', { ...row, drug: 'dexamethasone', plannedDoseMg: 20, doseGivenMg: 12, plannedDays: 4, daysGiven: 4 }, TODAY).findings, []);
  });

  it('refuses a date after today, with a day of tolerance for sites east of UTC, in nested fields too', () => {
    assert.deepEqual(checkPlausibility('lab', { ...lab, date: '2025-03-02' }, TODAY).rejected, []);
    const future = checkPlausibility('lab', { ...lab, date: '2025-03-03' }, TODAY).rejected;
    assert.deepEqual(future.map((i) => [i.code, i.path, i.value]), [['future-date', ['data', 'date'], '2025-03-03']]);
    assert.match(future[0].expected, /on or before 2025-03-02 \(today is 2025-03-01\)/);
    const screening = { screeningDate: '2025-02-01', labs: { anc: { value: 1.2, unit: '10^9/L', date: '2026-01-01' } }, priorTherapyLines: [{ agents: [{ agent: 'lenalidomide' }], startDate: '2027-01-01' }] };
    assert.deepEqual(checkPlausibility('screening', screening, TODAY).rejected.map((i) => i.path), [['data', 'priorTherapyLines', 0, 'startDate'], ['data', 'labs', 'anc', 'date']]);
    assert.throws(() => checkPlausibility('lab', lab, 'today'), /YYYY-MM-DD/);
  });
});
