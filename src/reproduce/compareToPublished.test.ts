import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareToPublished, printedDecimals } from './compareToPublished.js';
import type { PublishedInconsistency, PublishedResult } from './publishedResults.js';
import { countQuantity, estimateQuantity, notComputed, reinterpretedQuantity } from './quantity.js';

const orr: PublishedResult = {
  id: 'efficacy.orr.overall',
  section: 'Results: efficacy',
  kind: 'proportion_ci',
  n: 33,
  N: 85,
  value: 38.8,
  ciLower: 28.44,
  ciUpper: 50.01,
  unit: '%',
  text: 'The ORR was 38.8% (95% CI, 28.44-50.01)',
};
const ciOf = (lower: number, upper: number) => Object.freeze({ kind: 'proportion' as const, n: 33, N: 85, ciLower: lower, ciUpper: upper });

describe('compareToPublished', () => {
  it('matches a proportion equal at the printed precision, and differs one hundredth away', () => {
    const match = compareToPublished(orr, ciOf(28.4412, 50.0149), undefined);
    assert.equal(match.status, 'match');
    assert.equal(match.note, '');
    assert.deepEqual(match.published, { value: 38.8, n: 33, N: 85, ciLower: 28.44, ciUpper: 50.01 });
    assert.equal(match.computed?.n, 33);
    const off = compareToPublished(orr, ciOf(28.4412, 50.0151), undefined);
    assert.equal(off.status, 'differs');
    assert.equal(off.note, "outside the tolerance: CI upper limit 50.0151 vs printed 50.01");
  });

  it('rounds the computed value once (no double rounding): 5.446 is 5.4, not 5.5', () => {
    const riss: PublishedResult = { id: 'x', section: 's', kind: 'proportion_ci', n: 4, N: 21, value: 19, ciLower: 5.5, ciUpper: 41.9, unit: '%', text: '19.0% (95%CI, 5.5-41.9)' };
    const result = compareToPublished(riss, { kind: 'proportion', n: 4, N: 21, ciLower: 5.446, ciUpper: 41.9 }, undefined);
    assert.equal(result.status, 'differs');
  });

  it('reads the printed decimals from the text where JSON dropped trailing zeros', () => {
    const fisher: PublishedResult = { id: 'fisher.orr.riss_I_vs_III', section: 's', kind: 'p_value', value: 0.01, method: 'Fisher exact', text: 'P=0.010' };
    assert.equal(printedDecimals(fisher, 0.01), 3);
    assert.equal(compareToPublished(fisher, estimateQuantity(0.0104), undefined).status, 'match');
    // 0.0106 prints as 0.011 at the paper's three decimals (it would pass at two).
    assert.equal(compareToPublished(fisher, estimateQuantity(0.0106), undefined).status, 'differs');
    const male: PublishedResult = { id: 'baseline.sex.male', section: 'Table 1', kind: 'count', n: 51, N: 85, value: 60, unit: '%', text: 'Male 51 (60.0)' };
    assert.equal(compareToPublished(male, countQuantity(51, 85), undefined).status, 'match');
  });

  it('matches a Kaplan-Meier median only when the median and both limits are equal as printed, NR only as NR', () => {
    const pfs: PublishedResult = { id: 'km.pfs.overall.median', section: 's', kind: 'km_median', value: 6.05, ciLower: 3.78, ciUpper: 8.54, unit: 'months' };
    const exact = compareToPublished(pfs, estimateQuantity(6.0512, { ciLower: 3.7849, ciUpper: 8.5351 }), undefined);
    assert.equal(exact.status, 'match');
    assert.equal(exact.note, '');
    // A limit 0.01 off at the printed two decimals: close, not match, and the note names it.
    const hundredth = compareToPublished(pfs, estimateQuantity(6.0512, { ciLower: 3.79, ciUpper: 8.54 }), undefined);
    assert.equal(hundredth.status, 'close');
    assert.equal(hundredth.note, 'CI lower limit 3.79 vs printed 3.78: 0.01 month apart (within 0.5)');
    const nr: PublishedResult = { ...pfs, value: null, ciLower: 6.37, ciUpper: null };
    assert.equal(compareToPublished(nr, estimateQuantity(null, { ciLower: 6.3712, ciUpper: null }), undefined).status, 'match');
    assert.equal(compareToPublished(nr, estimateQuantity(null, { ciLower: 6.21, ciUpper: null }), undefined).status, 'close');
    assert.equal(compareToPublished(nr, estimateQuantity(20, { ciLower: 6.37, ciUpper: null }), undefined).status, 'differs');
  });

  it('calls a Kaplan-Meier median close only when the median is within 0.1 month and each limit within 0.5 month', () => {
    const pfs: PublishedResult = { id: 'km.pfs.overall.median', section: 's', kind: 'km_median', value: 6.05, ciLower: 3.78, ciUpper: 8.54, unit: 'months' };
    const close = compareToPublished(pfs, estimateQuantity(6.12, { ciLower: 3.7, ciUpper: 9 }), undefined);
    assert.equal(close.status, 'close');
    assert.match(close.tolerance, /median within 0\.1 month and CI limits within 0\.5 month, NR only as NR/);
    assert.equal(close.note, 'median 6.12 vs printed 6.05: 0.07 month apart (within 0.1); CI lower limit 3.7 vs printed 3.78: 0.08 month apart (within 0.5); CI upper limit 9 vs printed 8.54: 0.46 month apart (within 0.5)');
    assert.equal(compareToPublished(pfs, estimateQuantity(6.2, { ciLower: 3.78, ciUpper: 8.54 }), undefined).status, 'differs');
  });

  it('differs when a median CI limit is 0.6 month off or reached where the paper prints NR, naming each field', () => {
    const os: PublishedResult = { id: 'km.os.overall.median', section: 's', kind: 'km_median', value: 18.56, ciLower: 14.16, ciUpper: null, unit: 'months' };
    const reached = compareToPublished(os, estimateQuantity(18.5612, { ciLower: 14.16, ciUpper: 18.63 }), undefined);
    assert.equal(reached.status, 'differs');
    assert.equal(reached.note, 'outside the tolerance: CI upper limit 18.63 vs printed NR (NR = not reached)');
    const lower = compareToPublished(os, estimateQuantity(18.6, { ciLower: 13.56, ciUpper: null }), undefined);
    assert.equal(lower.status, 'differs');
    assert.equal(lower.note, 'outside the tolerance: median 18.6 vs printed 18.56: 0.04 month apart (within 0.1); CI lower limit 13.56 vs printed 14.16: 0.6 month apart (tolerance 0.5)');
    const notReached = compareToPublished(os, estimateQuantity(18.5612, { ciLower: null, ciUpper: null }), undefined);
    assert.equal(notReached.status, 'differs');
    assert.match(notReached.note, /CI lower limit NR \(NR = not reached\) vs printed 14\.16/);
  });

  it('judges landmark-rate CI limits within 1 point', () => {
    const rate: PublishedResult = { id: 'km.os.overall.rate12', section: 's', kind: 'km_rate', timepoint: 12, value: 68.4, ciLower: 57.3, ciUpper: 77.7, unit: '%' };
    assert.equal(compareToPublished(rate, estimateQuantity(68.41, { ciLower: 57.26, ciUpper: 77.74 }), undefined).status, 'match');
    assert.equal(compareToPublished(rate, estimateQuantity(68.41, { ciLower: 56.4, ciUpper: 78.6 }), undefined).status, 'close');
    const wide = compareToPublished(rate, estimateQuantity(68.41, { ciLower: 55.84, ciUpper: 77.7 }), undefined);
    assert.equal(wide.status, 'differs');
    assert.equal(wide.note, 'outside the tolerance: CI lower limit 55.84 vs printed 57.3: 1.46 points apart (tolerance 1)');
  });

  it('calls a rate within 1 point close', () => {
    const rate: PublishedResult = { id: 'km.os.overall.rate6', section: 's', kind: 'km_rate', timepoint: 6, value: 81.5, ciLower: 71.3, ciUpper: 88.4, unit: '%' };
    assert.equal(compareToPublished(rate, estimateQuantity(82.4, { ciLower: 71.3, ciUpper: 88.4 }), undefined).status, 'close');
    assert.equal(compareToPublished(rate, estimateQuantity(82.6, { ciLower: 71.3, ciUpper: 88.4 }), undefined).status, 'differs');
  });

  it('says a reinterpreted reading in the status and note, and differs when even that reading is off', () => {
    const trae: PublishedResult = { id: 'x.abstract', section: 'Abstract', kind: 'count', n: 15, N: 85, value: 17.6, unit: '%' };
    const reading = "counted over all events; the printed definition gives 10/85 (11.8%)";
    const equal = compareToPublished(trae, reinterpretedQuantity(countQuantity(15, 85), reading), undefined);
    assert.equal(equal.status, 'reinterpreted');
    assert.equal(equal.note, reading);
    const off = compareToPublished(trae, reinterpretedQuantity(countQuantity(14, 85), reading), undefined);
    assert.equal(off.status, 'differs');
    assert.match(off.note, /^counted over all events; the printed definition gives 10\/85 \(11\.8%\); outside the tolerance: value 16\.47\d* vs printed 17\.6; n 14 vs printed 15$/);
  });

  it('judges a log-rank P by its side of 0.05 and a factor of 2', () => {
    const p: PublishedResult = { id: 'logrank.os.riss_II_vs_III', section: 's', kind: 'p_value', value: 0.0304, method: 'log-rank' };
    assert.equal(compareToPublished(p, estimateQuantity(0.03044), undefined).status, 'match');
    assert.equal(compareToPublished(p, estimateQuantity(0.045), undefined).status, 'close');
    assert.equal(compareToPublished(p, estimateQuantity(0.055), undefined).status, 'differs');
    assert.equal(compareToPublished(p, estimateQuantity(0.014), undefined).status, 'differs');
    const below: PublishedResult = { id: 'logrank.pfs.iss_I_vs_III', section: 's', kind: 'p_value', value: 0.0001, method: 'log-rank', comparator: '<' };
    assert.equal(compareToPublished(below, estimateQuantity(0.00003), undefined).status, 'match');
    assert.equal(compareToPublished(below, estimateQuantity(0.00015), undefined).status, 'close');
    assert.equal(compareToPublished(below, estimateQuantity(0.0003), undefined).status, 'differs');
  });

  it("differs with the paper's inconsistency as the note, and matches when an inconsistent id happens to equal", () => {
    const ne: PublishedResult = { id: 'efficacy.bor.ne', section: 's', kind: 'count', n: 10, N: 85, value: 11.8, unit: '%' };
    const inconsistency: PublishedInconsistency = { ids: ['efficacy.bor.ne'], issue: 'Categories sum to 84.', plausible: '11 not evaluable.' };
    const differs = compareToPublished(ne, countQuantity(11, 85), inconsistency);
    assert.equal(differs.status, 'differs');
    assert.match(differs.note, /^Categories sum to 84\. Plausible reading: 11 not evaluable\./);
    const equal = compareToPublished(ne, countQuantity(10, 85), inconsistency);
    assert.equal(equal.status, 'match');
    assert.match(equal.note, /listed as inconsistent/);
  });

  it('differs without an inconsistency with what is off', () => {
    const count: PublishedResult = { id: 'disposition.screened', section: 's', kind: 'count', value: 109 };
    const result = compareToPublished(count, countQuantity(108), undefined);
    assert.equal(result.status, 'differs');
    assert.deepEqual(result.computed, { value: 108 });
    assert.match(result.note, /outside the tolerance: value 108 vs printed 109/);
  });

  it('reports a quantity that cannot be computed with its reason', () => {
    const result = compareToPublished(orr, notComputed('the data hold no response assessments'), undefined);
    assert.equal(result.status, 'not-computed');
    assert.equal(result.computed, null);
    assert.equal(result.note, 'the data hold no response assessments');
  });
});
