import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { repoPath, repoRoot } from './testing/index.js';

// The published results ship inside the project (a user's clone has no ../shared/); this keeps the copy
// identical to the team's reference wherever the reference is present (development and CI).
it('the project copy of published-results.json equals the shared reference', (t) => {
  const shared = join(repoRoot(), '..', 'shared', 'seed', 'published-results.json');
  if (!existsSync(shared)) {
    t.skip(`no team reference at ${shared} (a user's clone): nothing to compare`);
    return;
  }
  assert.equal(readFileSync(repoPath('src', 'protocols', 'nct05236621', 'publication', 'published-results.json'), 'utf8'), readFileSync(shared, 'utf8'));
});
