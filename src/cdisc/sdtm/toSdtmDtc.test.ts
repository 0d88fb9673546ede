import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isIso8601DateTime } from '../check/iso8601.js';
import { toSdtmDtc } from './toSdtmDtc.js';

describe('toSdtmDtc: recorded dates as SDTM --DTC text, partial dates truncated and never imputed', () => {
  const cases: readonly (readonly [string, string | null, boolean])[] = [
    ['2019-03-15', '2019-03-15', true],
    ['2019-03', '2019-03', false],
    ['2019', '2019', false],
    ['2019-03-UN', '2019-03', false],
    ['2019-UN-UN', '2019', false],
    ['2019-UNK-UNK', '2019', false],
    ['2019-00-00', '2019', false],
    ['2019-UN-15', '2019---15', false],
    ['2020-02-29', '2020-02-29', true],
  ];
  for (const [input, dtc, complete] of cases) {
    it(`${input} -> ${String(dtc)}`, () => {
      const result = toSdtmDtc(input);
      assert.deepEqual(result, { dtc, complete, valid: true });
      assert.ok(dtc !== null && isIso8601DateTime(dtc), 'the conformance check accepts what the mapping writes');
    });
  }
  it('a missing date is null and valid (nothing to write); unreadable text is refused, not written', () => {
    assert.deepEqual(toSdtmDtc(undefined), { dtc: null, complete: false, valid: true });
    assert.deepEqual(toSdtmDtc(''), { dtc: null, complete: false, valid: true });
    for (const bad of ['2019-13', '2019-02-30', '2021-02-29', '15-03-2019', 'UNK-03-2019', 'March 2019', '2019-3-5', '2019-03-15-01']) {
      assert.deepEqual(toSdtmDtc(bad), { dtc: null, complete: false, valid: false }, bad);
    }
  });
});
