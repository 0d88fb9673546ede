import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { measurableParameters } from './measurableParameters.js';
import { IMWG_2016_STANDARD_THRESHOLDS, IMWG_2016_TRIAL_THRESHOLDS } from './imwgThresholds.js';
import { confirmedNadir } from './confirmedNadir.js';

describe('confirmedNadir', () => {
  it('takes the lowest value confirmed by the next measurement, with baseline needing no confirmation', () => {
    assert.equal(confirmedNadir(30, [10, 20, 21], true), 20);
    assert.equal(confirmedNadir(30, [10], true), 30);
    assert.equal(confirmedNadir(30, [10, 10], true), 10);
    assert.equal(confirmedNadir(5, [10, 10], true), 5);
  });

  it('uses every value when no confirmation is needed (marrow, imaging)', () => {
    assert.equal(confirmedNadir(30, [10, 20], false), 10);
  });

  it('falls back to the first on-study value when baseline is missing, and null when nothing was measured', () => {
    assert.equal(confirmedNadir(null, [12], true), 12);
    assert.equal(confirmedNadir(null, [12, 8, 9], true), 9);
    assert.equal(confirmedNadir(null, [], true), null);
  });
});

describe('measurableParameters', () => {
  it('follows serum and urine together; FLC only when neither is measurable', () => {
    const both = measurableParameters({ serumMProteinGPerL: 5, urineMProteinMgPer24h: 200, kappaFlcMgPerL: 500, lambdaFlcMgPerL: 5 }, IMWG_2016_TRIAL_THRESHOLDS);
    assert.deepEqual([both.serum, both.urine, both.flc, both.primary], [true, true, false, 'serum']);
    const standard = measurableParameters({ serumMProteinGPerL: 5, kappaFlcMgPerL: 500, lambdaFlcMgPerL: 5 }, IMWG_2016_STANDARD_THRESHOLDS);
    assert.deepEqual([standard.serum, standard.flc, standard.involvedChain, standard.primary], [false, true, 'kappa', 'flc']);
  });

  it('needs an abnormal ratio and an involved chain >= 100 mg/L for FLC', () => {
    assert.equal(measurableParameters({ kappaFlcMgPerL: 165, lambdaFlcMgPerL: 100 }, IMWG_2016_TRIAL_THRESHOLDS).flc, false);
    assert.equal(measurableParameters({ kappaFlcMgPerL: 99, lambdaFlcMgPerL: 10 }, IMWG_2016_TRIAL_THRESHOLDS).flc, false);
    assert.equal(measurableParameters({ kappaFlcMgPerL: 100, lambdaFlcMgPerL: 10 }, IMWG_2016_TRIAL_THRESHOLDS).flc, true);
    const lambda = measurableParameters({ kappaFlcMgPerL: 10, lambdaFlcMgPerL: 100 }, IMWG_2016_TRIAL_THRESHOLDS);
    assert.deepEqual([lambda.flc, lambda.involvedChain], [true, 'lambda']);
  });

  it('adds the plasmacytoma condition when SPD > 0 at baseline', () => {
    assert.equal(measurableParameters({ serumMProteinGPerL: 10, plasmacytomaSpdCm2: 3 }, IMWG_2016_TRIAL_THRESHOLDS).plasmacytoma, true);
    assert.equal(measurableParameters({ serumMProteinGPerL: 10, plasmacytomaSpdCm2: 0 }, IMWG_2016_TRIAL_THRESHOLDS).plasmacytoma, false);
  });
});
