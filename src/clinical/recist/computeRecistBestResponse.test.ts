import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeRecistBestResponse, type RecistBestResponseOptions } from './computeRecistBestResponse.js';
import type { RecistOverallResponse } from './recistCategories.js';

const options: RecistBestResponseOptions = { confirmationDays: 28, sdMinDays: 42, maxNotEvaluableBetween: 1, nonTargetOnly: false };

/** "56:PR 84:PR" -> points; progression at the first PD unless given. */
function best(sequence: string, progressionIndex?: number | null, overrides: Partial<RecistBestResponseOptions> = {}): string {
  const points = sequence === '' ? [] : sequence.split(' ').map((item) => {
    const [days, overall] = item.split(':');
    return { daysFromBaseline: Number(days), overall: overall as RecistOverallResponse };
  });
  const firstPd = points.findIndex((p) => p.overall === 'PD');
  const result = computeRecistBestResponse(points, progressionIndex === undefined ? (firstPd === -1 ? null : firstPd) : progressionIndex, { ...options, ...overrides });
  const first = result.firstResponseIndex === null ? '-' : String(points[result.firstResponseIndex].daysFromBaseline);
  return `${result.bestOverallResponse} ${result.reason} ${String(result.confirmed)} ${first}`;
}

describe('computeRecistBestResponse', () => {
  it('confirms CR by CR and PR by PR or CR, at least 28 days later', () => {
    assert.equal(best('56:CR 84:CR'), 'CR confirmed-response true 56');
    assert.equal(best('56:CR 83:CR'), 'SD stable-disease false -');
    assert.equal(best('56:PR 84:CR'), 'PR confirmed-response true 56');
    assert.equal(best('56:PR 84:PR 112:CR 140:CR'), 'CR confirmed-response true 56');
  });

  it('accepts confirmation by a later assessment when the one in between is too early', () => {
    assert.equal(best('56:PR 70:PR 98:PR'), 'PR confirmed-response true 56');
    assert.equal(best('56:CR 70:CR 84:CR'), 'CR confirmed-response true 56');
  });

  it('tolerates one NE between, not two, and no SD', () => {
    assert.equal(best('56:PR 70:NE 98:PR'), 'PR confirmed-response true 56');
    assert.equal(best('56:PR 70:NE 84:NE 112:PR'), 'SD stable-disease false -');
    assert.equal(best('56:PR 70:NE 84:NE 112:PR', null, { maxNotEvaluableBetween: 2 }), 'PR confirmed-response true 56');
    assert.equal(best('56:PR 70:SD 98:PR'), 'SD stable-disease false -');
    assert.equal(best('56:CR 70:PR 98:CR'), 'PR confirmed-response true 56');
  });

  it('dates the first response at the first confirmed one, not an earlier unconfirmed PR', () => {
    assert.equal(best('42:PR 56:SD 84:PR 112:PR'), 'PR confirmed-response true 84');
  });

  it('counts an unconfirmed response or SD as SD from the SD minimum on', () => {
    assert.equal(best('42:SD'), 'SD stable-disease false -');
    assert.equal(best('41:SD'), 'NE stable-disease-too-early false -');
    assert.equal(best('41:SD', null, { sdMinDays: 41 }), 'SD stable-disease false -');
    assert.equal(best('35:PR 63:PD'), 'PD progression false -');
    assert.equal(best('56:PR 84:PD'), 'SD stable-disease false -');
  });

  it('gives NON-CR/NON-PD instead of SD for non-target-only disease', () => {
    assert.equal(best('56:NON-CR/NON-PD', null, { nonTargetOnly: true }), 'NON-CR/NON-PD stable-disease false -');
    assert.equal(best('56:CR 70:NE', null, { nonTargetOnly: true }), 'NON-CR/NON-PD stable-disease false -');
  });

  it('looks only before progression, which may have been dated back', () => {
    assert.equal(best('56:PD 84:PR 112:PR'), 'PD progression false -');
    assert.equal(best('56:PR 84:PR 112:PD', 0), 'PD progression false -');
    assert.equal(best('56:PR 84:PR 112:PD', 1), 'SD stable-disease false -');
  });

  it('is NE without assessments, or with NE only', () => {
    assert.equal(best(''), 'NE no-assessment false -');
    assert.equal(best('56:NE 84:NE'), 'NE not-evaluable false -');
  });
});
