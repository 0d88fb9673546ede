import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { computeKaplanMeier } from '../survival/index.js';
import { assertClose, repoPath } from '../../testing/index.js';
import { computeCumulativeIncidence } from './computeCumulativeIncidence.js';

interface FixtureCase {
  label: string;
  time: number[];
  event: string[];
  censor: string;
  group: string[] | null;
  levels: string[] | null;
  eventTypes: string[];
  at: number[];
  curves: {
    group: string | null;
    event: string;
    n: number;
    events: number;
    steps: { time: number[]; estimate: number[]; variance: number[] };
    lastTime: number;
    at: { estimate: (number | null)[]; variance: (number | null)[] };
  }[];
  gray: { event: string; chisq: number; df: number; p: number }[];
}

const cases = (JSON.parse(readFileSync(repoPath('src/stats/competingrisks/fixtures/cuminc.json'), 'utf8')) as { cases: FixtureCase[] }).cases;
// Same operations as cmprsk's Fortran: estimates and variances to rounding; Gray's statistic goes
// through a different (but exact) solve of a small system.
const exact = { rel: 1e-12, abs: 1e-15 };
const solved = { rel: 1e-9, abs: 1e-12 };

describe('computeCumulativeIncidence against cmprsk::cuminc (fixtures/cuminc.R)', () => {
  for (const c of cases) {
    it(c.label, () => {
      const outcome = computeCumulativeIncidence({
        time: c.time,
        event: c.event,
        censor: c.censor,
        eventTypes: c.eventTypes,
        group: c.group ?? undefined,
        levels: c.levels ?? undefined,
        at: c.at,
      });
      assert.ok(outcome.ok, JSON.stringify(outcome.issues));
      const result = outcome.value;
      assert.equal(result.curves.length, c.curves.length);
      result.curves.forEach((curve, i) => {
        const e = c.curves[i];
        const label = `${c.label}: ${String(e.group)} ${e.event}`;
        assert.equal(curve.group, e.group, label);
        assert.equal(curve.event, e.event, label);
        assert.equal(curve.n, e.n, `${label} n`);
        assert.equal(curve.events, e.events, `${label} events`);
        assert.equal(curve.lastTime, e.lastTime, `${label} last time`);
        assert.deepEqual(curve.steps.map((s) => s.time), e.steps.time, `${label} step times`);
        curve.steps.forEach((s, k) => {
          assertClose(s.estimate, e.steps.estimate[k], exact, `${label} estimate at ${s.time}`);
          assertClose(s.variance, e.steps.variance[k], exact, `${label} variance at ${s.time}`);
        });
        curve.at.forEach((a, k) => {
          assert.equal(a.time, c.at[k]);
          assertClose(a.estimate, e.at.estimate[k], exact, `${label} estimate at ${a.time} (timepoints)`);
          assertClose(a.variance, e.at.variance[k], exact, `${label} variance at ${a.time} (timepoints)`);
        });
      });
      assert.equal(result.gray.length, c.gray.length);
      result.gray.forEach((g, i) => {
        const e = c.gray[i];
        assert.equal(g.event, e.event);
        assert.equal(g.df, e.df);
        assertClose(g.chisq, e.chisq, solved, `${c.label}: Gray chisq ${e.event}`);
        assertClose(g.p, e.p, solved, `${c.label}: Gray p ${e.event}`);
      });
    });
  }
});

describe('computeCumulativeIncidence input checks', () => {
  it('names bad times, unknown event codes and unknown groups', () => {
    const outcome = computeCumulativeIncidence({
      time: [1, -2, 3],
      event: ['a', 'b', '0'],
      censor: '0',
      eventTypes: ['a'],
      group: ['x', 'y', 'q'],
      levels: ['x', 'y'],
    });
    assert.ok(!outcome.ok);
    assert.deepEqual(outcome.issues.map((i) => `${i.code} ${i.path.join('.')}`), ['negative-time time.1', 'unknown-event event.1', 'unknown-group group.2']);
  });
});

const rows = fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.constantFrom('c', 'x', 'y', 'y'), fc.constantFrom('g1', 'g2')), {
  minLength: 2,
  maxLength: 60,
});

describe('cumulative incidence properties', () => {
  it('with one event type is 1 - Kaplan-Meier', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.boolean()), { minLength: 1, maxLength: 50 }), (data) => {
        const time = data.map((d) => d[0]);
        const outcome = computeCumulativeIncidence({ time, event: data.map((d) => (d[1] ? 'e' : 'c')), censor: 'c', eventTypes: ['e'], at: [0, 5, 10, 20] });
        const km = computeKaplanMeier({ time, status: data.map((d) => (d[1] ? 1 : 0)) });
        assert.ok(outcome.ok && km.ok);
        for (const step of outcome.value.curves[0].steps) {
          const s = km.value.steps.find((k) => k.time === step.time);
          assert.ok(s !== undefined);
          assertClose(step.estimate, 1 - s.survival, { rel: 1e-12, abs: 1e-12 }, `1 - S(${step.time})`);
        }
      }),
    );
  });
  it('curves are non-decreasing, sum to at most 1 with the survivors, and Gray ignores group names and row order', () => {
    fc.assert(
      fc.property(rows, (data) => {
        const input = { time: data.map((d) => d[0]), event: data.map((d) => d[1]), censor: 'c', eventTypes: ['x', 'y'], group: data.map((d) => d[2]), levels: ['g1', 'g2'] };
        const outcome = computeCumulativeIncidence(input);
        assert.ok(outcome.ok);
        for (const curve of outcome.value.curves) {
          let previous = 0;
          for (const s of curve.steps) {
            assert.ok(s.estimate >= previous - 1e-12 && s.estimate <= 1 + 1e-12);
            assert.ok(s.variance >= -1e-12);
            previous = s.estimate;
          }
        }
        for (const g of ['g1', 'g2']) {
          const total = outcome.value.curves.filter((c) => c.group === g).reduce((sum, c) => sum + (c.steps.at(-1)?.estimate ?? 0), 0);
          assert.ok(total <= 1 + 1e-9, `sum of the curves ${total}`);
        }
        const swapped = computeCumulativeIncidence({ ...input, time: [...input.time].reverse(), event: [...input.event].reverse(), group: [...input.group].reverse().map((x) => (x === 'g1' ? 'g2' : 'g1')), levels: ['g1', 'g2'] });
        assert.ok(swapped.ok);
        outcome.value.gray.forEach((test, i) => {
          const other = swapped.value.gray[i];
          if (test.chisq === null || other.chisq === null) return;
          assertClose(other.chisq, test.chisq, { rel: 1e-8, abs: 1e-10 }, 'Gray chisq under relabelling and reordering');
        });
      }),
    );
  });
});
