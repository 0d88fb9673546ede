import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildStandardTestTrial, TEST_PROTOCOL, withPlan } from '../../protocols/nct05236621/testing/reportTestTrial.js';
import { createAeOfInterestTable } from './createAeOfInterestTable.js';
import { createDeathTable } from './createDeathTable.js';
import { createSaeListing } from './createSaeListing.js';
import { cellAt, numberAt, rowByKey, sorted, valueAt } from './testSupport.js';

describe('AEs of interest, deaths and the SAE listing', () => {
  const data = buildStandardTestTrial();

  it("counts each AE group of the protocol and its terms from ADAE AEGRPS", () => {
    const table = createAeOfInterestTable(data, TEST_PROTOCOL);
    assert.deepEqual(table.rows.filter((r) => r.indent === 0).map((r) => r.key), TEST_PROTOCOL.aeGroups.map((g) => `group:${g.id}`));
    const infections = data.adae.filter((r) => r.TRTEMFL === 'Y' && r.AEGRPS.includes('infection'));
    assert.deepEqual(cellAt(table, 'group:infection', 'teae').subjects, sorted(infections.map((r) => r.USUBJID)));
    const severe = infections.filter((r) => r.RELINVFL === 'Y' && r.AETOXGR >= 3).map((r) => r.USUBJID);
    assert.deepEqual(cellAt(table, 'group:infection', 'related-grade3').subjects, sorted(severe));
    assert.equal(rowByKey(table, 'group:thrombosis:term:Deep vein thrombosis').indent, 1);
    assert.equal(numberAt(table, 'group:neuropathy', 'teae'), 0);
  });

  it('counts deaths by cause and timing from ADSL, with the windows of the protocol', () => {
    const table = createDeathTable(data, TEST_PROTOCOL);
    const dead = data.adsl.filter((r) => r.ITTFL === 'Y' && r.DTHFL === 'Y');
    assert.equal(numberAt(table, 'deaths', 'arm'), dead.length);
    assert.deepEqual(cellAt(table, 'cause:adverse-event', 'arm').subjects, sorted(dead.filter((r) => r.DTHCAUS === 'adverse-event').map((r) => r.USUBJID)));
    assert.equal(rowByKey(table, 'timing:on-treatment').label, `On treatment (≤ ${TEST_PROTOCOL.teaeWindowDaysAfterLastDose} days after the last dose)`);
    assert.equal((numberAt(table, 'timing:on-treatment', 'arm') ?? 0) + (numberAt(table, 'timing:follow-up', 'arm') ?? 0), dead.length);
    const early = createDeathTable(data, withPlan({ earlyDeathDays: 365 }));
    assert.equal(rowByKey(early, 'timing:early').label, 'Within 365 days of the first dose');
    assert.equal(numberAt(early, 'timing:early', 'arm'), dead.length);
  });

  it('lists every serious AE of the safety population, one row each, keyed by subject and sequence', () => {
    const listing = createSaeListing(data, TEST_PROTOCOL);
    const serious = data.adae.filter((r) => r.AESER === 'Y');
    assert.equal(listing.rows.length, serious.length);
    assert.deepEqual(listing.rows.map((r) => r.label), serious.map((r) => r.USUBJID).sort());
    assert.deepEqual(sorted(listing.rows.map((r) => r.key)), sorted(serious.map((r) => `${r.USUBJID}:${r.AESEQ}`)));
    for (const r of listing.rows) assert.deepEqual(r.cells[0].subjects, [r.label]);
    assert.deepEqual(listing.columns.filter((c) => c.id.startsWith('action:')).map((c) => c.id), TEST_PROTOCOL.regimen.drugs.map((d) => `action:${d.id}`));
    const fatal = serious.find((r) => r.AETOXGR === 5);
    assert.ok(fatal !== undefined);
    const key = `${fatal.USUBJID}:${fatal.AESEQ}`;
    assert.deepEqual(valueAt(listing, key, 'grade', 'number'), { kind: 'number', value: 5, decimals: 0 });
    assert.deepEqual(valueAt(listing, key, 'onset', 'date'), { kind: 'date', date: fatal.ASTDT });
    assert.equal(valueAt(listing, key, 'related', 'text').text, 'None', 'the fatal event is unlikely related: not related');
    assert.equal(listing.id.startsWith('l-'), true);
  });
});
