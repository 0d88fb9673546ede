import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SubgroupDefinition } from '../../clinical/index.js';
import { computeFisherExact2x2 } from '../../stats/index.js';
import { assertClose } from '../../testing/index.js';
import { buildStandardTestTrial, TEST_PROTOCOL, withPlan } from '../../protocols/nct05236621/testing/reportTestTrial.js';
import { createSubgroupResponseTable } from './createSubgroupResponseTable.js';
import { cellAt, numberAt, rowByKey, sorted, valueAt } from './testSupport.js';

describe('createSubgroupResponseTable', () => {
  const data = buildStandardTestTrial();
  const fas = data.adsl.filter((r) => r.FASFL === 'Y');
  const responders = new Set(data.adrs.filter((r) => r.PARAMCD === 'BOR' && r.EVALUATOR === 'IRC' && r.RSPFL === 'Y').map((r) => r.USUBJID));
  const controlled = new Set(data.adrs.filter((r) => r.PARAMCD === 'BOR' && r.EVALUATOR === 'IRC' && r.DCRFL === 'Y').map((r) => r.USUBJID));
  const table = createSubgroupResponseTable(data, TEST_PROTOCOL);

  it('gives each level of each subgroup of the plan its n, ORR and the responders behind it', () => {
    assert.deepEqual(
      table.rows.filter((r) => r.cells.length === 0).map((r) => r.key),
      TEST_PROTOCOL.analysisPlan.responseSubgroups.map((s) => s.id),
    );
    for (const stage of ['I', 'II', 'III'] as const) {
      const members = fas.filter((r) => r.ISS === stage).map((r) => r.USUBJID);
      assert.deepEqual(valueAt(table, `iss:${stage}`, 'n', 'count'), { kind: 'count', n: members.length, N: null });
      assert.deepEqual(cellAt(table, `iss:${stage}`, 'orr-n').subjects, sorted(members.filter((id) => responders.has(id))));
      const rate = valueAt(table, `iss:${stage}`, 'orr-ci', 'proportion');
      assert.equal(rate.N, members.length);
    }
  });

  it('tests the listed pairs with Fisher as computed directly on the 2 x 2 table', () => {
    const count = (stage: string, set: Set<string>) => {
      const members = fas.filter((r) => r.ISS === stage).map((r) => r.USUBJID);
      const x = members.filter((id) => set.has(id)).length;
      return [x, members.length - x] as const;
    };
    for (const [set, column] of [[responders, 'orr-ci'], [controlled, 'dcr-ci']] as const) {
      const [a, b] = count('I', set);
      const [c, d] = count('III', set);
      const direct = computeFisherExact2x2({ a, b, c, d });
      assert.ok(direct.ok);
      const p = valueAt(table, 'iss:I-vs-III', column, 'p-value');
      assertClose(p.p, direct.value.p, { rel: 1e-12 }, 'Fisher P');
      assert.equal(p.test, 'fisher-exact-two-sided');
    }
    assert.equal(cellAt(table, 'iss:I-vs-III', 'n').value.kind, 'empty');
    assert.equal(rowByKey(table, 'iss:I-vs-III').label, 'I vs III, Fisher P');
  });

  it('builds with another subgroup mix from the plan, including an empty level', () => {
    const riss: SubgroupDefinition = {
      id: 'riss',
      label: 'R-ISS stage',
      variable: 'RISS',
      levels: ['I', 'II', 'III'].map((value) => ({ value, label: value })),
      comparisons: [['II', 'III'], ['I', 'II']],
    };
    const fewer = fas.filter((r) => r.RISS !== 'III').map((r) => r.USUBJID);
    const adsl = data.adsl.filter((r) => r.ENRLFL !== 'Y' || fewer.includes(r.USUBJID));
    const other = createSubgroupResponseTable({ adsl, adrs: data.adrs }, withPlan({ responseSubgroups: [riss] }));
    assert.deepEqual(other.rows.filter((r) => r.indent === 0).map((r) => r.key), ['riss']);
    assert.equal(numberAt(other, 'riss:III', 'n'), 0);
    assert.equal(valueAt(other, 'riss:III', 'orr-ci', 'missing').reason, 'no subjects in the denominator');
    assert.equal(cellAt(other, 'riss:II-vs-III', 'orr-ci').value.kind, 'missing');
    assert.equal(cellAt(other, 'riss:I-vs-II', 'orr-ci').value.kind, 'p-value');
  });
});
