import cluster from 'node:cluster';
import { resolve } from 'node:path';
import { DEFAULT_DEMO_PROTOCOL_ID, findProtocol, listProtocols, type ProtocolModule } from '../../protocols/index.js';
import { loadCachedDemoTrial } from '../../publish/index.js';
import { InputError, issue } from '../../result/index.js';
import { DEMO_PASSWORD, clusterSessionPeers, loadDemoTrial, relaySessionInvalidation, seedDemoAccounts, startServer } from '../../server/index.js';
import { getTrialProtocol, loadOrCreateSigningKey, openStore, startAuditSealer, type Store } from '../../store/index.js';
import { numberArg, parseCommandArgs } from '../args.js';
import type { CliIo, Command } from '../command.js';
import { renderTable } from '../render.js';

const usage = `Usage: trialkit serve [--protocol <id>] [--port <n>] [--host <address>] [--data <dir>] [--signing-key <file>] [--origin <url>]... [--workers <n>] [--demo]

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
  --workers <n>    serve from n processes (PostgreSQL only; default 1), e.g. one per core: they share the
                   port, each has its own connection pool and audit sealer (the chain lock orders the
                   sealers; the witness file is written by the first process), and a logout or a
                   deactivation is answered only once every process has forgotten the session
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
  workers: { type: 'string' },
  demo: { type: 'boolean' },
} as const;

const WORKER_STOP = 'trialkit:serve-stop';
const WORKER_READY = 'trialkit:serve-ready';

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
    const workers = numberArg('serve', '--workers', parsed.values.workers, 1, { min: 1, max: 64, integer: true });
    if (workers > 1 && !postgres) {
      throw new InputError('trialkit serve --workers: several processes need the PostgreSQL store (set DATABASE_URL); the embedded database belongs to one process', [
        issue('workers-embedded', ['--workers'], workers, '1 with the embedded store'),
      ]);
    }
    // a worker process of `serve --workers`: cluster.fork ran this command again with the same arguments
    if (cluster.isWorker) return serveWorker({ databaseUrl: databaseUrl ?? '', keyFile, port, host: parsed.values.host, origins, protocolId: parsed.values.protocol, io });
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
        if (workers > 1) {
          // the protocol is recorded now, so the workers find it (and the demo's data) in the database
          const url = await startWorkers(workers, protocol.definition.id);
          io.out(`trialkit EDC: ${workers} processes; open ${url}/ in a browser (API ${url}/api/v1, OpenAPI ${url}/api/v1/openapi.json)\n`);
          let stopping = false;
          // not replaced: the others keep serving on the shared port (its connections go to them)
          cluster.on('exit', (worker, code, signal) => {
            if (!stopping) io.err(`a server process (pid ${worker.process.pid ?? '?'}) ended (${signal ?? `exit ${code}`}); the others keep serving\n`);
          });
          const signal = await stopped;
          stopping = true;
          io.out(`${signal}: shutting down\n`);
          await stopWorkers();
          return 0;
        }
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

/** Forks the workers (each runs this command again) and resolves with the address they all listen on. */
async function startWorkers(count: number, protocolId: string): Promise<string> {
  relaySessionInvalidation(cluster);
  const ready: Promise<string>[] = [];
  for (let i = 0; i < count; i++) {
    const worker = cluster.fork({ TRIALKIT_SERVE_PROTOCOL: protocolId });
    ready.push(
      new Promise((done, fail) => {
        const onExit = (code: number): void => fail(new Error(`a server process exited with ${code} before listening`));
        worker.once('exit', onExit);
        worker.on('message', (message: { type?: string; url?: string }) => {
          if (message.type !== WORKER_READY || message.url === undefined) return;
          worker.off('exit', onExit);
          done(message.url);
        });
      }),
    );
  }
  try {
    return (await Promise.all(ready))[0];
  } catch (error) {
    await stopWorkers();
    throw error;
  }
}

function stopWorkers(): Promise<void> {
  return Promise.all(
    Object.values(cluster.workers ?? {}).map(
      (worker) =>
        new Promise<void>((done) => {
          if (worker === undefined || worker.isDead()) return done();
          worker.once('exit', () => done());
          worker.send({ type: WORKER_STOP });
        }),
    ),
  ).then(() => undefined);
}

/** One process of `serve --workers`: its own pool and sealer; stops when the primary says so or is gone. */
async function serveWorker(options: {
  readonly databaseUrl: string;
  readonly keyFile: string;
  readonly port: number;
  readonly host: string | undefined;
  readonly origins: readonly string[];
  readonly protocolId: string | undefined;
  readonly io: CliIo;
}): Promise<number> {
  const { io } = options;
  const key = await loadOrCreateSigningKey(options.keyFile);
  const store = await openStore({ databaseUrl: options.databaseUrl });
  try {
    const protocol = await chooseProtocol(store, options.protocolId ?? process.env.TRIALKIT_SERVE_PROTOCOL, false);
    // no witness file here: the primary's sealer writes it (one writer, never an older checkpoint after a newer)
    const sealer = await startAuditSealer(store, key.signer, { onError: (error) => io.err(`audit sealer: ${error instanceof Error ? error.message : String(error)} (retrying)\n`) });
    try {
      const stopped = new Promise<void>((done) => {
        process.on('message', (message: { type?: string }) => {
          if (message.type === WORKER_STOP) done();
        });
        // the primary is gone (killed): serve nothing more
        process.once('disconnect', () => done());
      });
      // Ctrl-C reaches every process of the group: the primary decides when to stop
      process.on('SIGINT', () => undefined);
      process.on('SIGTERM', () => undefined);
      const server = await startServer({
        store,
        protocol,
        port: options.port,
        sealer,
        sessionPeers: clusterSessionPeers(),
        ...(options.origins.length === 0 ? {} : { trustedOrigins: options.origins }),
        ...(options.host === undefined ? {} : { hostname: options.host }),
        log: (line) => io.out(`${line}\n`),
      });
      process.send?.({ type: WORKER_READY, url: server.url });
      await stopped;
      await server.close();
    } finally {
      await sealer.stop();
    }
    return 0;
  } finally {
    await store.close();
    // the IPC channel would keep this process alive
    if (process.connected) process.disconnect();
  }
}
