import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { assertClose, repoPath } from '../../testing/index.js';
import { computeCoxPh, type CoxFit, type CoxTest } from './computeCoxPh.js';
import { createCoxControl } from './coxControl.js';

interface FixtureTest {
  chisq: number;
  df: number;
  p: number;
}

interface FixtureCase {
  label: string;
  ties: 'efron' | 'breslow';
  confLevel: number;
  note: { logrankChisq?: number } | null;
  data: {
    time: number[];
    status: number[];
    terms: string[];
    covariates: Record<string, number[]>;
    strata: string[] | null;
  };
  expected: {
    coef: (number | null)[];
    hr: (number | null)[];
    se: (number | null)[];
    lower: (number | null)[];
    upper: (number | null)[];
    z: (number | null)[];
    p: (number | null)[];
    loglik: [number, number];
    lrTest: FixtureTest;
    waldTest: FixtureTest;
    scoreTest: FixtureTest;
    iterations: number;
    n: number;
    events: number;
    warnings: string[];
  };
}

const fixtures = (JSON.parse(readFileSync(repoPath('src/stats/cox/fixtures/coxph.json'), 'utf8')) as { cases: FixtureCase[] }).cases;
const iterative = { rel: 1e-6, abs: 1e-12 };
const closedForm = { rel: 1e-9, abs: 1e-14 };

function fitCase(c: FixtureCase): CoxFit {
  const outcome = computeCoxPh({
    time: c.data.time,
    status: c.data.status,
    terms: c.data.terms,
    covariates: c.data.terms.map((t) => c.data.covariates[t]),
    strata: c.data.strata ?? undefined,
    ties: c.ties,
    confLevel: c.confLevel,
  });
  assert.ok(outcome.ok, `${c.label}: ${JSON.stringify(outcome.issues)}`);
  return outcome.value;
}

function outcomeWarnings(c: FixtureCase): string[] {
  const outcome = computeCoxPh({
    time: c.data.time,
    status: c.data.status,
    terms: c.data.terms,
    covariates: c.data.terms.map((t) => c.data.covariates[t]),
    strata: c.data.strata ?? undefined,
    ties: c.ties,
  });
  return outcome.issues.map((i) => i.code);
}

function compareTest(label: string, actual: CoxTest, expected: FixtureTest, tolerance: { rel: number; abs: number }): void {
  assertClose(actual.chisq, expected.chisq, tolerance, `${label} chisq`);
  assert.equal(actual.df, expected.df, `${label} df`);
  assertClose(actual.p, expected.p, tolerance, `${label} p`);
}

describe('computeCoxPh against R survival::coxph', () => {
  for (const c of fixtures) {
    it(c.label, () => {
      const fit = fitCase(c);
      const e = c.expected;
      fit.coefficients.forEach((row, j) => {
        const where = `${c.label} ${row.term}`;
        assert.equal(row.term, c.data.terms[j]);
        assertClose(row.coef, e.coef[j], iterative, `${where} coef`);
        assertClose(row.hr, e.hr[j], iterative, `${where} hr`);
        assertClose(row.se, e.se[j], iterative, `${where} se`);
        assertClose(row.lower, e.lower[j], iterative, `${where} lower`);
        // R's Inf (an overflowing limit) is written to JSON as null.
        assertClose(Number.isFinite(row.upper) ? row.upper : null, e.upper[j], iterative, `${where} upper`);
        assertClose(row.z, e.z[j], iterative, `${where} z`);
        assertClose(row.p, e.p[j], iterative, `${where} p`);
        assert.equal(row.reason === null, e.coef[j] !== null, `${where} reason`);
      });
      assertClose(fit.logLik[0], e.loglik[0], closedForm, `${c.label} null loglik`);
      assertClose(fit.logLik[1], e.loglik[1], iterative, `${c.label} loglik`);
      compareTest(`${c.label} LR`, fit.lrTest, e.lrTest, iterative);
      compareTest(`${c.label} Wald`, fit.waldTest, e.waldTest, iterative);
      compareTest(`${c.label} score`, fit.scoreTest, e.scoreTest, closedForm);
      assert.equal(fit.iterations, e.iterations, `${c.label} iterations`);
      assert.equal(fit.n, e.n);
      assert.equal(fit.events, e.events);
      // R's warning about a possibly infinite coefficient, and only then, gives ours.
      const warned = e.warnings.some((w) => w.includes('may be infinite'));
      assert.equal(outcomeWarnings(c).includes('infinite-coefficient'), warned, `${c.label} infinite-coefficient warning`);
      if (c.note?.logrankChisq !== undefined) {
        assertClose(fit.scoreTest.chisq, c.note.logrankChisq, closedForm, `${c.label} score = log-rank`);
      }
    });
  }

  it('warns, as R does, when a coefficient may be infinite', () => {
    const c = fixtures.find((f) => f.label.startsWith('monotone'));
    assert.ok(c);
    const outcome = computeCoxPh({
      time: c.data.time,
      status: c.data.status,
      terms: c.data.terms,
      covariates: c.data.terms.map((t) => c.data.covariates[t]),
    });
    assert.ok(outcome.ok);
    const flagged = outcome.issues.filter((i) => i.code === 'infinite-coefficient');
    assert.deepEqual(flagged.map((i) => i.path), [['covariates', 'x']]);
    assert.equal(flagged[0].severity, 'warning');
  });

  it('reports a constant and a collinear covariate as null with a warning', () => {
    for (const [prefix, term, reason, code] of [
      ['constant', 'k', 'constant', 'constant-covariate'],
      ['collinear', 'x4', 'collinear', 'collinear-covariate'],
    ] as const) {
      const c = fixtures.find((f) => f.label.startsWith(prefix));
      assert.ok(c);
      const outcome = computeCoxPh({ time: c.data.time, status: c.data.status, terms: c.data.terms, covariates: c.data.terms.map((t) => c.data.covariates[t]) });
      assert.ok(outcome.ok);
      const row = outcome.value.coefficients.find((r) => r.term === term);
      assert.equal(row?.reason, reason);
      assert.equal(row.coef, null);
      assert.deepEqual(outcome.issues.map((i) => [i.code, i.path]), [[code, ['covariates', term]]]);
    }
  });

  it('Efron and Breslow differ under heavy ties and agree without ties', () => {
    const heavy = fixtures.find((f) => f.label.startsWith('heavy ties'));
    const noTies = fixtures.find((f) => f.label.startsWith('no ties'));
    assert.ok(heavy && noTies);
    const coef = (c: FixtureCase, ties: 'efron' | 'breslow'): number | null => fitCase({ ...c, ties }).coefficients[0].coef;
    assert.ok(Math.abs((coef(heavy, 'efron') ?? 0) - (coef(heavy, 'breslow') ?? 0)) > 0.01);
    assertClose(coef(noTies, 'efron'), coef(noTies, 'breslow'), closedForm, 'no ties: efron = breslow');
  });
});

