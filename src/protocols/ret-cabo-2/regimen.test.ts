import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyDoseEvent, checkProtocol, currentDoseMg, drugAction, initialDoseState } from '../../clinical/index.js';
import { formatPath } from '../../result/index.js';
import { RET_CABO_2_DOSE_EXAMPLES, RET_CABO_2_REGIMEN } from './regimen.js';
import { RET_CABO_2_PROTOCOL } from './protocol.js';

describe('RET-CABO-2 dose modification worked examples agree with the generic state machine', () => {
  for (const example of RET_CABO_2_DOSE_EXAMPLES) {
    it(example.transition, () => {
      const state = example.events.reduce((s, e) => applyDoseEvent(s, e, RET_CABO_2_REGIMEN), initialDoseState(example.ageYears, RET_CABO_2_REGIMEN));
      const cabo = state.cabozantinib;
      assert.deepEqual({ cabozantinib: { status: cabo.status, doseMg: currentDoseMg(cabo), action: drugAction(cabo) } }, example.expected, example.why);
    });
  }
});

describe('RET-CABO-2 definition', () => {
  it('is consistent', () => {
    assert.deepEqual(checkProtocol(RET_CABO_2_PROTOCOL).map((f) => `${formatPath(f.path)}: ${f.expected}`), []);
  });
});
