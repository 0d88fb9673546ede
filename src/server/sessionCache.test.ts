import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SessionRow } from '../store/index.js';
import { createSessionCache } from './sessionCache.js';

const session = (displayName: string): SessionRow => ({ userId: 'u1', displayName, role: 'investigator', siteId: 'S01', active: true, expiresAt: new Date('2030-01-01T00:00:00Z') });

describe('session cache', () => {
  void it('reuses a lookup for maxAgeMs, then reads again', async () => {
    let t = 0;
    let reads = 0;
    const cache = createSessionCache({ maxAgeMs: 1000, now: () => t });
    const lookup = (): Promise<SessionRow> => Promise.resolve(session(`read ${++reads}`));
    assert.equal((await cache.get('h', lookup))?.displayName, 'read 1');
    t = 999;
    assert.equal((await cache.get('h', lookup))?.displayName, 'read 1');
    t = 1000;
    assert.equal((await cache.get('h', lookup))?.displayName, 'read 2');
  });

  void it('reads again after invalidate(), and never stores a lookup that an invalidation overtook', async () => {
    let reads = 0;
    const cache = createSessionCache({ maxAgeMs: 60_000, now: () => 0 });
    let release: (row: SessionRow) => void = () => undefined;
    // a lookup issued before a deactivation, answered after it
    const slow = cache.get('h', () => new Promise<SessionRow>((resolve) => (release = resolve)));
    await cache.invalidate();
    release(session('before the change'));
    assert.equal((await slow)?.displayName, 'before the change', 'the request that asked gets what it read');
    assert.equal((await cache.get('h', () => Promise.resolve(session(`read ${++reads}`))))?.displayName, 'read 1', 'the stale read was not kept');
    await cache.invalidate();
    assert.equal((await cache.get('h', () => Promise.resolve(session(`read ${++reads}`))))?.displayName, 'read 2');
  });

  void it('keeps no unknown token, and maxAgeMs 0 reads every time', async () => {
    let reads = 0;
    const cache = createSessionCache({ maxAgeMs: 60_000, now: () => 0 });
    assert.equal(await cache.get('x', () => Promise.resolve(undefined)), undefined);
    assert.equal((await cache.get('x', () => Promise.resolve(session(`read ${++reads}`))))?.displayName, 'read 1');
    const off = createSessionCache({ maxAgeMs: 0 });
    await off.get('h', () => Promise.resolve(session(`read ${++reads}`)));
    assert.equal((await off.get('h', () => Promise.resolve(session(`read ${++reads}`))))?.displayName, 'read 3');
  });
});
