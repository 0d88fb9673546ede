import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NCT05236621_PROTOCOL as P } from '../../protocols/nct05236621/index.js';
import { exampleAssessments, nctCycleDay as cycleDay, nctSubject as exampleSubject, nctTrial as exampleTrial } from '../../protocols/nct05236621/testing/index.js';
import { addDays } from '../crf/index.js';
import { formatPath } from '../../result/index.js';
import type { TrialData } from '../crf/index.js';
import { createAdrs } from './createAdrs.js';
import { createAdsl } from './createAdsl.js';
import { createAdtte } from './createAdtte.js';
import type { AdtteRow } from './createAdtte.js';

const ENROL = '2021-06-01';
const RESPONDER_M = [30, 14, 12, 12, 12, 20, 22];

function derive(trial: TrialData) {
  const adsl = createAdsl(trial, P);
  const adrs = createAdrs(trial, P, adsl.dataset);
  const adtte = createAdtte(trial, P, adsl.dataset, adrs.dataset);
  return { adsl, adrs, adtte };
}

function param(rows: readonly AdtteRow[], subjectId: string, paramcd: string): AdtteRow | undefined {
  return rows.find((row) => row.USUBJID.endsWith(subjectId) && row.PARAMCD === paramcd);
}

describe('createAdrs and createAdtte', () => {
  const responder = exampleSubject(1, {
    cycles: 6,
    serumMProteinGPerL: RESPONDER_M,
    overrides: {
      responseCalls: [
        { date: cycleDay(ENROL, 2), evaluator: 'irc', response: 'VGPR' },
        { date: cycleDay(ENROL, 3), evaluator: 'irc', response: 'PR' },
      ],
      disposition: { endOfTreatment: { date: cycleDay(ENROL, 7), reason: 'progressive-disease' } },
    },
  });
  const stable = exampleSubject(2);
  const died = exampleSubject(3, { overrides: { death: { date: '2021-12-01', cause: 'progressive-disease' } } });
  const trial = exampleTrial([responder, stable, died], '2022-06-01');
  const { adrs, adtte } = derive(trial);

  it('derives per-assessment and best confirmed response with the IMWG engine, per evaluator', () => {
    const irc = adrs.dataset.filter((row) => row.USUBJID.endsWith('01-001') && row.EVALUATOR === 'IRC');
    const overall = irc.filter((row) => row.PARAMCD === 'OVRLRESP');
    assert.deepEqual(overall.map((row) => row.AVALC), ['PR', 'PR', 'PR', 'PR', 'PD', 'PD']);
    const bor = irc.find((row) => row.PARAMCD === 'BOR');
    assert.equal(bor?.AVALC, 'PR');
    assert.equal(bor?.RSPFL, 'Y');
    assert.equal(bor?.RSPDT, cycleDay(ENROL, 2));
    assert.equal(bor?.PDDT, cycleDay(ENROL, 6));
    // Recorded IRC calls kept beside the derived ones: VGPR at cycle 2 disagrees, PR at cycle 3 agrees.
    assert.deepEqual(overall.slice(0, 3).map((row) => [row.RECCALL, row.DISCRFL]), [['VGPR', 'Y'], ['PR', 'N'], [null, null]]);
    assert.deepEqual([bor?.RECCALL, bor?.DISCRFL], ['VGPR', 'Y']);
    const inv = adrs.dataset.find((row) => row.USUBJID.endsWith('01-001') && row.EVALUATOR === 'INVESTIGATOR' && row.PARAMCD === 'BOR');
    assert.equal(inv?.AVALC, 'PR');
    const sd = adrs.dataset.find((row) => row.USUBJID.endsWith('01-002') && row.EVALUATOR === 'IRC' && row.PARAMCD === 'BOR');
    assert.deepEqual([sd?.AVALC, sd?.RSPFL, sd?.DCRFL], ['SD', 'N', 'Y']);
  });

  it('PFS: progression is an event on the first of the confirming assessments', () => {
    const pfs = param(adtte.dataset, '01-001', 'PFS');
    assert.deepEqual([pfs?.AVAL, pfs?.CNSR, pfs?.EVNTDESC], [5 * 28 + 1, 0, 'PROGRESSIVE DISEASE']);
    assert.ok(Math.abs((pfs?.AVALM ?? 0) - 141 / (365.25 / 12)) < 1e-12);
    const censored = param(adtte.dataset, '01-002', 'PFS');
    assert.deepEqual([censored?.ADT, censored?.AVAL, censored?.CNSR], [cycleDay(ENROL, 4), 3 * 28 + 1, 1]);
  });

  it('DoR and TTR exist for responders only', () => {
    const dor = param(adtte.dataset, '01-001', 'DOR');
    assert.deepEqual([dor?.STARTDT, dor?.ADT, dor?.AVAL, dor?.CNSR], [cycleDay(ENROL, 2), cycleDay(ENROL, 6), 4 * 28 + 1, 0]);
    assert.equal(param(adtte.dataset, '01-001', 'TTR')?.AVAL, 29);
    assert.equal(param(adtte.dataset, '01-002', 'DOR'), undefined);
    assert.equal(param(adtte.dataset, '01-002', 'TTR'), undefined);
    assert.ok(param(adtte.dataset, '01-001', 'DORINV') !== undefined);
  });

  it('OS: death is an event, otherwise censored at the last known alive date; follow-up reverses it', () => {
    const os = param(adtte.dataset, '01-003', 'OS');
    assert.deepEqual([os?.ADT, os?.CNSR, os?.EVNTDESC], ['2021-12-01', 0, 'DEATH']);
    const alive = param(adtte.dataset, '01-002', 'OS');
    assert.deepEqual([alive?.ADT, alive?.CNSR, alive?.CNSDTDSC], [cycleDay(ENROL, 4), 1, 'LAST KNOWN ALIVE']);
    assert.equal(param(adtte.dataset, '01-003', 'FOLLOWUP')?.CNSR, 1);
    assert.equal(param(adtte.dataset, '01-002', 'FOLLOWUP')?.CNSR, 0);
    // Death on 2021-12-01, long after the last adequate assessment (cycle 4 day 1): PFS censored there.
    const pfs = param(adtte.dataset, '01-003', 'PFS');
    assert.deepEqual([pfs?.ADT, pfs?.CNSR], [cycleDay(ENROL, 4), 4]);
  });

  it('treatment duration: event at the last dose when treatment ended, censored while ongoing', () => {
    const ended = param(adtte.dataset, '01-001', 'TRTDUR');
    assert.deepEqual([ended?.ADT, ended?.AVAL, ended?.CNSR], [cycleDay(ENROL, 6, 22), 5 * 28 + 22, 0]);
    assert.equal(param(adtte.dataset, '01-002', 'TRTDUR')?.CNSR, 1);
  });

  it('an assessment missing the qualifying parameter is NE, reported with its path, and the rest goes on', () => {
    const gap = exampleSubject(4, { serumMProteinGPerL: [30, null, 30, 30] });
    const subjectTrial = exampleTrial([gap, exampleSubject(5)], '2022-06-01');
    const { adrs: result, adtte: times } = derive(subjectTrial);
    const ne = result.dataset.filter((row) => row.USUBJID.endsWith('01-004') && row.EVALUATOR === 'IRC' && row.PARAMCD === 'OVRLRESP');
    assert.deepEqual(ne.map((row) => row.AVALC), ['NE', 'SD', 'SD']);
    const found = result.issues.filter((item) => item.code === 'missing-qualifying-parameter').map((item) => formatPath(item.path));
    assert.deepEqual(found, ['subjects[0].diseaseForms.diseaseAssessment[1].serumMProteinGPerL', 'subjects[0].diseaseForms.diseaseAssessment[5].serumMProteinGPerL']);
    assert.equal(param(times.dataset, '01-005', 'PFS')?.CNSR, 1);
  });

  it('new therapy before progression censors PFS at the last assessment on or before it', () => {
    const switched = exampleSubject(6, {
      cycles: 6,
      serumMProteinGPerL: RESPONDER_M,
      overrides: { newTherapies: [{ startDate: addDays(cycleDay(ENROL, 5), 3), agents: ['daratumumab'] }] },
    });
    const { adtte: times } = derive(exampleTrial([switched], '2022-06-01'));
    const pfs = param(times.dataset, '01-006', 'PFS');
    assert.deepEqual([pfs?.ADT, pfs?.CNSR], [cycleDay(ENROL, 5), 3]);
    const dor = param(times.dataset, '01-006', 'DOR');
    assert.deepEqual([dor?.ADT, dor?.CNSR], [cycleDay(ENROL, 5), 3]);
  });

  it('a subject with no post-baseline assessment and no death is censored at day 1', () => {
    const none = exampleSubject(7, { diseaseForms: { diseaseAssessment: exampleAssessments(ENROL, [30], 'central') } });
    const { adrs: result, adtte: times } = derive(exampleTrial([none], '2022-06-01'));
    const bor = result.dataset.find((row) => row.PARAMCD === 'BOR' && row.EVALUATOR === 'IRC');
    assert.deepEqual([bor?.AVALC, bor?.NOPBFL, bor?.BORREAS], ['NE', 'Y', 'no-postbaseline']);
    const pfs = param(times.dataset, '01-007', 'PFS');
    assert.deepEqual([pfs?.AVAL, pfs?.CNSR], [1, 2]);
  });
});
