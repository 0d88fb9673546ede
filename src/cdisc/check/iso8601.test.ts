import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isIso8601DateTime } from './iso8601.js';

describe('ISO 8601 --DTC text (SDTMIG v3.4)', () => {
  it('accepts complete, truncated and hyphen-for-missing values, time zones and intervals', () => {
    for (const ok of ['2021', '2021-03', '2021-03-29', '2021-03-29T10', '2021-03-29T10:30', '2021-03-29T10:30:15', '2021-03-29T10:30:15.25', '2021---29', '2021-03-29T-:30', '2020-02-29', '2021-03-29T10:30Z', '2021-03-29T10:30+08:00', '2021-03-29/2021-04-02']) {
      assert.equal(isIso8601DateTime(ok), true, ok);
    }
  });

  it('refuses other date notations and impossible values', () => {
    for (const bad of ['', '29/03/2021', '2021/03/29', '2021-3-29', '20210329', '2021-13-01', '2021-02-29', '2021-04-31', '2021-03-29 10:30', '2021-03-29T24:00', '2021-03-29T10:60', '2021-03T10:00', 'UNK', '2021-03-29T', 'a/b/c', '2021-03-29/']) {
      assert.equal(isIso8601DateTime(bad), false, bad);
    }
  });
});
