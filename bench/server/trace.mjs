// Where one API write's time goes: the SQL statements each POST /subjects/:id/records sends to the store,
// with the time each waited for its answer, measured by wrapping pg's Client.query in this process.
// The sealer's statements are left out, except its BEGIN and COMMIT, which cannot be told apart by text.
// Usage: node bench/server/trace.mjs [buildDir=dist] [writes=20]  (PostgreSQL at DATABASE_URL)
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [buildDir = 'dist', writesText = '20'] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const pg = require('pg');
let log = [];
const original = pg.Client.prototype.query;
pg.Client.prototype.query = function tracedQuery(config, ...rest) {
  const text = typeof config === 'string' ? config : config.text;
  const t0 = performance.now();
  // a statement issued while another is unanswered on the same connection shares its round trip (pipelining)
  this.tracePending = this.tracePending ?? 0;
  const entry = { text: text.replace(/\s+/g, ' ').slice(0, 110), ms: 0, sharesTrip: this.tracePending > 0 };
  log.push(entry);
  this.tracePending += 1;
  const result = original.call(this, config, ...rest);
  const done = () => { entry.ms = performance.now() - t0; this.tracePending -= 1; };
  if (result && typeof result.then === 'function') result.then(done, done);
  else this.tracePending -= 1;
  return result;
};

const build = pathToFileURL(resolve(buildDir)).href;
const { generateAuditSigner, openPostgresStore, startAuditSealer } = await import(`${build}/store/index.js`);
const { seedDemoAccounts, startServer } = await import(`${build}/server/index.js`);
const { findProtocol } = await import(`${build}/protocols/index.js`);
const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `bench_trace_${process.pid}`;
const store = await openPostgresStore({ url, schema });
await seedDemoAccounts(store, { sites: [{ siteId: 'S01', name: 'Benchmark site' }] });
const sealer = await startAuditSealer(store, generateAuditSigner());
const server = await startServer({ store, protocol: findProtocol('nct05236621'), port: 0, hostname: '127.0.0.1', sealer });
const login = await fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: 'demo-investigator', password: 'trialkit-demo-password' }) });
const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
const subjectId = (await (await fetch(`${server.url}/api/v1/subjects`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: '{}' })).json()).subjectId;
await sealer.sealNow();
const writes = Number(writesText);
const perRequest = [];
for (let i = 0; i < writes; i++) {
  log = [];
  const body = JSON.stringify({ formType: 'lab', data: { date: '2025-02-03', visit: `C${1 + (i % 6)}D1`, analyte: 'neutrophils', value: 0.5 + (i % 50) / 10, unit: '10^9/L', lln: 1.8, uln: 7.5, source: 'central' } });
  const t0 = performance.now();
  const reply = await fetch(`${server.url}/api/v1/subjects/${subjectId}/records`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body });
  await reply.arrayBuffer();
  const total = performance.now() - t0;
  if (reply.status !== 201) throw new Error(`status ${reply.status}`);
  perRequest.push({ total, statements: log.filter((e) => !/audit_queue|audit_checkpoints|pg_advisory|INSERT INTO audit_log|WITH head/.test(e.text)), sealer: log.filter((e) => /audit_queue|audit_checkpoints|pg_advisory|INSERT INTO audit_log|WITH head/.test(e.text)).length });
}
const last = perRequest.at(-1);
const trips = (r) => r.statements.filter((e) => !e.sharesTrip).length;
console.log(`statements of the last write (${last.statements.length} statements, ${trips(last)} round trips, ${last.total.toFixed(1)} ms end to end; + = same round trip as the line above):`);
for (const e of last.statements) console.log(`  ${e.sharesTrip ? '+' : ' '} ${e.ms.toFixed(2).padStart(6)} ms  ${e.text}`);
const avg = (f) => perRequest.reduce((s, r) => s + f(r), 0) / perRequest.length;
console.log(`mean over ${writes} sequential writes: ${avg((r) => r.statements.length).toFixed(1)} statements in ${avg(trips).toFixed(1)} round trips, ${avg((r) => r.statements.reduce((s, e) => s + e.ms, 0)).toFixed(2)} ms in SQL, ${avg((r) => r.total).toFixed(2)} ms end to end`);
await server.close();
await sealer.stop();
await store.query(`DROP SCHEMA ${schema} CASCADE`);
await store.close();
process.exit(0);
