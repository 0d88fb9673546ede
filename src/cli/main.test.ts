import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cliRecorder as recorder } from '../testing/index.js';
import { main } from './main.js';

describe('trialkit main', () => {
  it('lists the commands with --help', async () => {
    const r = recorder();
    assert.equal(await main(['--help'], r.io), 0);
    assert.match(r.out.join(''), /Commands:/);
    assert.match(r.out.join(''), /\bkm\b/);
  });

  it('rejects an unknown command with exit 2 and the overview', async () => {
    const r = recorder();
    assert.equal(await main(['frobnicate'], r.io), 2);
    assert.match(r.err.join(''), /unknown command 'frobnicate'/);
  });

  it('names file, line, column and value for each bad cell', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'trialkit-main-')), 'bad.csv');
    writeFileSync(file, 'time,status\n5,1\n-3,0\nabc,1\n');
    const r = recorder();
    assert.equal(await main(['km', file, '--time', 'time', '--event', 'status'], r.io), 2);
    const err = r.err.join('');
    assert.match(err, new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} line 3, column 'time': "-3"`));
    assert.match(err, /expected a number >= 0 \(2 bad values in all, at lines 3 \("-3"\), 4 \("abc"\)\)/);
  });
});
