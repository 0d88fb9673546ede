import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normaliseUnit, parseUnit } from './normaliseUnit.js';

describe('normaliseUnit', () => {
  it('treats micro sign, Greek mu, u and mc alike', () => {
    const key = normaliseUnit('umol/L');
    assert.equal(normaliseUnit('µmol/L'), key);
    assert.equal(normaliseUnit('μmol/L'), key);
    assert.equal(normaliseUnit('mcmol/L'), key);
    assert.equal(normaliseUnit(' umol / l '), key);
  });

  it('reads exponent notations the same way', () => {
    const key = normaliseUnit('10^9/L');
    for (const text of ['x10^9/L', '×10⁹/L', '10E9/L', '10e9/l', '10**9/L', 'x 10^9 / L', '* 10^9/L']) {
      assert.equal(normaliseUnit(text), key, text);
    }
    assert.equal(normaliseUnit('/mm³'), normaliseUnit('/mm3'));
  });
});

describe('parseUnit', () => {
  it('accepts the documented count spellings as 10^9/L', () => {
    for (const text of ['10^9/L', 'x10^9/L', 'G/L', '10^3/uL', '10^3/µL', 'K/uL', '10^3/mm3']) {
      assert.equal(parseUnit('neutrophils', text)?.unit, '10^9/L', text);
    }
    for (const text of ['/uL', 'cells/uL', 'cells/µL', '/mm3', 'cells/mm³']) {
      assert.equal(parseUnit('platelets', text)?.unit, '/uL', text);
    }
  });

  it('only accepts units of the analyte asked about', () => {
    assert.equal(parseUnit('creatinine', 'mg/dL')?.unit, 'mg/dL');
    assert.equal(parseUnit('creatinine', 'g/dL'), null);
    assert.equal(parseUnit('hemoglobin', '10^9/L'), null);
    assert.equal(parseUnit('alt', 'IU/L')?.unit, 'U/L');
    assert.equal(parseUnit('alt', ''), null);
  });
});
