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
  en1: number;
  pet1: number;
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
  assertClose(actual.en1, expected.en1, closedForm, `${label}: EN1`);
  assertClose(actual.pet1, expected.pet1, closedForm, `${label}: PET1`);
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

  // The other designs of Simon (1989) Table 1 that the R fixture covers, to the printed digits.
  const published = [
    { p0: 0.05, p1: 0.25, alpha: 0.05, power: 0.8, optimal: [0, 9, 2, 17, '12.0', '0.63'], minimax: [0, 12, 2, 16, '13.8', '0.54'] },
    { p0: 0.2, p1: 0.4, alpha: 0.05, power: 0.8, optimal: [3, 13, 12, 43, '20.6', '0.75'], minimax: [4, 18, 10, 33, '22.3', '0.72'] },
    { p0: 0.3, p1: 0.5, alpha: 0.05, power: 0.8, optimal: [5, 15, 18, 46, '23.6', '0.72'], minimax: [6, 19, 16, 39, '25.7', '0.67'] },
    { p0: 0.2, p1: 0.4, alpha: 0.1, power: 0.9, optimal: [3, 17, 10, 37, '26.0', '0.55'], minimax: [3, 19, 10, 36, '28.3', '0.46'] },
  ] as const;
  for (const row of published) {
    it(`reproduces Simon (1989) Table 1 for p0 ${row.p0}, p1 ${row.p1}, alpha ${row.alpha}, power ${row.power}`, () => {
      const search = simonTwoStageKernel(row.p0, row.p1, row.alpha, row.power, 70);
      for (const [name, design] of [['optimal', search.optimal], ['minimax', search.minimax]] as const) {
        assert.ok(design !== null);
        const [r1, n1, r, n, en0, pet0] = row[name];
        assert.deepEqual([design.r1, design.n1, design.r, design.n], [r1, n1, r, n], name);
        assert.equal(design.en0.toFixed(1), en0, `${name} EN0`);
        assert.equal(design.pet0.toFixed(2), pet0, `${name} PET0`);
      }
    });
  }

  it('operating characteristics under p1 follow from the design (PET1, EN1)', () => {
    const { optimal } = simonTwoStageKernel(0.1, 0.3, 0.05, 0.8, 60);
    assert.ok(optimal !== null);
    // 1/10: PET1 = P(X1 <= 1 | n1 = 10, p = 0.3) = 0.7^10 + 10 * 0.3 * 0.7^9.
    const pet1 = 0.7 ** 10 + 10 * 0.3 * 0.7 ** 9;
    assertClose(optimal.pet1, pet1, closedForm, 'PET1');
    assertClose(optimal.en1, 10 + (1 - pet1) * 19, closedForm, 'EN1');
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
