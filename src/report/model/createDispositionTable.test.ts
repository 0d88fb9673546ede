import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildStandardTestTrial } from './buildReportTestTrial.js';
import { createDispositionTable } from './createDispositionTable.js';
import { findRow, rowUnder, sorted } from './testSupport.js';

describe('createDispositionTable', () => {
  const data = buildStandardTestTrial();
  const table = createDispositionTable(data.adsl, 'Arm');
  const enrolled = data.adsl.filter((r) => r.ENRLFL === 'Y');

  it('counts screened, screen failures and enrolled from ADSL', () => {
    assert.equal(findRow(table, 'Screened').cells[0].value, data.adsl.length);
    assert.equal(findRow(table, 'Screen failures').cells[0].value, data.adsl.length - enrolled.length);
    assert.equal(findRow(table, 'Enrolled').cells[0].value, enrolled.length);
    assert.equal(table.population.N, enrolled.length);
  });

  it('splits treatment discontinuations by reason, with the subjects', () => {
    const stopped = enrolled.filter((r) => r.EOTSTT === 'DISCONTINUED');
    const discontinued = rowUnder(table, 'Study treatment', 'Discontinued').cells[0];
    assert.deepEqual(discontinued.subjects, sorted(stopped.map((r) => r.USUBJID)));
    const pd = rowUnder(table, 'Study treatment', 'Progressive disease').cells[0];
    const expected = stopped.filter((r) => r.DCTREAS === 'progressive-disease').map((r) => r.USUBJID);
    assert.ok(expected.length > 0);
    assert.deepEqual(pd.subjects, sorted(expected));
    assert.equal(pd.text, `${expected.length} (${((100 * expected.length) / enrolled.length).toFixed(1)}%)`);
    const ongoing = rowUnder(table, 'Study treatment', 'Ongoing at data cutoff').cells[0];
    assert.equal((ongoing.value ?? 0) + stopped.length, enrolled.length);
  });
});
