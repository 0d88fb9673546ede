import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NCT05236621_PROTOCOL as P } from '../../protocols/nct05236621/index.js';
import { nctSubject, nctTrial } from '../../protocols/nct05236621/testing/index.js';
import { createAdcm } from './createAdcm.js';
import { createAdsl } from './createAdsl.js';

describe('createAdcm', () => {
  it('has one row per agent of each subsequent therapy started by the cutoff, with its study day', () => {
    const subject = nctSubject(1);
    const start = subject.subject.enrolmentDate ?? '';
    const trial = nctTrial([
      {
        ...subject,
        newTherapies: [
          { startDate: '2022-01-10', agents: ['agent-a', ' agent-b '] },
          { startDate: '2099-01-01', agents: ['after-cutoff'] },
        ],
      },
    ]);
    const adsl = createAdsl(trial, P).dataset;
    const { dataset, issues } = createAdcm(trial, adsl);
    assert.deepEqual(issues, []);
    assert.deepEqual(dataset.map((r) => [r.CMSEQ, r.CMTRT, r.ASTDT, r.CMCAT]), [
      [1, 'agent-a', '2022-01-10', 'SUBSEQUENT ANTICANCER THERAPY'],
      [1, 'agent-b', '2022-01-10', 'SUBSEQUENT ANTICANCER THERAPY'],
    ]);
    const days = Math.round((Date.parse('2022-01-10') - Date.parse(adsl[0].TRTSDT ?? start)) / 86_400_000) + 1;
    assert.equal(dataset[0].ASTDY, days);
  });
});
