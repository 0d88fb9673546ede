import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { assertClose, repoPath } from '../../testing/index.js';
import { computePairwiseLogRank, type PairwiseLogRank } from './computePairwiseLogRank.js';

interface FixtureCase {
  label: string;
  time: number[];
  status: number[];
  group: string[];
  strata?: string[];
  pairwise?: { groupA: string; groupB: string; chisq: number; df: number; p: number }[];
}

const fixture = JSON.parse(readFileSync(repoPath('src/stats/logrank/fixtures/logRank.json'), 'utf8')) as {
  cases: FixtureCase[];
};
const withPairs = fixture.cases.filter((c) => c.pairwise !== undefined);

describe('computePairwiseLogRank against R survdiff on each two-group subset', () => {
  it('has pairwise fixtures', () => assert.ok(withPairs.length >= 4));
  for (const c of withPairs) {
    it(c.label, () => {
      const outcome = computePairwiseLogRank({ time: c.time, status: c.status, group: c.group, strata: c.strata });
      assert.ok(outcome.ok, JSON.stringify(outcome.issues));
      const expected = c.pairwise ?? [];
      assert.equal(outcome.value.length, expected.length);
      for (const e of expected) {
        const got: PairwiseLogRank | undefined = outcome.value.find((x) => x.groupA === e.groupA && x.groupB === e.groupB);
        assert.ok(got !== undefined, `${c.label}: pair ${e.groupA} vs ${e.groupB} missing`);
        const label = `${c.label} ${e.groupA} vs ${e.groupB}`;
        assertClose(got.chisq, e.chisq, { rel: 1e-9, abs: 1e-12 }, `${label} chisq`);
        assert.equal(got.df, e.df, `${label} df`);
        assertClose(got.p, e.p, { rel: 1e-9, abs: 1e-12 }, `${label} p`);
      }
    });
  }
});

describe('computePairwiseLogRank input and warnings', () => {
  it('fails with the same issues as computeLogRank', () => {
    const outcome = computePairwiseLogRank({ time: [1, -1], status: [1, 0], group: ['a', 'b'] });
    assert.equal(outcome.ok, false);
    assert.deepEqual(outcome.issues.map((x) => x.code), ['negative-time']);
  });

  it('names the pair in a warning', () => {
    // b (censored at 3 and 4) is not at risk at c's event at 5: the b vs c pair has nothing to test.
    const outcome = computePairwiseLogRank({
      time: [1, 2, 3, 4, 5, 6],
      status: [1, 1, 0, 0, 1, 0],
      group: ['a', 'a', 'b', 'b', 'c', 'c'],
    });
    assert.ok(outcome.ok);
    assert.deepEqual(
      outcome.issues.map((x) => [x.path[0], x.code]),
      [
        ['b vs c', 'group-not-tested'],
        ['b vs c', 'no-test'],
      ],
    );
    const bc = outcome.value.find((x) => x.groupA === 'b' && x.groupB === 'c');
    assert.ok(bc !== undefined && Number.isNaN(bc.p));
  });
});
