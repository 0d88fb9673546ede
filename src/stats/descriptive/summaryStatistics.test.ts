import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { assertClose, repoPath } from '../../testing/index.js';
import { computeSummaryStatistics } from './summaryStatistics.js';

interface Case {
  label: string;
  values: (number | null)[];
  n: number;
  mean: number;
  sd: number | null;
  median: number;
  q1: number;
  q3: number;
  min: number;
  max: number;
  q1Type7: number;
  q3Type7: number;
}

// Written by fixtures/summaryStatistics.R (R quantile type 2 = SAS QNTLDEF=5).
const fixture = JSON.parse(readFileSync(repoPath('src/stats/descriptive/fixtures/summaryStatistics.json'), 'utf8')) as { cases: Case[] };
/** Closed forms: 1e-12 relative (sums in another order than R's long double accumulation). */
const TOLERANCE = { rel: 1e-12, abs: 1e-12 };

describe('computeSummaryStatistics', () => {
  it('matches R on every fixture case (mean, sd, median, quartiles of type 2, min, max)', () => {
    assert.ok(fixture.cases.length >= 10);
    for (const c of fixture.cases) {
      const outcome = computeSummaryStatistics(c.values);
      assert.ok(outcome.ok, c.label);
      const s = outcome.value;
      assert.equal(s.n, c.n, `${c.label} n`);
      for (const field of ['mean', 'sd', 'median', 'q1', 'q3', 'min', 'max'] as const) assertClose(s[field], c[field], TOLERANCE, `${c.label} ${field}`);
      assert.equal(s.quantileDefinition, 'sas-qntldef-5');
    }
  });

  it('uses SAS QNTLDEF=5, not R type 7: the fixture holds cases where the two differ', () => {
    const differing = fixture.cases.filter((c) => Math.abs(c.q1 - c.q1Type7) > 1e-9 || Math.abs(c.q3 - c.q3Type7) > 1e-9);
    assert.ok(differing.length >= 3, 'the fixture exercises the difference');
    for (const c of differing) {
      const outcome = computeSummaryStatistics(c.values);
      assert.ok(outcome.ok);
      assert.ok(Math.abs(outcome.value.q1 - c.q1Type7) > 1e-9 || Math.abs(outcome.value.q3 - c.q3Type7) > 1e-9, c.label);
    }
  });

  it('averages the two order statistics when n * p is whole (1, 2, 3, 4 -> Q1 1.5, Q3 3.5)', () => {
    const outcome = computeSummaryStatistics([4, 1, 3, 2]);
    assert.ok(outcome.ok);
    assert.deepEqual([outcome.value.q1, outcome.value.median, outcome.value.q3], [1.5, 2.5, 3.5]);
  });

  it('reports bad values and an empty input as issues, skipping null and undefined', () => {
    const bad = computeSummaryStatistics([1, Number.NaN, 'x', 2]);
    assert.equal(bad.ok, false);
    if (!bad.ok) assert.deepEqual(bad.issues.map((i) => i.path), [['values', 1], ['values', 2]]);
    const empty = computeSummaryStatistics([null, undefined]);
    assert.equal(empty.ok, false);
    if (!empty.ok) assert.equal(empty.issues[0].code, 'no-values');
    const single = computeSummaryStatistics([null, 5]);
    assert.ok(single.ok);
    assert.equal(single.value.sd, null);
  });

  it('orders min <= Q1 <= median <= Q3 <= max, each quartile an order statistic or the mean of two neighbours', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 60 }), (values) => {
        const outcome = computeSummaryStatistics(values);
        assert.ok(outcome.ok);
        const s = outcome.value;
        assert.ok(s.min <= s.q1 && s.q1 <= s.median && s.median <= s.q3 && s.q3 <= s.max);
        const sorted = [...values].sort((a, b) => a - b);
        const candidates = new Set(sorted.flatMap((v, i) => [v, (v + (sorted[i + 1] ?? v)) / 2]));
        assert.ok(candidates.has(s.q1) && candidates.has(s.q3));
      }),
    );
  });
});
