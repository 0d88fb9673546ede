import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { assertClose, repoPath } from '../../testing/index.js';
import { exactSingleArmDesignKernel } from './exactSingleArmDesign.js';

interface Point {
  n: number;
  r: number;
  alpha: number;
  power: number;
}

interface Setting {
  label: string;
  p0: number;
  p1: number;
  alpha: number;
  power: number;
  searchMaxN: number;
  n: number;
  r: number;
  attainedAlpha: number;
  attainedPower: number;
  sawtoothN: number;
  sawtoothR: number;
  sawtoothAlpha: number;
  sawtoothPower: number;
  curve: Point[];
}

const fixture = JSON.parse(readFileSync(repoPath('src/stats/samplesize/fixtures/singleArmExact.json'), 'utf8')) as { designs: Setting[] };
const closedForm = { rel: 1e-9, abs: 1e-15 };

describe('exactSingleArmDesignKernel', () => {
  for (const s of fixture.designs) {
    it(`matches the R brute-force search: ${s.label}`, () => {
      const search = exactSingleArmDesignKernel(s.p0, s.p1, s.alpha, s.power, s.searchMaxN);
      assert.ok(search.smallest !== null && search.sawtooth !== null);
      assert.equal(search.smallest.n, s.n, `${s.label}: smallest n`);
      assert.equal(search.smallest.r, s.r, `${s.label}: r at the smallest n`);
      assertClose(search.smallest.alpha, s.attainedAlpha, closedForm, `${s.label}: attained alpha`);
      assertClose(search.smallest.power, s.attainedPower, closedForm, `${s.label}: attained power`);
      assert.equal(search.sawtooth.n, s.sawtoothN, `${s.label}: saw-tooth n`);
      assert.equal(search.sawtooth.r, s.sawtoothR, `${s.label}: r at the saw-tooth n`);
      assertClose(search.sawtooth.alpha, s.sawtoothAlpha, closedForm, `${s.label}: saw-tooth alpha`);
      assertClose(search.sawtooth.power, s.sawtoothPower, closedForm, `${s.label}: saw-tooth power`);
    });

    it(`matches r, alpha and power at every n of the R curve: ${s.label}`, () => {
      const { curve } = exactSingleArmDesignKernel(s.p0, s.p1, s.alpha, s.power, s.curve.length);
      for (const point of s.curve) {
        assert.equal(curve.r[point.n], point.r, `${s.label}: r at n ${point.n}`);
        assertClose(curve.alpha[point.n], point.alpha, closedForm, `${s.label}: alpha at n ${point.n}`);
        assertClose(curve.power[point.n], point.power, closedForm, `${s.label}: power at n ${point.n}`);
      }
    });
  }

  it('reproduces the paper: p0 0.12, p1 0.25, one-sided alpha 0.025, power 0.80 -> n 66, r 14', () => {
    const search = exactSingleArmDesignKernel(0.12, 0.25, 0.025, 0.8, 1000);
    assert.equal(search.smallest?.n, 66);
    assert.equal(search.smallest.r, 14);
  });

  it('returns null when no n within the bound reaches the power', () => {
    const search = exactSingleArmDesignKernel(0.12, 0.25, 0.025, 0.8, 60);
    assert.equal(search.smallest, null);
    assert.equal(search.sawtooth, null);
  });
});
