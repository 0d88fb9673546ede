import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { convertLabValue, convertToStandardUnit, roundSignificant } from './convertLabValue.js';
import { LAB_ANALYTES, STANDARD_UNITS } from './labAnalyte.js';
import { LAB_UNIT_CONVERSIONS } from './labUnitConversions.js';

function convert(...args: Parameters<typeof convertLabValue>): { value: number; unit: string } {
  const outcome = convertLabValue(...args);
  assert.ok(outcome.ok, JSON.stringify(outcome.issues));
  return outcome.value;
}

describe('convertLabValue', () => {
  it('converts the conventional units into SI with the documented factors', () => {
    assert.deepEqual(convert('creatinine', 1, 'mg/dL'), { value: 88.4, unit: 'umol/L' });
    assert.deepEqual(convert('bilirubin', 1, 'mg/dL'), { value: 17.1, unit: 'umol/L' });
    assert.deepEqual(convert('uricAcid', 1, 'mg/dL'), { value: 59.48, unit: 'umol/L' });
    assert.deepEqual(convert('albumin', 3.5, 'g/dL'), { value: 35, unit: 'g/L' });
    assert.deepEqual(convert('hemoglobin', 8, 'g/dL'), { value: 80, unit: 'g/L' });
    assert.deepEqual(convert('calcium', 10.02, 'mg/dL'), { value: 2.5, unit: 'mmol/L' });
    assert.deepEqual(convert('alt', 1, 'ukat/L'), { value: 60, unit: 'U/L' });
    assert.deepEqual(convert('beta2Microglobulin', 5500, 'ng/mL'), { value: 5.5, unit: 'mg/L' });
  });

  it('treats 10^3/uL, G/L and x10^9/L as 10^9/L and divides cells/uL by 1000', () => {
    assert.deepEqual(convert('neutrophils', 1.5, '10^3/uL'), { value: 1.5, unit: '10^9/L' });
    assert.deepEqual(convert('neutrophils', 1.5, 'G/L'), { value: 1.5, unit: '10^9/L' });
    assert.deepEqual(convert('platelets', 75, 'x10^9/L'), { value: 75, unit: '10^9/L' });
    assert.deepEqual(convert('neutrophils', 1500, 'cells/µL'), { value: 1.5, unit: '10^9/L' });
    assert.deepEqual(convert('lymphocytes', 800, '/mm3'), { value: 0.8, unit: '10^9/L' });
  });

  it('converts between two non-SI units and back', () => {
    assert.deepEqual(convert('creatinine', 88.4, 'umol/L', 'mg/dL'), { value: 1, unit: 'mg/dL' });
    assert.deepEqual(convert('neutrophils', 1.2, '10^9/L', '/uL'), { value: 1200, unit: '/uL' });
    assert.deepEqual(convert('creatinine', 10, 'mg/L', 'mg/dL'), { value: 1, unit: 'mg/dL' });
  });

  it('lands exactly on boundaries despite binary fractions', () => {
    // 1.1 * 10 is 11.000000000000002 in binary floating point.
    assert.equal(convert('albumin', 1.1, 'g/dL').value, 11);
    assert.equal(convert('creatinine', 1.1, 'mg/dL').value, 97.24);
    assert.equal(roundSignificant(0.1 + 0.2), 0.3);
  });

  it('round-trips every accepted unit of every analyte', () => {
    for (const analyte of LAB_ANALYTES) {
      for (const definition of LAB_UNIT_CONVERSIONS[analyte]) {
        const there = convert(analyte, 123.45, definition.unit, STANDARD_UNITS[analyte]);
        const back = convert(analyte, there.value, STANDARD_UNITS[analyte], definition.unit);
        assert.equal(back.value, 123.45, `${analyte} ${definition.unit}`);
      }
    }
  });

  it('reports an unknown unit with the value and the accepted units', () => {
    const outcome = convertLabValue('creatinine', 1.2, 'mg/ml');
    assert.equal(outcome.ok, false);
    assert.equal(outcome.issues.length, 1);
    const [problem] = outcome.issues;
    assert.equal(problem.code, 'unknown-unit');
    assert.deepEqual(problem.path, ['unit']);
    assert.equal(problem.value, 'mg/ml');
    assert.match(problem.expected, /umol\/L, mg\/dL/);
  });

  it('reports a missing unit, a bad target unit and a non-finite value', () => {
    const missing = convertLabValue('alt', 40, '');
    assert.equal(missing.ok, false);
    assert.equal(missing.issues[0].code, 'missing-unit');
    const target = convertLabValue('alt', 40, 'U/L', 'mg/dL');
    assert.deepEqual(target.issues.map((i) => i.path), [['toUnit']]);
    const nan = convertLabValue('alt', Number.NaN, 'U/L');
    assert.deepEqual(nan.issues.map((i) => i.code), ['bad-number']);
  });
});

describe('convertToStandardUnit', () => {
  it("gives convertLabValue's SI value whenever it succeeds, and undefined exactly when it fails", () => {
    const values = [0, 1, 1.1, 75, 1500, 0.000123, -2, Number.NaN, Number.POSITIVE_INFINITY];
    let compared = 0;
    for (const analyte of LAB_ANALYTES) {
      const units = [...LAB_UNIT_CONVERSIONS[analyte].flatMap((d) => [d.unit, ...d.aliases]), 'furlongs', '', ' '];
      for (const unit of units)
        for (const value of values) {
          const outcome = convertLabValue(analyte, value, unit);
          assert.equal(convertToStandardUnit(analyte, value, unit), outcome.ok ? outcome.value.value : undefined, `${analyte} ${value} ${unit}`);
          compared += 1;
        }
    }
    assert.ok(compared > 500);
    assert.equal(convertToStandardUnit('noSuchAnalyte' as (typeof LAB_ANALYTES)[number], 1, 'g/L'), undefined);
  });
});
