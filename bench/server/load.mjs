// Load client: C concurrent clients on loopback, each signed in with its own session, each writing
// lab CRF records for its own subject through POST /subjects/:id/records for T seconds (and at most
// MAX_WRITES in all). Prints one JSON line: writes, errors, writes/s, latency p50/p99/max in ms.
// Usage: node bench/server/load.mjs <url> <subjectId,...> <seconds>
const [url, subjectsText, secondsText] = process.argv.slice(2);
const subjects = (subjectsText ?? '').split(',').filter((s) => s !== '');
const seconds = Number(secondsText);
const MAX_WRITES = 1_000_000;
if (!/^http:\/\/(127\.0\.0\.1|\[::1\]|localhost):\d+$/.test(url ?? '') || subjects.length === 0 || !(seconds > 0 && seconds <= 600)) {
  console.error('usage: node bench/server/load.mjs <http://127.0.0.1:port> <subjectId,...> <seconds 1-600>');
  process.exit(2);
}

async function signIn() {
  const reply = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId: 'demo-investigator', password: 'trialkit-demo-password' }),
  });
  if (reply.status !== 200) throw new Error(`login: ${reply.status}`);
  return (reply.headers.get('set-cookie') ?? '').split(';')[0];
}

const cookies = [];
for (let i = 0; i < subjects.length; i++) cookies.push(await signIn());

const latencies = [];
let errors = 0;
let total = 0;
const started = performance.now();
// the load client's own CPU per request: on a shared machine it competes with the server for the cores
const cpuBefore = process.cpuUsage();
const deadline = started + seconds * 1000;

async function client(index) {
  const subjectId = subjects[index];
  const headers = { cookie: cookies[index], 'content-type': 'application/json' };
  for (let i = 0; performance.now() < deadline && total < MAX_WRITES; i++) {
    total += 1;
    const body = JSON.stringify({
      formType: 'lab',
      data: { date: '2025-02-03', visit: `C${1 + (i % 6)}D1`, analyte: 'neutrophils', value: 0.5 + (i % 50) / 10, unit: '10^9/L', lln: 1.8, uln: 7.5, source: 'central' },
    });
    const t0 = performance.now();
    const reply = await fetch(`${url}/api/v1/subjects/${subjectId}/records`, { method: 'POST', headers, body });
    await reply.arrayBuffer();
    if (reply.status === 201) latencies.push(performance.now() - t0);
    else errors += 1;
  }
}

await Promise.all(subjects.map((_, index) => client(index)));
const elapsed = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
latencies.sort((a, b) => a - b);
const pct = (p) => (latencies.length === 0 ? NaN : latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]);
const round = (x) => Math.round(x * 100) / 100;
console.log(
  JSON.stringify({
    clients: subjects.length,
    seconds: round(elapsed),
    writes: latencies.length,
    errors,
    writesPerSecond: round(latencies.length / elapsed),
    p50Ms: round(pct(50)),
    p99Ms: round(pct(99)),
    maxMs: round(latencies.at(-1) ?? NaN),
    clientCpuUsPerRequest: Math.round((cpu.user + cpu.system) / Math.max(1, latencies.length + errors)),
  }),
);
