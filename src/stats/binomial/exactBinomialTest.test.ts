import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { assertClose, repoPath } from '../../testing/index.js';
import { binomialUpperTail, exactBinomialTestKernel } from './exactBinomialTest.js';

interface Case {
  label: string;
  x: number;
  n: number;
  p0: number;
  pGreater: number;
  pLess: number;
  pTwoSided: number;
}

const fixture = JSON.parse(readFileSync(repoPath('src/stats/binomial/fixtures/binomial.json'), 'utf8')) as { cases: Case[] };

describe('exactBinomialTestKernel', () => {
  it('matches R binom.test p-values (greater, less, two-sided) on every fixture case', () => {
    for (const c of fixture.cases) {
      const test = exactBinomialTestKernel(c.x, c.n, c.p0);
      const label = `${c.label} (${c.x}/${c.n} vs p0 ${c.p0})`;
      // Absolute floor far below any p-value anyone reads; relative 1e-9 above it.
      assertClose(test.pGreater, c.pGreater, { rel: 1e-9, abs: 1e-300 }, `${label} pGreater`);
      assertClose(test.pLess, c.pLess, { rel: 1e-9, abs: 1e-300 }, `${label} pLess`);
      assertClose(test.pTwoSided, c.pTwoSided, { rel: 1e-9, abs: 1e-300 }, `${label} pTwoSided`);
    }
  });

  it('gives two-sided p = 1 when x equals n * p0', () => {
    assert.equal(exactBinomialTestKernel(6, 12, 0.5).pTwoSided, 1);
  });

  it('keeps the digits of a tiny upper tail (no 1 - cdf cancellation)', () => {
    // P(X >= 30 | n 30, p 0.1) = 0.1^30 exactly.
    assertClose(binomialUpperTail(30, 30, 0.1), 1e-30, { rel: 1e-9 }, 'upper tail 30/30');
    assert.equal(binomialUpperTail(0, 30, 0.1), 1);
    assert.equal(binomialUpperTail(31, 30, 0.1), 0);
  });
});
