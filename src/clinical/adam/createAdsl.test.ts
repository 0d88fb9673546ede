import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NCT05236621_PROTOCOL as P } from '../../protocols/nct05236621/index.js';
import { nctSubject as exampleSubject, nctTrial as exampleTrial } from '../../protocols/nct05236621/testing/index.js';
import { addDays } from '../crf/index.js';
import { formatPath } from '../../result/index.js';
import type { SubjectRecord } from '../crf/index.js';
import { ageGroup, createAdsl } from './createAdsl.js';

const ENROL = '2021-06-01';
const CONSENT = addDays(ENROL, -7); // 2021-05-25

/** A subject whose age on the consent date is exactly `age`. */
function agedSubject(sequence: number, age: number): SubjectRecord {
  return exampleSubject(sequence, { birthDate: `${2021 - age}-05-25` });
}

describe('createAdsl', () => {
  it('derives age at consent and AGEGR1 with boundaries 64/65/75/76', () => {
    const ages = [64, 65, 75, 76];
    const { dataset, issues } = createAdsl(exampleTrial(ages.map((age, i) => agedSubject(i + 1, age))), P);
    assert.deepEqual(issues, []);
    assert.equal(dataset[0].CONSDT, CONSENT);
    assert.deepEqual(dataset.map((row) => row.AGE), ages);
    assert.deepEqual(dataset.map((row) => row.AGEGR1), ['<65', '65-75', '65-75', '>75']);
    // The day before the 65th birthday the subject is still 64.
    const young = createAdsl(exampleTrial([exampleSubject(1, { birthDate: '1956-05-26' })]), P).dataset[0];
    assert.equal(young.AGE, 64);
    assert.equal(ageGroup(64, P.ageGroups), '<65');
    assert.equal(ageGroup(65, P.ageGroups), '65-75');
  });

  it('sets populations: ITT = enrolled, SAF = any dose, FAS = pomalidomide dose and an assessment', () => {
    const screenFailure = exampleSubject(1);
    const { enrolmentDate: _e, ...failedForm } = screenFailure.subject;
    const notDosed = exampleSubject(2, { overrides: { dosing: [] } });
    const dexOnly = exampleSubject(3);
    const noAssessment = exampleSubject(4, { diseaseForms: { diseaseAssessment: [] } });
    const full = exampleSubject(5);
    const trial = exampleTrial([
      { ...screenFailure, subject: { ...failedForm, screenFailure: true } },
      notDosed,
      { ...dexOnly, dosing: dexOnly.dosing.filter((row) => row.drug === 'dexamethasone') },
      noAssessment,
      full,
    ]);
    const { dataset } = createAdsl(trial, P);
    const flags = dataset.map((row) => `${row.ITTFL}${row.SAFFL}${row.FASFL}`);
    assert.deepEqual(flags, ['NNN', 'YNN', 'YYN', 'YYN', 'YYY']);
    assert.equal(dataset[1].TRTSDT, null);
    assert.equal(dataset[1].EOTSTT, null);
    assert.equal(dataset[4].TRTSDT, ENROL);
    // Three cycles: the last dexamethasone dose is cycle 3 day 22.
    assert.equal(dataset[4].TRTEDT, addDays(ENROL, 2 * 28 + 21));
  });

  it('stages with the staging engine and reads FISH flags and prior therapy', () => {
    const base = exampleSubject(1);
    const highRisk = exampleSubject(2, {
      diseaseForms: {
        baselineDisease: [
          {
            ...base.diseaseForms.baselineDisease[0],
            beta2MicroglobulinMgPerL: 6.1,
            ldhUPerL: 300,
            fish: { del17p: 'positive', t4_14: 'negative', t14_16: 'negative', gain1q21: 'not-done', del13q: 'negative' },
          },
        ],
      },
      overrides: {
        priorTherapies: [
          ...base.priorTherapies,
          { lineNumber: 3, agents: ['Daratumumab ', 'pomalidomide'], startDate: '2021-05-01', asct: true, refractory: true },
        ],
      },
    });
    const noFish = exampleSubject(3, {
      diseaseForms: {
        baselineDisease: [{ ...base.diseaseForms.baselineDisease[0], fish: { del17p: 'not-done', t4_14: 'negative', t14_16: 'negative', gain1q21: 'negative', del13q: 'negative' } }],
      },
    });
    const { dataset } = createAdsl(exampleTrial([base, highRisk, noFish]), P);
    assert.deepEqual(dataset.map((r) => [r.ISS, r.CYTORISK, r.RISS]), [
      ['I', 'STANDARD', 'I'],
      ['III', 'HIGH', 'III'],
      ['I', null, null],
    ]);
    assert.deepEqual([dataset[1].DEL17P, dataset[1].GAIN1Q21, dataset[0].GAIN1Q21], ['Y', null, 'Y']);
    assert.deepEqual(dataset.map((r) => r.PRLINES), [2, 3, 2]);
    assert.deepEqual([dataset[0].PRLENFL, dataset[0].PRBORFL, dataset[0].PRCYCFL, dataset[0].PRCD38FL, dataset[0].PRASCTFL], ['Y', 'Y', 'Y', 'N', 'N']);
    assert.deepEqual([dataset[1].PRCD38FL, dataset[1].PRDARAFL, dataset[1].PRISAFL, dataset[1].PRASCTFL], ['Y', 'Y', 'N', 'Y']);
    // Diagnosis 1096 days before enrolment.
    assert.ok(Math.abs((dataset[0].DIAGDURM ?? 0) - 1096 / (365.25 / 12)) < 1e-12);
  });

  it('ignores everything after the data cutoff', () => {
    const cutoff = '2021-09-01';
    const diedLater = exampleSubject(1, {
      overrides: {
        death: { date: '2021-09-02', cause: 'progressive-disease' },
        disposition: { endOfTreatment: { date: '2021-09-02', reason: 'progressive-disease' } },
        newTherapies: [{ startDate: '2021-09-05', agents: ['daratumumab'] }],
      },
    });
    const diedBefore = exampleSubject(2, {
      overrides: {
        death: { date: '2021-08-20', cause: 'adverse-event' },
        disposition: {
          endOfTreatment: { date: '2021-08-10', reason: 'adverse-event' },
          endOfStudy: { date: '2021-08-20', reason: 'death' },
        },
        survivalContacts: [{ date: '2021-08-15', status: 'alive' }],
      },
    });
    const withdrew = exampleSubject(3, {
      overrides: {
        disposition: {
          endOfTreatment: { date: '2021-07-20', reason: 'consent-withdrawn' },
          endOfStudy: { date: '2021-07-20', reason: 'consent-withdrawn' },
        },
        survivalContacts: [{ date: '2021-08-30', status: 'alive' }, { date: '2021-10-01', status: 'alive' }],
      },
    });
    const { dataset } = createAdsl(exampleTrial([diedLater, diedBefore, withdrew], cutoff), P);
    const [a, b, c] = dataset;
    assert.deepEqual([a.DTHFL, a.DTHDT, a.EOTSTT, a.DCTREAS, a.NTRTDT], ['N', null, 'ONGOING', null, null]);
    // Last contact for subject 1: the cycle 4 day 1 disease assessment is the latest dated record.
    assert.equal(a.LSTALVDT, addDays(ENROL, 3 * 28));
    assert.deepEqual([b.DTHFL, b.DTHDT, b.EOTSTT, b.DCTREAS, b.EOSSTT, b.DCSREAS], ['Y', '2021-08-20', 'DISCONTINUED', 'adverse-event', 'DISCONTINUED', 'death']);
    assert.equal(c.LSTALVDT, '2021-08-30');
  });

  it('ends treatment and study at a death whose disposition forms are not yet entered', () => {
    const died = exampleSubject(1, { overrides: { death: { date: '2021-07-15', cause: 'other' } } });
    const row = createAdsl(exampleTrial([died]), P).dataset[0];
    assert.deepEqual([row.EOTSTT, row.EOTDT, row.DCTREAS, row.EOSSTT, row.DCSREAS], ['DISCONTINUED', '2021-07-15', 'death', 'DISCONTINUED', 'death']);
    assert.equal(row.LSTALVDT, addDays(ENROL, 28)); // cycle 2 day 1, the last contact before death
  });

  it('reports dates before enrolment and keeps deriving the rest', () => {
    const subject = exampleSubject(1);
    const dosing = subject.dosing.map((row, i) => (i === 0 ? { ...row, startDate: addDays(ENROL, -3) } : row));
    const { dataset, issues } = createAdsl(exampleTrial([{ ...subject, dosing }, exampleSubject(2)]), P);
    assert.deepEqual(issues.map((item) => `${item.code} ${formatPath(item.path)}`), ['date-before-enrolment subjects[0].dosing[0].startDate']);
    assert.equal(dataset.length, 2);
    assert.equal(dataset[0].TRTSDT, ENROL); // dexamethasone cycle 1 still starts on enrolment
    assert.equal(dataset[1].SAFFL, 'Y');
  });
});
