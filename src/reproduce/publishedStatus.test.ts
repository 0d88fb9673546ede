import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareToPublished, publishedStatus, type ReproductionStatus } from './compareToPublished.js';
import type { PublishedInconsistency, PublishedResult } from './publishedResults.js';
import { countQuantity, estimateQuantity, notComputed, reinterpretedQuantity, type DirectQuantity, type Quantity } from './quantity.js';

/** A small seeded generator (mulberry32), so a failing case is the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const round = (value: number, decimals: number): number => Number(value.toFixed(decimals));

/** A printed entry of a random kind, with values on its printed grid and sometimes a text with trailing zeros. */
function publishedEntry(next: () => number, index: number): PublishedResult {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const maybeNull = (value: number): number | null => (next() < 0.2 ? null : value);
  const id = `generated.${index}`;
  switch (pick(['km_median', 'km_rate', 'log-rank', 'fisher', 'proportion', 'count', 'median'] as const)) {
    case 'km_median': {
      const value = round(2 + 30 * next(), 2);
      return { id, section: 's', kind: 'km_median', value: maybeNull(value), ciLower: maybeNull(round(value - 3 * next(), 2)), ciUpper: maybeNull(round(value + 5 * next(), 2)), unit: 'months' };
    }
    case 'km_rate': {
      const value = round(20 + 70 * next(), 1);
      return { id, section: 's', kind: 'km_rate', timepoint: 12, value, ciLower: maybeNull(round(value - 12 * next(), 1)), ciUpper: maybeNull(round(value + 9 * next(), 1)), unit: '%', text: `${value.toFixed(1)}%` };
    }
    case 'log-rank': {
      const value = round(0.0001 + 0.2 * next() ** 3, 4);
      const below = next() < 0.3;
      return { id, section: 's', kind: 'p_value', value, method: 'log-rank', ...(below ? { comparator: '<' as const } : {}), text: `P=${value.toFixed(4)}` };
    }
    case 'fisher': {
      const value = round(0.2 * next(), 3);
      return { id, section: 's', kind: 'p_value', value, method: 'Fisher exact', text: `P=${value.toFixed(3)}` };
    }
    case 'proportion': {
      const N = 10 + Math.floor(80 * next());
      const n = Math.floor(N * next());
      const value = round((100 * n) / N, 1);
      return { id, section: 's', kind: 'proportion_ci', n, N, value, ciLower: round(Math.max(0, value - 12), 2), ciUpper: round(Math.min(100, value + 12), 2), unit: '%', text: `${value.toFixed(1)}%` };
    }
    case 'count': {
      const N = 10 + Math.floor(80 * next());
      const n = Math.floor(N * next());
      return next() < 0.3 ? { id, section: 's', kind: 'count', value: n } : { id, section: 's', kind: 'count', n, N, value: round((100 * n) / N, 1), unit: '%', text: `${n} (${((100 * n) / N).toFixed(1)})` };
    }
    case 'median': {
      const value = round(40 + 40 * next(), 1);
      return { id, section: 's', kind: 'median', value, min: Math.floor(value - 20), max: Math.ceil(value + 15) };
    }
  }
}

/** A computed number near a printed one: equal, at the rounding edges, at the tolerance edges, further, or missing. */
function near(next: () => number, printed: number | null | undefined): number | null {
  const base = printed ?? 10 * next();
  const roll = next();
  if (roll < 0.08) return null;
  if (roll < 0.1) return Number.NaN;
  const offsets = [0, 0.0049, -0.005, 0.05, -0.049, 0.1, -0.1000000001, 0.5, -0.5, 0.51, 1, -1.0000001, 1.01, 2, 0.3, -4];
  const offset = offsets[Math.floor(next() * offsets.length)];
  return next() < 0.3 ? base * (1 + offset) : base + offset * (next() < 0.5 ? 1 : 0.1);
}

/** A quantity for the entry, of every kind the scoreboard meets. */
function quantityFor(next: () => number, pub: PublishedResult): Quantity {
  const roll = next();
  if (roll < 0.04) return notComputed('no data');
  let direct: DirectQuantity;
  if (pub.kind === 'count' || (pub.kind === 'proportion_ci' && next() < 0.3)) {
    const n = Math.max(0, (pub.n ?? pub.value ?? 0) + Math.floor(3 * next()) - 1);
    direct = countQuantity(n, pub.N === undefined ? null : Math.max(0, (pub.N ?? 0) + Math.floor(3 * next()) - 1));
  } else if (pub.kind === 'proportion_ci') {
    const N = pub.N ?? 1;
    const n = Math.max(0, (pub.n ?? 0) + Math.floor(3 * next()) - 1);
    direct = { kind: 'proportion', n, N, ciLower: near(next, pub.ciLower) ?? 0, ciUpper: near(next, pub.ciUpper) ?? 100 };
  } else {
    direct = estimateQuantity(near(next, pub.value), { ciLower: near(next, pub.ciLower), ciUpper: near(next, pub.ciUpper), min: near(next, pub.min), max: near(next, pub.max) });
  }
  return roll < 0.15 ? reinterpretedQuantity(direct, 'another reading') : direct;
}

describe('publishedStatus', () => {
  it('gives the status compareToPublished gives, on many generated entries and values', () => {
    const next = random(20260613);
    const inconsistency: PublishedInconsistency = { ids: [], issue: 'Listed as inconsistent.', plausible: 'Another value.' };
    const seen = new Map<ReproductionStatus, number>();
    for (let i = 0; i < 20_000; i += 1) {
      const pub = publishedEntry(next, i);
      const quantity = quantityFor(next, pub);
      const status = publishedStatus(pub, quantity);
      assert.equal(status, compareToPublished(pub, quantity, undefined).status, `case ${i}: ${JSON.stringify({ pub, quantity })}`);
      assert.equal(status, compareToPublished(pub, quantity, inconsistency).status, `case ${i} (inconsistent)`);
      seen.set(status, (seen.get(status) ?? 0) + 1);
    }
    // The cases reach every status, each many times (else the agreement above would say little).
    for (const status of ['match', 'close', 'differs', 'reinterpreted', 'not-computed'] as const) assert.ok((seen.get(status) ?? 0) >= 200, `${status}: ${seen.get(status) ?? 0}`);
  });

  it('grades the boundaries as compareToPublished does: rounding at the printed decimals, tolerance, NR', () => {
    const pfs: PublishedResult = { id: 'km.pfs.overall.median', section: 's', kind: 'km_median', value: 6.05, ciLower: 3.78, ciUpper: null, unit: 'months' };
    assert.equal(publishedStatus(pfs, estimateQuantity(6.0549, { ciLower: 3.7849, ciUpper: null })), 'match');
    assert.equal(publishedStatus(pfs, estimateQuantity(6.15, { ciLower: 3.78, ciUpper: null })), 'close');
    assert.equal(publishedStatus(pfs, estimateQuantity(6.16, { ciLower: 3.78, ciUpper: null })), 'differs');
    assert.equal(publishedStatus(pfs, estimateQuantity(6.05, { ciLower: 3.78, ciUpper: 9 })), 'differs');
    assert.equal(publishedStatus(pfs, estimateQuantity(6.05, { ciLower: null, ciUpper: null })), 'differs');
    const fisher: PublishedResult = { id: 'f', section: 's', kind: 'p_value', value: 0.01, method: 'Fisher exact', text: 'P=0.010' };
    assert.equal(publishedStatus(fisher, estimateQuantity(0.0104)), 'match');
    assert.equal(publishedStatus(fisher, estimateQuantity(0.0106)), 'differs');
  });
});
