import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository root, found by walking up from this file to package.json, so tests compiled to any
 * output folder (dist/ or a scratch folder) find fixtures committed under src/.
 */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'src'))) return dir;
    const parent = resolve(dir, '..');
    if (parent === dir) throw new Error('repository root (package.json beside src/) not found');
    dir = parent;
  }
}

/** A path inside the repository, e.g. `repoPath('src/stats/survival/fixtures/km.json')`. */
export function repoPath(...parts: string[]): string {
  return join(repoRoot(), ...parts);
}
