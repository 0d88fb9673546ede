import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeKaplanMeier } from '../../stats/index.js';
import { assertClose } from '../../testing/index.js';
import { buildStandardTestTrial } from './buildReportTestTrial.js';
import { createForestFigure } from './createForestFigure.js';
import { createKaplanMeierFigure, regularTimes } from './createKaplanMeierFigure.js';
import { createResponseBarsFigure } from './createResponseBarsFigure.js';
import { createSwimmerFigure } from './createSwimmerFigure.js';
import { createWaterfallFigure } from './createWaterfallFigure.js';
import { stageSubgroup } from './reportProtocol.js';
import { sorted, testProtocol } from './testSupport.js';

describe('figure data models', () => {
  const data = buildStandardTestTrial();
  const protocol = testProtocol();
  const fas = data.adsl.filter((r) => r.FASFL === 'Y');
  const bor = new Map(data.adrs.filter((r) => r.PARAMCD === 'BOR' && r.EVALUATOR === 'IRC').map((r) => [r.USUBJID, r]));

  it('KM: steps at event times from (0, 1), censor ticks, and numbers at risk counted directly', () => {
    const spec = { paramcd: 'PFS', id: 'f', title: 't', endpoint: 'PFS', atRiskEveryMonths: 1, confLevel: 0.95 };
    const figure = createKaplanMeierFigure(data.adsl, data.adtte, spec);
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
  });

  it('KM by subgroup: one series per level with the listed log-rank comparisons', () => {
    const spec = { paramcd: 'OS', id: 'f', title: 't', endpoint: 'OS', atRiskEveryMonths: 3, confLevel: 0.95 };
    const figure = createKaplanMeierFigure(data.adsl, data.adtte, spec, stageSubgroup('iss', 'ISS', 'ISS', [['I', 'III']]));
    assert.deepEqual(figure.data.series.map((s) => [s.id, s.n]), (['I', 'II', 'III'] as const).map((stage) => [stage, fas.filter((r) => r.ISS === stage).length]));
    assert.equal(figure.data.comparisons.length, 1);
    assert.ok(figure.data.comparisons[0].p !== null);
  });

  it('response bars stack the responder categories of each level', () => {
    const figure = createResponseBarsFigure(data.adsl, data.adrs, protocol.responseSubgroups[0], 'f', 't');
    const stageI = figure.data.bars.find((b) => b.id === 'I');
    assert.ok(stageI !== undefined);
    const members = fas.filter((r) => r.ISS === 'I').map((r) => r.USUBJID);
    const responders = members.filter((id) => bor.get(id)?.RSPFL === 'Y');
    assertClose(stageI.orr, responders.length / members.length, { rel: 1e-12 }, 'ORR stage I');
    assert.deepEqual(sorted(stageI.segments.flatMap((s) => s.subjects)), sorted(responders));
  });

  it('forest: ORR and Clopper-Pearson limits per subgroup level, reference at p0', () => {
    const figure = createForestFigure(data.adsl, data.adrs, protocol);
    assert.equal(figure.data.reference, 0.12);
    const overall = figure.data.rows[0];
    assert.equal(overall.n, fas.length);
    assert.equal(overall.x, [...bor.values()].filter((r) => r.RSPFL === 'Y').length);
    for (const r of figure.data.rows) if (r.estimate !== null) assert.ok((r.lower ?? 0) <= r.estimate && r.estimate <= (r.upper ?? 1), r.id);
    assert.equal(figure.data.rows.length, 1 + protocol.responseSubgroups.reduce((s, g) => s + g.levels.length, 0));
  });

  it('swimmer: one lane per IRC responder with progression where there was one', () => {
    const figure = createSwimmerFigure(data.adsl, data.adrs, data.adtte);
    const responders = [...bor.values()].filter((r) => r.RSPFL === 'Y').map((r) => r.USUBJID);
    assert.deepEqual(sorted(figure.data.lanes.map((l) => l.USUBJID)), sorted(responders));
    const progressed = figure.data.lanes.filter((l) => l.progressionMonths !== null);
    assert.deepEqual(progressed.map((l) => l.USUBJID), [...bor.values()].filter((r) => r.RSPFL === 'Y' && r.PDDT !== null).map((r) => r.USUBJID));
    assert.deepEqual(progressed[0].responseChanges.map((c) => c.category), ['PR', 'PD']);
    const lengths = figure.data.lanes.map((l) => l.followUpMonths ?? 0);
    assert.deepEqual(lengths, [...lengths].sort((a, b) => b - a));
  });

  it('waterfall: best % change of the first parameter with a baseline, sorted, without measurements listed apart', () => {
    const measurements = data.diseaseMeasurements ?? [];
    const figure = createWaterfallFigure(data.adsl, data.adrs, measurements, ['SPEP']);
    const first = figure.data.bars[0];
    const series = measurements.filter((m) => m.USUBJID === first.USUBJID);
    const baseline = series.filter((m) => m.ADY <= 1).at(-1)?.AVAL ?? 0;
    const lowest = Math.min(...series.filter((m) => m.ADY > 1).map((m) => m.AVAL));
    assertClose(first.bestPercentChange, ((lowest - baseline) / baseline) * 100, { rel: 1e-12 }, 'best % change');
    const changes = figure.data.bars.map((b) => b.bestPercentChange);
    assert.deepEqual(changes, [...changes].sort((a, b) => b - a));
    assert.ok(figure.data.bars.some((b) => b.bestResponse === 'VGPR' && b.bestPercentChange < -90));
    assert.equal(figure.data.bars.length + figure.data.notShown.length, fas.length);
    const none = createWaterfallFigure(data.adsl, data.adrs, measurements, ['UPEP']);
    assert.equal(none.data.bars.length, 0);
  });
});
