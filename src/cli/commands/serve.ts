import { resolve } from 'node:path';
import { DEFAULT_DEMO_PROTOCOL_ID, findProtocol, listProtocols, type ProtocolModule } from '../../protocols/index.js';
import { InputError, issue } from '../../result/index.js';
import { DEMO_PASSWORD, loadDemoTrial, seedDemoAccounts, startServer } from '../../server/index.js';
import { getTrialProtocol, openStore, type Store } from '../../store/index.js';
import { numberArg, parseCommandArgs } from '../args.js';
import type { CliIo, Command } from '../command.js';
import { renderTable } from '../render.js';

const usage = `Usage: trialkit serve [--protocol <id>] [--port <n>] [--host <address>] [--data <dir>] [--demo]

Runs the EDC (electronic data capture) server of a protocol: the REST API under /api/v1, its OpenAPI
document at /api/v1/openapi.json, the web application at /. The data lives in the embedded database folder
--data, or on the PostgreSQL server named by DATABASE_URL when that is set; the database records the
protocol it was opened with and refuses another. Stops on Ctrl-C (SIGINT) or SIGTERM.

Options:
  --protocol <id>  the protocol to serve (trialkit protocols lists them); default: the one the database
                   records, or with --demo the registry's demo protocol
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
  protocol: { type: 'string' },
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

/** The protocol named, else the one the database records, else (for --demo) the registry's demo protocol. */
async function chooseProtocol(store: Store, named: string | undefined, demo: boolean): Promise<ProtocolModule> {
  const known = listProtocols().map((m) => m.definition.id).join(', ');
  const wanted = named ?? (await getTrialProtocol(store))?.protocolId ?? (demo ? DEFAULT_DEMO_PROTOCOL_ID : undefined);
  if (wanted === undefined) {
    throw new InputError('trialkit serve: name the protocol with --protocol (the database records none yet)', [issue('missing-protocol', ['--protocol'], undefined, `one of ${known}`)]);
  }
  const module = findProtocol(wanted);
  if (module === undefined) throw new InputError(`trialkit serve: no protocol ${JSON.stringify(wanted)}`, [issue('unknown-protocol', ['--protocol'], wanted, `one of ${known}`)]);
  return module;
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
      const protocol = await chooseProtocol(store, parsed.values.protocol, parsed.values.demo === true);
      io.out(`protocol: ${protocol.definition.identity.registryId} (${protocol.definition.id} ${protocol.definition.version})\n`);
      if (parsed.values.demo === true) {
        // the protocol's SYNTHETIC demo trial (its DemoDefinition): the plan, rendered into forms and screening records
        const demo = protocol.demo;
        if (demo === undefined) {
          throw new InputError(`trialkit serve --demo: the protocol ${protocol.definition.id} has no demo trial`, [
            issue('no-demo', ['--protocol'], protocol.definition.id, `a protocol with a demo: ${listProtocols().filter((m) => m.demo !== undefined).map((m) => m.definition.id).join(', ')}`),
          ]);
        }
        const rendered = demo.renderTrial(demo.createPlan());
        const accounts = await seedDemoAccounts(store, { sites: rendered.trial.sites });
        io.out(`demo accounts (password '${DEMO_PASSWORD}'):\n`);
        io.out(`${renderTable([['user id', 'role', 'site'], ...accounts.map((a) => [a.userId, a.role, a.siteId ?? '-'])])}\n`);
        const loaded = await loadDemoTrial(store, protocol, rendered.trial, { screening: rendered.screening, reopenAfterSnapshot: true });
        io.out(
          `SYNTHETIC demo trial: ${loaded.subjectsLoaded} subjects loaded (${loaded.recordsSaved} CRF records, ${loaded.queriesRaised} edit-check queries), ` +
            `${loaded.subjectsSkipped} already there; snapshot ${loaded.snapshotName} ${loaded.snapshotCreated ? 'taken under the data lock' : 'already there'}; ` +
            `trial ${loaded.trialLocked ? 'locked (a data manager can unlock it with a reason)' : 'open for entry (the analyses read the snapshot)'} (${(loaded.milliseconds / 1000).toFixed(1)} s)\n`,
        );
      }
      const stopped = untilStopped();
      const server = await startServer({ store, protocol, port, ...(parsed.values.host === undefined ? {} : { hostname: parsed.values.host }), log: (line) => io.out(`${line}\n`) });
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
