import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SubgroupDefinition } from '../../clinical/index.js';
import { buildStandardTestTrial, STANDARD_TEST_SUBJECTS, TEST_PROTOCOL, type TestSubjectSpec, withPlan } from '../../protocols/nct05236621/testing/reportTestTrial.js';
import { createReportFigures, createReportModel, reportModelSteps } from './createReportModel.js';
import { findCell, findFigure, findRow, findTable, findValue } from './findCell.js';
import { rowByKey } from './testSupport.js';

function deepFrozen(value: unknown, path = 'model'): string[] {
  if (value === null || typeof value !== 'object') return [];
  const problems = Object.isFrozen(value) ? [] : [path];
  for (const [key, child] of Object.entries(value)) problems.push(...deepFrozen(child, `${path}.${key}`));
  return problems;
}

describe('createReportModel', () => {
  const data = buildStandardTestTrial();
  const model = createReportModel(data, TEST_PROTOCOL);

  it('assembles the sections in CSR order and numbers tables, listings and figures in order', () => {
    // The subject data listings close the report when the protocol keeps a deviation log (this one does).
    assert.deepEqual(model.sections.map((s) => s.id), ['disposition', 'baseline', 'exposure', 'efficacy', 'safety', 'listings']);
    assert.deepEqual(model.sections.at(-1)?.items.map((i) => [i.id, i.number]), [['l-protocol-deviations', 'Listing 2']]);
    const numbers = (kind: string) => model.items.filter((i) => i.number.startsWith(kind)).map((i) => Number(i.number.split(' ')[1]));
    for (const kind of ['Table', 'Figure', 'Listing']) {
      const seen = numbers(kind);
      assert.deepEqual(seen, seen.map((_, i) => i + 1), kind);
    }
    // Disposition, then protocol deviations, then the baseline characteristics.
    assert.equal(model.items.find((i) => i.id === 't-baseline')?.number, 'Table 3');
    assert.equal(model.items.find((i) => i.id === 'f-consort')?.number, 'Figure 1');
    assert.equal(new Set(model.items.map((i) => i.id)).size, model.items.length, 'ids are unique');
    for (const id of [
      't-teae-overview',
      't-related-ae',
      't-pfs',
      't-os',
      't-dor',
      'f-km-pfs-iss',
      'f-waterfall',
      'f-swimmer',
      'f-forest-orr',
      't-response-concordance',
      't-protocol-deviations',
      't-baseline-continuous',
      't-exposure-summary',
      't-subsequent-therapy',
      't-teae-soc',
      't-teae-max-grade',
      't-lab-shift',
    ]) {
      assert.ok(model.items.some((i) => i.id === id), id);
    }
  });

  it("takes the time-to-event items, subgroups and paper references from the plan", () => {
    const plan = TEST_PROTOCOL.analysisPlan;
    for (const spec of plan.timeToEventEndpoints) {
      const id = spec.paramcd.toLowerCase();
      assert.ok(findTable(model, `t-${id}`) !== undefined, id);
      assert.ok(findFigure(model, `f-km-${id}`, 'kaplan-meier') !== undefined, id);
      for (const subgroup of plan.survivalSubgroups) assert.ok(findFigure(model, `f-km-${id}-${subgroup.id}`, 'kaplan-meier') !== undefined, `${id} ${subgroup.id}`);
    }
    for (const subgroup of plan.responseSubgroups) assert.ok(findFigure(model, `f-response-${subgroup.id}`, 'response-bars') !== undefined, subgroup.id);
    for (const [id, reference] of Object.entries(plan.paperReferences)) assert.equal(model.items.find((i) => i.id === id)?.paperReference, reference, id);
  });

  it('finds cells by table id, row key and column id, and values by kind', () => {
    const orr = findValue(model, 't-response-rate', 'orr:rate', 'irc', 'proportion');
    assert.ok(orr !== undefined);
    assert.equal(orr.N, data.adsl.filter((r) => r.FASFL === 'Y').length);
    assert.equal(findCell(model, 't-response-rate', 'orr:rate', 'irc')?.value, orr);
    assert.equal(findRow(model, 't-response-rate', 'orr:rate')?.label, 'Rate (95% exact CI)');
    assert.equal(findValue(model, 't-response-rate', 'orr:rate', 'irc', 'count'), undefined, 'another kind');
    assert.equal(findCell(model, 't-response-rate', 'no-such-row', 'irc'), undefined);
    assert.equal(findCell(model, 't-response-rate', 'orr:rate', 'no-such-column'), undefined);
    assert.equal(findCell(model, 't-no-such-table', 'orr:rate', 'irc'), undefined);
    assert.equal(findFigure(model, 'f-km-pfs', 'forest'), undefined, 'another figure kind');
    assert.equal(findValue(model, 't-pfs', 'median', 'overall', 'time-median')?.unit, 'months');
  });

  it('gives every item its population, unique row keys and is deeply frozen', () => {
    for (const item of model.items) {
      assert.ok(item.population.N >= 0 && item.population.name !== '', item.id);
      if (item.kind === 'table') assert.equal(new Set(item.rows.map((r) => r.key)).size, item.rows.length, item.id);
    }
    assert.deepEqual(deepFrozen(model), []);
  });

  it('traces every table cell to subjects of the trial', () => {
    const known = new Set(data.adsl.map((r) => r.USUBJID));
    for (const item of model.items) {
      if (item.kind !== 'table') continue;
      for (const r of item.rows) for (const c of r.cells) for (const id of c.subjects) assert.ok(known.has(id), `${item.id} / ${r.key}: ${id}`);
    }
  });

  it('builds a trial with another subgroup mix: no ISS III, no responders, other subgroups', () => {
    const specs: TestSubjectSpec[] = [
      { central: [30, 30, 30, 30], iss: 'I' },
      { central: [30, 40, 45, 50], iss: 'II', endOfTreatment: { day: 60, reason: 'progressive-disease' } },
      { central: [30, 20, 20, 20], iss: 'I', asct: true, female: true },
    ];
    const small = buildStandardTestTrial(specs);
    const asct: SubgroupDefinition = { id: 'asct', label: 'Prior ASCT', variable: 'PRASCTFL', levels: [{ value: 'Y', label: 'Yes' }, { value: 'N', label: 'No' }], comparisons: [['Y', 'N']] };
    const iss: SubgroupDefinition = { id: 'iss', label: 'ISS', variable: 'ISS', levels: ['I', 'II', 'III'].map((value) => ({ value, label: value })), comparisons: [['I', 'III']] };
    const protocol = withPlan({ design: { ...TEST_PROTOCOL.analysisPlan.design, p0: 0.2 }, responseSubgroups: [iss, asct], survivalSubgroups: [asct] });
    const other = createReportModel(small, protocol);
    assert.ok(other.items.some((i) => i.id === 'f-km-pfs-asct'));
    assert.ok(!other.items.some((i) => i.id === 'f-km-pfs-iss'));
    assert.equal(other.items.find((i) => i.id === 'f-swimmer')?.population.N, 0);
    const rates = findTable(other, 't-response-rate');
    assert.ok(rates !== undefined);
    assert.match(rowByKey(rates, 'orr:p').label, /0\.2/);
    assert.equal(findValue(other, 't-subgroup-response', 'iss:III', 'orr-ci', 'missing')?.reason, 'no subjects in the denominator');
  });
});