describe('computeCoxPh validation', () => {
  const base = { time: [1, 2, 3, 4], status: [1, 0, 1, 1], terms: ['x'], covariates: [[0.5, 1, 2, 0]] };
  const codes = (input: Parameters<typeof computeCoxPh>[0]): [string, unknown][] => {
    const outcome = computeCoxPh(input);
    assert.equal(outcome.ok, false);
    return outcome.issues.map((i) => [i.code, i.path]);
  };
  it('names mismatched lengths', () => {
    assert.deepEqual(codes({ ...base, status: [1, 0, 1] }), [['length-mismatch', ['status']]]);
    assert.deepEqual(codes({ ...base, covariates: [[1, 2, 3]] }), [['length-mismatch', ['covariates', 'x']]]);
    assert.deepEqual(codes({ ...base, strata: ['a'] }), [['length-mismatch', ['strata']]]);
    assert.deepEqual(codes({ ...base, terms: ['x', 'y'] }), [['length-mismatch', ['covariates']]]);
  });
  it('names the term and row of a missing covariate', () => {
    assert.deepEqual(codes({ ...base, covariates: [[0.5, Number.NaN, 2, 0]] }), [['missing-covariate', ['covariates', 'x', 1]]]);
  });
  it('rejects negative or missing times, bad status codes and no events', () => {
    assert.deepEqual(codes({ ...base, time: [1, -2, 3, Number.NaN] }), [
      ['negative-time', ['time', 1]],
      ['missing-value', ['time', 3]],
    ]);
    assert.deepEqual(codes({ ...base, status: [1, 2, 0, 1] }), [['bad-status', ['status', 1]]]);
    assert.deepEqual(codes({ ...base, status: [0, 0, 0, 0] }), [['no-events', ['status']]]);
  });
  it('rejects no covariates, duplicate terms, bad ties and confidence levels', () => {
    assert.deepEqual(codes({ ...base, terms: [], covariates: [] }), [['no-covariates', ['terms']]]);
    assert.deepEqual(codes({ ...base, terms: ['x', 'x'], covariates: [[1, 2, 3, 4], [2, 1, 3, 5]] }), [['duplicate-term', ['terms', 1]]]);
    assert.deepEqual(codes({ ...base, ties: 'exact' as 'efron' }), [['bad-ties', ['ties']]]);
    assert.deepEqual(codes({ ...base, confLevel: 1 }), [['bad-conf-level', ['confLevel']]]);
  });
  it('gives back frozen results', () => {
    const outcome = computeCoxPh(base);
    assert.ok(outcome.ok);
    assert.ok(Object.isFrozen(outcome.value) && Object.isFrozen(outcome.value.coefficients[0]));
  });
  it('stops at iterMax and says it did not converge', () => {
    const control = createCoxControl({ iterMax: 1 });
    assert.ok(control.ok);
    const c = fixtures[0];
    const outcome = computeCoxPh({ time: c.data.time, status: c.data.status, terms: c.data.terms, covariates: c.data.terms.map((t) => c.data.covariates[t]), control: control.value });
    assert.ok(outcome.ok);
    assert.equal(outcome.value.converged, false);
    assert.equal(outcome.value.iterations, 1);
    assert.ok(outcome.issues.some((i) => i.code === 'not-converged'));
  });
});

