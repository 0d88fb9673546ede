// npm's `prepare` script: builds dist/ unless it is already built from the sources as they are.
//
// npm runs `prepare` after `npm ci`, and again the first time `npx trialkit` runs in a clone: npm 11 installs
// a project's own bin into npx's cache to link it, and that install runs the project's prepare script. The
// full build there made the quick start's first report about 20 s slower than the next (a fresh clone: 27 s
// against 6 s). dist/ counts as built when each build step's last output (tsc's, the distributions and
// chart-engine bundle's, the CLI bundle's) is newer than every file the build reads; `npm run build`
// always rebuilds.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const INPUTS = ['src', 'scripts', 'tsconfig.json', 'package.json', 'package-lock.json'];
const OUTPUTS = ['dist/cli/main.js', 'dist/publish/chartEngine.bundle.cache', 'dist/bundle/main.js'];

/** The newest modification time in a file or folder (a folder's own time counts: a file deleted from it changes it). */
function newest(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (stat === undefined) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

const sourcesChanged = Math.max(...INPUTS.map(newest));
const built = OUTPUTS.map((file) => statSync(file, { throwIfNoEntry: false })?.mtimeMs);
if (built.every((time) => time !== undefined && time >= sourcesChanged)) {
  console.log('trialkit: dist/ is built from the current sources (npm run build rebuilds it)');
} else {
  // npm sets npm_execpath for its scripts; `npm` itself when run otherwise.
  const npm = process.env.npm_execpath;
  const build = npm === undefined ? spawnSync('npm', ['run', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' }) : spawnSync(process.execPath, [npm, 'run', 'build'], { stdio: 'inherit' });
  process.exitCode = build.status ?? 1;
}