describe('createReportFigures', () => {
  const data = buildStandardTestTrial();
  const model = createReportModel(data, TEST_PROTOCOL);

  it("makes the report's figures alone, in order and numbered as the model has them", () => {
    const early = createReportFigures(data, TEST_PROTOCOL);
    const inModel = model.items.filter((i) => i.kind === 'figure');
    assert.ok(inModel.length > 10);
    assert.deepEqual(early.figures, inModel);
  });

  it('gives the same model when its figures are passed in, and these figures are the ones the model holds', () => {
    const early = createReportFigures(data, TEST_PROTOCOL);
    const withEarly = createReportModel(data, TEST_PROTOCOL, early);
    assert.deepEqual(withEarly, model);
    const first = withEarly.items.find((i) => i.kind === 'figure');
    // Renumbered copies of the same figures: their data are the very objects made early, not made again.
    assert.equal(first?.kind === 'figure' ? first.data : undefined, early.figures[0].data);
  });

  it('does not use figures made from other datasets', () => {
    const other = buildStandardTestTrial(STANDARD_TEST_SUBJECTS.slice(0, 10));
    const fromOther = createReportFigures(other, TEST_PROTOCOL);
    assert.notDeepEqual(fromOther.figures, createReportFigures(data, TEST_PROTOCOL).figures);
    const own = createReportModel(data, TEST_PROTOCOL, fromOther);
    assert.deepEqual(own, model);
  });
});

describe('reportModelSteps', () => {
  const data = buildStandardTestTrial();
  const model = createReportModel(data, TEST_PROTOCOL);

  it("yields at least once per item and returns createReportModel's model", () => {
    const steps = reportModelSteps(data, TEST_PROTOCOL, createReportFigures(data, TEST_PROTOCOL));
    let yielded = 0;
    let step = steps.next();
    while (step.done !== true) {
      yielded += 1;
      step = steps.next();
    }
    // Tables left out (none in this trial) would still count as a step: at least one step per item made.
    assert.ok(yielded >= model.items.length, `${yielded} steps for ${model.items.length} items`);
    assert.deepEqual(step.value, model);
  });
});
