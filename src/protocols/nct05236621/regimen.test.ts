import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyDoseEvent, currentDoseMg, drugAction, initialDoseState, type DrugAction, type DrugState } from '../../clinical/index.js';
import { NCT05236621_DOSE_EXAMPLES, NCT05236621_REGIMEN } from './regimen.js';

const summary = (state: DrugState): { status: DrugState['status']; doseMg: number | null; action: DrugAction } => ({
  status: state.status,
  doseMg: currentDoseMg(state),
  action: drugAction(state),
});

describe('NCT05236621 dose modification worked examples (regimen.ts) agree with the generic state machine', () => {
  for (const example of NCT05236621_DOSE_EXAMPLES) {
    it(example.transition, () => {
      const state = example.events.reduce((s, e) => applyDoseEvent(s, e, NCT05236621_REGIMEN), initialDoseState(example.ageYears, NCT05236621_REGIMEN));
      assert.deepEqual({ pomalidomide: summary(state.pomalidomide), dexamethasone: summary(state.dexamethasone) }, example.expected, example.why);
    });
  }

  it('covers hold, resume one level lower, discontinue below 1 mg and the dexamethasone ladder', () => {
    const actions = new Set(NCT05236621_DOSE_EXAMPLES.flatMap((e) => Object.values(e.expected).map((x) => x.action)));
    const wanted: DrugAction[] = ['hold', 'resume-reduced', 'discontinue', 'continue'];
    for (const action of wanted) assert.ok(actions.has(action), action);
    assert.ok(NCT05236621_DOSE_EXAMPLES.some((e) => e.expected.dexamethasone.doseMg === 10));
    assert.ok(NCT05236621_DOSE_EXAMPLES.some((e) => e.expected.dexamethasone.doseMg === 8));
  });

  it('the 2-year maximum is 26 whole cycles', () => {
    assert.equal(NCT05236621_REGIMEN.maxCycles, 26);
  });
});
