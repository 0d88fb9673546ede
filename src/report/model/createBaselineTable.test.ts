import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildStandardTestTrial, STANDARD_TEST_SUBJECTS } from './buildReportTestTrial.js';
import { createBaselineTable } from './createBaselineTable.js';
import { sampleMedian } from './medianRangeCell.js';
import { findRow, rowUnder, sorted } from './testSupport.js';

describe('createBaselineTable', () => {
  const data = buildStandardTestTrial();
  const itt = data.adsl.filter((r) => r.ITTFL === 'Y');
  const table = createBaselineTable(data.adsl, 'Arm');
  const N = itt.length;

  it('is the ITT population with the paper rows, frozen', () => {
    assert.equal(table.population.N, N);
    assert.equal(table.population.flag, 'ITTFL');
    assert.equal(N, STANDARD_TEST_SUBJECTS.length);
    assert.equal(table.paperReference, 'Table 1');
    assert.ok(Object.isFrozen(table) && Object.isFrozen(table.rows) && Object.isFrozen(table.rows[1].cells[0].subjects));
    for (const label of ['Age, year, median (range)', 'Male', 'Female', '0 or 1', 'High risk', 'Gain(1q21)', 't(14;16)', 'IgG', 'Light chain', 'Number of prior treatments, median (range)']) {
      findRow(table, label);
    }
  });

  it('counts subjects as a direct filter of ADSL does, with those subjects behind each cell', () => {
    const check = (cellSubjects: readonly string[], value: number | null, expected: readonly string[]) => {
      assert.deepEqual(cellSubjects, sorted(expected));
      assert.equal(value, expected.length);
    };
    const male = findRow(table, 'Male').cells[0];
    check(male.subjects, male.value, itt.filter((r) => r.SEX === 'M').map((r) => r.USUBJID));
    assert.equal(male.text, `${male.value} (${((100 * (male.value ?? 0)) / N).toFixed(1)}%)`);
    const over75 = findRow(table, '> 75, n (%)').cells[0];
    check(over75.subjects, over75.value, itt.filter((r) => (r.AGE ?? 0) > 75).map((r) => r.USUBJID));
    const issIII = rowUnder(table, 'International Staging System stage at study entry, n (%)', 'III').cells[0];
    check(issIII.subjects, issIII.value, itt.filter((r) => r.ISS === 'III').map((r) => r.USUBJID));
    const cd38 = rowUnder(table, 'Prior treatment with anti-CD38 antibody, n (%)', 'Yes').cells[0];
    check(cd38.subjects, cd38.value, itt.filter((r) => r.PRCD38FL === 'Y').map((r) => r.USUBJID));
  });

  it('gives R-ISS percentages of the staged subjects and says how many were staged', () => {
    const staged = itt.filter((r) => r.RISS !== null);
    assert.ok(staged.length < N, 'the test trial has an unstaged subject');
    const rissI = rowUnder(table, 'Revised International Staging System stage at study entry, n (%)', 'I').cells[0];
    const n = itt.filter((r) => r.RISS === 'I').length;
    assert.equal(rissI.text, `${n} (${((100 * n) / staged.length).toFixed(1)}%)`);
    assert.match(table.footnotes[0], new RegExp(`A total of ${staged.length} patients were staged`));
  });

  it('prints medians with ranges from the ADSL values', () => {
    const age = findRow(table, 'Age, year, median (range)').cells[0];
    const ages = itt.map((r) => r.AGE ?? 0);
    assert.equal(age.value, sampleMedian(ages));
    assert.equal(age.text, `${(sampleMedian(ages) ?? 0).toFixed(1)} (${Math.min(...ages)}–${Math.max(...ages)})`);
  });

  it('lists only prior agents given to more than half of the subjects, most frequent first', () => {
    const heading = table.rows.findIndex((r) => r.label === 'Prior treatments in > 50% patients, n (%)');
    const next = table.rows.findIndex((r, i) => i > heading && r.indent < 2);
    const agents = table.rows.slice(heading + 1, next);
    assert.ok(agents.length > 0);
    for (const agent of agents) assert.ok((agent.cells[0].value ?? 0) > N / 2, agent.label);
    assert.ok(!agents.some((a) => a.label === 'Daratumumab'), 'daratumumab is given to a minority');
  });
});
