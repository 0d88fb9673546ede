// The EDC server for the load benchmark, on one engine, with one demo subject per load client.
// Usage: node bench/server/server.mjs <embedded|postgres> <clients> [buildDir=dist] [protocol=nct05236621]
// TRIALKIT_BENCH_WORKERS=<n> (PostgreSQL only): n server processes (node:cluster workers sharing the port,
// each with its own pool, audit sealer and session cache, invalidations relayed by the primary), as
// `trialkit serve --workers n` runs them; the CPU reported is the workers' and the primary's together.
// Prints "LISTENING <url> <subjectId,...>" once ready; on SIGTERM closes, verifies the audit trail the run wrote
// (chain, signed checkpoints, replay against the tables; one line on stderr) and removes its data
// (the temporary folder, or its own schema on the server).
import cluster from 'node:cluster';
import { generateKeyPairSync, createPrivateKey } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [engine, clientsText, buildDir = 'dist', protocolId = 'nct05236621'] = process.argv.slice(2);
const clients = Number(clientsText);
if (!['embedded', 'postgres'].includes(engine) || !(clients >= 1 && clients <= 256)) {
  console.error('usage: node bench/server/server.mjs <embedded|postgres> <clients 1-256> [buildDir]');
  process.exit(2);
}
const build = pathToFileURL(resolve(buildDir)).href;
const { createAuditSigner, openEmbeddedStore, openPostgresStore, startAuditSealer, verifyAuditTrail } = await import(`${build}/store/index.js`);
const { clusterSessionPeers, relaySessionInvalidation, seedDemoAccounts, startServer } = await import(`${build}/server/index.js`);
const { findProtocol } = await import(`${build}/protocols/index.js`);
const protocol = findProtocol(protocolId);
if (protocol === undefined) {
  console.error(`no protocol ${protocolId}`);
  process.exit(2);
}

const workers = Number(process.env.TRIALKIT_BENCH_WORKERS ?? '1');
if (!(Number.isInteger(workers) && workers >= 1 && workers <= 16) || (workers > 1 && engine !== 'postgres')) {
  console.error('TRIALKIT_BENCH_WORKERS: 1-16, more than 1 on postgres only');
  process.exit(2);
}
const baseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
// the pool's connections are named, so their backends' CPU can be read from /proc (a local server on Linux)
const applicationName = `trialkit_bench_${cluster.isWorker ? process.ppid : process.pid}`;
const url = `${baseUrl}${baseUrl.includes('?') ? '&' : '?'}application_name=${applicationName}`;
if (cluster.isWorker) await runWorker();
const schema = `bench_server_${process.pid}`;
const dataDir = engine === 'embedded' ? mkdtempSync(join(tmpdir(), 'trialkit-bench-')) : undefined;
const store = engine === 'embedded' ? await openEmbeddedStore({ dataDir }) : await openPostgresStore({ url, schema });
await seedDemoAccounts(store, { sites: [{ siteId: 'S01', name: 'Benchmark site' }] });
// the audit sealer runs as in trialkit serve: every write is chained and its checkpoint signed during the run
const signingKeyPem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' });
const signer = createAuditSigner(createPrivateKey(signingKeyPem));
const sealer = workers > 1 ? undefined : await startAuditSealer(store, signer);
const server = workers > 1 ? await startWorkers() : await startServer({ store, protocol, port: 0, hostname: '127.0.0.1', sealer });

