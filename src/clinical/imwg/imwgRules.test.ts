import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeImwgResponse } from './computeImwgResponse.js';
import type { ImwgBaseline, ImwgMeasurements } from './imwgMeasurements.js';
import { IMWG_2016_STANDARD, IMWG_2016_TRIAL } from './imwgRuleSet.js';

// Each rule at its threshold and one step either side, one post-baseline assessment at a time.

function classify(baseline: ImwgBaseline, assessment: ImwgMeasurements): { response: string; rule: string } {
  const outcome = computeImwgResponse({ baseline, assessments: [{ date: '2022-02-01', ...assessment }] });
  assert.ok(outcome.ok, JSON.stringify(outcome.issues));
  const first = outcome.value.assessments[0];
  return { response: first.response, rule: first.rule };
}

const serum20: ImwgBaseline = { serumMProteinGPerL: 20, urineMProteinMgPer24h: 50 };
const response = (baseline: ImwgBaseline, a: ImwgMeasurements): string => classify(baseline, a).response;

describe('IMWG 2016 rules: serum M-protein', () => {
  it('PR at exactly 50% reduction, MR at 49.9%', () => {
    assert.deepEqual(classify(serum20, { serumMProteinGPerL: 10 }), { response: 'PR', rule: 'pr-m-protein' });
    assert.deepEqual(classify(serum20, { serumMProteinGPerL: 10.02 }), { response: 'MR', rule: 'mr-m-protein' });
  });

  it('meets a threshold that is exact in decimal despite binary rounding (3.65 is 50% of 7.3)', () => {
    assert.equal(response({ serumMProteinGPerL: 7.3 }, { serumMProteinGPerL: 3.65 }), 'PR');
    assert.equal(response({ serumMProteinGPerL: 7.3 }, { serumMProteinGPerL: 3.66 }), 'MR');
  });

  it('MR at exactly 25%, SD at 24.9%', () => {
    assert.equal(response(serum20, { serumMProteinGPerL: 15 }), 'MR');
    assert.deepEqual(classify(serum20, { serumMProteinGPerL: 15.02 }), { response: 'SD', rule: 'sd' });
  });

  it('VGPR at exactly 90%, PR at 89.9%', () => {
    assert.deepEqual(classify(serum20, { serumMProteinGPerL: 2 }), { response: 'VGPR', rule: 'vgpr-m-protein' });
    assert.equal(response(serum20, { serumMProteinGPerL: 2.02 }), 'PR');
  });

  it('VGPR needs urine < 100 mg/24 h when urine is measured', () => {
    assert.equal(response(serum20, { serumMProteinGPerL: 1, urineMProteinMgPer24h: 99 }), 'VGPR');
    assert.equal(response(serum20, { serumMProteinGPerL: 1, urineMProteinMgPer24h: 100 }), 'PR');
  });

  it('VGPR when immunofixation is positive but electrophoresis negative', () => {
    assert.equal(response(serum20, { serumMProteinGPerL: 0, serumImmunofixation: 'positive', urineImmunofixation: 'negative' }), 'VGPR');
  });
});

