import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClose } from '../../testing/index.js';
import { computeCreatinineClearance } from './creatinineClearance.js';

describe('computeCreatinineClearance (Cockcroft-Gault 1976)', () => {
  it('gives 80 mL/min for a 60-year-old 72-kg man with creatinine 1.0 mg/dL, and 85% of it for a woman', () => {
    const man = computeCreatinineClearance({ ageYears: 60, weightKg: 72, serumCreatinineMgPerDl: 1, sex: 'male' });
    const woman = computeCreatinineClearance({ ageYears: 60, weightKg: 72, serumCreatinineMgPerDl: 1, sex: 'female' });
    assert.ok(man.ok && woman.ok);
    assertClose(man.value.creatinineClearanceMlPerMin, 80, { rel: 1e-12 }, 'man');
    assertClose(woman.value.creatinineClearanceMlPerMin, 68, { rel: 1e-12 }, 'woman');
  });

  it('matches the formula worked by hand: 62 y, 60 kg, 1.2 mg/dL, female = 78*60/86.4*0.85', () => {
    const out = computeCreatinineClearance({ ageYears: 62, weightKg: 60, serumCreatinineMgPerDl: 1.2, sex: 'female' });
    assert.ok(out.ok);
    // 78 * 60 = 4680; 72 * 1.2 = 86.4; 4680 / 86.4 = 54.1666...; x 0.85 = 46.0416...
    assertClose(out.value.creatinineClearanceMlPerMin, 46.041666666666664, { rel: 1e-9 }, 'hand-worked');
    assert.equal(out.value.formula, 'Cockcroft-Gault 1976');
    assert.ok(Object.isFrozen(out.value));
  });

  it('halves when creatinine doubles and falls linearly with age', () => {
    const a = computeCreatinineClearance({ ageYears: 40, weightKg: 70, serumCreatinineMgPerDl: 1, sex: 'male' });
    const b = computeCreatinineClearance({ ageYears: 40, weightKg: 70, serumCreatinineMgPerDl: 2, sex: 'male' });
    const c = computeCreatinineClearance({ ageYears: 90, weightKg: 70, serumCreatinineMgPerDl: 1, sex: 'male' });
    assert.ok(a.ok && b.ok && c.ok);
    assertClose(b.value.creatinineClearanceMlPerMin, a.value.creatinineClearanceMlPerMin / 2, { rel: 1e-12 }, 'double creatinine');
    assertClose(c.value.creatinineClearanceMlPerMin, (a.value.creatinineClearanceMlPerMin * 50) / 100, { rel: 1e-12 }, 'age 90');
  });

  it('reports missing and implausible inputs as issues naming the field', () => {
    const missing = computeCreatinineClearance({ ageYears: Number.NaN, weightKg: 70, serumCreatinineMgPerDl: 1, sex: 'male' });
    assert.equal(missing.ok, false);
    assert.deepEqual(missing.issues.map((i) => [i.code, i.path.join('.')]), [['missing-age', 'ageYears']]);

    const implausible = computeCreatinineClearance({ ageYears: 150, weightKg: 0, serumCreatinineMgPerDl: 88, sex: 'male' });
    assert.equal(implausible.ok, false);
    assert.deepEqual(implausible.issues.map((i) => i.code), ['implausible-age', 'implausible-weight', 'implausible-creatinine']);

    const badSex = computeCreatinineClearance({ ageYears: 60, weightKg: 70, serumCreatinineMgPerDl: 1, sex: 'x' as 'male' });
    assert.equal(badSex.ok, false);
    assert.equal(badSex.issues[0]?.code, 'unknown-sex');
  });

  it('warns, but computes, for a minor', () => {
    const out = computeCreatinineClearance({ ageYears: 16, weightKg: 60, serumCreatinineMgPerDl: 0.8, sex: 'male' });
    assert.ok(out.ok);
    assert.equal(out.issues[0]?.code, 'age-outside-derivation');
    assert.equal(out.issues[0]?.severity, 'warning');
  });
});
