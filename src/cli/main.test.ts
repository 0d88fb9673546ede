import assert from 'node:assert/strict';
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
});
