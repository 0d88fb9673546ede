import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NCT05236621_REGIMEN as R } from '../../protocols/nct05236621/index.js';
import type { AdverseEventForm, DosingForm } from '../crf/index.js';
import { createDoseHistory } from './createDoseHistory.js';
import type { DoseHistoryEvent } from './doseStateMachine.js';

const row = (cycle: number, drug: 'pomalidomide' | 'dexamethasone', startDate: string, mg: number, daysGiven = drug === 'pomalidomide' ? 21 : 4): DosingForm => ({
  cycle,
  drug,
  startDate,
  endDate: startDate,
  plannedDoseMg: mg,
  plannedDays: drug === 'pomalidomide' ? 21 : 4,
  doseGivenMg: mg,
  daysGiven,
  delayed: false,
  interrupted: false,
  reduced: false,
});
const ae = (overrides: Partial<AdverseEventForm>): AdverseEventForm => ({
  sequence: 1,
  reportedTerm: 'Pneumonia',
  preferredTerm: 'Pneumonia',
  onsetDate: '2021-03-10',
  grade: 3,
  serious: false,
  relatedness: { pomalidomide: 'probable', dexamethasone: 'not-related' },
  actionTaken: { pomalidomide: 'dose-reduced', dexamethasone: 'none' },
  ledToStudyDiscontinuation: false,
  outcome: 'recovered',
  ...overrides,
});
const brief = (e: DoseHistoryEvent): string =>
  e.type === 'dose' ? `${e.date} dose ${e.drug} ${e.mg} c${e.cycle}` : e.type === 'toxicity' ? `${e.date} toxicity ${e.term} ${e.grade} [${e.relatedTo.join(',')}]` : `${e.date} recovery ${e.term} ${e.grade}`;

describe('createDoseHistory (raw CRFs -> dose history, as the EDC dose proposal reads them)', () => {
  it('orders AEs, lab crossings and one dose per row with its cycle; toxicity, then recovery, then doses on a day', () => {
    const history = createDoseHistory({
      adverseEvents: [ae({ endDate: '2021-03-29' }), ae({ sequence: 2, preferredTerm: 'Hyperglycaemia', onsetDate: '2021-02-20', relatedness: { pomalidomide: 'unlikely', dexamethasone: 'definite' } })],
      dosing: [row(2, 'pomalidomide', '2021-03-29', 3), row(1, 'pomalidomide', '2021-03-01', 4), row(1, 'dexamethasone', '2021-03-01', 40), row(2, 'dexamethasone', '2021-03-29', 40, 0)],
      labs: [
        { date: '2021-02-25', analyte: 'neutrophils', value: 0.2, unit: '10^9/L' },
        { date: '2021-03-29', analyte: 'neutrophils', value: 0.4, unit: '10^9/L' },
      ],
    }, R);
    assert.equal(history.treatmentStartDate, '2021-03-01');
    assert.deepEqual(history.events.map(brief), [
      '2021-03-01 dose pomalidomide 4 c1',
      '2021-03-01 dose dexamethasone 40 c1',
      '2021-03-10 toxicity Pneumonia 3 [pomalidomide]',
      // the day-1 lab (before the dose) and the AE's end: toxicity first, then recovery, then the doses
      '2021-03-29 toxicity Neutrophil count decreased 4 []',
      '2021-03-29 recovery Pneumonia 0',
      '2021-03-29 dose pomalidomide 3 c2',
      '2021-03-29 dose dexamethasone 0 c2',
    ]);
    assert.deepEqual(history.warnings, []);
  });

  it('relates an AE to every drug with a possible, probable or definite relationship', () => {
    const history = createDoseHistory({ adverseEvents: [ae({ relatedness: { pomalidomide: 'probable', dexamethasone: 'possible' } })], dosing: [row(1, 'pomalidomide', '2021-03-01', 4)] }, R);
    assert.deepEqual(history.events.map(brief)[1], '2021-03-10 toxicity Pneumonia 3 [pomalidomide,dexamethasone]');
  });

  it('has no treatment start and no events before a cycle 1 row exists', () => {
    const history = createDoseHistory({ adverseEvents: [ae({})], dosing: [] }, R);
    assert.equal(history.treatmentStartDate, null);
    assert.deepEqual(history.events, []);
  });
});
