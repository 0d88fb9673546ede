import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AdrsRow } from '../../clinical/index.js';
import { buildStandardTestTrial } from '../../protocols/nct05236621/testing/reportTestTrial.js';
import { bestResponses } from './bestResponse.js';

describe('bestResponses', () => {
  const { adrs } = buildStandardTestTrial();
  const evaluators = [...new Set(adrs.map((r) => r.EVALUATOR))];
  const everyone = new Set(adrs.map((r) => r.USUBJID));
  /** The scan it replaced: the last BOR row of each subject by the evaluator, in ADRS order. */
  const scanned = (rows: readonly AdrsRow[], evaluator: string, subjects: ReadonlySet<string>) =>
    new Map(rows.filter((r) => r.PARAMCD === 'BOR' && r.EVALUATOR === evaluator && subjects.has(r.USUBJID)).map((r) => [r.USUBJID, r]));

  it("is each subject's BOR row by the evaluator, for the subjects asked for", () => {
    assert.ok(Object.isFrozen(adrs) && evaluators.length >= 2);
    const some = new Set([...everyone].slice(0, 3));
    for (const evaluator of evaluators) {
      for (const subjects of [everyone, some, new Set<string>()]) assert.deepEqual([...bestResponses(adrs, evaluator, subjects)], [...scanned(adrs, evaluator, subjects)]);
    }
    assert.equal(bestResponses(adrs, 'NOBODY', everyone).size, 0);
  });

  it('reads a list that can still change afresh', () => {
    const open = adrs.filter((r) => r.PARAMCD === 'BOR');
    const evaluator = evaluators[0];
    const before = bestResponses(open, evaluator, everyone).size;
    open.splice(0, open.length, ...open.filter((r) => r.EVALUATOR !== evaluator));
    assert.ok(before > 0);
    assert.equal(bestResponses(open, evaluator, everyone).size, 0);
  });
});
