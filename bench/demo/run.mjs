#!/usr/bin/env node
// Times createDemoTrial (the SYNTHETIC twin rendered into raw CRFs): the calibrated default trial (cohort
// plan + rendering, and rendering alone from a prebuilt plan) and an uncalibrated trial of 10,000
// enrolled subjects. Prints the median wall time of each over RUNS runs in one warm process.
// Needs a built dist/ (npx tsc -p tsconfig.json); another build folder can be given as DIST.
// Usage: node bench/demo/run.mjs [RUNS=5] [SIZE=10000]
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const runs = Number(process.argv[2] ?? 5);
const size = Number(process.argv[3] ?? 10_000);
const dist = resolve(process.env.DIST ?? 'dist');
const { createCohortPlan, createDemoTrial, verifyDemoTrial } = await import(pathToFileURL(`${dist}/demo/index.js`).href);

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
  console.log(`${label.padEnd(52)} median ${median.toFixed(0).padStart(6)} ms  (min ${ms[0].toFixed(0)}, max ${ms.at(-1).toFixed(0)}, runs ${times})`);
  return result;
}

const rows = (demo) => demo.trial.subjects.reduce((n, s) => n + s.labs.length + s.diseaseAssessments.length + s.dosing.length + s.adverseEvents.length, 0);
const plan = time('createCohortPlan() (calibrated, 85 enrolled)', () => createCohortPlan(), runs);
time('createDemoTrial({ plan }) rendering only', () => createDemoTrial({ plan }), runs);
const demo = time('createDemoTrial() default (plan + rendering)', () => createDemoTrial(), runs);
console.log(`  ${demo.trial.subjects.length} screened, ${rows(demo)} lab/assessment/dosing/AE rows`);
time('verifyDemoTrial(default)', () => verifyDemoTrial(demo), runs);
const big = time(`createDemoTrial({ seed: 1, size: ${size} }) uncalibrated`, () => createDemoTrial({ seed: 1, size }), Math.max(1, Math.min(runs, 3)));
console.log(`  ${big.trial.subjects.length} screened, ${rows(big)} lab/assessment/dosing/AE rows`);
