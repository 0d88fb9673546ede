import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeImwgResponse, type ImwgResult } from './computeImwgResponse.js';
import { computeImwgResponses } from './computeImwgResponses.js';
import type { ImwgMeasurements, ImwgPatientInput } from './imwgMeasurements.js';
import { IMWG_2016_STANDARD, IMWG_2016_TRIAL, type ImwgRuleSet } from './imwgRuleSet.js';

const dates = ['2022-02-01', '2022-03-01', '2022-03-29', '2022-04-26', '2022-05-24', '2022-06-21'];

/** A serum-followed patient (baseline M 20 g/L) with the given assessments, dated one cycle apart. */
function serumPatient(values: readonly (number | ImwgMeasurements)[], extra: Partial<ImwgPatientInput> = {}): ImwgPatientInput {
  return {
    baseline: { serumMProteinGPerL: 20 },
    assessments: values.map((v, i) => ({ date: dates[i], ...(typeof v === 'number' ? { serumMProteinGPerL: v } : v) })),
    ...extra,
  };
}

function run(input: ImwgPatientInput, ruleSet: ImwgRuleSet = IMWG_2016_TRIAL): ImwgResult {
  const outcome = computeImwgResponse(input, ruleSet);
  assert.ok(outcome.ok, JSON.stringify(outcome.issues));
  return outcome.value;
}

function errorCodes(input: ImwgPatientInput): string[] {
  const outcome = computeImwgResponse(input);
  assert.equal(outcome.ok, false);
  return outcome.issues.map((i) => `${i.code}@${i.path.join('.')}`);
}

describe('computeImwgResponse: confirmation and best overall response', () => {
  it('an unconfirmed PR is not a best response', () => {
    const r = run(serumPatient([10]));
    assert.equal(r.assessments[0].response, 'PR');
    assert.equal(r.assessments[0].confirmed, false);
    assert.equal(r.bestResponse, 'NE');
    assert.equal(r.bestResponseReason, 'not-confirmed');
    assert.equal(r.firstResponseDate, null);
  });

  it('two PRs confirm PR, dated at the first', () => {
    const r = run(serumPatient([10, 9]));
    assert.equal(r.bestResponse, 'PR');
    assert.equal(r.bestResponseReason, null);
    assert.equal(r.firstResponseDate, dates[0]);
    assert.equal(r.bestResponseDate, dates[0]);
    assert.deepEqual(r.assessments.map((a) => a.confirmed), [true, false]);
  });

  it('a PR followed by a VGPR confirms PR, not VGPR', () => {
    const r = run(serumPatient([10, 2]));
    assert.equal(r.bestResponse, 'PR');
    assert.equal(r.assessments[0].confirmedResponse, 'PR');
    assert.equal(r.assessments[1].confirmedResponse, null);
  });

  it('a VGPR followed by a PR confirms PR; two VGPRs confirm VGPR at the later pair', () => {
    const r = run(serumPatient([10, 2, 9, 2, 1.5]));
    assert.equal(r.assessments[1].confirmed, false);
    assert.equal(r.assessments[1].confirmedResponse, 'PR');
    assert.equal(r.bestResponse, 'VGPR');
    assert.equal(r.bestResponseDate, dates[3]);
    assert.equal(r.firstResponseDate, dates[0]);
  });

  it('NE assessments are skipped when looking for the confirming assessment', () => {
    const r = run(serumPatient([10, { urineMProteinMgPer24h: 10 }, 9]));
    assert.deepEqual(r.assessments.map((a) => a.response), ['PR', 'NE', 'PR']);
    assert.equal(r.bestResponse, 'PR');
    const outcome = computeImwgResponse(serumPatient([10, { urineMProteinMgPer24h: 10 }, 9]));
    assert.deepEqual(
      outcome.issues.map((i) => [i.code, i.path, i.severity]),
      [['missing-qualifying-parameter', ['assessments', 1, 'serumMProteinGPerL'], 'warning']],
    );
  });

  it('MR needs confirmation like any response category', () => {
    assert.equal(run(serumPatient([14, 13])).bestResponse, 'MR');
    assert.equal(run(serumPatient([14, 19])).bestResponse, 'SD');
  });

  it('SD: the trial needs two assessments, the standard one', () => {
    const one = serumPatient([18]);
    assert.equal(run(one).bestResponse, 'NE');
    assert.equal(run(one).bestResponseReason, 'not-confirmed');
    assert.equal(run(one, IMWG_2016_STANDARD).bestResponse, 'SD');
    assert.equal(run(serumPatient([18, 19])).bestResponse, 'SD');
    // Under the standard an unconfirmed PR still counts as at least SD.
    assert.equal(run(serumPatient([10]), IMWG_2016_STANDARD).bestResponse, 'SD');
  });

  it('distinguishes no post-baseline assessment from assessments that are all NE', () => {
    const none = run(serumPatient([]));
    assert.equal(none.bestResponse, 'NE');
    assert.equal(none.bestResponseReason, 'no-postbaseline');
    const allNe = run(serumPatient([{ urineMProteinMgPer24h: 1 }, { urineMProteinMgPer24h: 2 }]));
    assert.equal(allNe.bestResponse, 'NE');
    assert.equal(allNe.bestResponseReason, 'not-evaluable');
  });

  it('a marrow result at either assessment of a pair confirms CR (marrow needs no confirmation)', () => {
    const ifeNegative = { serumMProteinGPerL: 0, serumImmunofixation: 'negative', urineImmunofixation: 'negative' } as const;
    const later = run(serumPatient([ifeNegative, { ...ifeNegative, boneMarrowPlasmaCellsPct: 2 }]));
    assert.deepEqual(later.assessments.map((a) => a.response), ['VGPR', 'CR']);
    assert.equal(later.assessments[0].confirmedResponse, 'CR');
    assert.equal(later.bestResponse, 'CR');
    const earlier = run(serumPatient([{ ...ifeNegative, boneMarrowPlasmaCellsPct: 2 }, ifeNegative]));
    assert.deepEqual(earlier.assessments.map((a) => a.response), ['CR', 'CR']);
    assert.equal(earlier.bestResponse, 'CR');
    // Immunofixation is a laboratory finding: one negative serum IFE is not confirmed by a positive one.
    const unconfirmed = run(serumPatient([{ ...ifeNegative, boneMarrowPlasmaCellsPct: 2 }, { ...ifeNegative, serumImmunofixation: 'positive' }]));
    assert.equal(unconfirmed.bestResponse, 'VGPR');
  });

  it('sCR confirmed over two assessments', () => {
    const scr = {
      serumMProteinGPerL: 0,
      serumImmunofixation: 'negative',
      urineImmunofixation: 'negative',
      kappaFlcMgPerL: 10,
      lambdaFlcMgPerL: 10,
    } as const;
    const r = run(serumPatient([{ ...scr, boneMarrowPlasmaCellsPct: 1, clonalPlasmaCellsInMarrow: false }, scr]));
    assert.deepEqual(r.assessments.map((a) => a.response), ['sCR', 'sCR']);
    assert.equal(r.bestResponse, 'sCR');
  });

  it('a marrow-only PR needs no second assessment', () => {
    const r = run({
      baseline: { serumMProteinGPerL: 1, boneMarrowPlasmaCellsPct: 40 },
      assessments: [{ date: dates[0], boneMarrowPlasmaCellsPct: 15 }],
    });
    assert.equal(r.bestResponse, 'PR');
    assert.equal(r.firstResponseDate, dates[0]);
  });

  it('reports the change of the primary parameter from baseline', () => {
    const r = run(serumPatient([10, 25]));
    assert.deepEqual(r.assessments.map((a) => a.percentChangeFromBaseline), [-50, 25]);
  });
});

