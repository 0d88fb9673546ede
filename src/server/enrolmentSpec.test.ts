import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { enrolmentCounts, enrolmentSpec, type EnrolledSubject } from './enrolmentSpec.js';

const subjects: EnrolledSubject[] = [
  { id: 'S-B-1', siteId: 'B', enrolmentDate: '2021-11-30' },
  { id: 'S-A-2', siteId: 'A', enrolmentDate: '2022-02-01' },
  { id: 'S-A-1', siteId: 'A', enrolmentDate: '2021-11-02' },
  { id: 'S-A-3', siteId: 'A', enrolmentDate: '2021-11-15' },
];

describe('enrolment by site over time', () => {
  it('counts each subject once, in its site and calendar month, and lists every month from the first to the last', () => {
    const { months, sites, counts } = enrolmentCounts(subjects);
    assert.deepEqual(months, ['2021-11', '2021-12', '2022-01', '2022-02']);
    assert.deepEqual(sites, ['A', 'B']);
    assert.deepEqual(
      counts.map((c) => [c.siteId, c.month, c.n, c.subjects]),
      [
        ['A', '2021-11', 2, ['S-A-1', 'S-A-3']],
        ['A', '2022-02', 1, ['S-A-2']],
        ['B', '2021-11', 1, ['S-B-1']],
      ],
    );
    assert.equal(counts.reduce((n, c) => n + c.n, 0), subjects.length);
  });

  it('is empty without subjects', () => {
    assert.deepEqual(enrolmentCounts([]), { months: [], sites: [], counts: [] });
  });

  it('links each site-month cell to its subjects only when asked, and accumulates enrolment by month', () => {
    const asked: string[][] = [];
    const linked = JSON.stringify(enrolmentSpec(subjects, (ids) => (asked.push([...ids]), `#drill-${asked.length - 1}`)));
    assert.deepEqual(asked, [['S-A-1', 'S-A-3'], ['S-A-2'], ['S-B-1']]);
    assert.match(linked, /"href":"#drill-2"/);
    assert.match(linked, /"month":"2021-11","enrolled":3\}.*"month":"2021-12","enrolled":3\}.*"month":"2022-02","enrolled":4\}/);
    const plain = JSON.stringify(enrolmentSpec(subjects, null));
    assert.doesNotMatch(plain, /href|S-A-1/);
  });
});
