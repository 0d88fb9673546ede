import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyDoseEvent, currentDoseMg, DOSE_TRANSITION_EXAMPLES, drugAction, initialDoseState, type DrugAction, type DrugState } from './doseStateMachine.js';

const summary = (state: DrugState): { status: DrugState['status']; doseMg: number | null; action: DrugAction } => ({
  status: state.status,
  doseMg: currentDoseMg(state),
  action: drugAction(state),
});

describe('dose state machine worked examples (doseStateMachine.ts) agree with applyDoseEvent', () => {
  for (const example of DOSE_TRANSITION_EXAMPLES) {
    it(example.transition, () => {
      const state = example.events.reduce(applyDoseEvent, initialDoseState(example.ageYears));
      assert.deepEqual(
        { pomalidomide: summary(state.pomalidomide), dexamethasone: summary(state.dexamethasone) },
        example.expected,
        example.why,
      );
    });
  }

  it('covers hold, resume one level lower, discontinue below 1 mg and the dexamethasone ladder', () => {
    const actions = new Set(DOSE_TRANSITION_EXAMPLES.flatMap((e) => [e.expected.pomalidomide.action, e.expected.dexamethasone.action]));
    const wanted: DrugAction[] = ['hold', 'resume-reduced', 'discontinue', 'continue'];
    for (const action of wanted) assert.ok(actions.has(action), action);
    assert.ok(DOSE_TRANSITION_EXAMPLES.some((e) => e.expected.dexamethasone.doseMg === 10));
    assert.ok(DOSE_TRANSITION_EXAMPLES.some((e) => e.expected.dexamethasone.doseMg === 8));
  });
});
