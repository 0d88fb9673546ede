import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { buildStandardTestTrial } from '../report/model/buildReportTestTrial.js';
import { InputError } from '../result/index.js';
import { loadTrialSource } from './trialSource.js';

const root = mkdtempSync(join(tmpdir(), 'trialkit-source-'));
after(() => rmSync(root, { recursive: true, force: true }));
const { trial } = buildStandardTestTrial();

function folder(name: string, files: Record<string, string>): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return dir;
}

describe('loadTrialSource', () => {
  it('reads trial.json and protocol.json from a folder', () => {
    const dir = folder('ok', { 'trial.json': JSON.stringify(trial), 'protocol.json': JSON.stringify({ armLabel: 'Arm X', p0: 0.2, synthetic: true }) });
    const source = loadTrialSource(dir);
    assert.equal(source.trial.subjects.length, trial.subjects.length);
    assert.equal(source.protocol.armLabel, 'Arm X');
    assert.equal(source.protocol.p0, 0.2);
    assert.equal(source.protocol.investigationalDrugLabel, 'Pomalidomide');
    assert.equal(source.synthetic, true);
  });

  it('reads a TrialData file and takes the synthetic flag from it', () => {
    const dir = folder('file', { 'data.json': JSON.stringify({ ...trial, synthetic: false }) });
    const source = loadTrialSource(join(dir, 'data.json'));
    assert.equal(source.synthetic, false);
    assert.equal(source.protocol.p0, 0.12);
  });

  it('names the file and the problem for bad input', () => {
    assert.throws(() => loadTrialSource(join(root, 'nothing')), (e: unknown) => e instanceof InputError && /no such file or folder/.test(e.message));
    assert.throws(() => loadTrialSource(folder('empty', {})), (e: unknown) => e instanceof InputError && /has no trial.json/.test(e.message));
    assert.throws(() => loadTrialSource(folder('badjson', { 'trial.json': '{' })), (e: unknown) => e instanceof InputError && /trial.json is not valid JSON/.test(e.message));
    const invalid = folder('invalid', { 'trial.json': JSON.stringify({ ...trial, dataCutoffDate: 'yesterday' }) });
    assert.throws(() => loadTrialSource(invalid), (e: unknown) => e instanceof InputError && /not valid trial data/.test(e.message) && e.issues.some((i) => i.path.includes('dataCutoffDate')));
    const badP0 = folder('badp0', { 'trial.json': JSON.stringify(trial), 'protocol.json': JSON.stringify({ p0: 2 }) });
    assert.throws(() => loadTrialSource(badP0), (e: unknown) => e instanceof InputError && /p0 must be a number between 0 and 1/.test(e.message));
  });
});
