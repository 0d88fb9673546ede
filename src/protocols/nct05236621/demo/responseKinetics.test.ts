import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SeededRandom } from '../../../demo/index.js';
import type { MeasurableParameter } from './cohortPlanTypes.js';
import { drawKinetics, kineticValues, levelBands, type KineticLevel } from './responseKinetics.js';

// The IMWG category a single value meets (reduction from baseline; urine also by its absolute level),
// written here from IMWG 2016 table 2 independently of the bands under test.
function categoryOf(parameter: MeasurableParameter, baseline: number, value: number): KineticLevel {
  const down = (baseline - value) / baseline;
  if (parameter === 'urine-m-protein') {
    if (value < 100) return 'VGPR';
    if (value < 200 || down >= 0.9) return 'PR';
    return down >= 0.5 ? 'MR' : 'SD';
  }
  if (parameter === 'serum-flc') return down > 0.9 ? 'VGPR' : down >= 0.5 ? 'PR' : 'SD';
  return down >= 0.9 ? 'VGPR' : down >= 0.5 ? 'PR' : down >= 0.25 ? 'MR' : 'SD';
}

const round = (x: number, decimals: number): number => Math.round(x * 10 ** decimals) / 10 ** decimals;
// The extremes of the rendered noise: central 0.985-1.015, local a further 0.965-1.035.
const NOISE = [0.985 * 0.965, 1, 1.015 * 1.035];

describe('responseKinetics', () => {
  it('keeps every value of a band in its IMWG category under the extreme lab noise and rounding', () => {
    const cases: [MeasurableParameter, number[], number][] = [
      ['serum-m-protein', [6, 9.7, 24, 85], 1],
      ['urine-m-protein', [260, 520, 900, 6000], 0],
      ['serum-flc', [114, 600, 4990], 1],
    ];
    for (const [parameter, baselines, decimals] of cases) {
      for (const baseline of baselines) {
        const bands = levelBands(parameter, baseline);
        const levels: KineticLevel[] = parameter === 'serum-flc' ? ['SD', 'PR', 'VGPR'] : ['SD', 'MR', 'PR', 'VGPR'];
        // Urine MR needs a baseline of 520 mg/24 h (the plan's floor for urine MR subjects).
        for (const level of levels.filter((l) => !(parameter === 'urine-m-protein' && l === 'MR' && baseline < 520))) {
          for (const edge of [bands[level].low, bands[level].high]) {
            for (const noise of NOISE) {
              const value = round(edge * noise, decimals);
              assert.equal(categoryOf(parameter, baseline, value), level, `${parameter} baseline ${baseline} ${level} edge ${edge} x ${noise} = ${value}`);
            }
          }
        }
      }
    }
  });

  it('falls through the levels and plateaus: never rising, each run settling towards its own depth', () => {
    const random = new SeededRandom(11);
    for (let i = 0; i < 200; i++) {
      const kinetics = drawKinetics(levelBands('serum-m-protein', 10 + random.float() * 60), random);
      const values = kineticValues([null, 'MR', 'MR', 'PR', 'PR', 'PR', 'NE', 'VGPR', 'VGPR', 'VGPR', 'PD'], kinetics);
      const defined = values.filter((v): v is number => v !== null);
      assert.equal(defined.length, 8);
      for (let k = 1; k < defined.length; k++) assert.ok((defined[k]) <= (defined[k - 1]), `rises at ${k}: ${defined.join(', ')}`);
      // A run halves its distance to the depth at each assessment.
      const [, pr1, pr2] = values.slice(2, 5) as number[];
      assert.ok(Math.abs(pr2 - kinetics.depth.PR - (pr1 - kinetics.depth.PR) / 2) < 1e-9);
    }
  });

  it('draws a continuum of depths, not one value per category', () => {
    const random = new SeededRandom(5);
    const depths = Array.from({ length: 100 }, () => drawKinetics(levelBands('serum-m-protein', 30), random).depth.PR / 30);
    assert.ok(Math.min(...depths) < 0.2 && Math.max(...depths) > 0.4, `PR depths ${Math.min(...depths)}-${Math.max(...depths)}`);
    assert.equal(new Set(depths.map((d) => d.toFixed(8))).size, 100);
  });
});