// one subject per client, registered through the API like a site would
const login = await fetch(`${server.url}/api/v1/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ userId: 'demo-investigator', password: 'trialkit-demo-password' }),
});
const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
const subjects = [];
for (let i = 0; i < clients; i++) {
  const reply = await fetch(`${server.url}/api/v1/subjects`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: '{}' });
  subjects.push((await reply.json()).subjectId);
}
// the server's CPU per write (user + system, the sealer included), a figure that depends little on what
// else runs on the machine, unlike the wall rate
const countWrites = async () => (await store.query('SELECT count(*)::int AS n FROM crf_records')).rows[0].n;
const maxRecordId = async () => (await store.query('SELECT coalesce(max(record_id), 0)::bigint AS n FROM crf_records')).rows[0].n;
// where the counts start: at the server's start, and again on SIGUSR2 (below)
const takeBaseline = async () => ({ writes: await countWrites(), recordId: await maxRecordId(), cpu: serverCpuMicros(), backends: await backendCpuMicros() });
let before = await takeBaseline();
// TRIALKIT_BENCH_PROFILE=<file.cpuprofile>: a CPU profile of the load only (node --cpu-prof would mix in
// the start-up: module loading, compiling, seeding), written on SIGTERM; open it in Chrome's DevTools
const profileFile = process.env.TRIALKIT_BENCH_PROFILE;
let profiler = profileFile === undefined || profileFile === '' ? undefined : await startProfiler();
process.stdout.write(`LISTENING ${server.url} ${subjects.join(',')}\n`);
// SIGUSR2 (run.sh, after its warm-up load): the figures count from here, so they describe the warm server
// (compiled code, open pool connections) as it serves for hours, not its first second
process.on('SIGUSR2', async () => {
  before = await takeBaseline();
  if (profiler !== undefined) {
    await profiler.stop();
    profiler = await startProfiler();
  }
  process.stdout.write('MEASURING\n');
});

process.on('SIGTERM', async () => {
  const cpuMicros = serverCpuMicros() - before.cpu;
  const cpu = { user: cpuMicros, system: 0 };
  const backendsAfter = await backendCpuMicros();
  if (profiler !== undefined) writeFileSync(profileFile, JSON.stringify(await profiler.stop()));
  await server.close();
  await sealer?.stop();
  const writes = (await countWrites()) - before.writes;
  // the transactions that inserted the run's records (xmin): fewer than the writes under group commit
  const transactions = (await store.query('SELECT count(DISTINCT xmin::text)::int AS n FROM crf_records WHERE record_id > $1', [before.recordId])).rows[0].n;
  process.stderr.write(`${engine}${workers > 1 ? ` (${workers} workers)` : ''}: server CPU ${Math.round((cpu.user + cpu.system) / 1000)} ms for ${writes} writes: ${writes === 0 ? 'n/a' : Math.round((cpu.user + cpu.system) / writes)} us per write, ${transactions} transactions${backendsAfter === undefined || before.backends === undefined ? '' : `; PostgreSQL backends ${Math.round((backendsAfter.total - backendCpuSince(before.backends, backendsAfter)) / Math.max(writes, 1))} us per write`}\n`);
  // the benchmark's writes are all sealed, signed and consistent with the tables, or the run does not count
  const report = await verifyAuditTrail(store, { trustedKeys: [signer] });
  const checkpoints = (await store.query('SELECT count(*)::int AS n FROM audit_checkpoints')).rows[0].n;
  process.stderr.write(`${engine}: audit trail ${report.ok ? 'OK' : 'BROKEN'}: ${report.chain.rows} rows chained, ${report.queued.entries} queued, ${checkpoints} checkpoints, ${report.problems.length} problems\n`);
  if (engine === 'postgres') await store.query(`DROP SCHEMA ${schema} CASCADE`);
  await store.close();
  if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
});

async function startProfiler() {
  const session = new Session();
  session.connect();
  const post = (method, params) => new Promise((resolvePost, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolvePost(result))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 200 });
  await post('Profiler.start');
  return { stop: async () => (await post('Profiler.stop')).profile };
}

/** This process's CPU and its workers' (from /proc: clock ticks of 10 ms), in microseconds. */
function serverCpuMicros() {
  const own = process.cpuUsage();
  let total = own.user + own.system;
  for (const worker of Object.values(cluster.workers ?? {})) {
    const fields = readFileSync(`/proc/${worker.process.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    total += (Number(fields[11]) + Number(fields[12])) * 10_000;
  }
  return total;
}

/** CPU of this server's PostgreSQL backends (by application_name; /proc of a local server), per pid and in all. */
async function backendCpuMicros() {
  if (engine !== 'postgres') return undefined;
  try {
    const { rows } = await store.query('SELECT pid FROM pg_stat_activity WHERE application_name = $1', [applicationName]);
    const perPid = new Map();
    for (const { pid } of rows) {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      perPid.set(pid, (Number(fields[11]) + Number(fields[12])) * 10_000);
    }
    return { perPid, total: [...perPid.values()].reduce((sum, micros) => sum + micros, 0) };
  } catch {
    return undefined;
  }
}

/** The part of `after` spent before the run began: the start's CPU of the backends alive at both reads. */
function backendCpuSince(start, after) {
  let earlier = 0;
  for (const pid of after.perPid.keys()) earlier += start.perPid.get(pid) ?? 0;
  return earlier;
}

/** The workers, each listening on the same port (node:cluster shares the socket); resolves once all listen. */
async function startWorkers() {
  relaySessionInvalidation(cluster);
  const ports = [];
  for (let i = 0; i < workers; i++) {
    const worker = cluster.fork({ TRIALKIT_BENCH_SCHEMA: schema, TRIALKIT_BENCH_SIGNING_KEY: signingKeyPem });
    ports.push(new Promise((resolveReady, reject) => {
      worker.on('message', (message) => message?.type === 'bench:listening' && resolveReady(message.url));
      worker.once('exit', (code) => reject(new Error(`worker exited with ${code}`)));
    }));
  }
  const urls = await Promise.all(ports);
  return {
    url: urls[0],
    close: () => Promise.all(Object.values(cluster.workers ?? {}).map((worker) => new Promise((done) => {
      worker.once('exit', done);
      worker.send({ type: 'bench:stop' });
    }))),
  };
}

async function runWorker() {
  const store = await openPostgresStore({ url, schema: process.env.TRIALKIT_BENCH_SCHEMA });
  const sealer = await startAuditSealer(store, createAuditSigner(createPrivateKey(process.env.TRIALKIT_BENCH_SIGNING_KEY)));
  const sessionPeers = clusterSessionPeers();
  const server = await startServer({ store, protocol, port: 0, hostname: '127.0.0.1', sealer, sessionPeers });
  process.on('message', async (message) => {
    if (message?.type !== 'bench:stop') return;
    await server.close();
    await sealer.stop();
    await store.close();
    process.exit(0);
  });
  // the primary alone answers SIGTERM (it stops the workers)
  process.on('SIGTERM', () => undefined);
  process.send({ type: 'bench:listening', url: server.url });
  await new Promise(() => undefined);
}