describe('IMWG 2016 rules: CR and sCR', () => {
  const crBase: ImwgMeasurements = {
    serumMProteinGPerL: 0,
    serumImmunofixation: 'negative',
    urineImmunofixation: 'negative',
    boneMarrowPlasmaCellsPct: 4.9,
  };

  it('CR needs serum and urine immunofixation negative and marrow plasma cells < 5%', () => {
    assert.deepEqual(classify(serum20, crBase), { response: 'CR', rule: 'cr' });
    assert.equal(response(serum20, { ...crBase, boneMarrowPlasmaCellsPct: 5 }), 'VGPR');
    assert.equal(response(serum20, { ...crBase, urineImmunofixation: 'positive' }), 'VGPR');
    const { urineImmunofixation: _u, ...noUrineIfe } = crBase;
    assert.equal(response(serum20, noUrineIfe), 'VGPR');
    const { boneMarrowPlasmaCellsPct: _b, ...noMarrow } = crBase;
    assert.equal(response(serum20, noMarrow), 'VGPR');
  });

  it('CR needs plasmacytomas present at baseline to have disappeared', () => {
    const withPlasmacytoma = { ...serum20, plasmacytomaSpdCm2: 6 };
    assert.equal(response(withPlasmacytoma, { ...crBase, plasmacytomaSpdCm2: 0 }), 'CR');
    assert.equal(response(withPlasmacytoma, { ...crBase, plasmacytomaSpdCm2: 1 }), 'VGPR');
  });

  it('sCR adds a normal FLC ratio (0.26-1.65) and no clonal plasma cells in marrow', () => {
    const scr = { ...crBase, kappaFlcMgPerL: 12, lambdaFlcMgPerL: 10, clonalPlasmaCellsInMarrow: false };
    assert.deepEqual(classify(serum20, scr), { response: 'sCR', rule: 'scr' });
    assert.equal(response(serum20, { ...scr, kappaFlcMgPerL: 16.5 }), 'sCR');
    assert.equal(response(serum20, { ...scr, kappaFlcMgPerL: 17 }), 'CR');
    assert.equal(response(serum20, { ...scr, clonalPlasmaCellsInMarrow: true }), 'CR');
    const { clonalPlasmaCellsInMarrow: _c, ...noFlow } = scr;
    assert.equal(response(serum20, noFlow), 'CR');
  });

  it('CR of FLC-only disease also needs a normal FLC ratio', () => {
    const flcOnly = { kappaFlcMgPerL: 500, lambdaFlcMgPerL: 10 };
    const cr = { serumImmunofixation: 'negative', urineImmunofixation: 'negative', boneMarrowPlasmaCellsPct: 2 } as const;
    assert.equal(response(flcOnly, { ...cr, kappaFlcMgPerL: 15, lambdaFlcMgPerL: 10 }), 'CR');
    assert.equal(response(flcOnly, { ...cr, kappaFlcMgPerL: 30, lambdaFlcMgPerL: 10 }), 'VGPR');
  });
});

describe('IMWG 2016 rules: urine M-protein', () => {
  const urine1000: ImwgBaseline = { serumMProteinGPerL: 2, urineMProteinMgPer24h: 1000 };

  it('PR at 90% reduction or below 200 mg/24 h; MR at 50-89%', () => {
    assert.equal(response(urine1000, { urineMProteinMgPer24h: 99 }), 'VGPR');
    assert.equal(response(urine1000, { urineMProteinMgPer24h: 100 }), 'PR');
    assert.equal(response(urine1000, { urineMProteinMgPer24h: 101 }), 'PR');
    assert.equal(response({ urineMProteinMgPer24h: 300 }, { urineMProteinMgPer24h: 199 }), 'PR');
    assert.equal(response({ urineMProteinMgPer24h: 300 }, { urineMProteinMgPer24h: 200 }), 'SD');
    assert.equal(response({ urineMProteinMgPer24h: 3000 }, { urineMProteinMgPer24h: 301 }), 'MR');
    assert.equal(response(urine1000, { urineMProteinMgPer24h: 500 }), 'MR');
    assert.equal(response(urine1000, { urineMProteinMgPer24h: 501 }), 'SD');
  });

  it('with serum and urine both measurable, PR needs both', () => {
    const both = { serumMProteinGPerL: 20, urineMProteinMgPer24h: 1000 };
    assert.equal(response(both, { serumMProteinGPerL: 10, urineMProteinMgPer24h: 150 }), 'PR');
    assert.equal(response(both, { serumMProteinGPerL: 10, urineMProteinMgPer24h: 300 }), 'MR');
    assert.equal(response(both, { serumMProteinGPerL: 16, urineMProteinMgPer24h: 150 }), 'SD');
  });
});

