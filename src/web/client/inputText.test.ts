import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decimalMarkOf, formatDate, parseDateText, parseDecimalText } from './inputText.js';

describe('dates shown DD-MMM-YYYY and stored ISO', () => {
  it('formats ISO dates and reads both forms back', () => {
    assert.equal(formatDate('2026-12-06'), '06-DEC-2026');
    assert.deepEqual(parseDateText('06-DEC-2026'), { ok: true, value: '2026-12-06' });
    assert.deepEqual(parseDateText(' 6-dec-2026 '), { ok: true, value: '2026-12-06' });
    assert.deepEqual(parseDateText('2021-05-10'), { ok: true, value: '2021-05-10' });
    for (const day of ['2024-02-29', '29-FEB-2024']) assert.equal(parseDateText(day).ok, true);
  });
  it('refuses dates that are not days, or whose month is a number in the middle', () => {
    for (const text of ['30-FEB-2026', '2026-02-30', '06/12/2026', '12-06-2026', '06-XYZ-2026', '']) {
      const read = parseDateText(text);
      assert.equal(read.ok, false, text);
      if (!read.ok) assert.ok(read.message.length > 10, text);
    }
  });
});

describe('decimal comma where the locale uses it, never a thousands separator', () => {
  it('reads the locale decimal mark', () => {
    assert.equal(decimalMarkOf('de-DE'), ',');
    assert.equal(decimalMarkOf('en-GB'), '.');
  });
  it('accepts the decimal comma only in a comma locale', () => {
    assert.deepEqual(parseDecimalText('12,5', ','), { ok: true, value: 12.5 });
    assert.deepEqual(parseDecimalText('12.5', ','), { ok: true, value: 12.5 });
    assert.deepEqual(parseDecimalText('12.5', '.'), { ok: true, value: 12.5 });
    assert.deepEqual(parseDecimalText('-0,25', ','), { ok: true, value: -0.25 });
    assert.equal(parseDecimalText('12,5', '.').ok, false);
  });
  it('refuses what a thousands separator could have written, with words', () => {
    for (const mark of ['.', ','] as const) {
      const read = parseDecimalText('1,234', mark);
      assert.equal(read.ok, false);
      if (!read.ok) assert.match(read.message, /1234/);
      assert.equal(parseDecimalText('1 234', mark).ok, false);
      assert.equal(parseDecimalText('1,234.5', mark).ok, false);
    }
    assert.equal(parseDecimalText('1.234', ',').ok, false, 'a point before three digits is a thousands separator in a comma locale');
    assert.deepEqual(parseDecimalText('1.234', '.'), { ok: true, value: 1.234 });
    assert.equal(parseDecimalText('abc', '.').ok, false);
  });
});
