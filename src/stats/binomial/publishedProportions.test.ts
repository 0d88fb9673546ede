import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { repoPath } from '../../testing/index.js';
import { clopperPearsonKernel } from './clopperPearson.js';

// The paper's proportions (publication/published-results.json) reproduced at the precision they were printed.
// Every number compared here comes from the data file: the printed value, its n and N, its text (for
// the printed decimals) and the documented inconsistencies (for the readings we assert instead).

interface PublishedResult {
  readonly id: string;
  readonly kind: string;
  readonly n?: number | null;
  readonly N?: number | null;
  readonly value?: number | null;
  readonly ciLower?: number | null;
  readonly ciUpper?: number | null;
  readonly method?: string;
  readonly text?: string;
}

interface Inconsistency {
  readonly ids: readonly string[];
  readonly issue: string;
  readonly plausible: string;
}

const published = JSON.parse(readFileSync(repoPath('src', 'protocols', 'nct05236621', 'publication', 'published-results.json'), 'utf8')) as {
  results: readonly PublishedResult[];
  inconsistencies: readonly Inconsistency[];
};

// trialkit's own findings (printed numbers that do not reproduce and that the reference file does not
// list) are kept in a separate file so the reference stays an unchanged copy; both lists are read here.
const findings = JSON.parse(readFileSync(repoPath('src', 'protocols', 'nct05236621', 'publication', 'published-findings.json'), 'utf8')) as {
  inconsistencies: readonly Inconsistency[];
};
const allInconsistencies: readonly Inconsistency[] = [...published.inconsistencies, ...findings.inconsistencies];

const percentDecimalsForCounts = 1;

/** Every inconsistency that lists this id (an id may sit in more than one). */
function inconsistenciesFor(id: string): readonly Inconsistency[] {
  return allInconsistencies.filter((entry) => entry.ids.includes(id));
}

function isDocumented(id: string): boolean {
  return inconsistenciesFor(id).length > 0;
}

/** Decimals of the token in the printed text that carries this value (28.44 -> 2, "30.0" -> 1). */
function printedDecimals(text: string, value: number, label: string): number {
  const token = (text.match(/\d+(?:\.\d+)?/g) ?? []).find((t) => Number(t) === value);
  assert.ok(token !== undefined, `${label}: the printed text "${text}" holds no number equal to ${value}`);
  return token.split('.')[1]?.length ?? 0;
}

function roundTo(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}

/** True when `computed` rounds to `printed` at `decimals` places. */
function agrees(computed: number, printed: number, decimals: number): boolean {
  return Math.abs(roundTo(computed, decimals) - printed) < 10 ** -(decimals + 3);
}

/** The percentage, lower and upper limit of k/N (Clopper-Pearson 95%), in percent. */
function percentTriple(k: number, total: number): [number, number, number] {
  const ci = clopperPearsonKernel(k, total, 0.95);
  return [(100 * k) / total, 100 * ci.lower, 100 * ci.upper];
}

/** Printed (value, lower, upper) of an entry, with the decimals of each as printed. */
function printedTriple(entry: PublishedResult): { values: [number, number, number]; decimals: [number, number, number] } {
  const { value, ciLower, ciUpper, text } = entry;
  assert.ok(typeof value === 'number' && typeof ciLower === 'number' && typeof ciUpper === 'number', `${entry.id}: value and CI`);
  assert.ok(typeof text === 'string', `${entry.id}: printed text`);
  return {
    values: [value, ciLower, ciUpper],
    decimals: [printedDecimals(text, value, entry.id), printedDecimals(text, ciLower, entry.id), printedDecimals(text, ciUpper, entry.id)],
  };
}

function reproduces(computed: readonly number[], printed: readonly number[], decimals: readonly number[]): boolean {
  return computed.every((c, i) => agrees(c, printed[i], decimals[i]));
}

