import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ENROLLED_STATUSES, SUBJECT_STATUS_MOVES, SUBJECT_STATUSES, type SubjectLifecycleStatus } from './subjectStatusMoves.js';

describe('SUBJECT_STATUS_MOVES', () => {
  it('never leads an enrolled subject back to screening, and off study is final', () => {
    for (const status of ENROLLED_STATUSES) assert.ok(!SUBJECT_STATUS_MOVES[status].includes('screening'), status);
    assert.deepEqual(SUBJECT_STATUS_MOVES.off_study, []);
  });

  it('lets a screen failure be re-screened, and reaches every state from screening', () => {
    assert.deepEqual(SUBJECT_STATUS_MOVES.screen_failure, ['screening']);
    const queue: SubjectLifecycleStatus[] = ['screening'];
    const reached = new Set<SubjectLifecycleStatus>(queue);
    for (const from of queue) {
      for (const to of SUBJECT_STATUS_MOVES[from]) {
        if (reached.has(to)) continue;
        reached.add(to);
        queue.push(to);
      }
    }
    assert.deepEqual([...reached].sort(), [...SUBJECT_STATUSES].sort());
  });
});
