import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareToPublished, estimateQuantity } from '../../../reproduce/index.js';
import { DAYS_PER_MONTH } from '../../../demo/index.js';
import { gradeSurvivalRow, publishedSurvivalRow } from './gradeSurvivalRow.js';
import { GRADED_SURVIVAL_IDS, printedMonthDay } from './layoutEventTimes.js';

const row = (id: string): NonNullable<ReturnType<typeof publishedSurvivalRow>> => {
  const pub = publishedSurvivalRow(id);
  assert.ok(pub !== undefined, id);
  return pub;
};

describe('gradeSurvivalRow: the event-time search grades as the scoreboard does', () => {
  it('grades every printed median, landmark rate and log-rank P of PFS, OS and DoR, the follow-up and the treatment duration, each once', () => {
    assert.equal(new Set(GRADED_SURVIVAL_IDS).size, GRADED_SURVIVAL_IDS.length);
    for (const id of GRADED_SURVIVAL_IDS) row(id);
    // 17 curves (14 medians of PFS/OS by stage and overall, DoR, follow-up, treatment), 6 landmark rates, 6 log-rank P.
    assert.equal(GRADED_SURVIVAL_IDS.length, 17 + 6 + 6);
    // The abstract's PFS is the same curve as the Results' (a documented contradiction), so it is not a target.
    assert.ok(!GRADED_SURVIVAL_IDS.includes('km.pfs.overall.median.abstract'));
  });

  it('gives the status compareToPublished gives, for values as printed, close, outside and of the wrong kind', () => {
    const cases: [string, number | null, number | null, number | null][] = [
      ['km.os.overall.median', 18.56, 14.16, null],
      ['km.os.overall.median', 18.5626, 14.1589, null],
      ['km.os.overall.median', 18.53, 13.77, null],
      ['km.os.overall.median', 18.53, 13.77, 19.42],
      ['km.os.iss.I.median', 19.38, null, null],
      ['km.pfs.riss.I.median', null, 6.5, null],
      ['km.pfs.overall.rate6', 50.82, 38.7, 61.71],
      ['km.os.overall.rate12', 68.85, 56.09, 78.58],
      ['km.dor.overall.rate6', 77.2, 58.0, 88.4],
      ['logrank.pfs.iss_II_vs_III', 0.0056, null, null],
      ['logrank.pfs.iss_II_vs_III', 0.0079, null, null],
      ['logrank.pfs.iss_I_vs_III', 0.00002, null, null],
      ['logrank.os.riss_II_vs_III', 0.07, null, null],
    ];
    const seen = new Set<string>();
    for (const [id, value, ciLower, ciUpper] of cases) {
      const pub = row(id);
      const extra = pub.kind === 'p_value' ? {} : { ciLower, ciUpper };
      const expected = compareToPublished(pub, estimateQuantity(value, extra), undefined).status;
      const computed = pub.kind === 'p_value' ? { value } : { value, ciLower, ciUpper };
      const grade = gradeSurvivalRow(pub, computed);
      assert.equal(grade.status, expected, `${id} ${value} ${ciLower} ${ciUpper}`);
      // Twice: the second answer comes from the memo.
      assert.equal(gradeSurvivalRow(pub, computed).status, expected);
      seen.add(expected);
    }
    assert.deepEqual([...seen].sort(), ['close', 'differs', 'match']);
  });

  it('measures the distance in tolerances: 0 as printed, growing with the gap, and a gradient towards a printed NR', () => {
    const os = row('km.os.overall.median');
    assert.equal(gradeSurvivalRow(os, { value: 18.56, ciLower: 14.16, ciUpper: null }).distance, 0);
    const near = gradeSurvivalRow(os, { value: 18.56, ciLower: 14.0, ciUpper: null }).distance;
    const far = gradeSurvivalRow(os, { value: 18.56, ciLower: 13.5, ciUpper: null }).distance;
    assert.ok(near > 0 && far > near, `${near} ${far}`);
    // An upper limit reached where NR is printed: the lower the band falls below 1/2, the farther.
    const justBelow = gradeSurvivalRow(os, { value: 18.56, ciLower: 14.16, ciUpper: 19.42, lowestUpper: 0.49 }).distance;
    const wellBelow = gradeSurvivalRow(os, { value: 18.56, ciLower: 14.16, ciUpper: 19.42, lowestUpper: 0.3 }).distance;
    assert.ok(justBelow >= 1 && wellBelow > justBelow, `${justBelow} ${wellBelow}`);
    const p = row('logrank.os.riss_II_vs_III');
    assert.ok(Math.abs(gradeSurvivalRow(p, { value: 0.0608 }).distance - 1) < 1e-9);
  });
});

describe('printedMonthDay', () => {
  it('gives the study day whose months print as each printed value', () => {
    for (const months of [1.54, 1.87, 2.63, 3.55, 3.78, 4.57, 5.55, 5.75, 6.05, 6.18, 6.31, 6.37, 6.54, 7.95, 8.54, 8.74, 9.07, 11.07, 11.83, 12.98, 13.8, 14.16, 15.18, 18.56, 19.38]) {
      const day = printedMonthDay(months);
      assert.equal(Math.round((day / DAYS_PER_MONTH) * 100), Math.round(months * 100), `${months} -> day ${day}`);
    }
    assert.equal(printedMonthDay(18.56), 565);
  });
});
