#!/usr/bin/env node
// Times a protocol's SYNTHETIC demo trial through the generic demo contract (src/demo DemoDefinition, found in
// the protocol registry): the calibrated plan (createPlan()), its rendering into raw CRFs (renderTrial), both
// together, verify, and an uncalibrated trial of SIZE enrolled subjects (plan + rendering). Prints the median
// wall time of each over RUNS runs in one warm process, and the process CPU time at the end.
// Needs a built dist/ (npx tsc -p tsconfig.json); another build folder can be given as DIST.
// Usage: node bench/demo/run.mjs [RUNS=5] [SIZE=10000] [PROTOCOL=nct05236621]
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const runs = Number(process.argv[2] ?? 5);
const size = Number(process.argv[3] ?? 10_000);
const protocolId = process.argv[4] ?? 'nct05236621';
const dist = resolve(process.env.DIST ?? 'dist');
const { findProtocol } = await import(pathToFileURL(`${dist}/protocols/index.js`).href);
const demo = findProtocol(protocolId)?.demo;
if (demo === undefined) throw new Error(`protocol ${protocolId} has no demo trial`);

function time(label, fn, times) {
  const ms = [];
  let result;
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    result = fn();
    ms.push(performance.now() - start);
  }
  ms.sort((a, b) => a - b);
  const median = ms.length % 2 ? ms[(ms.length - 1) / 2] : (ms[ms.length / 2 - 1] + ms[ms.length / 2]) / 2;
  console.log(`${label.padEnd(56)} median ${median.toFixed(0).padStart(6)} ms  (min ${ms[0].toFixed(0)}, max ${ms.at(-1).toFixed(0)}, runs ${times})`);
  return result;
}

/** Raw rows of every repeated form: labs, dosing, AEs and each disease form. */
const rows = (rendered) =>
  rendered.trial.subjects.reduce(
    (n, s) => n + s.labs.length + s.dosing.length + s.adverseEvents.length + Object.values(s.diseaseForms).reduce((m, list) => m + list.length, 0),
    0,
  );
console.log(`${protocolId}: ${demo.description}`);
const plan = time(`createPlan() (calibrated, ${demo.calibratedSize} enrolled)`, () => demo.createPlan(), runs);
time('renderTrial(plan) rendering only', () => demo.renderTrial(plan), runs);
const twin = time('renderTrial(createPlan()) (plan + rendering)', () => demo.renderTrial(demo.createPlan()), runs);
console.log(`  ${twin.trial.subjects.length} screened, ${rows(twin)} lab/dosing/AE/disease-form rows`);
const mismatches = time('verify(default)', () => demo.verify(twin), runs);
if (mismatches.length > 0) throw new Error(`verify found ${mismatches.length} mismatches in the default demo trial`);
const big = time(`renderTrial(createPlan({ seed: 1, size: ${size} })) uncalibrated`, () => demo.renderTrial(demo.createPlan({ seed: 1, size })), Math.max(1, Math.min(runs, 3)));
console.log(`  ${big.trial.subjects.length} screened, ${rows(big)} lab/dosing/AE/disease-form rows`);
const cpu = process.cpuUsage();
console.log(`process CPU time: user ${(cpu.user / 1e6).toFixed(1)} s, system ${(cpu.system / 1e6).toFixed(1)} s`);
