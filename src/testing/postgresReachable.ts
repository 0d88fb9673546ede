import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { PostgresTestTarget } from '../store/index.js';

/**
 * Whether a suite against the real PostgreSQL server can run. When the server does not answer, the suite
 * is never silently absent: one test fails naming the URL and the problem, or, with TRIALKIT_SKIP_PG=1 on a
 * machine without a server, one test is reported skipped with the reason.
 */
export async function postgresReachable(target: Pick<PostgresTestTarget, 'shownUrl' | 'unreachableReason'>, suite: string): Promise<boolean> {
  const problem = await target.unreachableReason();
  if (problem === undefined) return true;
  if (process.env.TRIALKIT_SKIP_PG === '1') {
    const reason = `${suite} skipped: TRIALKIT_SKIP_PG=1 and ${target.shownUrl} is not reachable (${problem})`;
    console.log(reason);
    void it(suite, { skip: reason }, () => undefined);
  } else {
    void it(`${suite}: database reachable`, () => {
      assert.fail(
        `PostgreSQL is not reachable at ${target.shownUrl} (${problem}). The ${suite} must run against it (CI provides it); ` +
          'set DATABASE_URL to a reachable server, or TRIALKIT_SKIP_PG=1 to skip these tests on a machine without one.',
      );
    });
  }
  return false;
}
