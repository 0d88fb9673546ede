import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { cliRecorder, repoPath } from '../../testing/index.js';
import { main } from '../main.js';

interface JsonResult {
  readonly id: string;
  readonly published: { readonly value: number | null };
  readonly computed: { readonly value: number | null } | null;
  readonly status: string;
  readonly note: string;
}

const published = JSON.parse(readFileSync(repoPath('src', 'protocols', 'nct05236621', 'publication', 'published-results.json'), 'utf8')) as { results: { id: string; section: string }[] };

describe('trialkit reproduce', () => {
  it('prints JSON with one result per published id and the summary of statuses', async () => {
    const rec = cliRecorder();
    assert.equal(await main(['reproduce', '--json'], rec.io), 0, rec.stderr());
    const out = JSON.parse(rec.stdout()) as { results: JsonResult[]; summary: Record<string, number> };
    assert.deepEqual(out.results.map((r) => r.id), published.results.map((r) => r.id));
    assert.deepEqual(Object.keys(out.results[0]), ['id', 'published', 'computed', 'status', 'note']);
    const count = (status: string): number => out.results.filter((r) => r.status === status).length;
    assert.deepEqual(out.summary, { match: count('match'), close: count('close'), differs: count('differs'), reinterpreted: count('reinterpreted'), notComputed: count('not-computed') });
    const orr = out.results.find((r) => r.id === 'efficacy.orr.overall');
    assert.deepEqual(orr?.published, { value: 38.8, n: 33, N: 85, ciLower: 28.44, ciUpper: 50.01 });
  });

  it('prints a table per section of the paper with a closing tally', async () => {
    const rec = cliRecorder();
    assert.equal(await main(['reproduce'], rec.io), 0, rec.stderr());
    const text = rec.stdout();
    for (const section of new Set(published.results.map((r) => r.section))) assert.match(text, new RegExp(`^${section.replace(/[()]/g, '\\$&')}$`, 'm'), section);
    assert.match(text, /^efficacy\.orr\.overall +33\/85 \(38\.8%\) \[28\.44-50\.01\] +33\/85 \(38\.82%\) \[28\.4\d\d-50\.01\d\] +match/m);
    assert.match(text, new RegExp(`^${published.results.length} published results: \\d+ match, \\d+ close, \\d+ differ, \\d+ reinterpreted, \\d+ not computed$`, 'm'));
  });

  it('rejects a bad seed and stray arguments (exit 2)', async () => {
    const rec = cliRecorder();
    assert.equal(await main(['reproduce', '--seed', '1.5'], rec.io), 2);
    assert.match(rec.stderr(), /--seed "1\.5" is not valid; expected a whole number >= 0/);
    const stray = cliRecorder();
    assert.equal(await main(['reproduce', 'extra'], stray.io), 2);
    assert.match(stray.stderr(), /unexpected argument "extra"/);
  });
});