describe('IMWG 2016 rules: FLC-only and marrow-only disease', () => {
  // Involved kappa 500, lambda 10: dFLC 490 mg/L; M and U below the measurable thresholds.
  const flcOnly: ImwgBaseline = { serumMProteinGPerL: 2, urineMProteinMgPer24h: 50, kappaFlcMgPerL: 500, lambdaFlcMgPerL: 10 };
  const flc = (kappa: number): ImwgMeasurements => ({ kappaFlcMgPerL: kappa, lambdaFlcMgPerL: 10 });

  it('PR at 50% dFLC decrease; no MR for FLC-only disease', () => {
    assert.deepEqual(classify(flcOnly, flc(255)), { response: 'PR', rule: 'pr-dflc' });
    assert.deepEqual(classify(flcOnly, flc(256)), { response: 'SD', rule: 'sd' });
  });

  it('VGPR needs more than 90% dFLC decrease', () => {
    assert.deepEqual(classify(flcOnly, flc(58.9)), { response: 'VGPR', rule: 'vgpr-dflc' });
    assert.equal(response(flcOnly, flc(59)), 'PR');
  });

  it('follows lambda when lambda is the involved chain', () => {
    const lambdaBase = { kappaFlcMgPerL: 10, lambdaFlcMgPerL: 410 };
    assert.equal(response(lambdaBase, { kappaFlcMgPerL: 10, lambdaFlcMgPerL: 210 }), 'PR');
  });

  it('PD needs dFLC up 25% from nadir and more than 100 mg/L', () => {
    const base = { kappaFlcMgPerL: 210, lambdaFlcMgPerL: 10 };
    assert.deepEqual(classify(base, flc(310.1)), { response: 'PD', rule: 'pd-dflc' });
    assert.equal(response(base, flc(310)), 'SD');
  });

  const marrowOnly: ImwgBaseline = { serumMProteinGPerL: 1, kappaFlcMgPerL: 20, lambdaFlcMgPerL: 15, boneMarrowPlasmaCellsPct: 40 };

  it('marrow-only disease: PR at 50% BMPC reduction, PD at +25% and +10 points', () => {
    assert.deepEqual(classify(marrowOnly, { boneMarrowPlasmaCellsPct: 20 }), { response: 'PR', rule: 'pr-bone-marrow-plasma-cells' });
    assert.equal(response(marrowOnly, { boneMarrowPlasmaCellsPct: 20.1 }), 'SD');
    assert.deepEqual(classify(marrowOnly, { boneMarrowPlasmaCellsPct: 50 }), { response: 'PD', rule: 'pd-bone-marrow-plasma-cells' });
    assert.equal(response(marrowOnly, { boneMarrowPlasmaCellsPct: 49.9 }), 'SD');
  });

  it('marrow is followed only when baseline BMPC >= 30% and nothing else is measurable', () => {
    const outcome = computeImwgResponse({ baseline: { ...marrowOnly, boneMarrowPlasmaCellsPct: 29.9 }, assessments: [] });
    assert.equal(outcome.ok, false);
    assert.equal(outcome.issues[0].code, 'no-measurable-disease');
    const serumToo = computeImwgResponse({ baseline: { ...marrowOnly, serumMProteinGPerL: 5 }, assessments: [] });
    assert.ok(serumToo.ok);
    assert.equal(serumToo.value.measurableParameters.bmpc, false);
    assert.equal(serumToo.value.measurableParameters.primary, 'serum');
  });

  it('an assessment without the followed parameter is NE', () => {
    assert.deepEqual(classify(flcOnly, { kappaFlcMgPerL: 100 }), { response: 'NE', rule: 'ne-missing-parameter' });
    assert.deepEqual(classify(serum20, { urineMProteinMgPer24h: 10 }), { response: 'NE', rule: 'ne-missing-parameter' });
  });
});

