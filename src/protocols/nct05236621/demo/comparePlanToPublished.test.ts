import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareCiLimits, type PublishedResult } from './comparePlanToPublished.js';
import type { PlanTallies } from './computePlanTallies.js';

describe('compareCiLimits', () => {
  const published: PublishedResult[] = [
    { id: 'km.os.overall.median', kind: 'km_median', value: 18.56, ciLower: 14.16, ciUpper: null },
    { id: 'km.os.overall.rate12', kind: 'km_rate', value: 68.4, ciLower: 57.3, ciUpper: 77.7 },
    { id: 'efficacy.orr', kind: 'proportion_ci', n: 33, N: 85, value: 38.8, ciLower: 28.44, ciUpper: 50.01 },
  ];
  const tallies = (medianUpper: number | null, medianLower: number | null, rateLower: number): PlanTallies => ({
    'km.os.overall.median': { kind: 'km_median', value: 18.55, ciLower: medianLower, ciUpper: medianUpper },
    'km.os.overall.rate12': { kind: 'km_rate', value: 68.4, ciLower: rateLower, ciUpper: 77.9 },
    'efficacy.orr': { kind: 'proportion_ci', n: 33, N: 85, percent: 38.8, ciLower: 20, ciUpper: 60 },
  });

  it('judges median limits within half a month and NR only as NR, rate limits within 1 point, and nothing else', () => {
    const within = compareCiLimits(tallies(null, 13.7, 56.4), published);
    assert.deepEqual(
      within.map((c) => [c.id, c.limit, c.within]),
      [
        ['km.os.overall.median', 'lower', true],
        ['km.os.overall.median', 'upper', true],
        ['km.os.overall.rate12', 'lower', true],
        ['km.os.overall.rate12', 'upper', true],
      ],
    );
    const off = compareCiLimits(tallies(18.63, null, 56.2), published);
    assert.deepEqual(
      off.filter((c) => !c.within).map((c) => `${c.id} ${c.limit}`),
      ['km.os.overall.median lower', 'km.os.overall.median upper', 'km.os.overall.rate12 lower'],
    );
    assert.equal(compareCiLimits(tallies(null, 13.67, 57), published)[0].within, true);
    assert.equal(compareCiLimits(tallies(null, 13.6, 57), published)[0].within, false);
  });
});
