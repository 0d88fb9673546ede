import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { assertClose, repoPath } from '../../testing/index.js';
import { wilsonScoreKernel } from './wilsonScore.js';

interface Case {
  label: string;
  x: number;
  n: number;
  confLevel: number;
  wilsonLower: number;
  wilsonUpper: number;
}

const fixture = JSON.parse(readFileSync(repoPath('src/stats/binomial/fixtures/binomial.json'), 'utf8')) as { cases: Case[] };

describe('wilsonScoreKernel', () => {
  it('matches R prop.test(correct = FALSE) conf.int on every fixture case', () => {
    for (const c of fixture.cases) {
      const ci = wilsonScoreKernel(c.x, c.n, c.confLevel);
      const label = `${c.label} (${c.x}/${c.n}, level ${c.confLevel})`;
      assertClose(ci.lower, c.wilsonLower, { rel: 1e-9, abs: 1e-12 }, `${label} lower`);
      assertClose(ci.upper, c.wilsonUpper, { rel: 1e-9, abs: 1e-12 }, `${label} upper`);
    }
  });

  it('stays inside [0, 1] at the extremes', () => {
    assert.equal(wilsonScoreKernel(0, 5, 0.95).lower, 0);
    assert.equal(wilsonScoreKernel(5, 5, 0.95).upper, 1);
  });
});
