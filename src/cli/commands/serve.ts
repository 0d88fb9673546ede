import { resolve } from 'node:path';
import { loadCachedDemoTrial } from '../../publish/index.js';
import { DEMO_PASSWORD, loadDemoTrial, seedDemoAccounts, startServer } from '../../server/index.js';
import { openStore } from '../../store/index.js';
import { numberArg, parseCommandArgs } from '../args.js';
import type { CliIo, Command } from '../command.js';
import { renderTable } from '../render.js';

const usage = `Usage: trialkit serve [--port <n>] [--host <address>] [--data <dir>] [--demo]

Runs the EDC (electronic data capture) server: the REST API under /api/v1, its OpenAPI document at
/api/v1/openapi.json. The data lives in the embedded database folder --data, or on the PostgreSQL
server named by DATABASE_URL when that is set. Stops on Ctrl-C (SIGINT) or SIGTERM.

Options:
  --port <n>       TCP port, default 8080 (0 = any free port)
  --host <address> address to listen on, default 127.0.0.1 (this machine only)
  --data <dir>     embedded database folder, default ./trialkit-data
  --demo           create two demo sites and one account per role (password printed below), and load the
                   SYNTHETIC demo trial as its 32 sites would have entered it (an investigator and a
                   coordinator per site, e.g. c01-investigator, same password), locked at the cutoff with
                   the snapshot cutoff-<date>; a re-run on the same data loads nothing twice

Each request is logged as method, route pattern, status and time: never a subject id, a body or a password.
`;

const options = {
  port: { type: 'string' },
  host: { type: 'string' },
  data: { type: 'string' },
  demo: { type: 'boolean' },
} as const;

function untilStopped(): Promise<string> {
  return new Promise((done) => {
    const stop = (signal: string): void => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      done(signal);
    };
    const onInt = (): void => stop('SIGINT');
    const onTerm = (): void => stop('SIGTERM');
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
  });
}

export const serveCommand: Command = {
  name: 'serve',
  usage,
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const parsed = parseCommandArgs('serve', args, options);
    const port = numberArg('serve', '--port', parsed.values.port, 8080, { min: 0, max: 65535, integer: true });
    const dataDir = resolve(parsed.values.data ?? 'trialkit-data');
    const databaseUrl = process.env.DATABASE_URL;
    const store = await openStore(databaseUrl !== undefined && databaseUrl !== '' ? { databaseUrl } : { dataDir });
    try {
      io.out(databaseUrl !== undefined && databaseUrl !== '' ? 'store: PostgreSQL (DATABASE_URL)\n' : `store: embedded database in ${dataDir}\n`);
      if (parsed.values.demo === true) {
        const accounts = await seedDemoAccounts(store);
        io.out(`demo accounts (password '${DEMO_PASSWORD}'):\n`);
        io.out(`${renderTable([['user id', 'role', 'site'], ...accounts.map((a) => [a.userId, a.role, a.siteId ?? '-'])])}\n`);
        const loaded = await loadDemoTrial(store, loadCachedDemoTrial(), { reopenAfterSnapshot: true });
        io.out(
          `SYNTHETIC demo trial: ${loaded.subjectsLoaded} subjects loaded (${loaded.recordsSaved} CRF records, ${loaded.queriesRaised} edit-check queries), ` +
            `${loaded.subjectsSkipped} already there; snapshot ${loaded.snapshotName} ${loaded.snapshotCreated ? 'taken under the data lock' : 'already there'}; ` +
            `trial ${loaded.trialLocked ? 'locked (a data manager can unlock it with a reason)' : 'open for entry (the analyses read the snapshot)'} (${(loaded.milliseconds / 1000).toFixed(1)} s)\n`,
        );
      }
      const stopped = untilStopped();
      const server = await startServer({ store, port, ...(parsed.values.host === undefined ? {} : { hostname: parsed.values.host }), log: (line) => io.out(`${line}\n`) });
      io.out(`trialkit EDC: open ${server.url}/ in a browser (API ${server.url}/api/v1, OpenAPI ${server.url}/api/v1/openapi.json)\n`);
      const signal = await stopped;
      io.out(`${signal}: shutting down\n`);
      await server.close();
      return 0;
    } finally {
      await store.close();
    }
  },
};
