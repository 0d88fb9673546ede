import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ageInYears, formatIsoDate, parseIsoDate, studyDay } from './isoDate.js';

describe('ISO dates as day numbers', () => {
  it('round-trips and rejects impossible dates', () => {
    assert.equal(parseIsoDate('1970-01-01'), 0);
    assert.equal(formatIsoDate(parseIsoDate('2022-12-01')!), '2022-12-01');
    assert.equal(parseIsoDate('2022-02-30'), null);
    assert.equal(parseIsoDate('2022-2-3'), null);
  });

  it('counts study days with no day 0', () => {
    const ref = parseIsoDate('2021-03-29')!;
    assert.equal(studyDay(ref, ref), 1);
    assert.equal(studyDay(ref + 1, ref), 2);
    assert.equal(studyDay(ref - 1, ref), -1);
  });

  it('computes age in whole years, birthday counted on the day', () => {
    const birth = parseIsoDate('1960-06-15')!;
    assert.equal(ageInYears(birth, parseIsoDate('2022-06-14')!), 61);
    assert.equal(ageInYears(birth, parseIsoDate('2022-06-15')!), 62);
  });
});
