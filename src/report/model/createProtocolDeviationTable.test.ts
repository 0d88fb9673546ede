import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AddvRow } from '../../clinical/index.js';
import { buildStandardTestTrial, TEST_PROTOCOL } from '../../protocols/nct05236621/testing/reportTestTrial.js';
import { createProtocolDeviationListing } from './createProtocolDeviationListing.js';
import { createProtocolDeviationTable } from './createProtocolDeviationTable.js';
import { NOT_COLLECTED } from './createSubsequentTherapyTable.js';
import { numberAt, valueAt } from './testSupport.js';

describe('createProtocolDeviationTable', () => {
  const data = buildStandardTestTrial();
  const [a, b, c] = data.adsl.filter((r) => r.ITTFL === 'Y').map((r) => r.USUBJID);
  const deviation = (USUBJID: string, DVSEQ: number, DVCAT: string, DVSEV: AddvRow['DVSEV']): AddvRow => ({
    STUDYID: 'S',
    USUBJID,
    DVSEQ,
    DVTERM: `deviation ${DVSEQ}`,
    DVCAT,
    DVSEV,
    ASTDT: '2022-01-0' + String(DVSEQ),
    ASTDY: DVSEQ,
    VISIT: null,
    DVACTION: null,
  });
  const addv = [deviation(a, 1, 'visit-schedule', 'MINOR'), deviation(a, 2, 'visit-schedule', 'MINOR'), deviation(a, 3, 'study-treatment', 'MAJOR'), deviation(b, 1, 'visit-schedule', 'MINOR'), deviation(c, 1, 'unlisted-code', 'MAJOR')];

  it('is a missing value "not collected by this protocol" when no form is a deviation log (SDTM DV)', () => {
    const without = { ...TEST_PROTOCOL, forms: TEST_PROTOCOL.forms.filter((f) => f.sdtmDomain !== 'DV') };
    const table = createProtocolDeviationTable({ ...data, addv: [] }, without);
    assert.deepEqual(valueAt(table, 'any', 'arm', 'missing'), { kind: 'missing', reason: NOT_COLLECTED });
    assert.match(table.footnotes[0], /does not mean that none occurred/);
  });

  it('counts subjects, not deviations, by category and by major / minor over the enrolled set', () => {
    const table = createProtocolDeviationTable({ ...data, addv }, TEST_PROTOCOL);
    const N = data.adsl.filter((r) => r.ITTFL === 'Y').length;
    assert.equal(table.population.N, N);
    assert.equal(numberAt(table, 'any', 'arm'), 3);
    assert.equal(numberAt(table, 'any', 'major'), 2);
    assert.equal(numberAt(table, 'any', 'minor'), 2);
    assert.equal(numberAt(table, 'category:visit-schedule', 'arm'), 2);
    assert.equal(numberAt(table, 'category:visit-schedule', 'major'), 0);
    assert.equal(numberAt(table, 'category:study-treatment', 'major'), 1);
    // Every category of the protocol's list is a row (zero when none was recorded); a code it does not list follows.
    assert.equal(numberAt(table, 'category:informed-consent', 'arm'), 0);
    assert.equal(table.rows[table.rows.length - 1].key, 'category:unlisted-code');
  });

  it('lists every deviation by subject and sequence, with the labels of the protocol codes', () => {
    const listing = createProtocolDeviationListing({ ...data, addv }, TEST_PROTOCOL);
    assert.deepEqual(listing.rows.map((r) => r.key), [`${a}:1`, `${a}:2`, `${a}:3`, `${b}:1`, `${c}:1`].sort((x, y) => x.localeCompare(y)));
    const row = listing.rows.find((r) => r.key === `${a}:3`);
    const category = listing.columns.findIndex((col) => col.id === 'category');
    assert.deepEqual(row?.cells[category].value, { kind: 'text', text: 'Study drug / dosing (not per the dose-modification rules)' });
    // A log with no deviation: no rows, and a footnote says none was recorded.
    const empty = createProtocolDeviationListing({ ...data, addv: [] }, TEST_PROTOCOL);
    assert.equal(empty.rows.length, 0);
    assert.match(empty.footnotes[0], /No protocol deviation was recorded/);
  });
});
