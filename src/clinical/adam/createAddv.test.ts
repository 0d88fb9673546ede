import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NCT05236621_PROTOCOL as P } from '../../protocols/nct05236621/index.js';
import { nctSubject, nctTrial } from '../../protocols/nct05236621/testing/index.js';
import { createAddv } from './createAddv.js';
import { createAdsl } from './createAdsl.js';

describe('createAddv', () => {
  const deviation = (date: string, severity: string, category = 'visit-schedule') => ({ date, category, severity, description: `on ${date}` });
  const subjects = [
    nctSubject(1, { diseaseForms: { protocolDeviation: [deviation('2021-08-20', 'minor'), deviation('2021-07-01', 'major', 'study-treatment')] } }),
    // After the cutoff: not in the analysis data.
    nctSubject(2, { diseaseForms: { protocolDeviation: [deviation('2022-12-02', 'major')] } }),
    nctSubject(3),
  ];
  const trial = nctTrial(subjects);
  const adsl = createAdsl(trial, P).dataset;

  it('has one row per deviation up to the cutoff, numbered by date within the subject, with its study day', () => {
    const { dataset, issues } = createAddv(trial, P, adsl);
    assert.deepEqual(issues, []);
    assert.deepEqual(
      dataset.map((r) => [r.USUBJID, r.DVSEQ, r.ASTDT, r.ASTDY, r.DVCAT, r.DVSEV]),
      [
        ['NCT05236621-01-001', 1, '2021-07-01', 31, 'study-treatment', 'MAJOR'],
        ['NCT05236621-01-001', 2, '2021-08-20', 81, 'visit-schedule', 'MINOR'],
      ],
    );
  });

  it('has no rows for a protocol without a deviation log', () => {
    const without = { ...P, forms: P.forms.filter((f) => f.sdtmDomain !== 'DV') };
    assert.deepEqual(createAddv(trial, without, adsl).dataset, []);
  });

  it('leaves the last contact date (ADSL) to the subject\'s visits, not to a deviation\'s date', () => {
    const late = nctTrial([nctSubject(1, { diseaseForms: { protocolDeviation: [deviation('2022-11-30', 'minor')] } })]);
    const plain = nctTrial([nctSubject(1)]);
    assert.equal(createAdsl(late, P).dataset[0].LSTALVDT, createAdsl(plain, P).dataset[0].LSTALVDT);
  });
});
