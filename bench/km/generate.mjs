// Writes the benchmark data set: N subjects (default 1,000,000), two arms, whole-day times 1..2000
// (so many ties), about 27% censored. Seeded (mulberry32), so every run writes the same file.
// Usage: node bench/km/generate.mjs <out.csv> [N] [seed]
import { createWriteStream } from 'node:fs';

const [out, nArg = '1000000', seedArg = '20240601'] = process.argv.slice(2);
if (out === undefined) {
  console.error('usage: node bench/km/generate.mjs <out.csv> [N] [seed]');
  process.exit(2);
}
const n = Number(nArg);
let state = Number(seedArg) >>> 0;
function random() {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

const stream = createWriteStream(out);
const chunk = [];
chunk.push('id,time,status,arm\n');
for (let i = 1; i <= n; i++) {
  const arm = random() < 0.5 ? 'A' : 'B';
  const scale = arm === 'A' ? 500 : 600;
  const eventDay = Math.max(1, Math.ceil(-Math.log(1 - random()) * scale));
  const censorDay = 1 + Math.floor(random() * 2000);
  const time = Math.min(eventDay, censorDay, 2000);
  const status = eventDay <= censorDay && eventDay <= 2000 ? 1 : 0;
  chunk.push(`${i},${time},${status},${arm}\n`);
  if (chunk.length >= 10000) {
    if (!stream.write(chunk.join(''))) await new Promise((resolve) => stream.once('drain', resolve));
    chunk.length = 0;
  }
}
stream.end(chunk.join(''));
await new Promise((resolve) => stream.on('finish', resolve));
