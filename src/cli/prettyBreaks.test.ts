import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { repoPath } from '../testing/index.js';
import { prettyBreaks } from './prettyBreaks.js';

const cases = JSON.parse(readFileSync(repoPath('src/cli/fixtures/pretty.json'), 'utf8')) as { max: number; breaks: string[] }[];

describe("prettyBreaks: R's pretty(c(0, max), 5) (fixtures/pretty.R)", () => {
  for (const c of cases) {
    it(`max ${c.max}`, () => assert.deepEqual(prettyBreaks(0, c.max, 5), c.breaks.map(Number)));
  }
});
