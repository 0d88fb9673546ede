import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { RESVG_PURGE_DELAY_MS } from './loadResvg.js';

/** MIMALLOC_PURGE_DELAY as a fresh process sees it after loading resvg through loadResvg, `env` its environment. */
function purgeDelayAfterLoading(env: NodeJS.ProcessEnv): string {
  const script = `const { loadResvg } = await import(${JSON.stringify(new URL('./loadResvg.js', import.meta.url).href)});
const { Resvg } = loadResvg();
if (typeof Resvg !== 'function') throw new Error('no Resvg');
process.stdout.write(String(process.env.MIMALLOC_PURGE_DELAY));`;
  return execFileSync(process.execPath, ['--input-type=module', '-e', script], { env, encoding: 'utf8' });
}

describe('loadResvg', () => {
  it("sets mimalloc's purge delay before resvg loads, unless the user set one", () => {
    const env = { ...process.env };
    delete env.MIMALLOC_PURGE_DELAY;
    assert.equal(purgeDelayAfterLoading(env), RESVG_PURGE_DELAY_MS);
    assert.equal(purgeDelayAfterLoading({ ...env, MIMALLOC_PURGE_DELAY: '25' }), '25');
  });
});
