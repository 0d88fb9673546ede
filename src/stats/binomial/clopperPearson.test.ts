import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { binomialPmf } from '../distributions/index.js';
import { assertClose, repoPath } from '../../testing/index.js';
import { clopperPearsonKernel } from './clopperPearson.js';

interface Case {
  label: string;
  x: number;
  n: number;
  confLevel: number;
  lower: number;
  upper: number;
}

const fixture = JSON.parse(readFileSync(repoPath('src/stats/binomial/fixtures/binomial.json'), 'utf8')) as { cases: Case[] };

describe('clopperPearsonKernel', () => {
  it('matches R binom.test conf.int on every fixture case', () => {
    assert.ok(fixture.cases.length > 100);
    for (const c of fixture.cases) {
      const ci = clopperPearsonKernel(c.x, c.n, c.confLevel);
      const label = `${c.label} (${c.x}/${c.n}, level ${c.confLevel})`;
      assertClose(ci.lower, c.lower, { rel: 1e-9, abs: 1e-12 }, `${label} lower`);
      assertClose(ci.upper, c.upper, { rel: 1e-9, abs: 1e-12 }, `${label} upper`);
    }
  });

  it('pins the limits at x = 0 and x = n', () => {
    assert.equal(clopperPearsonKernel(0, 17, 0.95).lower, 0);
    assert.equal(clopperPearsonKernel(17, 17, 0.95).upper, 1);
    // n = 1, x = 0: the upper limit solves (1 - p) = 0.025.
    assertClose(clopperPearsonKernel(0, 1, 0.95).upper, 0.975, { rel: 1e-12 }, 'n = 1 upper');
  });

  it('brackets the estimate and covers at least the nominal level for every p (exact coverage)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.double({ min: 0.001, max: 0.999, noNaN: true }),
        fc.constantFrom(0.8, 0.9, 0.95, 0.99),
        (n, p, level) => {
          let coverage = 0;
          for (let x = 0; x <= n; x++) {
            const ci = clopperPearsonKernel(x, n, level);
            assert.ok(ci.lower <= x / n && x / n <= ci.upper, `${x}/${n}: ${ci.lower} <= ${x / n} <= ${ci.upper}`);
            if (ci.lower <= p && p <= ci.upper) coverage += binomialPmf(x, n, p);
          }
          // Exact coverage: the probability that the interval holds p, summed over every outcome.
          assert.ok(coverage >= level - 1e-9, `n ${n}, p ${p}, level ${level}: coverage ${coverage}`);
        },
      ),
      { numRuns: 300 },
    );
  });
});
