import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { repoPath } from '../testing/index.js';

// src/demo is the generic half of the demo trials: what a protocol knows (its drugs, disease, response
// criteria, registry id) lives in src/protocols/<id>/demo. Counted in code, comments and the README, outside tests.
const PROTOCOL_WORDS =
  /pomalidomide|dexamethasone|lenalidomide|thalidomide|bortezomib|carfilzomib|ixazomib|daratumumab|isatuximab|cabozantinib|imwg|m-protein|flc|free light chain|light[- ]chain|immunofixation|plasma cell|\br?-?iss\b|myeloma|plasmacytoma|\brrmm\b|nsclc|non-small-cell|nct\d{8}|recist|zhou/gi;
// Response categories, as written in the standards (case-sensitive: 'sd' is a standard deviation).
const RESPONSE_CATEGORIES = /\b(sCR|CR|VGPR|PR|MR|SD|PD|NE|ORR|DCR)\b/g;

describe('src/demo names no protocol', () => {
  it('has no drug, disease, response criterion, response category or registry id outside its tests', () => {
    const folder = repoPath('src', 'demo');
    const hits: string[] = [];
    for (const name of readdirSync(folder)) {
      if (!(name.endsWith('.ts') || name.endsWith('.md')) || name.endsWith('.test.ts')) continue;
      readFileSync(`${folder}/${name}`, 'utf8')
        .split('\n')
        .forEach((line, index) => {
          for (const match of [...line.matchAll(PROTOCOL_WORDS), ...line.matchAll(RESPONSE_CATEGORIES)]) hits.push(`${name}:${index + 1}: ${match[0]}`);
        });
    }
    assert.deepEqual(hits, []);
  });

  it('would see one (the patterns match what they are meant to)', () => {
    const sample = 'pomalidomide, IMWG, serum M-protein, dFLC, R-ISS II, myeloma, NCT05236621, a VGPR';
    assert.equal([...sample.matchAll(PROTOCOL_WORDS)].length + [...sample.matchAll(RESPONSE_CATEGORIES)].length, 8);
  });
});
