import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatIsoDate, parseIsoDate } from '../dates/index.js';
import { addCalendarMonths } from './calendarMonths.js';

function shift(date: string, months: number): string {
  const day = parseIsoDate(date);
  assert.ok(day !== null);
  return formatIsoDate(addCalendarMonths(day, months));
}

describe('addCalendarMonths', () => {
  it('moves by calendar months across years', () => {
    assert.equal(shift('2022-03-29', -12), '2021-03-29');
    assert.equal(shift('2022-01-15', -1), '2021-12-15');
    assert.equal(shift('2021-11-30', 3), '2022-02-28');
  });

  it('clamps to the last day of a shorter month', () => {
    assert.equal(shift('2024-02-29', -12), '2023-02-28');
    assert.equal(shift('2022-03-31', -1), '2022-02-28');
  });
});
