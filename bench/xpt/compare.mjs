// Compares two SAS transport files byte for byte, except the header timestamps (the time each was written).
// Usage: node bench/xpt/compare.mjs a.xpt b.xpt   (exit 1 and the first differing offset when they differ)
import { readFileSync } from 'node:fs';

const [a, b] = process.argv.slice(2).map((f) => readFileSync(f));
const stamp = /\d\d[A-Z]{3}\d\d:\d\d:\d\d:\d\d/g;
const mask = (bytes) => {
  const head = Buffer.from(bytes.subarray(0, 640).toString('latin1').replace(stamp, '#'.repeat(16)), 'latin1');
  return Buffer.concat([head, bytes.subarray(640)]);
};
const [x, y] = [mask(a), mask(b)];
if (x.length !== y.length) {
  console.log(`differ: ${x.length} bytes vs ${y.length} bytes`);
  process.exit(1);
}
const at = x.findIndex((byte, i) => byte !== y[i]);
if (at >= 0) {
  console.log(`differ at byte ${at}`);
  process.exit(1);
}
console.log(`identical (${x.length} bytes, timestamps aside)`);
