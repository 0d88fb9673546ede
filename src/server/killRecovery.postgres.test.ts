import assert from 'node:assert/strict';
import { it } from 'node:test';
import { openPostgresStore, postgresTestTarget } from '../store/index.js';
import { killRecoveryContract } from './killRecoveryContract.js';

// Acknowledged writes survive a SIGKILL of the server on a PostgreSQL server, in a schema of its own dropped afterwards.
const { url, shownUrl, schema, unreachableReason, dropSchema } = postgresTestTarget('trialkit_kill');
const problem = await unreachableReason();

if (problem !== undefined && process.env.TRIALKIT_SKIP_PG === '1') {
  const reason = `PostgreSQL crash recovery skipped: TRIALKIT_SKIP_PG=1 and ${shownUrl} is not reachable (${problem})`;
  console.log(reason);
  it('PostgreSQL crash recovery', { skip: reason }, () => undefined);
} else if (problem !== undefined) {
  it('PostgreSQL crash recovery: database reachable', () => {
    assert.fail(`PostgreSQL is not reachable at ${shownUrl} (${problem}); set DATABASE_URL, or TRIALKIT_SKIP_PG=1 on a machine without one.`);
  });
} else {
  killRecoveryContract({
    label: `PostgreSQL (schema ${schema})`,
    openInChild: 'const store = await openPostgresStore({ url: process.env.TRIALKIT_KILL_URL, schema: process.env.TRIALKIT_KILL_DATA });',
    env: { TRIALKIT_KILL_URL: url },
    newDatabase: () => schema,
    openStore: (name) => openPostgresStore({ url, schema: name }),
    cleanUp: dropSchema,
  });
}
