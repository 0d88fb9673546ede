import { openPostgresStore, postgresTestTarget } from '../store/index.js';
import { killRecoveryContract } from './killRecoveryContract.js';
import { postgresReachable } from '../testing/index.js';

// Acknowledged writes survive a SIGKILL of the server on a PostgreSQL server, in a schema of its own dropped afterwards.
const target = postgresTestTarget('trialkit_kill');
const { url, schema, dropSchema } = target;
if (await postgresReachable(target, 'PostgreSQL crash recovery')) {
  killRecoveryContract({
    label: `PostgreSQL (schema ${schema})`,
    openInChild: 'const store = await openPostgresStore({ url: process.env.TRIALKIT_KILL_URL, schema: process.env.TRIALKIT_KILL_DATA });',
    env: { TRIALKIT_KILL_URL: url },
    newDatabase: () => schema,
    openStore: (name) => openPostgresStore({ url, schema: name }),
    cleanUp: dropSchema,
  });
}
