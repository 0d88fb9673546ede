import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  formatCoefficientCi,
  formatConfLevel,
  formatCount,
  formatMedianCi,
  formatMedianRange,
  formatPercent,
  formatPValue,
  formatRateCi,
  formatSurvivalRate,
  formatValue,
} from './formatValue.js';
import {
  coefficientValue,
  countValue,
  dateValue,
  EMPTY_VALUE,
  medianRangeValue,
  missingValue,
  numberValue,
  proportionValue,
  pValue,
  rateValue,
  textValue,
  timeMedianValue,
} from '../model/reportValue.js';

describe('report number formatting (as the paper prints)', () => {
  it('prints counts as n (x.x%) to one decimal, and 0 alone', () => {
    assert.equal(formatCount(33, 85), '33 (38.8%)');
    assert.equal(formatCount(56, 85), '56 (65.9%)');
    assert.equal(formatCount(85, 85), '85 (100.0%)');
    assert.equal(formatCount(0, 85), '0');
    assert.equal(formatPercent(0.0235), '2.4');
  });

  it('prints exact CIs of rates to two decimals with an en dash', () => {
    assert.equal(formatRateCi(33 / 85, 0.284371, 0.500123, 0.95), '38.8% (95% CI, 28.44–50.01)');
    assert.equal(formatRateCi(0, 0, 0.8419, 0.9), '0.0% (90% CI, 0.00–84.19)');
  });

  it('prints medians in months to two decimals with NR for limits not reached', () => {
    assert.equal(formatMedianCi(5.55, 3.68, 7.52, 0.95), '5.55 (95% CI, 3.68–7.52)');
    assert.equal(formatMedianCi(12.98, 8.74, null, 0.95), '12.98 (95% CI, 8.74–NR)');
    assert.equal(formatMedianCi(null, 6.37, null, 0.95), 'NR (95% CI, 6.37–NR)');
  });

  it('prints KM rates to one decimal, medians with ranges, P values and kappa', () => {
    assert.equal(formatSurvivalRate(0.51, 0.395, 0.614, 0.95), '51.0% (95% CI, 39.5–61.4)');
    assert.equal(formatSurvivalRate(null, null, null, 0.95), 'NE');
    assert.equal(formatMedianRange(62, 39, 76, true), '62.0 (39–76)');
    assert.equal(formatMedianRange(3.8, 1.7, 15.6, false), '3.8 (1.7–15.6)');
    assert.equal(formatMedianRange(3.8, 3, 15.6, false), '3.8 (3.0–15.6)');
    assert.equal(formatPValue(0.0015), '0.0015');
    assert.equal(formatPValue(0.00002), '<0.0001');
    assert.equal(formatPValue(null), 'NE');
    assert.equal(formatCoefficientCi(0.8123, 0.7, 0.92, 0.95), '0.81 (95% CI, 0.70–0.92)');
    assert.equal(formatConfLevel(0.95), '95%');
    assert.equal(formatConfLevel(0.975), '97.5%');
  });

  it('formats every kind of report value through one function', () => {
    assert.equal(formatValue(countValue(33, 85)), '33 (38.8%)');
    assert.equal(formatValue(countValue(0, 85)), '0');
    assert.equal(formatValue(countValue(109, null)), '109');
    assert.equal(formatValue(proportionValue({ n: 33, N: 85, estimate: 33 / 85, lower: 0.284371, upper: 0.500123, confLevel: 0.95 })), '38.8% (95% CI, 28.44–50.01)');
    assert.equal(formatValue(medianRangeValue({ median: 62, min: 39, max: 76, n: 85, integer: true })), '62.0 (39–76)');
    assert.equal(formatValue(medianRangeValue({ median: 3.8, min: 3, max: 15.6, n: 85, integer: false })), '3.8 (3.0–15.6)');
    assert.equal(formatValue(timeMedianValue({ estimate: 12.98, lower: 8.74, upper: null, confLevel: 0.95, method: 'kaplan-meier' })), '12.98 (95% CI, 8.74–NR)');
    assert.equal(formatValue(timeMedianValue({ estimate: null, lower: null, upper: null, confLevel: 0.95, method: 'kaplan-meier' })), 'NR (95% CI, NR–NR)');
    assert.equal(formatValue(rateValue({ time: 6, estimate: 0.51, lower: 0.395, upper: 0.614, confLevel: 0.95 })), '51.0% (95% CI, 39.5–61.4)');
    assert.equal(formatValue(pValue(0.00002, 'log-rank')), '<0.0001');
    assert.equal(formatValue(pValue(0.0015, 'fisher-exact-two-sided')), '0.0015');
    assert.equal(formatValue(coefficientValue({ statistic: 'cohen-kappa', estimate: 0.8123, lower: 0.7, upper: 0.92, standardError: 0.05, confLevel: 0.95 })), '0.81 (95% CI, 0.70–0.92)');
    assert.equal(formatValue(numberValue(0.05123, { decimals: 4 })), '0.0512');
    assert.equal(formatValue(numberValue(-3)), '-3');
    assert.equal(formatValue(dateValue('2022-12-01')), '2022-12-01');
    assert.equal(formatValue(textValue('Yes')), 'Yes');
    assert.equal(formatValue(missingValue('no subjects')), 'NE');
    assert.equal(formatValue(EMPTY_VALUE), '');
  });
});
