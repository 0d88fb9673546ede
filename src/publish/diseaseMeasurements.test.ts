import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildStandardTestTrial, serumMProteinRows } from '../report/model/buildReportTestTrial.js';
import { diseaseMeasurementsFromTrial } from './diseaseMeasurements.js';

describe('diseaseMeasurementsFromTrial', () => {
  it('gives the serum M-protein rows the report-model tests derive, by subject and study day', () => {
    const data = buildStandardTestTrial();
    const rows = diseaseMeasurementsFromTrial(data.trial, data.adsl);
    const key = (r: { USUBJID: string; PARAMCD: string; ADY: number; AVAL: number }) => `${r.USUBJID}|${r.PARAMCD}|${r.ADY}|${r.AVAL}`;
    assert.deepEqual(rows.filter((r) => r.PARAMCD === 'SPEP').map(key).sort(), serumMProteinRows(data.trial, data).map(key).sort());
  });

  it('takes dFLC as involved minus uninvolved light chain', () => {
    const data = buildStandardTestTrial();
    const record = data.trial.subjects[0];
    const first = record.diseaseAssessments.find((f) => f.source === 'central');
    assert.ok(first !== undefined);
    const trial = { ...data.trial, subjects: [{ ...record, diseaseAssessments: [{ ...first, kappaFlcMgPerL: 150, lambdaFlcMgPerL: 10 }] }] };
    const rows = diseaseMeasurementsFromTrial(trial, data.adsl).filter((r) => r.PARAMCD === 'DFLC');
    const subject = data.adsl.find((r) => r.SUBJID === record.subject.subjectId);
    const expected = (subject?.LCTYPE ?? 'kappa').toLowerCase().startsWith('l') ? -140 : 140;
    assert.deepEqual(rows.map((r) => r.AVAL), [expected]);
  });
});
