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

  it('agrees with Date.UTC on every day, month and year field of 1600-2400 and on malformed text', () => {
    // The reference: the RegExp and Date.UTC check parseIsoDate used before it counted days itself.
    const reference = (text: string): number | null => {
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
      if (match === null) return null;
      const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
      const check = new Date(Date.UTC(year, month - 1, day));
      if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
      return Math.round(check.getTime() / 86_400_000);
    };
    const pad = (n: number, width: number) => String(n).padStart(width, '0');
    let checked = 0;
    for (const year of [0, 1, 50, 99, 100, 101, 1582, 1899, 1900, ...Array.from({ length: 801 }, (_, i) => 1600 + i), 9999]) {
      for (let month = 0; month <= 13; month += 1) {
        for (let day = 0; day <= 32; day += 1) {
          const text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
          assert.equal(parseIsoDate(text), reference(text), text);
          checked += 1;
        }
      }
    }
    assert.ok(checked > 300_000);
    for (const text of ['', '2022-01-0', '2022-01-011', '2022/01/01', ' 2022-01-01', '2022-01-01 ', '20x2-01-01', '2022-0a-01', '２０２２-01-01', '+02022-01-01']) {
      assert.equal(parseIsoDate(text), reference(text), text);
    }
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
