// Experiment for issue 18 (group commit): what several writes in one PostgreSQL transaction, each in its own
// SAVEPOINT with its own who/why, would save against one transaction per write, measured on the EDC's real
// schema and triggers (audit_queue) with the SQL of the hot path of POST /subjects/:id/records (the subject
// under a share lock, the latest screening record for the consent date, the INSERT), without the HTTP server.
// Node's CPU per write (process.cpuUsage) and the PostgreSQL backends' CPU per write (/proc/<pid>/stat, so
// Linux and a local server only) are printed with the rate and latencies.
//   single: one transaction per write, as the server does now (BEGIN with set_config, the two reads in one
//           round trip, INSERT and COMMIT together; the connection free once COMMIT is written)
//   serial: the writes waiting when a connection is free, in one transaction; each write: SAVEPOINT, its
//           set_config, its reads (one round trip), then INSERT and RELEASE sent with the next write's reads;
//           one COMMIT for all (a write is answered after it)
//   phased: as serial, but every write's reads in one round trip first, then every INSERT, each in its own
//           SAVEPOINT with its own set_config, and the COMMIT in a second (the reads see the state at the start
//           of the batch, as concurrent transactions do now)
//   flat:   as phased, without savepoints
//   batched: as flat, but the batch's reads as one statement of each kind and the INSERTs of each user as one
//           statement (the batch forms of the store's QueryOptions.batch, which the server's group commit sends)
// USERS=<n>: the writes name n users in turn (default: every seeded user; the server's load benchmark has one).
// Usage: node bench/server/groupCommit.mjs <single|serial|phased|flat|batched> [clients=32] [seconds=10] [connections=4] [buildDir=dist]
// After the run the audit rows are checked: one per write, each carrying the user of its own write.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';

const [mode = 'single', clientsText = '32', secondsText = '10', connectionsText = '4', buildDir = 'dist'] = process.argv.slice(2);
const clients = Number(clientsText);
const seconds = Number(secondsText);
const connectionCount = Number(connectionsText);
if (!['single', 'serial', 'phased', 'flat', 'batched'].includes(mode)) throw new Error('mode: single, serial, phased, flat or batched');
const build = pathToFileURL(resolve(buildDir)).href;
const { openPostgresStore, insertSubject, withAuditContext } = await import(`${build}/store/index.js`);
const { seedDemoAccounts } = await import(`${build}/server/index.js`);

const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `bench_group_${process.pid}`;
const store = await openPostgresStore({ url, schema });
await seedDemoAccounts(store, { sites: [{ siteId: 'S01', name: 'Benchmark site' }] });
const subjects = [];
for (let i = 0; i < clients; i++) subjects.push((await withAuditContext(store, { user: 'demo-investigator' }, (tx) => insertSubject(tx, { siteId: 'S01' }))).subjectId);
// every write names its own user, so a who/why carried over from another write of the batch would show
const users = (await store.query("SELECT user_id FROM users ORDER BY user_id")).rows.map((row) => row.user_id).slice(0, Number(process.env.USERS ?? 1000));

const subjectSql = 'SELECT subject_id, site_id, screening_number, status, version, created_at FROM subjects WHERE subject_id = $1 AND ($2::text IS NULL OR site_id = $2) FOR SHARE';
const screeningSql = "SELECT record_id, data FROM crf_records WHERE subject_id = $1 AND form_type = 'screening' AND NOT deleted ORDER BY record_id DESC LIMIT 1";
const insertSql = 'INSERT INTO crf_records (subject_id, form_type, visit, data) VALUES ($1, $2, $3, $4::jsonb) RETURNING record_id, subject_id, form_type, visit, data, version, deleted, created_at, created_by, updated_at, updated_by';
const settingsSql = "SELECT set_config('trialkit.user', $1, true), set_config('trialkit.reason', $2, true)";
// the batch forms of the same statements (src/store/subjects.ts, subjectRecords.ts, crfRecords.ts)
const subjectBatch = `SELECT b.batch_index::int AS batch_index, s.* FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS b(subject_id, site_id, batch_index)
  CROSS JOIN LATERAL (SELECT subject_id, site_id, screening_number, status, version, created_at FROM subjects WHERE subject_id = b.subject_id AND (b.site_id IS NULL OR site_id = b.site_id) FOR SHARE) s`;
