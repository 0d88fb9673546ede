// Writes an uncalibrated SYNTHETIC trial of `size` enrolled patients (same generator as the demo trial) to
// <folder>/trial.json (it names its protocol and says it is synthetic), for `trialkit report --trial <folder>`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDemoTrial } from '../../dist/protocols/nct05236621/demo/index.js';

const [folder, sizeText = '10000', seedText = '1'] = process.argv.slice(2);
if (folder === undefined) throw new Error('usage: node bench/report/makeTrial.mjs <folder> [size] [seed]');
const demo = createDemoTrial({ size: Number(sizeText), seed: Number(seedText) });
mkdirSync(folder, { recursive: true });
writeFileSync(join(folder, 'trial.json'), JSON.stringify(demo.trial));
console.log(`${demo.trial.subjects.length} screened subjects written to ${folder}`);
