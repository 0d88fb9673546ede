import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { computeLogRank } from '../logrank/index.js';
import { assertClose } from '../../testing/index.js';
import { encodeGroups } from './encodeGroups.js';
import { logRankFromTable } from './logRankFromTable.js';
import { tabulateSurvivalTimes } from './tabulateSurvivalTimes.js';

const rows = fc.array(
  fc.record({
    time: fc.oneof(fc.integer({ min: 0, max: 12 }), fc.double({ min: 0, max: 50, noNaN: true })),
    status: fc.integer({ min: 0, max: 1 }),
    group: fc.constantFrom('a', 'b', 'c'),
    stratum: fc.constantFrom('s1', 's2'),
  }),
  { minLength: 2, maxLength: 80 },
);

describe('logRankFromTable', () => {
  for (const stratified of [false, true]) {
    it(`agrees with computeLogRank${stratified ? ' (stratified)' : ''}`, () => {
      fc.assert(
        fc.property(rows, (data) => {
          const group = data.map((r) => r.group);
          const strata = data.map((r) => r.stratum);
          const time = Float64Array.from(data, (r) => r.time);
          const status = Uint8Array.from(data, (r) => r.status);
          const groups = encodeGroups(group);
          if (groups.labels.length < 2) return;
          const reference = computeLogRank({ time, status, group, strata: stratified ? strata : undefined, levels: groups.labels });
          assert.ok(reference.ok);
          let codes = groups.codes;
          let count = groups.labels.length;
          if (stratified) {
            const s = encodeGroups(strata);
            codes = Uint32Array.from(codes, (g, i) => s.codes[i] * groups.labels.length + g);
            count *= s.labels.length;
          }
          const fast = logRankFromTable(tabulateSurvivalTimes(time, status, codes, count), groups.labels);
          const tol = { rel: 1e-9, abs: 1e-9 };
          assert.equal(fast.df, reference.value.df);
          assertClose(fast.chisq, reference.value.chisq, tol, 'chisq');
          assertClose(fast.p, reference.value.p, tol, 'p');
          fast.groups.forEach((g, i) => {
            const r = reference.value.groups[i];
            assert.equal(g.group, r.group);
            assert.equal(g.n, r.n);
            assert.equal(g.observed, r.observed);
            assertClose(g.expected, r.expected, tol, `expected ${g.group}`);
          });
        }),
        { numRuns: 300 },
      );
    });
  }
});
