import { resolve } from 'node:path';
import { DEFAULT_DEMO_PROTOCOL_ID, findProtocol, listProtocols, type ProtocolModule } from '../../protocols/index.js';
import { loadCachedDemoTrial } from '../../publish/index.js';
import { InputError, issue } from '../../result/index.js';
import { DEMO_PASSWORD, loadDemoTrial, seedDemoAccounts, startServer } from '../../server/index.js';
import { getTrialProtocol, loadOrCreateSigningKey, openStore, startAuditSealer, type Store } from '../../store/index.js';
import { numberArg, parseCommandArgs } from '../args.js';
import type { CliIo, Command } from '../command.js';
import { renderTable } from '../render.js';

const usage = `Usage: trialkit serve [--protocol <id>] [--port <n>] [--host <address>] [--data <dir>] [--signing-key <file>] [--origin <url>]... [--demo]

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
  --signing-key <file>
                   the trial's Ed25519 key that signs the audit checkpoints (PKCS#8 PEM), created on first use
                   with its public half in <file>.pub; keep it outside the database and its backups
                   (default TRIALKIT_SIGNING_KEY, else <data>.signing-key.pem beside the embedded folder, or
                   ./trialkit-signing-key.pem with DATABASE_URL). The latest checkpoint is also written to
                   <file>.checkpoint.json, a witness outside the database (trialkit audit verify --checkpoint)
  --origin <url>   a public origin that may send state-changing requests besides the listening address,
                   e.g. https://edc.example.org behind a TLS proxy (repeatable)
  --demo           create two demo sites and one account per role (password printed below), and load the
                   protocol's SYNTHETIC demo trial as its sites would have entered it (an investigator and a
                   coordinator per site, e.g. c01-investigator, same password), locked at the cutoff with
                   the snapshot cutoff-<date>, then reopened for entry; a re-run on the same data loads
                   nothing twice

Each request is logged as method, route pattern, status, time and request id: never a subject id, a body or
a password. An answer 500 carries the same request id.
`;

const options = {
  protocol: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  data: { type: 'string' },
  'signing-key': { type: 'string' },
  origin: { type: 'string', multiple: true },
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
    const postgres = databaseUrl !== undefined && databaseUrl !== '';
    const origins = parsed.values.origin ?? [];
    for (const origin of origins) {
      if (!/^https?:\/\/[^/\s]+$/.test(origin)) {
        throw new InputError(`--origin ${JSON.stringify(origin)}: expected scheme://host[:port] with nothing after it`, [issue('bad-origin', ['--origin'], origin, 'an origin such as https://edc.example.org')]);
      }
    }
    const envKey = process.env.TRIALKIT_SIGNING_KEY;
    const keyFile = resolve(parsed.values['signing-key'] ?? (envKey !== undefined && envKey !== '' ? envKey : postgres ? 'trialkit-signing-key.pem' : `${dataDir}.signing-key.pem`));
    const key = await loadOrCreateSigningKey(keyFile);
    const store = await openStore(postgres ? { databaseUrl } : { dataDir });
    try {
      io.out(postgres ? 'store: PostgreSQL (DATABASE_URL)\n' : `store: embedded database in ${dataDir}\n`);
      const protocol = await chooseProtocol(store, parsed.values.protocol, parsed.values.demo === true);
      io.out(`protocol: ${protocol.definition.identity.registryId} (${protocol.definition.id} ${protocol.definition.version})\n`);
      const sealer = await startAuditSealer(store, key.signer, {
        witnessFile: `${keyFile}.checkpoint.json`,
        onError: (error) => io.err(`audit sealer: ${error instanceof Error ? error.message : String(error)} (retrying)\n`),
      });
      io.out(
        `audit checkpoints: signed with key ${key.signer.keyId} (${key.created ? 'new key ' : ''}${keyFile}; public key ${key.publicKeyFile}); ` +
          `latest checkpoint also in ${keyFile}.checkpoint.json\n`,
      );
      try {
        if (parsed.values.demo === true) {
          // the protocol's SYNTHETIC demo trial (its DemoDefinition): the plan (cached), rendered into forms and screening records
          const demo = protocol.demo;
          if (demo === undefined) {
            throw new InputError(`trialkit serve --demo: the protocol ${protocol.definition.id} has no demo trial`, [
              issue('no-demo', ['--protocol'], protocol.definition.id, `a protocol with a demo: ${listProtocols().filter((m) => m.demo !== undefined).map((m) => m.definition.id).join(', ')}`),
            ]);
          }
          const rendered = loadCachedDemoTrial(demo, { protocolId: protocol.definition.id });
          const accounts = await seedDemoAccounts(store, { sites: rendered.trial.sites });
          io.out(`demo accounts (password '${DEMO_PASSWORD}'):\n`);
          io.out(`${renderTable([['user id', 'role', 'site'], ...accounts.map((a) => [a.userId, a.role, a.siteId ?? '-'])])}\n`);
          const loaded = await loadDemoTrial(store, protocol, rendered.trial, { screening: rendered.screening, reopenAfterSnapshot: true });
          sealer.poke();
          io.out(
            `SYNTHETIC demo trial: ${loaded.subjectsLoaded} subjects loaded (${loaded.recordsSaved} CRF records, ${loaded.queriesRaised} edit-check queries), ` +
              `${loaded.subjectsSkipped} already there; snapshot ${loaded.snapshotName} ${loaded.snapshotCreated ? 'taken under the data lock' : 'already there'}; ` +
              `trial ${loaded.trialLocked ? 'locked (a data manager can unlock it with a reason)' : 'open for entry (the analyses read the snapshot)'} (${(loaded.milliseconds / 1000).toFixed(1)} s)\n`,
          );
        }
        const stopped = untilStopped();
        const server = await startServer({
          store,
          protocol,
          port,
          sealer,
          ...(origins.length === 0 ? {} : { trustedOrigins: origins }),
          ...(parsed.values.host === undefined ? {} : { hostname: parsed.values.host }),
          log: (line) => io.out(`${line}\n`),
        });
        io.out(`trialkit EDC: open ${server.url}/ in a browser (API ${server.url}/api/v1, OpenAPI ${server.url}/api/v1/openapi.json)\n`);
        const signal = await stopped;
        io.out(`${signal}: shutting down\n`);
        await server.close();
      } finally {
        await sealer.stop();
      }
      return 0;
    } finally {
      await store.close();
    }
  },
};