describe('computeImwgResponse: progression', () => {
  it('PD is judged from the nadir, not from baseline, and dated at the first of the two PD assessments', () => {
    // Baseline 40; nadir 10 confirmed by two assessments; 15 is +50% and +5 g/L from it but 62% below baseline.
    const r = run({
      baseline: { serumMProteinGPerL: 40 },
      assessments: [10, 10, 15, 15].map((m, i) => ({ date: dates[i], serumMProteinGPerL: m })),
    });
    assert.deepEqual(r.assessments.map((a) => a.response), ['PR', 'PR', 'PD', 'PD']);
    assert.equal(r.assessments[2].nadir, 10);
    assert.equal(r.progressionDate, dates[2]);
    assert.equal(r.progressionRule, 'pd-serum-m-protein');
    assert.equal(r.progressionConfirmedBy, 'next-assessment');
    assert.equal(r.bestResponse, 'PR');
  });

  it('a rise of less than 5 g/L from the nadir is not PD even when it is +30%', () => {
    const r = run({
      baseline: { serumMProteinGPerL: 40 },
      assessments: [10, 10, 13, 13].map((m, i) => ({ date: dates[i], serumMProteinGPerL: m })),
    });
    assert.equal(r.progressionDate, null);
    assert.equal(r.assessments[2].response, 'PR');
  });

  it('a single unconfirmed low does not become the nadir', () => {
    // Baseline 30; 10 is not confirmed (the next value is 20): the nadir stays 30 and 20 is MR, not PD.
    const r = run({
      baseline: { serumMProteinGPerL: 30 },
      assessments: [10, 20].map((m, i) => ({ date: dates[i], serumMProteinGPerL: m })),
    });
    assert.equal(r.assessments[1].nadir, 30);
    assert.equal(r.assessments[1].response, 'MR');
  });

  it('an unconfirmed PD is not progression, and the best response can still be confirmed after it', () => {
    const r = run(serumPatient([26, 10, 9]));
    assert.deepEqual(r.assessments.map((a) => a.response), ['PD', 'PR', 'PR']);
    assert.equal(r.assessments[0].confirmed, false);
    assert.equal(r.progressionDate, null);
    assert.equal(r.bestResponse, 'PR');
  });

  it('confirmed PD with no confirmed response before it gives best response PD', () => {
    const r = run(serumPatient([10, 26, 27]));
    assert.equal(r.bestResponse, 'PD');
    assert.equal(r.progressionDate, dates[1]);
    assert.equal(r.assessments[0].confirmedResponse, null);
  });

  it('responses after confirmed progression do not count', () => {
    const r = run(serumPatient([18, 26, 27, 5, 4]));
    assert.equal(r.progressionDate, dates[1]);
    assert.equal(r.bestResponse, 'PD');
    assert.equal(r.firstResponseDate, null);
  });

  it('PD at the last assessment followed by death counts as confirmed', () => {
    const withDeath = run(serumPatient([18, 19, 26], { deathDate: '2022-04-10' }));
    assert.equal(withDeath.progressionDate, dates[2]);
    assert.equal(withDeath.progressionConfirmedBy, 'death');
    assert.equal(withDeath.bestResponse, 'SD');
    const alive = run(serumPatient([18, 19, 26]));
    assert.equal(alive.progressionDate, null);
    const treatedFirst = run(serumPatient([18, 19, 26], { newTherapyDate: '2022-04-01', deathDate: '2022-04-10' }));
    assert.equal(treatedFirst.progressionDate, null);
  });

  it('PD by a new lesion needs no confirmation', () => {
    const r = run(serumPatient([10, 9, { serumMProteinGPerL: 9, newLesion: true }]));
    assert.equal(r.progressionDate, dates[2]);
    assert.equal(r.progressionRule, 'pd-new-lesion');
    assert.equal(r.progressionConfirmedBy, 'single-finding');
    assert.equal(r.bestResponse, 'PR');
  });

  it('ignores assessments on or after the start of new therapy', () => {
    const input = serumPatient([10, 9, 30, 31], { newTherapyDate: dates[2] });
    const r = run(input);
    assert.deepEqual(r.ignoredAssessmentDates, [dates[2], dates[3]]);
    assert.equal(r.progressionDate, null);
    assert.equal(r.bestResponse, 'PR');
    const unconfirmed = run(serumPatient([10, 9], { newTherapyDate: dates[1] }));
    assert.equal(unconfirmed.bestResponse, 'NE');
    const onlyAfter = run(serumPatient([10], { newTherapyDate: '2022-01-15' }));
    assert.equal(onlyAfter.bestResponseReason, 'no-postbaseline');
    const outcome = computeImwgResponse(input);
    assert.ok(outcome.issues.some((i) => i.code === 'after-new-therapy' && i.severity === 'warning'));
  });
});

