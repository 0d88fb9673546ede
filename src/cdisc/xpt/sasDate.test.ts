import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isoFromSasDate, sasDateFromDayNumber, sasDateFromIso, sasDatetimeFromIso, sasTimeFromIso } from './sasDate.js';

// The reference values are SAS's definition (day 0 = 1960-01-01); haven's reading of them as R Dates is checked
// by havenRoundTrip.test.ts.
describe('SAS dates, datetimes and times', () => {
  it('counts days from 1960-01-01', () => {
    assert.equal(sasDateFromIso('1960-01-01'), 0);
    assert.equal(sasDateFromIso('1959-12-31'), -1);
    assert.equal(sasDateFromIso('1970-01-01'), 3653);
    assert.equal(sasDateFromIso('2022-12-01'), 22980);
    assert.equal(sasDateFromIso('2000-02-29'), 14669);
    assert.equal(isoFromSasDate(22980), '2022-12-01');
    assert.equal(isoFromSasDate(-1), '1959-12-31');
    assert.equal(sasDateFromDayNumber(0), 3653);
  });

  it('refuses partial and impossible dates (they stay ISO 8601 text in --DTC)', () => {
    for (const bad of ['2022-12', '2022', '2022-02-30', '2022-13-01', '2022-12-01T10:00', '']) assert.equal(sasDateFromIso(bad), null, bad);
  });

  it('counts datetime seconds from 1960-01-01T00:00:00 and time seconds from midnight', () => {
    assert.equal(sasDatetimeFromIso('1960-01-01T00:00:00'), 0);
    assert.equal(sasDatetimeFromIso('1960-01-02T00:00'), 86400);
    assert.equal(sasDatetimeFromIso('2021-03-27T10:10:00'), 1932459000);
    assert.equal(sasDatetimeFromIso('2021-03-27T24:00:00'), null);
    assert.equal(sasDatetimeFromIso('2021-03-27'), null);
    assert.equal(sasTimeFromIso('10:10'), 36600);
    assert.equal(sasTimeFromIso('23:59:59'), 86399);
    assert.equal(sasTimeFromIso('24:00'), null);
  });
});
