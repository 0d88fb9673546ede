import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { assertClose, repoPath } from '../../testing/index.js';
import { simonTwoStageKernel, type SimonDesign } from './simonTwoStage.js';

interface ReferenceDesign {
  r1: number;
  n1: number;
  r: number;
  n: number;
  en0: number;
  pet0: number;
  alpha: number;
  power: number;
}

interface Setting {
  p0: number;
  p1: number;
  alpha: number;
  beta: number;
  nmax: number;
  optimal: ReferenceDesign;
  minimax: ReferenceDesign;
}

const fixture = JSON.parse(readFileSync(repoPath('src/stats/samplesize/fixtures/simonTwoStage.json'), 'utf8')) as { designs: Setting[] };
const closedForm = { rel: 1e-9, abs: 1e-15 };

function compare(actual: SimonDesign | null, expected: ReferenceDesign, label: string): void {
  assert.ok(actual !== null, `${label}: no design found`);
  assert.deepEqual([actual.r1, actual.n1, actual.r, actual.n], [expected.r1, expected.n1, expected.r, expected.n], `${label}: r1, n1, r, n`);
  assertClose(actual.en0, expected.en0, closedForm, `${label}: EN0`);
  assertClose(actual.pet0, expected.pet0, closedForm, `${label}: PET0`);
  assertClose(actual.alpha, expected.alpha, closedForm, `${label}: attained alpha`);
  assertClose(actual.power, expected.power, closedForm, `${label}: attained power`);
}

describe('simonTwoStageKernel', () => {
  for (const s of fixture.designs) {
    const label = `p0 ${s.p0}, p1 ${s.p1}, alpha ${s.alpha}, beta ${s.beta}, nmax ${s.nmax}`;
    it(`matches the independent R exhaustive search: ${label}`, () => {
      const search = simonTwoStageKernel(s.p0, s.p1, s.alpha, 1 - s.beta, s.nmax);
      compare(search.optimal, s.optimal, `${label} optimal`);
      compare(search.minimax, s.minimax, `${label} minimax`);
    });
  }

  // Simon R. Optimal two-stage designs for phase II clinical trials. Control Clin Trials 1989;10:1-10,
  // Table 1, p0 0.10, p1 0.30, alpha 0.05, beta 0.20 (values as published, EN0 and PET0 to their printed digits).
  it('reproduces Simon (1989) Table 1 for p0 0.1, p1 0.3, alpha 0.05, power 0.8 (published values)', () => {
    const search = simonTwoStageKernel(0.1, 0.3, 0.05, 0.8, 60);
    const { optimal, minimax } = search;
    assert.ok(optimal !== null && minimax !== null);
    assert.deepEqual([optimal.r1, optimal.n1, optimal.r, optimal.n], [1, 10, 5, 29]);
    assert.equal(optimal.en0.toFixed(1), '15.0');
    assert.equal(optimal.pet0.toFixed(2), '0.74');
    assert.deepEqual([minimax.r1, minimax.n1, minimax.r, minimax.n], [1, 15, 5, 25]);
    assert.equal(minimax.en0.toFixed(1), '19.5');
    assert.equal(minimax.pet0.toFixed(2), '0.55');
  });

  it('every reported design meets alpha and power', () => {
    const search = simonTwoStageKernel(0.2, 0.4, 0.05, 0.8, 60);
    for (const design of [search.optimal, search.minimax]) {
      assert.ok(design !== null);
      assert.ok(design.alpha <= 0.05 && design.power >= 0.8);
      assert.ok(design.r1 < design.n1 && design.n1 < design.n && design.r1 < design.r && design.r < design.n);
    }
    assert.ok(search.minimax !== null && search.optimal !== null);
    assert.ok(search.minimax.n <= search.optimal.n && search.optimal.en0 <= search.minimax.en0);
  });

  it('returns null designs when nothing fits under maxN', () => {
    const search = simonTwoStageKernel(0.1, 0.3, 0.05, 0.8, 15);
    assert.equal(search.optimal, null);
    assert.equal(search.minimax, null);
  });
});
