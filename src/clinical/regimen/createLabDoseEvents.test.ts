import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NCT05236621_REGIMEN as R } from '../../protocols/nct05236621/index.js';
import { computeDoseDecision } from './computeDoseDecision.js';
import { createLabDoseEvents, type LabDoseInput } from './createLabDoseEvents.js';
import type { DoseHistoryEvent } from './doseStateMachine.js';

const anc = (date: string, value: number, unit = '10^9/L'): LabDoseInput => ({ date, analyte: 'neutrophils', value, unit, lln: unit === '/uL' ? 1800 : 1.8 });
const platelets = (date: string, value: number): LabDoseInput => ({ date, analyte: 'platelets', value, unit: '10^9/L', lln: 150 });

function events(labs: readonly LabDoseInput[]): readonly DoseHistoryEvent[] {
  const out = createLabDoseEvents(labs, R.countRules);
  assert.ok(out.ok);
  return out.value;
}

const brief = (e: DoseHistoryEvent): string =>
  e.type === 'dose' ? `dose ${e.date}` : `${e.type} ${e.date} ${e.term} grade ${e.grade} ${e.ancX10e9PerL ?? e.plateletsX10e9PerL}`;

describe('createLabDoseEvents (pomalidomide label count rules from haematology results)', () => {
  it('turns an ANC below 0.5 x10^9/L into a grade 4 neutropenia toxicity whatever the attribution', () => {
    const [event] = events([anc('2021-03-10', 0.3)]);
    assert.deepEqual(event, { type: 'toxicity', date: '2021-03-10', term: 'Neutrophil count decreased', grade: 4, relatedTo: [], category: 'neutropenia', ancX10e9PerL: 0.3 });
  });

  it('reads conventional units through the unit table (300 /uL = 0.3 x10^9/L)', () => {
    assert.deepEqual(events([anc('2021-03-10', 300, '/uL')]).map(brief), ['toxicity 2021-03-10 Neutrophil count decreased grade 4 0.3']);
  });

  it('does not hold at ANC 0.5 (grade 3, boundary) nor at platelets 25', () => {
    assert.deepEqual(events([anc('2021-03-10', 0.5), platelets('2021-03-10', 25)]), []);
  });

  it('keeps only the crossings: one toxicity per episode, a recovery at ANC >= 0.5 / platelets >= 50', () => {
    assert.deepEqual(
      events([anc('2021-03-01', 2.0), anc('2021-03-10', 0.4), anc('2021-03-14', 0.45), anc('2021-03-20', 0.8), anc('2021-04-20', 0.2)]).map(brief),
      [
        'toxicity 2021-03-10 Neutrophil count decreased grade 4 0.4',
        'recovery 2021-03-20 Neutrophil count decreased grade 3 0.8',
        'toxicity 2021-04-20 Neutrophil count decreased grade 4 0.2',
      ],
    );
    assert.deepEqual(
      events([platelets('2021-03-10', 20), platelets('2021-03-17', 40), platelets('2021-03-24', 50)]).map(brief),
      ['toxicity 2021-03-10 Platelet count decreased grade 4 20', 'recovery 2021-03-24 Platelet count decreased grade 2 50'],
    );
  });

  it('takes the lowest value of a date reported by several sources, in date order whatever the input order', () => {
    assert.deepEqual(events([anc('2021-03-20', 0.9), anc('2021-03-10', 0.7), anc('2021-03-10', 0.4)]).map(brief), [
      'toxicity 2021-03-10 Neutrophil count decreased grade 4 0.4',
      'recovery 2021-03-20 Neutrophil count decreased grade 3 0.9',
    ]);
  });

  it('skips a result it cannot read, with a warning naming it, and ignores other analytes', () => {
    const out = createLabDoseEvents([{ date: '2021-03-10', analyte: 'neutrophils', value: 0.3, unit: 'furlongs' }, { date: '2021-03-10', analyte: 'hemoglobin', value: 60, unit: 'g/L' }], R.countRules);
    assert.ok(out.ok);
    assert.deepEqual(out.value, []);
    assert.deepEqual(out.issues.map((i) => [i.path.join('.'), i.severity]), [['labs.0.unit', 'warning']]);
  });

  it('a lab alone holds pomalidomide, citing the rule, and resumes one level lower at ANC >= 0.5', () => {
    const labs = events([anc('2021-03-10', 0.3), anc('2021-03-17', 0.6)]);
    const held = computeDoseDecision({ ageYears: 60, treatmentStartDate: '2021-03-01', events: labs, date: '2021-03-12' }, R);
    assert.ok(held.ok);
    assert.equal(held.value.action, 'hold');
    assert.match(held.value.reason, /ANC 0\.3 < 0\.5 x10\^9\/L: interrupt pomalidomide; resume at 3 mg when ANC >= 0\.5/);
    assert.equal(held.value.drugs[1].action, 'continue');
    const resumed = computeDoseDecision({ ageYears: 60, treatmentStartDate: '2021-03-01', events: labs, date: '2021-03-29' }, R);
    assert.ok(resumed.ok);
    assert.deepEqual([resumed.value.action, resumed.value.drugs[0].doseMg], ['resume-reduced', 3]);
  });

  it('an AE form and the lab for the same episode cost one level, not two', () => {
    const ae: DoseHistoryEvent = { type: 'toxicity', date: '2021-03-10', term: 'Neutrophil count decreased', grade: 4, relatedTo: ['pomalidomide'] };
    const aeEnd: DoseHistoryEvent = { type: 'recovery', date: '2021-03-20', term: 'Neutrophil count decreased', grade: 0 };
    const [low, back] = events([anc('2021-03-10', 0.3), anc('2021-03-17', 0.7)]);
    const history = [ae, low, back, aeEnd];
    const decision = computeDoseDecision({ ageYears: 60, treatmentStartDate: '2021-03-01', events: history, date: '2021-03-29' }, R);
    assert.ok(decision.ok);
    assert.equal(decision.value.drugs[0].doseMg, 3);
  });
});
