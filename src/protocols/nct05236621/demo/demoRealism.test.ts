import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createAdamDatasets } from '../../../clinical/index.js';
import { NCT05236621_PROTOCOL } from '../protocol.js';
import type { DemoTrial } from './createDemoTrial.js';
import { createDemoTrial } from './createDemoTrial.js';
import type { BestResponse, EnrolledPatientPlan } from './cohortPlanTypes.js';
import type { DiseaseAssessmentRow } from './diseaseFormRows.js';

// The SYNTHETIC twin must not show its calibration: every subject's waterfall bar (deepest change of the
// followed parameter, central laboratory, before progression) lies in the IMWG band of its best response,
// depths spread across each band, and no two subjects share an M-protein trajectory.

interface Bar {
  readonly subject: string;
  readonly parameter: EnrolledPatientPlan['measurableParameter'];
  readonly best: BestResponse;
  /** Percent change of the deepest value from baseline. */
  readonly changePct: number;
  readonly nadir: number;
  readonly trajectory: string;
}

function followedValue(p: EnrolledPatientPlan, row: DiseaseAssessmentRow): number | null {
  if (p.measurableParameter === 'serum-m-protein') return row.serumMProteinGPerL ?? null;
  if (p.measurableParameter === 'urine-m-protein') return row.urineMProteinMgPer24h ?? null;
  const kappa = row.kappaFlcMgPerL;
  const lambda = row.lambdaFlcMgPerL;
  if (kappa === undefined || lambda === undefined) return null;
  return p.lightChain === 'kappa' ? kappa - lambda : lambda - kappa;
}

function barsOf(demo: DemoTrial): Bar[] {
  const plans = new Map(demo.plan.patients.map((p) => [p.subjectId, p]));
  const bars: Bar[] = [];
  for (const record of demo.trial.subjects) {
    const p = plans.get(record.subject.screeningNumber);
    if (p === undefined) continue;
    const rows = (record.diseaseForms?.diseaseAssessment ?? []) as DiseaseAssessmentRow[];
    const central = rows.filter((r) => r.source === 'central').sort((a, b) => a.date.localeCompare(b.date));
    const values = central.map((r) => followedValue(p, r));
    const baseline = values[0];
    if (baseline === null || baseline === undefined) continue;
    // Before progression: the assessments up to (not including) the planned progression day.
    const progression = p.pfs.progressionDay === null ? central.length : p.assessmentDays.indexOf(p.pfs.progressionDay);
    const onStudy = values.slice(1, progression < 0 ? central.length : progression).filter((v): v is number => v !== null);
    if (onStudy.length === 0) continue;
    const nadir = Math.min(...onStudy);
    bars.push({
      subject: p.subjectId,
      parameter: p.measurableParameter,
      best: p.response.irc,
      changePct: (100 * (nadir - baseline)) / baseline,
      nadir,
      trajectory: values.map((v) => (v === null ? 'NE' : (v / baseline).toFixed(4))).join(','),
    });
  }
  return bars;
}

/** Whether a bar is in its best response's IMWG band for its parameter (CR/sCR: electrophoresis-negative). */
function inBand(bar: Bar): boolean {
  const c = bar.changePct;
  switch (bar.best) {
    case 'sCR':
    case 'CR':
      return bar.parameter === 'serum-flc' ? c <= -90 : bar.nadir === 0;
    case 'VGPR':
      return bar.parameter === 'urine-m-protein' ? bar.nadir < 100 : bar.parameter === 'serum-flc' ? c < -90 : c <= -90;
    case 'PR':
      return bar.parameter === 'urine-m-protein' ? bar.nadir >= 100 && (bar.nadir < 200 || c <= -90) : c > -90 && c <= -50;
    case 'MR':
      return bar.parameter === 'urine-m-protein' ? c <= -50 && c > -90 && bar.nadir >= 200 : c <= -25 && c > -50;
    default:
      // SD, PD and NE subjects never reach a response band before progression.
      return bar.parameter === 'urine-m-protein' ? c > -50 && bar.nadir >= 200 : bar.parameter === 'serum-flc' ? c > -50 : c > -25;
  }
}

function checkRealism(demo: DemoTrial, minBars: number): void {
  const bars = barsOf(demo);
  assert.ok(bars.length >= minBars, `${bars.length} bars`);
  assert.deepEqual(bars.filter((b) => !inBand(b)).map((b) => `${b.subject} ${b.parameter} best ${b.best}: ${b.changePct.toFixed(1)}% (nadir ${b.nadir})`), []);
  // Depths spread: within each best response (serum M-protein, 4 or more subjects) the bars span at least
  // a third of the band's width, not one templated value.
  const width: Readonly<Record<string, number>> = { SD: 19, MR: 16, PR: 31, VGPR: 6.5 };
  for (const best of ['SD', 'MR', 'PR', 'VGPR'] as const) {
    const changes = bars.filter((b) => b.best === best && b.parameter === 'serum-m-protein').map((b) => b.changePct);
    if (changes.length < 4) continue;
    const span = Math.max(...changes) - Math.min(...changes);
    assert.ok(span >= (width[best] ?? 0) / 3, `${best}: ${changes.length} bars span only ${span.toFixed(1)} points`);
  }
  const trajectories = new Set(bars.map((b) => b.trajectory));
  assert.equal(trajectories.size, bars.length, 'two subjects share an M-protein trajectory');
}

const twin = createDemoTrial();

describe('SYNTHETIC disease measurements look measured, not templated', () => {
  it('the calibrated twin: every waterfall bar in its best response band, depths spread, no shared trajectory', () => {
    checkRealism(twin, 60);
  });

  it('an uncalibrated trial of 300: the same holds', () => {
    checkRealism(createDemoTrial({ seed: 7, size: 300 }), 250);
  });
});

describe('SYNTHETIC event times of the twin are spread, not piled up', () => {
  const adtte = createAdamDatasets(twin.trial, NCT05236621_PROTOCOL).datasets.adtte;

  it('no more than 2 events of any endpoint on one day (a subgroup curve holds a subset of these)', () => {
    const perDay = new Map<string, number>();
    for (const row of adtte) if (row.CNSR === 0) perDay.set(`${row.PARAMCD} day ${row.AVAL}`, (perDay.get(`${row.PARAMCD} day ${row.AVAL}`) ?? 0) + 1);
    assert.ok(new Set(adtte.map((r) => r.PARAMCD)).size >= 5);
    assert.deepEqual([...perDay].filter(([, count]) => count > 2), []);
  });

  it('one death a day at most, and no more than 2 deaths within 3 days', () => {
    const deaths = adtte.filter((r) => r.PARAMCD === 'OS' && r.CNSR === 0).map((r) => r.AVAL);
    assert.ok(deaths.length >= 20, `${deaths.length} deaths`);
    assert.equal(new Set(deaths).size, deaths.length, `two deaths on one day: ${deaths.sort((a, b) => a - b).join(', ')}`);
    const crowded = deaths.filter((day) => deaths.filter((other) => other >= day && other <= day + 2).length > 2);
    assert.deepEqual(crowded, []);
  });
});
