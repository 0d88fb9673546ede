import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildStandardTestTrial } from './buildReportTestTrial.js';
import { createAeOfInterestTable } from './createAeOfInterestTable.js';
import { createDeathTable } from './createDeathTable.js';
import { createSaeListing } from './createSaeListing.js';
import { findRow, rowUnder, sorted, testProtocol } from './testSupport.js';

describe('AEs of interest, deaths and the SAE listing', () => {
  const data = buildStandardTestTrial();
  const protocol = testProtocol();

  it('counts each group of interest and its terms from ADAE AEGRPS', () => {
    const table = createAeOfInterestTable(data.adsl, data.adae, protocol);
    const infections = data.adae.filter((r) => r.TRTEMFL === 'Y' && r.AEGRPS.includes('infection'));
    assert.deepEqual(findRow(table, 'Infections').cells[0].subjects, sorted(infections.map((r) => r.USUBJID)));
    const severe = infections.filter((r) => r.RELPOMFL === 'Y' && r.AETOXGR >= 3).map((r) => r.USUBJID);
    assert.deepEqual(findRow(table, 'Infections').cells[2].subjects, sorted(severe));
    assert.equal(findRow(table, 'Deep vein thrombosis').indent, 1);
    assert.equal(findRow(table, 'Peripheral neuropathy').cells[0].text, '0');
  });

  it('counts deaths by cause and timing from ADSL', () => {
    const table = createDeathTable(data.adsl, protocol);
    const dead = data.adsl.filter((r) => r.ITTFL === 'Y' && r.DTHFL === 'Y');
    assert.equal(findRow(table, 'Deaths up to the data cutoff').cells[0].value, dead.length);
    assert.deepEqual(rowUnder(table, 'Primary cause', 'Adverse event').cells[0].subjects, sorted(dead.filter((r) => r.DTHCAUS === 'adverse-event').map((r) => r.USUBJID)));
    const onTreatment = rowUnder(table, 'Timing', 'On treatment (≤ 28 days after the last dose)').cells[0].value ?? 0;
    assert.equal(onTreatment + (rowUnder(table, 'Timing', 'During follow-up').cells[0].value ?? 0), dead.length);
    const early = createDeathTable(data.adsl, testProtocol({ earlyDeathDays: 365 }));
    assert.equal(rowUnder(early, 'Timing', 'Within 365 days of the first dose').cells[0].value, dead.length);
  });

  it('lists every serious AE of the safety set, one row each', () => {
    const listing = createSaeListing(data.adsl, data.adae, protocol);
    const serious = data.adae.filter((r) => r.AESER === 'Y');
    assert.equal(listing.rows.length, serious.length);
    assert.deepEqual(listing.rows.map((r) => r.label), serious.map((r) => r.USUBJID).sort());
    for (const r of listing.rows) assert.deepEqual(r.cells[0].subjects, [r.label]);
    assert.equal(listing.id.startsWith('l-'), true);
  });
});
