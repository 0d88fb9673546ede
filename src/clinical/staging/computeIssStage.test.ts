import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeIssStage, type IssInput, type IssResult } from './computeIssStage.js';

function iss(input: IssInput): IssResult {
  const outcome = computeIssStage(input);
  assert.ok(outcome.ok, JSON.stringify(outcome.issues));
  return outcome.value;
}

describe('computeIssStage (Greipp 2005)', () => {
  it('stages on both boundaries: b2m 3.5 and 5.5 mg/L, albumin 35 g/L', () => {
    assert.equal(iss({ beta2MicroglobulinMgPerL: 3.49, albuminGPerL: 35 }).stage, 'I');
    assert.equal(iss({ beta2MicroglobulinMgPerL: 3.49, albuminGPerL: 34.9 }).stage, 'II');
    assert.equal(iss({ beta2MicroglobulinMgPerL: 3.5, albuminGPerL: 45 }).stage, 'II');
    assert.equal(iss({ beta2MicroglobulinMgPerL: 5.49, albuminGPerL: 45 }).stage, 'II');
    assert.equal(iss({ beta2MicroglobulinMgPerL: 5.5, albuminGPerL: 45 }).stage, 'III');
    assert.equal(iss({ beta2MicroglobulinMgPerL: 15.6, albuminGPerL: 20 }).stage, 'III');
  });

  it('gives stage III without albumin when b2m >= 5.5, and says albumin was not needed', () => {
    const result = iss({ beta2MicroglobulinMgPerL: 6, albuminGPerL: null });
    assert.equal(result.stage, 'III');
    assert.match(result.reason, /albumin missing.*does not depend/);
    assert.equal(iss({ beta2MicroglobulinMgPerL: 4 }).stage, 'II');
  });

  it('is not evaluable when the input that decides is missing', () => {
    const noB2m = iss({ albuminGPerL: 40 });
    assert.equal(noB2m.stage, null);
    assert.match(noB2m.reason, /not evaluable: beta2-microglobulin is missing/);
    const noAlbumin = iss({ beta2MicroglobulinMgPerL: 2.1, albuminGPerL: null });
    assert.equal(noAlbumin.stage, null);
    assert.match(noAlbumin.reason, /albumin/);
  });

  it('returns a frozen result that records its inputs and the standard', () => {
    const result = iss({ beta2MicroglobulinMgPerL: 3.8, albuminGPerL: 38 });
    assert.ok(Object.isFrozen(result));
    assert.deepEqual(result.inputs, { beta2MicroglobulinMgPerL: 3.8, albuminGPerL: 38 });
    assert.match(result.standard, /Greipp/);
  });

  it('rejects values that are not numbers >= 0', () => {
    const outcome = computeIssStage({ beta2MicroglobulinMgPerL: -1, albuminGPerL: Number.NaN });
    assert.equal(outcome.ok, false);
    assert.deepEqual(outcome.issues.map((i) => i.path), [['beta2MicroglobulinMgPerL'], ['albuminGPerL']]);
  });
});
