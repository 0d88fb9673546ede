import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ircResponseCalls } from './ircResponseCalls.js';

describe('ircResponseCalls', () => {
  it("turns each adjudicated assessment into the IRC's recorded call for its date, and leaves the best overall out", () => {
    const calls = ircResponseCalls([
      { scope: 'assessment', assessmentDate: '2025-03-17', response: 'VGPR', derivedResponse: 'PR', investigatorResponse: 'VGPR', reason: 'IFE' },
      { scope: 'bestOverall', response: 'VGPR', derivedResponse: 'PR', investigatorResponse: 'VGPR', reason: 'IFE' },
      { scope: 'assessment', assessmentDate: '2025-02-17', response: 'PR', derivedResponse: 'PR', investigatorResponse: 'PR' },
    ]);
    assert.deepEqual(calls, [
      { date: '2025-03-17', evaluator: 'irc', response: 'VGPR' },
      { date: '2025-02-17', evaluator: 'irc', response: 'PR' },
    ]);
  });
});
