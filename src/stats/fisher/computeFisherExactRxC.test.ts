import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { assertClose, repoPath } from '../../testing/index.js';
import { computeFisherExactRxC, defaultMaxTables } from './computeFisherExactRxC.js';

const fixture = JSON.parse(readFileSync(repoPath('src/stats/fisher/fixtures/fisherExact.json'), 'utf8')) as {
  twoByTwo: { label: string; a: number; b: number; c: number; d: number; p: number }[];
  rxc: { label: string; table: number[][]; p: number }[];
};
const pTolerance = { rel: 1e-9, abs: 1e-300 };

describe('computeFisherExactRxC against R fisher.test (FEXACT)', () => {
  for (const c of fixture.rxc) {
    it(c.label, () => {
      const outcome = computeFisherExactRxC(c.table);
      assert.ok(outcome.ok, JSON.stringify(outcome.issues));
      assertClose(outcome.value.p, c.p, pTolerance, `${c.label} p`);
    });
  }

  it('gives the 2 x 2 two-sided p of R for every 2 x 2 fixture', () => {
    for (const c of fixture.twoByTwo.filter((x) => x.a + x.b + x.c + x.d <= 300)) {
      const outcome = computeFisherExactRxC([
        [c.a, c.b],
        [c.c, c.d],
      ]);
      assert.ok(outcome.ok, JSON.stringify(outcome.issues));
      assertClose(outcome.value.p, c.p, pTolerance, `${c.label} p`);
    }
  });
});

describe('computeFisherExactRxC limits and input checks', () => {
  it('refuses, quickly and naming the limit, a table with too many tables to enumerate', () => {
    // R's job-satisfaction example (4 x 4, n = 96): FEXACT territory, far beyond enumeration.
    const job = [
      [1, 2, 1, 0],
      [3, 3, 6, 1],
      [10, 10, 14, 9],
      [6, 7, 12, 11],
    ];
    const started = performance.now();
    const outcome = computeFisherExactRxC(job);
    assert.ok(performance.now() - started < 5000);
    assert.equal(outcome.ok, false);
    assert.equal(outcome.issues[0].code, 'table-too-large');
    assert.match(outcome.issues[0].expected, new RegExp(`at most ${defaultMaxTables} tables`));
  });

  it('counts the tables it enumerated and honours a smaller limit', () => {
    const table = [
      [2, 1],
      [1, 2],
    ];
    const outcome = computeFisherExactRxC(table);
    assert.ok(outcome.ok);
    assert.equal(outcome.value.tables, 4); // first cell 0..3
    const refused = computeFisherExactRxC(table, { maxTables: 3 });
    assert.equal(refused.ok, false);
    assert.match(refused.issues[0].expected, /at most 3 tables/);
  });

  it('names bad cells, ragged rows and too small tables', () => {
    const bad = computeFisherExactRxC([
      [1, -2, 3],
      [1, 2],
    ]);
    assert.equal(bad.ok, false);
    assert.deepEqual(
      bad.issues.map((x) => `${x.code}@${x.path.join('.')}`),
      ['invalid-count@table.0.1', 'ragged-table@table.1'],
    );
    const small = computeFisherExactRxC([[1, 2, 3]]);
    assert.equal(small.ok, false);
    assert.deepEqual(small.issues.map((x) => x.code), ['table-too-small']);
  });
});
