import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildStandardTestTrial, STANDARD_TEST_SUBJECTS, TEST_PROTOCOL, withPlan } from '../../protocols/nct05236621/testing/reportTestTrial.js';
import { createBaselineTable } from './createBaselineTable.js';
import { sampleMedian } from './medianRangeCell.js';
import { cellAt, rowByKey, sorted, valueAt } from './testSupport.js';

describe('createBaselineTable', () => {
  const data = buildStandardTestTrial();
  const itt = data.adsl.filter((r) => r.ITTFL === 'Y');
  const table = createBaselineTable(data, TEST_PROTOCOL);
  const N = itt.length;

  it("is the plan's baseline population with the plan's rows, keyed by ADSL variable and value, frozen", () => {
    assert.equal(table.population.N, N);
    assert.equal(table.population.flag, 'ITTFL');
    assert.equal(N, STANDARD_TEST_SUBJECTS.length);
    assert.equal(table.paperReference, 'Table 1');
    assert.equal(table.columns[0].label, TEST_PROTOCOL.identity.armLabel);
    assert.ok(Object.isFrozen(table) && Object.isFrozen(table.rows) && Object.isFrozen(table.rows[1].cells[0].subjects));
    for (const key of ['heading:patients', 'AGE', 'AGEGR1:<65', 'SEX', 'SEX:M', 'SEX:F', 'ECOGBL:0,1', 'ISS:I', 'RISS:III', 'CYTORISK:HIGH', 'CYTORISK:missing', 'GAIN1Q21:Y', 'T14_16:Y', 'MMTYPE:IgG', 'MMTYPE:light-chain', 'PRLINES', 'flags:prior-asct', 'PRASCTFL:Y']) {
      rowByKey(table, key);
    }
    assert.equal(rowByKey(table, 'SEX:M').label, 'Male');
    assert.ok(!table.rows.some((r) => r.key === 'MMTYPE:IgE'), "a level shown only when present is left out when nobody has it");
  });

  it('counts subjects as a direct filter of ADSL does, with those subjects behind each cell', () => {
    const check = (key: string, expected: readonly string[]) => {
      const c = cellAt(table, key, 'arm');
      assert.deepEqual(c.subjects, sorted(expected), key);
      assert.deepEqual(c.value, { kind: 'count', n: expected.length, N }, key);
    };
    check('SEX:M', itt.filter((r) => r.SEX === 'M').map((r) => r.USUBJID));
    check('AGEGR1:>75', itt.filter((r) => (r.AGE ?? 0) > 75).map((r) => r.USUBJID));
    check('ISS:III', itt.filter((r) => r.ISS === 'III').map((r) => r.USUBJID));
    check('PRCD38FL:Y', itt.filter((r) => r.PRCD38FL === 'Y').map((r) => r.USUBJID));
    check('ECOGBL:0,1', itt.filter((r) => r.ECOGBL === 0 || r.ECOGBL === 1).map((r) => r.USUBJID));
  });

  it('gives percentages of a non-missing denominator over the subjects with a value, and says how many', () => {
    const staged = itt.filter((r) => r.RISS !== null);
    assert.ok(staged.length < N, 'the test trial has an unstaged subject');
    const rissI = valueAt(table, 'RISS:I', 'arm', 'count');
    assert.equal(rissI.n, itt.filter((r) => r.RISS === 'I').length);
    assert.equal(rissI.N, staged.length);
    assert.ok(table.footnotes.some((f) => f.includes(`percentages are of the ${staged.length} subjects with a value (${N - staged.length} without)`)), table.footnotes.join(' | '));
  });

  it('gives medians with ranges from the ADSL values', () => {
    const ages = itt.map((r) => r.AGE ?? 0);
    assert.deepEqual(valueAt(table, 'AGE', 'arm', 'median-range'), { kind: 'median-range', median: sampleMedian(ages), min: Math.min(...ages), max: Math.max(...ages), n: N, integer: true });
  });

  it('lists only flags above the fraction the plan sets, most frequent first', () => {
    const heading = table.rows.findIndex((r) => r.key === 'flags:prior-agents');
    const next = table.rows.findIndex((r, i) => i > heading && r.indent < 2);
    const agents = table.rows.slice(heading + 1, next);
    assert.ok(agents.length > 0);
    for (const agent of agents) assert.ok((valueAt(table, agent.key, 'arm', 'count').n) > N / 2, agent.key);
    const counts = agents.map((a) => valueAt(table, a.key, 'arm', 'count').n);
    assert.deepEqual(counts, [...counts].sort((a, b) => b - a));
    assert.ok(!agents.some((a) => a.key === 'PRDARAFL:Y'), 'a minority flag is left out');
  });

  it('follows another plan: other rows, another population, missing rows on request', () => {
    const plan = withPlan({
      baselinePopulation: 'SAFFL',
      baselineCharacteristics: [
        { kind: 'heading', label: 'Who' },
        { kind: 'categorical', variable: 'SEX', label: 'Sex', levels: [{ values: ['F'], label: 'Women' }], missing: 'always', denominator: 'all' },
      ],
      baselineNotes: { footnotes: ['A note.'], abbreviations: [] },
    });
    const other = createBaselineTable(data, plan);
    assert.equal(other.population.flag, 'SAFFL');
    assert.deepEqual(other.rows.map((r) => r.key), ['heading:who', 'SEX', 'SEX:F', 'SEX:missing']);
    assert.deepEqual(valueAt(other, 'SEX:missing', 'arm', 'count').n, 0);
    assert.deepEqual(other.footnotes, ['A note.']);
  });
});
