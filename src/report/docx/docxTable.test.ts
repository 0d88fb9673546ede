import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { columnWidthsTwips } from './docxTable.js';

describe('columnWidthsTwips', () => {
  it('fits the text width, gives the stub the widest column and the data columns equal widths', () => {
    for (const count of [1, 2, 3, 5, 9]) {
      const widths = columnWidthsTwips(count, 9638);
      assert.equal(widths.length, count + 1);
      const total = widths.reduce((a, b) => a + b, 0);
      assert.ok(total <= 9638 && total > 9638 - count, `${count} columns: ${total}`);
      assert.equal(new Set(widths.slice(1)).size, 1);
      assert.ok(widths[0] >= widths[1], `${count} columns: stub ${widths[0]} vs ${widths[1]}`);
    }
  });
});
