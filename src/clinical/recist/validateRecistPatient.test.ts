import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatPath } from '../../result/index.js';
import { RECIST_1_1_THRESHOLDS } from './recistThresholds.js';
import { validateRecistPatient } from './validateRecistPatient.js';

const validate = (input: unknown): string[] =>
  validateRecistPatient(input, RECIST_1_1_THRESHOLDS).map((i) => `${i.code} ${formatPath(i.path)} ${JSON.stringify(i.value)}`);

const baseline = {
  date: '2024-01-08',
  lesions: [
    { id: 'T1', kind: 'target', nodal: false, diameterMm: 40 },
    { id: 'N1', kind: 'target', nodal: true, diameterMm: 15 },
    { id: 'NT1', kind: 'non-target', nodal: false },
  ],
};
const visit = (date: string, lesions: unknown, newLesion: unknown = 'no'): unknown => ({ date, lesions, newLesion });
const full = [{ id: 'T1', diameterMm: 20 }, { id: 'N1', diameterMm: null }, { id: 'NT1', status: 'present' }];

describe('validateRecistPatient', () => {
  it('accepts a well-formed patient, with or without assessments', () => {
    assert.deepEqual(validate({ baseline, assessments: [] }), []);
    assert.deepEqual(validate({ baseline, assessments: [visit('2024-03-04', full), visit('2024-04-01', full, 'equivocal')] }), []);
  });

  it('names the exact path of each misfiled lesion result', () => {
    const assessments = [
      visit('2024-03-04', full),
      visit('2024-04-01', full),
      visit('2024-04-29', [
        { id: 'T1', diameterMm: 20 },
        { id: 'N1', diameterMm: -3 },
        { id: 'NT1', diameterMm: 12, status: 'present' },
        { id: 'T9', diameterMm: 5 },
      ]),
      visit('2024-05-27', [{ id: 'T1', status: 'present' }, { id: 'N1', diameterMm: 9 }, { id: 'NT1', status: 'gone' }, { id: 'T1', diameterMm: 2 }]),
    ];
    assert.deepEqual(validate({ baseline, assessments }), [
      'not-a-number assessments[2].lesions[1].diameterMm -3',
      'diameter-on-non-target-lesion assessments[2].lesions[2].diameterMm 12',
      'unknown-lesion assessments[2].lesions[3].id "T9"',
      'status-on-target-lesion assessments[3].lesions[0].status "present"',
      'missing-diameter assessments[3].lesions[0].diameterMm undefined',
      'invalid-status assessments[3].lesions[2].status "gone"',
      'duplicate-lesion assessments[3].lesions[3].id "T1"',
    ]);
  });

  it('asks for a result for every baseline lesion', () => {
    assert.deepEqual(validate({ baseline, assessments: [visit('2024-03-04', [{ id: 'T1', diameterMm: 20 }])] }), [
      'missing-lesion assessments[0].lesions "N1"',
      'missing-lesion assessments[0].lesions "NT1"',
    ]);
    const issue = validateRecistPatient({ baseline, assessments: [visit('2024-03-04', full.slice(0, 2))] }, RECIST_1_1_THRESHOLDS)[0];
    assert.match(issue.expected, /"status": "not-evaluated"/);
  });

  it('rejects baseline targets below the measurability minimum (10 mm, nodes 15 mm short axis)', () => {
    const lesions = [
      { id: 'T1', kind: 'target', nodal: false, diameterMm: 9.9 },
      { id: 'T2', kind: 'target', nodal: false, diameterMm: 10 },
      { id: 'N1', kind: 'target', nodal: true, diameterMm: 14.9 },
      { id: 'N2', kind: 'target', nodal: true, diameterMm: 15 },
      { id: 'NT1', kind: 'non-target', nodal: true, diameterMm: 12 },
    ];
    assert.deepEqual(validate({ baseline: { date: '2024-01-08', lesions }, assessments: [] }), [
      'not-measurable baseline.lesions[0].diameterMm 9.9',
      'not-measurable baseline.lesions[2].diameterMm 14.9',
    ]);
    const [, node] = validateRecistPatient({ baseline: { date: '2024-01-08', lesions }, assessments: [] }, RECIST_1_1_THRESHOLDS);
    assert.match(node.expected, /short axis >= 15 mm/);
  });

  it('allows at most 5 targets, 2 per organ when the organ is given, 2 lymph nodes in all', () => {
    const t = (id: string, organ?: string, nodal = false): unknown => ({ id, kind: 'target', nodal, diameterMm: 20, organ });
    const lesions = [t('L1', 'Liver'), t('L2', 'liver '), t('L3', 'liver'), t('P1'), t('N1', 'mediastinum', true), t('N2', 'axilla', true)];
    assert.deepEqual(validate({ baseline: { date: '2024-01-08', lesions }, assessments: [] }), [
      'too-many-target-lesions baseline.lesions[5].kind "target"',
      'too-many-targets-in-organ baseline.lesions[2].organ "liver"',
    ]);
    const nodes = [t('N1', undefined, true), t('N2', undefined, true), t('N3', undefined, true)];
    assert.deepEqual(validate({ baseline: { date: '2024-01-08', lesions: nodes }, assessments: [] }), ['too-many-targets-in-organ baseline.lesions[2].nodal true']);
  });

  it('checks dates: real, after baseline, increasing, one per day', () => {
    const assessments = [visit('2024-01-08', full), visit('2024-02-30', full), visit('2024-03-04', full), visit('2024-03-04', full), visit('2024-02-01', full)];
    assert.deepEqual(validate({ baseline, assessments }), [
      'assessment-not-after-baseline assessments[0].date "2024-01-08"',
      'invalid-date assessments[1].date "2024-02-30"',
      'duplicate-date assessments[3].date "2024-03-04"',
      'unsorted-dates assessments[4].date "2024-02-01"',
    ]);
    assert.deepEqual(validate({ baseline: { ...baseline, date: '8/1/2024' }, assessments: [] }), ['invalid-date baseline.date "8/1/2024"']);
  });

  it('checks the baseline lesions themselves and the new-lesion finding', () => {
    const lesions = [
      { id: '', kind: 'target', nodal: false, diameterMm: 20 },
      { id: 'A', kind: 'measurable', nodal: 'no', diameterMm: 20 },
      { id: 'B', kind: 'target', nodal: false, diameterMm: '20' },
      { id: 'B', kind: 'non-target', nodal: false, organ: 3 },
    ];
    assert.deepEqual(validate({ baseline: { date: '2024-01-08', lesions }, assessments: [visit('2024-03-04', [], 'maybe')] }), [
      'invalid-lesion-id baseline.lesions[0].id ""',
      'invalid-lesion-kind baseline.lesions[1].kind "measurable"',
      'not-a-boolean baseline.lesions[1].nodal "no"',
      'not-a-number baseline.lesions[2].diameterMm "20"',
      'invalid-organ baseline.lesions[3].organ 3',
      'duplicate-lesion-id baseline.lesions[3].id "B"',
      'invalid-new-lesion assessments[0].newLesion "maybe"',
      'missing-lesion assessments[0].lesions "B"',
    ]);
  });

  it('needs some disease at baseline and the right shapes', () => {
    assert.deepEqual(validate({ baseline: { date: '2024-01-08', lesions: [] }, assessments: [] }), ['no-baseline-disease baseline.lesions []']);
    assert.deepEqual(validate(null), ['not-an-object (input) null']);
    assert.deepEqual(validate({ baseline: 3, assessments: {} }), ['not-an-object baseline 3', 'not-an-array assessments {}']);
    assert.deepEqual(validate({ baseline, assessments: [7, visit('2024-03-04', 'none')] }), [
      'not-an-object assessments[0] 7',
      'not-an-array assessments[1].lesions "none"',
    ]);
  });
});
