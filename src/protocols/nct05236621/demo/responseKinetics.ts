import type { SeededRandom } from '../../../demo/index.js';
import type { MeasurableParameter } from './cohortPlanTypes.js';

/**
 * SYNTHETIC M-protein kinetics: how deep each invented subject's followed parameter (serum M-protein, 24-h
 * urine M-protein or dFLC) goes at each response level, and how it gets there between assessments.
 *
 * Each level has a band of values that meets exactly that IMWG 2016 category for the parameter, narrowed
 * by margins that the assay noise (central +/-1.5%, local a further +/-3.5%) and rounding cannot cross:
 * - serum M and dFLC, as a fraction of baseline: SD 0.81-1.0 (IMWG: less than 25% down), MR 0.54-0.70
 *   (25-49% down; serum only), PR 0.14-0.45 (at least 50% down), VGPR 0.02-0.085 (at least 90% down;
 *   more than 90% for dFLC);
 * - urine M: SD at most 38% down and above 215 mg/24 h; MR 54-85% down and above 215 mg/24 h (IMWG's urine
 *   MR is a 50-89% reduction, not the serum 25-49%: a urine MR bar sits lower on a waterfall than a serum
 *   one); PR 115-180 mg/24 h (below 200, the PR clause); VGPR 15-85 mg/24 h (below 100).
 * Each subject draws its own depth in every band (a continuum, not one value per category), enters a
 * level somewhere between the band's top and that depth and settles towards it (halving the gap at each
 * assessment): the values fall through each threshold between planned assessments and then plateau. The
 * bands are disjoint and ordered, so a subject's trajectory never rises from one level to the next.
 */

export type KineticLevel = 'SD' | 'MR' | 'PR' | 'VGPR';

export interface LevelBand {
  /** Lowest and highest value (in the parameter's unit) that stays in the level under noise and rounding. */
  readonly low: number;
  readonly high: number;
}

/** The bands of one subject's followed parameter, from its baseline value (dFLC for FLC disease). */
export function levelBands(parameter: MeasurableParameter, baseline: number): Readonly<Record<KineticLevel, LevelBand>> {
  const fraction = (low: number, high: number): LevelBand => ({ low: low * baseline, high: high * baseline });
  if (parameter === 'urine-m-protein') {
    // Above 215 mg/24 h, 200 (the PR clause) stays out of reach of the noise.
    const floor = 215;
    const sdLow = Math.min(Math.max(0.62 * baseline, floor), 1.0 * baseline);
    const mrLow = Math.min(Math.max(0.15 * baseline, floor), 0.46 * baseline);
    return Object.freeze({
      SD: { low: sdLow, high: Math.max(sdLow, 1.0 * baseline) },
      MR: { low: mrLow, high: Math.max(mrLow, 0.46 * baseline) },
      PR: { low: 115, high: 180 },
      VGPR: { low: 15, high: 85 },
    });
  }
  return Object.freeze({ SD: fraction(0.81, 1.0), MR: fraction(0.54, 0.7), PR: fraction(0.14, 0.45), VGPR: fraction(0.02, 0.085) });
}

export interface SubjectKinetics {
  /** The value each level settles to (this subject's depth inside the band). */
  readonly depth: Readonly<Record<KineticLevel, number>>;
  /** The value at the first assessment of a level, between the band's top and the depth. */
  readonly entry: Readonly<Record<KineticLevel, number>>;
}

const LEVELS: readonly KineticLevel[] = ['SD', 'MR', 'PR', 'VGPR'];

/** A subject's depths and entries, drawn uniformly inside each band (SD enters at baseline's band top). */
export function drawKinetics(bands: Readonly<Record<KineticLevel, LevelBand>>, random: SeededRandom): SubjectKinetics {
  const depth = {} as Record<KineticLevel, number>;
  const entry = {} as Record<KineticLevel, number>;
  for (const level of LEVELS) {
    const band = bands[level];
    depth[level] = band.low + random.float() * (band.high - band.low);
    entry[level] = depth[level] + random.float() * (band.high - depth[level]);
  }
  return { depth: Object.freeze(depth), entry: Object.freeze(entry) };
}

/**
 * The noiseless value at every assessment of a sequence of levels (null where the level is not a
 * kinetic one: baseline, NE, PD, CR): within each run of one level the value starts at the level's
 * entry and halves its distance to the depth at each further assessment.
 */
export function kineticValues(levels: readonly (string | null)[], kinetics: SubjectKinetics): (number | null)[] {
  let runStart = -1;
  return levels.map((level, k) => {
    if (level === null || !(LEVELS as readonly string[]).includes(level)) {
      runStart = -1;
      return null;
    }
    const kinetic = level as KineticLevel;
    // NE assessments inside a run do not restart it (the disease does not stop falling).
    if (runStart < 0 || levels[runStart] !== level) runStart = k;
    const steps = levels.slice(runStart, k).filter((l) => l === level).length;
    const { depth, entry } = kinetics;
    return depth[kinetic] + (entry[kinetic] - depth[kinetic]) * 0.5 ** steps;
  });
}