describe('computeImwgResponse: input problems', () => {
  it('rejects unsorted and duplicate dates and dates on or before baseline', () => {
    assert.deepEqual(
      errorCodes({
        baseline: { serumMProteinGPerL: 20, date: '2022-01-20' },
        assessments: [
          { date: '2022-01-10', serumMProteinGPerL: 10 },
          { date: '2022-03-01', serumMProteinGPerL: 10 },
          { date: '2022-03-01', serumMProteinGPerL: 10 },
          { date: '2022-02-01', serumMProteinGPerL: 10 },
        ],
      }),
      ['date-before-baseline@assessments.0.date', 'duplicate-date@assessments.2.date', 'unsorted-dates@assessments.3.date'],
    );
  });

  it('rejects impossible dates, negative values, unknown immunofixation and assessments after death', () => {
    const input = {
      baseline: { serumMProteinGPerL: -1 },
      assessments: [
        { date: '2022-02-30', serumMProteinGPerL: 10 },
        { date: '2022-03-01', serumImmunofixation: 'pos' },
        { date: '2022-05-01', serumMProteinGPerL: Number.NaN },
      ],
      deathDate: '2022-04-01',
    } as unknown as ImwgPatientInput;
    assert.deepEqual(errorCodes(input), [
      'negative-value@baseline.serumMProteinGPerL',
      'invalid-date@assessments.0.date',
      'invalid-immunofixation@assessments.1.serumImmunofixation',
      'not-a-number@assessments.2.serumMProteinGPerL',
      'assessment-after-death@assessments.2.date',
    ]);
  });

  it('rejects a baseline without measurable disease', () => {
    assert.deepEqual(errorCodes({ baseline: { serumMProteinGPerL: 4.9, urineMProteinMgPer24h: 199 }, assessments: [] }), [
      'no-measurable-disease@baseline',
    ]);
  });

  it('returns frozen results', () => {
    const r = run(serumPatient([10, 9]));
    assert.ok(Object.isFrozen(r) && Object.isFrozen(r.assessments) && Object.isFrozen(r.assessments[0]));
    assert.ok(Object.isFrozen(r.measurableParameters));
  });

  it('derives a batch patient by patient, prefixing issue paths with the patient index', () => {
    const outcomes = computeImwgResponses([
      serumPatient([10, 9]),
      { baseline: { serumMProteinGPerL: 1 }, assessments: [] },
      serumPatient([2, 1]),
    ]);
    assert.deepEqual(outcomes.map((o) => o.ok), [true, false, true]);
    assert.deepEqual(outcomes[1].issues[0].path, [1, 'baseline']);
    assert.equal(outcomes[2].ok && outcomes[2].value.bestResponse, 'VGPR');
  });
});
