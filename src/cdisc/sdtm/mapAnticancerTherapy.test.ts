import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PriorTherapyForm, SubjectRecord } from '../../clinical/index.js';
import { laboratoryProtocolTrial, lesionProtocolTrial } from '../package/packageFixtures.test.js';
import { createSdtmDatasets } from './createSdtmDatasets.js';
import { CM_PRIOR_CATEGORY, CM_SUBSEQUENT_CATEGORY, mapAnticancerTherapy, referencePeriodRelation } from './mapAnticancerTherapy.js';

const REFERENCE = { first: '2021-06-15', last: '2021-12-31' };

describe('referencePeriodRelation: --STRF/--ENRF from complete and partial dates', () => {
  const cases: readonly (readonly [string, string | null])[] = [
    ['2021-06-14', 'BEFORE'],
    ['2021-06-15', 'DURING'],
    ['2021-12-31', 'DURING'],
    ['2022-01-01', 'AFTER'],
    ['2021-05', 'BEFORE'],
    ['2021-06', null], // June 2021 could be before or on the first dose: undecided, not guessed
    ['2021-07', 'DURING'],
    ['2020', 'BEFORE'],
    ['2021', null],
    ['2022', 'AFTER'],
    ['2020---15', 'BEFORE'],
  ];
  for (const [dtc, expected] of cases) it(`${dtc} -> ${String(expected)}`, () => assert.equal(referencePeriodRelation(dtc, REFERENCE), expected));
  it('no reference period (never dosed): null', () => assert.equal(referencePeriodRelation('2020-01-01', { first: null, last: null }), null));
});

describe('mapAnticancerTherapy: CM records of prior lines and subsequent therapy', () => {
  const { trial, protocol } = laboratoryProtocolTrial();
  const record = trial.subjects[0];
  const line = (overrides: Partial<PriorTherapyForm>): PriorTherapyForm => ({ ...record.priorTherapies[0], ...overrides });
  const map = (subject: SubjectRecord) =>
    mapAnticancerTherapy(subject, { studyId: 'S', usubjid: 'S-01-001', protocol, studyDay: (d) => (d === '2021-06-14' ? -1 : 0), reference: REFERENCE, path: ['subjects', 0] });

  it('one record per agent, the agents of a line sharing CMGRPID, with the line qualifiers on each record in SUPPCM', () => {
    const out = map(record);
    const agents = record.priorTherapies.flatMap((l) => l.agents);
    assert.equal(out.rows.length, agents.length);
    assert.deepEqual(out.rows.map((r) => r.CMTRT), agents.map((a) => a.toUpperCase()));
    assert.ok(out.rows.every((r) => r.CMCAT === CM_PRIOR_CATEGORY && r.CMSCAT === 'SYSTEMIC THERAPY'));
    assert.deepEqual([...new Set(out.rows.map((r) => r.CMGRPID))], record.priorTherapies.map((l) => `PRIOR LINE ${l.lineNumber}`));
    for (const row of out.rows) {
      const qnams = out.supp.filter((s) => s.parent === row).map((s) => s.qnam).sort();
      assert.deepEqual(qnams, ['CMASCT', 'CMBESTRS', 'CMNCYC', 'CMPRGDTC', 'CMREFRAC'], String(row.CMTRT));
    }
    assert.deepEqual(out.issues, []);
  });

  it('partial dates are truncated, never imputed: no study day, the reference relation only where it is decided', () => {
    const partial = { ...record, priorTherapies: [line({ startDate: '2019-03', endDate: '2021-UN-UN', progressionDate: '2021-06-UN' })] } as SubjectRecord;
    const out = map(partial);
    assert.equal(out.rows[0].CMSTDTC, '2019-03');
    assert.equal(out.rows[0].CMENDTC, '2021');
    assert.equal(out.rows[0].CMSTDY, null);
    assert.equal(out.rows[0].CMENDY, null);
    assert.equal(out.rows[0].CMSTRF, 'BEFORE');
    assert.equal(out.rows[0].CMENRF, null);
    assert.equal(out.supp.find((s) => s.qnam === 'CMPRGDTC')?.qval, '2021-06');
  });

  it('a complete date gets its study day; an unreadable date is an issue and is not written', () => {
    const out = map({ ...record, priorTherapies: [line({ startDate: '2021-06-14', endDate: '31/05/2021' })] });
    assert.equal(out.rows[0].CMSTDY, -1);
    assert.equal(out.rows[0].CMENDTC, null);
    assert.deepEqual(out.issues.map((x) => [x.code, x.path.join('.')]), [['sdtm-date', 'subjects.0.priorTherapies.0.endDate']]);
  });

  it('subsequent therapy: CMCAT SUBSEQUENT ANTI-CANCER THERAPY, placed after the reference period when it starts after the last dose', () => {
    const out = map({ ...record, priorTherapies: [], newTherapies: [{ startDate: '2022-02-01', agents: ['agent-a', 'agent-b'] }] });
    assert.deepEqual(out.rows.map((r) => [r.CMTRT, r.CMCAT, r.CMGRPID, r.CMSTRF]), [
      ['AGENT-A', CM_SUBSEQUENT_CATEGORY, 'SUBSEQUENT 1', 'AFTER'],
      ['AGENT-B', CM_SUBSEQUENT_CATEGORY, 'SUBSEQUENT 1', 'AFTER'],
    ]);
  });
});

describe('CM in the SDTM package of both fixture trials', () => {
  for (const make of [laboratoryProtocolTrial, lesionProtocolTrial]) {
    const { trial, protocol } = make();
    const result = createSdtmDatasets(trial, protocol);
    it(`${protocol.id}: CM holds every agent of every prior line and subsequent therapy, SUPPCM points at CMSEQ`, () => {
      const cm = result.datasets.find((d) => d.define.name === 'CM');
      assert.ok(cm !== undefined);
      const expected = trial.subjects.reduce((n, s) => n + s.priorTherapies.reduce((m, l) => m + l.agents.length, 0) + s.newTherapies.reduce((m, t) => m + t.agents.length, 0), 0);
      assert.ok(expected > 0);
      assert.equal(cm.rows.length, expected);
      assert.ok(cm.rows.every((r) => typeof r.CMSEQ === 'number' && (r.CMCAT === CM_SUBSEQUENT_CATEGORY || r.CMSTRF === 'BEFORE')));
      const supp = result.datasets.find((d) => d.define.name === 'SUPPCM');
      assert.ok(supp !== undefined && supp.rows.every((r) => r.IDVAR === 'CMSEQ'));
      assert.ok(!result.unmapped.some((path) => path.startsWith('priorTherapy.')), `unmapped: ${result.unmapped.join(', ')}`);
      assert.deepEqual(result.issues, []);
    });
    it(`${protocol.id}: define.xml metadata of CM names every written variable with a label`, () => {
      const cm = result.datasets.find((d) => d.define.name === 'CM');
      assert.ok(cm !== undefined);
      const names = cm.define.variables.map((v) => v.name);
      for (const name of ['STUDYID', 'DOMAIN', 'USUBJID', 'CMSEQ', 'CMTRT', 'CMCAT', 'CMSCAT', 'CMSTDTC']) assert.ok(names.includes(name), name);
      assert.ok(cm.define.variables.every((v) => v.label.length > 0 && v.label.length <= 40));
    });
  }
});
