import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dayText, localTimeText } from './reviewText.js';

void describe('review dates and times', () => {
  void it('shows a day as DD-MMM-YYYY and leaves other text as it is', () => {
    assert.equal(dayText('2024-03-05'), '05-MAR-2024');
    assert.equal(dayText('2021-12-31'), '31-DEC-2021');
    assert.equal(dayText(null), '—');
    assert.equal(dayText('not a date'), 'not a date');
  });

  void it('shows an instant in the reader’s zone, the zone named', () => {
    // 13:05 UTC is 14:05 in Paris in winter, 09:05 in New York in summer (daylight saving)
    assert.equal(localTimeText('2024-01-15T13:05:09.123Z', 'Europe/Paris'), '15-JAN-2024 14:05 (GMT+1)');
    assert.equal(localTimeText('2024-07-01T13:05:00Z', 'America/New_York'), '01-JUL-2024 09:05 (GMT-4)');
    assert.equal(localTimeText('2024-07-01T23:30:00Z', 'Asia/Tokyo'), '02-JUL-2024 08:30 (GMT+9)');
    assert.equal(localTimeText('garbage'), 'garbage');
  });
});
