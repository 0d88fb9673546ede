import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { repoPath } from '../../testing/index.js';
import { computeFisherExact2x2 } from './computeFisherExact2x2.js';

// Reproduces every Fisher exact p-value of the paper from the two proportions it compares, both taken
// from the project copy of the published results. The pairing comes from the ids:
// fisher.<endpoint>.<family>_<A>_vs_<B> compares subgroup.<family>.<A>.<endpoint> with
// subgroup.<family>.<B>.<endpoint> (e.g. fisher.orr.iss_I_vs_III: subgroup.iss.I.orr vs subgroup.iss.III.orr).

interface PublishedResult {
  id: string;
  kind: string;
  method?: string;
  value: number | null;
  n?: number | null;
  N?: number | null;
  text?: string;
}
interface Inconsistency {
  ids: string[];
  issue: string;
  plausible: string;
}

const published = JSON.parse(readFileSync(repoPath('src', 'protocols', 'nct05236621', 'publication', 'published-results.json'), 'utf8')) as {
  results: PublishedResult[];
  inconsistencies: Inconsistency[];
};
const byId = new Map(published.results.map((r) => [r.id, r]));

/**
 * Responders and subjects of a subgroup proportion. When the paper's count is not printed (n null,
 * as for subgroup.riss.I.dcr, whose 86.7% cannot be k/12), the count is the one the data file's
 * `inconsistencies` entry gives as plausible for that denominator (there: 11/12).
 */
function proportion(id: string): { x: number; n: number; source: string } {
  const entry = byId.get(id);
  assert.ok(entry !== undefined, `${id} is not in published-results.json`);
  assert.ok(typeof entry.N === 'number', `${id} has no denominator`);
  if (typeof entry.n === 'number') return { x: entry.n, n: entry.N, source: 'printed' };
  const note = published.inconsistencies.find((i) => i.ids.includes(id));
  assert.ok(note !== undefined, `${id} has no printed count and no inconsistencies entry`);
  const match = [...note.plausible.matchAll(/(\d+)\/(\d+)/g)].find((m) => Number(m[2]) === entry.N);
  assert.ok(match !== undefined, `${id}: no k/${entry.N} in the plausible reading "${note.plausible}"`);
  return { x: Number(match[1]), n: entry.N, source: 'inconsistencies (plausible)' };
}

/** The p-value as printed in the text ("P=0.010" keeps its trailing zero) and its significant digits. */
function printed(result: PublishedResult): { value: number; digits: number } {
  const fromText = /P\s*=\s*(\d*\.\d+)/i.exec(result.text ?? '');
  const raw = fromText?.[1] ?? String(result.value);
  const digits = raw.replace('.', '').replace(/^0+/, '').length;
  return { value: Number(raw), digits };
}

const fisherResults = published.results.filter((r) => r.kind === 'p_value' && /fisher/i.test(r.method ?? ''));

describe('published Fisher exact p-values', () => {
  it('the data file has Fisher p-values to reproduce', () => {
    assert.ok(fisherResults.length >= 4, `found ${fisherResults.length}`);
  });

  for (const result of fisherResults) {
    it(result.id, () => {
      const match = /^fisher\.([a-z0-9_]+)\.([a-z0-9]+)_(\w+)_vs_(\w+)$/i.exec(result.id);
      assert.ok(match !== null, `cannot read the comparison from ${result.id}`);
      const [, endpoint, family, groupA, groupB] = match;
      const first = proportion(`subgroup.${family}.${groupA}.${endpoint}`);
      const second = proportion(`subgroup.${family}.${groupB}.${endpoint}`);
      const outcome = computeFisherExact2x2({ a: first.x, b: first.n - first.x, c: second.x, d: second.n - second.x });
      assert.ok(outcome.ok);
      const { value, digits } = printed(result);
      const computed = Number(outcome.value.p.toPrecision(digits));
      assert.equal(
        computed,
        value,
        `${result.id}: ${first.x}/${first.n} (${first.source}) vs ${second.x}/${second.n} (${second.source}) gives ` +
          `p = ${outcome.value.p}, ${computed} at ${digits} significant digits; the paper prints ${value}`,
      );
    });
  }

  it('uses the plausible 11/12 for R-ISS I DCR, whose printed count is missing', () => {
    assert.deepEqual(proportion('subgroup.riss.I.dcr'), { x: 11, n: 12, source: 'inconsistencies (plausible)' });
  });
});