describe('IMWG 2016 rules: progression', () => {
  it('PD at +25% and +5 g/L from nadir', () => {
    assert.deepEqual(classify(serum20, { serumMProteinGPerL: 25 }), { response: 'PD', rule: 'pd-serum-m-protein' });
    assert.equal(response(serum20, { serumMProteinGPerL: 24.9 }), 'SD');
    assert.equal(response({ serumMProteinGPerL: 8 }, { serumMProteinGPerL: 13 }), 'PD');
    assert.equal(response({ serumMProteinGPerL: 8 }, { serumMProteinGPerL: 12.9 }), 'SD');
  });

  it('an increase of 10 g/L is enough when the nadir is >= 50 g/L', () => {
    assert.equal(response({ serumMProteinGPerL: 60 }, { serumMProteinGPerL: 70 }), 'PD');
    assert.equal(response({ serumMProteinGPerL: 60 }, { serumMProteinGPerL: 69.9 }), 'SD');
    assert.equal(response({ serumMProteinGPerL: 50 }, { serumMProteinGPerL: 60 }), 'PD');
    assert.equal(response({ serumMProteinGPerL: 49.9 }, { serumMProteinGPerL: 59.9 }), 'SD');
  });

  it('PD at +25% and +200 mg/24 h of urine M-protein', () => {
    assert.deepEqual(classify({ urineMProteinMgPer24h: 400 }, { urineMProteinMgPer24h: 600 }), { response: 'PD', rule: 'pd-urine-m-protein' });
    assert.equal(response({ urineMProteinMgPer24h: 400 }, { urineMProteinMgPer24h: 599 }), 'SD');
    assert.equal(response({ urineMProteinMgPer24h: 1000 }, { urineMProteinMgPer24h: 1200 }), 'SD');
  });

  it('PD by a new lesion whatever the M-protein, and by plasmacytoma growth of 50%', () => {
    assert.deepEqual(classify(serum20, { serumMProteinGPerL: 2, newLesion: true }), { response: 'PD', rule: 'pd-new-lesion' });
    assert.equal(response(serum20, { serumMProteinGPerL: 2, newLesion: false }), 'VGPR');
    const withPlasmacytoma = { ...serum20, plasmacytomaSpdCm2: 4 };
    assert.deepEqual(classify(withPlasmacytoma, { serumMProteinGPerL: 19, plasmacytomaSpdCm2: 6 }), {
      response: 'PD',
      rule: 'pd-plasmacytoma-spd',
    });
    assert.equal(response(withPlasmacytoma, { serumMProteinGPerL: 19, plasmacytomaSpdCm2: 5.9 }), 'SD');
  });

  it('PD from a rise is found even when another followed parameter is missing', () => {
    assert.equal(response({ serumMProteinGPerL: 20, urineMProteinMgPer24h: 400 }, { serumMProteinGPerL: 30 }), 'PD');
  });
});

describe('IMWG 2016 rules: plasmacytomas present at baseline', () => {
  const base = { serumMProteinGPerL: 20, plasmacytomaSpdCm2: 10 };
  it('PR and VGPR also need SPD down 50%, MR 25%', () => {
    assert.equal(response(base, { serumMProteinGPerL: 10, plasmacytomaSpdCm2: 5 }), 'PR');
    assert.equal(response(base, { serumMProteinGPerL: 10, plasmacytomaSpdCm2: 5.1 }), 'MR');
    assert.equal(response(base, { serumMProteinGPerL: 1, plasmacytomaSpdCm2: 5.1 }), 'MR');
    assert.equal(response(base, { serumMProteinGPerL: 10, plasmacytomaSpdCm2: 7.6 }), 'SD');
  });
});

describe('IMWG 2016 rule sets', () => {
  it('are ordered: progression first, then NE, then deepest response first, SD last', () => {
    for (const set of [IMWG_2016_TRIAL, IMWG_2016_STANDARD]) {
      const categories = set.rules.map((r) => r.category);
      const order = ['PD', 'NE', 'sCR', 'CR', 'VGPR', 'PR', 'MR', 'SD'];
      const ranks = categories.map((c) => order.indexOf(c));
      assert.deepEqual(ranks, [...ranks].sort((a, b) => a - b));
      assert.equal(set.rules.at(-1)?.id, 'sd');
      assert.equal(new Set(set.rules.map((r) => r.id)).size, set.rules.length);
      for (const rule of set.rules) assert.ok(rule.wording.length > 10, rule.id);
      assert.match(set.citation, /Lancet Oncol 2016;17/);
      assert.ok(Object.isFrozen(set) && Object.isFrozen(set.rules));
    }
  });

  it('the trial measures serum M-protein from 5 g/L, the standard from 10 g/L', () => {
    const baseline = { serumMProteinGPerL: 7 };
    assert.equal(computeImwgResponse({ baseline, assessments: [] }, IMWG_2016_TRIAL).ok, true);
    const standard = computeImwgResponse({ baseline, assessments: [] }, IMWG_2016_STANDARD);
    assert.equal(standard.ok, false);
    assert.equal(standard.issues[0].code, 'no-measurable-disease');
    assert.deepEqual(standard.issues[0].path, ['baseline']);
  });
});
