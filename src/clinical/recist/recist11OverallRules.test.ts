import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RECIST_NON_TARGET_RESPONSES, RECIST_TARGET_RESPONSES } from './recistCategories.js';
import { RECIST_11_OVERALL_RULES, RECIST_11_TABLE_1, RECIST_11_TABLE_2, findOverallRule } from './recist11OverallRules.js';
import type { RecistNewLesionFinding } from './recistRule.js';

const overall = (t: string, nt: string, n: RecistNewLesionFinding): string | undefined =>
  findOverallRule(RECIST_11_OVERALL_RULES, t as never, nt as never, n)?.overall;

describe('RECIST 1.1 Tables 1 and 2 as data', () => {
  it('has the paper\'s nine rows of Table 1 and five of Table 2', () => {
    assert.equal(RECIST_11_TABLE_1.length, 9);
    assert.equal(RECIST_11_TABLE_2.length, 5);
    assert.deepEqual(RECIST_11_TABLE_1.map((r) => r.overall), ['CR', 'PR', 'PR', 'PR', 'SD', 'NE', 'PD', 'PD', 'PD']);
    assert.deepEqual(RECIST_11_TABLE_2.map((r) => r.overall), ['CR', 'NON-CR/NON-PD', 'NE', 'PD', 'PD']);
  });

  it('gives every combination with some disease exactly one answer; overlapping rows agree', () => {
    for (const t of RECIST_TARGET_RESPONSES) {
      for (const nt of RECIST_NON_TARGET_RESPONSES) {
        for (const n of ['no', 'yes'] as const) {
          const matching = RECIST_11_OVERALL_RULES.filter((r) => r.target.includes(t) && r.nonTarget.includes(nt) && r.newLesion.includes(n));
          if (t === 'NA' && nt === 'NA') {
            assert.equal(matching.length, 0, 'no disease at all is not a RECIST combination');
            continue;
          }
          assert.ok(matching.length > 0, `no row for ${t} / ${nt} / ${n}`);
          assert.equal(new Set(matching.map((r) => r.overall)).size, 1, `rows disagree for ${t} / ${nt} / ${n}`);
        }
      }
    }
  });

  it('reads each row as the paper prints it', () => {
    assert.equal(overall('CR', 'CR', 'no'), 'CR');
    assert.equal(overall('CR', 'NON-CR/NON-PD', 'no'), 'PR');
    assert.equal(overall('CR', 'NE', 'no'), 'PR');
    assert.equal(overall('PR', 'NE', 'no'), 'PR');
    assert.equal(overall('SD', 'NON-CR/NON-PD', 'no'), 'SD');
    assert.equal(overall('NE', 'CR', 'no'), 'NE');
    assert.equal(overall('PD', 'CR', 'no'), 'PD');
    assert.equal(overall('CR', 'PD', 'no'), 'PD');
    assert.equal(overall('CR', 'CR', 'yes'), 'PD');
    assert.equal(overall('NA', 'NON-CR/NON-PD', 'no'), 'NON-CR/NON-PD');
    assert.equal(overall('NA', 'NE', 'no'), 'NE');
    assert.equal(overall('NA', 'CR', 'yes'), 'PD');
  });

  it('reads target-only disease like non-target CR', () => {
    assert.equal(overall('CR', 'NA', 'no'), 'CR');
    assert.equal(overall('PR', 'NA', 'no'), 'PR');
    assert.equal(overall('NE', 'NA', 'no'), 'NE');
    assert.equal(overall('NE', 'NE', 'no'), 'NE');
  });
});
