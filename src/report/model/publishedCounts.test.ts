import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { repoPath } from '../../testing/index.js';
import { formatValue } from '../format/index.js';
import { buildStandardTestTrial, TEST_PROTOCOL } from '../../protocols/nct05236621/testing/reportTestTrial.js';
import type { TestSubjectSpec } from '../../protocols/nct05236621/testing/reportTestTrial.js';
import { createResponseRateTable } from './createResponseRateTable.js';
import { createSubgroupResponseTable } from './createSubgroupResponseTable.js';
import { cellAt, valueAt } from './testSupport.js';

// A trial built with the paper's response counts (85 subjects: ISS I 18 PR / 8 SD / 4 PD, ISS II 9 / 5 /
// 9, ISS III 6 / 11 / 15, so ORR 33/85 and DCR 57/85) must print the paper's numbers, read from the
// project copy of the published results.

interface PublishedResult {
  readonly id: string;
  readonly value: number | null;
  readonly ciLower?: number | null;
  readonly ciUpper?: number | null;
}

const published = new Map(
  (JSON.parse(readFileSync(repoPath('src', 'protocols', 'nct05236621', 'publication', 'published-results.json'), 'utf8')) as { results: PublishedResult[] }).results.map((r) => [r.id, r]),
);

function expected(id: string): PublishedResult {
  const entry = published.get(id);
  assert.ok(entry !== undefined, `${id} is not in published-results.json`);
  return entry;
}

const PR = [30, 14, 12, 12, 12];
const SD = [30, 30, 30, 30, 30];
const PD = [30, 40, 45, 50];

function stage(iss: 'I' | 'II' | 'III', pr: number, sd: number, pd: number): TestSubjectSpec[] {
  return [...Array<number[]>(pr).fill(PR), ...Array<number[]>(sd).fill(SD), ...Array<number[]>(pd).fill(PD)].map((central) => ({ central, iss }));
}

describe('report models on a trial with the published counts', () => {
  const data = buildStandardTestTrial([...stage('I', 18, 8, 4), ...stage('II', 9, 5, 9), ...stage('III', 6, 11, 15)]);

  it('prints ORR and DCR with the exact CIs of the paper', () => {
    const table = createResponseRateTable(data, TEST_PROTOCOL);
    for (const [key, id] of [['orr:rate', 'efficacy.orr.overall'], ['dcr:rate', 'efficacy.dcr.overall']] as const) {
      const paper = expected(id);
      const text = formatValue(cellAt(table, key, 'irc').value);
      assert.equal(text, `${(paper.value ?? 0).toFixed(1)}% (95% CI, ${(paper.ciLower ?? 0).toFixed(2)}–${(paper.ciUpper ?? 0).toFixed(2)})`, id);
    }
  });

  it('prints the ISS subgroup rates and the Fisher P of I vs III as the paper', () => {
    const table = createSubgroupResponseTable(data, TEST_PROTOCOL);
    for (const level of ['I', 'III'] as const) {
      for (const [column, endpoint] of [['orr-ci', 'orr'], ['dcr-ci', 'dcr']] as const) {
        const paper = expected(`subgroup.iss.${level}.${endpoint}`);
        // The paper prints subgroup limits to one decimal; the model keeps full precision.
        const rate = valueAt(table, `iss:${level}`, column, 'proportion');
        assert.deepEqual([rate.estimate, rate.lower, rate.upper].map((x) => Number((100 * x).toFixed(1))), [paper.value, paper.ciLower, paper.ciUpper], `${level} ${endpoint}`);
      }
    }
    assert.equal(formatValue(cellAt(table, 'iss:I-vs-III', 'orr-ci').value), (expected('fisher.orr.iss_I_vs_III').value ?? 0).toFixed(4));
    assert.equal(formatValue(cellAt(table, 'iss:I-vs-III', 'dcr-ci').value), (expected('fisher.dcr.iss_I_vs_III').value ?? 0).toFixed(4));
  });
});
