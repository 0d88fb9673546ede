import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { after, describe, it } from 'node:test';
import { buildStandardTestTrial } from '../protocols/nct05236621/testing/reportTestTrial.js';
import { cliRecorder, repoPath } from '../testing/index.js';
import { main } from './main.js';

// The CLI bundle (scripts/bundle-cli.mjs, dist/bundle) that bin/trialkit.js runs: the same CLI as dist/cli,
// its worker threads found beside the chunks that start them.

const root = mkdtempSync(join(tmpdir(), 'trialkit-bundle-'));
after(() => rmSync(root, { recursive: true, force: true }));
const bundleDir = repoPath('dist', 'bundle');
const bundled = existsSync(join(bundleDir, 'main.js'));
const skip = bundled ? false : 'dist/bundle not built (scripts/bundle-cli.mjs)';

/** The first message a worker of the bundle answers `request` with. */
function askWorker(file: string, request: unknown): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(join(bundleDir, file));
    worker.once('message', (reply: unknown) => {
      resolve(reply);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`${file} exited (${code}) without answering`)));
    worker.postMessage(request);
  });
}

describe('bin/trialkit.js', () => {
  it('runs dist/bundle when it is not older than dist/cli/main.js, and dist/cli otherwise', () => {
    const fake = join(root, 'fake');
    for (const dir of ['bin', 'dist/bundle', 'dist/cli']) mkdirSync(join(fake, dir), { recursive: true });
    copyFileSync(repoPath('bin', 'trialkit.js'), join(fake, 'bin', 'trialkit.js'));
    const say = (what: string) => `export async function main() { process.stdout.write('${what}'); return 0; }\n`;
    writeFileSync(join(fake, 'dist/cli/main.js'), say('dist'));
    const run = () => execFileSync(process.execPath, [join(fake, 'bin', 'trialkit.js')], { encoding: 'utf8' });
    assert.equal(run(), 'dist');
    writeFileSync(join(fake, 'dist/bundle/main.js'), say('bundle'));
    utimesSync(join(fake, 'dist/cli/main.js'), 1000, 1000);
    utimesSync(join(fake, 'dist/bundle/main.js'), 2000, 2000);
    assert.equal(run(), 'bundle');
    // tsc ran again without the bundle step: the bundle is stale.
    utimesSync(join(fake, 'dist/cli/main.js'), 3000, 3000);
    assert.equal(run(), 'dist');
  });
});

describe('the CLI bundle', { skip }, () => {
  it('finds every file a chunk names relative to its own URL (the worker threads, the chart engine) in dist/bundle', () => {
    const named: string[] = [];
    for (const file of readdirSync(bundleDir).filter((f) => f.endsWith('.js'))) {
      const text = readFileSync(join(bundleDir, file), 'utf8');
      for (const match of text.matchAll(/new URL\(\s*["'](\.\/[^"']+)["']\s*,\s*import\.meta\.url\s*\)/g)) named.push(match[1]);
    }
    for (const file of ['./docxWorker.js', './figureSvgWorker.js', './demoPlanWorker.js', './chartEngine.bundle.cjs']) assert.ok(named.includes(file), `${file} among ${named.join(', ')}`);
    for (const path of named) assert.ok(existsSync(join(bundleDir, path)), path);
  });

  it('starts the DOCX and figure worker threads from the bundle: each answers a request', async () => {
    const docx = (await askWorker('docxWorker.js', { model: {}, options: {}, modifiedAtMs: 0 })) as { error?: string };
    assert.equal(typeof docx.error, 'string', 'a model without items is refused, with the reason');
    const figure = (await askWorker('figureSvgWorker.js', { figures: [{ id: 'f-none' }], links: false })) as { id?: string; error?: string };
    assert.equal(figure.id, 'f-none');
    assert.equal(typeof figure.error, 'string');
  });

  it('writes the same report as the CLI in dist/cli', async () => {
    const data = buildStandardTestTrial();
    const trialDir = join(root, 'trial');
    mkdirSync(trialDir);
    writeFileSync(join(trialDir, 'trial.json'), JSON.stringify({ ...data.trial, synthetic: true }));
    const bundleMain = ((await import(pathToFileURL(join(bundleDir, 'main.js')).href)) as { main: typeof main }).main;
    const outputs = [];
    for (const [name, run] of [['dist', main], ['bundle', bundleMain]] as const) {
      const rec = cliRecorder();
      const out = join(root, name);
      assert.equal(await run(['report', '--trial', trialDir, '--out', out, '--format', 'html,csv,svg'], rec.io), 0, rec.stderr());
      const files = readdirSync(out, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(out.length)).sort();
      outputs.push({ files, contents: files.map((f) => readFileSync(join(out, f), 'utf8')), stdout: rec.stdout().replace(out, 'OUT').replace(/\(\d+(\.\d+)? s\)/, '') });
    }
    assert.ok(outputs[0].files.length > 5);
    assert.deepEqual(outputs[1], outputs[0]);
  });
});