const screeningBatch = `SELECT b.batch_index::int AS batch_index, r.* FROM unnest($1::text[]) WITH ORDINALITY AS b(subject_id, batch_index)
  CROSS JOIN LATERAL (SELECT record_id, data FROM crf_records WHERE subject_id = b.subject_id AND form_type = 'screening' AND NOT deleted ORDER BY record_id DESC LIMIT 1) r`;
const insertBatch = `WITH input AS (
    SELECT nextval(pg_get_serial_sequence('crf_records', 'record_id')) AS record_id, b.*
    FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[]) WITH ORDINALITY AS b(subject_id, form_type, visit, data, batch_index)),
  written AS (
    INSERT INTO crf_records (record_id, subject_id, form_type, visit, data) SELECT record_id, subject_id, form_type, visit, data FROM input ORDER BY batch_index
    RETURNING record_id, subject_id, form_type, visit, data, version, deleted, created_at, created_by, updated_at, updated_by)
  SELECT input.batch_index::int AS batch_index, written.* FROM written JOIN input USING (record_id)`;

const connections = [];
for (let i = 0; i < connectionCount; i++) {
  const client = new pg.Client({ connectionString: url, pipeline: true, options: `-c search_path=${schema}` });
  await client.connect();
  connections.push(client);
}
const backendPids = [];
for (const client of connections) backendPids.push((await client.query('SELECT pg_backend_pid() AS pid')).rows[0].pid);
const backendTicks = () => backendPids.reduce((sum, pid) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return sum + Number(fields[11]) + Number(fields[12]);
}, 0);

const named = (name, text, values) => ({ name, text, values });
const cork = (client) => {
  const stream = client.connection.stream;
  if (stream.writableCorked > 0) return;
  stream.cork();
  process.nextTick(() => stream.uncork());
};

// a free connection, or a promise of the next one freed
const free = [...connections];
const waiting = [];
const acquire = () => (free.length > 0 ? Promise.resolve(free.pop()) : new Promise((resolveAcquire) => waiting.push(resolveAcquire)));
const release = (client) => (waiting.length > 0 ? waiting.shift()(client) : free.push(client));

function writeOf(n) {
  const subjectId = subjects[n % subjects.length];
  const data = { date: '2025-02-03', visit: `C${1 + (n % 6)}D1`, analyte: 'neutrophils', value: 0.5 + (n % 50) / 10, unit: '10^9/L', lln: 1.8, uln: 7.5, source: 'central' };
  const refused = refuseEvery > 0 && n % refuseEvery === refuseEvery - 1;
  return { subjectId, user: users[n % users.length], refused, params: [refused ? 'NO-SUCH-SUBJECT' : subjectId, 'lab', data.visit, JSON.stringify(data)] };
}

// held: a connection the caller holds (a batch's writes run again alone on it)
async function single(write, held) {
  const client = held ?? (await acquire());
  cork(client);
  const begin = client.query(`BEGIN; SELECT set_config('trialkit.user', ${client.escapeLiteral(write.user)}, true), set_config('trialkit.reason', '', true)`);
  const [, subject] = await Promise.all([begin, client.query(named('s1', subjectSql, [write.subjectId, null])), client.query(named('s2', screeningSql, [write.subjectId]))]);
  if (subject.rows.length === 0) throw new Error('no subject');
  cork(client);
  const insert = client.query(named('s3', insertSql, write.params));
  const commit = client.query('COMMIT');
  if (held === undefined) release(client);
  await Promise.all([insert, commit]);
}

