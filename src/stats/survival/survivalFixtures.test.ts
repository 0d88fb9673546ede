// Shared loading of fixtures/kaplanMeier.json for the survival tests. It holds no tests itself; it is a
// .test.ts file so that it may read files (the folder's non-test code stays free of I/O).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { repoPath } from '../../testing/index.js';
import { computeKaplanMeier, type KaplanMeierCurve } from './kaplanMeier.js';
import { isConfType } from './survivalConfidenceLimits.js';

/** One case of fixtures/kaplanMeier.json (written by fixtures/kaplanMeier.R). */
export interface FixtureCase {
  label: string;
  confType: string;
  confLevel: number;
  time: number[] | number;
  status: number[] | number;
  n: number;
  events: number;
  steps: Record<'time' | 'nRisk' | 'nEvent' | 'nCensor' | 'surv' | 'stdErr' | 'lower' | 'upper', number | null | (number | null)[]>;
  quantiles: Record<'probs' | 'estimate' | 'lower' | 'upper', number | null | (number | null)[]>;
  at: Record<'requested' | 'time' | 'surv' | 'stdErr' | 'lower' | 'upper' | 'nRisk', number | null | (number | null)[] | undefined>;
  atRiskExtended: Record<'time' | 'nRisk', number | (number | null)[]>;
  reverseMedian: Record<'estimate' | 'lower' | 'upper', number | null>;
}

/** jsonlite's auto_unbox turns one-element vectors into scalars; this undoes it. */
export function asArray(value: number | null | undefined | (number | null)[]): (number | null)[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

export function loadCases(): FixtureCase[] {
  return JSON.parse(readFileSync(repoPath('src/stats/survival/fixtures/kaplanMeier.json'), 'utf8')) as FixtureCase[];
}

export function fitCase(c: FixtureCase): KaplanMeierCurve {
  assert.ok(isConfType(c.confType));
  const outcome = computeKaplanMeier({
    time: asArray(c.time).map(Number),
    status: asArray(c.status).map(Number),
    confType: c.confType,
    confLevel: c.confLevel,
  });
  assert.ok(outcome.ok, JSON.stringify(outcome.issues));
  return outcome.value;
}
