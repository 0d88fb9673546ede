import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { assertClose, repoPath } from '../../testing/index.js';
import { computeCohenKappa } from './computeCohenKappa.js';
import { cohenKappaKernel } from './cohenKappaKernel.js';

interface Fixture {
  readonly label: string;
  readonly confLevel: number;
  readonly table: number[][];
  readonly expected: Record<string, number>;
}

/** Expands a table into the two raters' rating lists (labels 'c0', 'c1', ...). */
function ratingsOf(table: readonly (readonly number[])[]): { a: string[]; b: string[] } {
  const a: string[] = [];
  const b: string[] = [];
  table.forEach((row, i) =>
    row.forEach((count, j) => {
      for (let s = 0; s < count; s++) {
        a.push(`c${i}`);
        b.push(`c${j}`);
      }
    }),
  );
  return { a, b };
}

describe('computeCohenKappa', () => {
  it('gives the hand-checked 2 x 2 example: po 0.7, pe 0.5, kappa 0.4, var 0.016128, var0 0.0192', () => {
    // Rows A = (yes, no), columns B: [[20, 5], [10, 15]]; margins A (0.5, 0.5), B (0.6, 0.4).
    const { a, b } = ratingsOf([[20, 5], [10, 15]]);
    const outcome = computeCohenKappa({ ratingsA: a, ratingsB: b });
    assert.ok(outcome.ok);
    const r = outcome.value;
    assertClose(r.observedAgreement, 0.7, { rel: 1e-12 }, 'po');
    assertClose(r.expectedAgreement, 0.5, { rel: 1e-12 }, 'pe');
    assertClose(r.kappa, 0.4, { rel: 1e-12 }, 'kappa');
    // 0.4 x 0.34^2 + 0.3 x 0.46^2 + 0.36 x (0.1 x 1.1^2 + 0.2 x 0.9^2) - 0.1^2 = 0.2016; / (0.25 x 50).
    assertClose(r.stdErr, Math.sqrt(0.016128), { rel: 1e-12 }, 'ASE');
    // (0.5 + 0.25 - (0.3 x 1.1 + 0.2 x 0.9)) / 12.5 = 0.0192.
    assertClose(r.stdErrNull, Math.sqrt(0.0192), { rel: 1e-12 }, 'ASE under H0');
    assert.deepEqual(r.table, [[20, 5], [10, 15]]);
    assert.deepEqual(r.categories, ['c0', 'c1']);
  });

  it('matches the R script that computes kappa from its definition', () => {
    const fixtures = JSON.parse(readFileSync(repoPath('src/stats/agreement/fixtures/cohenKappa.json'), 'utf8')) as Fixture[];
    assert.ok(fixtures.length >= 3);
    for (const fixture of fixtures) {
      const { a, b } = ratingsOf(fixture.table);
      const categories = fixture.table.map((_, i) => `c${i}`);
      const outcome = computeCohenKappa({ ratingsA: a, ratingsB: b, categories, confLevel: fixture.confLevel });
      assert.ok(outcome.ok, fixture.label);
      for (const key of ['n', 'observedAgreement', 'expectedAgreement', 'kappa', 'stdErr', 'lower', 'upper', 'stdErrNull', 'z', 'p']) {
        const computed = (outcome.value as unknown as Record<string, number>)[key];
        assertClose(computed, fixture.expected[key], { rel: 1e-9 }, `${fixture.label} ${key}`);
      }
    }
  });

  it('gives kappa 1 with zero ASE for perfect agreement and null when chance agreement is 1', () => {
    const perfect = computeCohenKappa({ ratingsA: ['PR', 'SD', 'PD', 'PR'], ratingsB: ['PR', 'SD', 'PD', 'PR'] });
    assert.ok(perfect.ok);
    assert.equal(perfect.value.kappa, 1);
    assert.equal(perfect.value.stdErr, 0);
    const single = computeCohenKappa({ ratingsA: ['PR', 'PR'], ratingsB: ['PR', 'PR'] });
    assert.ok(single.ok);
    assert.equal(single.value.kappa, null);
    assert.deepEqual(single.issues.map((i) => i.code), ['kappa-undefined']);
  });

  it('keeps unused categories as zero rows and columns, which leaves kappa unchanged', () => {
    const with0 = computeCohenKappa({ ratingsA: ['a', 'b', 'a'], ratingsB: ['a', 'b', 'b'], categories: ['a', 'b', 'z'] });
    const without = computeCohenKappa({ ratingsA: ['a', 'b', 'a'], ratingsB: ['a', 'b', 'b'] });
    assert.ok(with0.ok && without.ok);
    assert.equal(with0.value.table.length, 3);
    assertClose(with0.value.kappa, without.value.kappa, { rel: 1e-12 }, 'kappa');
    assertClose(with0.value.stdErr, without.value.stdErr, { rel: 1e-12 }, 'ASE');
  });

  it('reports missing and unknown ratings, length mismatch and a bad confidence level', () => {
    const outcome = computeCohenKappa({ ratingsA: ['a', null, 'x'], ratingsB: ['a', 'b'], categories: ['a', 'b'], confLevel: 1.5 });
    assert.equal(outcome.ok, false);
    const codes = outcome.issues.map((i) => `${i.code}@${i.path.join('.')}`);
    assert.deepEqual(codes.sort(), ['bad-conf-level@confLevel', 'length-mismatch@ratingsB', 'missing-rating@ratingsA.1', 'unknown-category@ratingsA.2'].sort());
    assert.equal(computeCohenKappa({ ratingsA: [], ratingsB: [] }).ok, false);
  });

  it('kernel reads a row-major table', () => {
    const r = cohenKappaKernel(Float64Array.from([20, 5, 10, 15]), 2, 0.95);
    assertClose(r.kappa, 0.4, { rel: 1e-12 }, 'kappa');
  });
});