// group commit: writes wait in a queue; a free connection takes all that wait
const queue = [];
let draining = 0;
let batches = 0;
let refusals = 0;
// REFUSE_EVERY=k: every k-th write names a subject that does not exist in its INSERT (a foreign key refusal)
const refuseEvery = Number(process.env.REFUSE_EVERY ?? 0);
function enqueue(write) {
  return new Promise((resolveWrite, rejectWrite) => {
    queue.push({ write, resolveWrite, rejectWrite });
    if (draining < connectionCount) void drain();
  });
}
async function drain() {
  draining++;
  try {
    while (queue.length > 0) {
      const client = await acquire();
      const batch = queue.splice(0, queue.length);
      batches++;
      if (batch.length === 0) {
        release(client);
        break;
      }
      try {
        const done = mode === 'serial' ? (await runSerial(client, batch), batch) : mode === 'batched' ? await runBatched(client, batch) : await runPhased(client, batch);
        for (const item of done) item.resolveWrite();
      } catch (error) {
        for (const item of batch) item.rejectWrite(error);
      } finally {
        release(client);
      }
    }
  } finally {
    draining--;
  }
}

async function runSerial(client, batch) {
  cork(client);
  const pending = [client.query('BEGIN')];
  for (const [i, { write }] of batch.entries()) {
    cork(client);
    const reads = Promise.all([
      client.query(`SAVEPOINT w${i}`),
      client.query(named('s4', settingsSql, [write.user, ''])),
      client.query(named('s1', subjectSql, [write.subjectId, null])),
      client.query(named('s2', screeningSql, [write.subjectId])),
    ]);
    const [, , subject] = await reads;
    if (subject.rows.length === 0) throw new Error('no subject');
    cork(client);
    pending.push(client.query(named('s3', insertSql, write.params)), client.query(`RELEASE SAVEPOINT w${i}`));
  }
  cork(client);
  pending.push(client.query('COMMIT'));
  await Promise.all(pending);
}

// Every read first (one round trip), then every INSERT with its own set_config (in its own SAVEPOINT unless
// mode flat) and the COMMIT (a second round trip). A write the database refuses aborts the transaction, so
// the pipelined COMMIT ends it as a ROLLBACK: nothing of the batch is committed, the refused write is
// answered with its error and the others run again in a new transaction (reads included).
async function runPhased(client, batch) {
  let members = batch;
  for (;;) {
    cork(client);
    const begin = client.query('BEGIN');
    const reads = members.map(({ write }) => Promise.all([client.query(named('s1', subjectSql, [write.subjectId, null])), client.query(named('s2', screeningSql, [write.subjectId]))]));
    await begin;
    const answers = await Promise.all(reads);
    cork(client);
    const inserts = [];
    const other = [];
    for (const [i, { write }] of members.entries()) {
      if (answers[i][0].rows.length === 0) throw new Error('no subject');
      if (mode !== 'flat') other.push(client.query(`SAVEPOINT w${i}`));
      other.push(client.query(named('s4', settingsSql, [write.user, ''])));
      inserts.push(client.query(named('s3', insertSql, write.params)));
      if (mode !== 'flat') other.push(client.query(`RELEASE SAVEPOINT w${i}`));
    }
    const commit = client.query('COMMIT');
    const outcomes = await Promise.allSettled([...inserts, ...other, commit]);
    const refused = outcomes.slice(0, members.length).findIndex((outcome) => outcome.status === 'rejected' && outcome.reason.code !== '25P02');
    if (refused === -1 && outcomes.every((outcome) => outcome.status === 'fulfilled')) return members;
    if (refused === -1) throw new Error('batch failed without a refused write');
    refusals++;
    members[refused].rejectWrite(outcomes[refused].reason);
    members = members.filter((_, i) => i !== refused);
    if (members.length === 0) return members;
  }
}