/** Readings `k/N = P%` or `k/N = P% (L-U)` in the plausible explanations of the inconsistencies listing an id. */
function documentedReadings(id: string): { k: number; total: number; percent: string; lower?: string; upper?: string }[] {
  const pattern = /(\d+)\/(\d+) = (\d+(?:\.\d+)?)%(?: \((\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)\))?/g;
  return inconsistenciesFor(id).flatMap((note) =>
    [...note.plausible.matchAll(pattern)].map((m) => ({ k: Number(m[1]), total: Number(m[2]), percent: m[3], lower: m[4], upper: m[5] })),
  );
}

function decimalsOf(token: string): number {
  return token.split('.')[1]?.length ?? 0;
}

const clopperPearsonEntries = published.results.filter(
  (r) => r.kind === 'proportion_ci' && typeof r.method === 'string' && /clopper-pearson/i.test(r.method),
);
const withCounts = clopperPearsonEntries.filter((r) => typeof r.n === 'number' && typeof r.N === 'number');
const withoutCount = clopperPearsonEntries.filter((r) => r.n === null || r.n === undefined);

describe('published Clopper-Pearson proportions (Zhou 2023)', () => {
  it('has entries to check', () => {
    assert.ok(withCounts.length > 0);
  });

  // An entry whose printed numbers its n/N does not give must be listed in the inconsistencies, whose
  // plausible reading "n/N = P% (L-U)" must then be exactly what n/N gives.
  for (const entry of withCounts) {
    it(`${entry.id}: ${entry.n}/${entry.N} gives the printed ${entry.value}% (${entry.ciLower}-${entry.ciUpper})`, () => {
      const k = entry.n as number;
      const total = entry.N as number;
      const { values, decimals } = printedTriple(entry);
      const computed = percentTriple(k, total);
      if (reproduces(computed, values, decimals)) return;

      const names = ['estimate', 'lower', 'upper'];
      const differences = computed
        .map((c, i) => (agrees(c, values[i], decimals[i]) ? '' : `${names[i]} computed ${c.toFixed(4)}, printed ${values[i]}`))
        .filter((text) => text !== '');
      const readings = documentedReadings(entry.id).filter((r) => r.k === k && r.total === total && r.lower !== undefined);
      assert.ok(
        readings.length > 0,
        `${entry.id}: ${k}/${total} does not give the printed numbers (${differences.join('; ')}) and the inconsistencies ` +
          `list no reading "${k}/${total} = P% (L-U)" for it`,
      );
      for (const reading of readings) {
        const stated = [reading.percent, reading.lower ?? '', reading.upper ?? ''];
        stated.forEach((token, i) => {
          assert.ok(
            agrees(computed[i], Number(token), decimalsOf(token)),
            `${entry.id}: ${k}/${total} ${names[i]} is ${computed[i].toFixed(4)}, the documented reading states ${token}`,
          );
        });
      }
    });
  }

  for (const entry of withoutCount) {
    it(`${entry.id}: the printed numbers are no k/${entry.N}; the documented reading reproduces`, () => {
      const total = entry.N;
      assert.ok(typeof total === 'number', `${entry.id}: N`);
      assert.ok(isDocumented(entry.id), `${entry.id} has no count and no entry in inconsistencies`);
      const { values, decimals } = printedTriple(entry);

      for (let k = 0; k <= total; k++) {
        const computed = percentTriple(k, total);
        assert.ok(!agrees(computed[0], values[0], decimals[0]), `${k}/${total} gives the printed ${values[0]}%`);
        assert.ok(!reproduces(computed, values, decimals), `${k}/${total} reproduces the printed estimate and CI`);
      }

      // The issue names the count the printed numbers were copied from (e.g. "(26/30)").
      const copiedFrom = inconsistenciesFor(entry.id).flatMap((note) =>
        [...note.issue.matchAll(/\((\d+)\/(\d+)\)/g)].map((m) => [Number(m[1]), Number(m[2])] as const),
      );
      assert.ok(copiedFrom.length > 0, `${entry.id}: the issue names no k/N the numbers come from`);
      for (const [k, n] of copiedFrom) {
        assert.ok(reproduces(percentTriple(k, n), values, decimals), `${entry.id}: ${k}/${n} does not give the printed numbers`);
      }

      const readings = documentedReadings(entry.id).filter((r) => r.total === total && r.lower !== undefined);
      assert.equal(readings.length, 1, `${entry.id}: one plausible reading k/${total} = P% (L-U) in the inconsistencies`);
      const [reading] = readings;
      const stated = [reading.percent, reading.lower ?? '', reading.upper ?? ''];
      const computed = percentTriple(reading.k, total);
      stated.forEach((token, i) => {
        assert.ok(
          agrees(computed[i], Number(token), decimalsOf(token)),
          `${entry.id}: ${reading.k}/${total} gives ${computed[i].toFixed(4)}, the inconsistency states ${token}`,
        );
      });
    });
  }
});

