import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { buildTestTrial, TEST_PROTOCOL } from '../protocols/nct05236621/testing/reportTestTrial.js';
import { InputError } from '../result/index.js';
import { loadTrialSource, storedTrialSource } from './trialSource.js';

const root = mkdtempSync(join(tmpdir(), 'trialkit-source-'));
after(() => rmSync(root, { recursive: true, force: true }));
const trial = buildTestTrial();

function folder(name: string, files: Record<string, string>): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return dir;
}

describe('loadTrialSource', () => {
  it('reads trial.json from a folder under the registered protocol it names', () => {
    const source = loadTrialSource(folder('ok', { 'trial.json': JSON.stringify(trial) }));
    assert.equal(source.trial.subjects.length, trial.subjects.length);
    assert.equal(source.protocol, TEST_PROTOCOL);
    assert.equal(source.trial.synthetic, true);
  });

  it('reads a TrialData file and keeps its synthetic flag', () => {
    const dir = folder('file', { 'data.json': JSON.stringify({ ...trial, synthetic: false }) });
    const source = loadTrialSource(join(dir, 'data.json'));
    assert.equal(source.trial.synthetic, false);
    assert.equal(source.protocol.id, TEST_PROTOCOL.id);
    assert.equal(loadTrialSource(join(dir, 'data.json'), { protocolId: TEST_PROTOCOL.id }).protocol, TEST_PROTOCOL);
  });

  it('names the file and the problem for bad input', () => {
    const fails = (path: string, pattern: RegExp, options = {}) =>
      assert.throws(() => loadTrialSource(path, options), (e: unknown) => e instanceof InputError && pattern.test(e.message), String(pattern));
    fails(join(root, 'nothing'), /no such file or folder/);
    fails(folder('empty', {}), /has no trial.json/);
    fails(folder('badjson', { 'trial.json': '{' }), /trial.json is not valid JSON/);
    fails(folder('unknown', { 'trial.json': JSON.stringify({ ...trial, protocolId: 'NCT00000000' }) }), /unknown protocol 'NCT00000000' \(known: /);
    fails(folder('noid', { 'trial.json': JSON.stringify({ ...trial, protocolId: undefined }) }), /no protocolId/);
    fails(folder('protocoljson', { 'trial.json': JSON.stringify(trial), 'protocol.json': '{"p0": 0.2}' }), /protocol.json is not read/);
    fails(folder('ok2', { 'trial.json': JSON.stringify(trial) }), /unknown protocol 'other'/, { protocolId: 'other' });
    fails('demo', /the demo trial of which protocol\? \(--protocol\)/);
    const invalid = folder('invalid', { 'trial.json': JSON.stringify({ ...trial, dataCutoffDate: 'yesterday' }) });
    assert.throws(() => loadTrialSource(invalid), (e: unknown) => e instanceof InputError && /not valid trial data/.test(e.message) && e.issues.some((i) => i.path.includes('dataCutoffDate')));
  });

  it('reads a stored trial under its protocol', () => {
    assert.equal(storedTrialSource(trial, 'snapshot x').protocol, TEST_PROTOCOL);
    assert.throws(() => storedTrialSource({ ...trial, protocolId: 'nope' }, 'snapshot y'), InputError);
  });
});