// Two round trips per batch, as the server's group commit with batch forms: BEGIN and the reads of all (one
// statement per kind), then per user its set_config and one INSERT of its writes, and the COMMIT. A refusal
// (here only a missing subject) makes the COMMIT a ROLLBACK, and every write of the batch runs again alone.
async function runBatched(client, batch) {
  cork(client);
  const begin = client.query('BEGIN');
  const ids = batch.map(({ write }) => write.subjectId);
  const reads = Promise.all([client.query(named('b1', subjectBatch, [ids, ids.map(() => null)])), client.query(named('b2', screeningBatch, [ids]))]);
  await begin;
  const [subjectRows] = await reads;
  if (new Set(subjectRows.rows.map((row) => row.batch_index)).size !== batch.length) throw new Error('no subject');
  cork(client);
  const byUser = new Map();
  for (const item of batch) byUser.set(item.write.user, [...(byUser.get(item.write.user) ?? []), item]);
  const statements = [];
  for (const [user, items] of byUser) {
    statements.push(client.query(named('s4', settingsSql, [user, ''])));
    statements.push(client.query(named('b3', insertBatch, [0, 1, 2, 3].map((k) => items.map(({ write }) => write.params[k])))));
  }
  statements.push(client.query('COMMIT'));
  const outcomes = await Promise.allSettled(statements);
  if (outcomes.every((outcome) => outcome.status === 'fulfilled') && outcomes.at(-1).value.command === 'COMMIT') return batch;
  // as the server: every write again, alone, answers with its own outcome
  refusals++;
  const done = [];
  for (const item of batch) {
    try {
      await single(item.write, client);
      done.push(item);
    } catch (error) {
      item.rejectWrite(error);
    }
  }
  return done;
}

const latencies = [];
let refusedWrites = 0;
let n = 0;

const deadline = performance.now() + seconds * 1000;
const cpuBefore = process.cpuUsage();
const ticksBefore = backendTicks();
const started = performance.now();
await Promise.all(subjects.map(async () => {
  while (performance.now() < deadline) {
    const write = writeOf(n++);
    const t0 = performance.now();
    try {
      await (mode === 'single' ? single(write) : enqueue(write));
    } catch (error) {
      if (!write.refused || error.code !== '23503') throw error;
      refusedWrites++;
      continue;
    }
    if (write.refused) throw new Error('a write that should be refused was committed');
    latencies.push(performance.now() - t0);
  }
}));
const elapsed = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
const ticks = backendTicks() - ticksBefore;

latencies.sort((a, b) => a - b);
const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))].toFixed(1);

// the audit rows: one per write, and each with the user its write named
const written = n;
const acknowledged = (await store.query('SELECT count(*)::int AS n FROM crf_records')).rows[0].n;
const check = (await store.query(
  `SELECT (SELECT count(*)::int FROM audit_queue WHERE table_name = 'crf_records') AS rows, count(*) FILTER (WHERE q.changed_by <> r.created_by)::int AS wrong
     FROM audit_queue q JOIN crf_records r ON q.table_name = 'crf_records' AND q.record_id = r.record_id::text`,
)).rows[0];
const expectedUsers = (await store.query(`SELECT created_by, count(*)::int AS n FROM crf_records GROUP BY 1 ORDER BY 1`)).rows;
const perUser = new Map(users.map((user) => [user, 0]));
for (let i = 0; i < written; i++) if (!writeOf(i).refused) perUser.set(writeOf(i).user, perUser.get(writeOf(i).user) + 1);
const usersRight = expectedUsers.every((row) => perUser.get(row.created_by) === row.n) && expectedUsers.length === users.length;
const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
console.log(JSON.stringify({
  mode, clients, connections: connectionCount, writes: latencies.length, writesPerTransaction: mode === 'single' ? 1 : Number((latencies.length / batches).toFixed(1)), writesPerSecond: Math.round(latencies.length / elapsed),
  p50Ms: Number(at(0.5)), p99Ms: Number(at(0.99)),
  nodeUsPerWrite: Math.round((cpu.user + cpu.system) / latencies.length),
  postgresUsPerWrite: Math.round((ticks * 10_000) / latencies.length),
  refused: refusedWrites, batchReruns: refusals, rowsCommitted: acknowledged, auditRows: check.rows, auditUserMismatches: check.wrong, usersAsWritten: usersRight, load,
}));
for (const client of connections) await client.end();
await store.query(`DROP SCHEMA ${schema} CASCADE`);
await store.close();
