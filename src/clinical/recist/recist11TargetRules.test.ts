import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sumDecimal } from './decimalArithmetic.js';
import { RECIST_11_TARGET_RULES } from './recist11TargetRules.js';
import type { RecistTargetContext } from './recistRule.js';
import { RECIST_1_1_THRESHOLDS } from './recistThresholds.js';

// Each target rule at its threshold and one step either side. Lesions are [diameter or null, nodal?].

function classify(baseline: number[], now: (number | null)[], options: { nadir?: number; nodal?: boolean[]; afterOverallCr?: boolean } = {}): string {
  const nodal = options.nodal ?? baseline.map(() => false);
  const measured = now.filter((v): v is number => v !== null);
  const baselineSumMm = sumDecimal(baseline);
  const context: RecistTargetContext = {
    thresholds: RECIST_1_1_THRESHOLDS,
    lesions: now.map((diameterMm, i) => ({ id: `T${i + 1}`, nodal: nodal[i], diameterMm })),
    baselineSumMm,
    nadirMm: options.nadir ?? baselineSumMm,
    sumMm: measured.length === now.length ? sumDecimal(measured) : null,
    evaluatedSumMm: sumDecimal(measured),
    afterOverallCr: options.afterOverallCr ?? false,
  };
  const rule = RECIST_11_TARGET_RULES.find((r) => r.applies(context));
  assert.ok(rule !== undefined);
  return `${rule.category} ${rule.id}`;
}

describe('RECIST 1.1 target rules', () => {
  it('PR at exactly 30% below baseline, SD one step above', () => {
    assert.equal(classify([50, 35], [40, 19.5]), 'PR target-pr');
    assert.equal(classify([50, 35], [40, 19.6]), 'SD target-sd');
  });

  it('meets 30% exactly in decimal despite binary rounding (7.07 mm is 30% below 10.1 mm)', () => {
    assert.equal(classify([10.1], [7.07]), 'PR target-pr');
    assert.equal(classify([10.1], [7.08]), 'SD target-sd');
  });

  it('PD needs both +20% and +5 mm over the nadir', () => {
    assert.equal(classify([60], [60], { nadir: 50 }), 'PD target-pd-sum');
    assert.equal(classify([60], [59.9], { nadir: 50 }), 'SD target-sd');
    assert.equal(classify([30], [24], { nadir: 20 }), 'SD target-sd');
    assert.equal(classify([30], [25], { nadir: 20 }), 'PD target-pd-sum');
    // +5 mm but only +4.2% over a large nadir.
    assert.equal(classify([150], [125], { nadir: 120 }), 'SD target-sd');
  });

  it('PD from a nadir of 0 needs the 5 mm alone', () => {
    assert.equal(classify([20, 20], [5, 0], { nadir: 0 }), 'PD target-pd-sum');
    assert.equal(classify([20, 20], [4.9, 0], { nadir: 0 }), 'PR target-pr');
  });

  it('CR: non-nodal lesions at 0 and nodes below 10 mm; the sum may be above 0', () => {
    assert.equal(classify([40, 20], [0, 9.9], { nodal: [false, true] }), 'CR target-cr');
    assert.equal(classify([40, 20], [0, 10], { nodal: [false, true] }), 'PR target-pr');
    assert.equal(classify([40, 20], [0.5, 0], { nodal: [false, true] }), 'PR target-pr');
  });

  it('CR before sum PD: nodes growing within the normal range are not progression', () => {
    assert.equal(classify([40, 20], [0, 9.5], { nodal: [false, true], nadir: 4, afterOverallCr: true }), 'CR target-cr');
  });

  it('after an overall CR, a reappearing lesion is PD even below +5 mm; a node reappears at 10 mm', () => {
    assert.equal(classify([40, 20], [2, 8], { nodal: [false, true], nadir: 8, afterOverallCr: true }), 'PD target-pd-reappearance');
    assert.equal(classify([40, 20], [2, 8], { nodal: [false, true], nadir: 8, afterOverallCr: false }), 'PR target-pr');
    assert.equal(classify([40, 20], [0, 10], { nodal: [false, true], nadir: 8, afterOverallCr: true }), 'PD target-pd-reappearance');
  });

  it('NE when a lesion is not evaluated, unless the evaluated ones already prove PD', () => {
    assert.equal(classify([40, 30], [null, 10]), 'NE target-ne');
    assert.equal(classify([40, 30], [null, 0]), 'NE target-ne');
    assert.equal(classify([40, 30], [null, 84]), 'PD target-pd-sum');
    assert.equal(classify([40, 30], [null, 83.9]), 'NE target-ne');
    assert.equal(classify([40, 20], [null, 12], { nodal: [false, true], nadir: 8, afterOverallCr: true }), 'PD target-pd-reappearance');
  });

  it('NA without target lesions', () => {
    assert.equal(classify([], []), 'NA target-na');
  });

  it('ends with a rule that always applies', () => {
    assert.equal(RECIST_11_TARGET_RULES.at(-1)?.applies({} as RecistTargetContext), true);
  });
});