/** Log-rank chi-square for two groups without tied event times, written out independently. */
function logRank(time: number[], status: number[], group: number[]): number {
  const order = time.map((_, i) => i).sort((a, b) => time[a] - time[b]);
  let atRisk = time.length;
  let atRisk1 = group.reduce((s, g) => s + g, 0);
  let observedMinusExpected = 0;
  let variance = 0;
  for (const i of order) {
    if (status[i] === 1) {
      const share = atRisk1 / atRisk;
      observedMinusExpected += group[i] - share;
      variance += share * (1 - share);
    }
    atRisk--;
    atRisk1 -= group[i];
  }
  return (observedMinusExpected * observedMinusExpected) / variance;
}

const subject = fc.record({
  event: fc.boolean(),
  x1: fc.double({ min: -3, max: 3, noNaN: true }),
  x2: fc.double({ min: -3, max: 3, noNaN: true }),
  g: fc.integer({ min: 0, max: 1 }),
});
// Distinct whole-number times: no ties, so Efron, Breslow and the log-rank test meet.
const dataset = fc
  .integer({ min: 25, max: 60 })
  .chain((n) =>
    fc.tuple(
      fc.uniqueArray(fc.integer({ min: 1, max: 100000 }), { minLength: n, maxLength: n }),
      fc.array(subject, { minLength: n, maxLength: n }),
    ),
  )
  .map(([times, rows]) => rows.map((r, i) => ({ ...r, time: times[i] / 10 })))
  .filter((rows) => rows.filter((r) => r.event).length >= 8 && new Set(rows.map((r) => r.g)).size === 2);
type Row = { time: number; event: boolean; x1: number; x2: number; g: number };
const fitRows = (rows: readonly Row[], scale = 1): CoxFit | null => {
  const outcome = computeCoxPh({
    time: rows.map((r) => r.time),
    status: rows.map((r) => (r.event ? 1 : 0)),
    terms: ['x1', 'x2'],
    covariates: [rows.map((r) => r.x1 * scale), rows.map((r) => r.x2)],
  });
  // Data with a monotone likelihood have no finite estimate to compare.
  return outcome.ok && outcome.issues.length === 0 ? outcome.value : null;
};

describe('computeCoxPh properties', () => {
  it('does not depend on the order of the rows', () => {
    fc.assert(
      fc.property(dataset, fc.integer({ min: 1, max: 1000 }), (rows, seed) => {
        const shuffled = rows.map((r, i) => ({ r, k: (i * 7919 + seed * 104729) % 1000003 })).sort((a, b) => a.k - b.k).map((e) => e.r);
        const a = fitRows(rows);
        const b = fitRows(shuffled);
        if (a === null || b === null) return;
        a.coefficients.forEach((row, j) => assertClose(b.coefficients[j].coef, row.coef, { rel: 1e-8, abs: 1e-10 }, `coef ${row.term}`));
        assertClose(b.logLik[1], a.logLik[1], { rel: 1e-10 }, 'loglik');
      }),
      { numRuns: 60 },
    );
  });
  it('scales a coefficient by 1/c when its covariate is multiplied by c', () => {
    fc.assert(
      fc.property(dataset, fc.double({ min: 0.001, max: 1000, noNaN: true }), (rows, c) => {
        const a = fitRows(rows);
        const b = fitRows(rows, c);
        if (a === null || b === null) return;
        assertClose(b.coefficients[0].coef, (a.coefficients[0].coef ?? 0) / c, { rel: 1e-7, abs: 1e-10 }, 'scaled coef');
        assertClose(b.coefficients[1].coef, a.coefficients[1].coef, { rel: 1e-7, abs: 1e-10 }, 'other coef');
        assertClose(b.logLik[1], a.logLik[1], { rel: 1e-10 }, 'loglik');
      }),
      { numRuns: 60 },
    );
  });
  it('has a score test at beta = 0 equal to the log-rank test for one binary covariate without ties', () => {
    fc.assert(
      fc.property(dataset, (rows) => {
        const time = rows.map((r) => r.time);
        const status = rows.map((r) => (r.event ? 1 : 0));
        const group = rows.map((r) => r.g);
        for (const ties of ['efron', 'breslow'] as const) {
          const outcome = computeCoxPh({ time, status, terms: ['g'], covariates: [group], ties });
          assert.ok(outcome.ok);
          assertClose(outcome.value.scoreTest.chisq, logRank(time, status, group), { rel: 1e-9, abs: 1e-12 }, `score vs log-rank (${ties})`);
        }
      }),
      { numRuns: 80 },
    );
  });
});
