import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeFisherExact2x2 } from '../../stats/index.js';
import { assertClose } from '../../testing/index.js';
import { buildStandardTestTrial } from './buildReportTestTrial.js';
import { createSubgroupResponseTable } from './createSubgroupResponseTable.js';
import { stageSubgroup } from './reportProtocol.js';
import { findRow, rowUnder, sorted, testProtocol } from './testSupport.js';

describe('createSubgroupResponseTable', () => {
  const data = buildStandardTestTrial();
  const fas = data.adsl.filter((r) => r.FASFL === 'Y');
  const responders = new Set(data.adrs.filter((r) => r.PARAMCD === 'BOR' && r.EVALUATOR === 'IRC' && r.RSPFL === 'Y').map((r) => r.USUBJID));
  const controlled = new Set(data.adrs.filter((r) => r.PARAMCD === 'BOR' && r.EVALUATOR === 'IRC' && r.DCRFL === 'Y').map((r) => r.USUBJID));
  const table = createSubgroupResponseTable(data.adsl, data.adrs, testProtocol());

  it('gives each ISS level its n, ORR and the responders behind it', () => {
    for (const stage of ['I', 'II', 'III'] as const) {
      const members = fas.filter((r) => r.ISS === stage).map((r) => r.USUBJID);
      const line = rowUnder(table, 'ISS stage', stage);
      assert.equal(line.cells[0].value, members.length);
      assert.deepEqual(line.cells[1].subjects, sorted(members.filter((id) => responders.has(id))));
    }
  });

  it('tests I vs III with Fisher as computed directly on the 2 x 2 table', () => {
    const count = (stage: string, set: Set<string>) => {
      const members = fas.filter((r) => r.ISS === stage).map((r) => r.USUBJID);
      const x = members.filter((id) => set.has(id)).length;
      return [x, members.length - x] as const;
    };
    for (const [set, column] of [[responders, 2], [controlled, 4]] as const) {
      const [a, b] = count('I', set);
      const [c, d] = count('III', set);
      const direct = computeFisherExact2x2({ a, b, c, d });
      assert.ok(direct.ok);
      assertClose(findRow(table, 'I vs III, Fisher P').cells[column].value, direct.value.p, { rel: 1e-12 }, 'Fisher P');
    }
  });

  it('builds with a different subgroup mix from the protocol, including an empty level', () => {
    const protocol = testProtocol({ responseSubgroups: [stageSubgroup('riss', 'R-ISS stage', 'RISS', [['II', 'III'], ['I', 'II']])] });
    const fewer = fas.filter((r) => r.RISS !== 'III').map((r) => r.USUBJID);
    const adsl = data.adsl.filter((r) => r.ENRLFL !== 'Y' || fewer.includes(r.USUBJID));
    const other = createSubgroupResponseTable(adsl, data.adrs, protocol);
    assert.deepEqual(other.rows.filter((r) => r.indent === 0).map((r) => r.label), ['R-ISS stage']);
    assert.equal(rowUnder(other, 'R-ISS stage', 'III').cells[0].value, 0);
    assert.equal(rowUnder(other, 'R-ISS stage', 'III').cells[2].text, 'NE');
    assert.equal(findRow(other, 'II vs III, Fisher P').cells[2].text, 'NE');
    assert.ok(findRow(other, 'I vs II, Fisher P').cells[2].value !== null);
  });
});
