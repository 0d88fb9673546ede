import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatSasFormat, parseSasFormat } from './sasFormat.js';

describe('SAS format syntax', () => {
  it('parses name, width and decimals as the namestr stores them', () => {
    assert.deepEqual(parseSasFormat('DATE9.'), { name: 'DATE', width: 9, decimals: 0 });
    assert.deepEqual(parseSasFormat('8.2'), { name: '', width: 8, decimals: 2 });
    assert.deepEqual(parseSasFormat('$CHAR20.'), { name: '$CHAR', width: 20, decimals: 0 });
    assert.deepEqual(parseSasFormat('$20.'), { name: '$', width: 20, decimals: 0 });
    assert.deepEqual(parseSasFormat('E8601DA10.'), { name: 'E8601DA', width: 10, decimals: 0 });
    assert.deepEqual(parseSasFormat('BEST.'), { name: 'BEST', width: 0, decimals: 0 });
    assert.deepEqual(parseSasFormat('COMMA10.2'), { name: 'COMMA', width: 10, decimals: 2 });
  });

  it('refuses lower case, a missing period, names over 8 characters, decimals on text, an empty format', () => {
    for (const bad of ['date9.', 'DATE9', 'E8601DTXY19.', 'MYFORMATS12.', '$CHAR20.2', '.', '', ' DATE9.', '9A.']) {
      assert.equal(parseSasFormat(bad), null, bad);
    }
  });

  it('prints a parsed format back as written', () => {
    for (const text of ['DATE9.', '8.2', '$CHAR20.', '$20.', 'E8601DT19.', 'BEST.', '8.']) {
      const parsed = parseSasFormat(text);
      assert.ok(parsed !== null, text);
      assert.equal(formatSasFormat(parsed), text);
    }
  });
});
