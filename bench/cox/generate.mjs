// Writes a seeded Cox benchmark data set: n subjects, x1 binary, x2 and x3 continuous, exponential
// event times with a proportional-hazards effect and uniform censoring.
//   node bench/cox/generate.mjs <out.csv> [n=100000] [seed=20241125]
import { writeFileSync } from 'node:fs';

const [file, nText = '100000', seedText = '20241125'] = process.argv.slice(2);
if (file === undefined) {
  console.error('usage: node bench/cox/generate.mjs <out.csv> [n] [seed]');
  process.exit(2);
}
const n = Number(nText);

// mulberry32: small, fast and reproducible across Node versions.
let state = Number(seedText) >>> 0;
function uniform() {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
function normal() {
  const u = 1 - uniform();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * uniform());
}

const lines = ['id,time,status,x1,x2,x3'];
for (let i = 1; i <= n; i++) {
  const x1 = uniform() < 0.4 ? 1 : 0;
  const x2 = 60 + 10 * normal();
  const x3 = normal();
  const hazard = 0.002 * Math.exp(0.5 * x1 + 0.02 * (x2 - 60) - 0.3 * x3);
  const event = -Math.log(1 - uniform()) / hazard;
  const censor = 1000 * uniform();
  // Times in whole hundredths of a day, as a data set would hold them: some ties, as in real data.
  const time = Math.max(0.01, Math.round(Math.min(event, censor) * 100) / 100);
  lines.push(`${i},${time},${event <= censor ? 1 : 0},${x1},${x2.toFixed(3)},${x3.toFixed(4)}`);
}
writeFileSync(file, lines.join('\n') + '\n');
