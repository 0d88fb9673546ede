import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeKaplanMeier } from '../../stats/index.js';
import { assertClose } from '../../testing/index.js';
import { buildStandardTestTrial, TEST_PROTOCOL, withPlan } from '../../protocols/nct05236621/testing/reportTestTrial.js';
import { createForestFigure } from './createForestFigure.js';
import { createKaplanMeierFigure, regularTimes } from './createKaplanMeierFigure.js';
import { createResponseBarsFigure } from './createResponseBarsFigure.js';
import { createWaterfallFigure } from './createWaterfallFigure.js';
import { sorted } from './testSupport.js';

describe('figure data models', () => {
  const data = buildStandardTestTrial();
  const plan = TEST_PROTOCOL.analysisPlan;
  const fas = data.adsl.filter((r) => r.FASFL === 'Y');
  const bor = new Map(data.adrs.filter((r) => r.PARAMCD === 'BOR' && r.EVALUATOR === 'IRC').map((r) => [r.USUBJID, r]));

  it('KM: steps at event times from (0, 1), censor ticks, and numbers at risk counted directly', () => {
    const figure = createKaplanMeierFigure(data, withPlan({ atRiskEveryMonths: 1 }), { paramcd: 'PFS', landmarkMonths: [], withFollowUp: false });
    assert.equal(figure.id, 'f-km-pfs');
    const rows = data.adtte.filter((r) => r.PARAMCD === 'PFS');
    const fit = computeKaplanMeier({ time: rows.map((r) => r.AVALM), status: rows.map((r) => (r.CNSR === 0 ? 1 : 0)) });
    assert.ok(fit.ok);
    const series = figure.data.series[0];
    assert.deepEqual(series.steps[0], { time: 0, survival: 1, lower: 1, upper: 1 });
    const eventSteps = fit.value.steps.filter((s) => s.events > 0);
    assert.equal(series.steps.length, eventSteps.length + 1);
    eventSteps.forEach((s, i) => assertClose(series.steps[i + 1].survival, s.survival, { rel: 1e-12 }, `S at ${s.time}`));
    assert.equal(series.censorTicks.length, fit.value.steps.filter((s) => s.censored > 0).length);
    for (const point of series.atRisk) assert.equal(point.n, rows.filter((r) => r.AVALM >= point.time).length, `at risk at ${point.time}`);
    assert.deepEqual(figure.data.atRiskTimes, regularTimes(Math.max(...rows.map((r) => r.AVALM)), 1));
    assert.equal(figure.data.endpoint, TEST_PROTOCOL.endpoints.find((e) => e.paramcd === 'PFS')?.label);
  });

  it('KM by subgroup: one series per level with the listed log-rank comparisons', () => {
    const iss = plan.survivalSubgroups[0];
    const figure = createKaplanMeierFigure(data, TEST_PROTOCOL, { paramcd: 'OS', landmarkMonths: [], withFollowUp: false }, iss);
    assert.equal(figure.id, `f-km-os-${iss.id}`);
    assert.deepEqual(figure.data.series.map((s) => [s.id, s.n]), (['I', 'II', 'III'] as const).map((stage) => [stage, fas.filter((r) => r.ISS === stage).length]));
    assert.equal(figure.data.comparisons.length, iss.comparisons.length);
    assert.ok(figure.data.comparisons.every((c) => c.p !== null));
  });

  it("response bars stack the scale's responder categories of each level", () => {
    const figure = createResponseBarsFigure(data, TEST_PROTOCOL, plan.responseSubgroups[0]);
    const stageI = figure.data.bars.find((b) => b.id === 'I');
    assert.ok(stageI !== undefined);
    assert.deepEqual(stageI.segments.map((s) => s.category), TEST_PROTOCOL.response.scale.categories.filter((c) => c.responder).map((c) => c.code));
    const members = fas.filter((r) => r.ISS === 'I').map((r) => r.USUBJID);
    const responders = members.filter((id) => bor.get(id)?.RSPFL === 'Y');
    assertClose(stageI.orr, responders.length / members.length, { rel: 1e-12 }, 'ORR stage I');
    assert.deepEqual(sorted(stageI.segments.flatMap((s) => s.subjects)), sorted(responders));
  });

  it('forest: ORR as a proportion with Clopper-Pearson limits per subgroup level, reference at p0', () => {
    const figure = createForestFigure(data, TEST_PROTOCOL);
    assert.equal(figure.data.reference, plan.design.p0);
    const overall = figure.data.rows[0];
    assert.equal(overall.key, 'overall');
    assert.equal(overall.n, fas.length);
    assert.equal(overall.x, [...bor.values()].filter((r) => r.RSPFL === 'Y').length);
    for (const r of figure.data.rows) if (r.value.kind === 'proportion') assert.ok(r.value.lower <= r.value.estimate && r.value.estimate <= r.value.upper, r.key);
    assert.equal(figure.data.rows.length, 1 + plan.responseSubgroups.reduce((s, g) => s + g.levels.length, 0));
  });

  it('waterfall (ADTR): best % change of the first parameter with a baseline, sorted, the others listed apart', () => {
    const figure = createWaterfallFigure(data, TEST_PROTOCOL);
    const first = figure.data.bars[0];
    const series = data.adtr.filter((m) => m.USUBJID === first.USUBJID && m.EVALUATOR === 'IRC' && m.PARAMCD === first.parameter);
    const baseline = series.find((m) => m.ABLFL === 'Y')?.AVAL ?? 0;
    const lowest = Math.min(...series.filter((m) => m.ADY > 1).map((m) => m.AVAL));
    assertClose(first.bestPercentChange, ((lowest - baseline) / baseline) * 100, { rel: 1e-12 }, 'best % change');
    const changes = figure.data.bars.map((b) => b.bestPercentChange);
    assert.deepEqual(changes, [...changes].sort((a, b) => b - a));
    assert.ok(figure.data.bars.some((b) => b.bestResponse === 'VGPR' && b.bestPercentChange < -90));
    assert.equal(figure.data.bars.length + figure.data.notShown.length, fas.length);
    assert.deepEqual(figure.data.referenceLines, plan.waterfallReferenceLines);
    assert.deepEqual(figure.data.parameters.map((p) => p.code), TEST_PROTOCOL.response.parameters.map((p) => p.code));
    // The first parameter with a baseline above 0 decides: a binding whose only parameter nobody measured draws no bar.
    const unmeasured = { ...TEST_PROTOCOL, response: { ...TEST_PROTOCOL.response, parameters: TEST_PROTOCOL.response.parameters.filter((p) => !data.adtr.some((m) => m.PARAMCD === p.code)) } };
    assert.ok(unmeasured.response.parameters.length > 0, 'a parameter without measurements');
    assert.equal(createWaterfallFigure(data, unmeasured).data.bars.length, 0);
  });
});
