import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { survivalConfidenceLimits } from '../../../stats/index.js';
import type { PublishedInconsistency, PublishedResult, PublishedResults } from '../../../reproduce/index.js';
import { NCT05236621_PUBLICATION } from './index.js';

// A printed Kaplan-Meier rate and its log-log limits come from one survival S and one standard error of
// log S (R survfit, conf.type "log-log"). For the 12-month OS rate no pair (S, se) gives both printed
// limits: published-findings.json records it, and this test is the arithmetic behind that finding.

const published = NCT05236621_PUBLICATION.results as PublishedResults;
const findings = NCT05236621_PUBLICATION.findings as { inconsistencies: readonly PublishedInconsistency[] };
const rate = published.results.find((r) => r.id === 'km.os.overall.rate12') as PublishedResult;

const limitsAt = (survival: number, se: number): [number, number] => {
  const lower = new Float64Array(1);
  const upper = new Float64Array(1);
  survivalConfidenceLimits(Float64Array.of(survival), Float64Array.of(se), 'log-log', 0.95, lower, upper);
  return [100 * lower[0], 100 * upper[0]];
};
const printedAs = (x: number, printed: number): boolean => Math.round(x * 10) === Math.round(printed * 10);

/** The standard errors (on a 1e-5 grid) for which a limit prints as printed, for some S printing as the rate. */
function seRange(which: 0 | 1, printed: number): [number, number] {
  let low = Infinity;
  let high = -Infinity;
  for (let s = 68.35; s < 68.45; s += 0.005) {
    for (let se = 0.06; se <= 0.09; se += 1e-5) {
      if (printedAs(limitsAt(s / 100, se)[which], printed)) {
        low = Math.min(low, se);
        high = Math.max(high, se);
      }
    }
  }
  return [low, high];
}

describe('the printed Kaplan-Meier limits', () => {
  it('12-month OS 68.4% (57.3-77.7): the lower limit needs se(log S) 0.0736-0.0747, the upper 0.0782-0.0803', () => {
    assert.deepEqual([rate.value, rate.ciLower, rate.ciUpper], [68.4, 57.3, 77.7]);
    const lower = seRange(0, 57.3);
    const upper = seRange(1, 77.7);
    assert.deepEqual(lower.map((x) => x.toFixed(4)), ['0.0736', '0.0747']);
    assert.deepEqual(upper.map((x) => x.toFixed(4)), ['0.0782', '0.0803']);
    assert.ok(lower[1] < upper[0], 'no single standard error gives both limits');
    assert.ok(findings.inconsistencies.some((x) => x.ids.includes('km.os.overall.rate12')), 'recorded in published-findings.json');
  });
});
