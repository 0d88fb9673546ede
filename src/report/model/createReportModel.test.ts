import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildStandardTestTrial } from './buildReportTestTrial.js';
import type { TestSubjectSpec } from './buildReportTestTrial.js';
import { createReportModel } from './createReportModel.js';
import { flagSubgroup, stageSubgroup } from './reportProtocol.js';
import { testProtocol } from './testSupport.js';

function deepFrozen(value: unknown, path = 'model'): string[] {
  if (value === null || typeof value !== 'object') return [];
  const problems = Object.isFrozen(value) ? [] : [path];
  for (const [key, child] of Object.entries(value)) problems.push(...deepFrozen(child, `${path}.${key}`));
  return problems;
}

describe('createReportModel', () => {
  const data = buildStandardTestTrial();
  const model = createReportModel(data, testProtocol());

  it('assembles the sections in CSR order and numbers tables, listings and figures in order', () => {
    assert.deepEqual(model.sections.map((s) => s.id), ['disposition', 'baseline', 'exposure', 'efficacy', 'safety']);
    const numbers = (kind: string) => model.items.filter((i) => i.number.startsWith(kind)).map((i) => Number(i.number.split(' ')[1]));
    for (const kind of ['Table', 'Figure', 'Listing']) {
      const seen = numbers(kind);
      assert.deepEqual(seen, seen.map((_, i) => i + 1), kind);
    }
    assert.equal(model.items.find((i) => i.id === 't-baseline')?.number, 'Table 2');
    assert.equal(model.items.find((i) => i.id === 'f-consort')?.number, 'Figure 1');
    assert.equal(new Set(model.items.map((i) => i.id)).size, model.items.length, 'ids are unique');
    for (const id of ['t-teae-overview', 't-related-ae', 't-pfs', 't-os', 't-dor', 'f-km-pfs-iss', 'f-waterfall', 'f-swimmer', 'f-forest-orr']) {
      assert.ok(model.items.some((i) => i.id === id), id);
    }
  });

  it('gives every item its population and is deeply frozen', () => {
    for (const item of model.items) assert.ok(item.population.N >= 0 && item.population.name !== '', item.id);
    assert.deepEqual(deepFrozen(model), []);
  });

  it('traces every table cell to subjects of the trial', () => {
    const known = new Set(data.adsl.map((r) => r.USUBJID));
    for (const item of model.items) {
      if (item.kind !== 'table') continue;
      for (const r of item.rows) for (const c of r.cells) for (const id of c.subjects) assert.ok(known.has(id), `${item.id} / ${r.label}: ${id}`);
    }
  });

  it('builds a trial with another subgroup mix: no ISS III, no responders, other subgroups', () => {
    const specs: TestSubjectSpec[] = [
      { central: [30, 30, 30, 30], iss: 'I' },
      { central: [30, 40, 45, 50], iss: 'II', endOfTreatment: { day: 60, reason: 'progressive-disease' } },
      { central: [30, 20, 20, 20], iss: 'I', asct: true, female: true },
    ];
    const small = buildStandardTestTrial(specs);
    const protocol = testProtocol({
      p0: 0.2,
      responseSubgroups: [stageSubgroup('iss', 'ISS', 'ISS', [['I', 'III']]), flagSubgroup('asct', 'Prior ASCT', 'PRASCTFL')],
      survivalSubgroups: [flagSubgroup('asct', 'Prior ASCT', 'PRASCTFL')],
    });
    const other = createReportModel({ ...small, diseaseMeasurements: undefined }, protocol);
    assert.ok(!other.items.some((i) => i.id === 'f-waterfall'), 'no waterfall without measurements');
    assert.ok(other.items.some((i) => i.id === 'f-km-pfs-asct'));
    assert.ok(!other.items.some((i) => i.id === 'f-km-pfs-iss'));
    const swimmer = other.items.find((i) => i.id === 'f-swimmer');
    assert.equal(swimmer?.population.N, 0);
    const rates = other.items.find((i) => i.id === 't-response-rate');
    assert.ok(rates?.kind === 'table');
    assert.match(rates.rows[3].label, /0\.2/);
  });
});