// Counts with n and N print the percentage at one decimal. A mismatch is accepted only where the
// inconsistencies list documents it, and then its documented reading must hold.
const countEntries = published.results.filter(
  (r) => r.kind === 'count' && typeof r.n === 'number' && typeof r.N === 'number' && typeof r.value === 'number',
);

function countAgrees(entry: PublishedResult): boolean {
  return agrees((100 * (entry.n as number)) / (entry.N as number), entry.value as number, percentDecimalsForCounts);
}

const mismatchedCounts = countEntries.filter((entry) => !countAgrees(entry));
const documentedMismatches = mismatchedCounts.filter((entry) => isDocumented(entry.id));

describe('published count percentages (Zhou 2023)', () => {
  it('has entries to check', () => {
    assert.ok(countEntries.length > 0);
  });

  it('prints round(100 n / N, 1) for every count not documented as inconsistent', () => {
    const undocumented = mismatchedCounts
      .filter((entry) => !isDocumented(entry.id))
      .map((entry) => `${entry.id}: ${entry.n}/${entry.N} = ${((100 * (entry.n as number)) / (entry.N as number)).toFixed(3)}%, printed ${entry.value}%`);
    assert.deepEqual(undocumented, [], 'percentages that contradict their n/N with no entry in inconsistencies');
  });

  for (const entry of documentedMismatches) {
    it(`known inconsistency ${entry.id}: printed ${entry.value}% is not ${entry.n}/${entry.N}; the documented reading holds`, () => {
      const readings = documentedReadings(entry.id).filter((r) => r.total === entry.N && r.k === entry.n);
      assert.equal(readings.length, 1, `${entry.id}: one reading ${entry.n}/${entry.N} = P% in the inconsistencies`);
      const [reading] = readings;
      assert.ok(
        agrees((100 * reading.k) / reading.total, Number(reading.percent), decimalsOf(reading.percent)),
        `${entry.id}: ${reading.k}/${reading.total} is not ${reading.percent}%`,
      );
      assert.notEqual(Number(reading.percent), entry.value, `${entry.id}: the documented reading equals the printed value`);
    });
  }
});

// Percentages printed with a denominator but no count: some k/N must give them, unless documented.
const percentEntries = published.results.filter((r) => r.kind === 'percent' && typeof r.N === 'number' && typeof r.value === 'number');

describe('published percentages without a count (Zhou 2023)', () => {
  for (const entry of percentEntries) {
    const total = entry.N as number;
    const printed = entry.value as number;
    const documented = isDocumented(entry.id);
    const candidates = Array.from({ length: total + 1 }, (_, k) => k).filter((k) => agrees((100 * k) / total, printed, 1));
    if (!documented) {
      it(`${entry.id}: ${printed}% is k/${total} for some k`, () => {
        assert.ok(candidates.length > 0, `no k/${total} rounds to ${printed}%`);
      });
    } else {
      it(`known inconsistency ${entry.id}: ${printed}% is no k/${total}; the documented reading holds`, () => {
        assert.deepEqual(candidates, []);
        const readings = documentedReadings(entry.id).filter((r) => r.total === total);
        assert.ok(readings.length > 0, `${entry.id}: no reading k/${total} = P% in the inconsistencies`);
        for (const reading of readings) {
          assert.ok(agrees((100 * reading.k) / total, Number(reading.percent), decimalsOf(reading.percent)), `${reading.k}/${total} is not ${reading.percent}%`);
        }
      });
    }
  }
});
