import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { raiseInterruptBudget, REPORT_INTERRUPT_BUDGET } from './jitBudget.js';

describe('raiseInterruptBudget', () => {
  // v8.setFlagsFromString ignores a flag it does not know: a V8 that renamed it would silently lose the gain.
  it("names a flag this Node's V8 has, with a default below the report's budget", () => {
    const options = execFileSync(process.execPath, ['--v8-options'], { encoding: 'utf8' });
    const match = /--interrupt-budget \(.*\)\n\s+type: int {2}default: --interrupt-budget=(\d+)/.exec(options);
    assert.ok(match !== null, 'no --interrupt-budget in node --v8-options');
    assert.ok(Number(match[1]) < REPORT_INTERRUPT_BUDGET);
  });

  it('refuses a budget that is not a positive integer', () => {
    assert.throws(() => raiseInterruptBudget(0), RangeError);
    assert.throws(() => raiseInterruptBudget(1.5), RangeError);
  });
});
