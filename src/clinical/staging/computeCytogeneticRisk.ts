import { failure, issue, success, type Issue, type Outcome } from '../../result/index.js';

export type CytogeneticRisk = 'high' | 'standard';

export const CYTOGENETIC_RISK_STANDARD =
  'IMWG high-risk FISH as used by R-ISS (Palumbo A et al., J Clin Oncol 2015;33:2863-2869): del(17p), t(4;14), t(14;16)';

/** FISH findings: true = present, false = tested and absent, null/absent = not tested or no result. */
export interface FishPanel {
  readonly del17p?: boolean | null;
  readonly t4_14?: boolean | null;
  readonly t14_16?: boolean | null;
  readonly gain1q21?: boolean | null;
  readonly del13q?: boolean | null;
}

const HIGH_RISK_PROBES = [
  ['del17p', 'del(17p)'],
  ['t4_14', 't(4;14)'],
  ['t14_16', 't(14;16)'],
] as const;

const OTHER_PROBES = [
  ['gain1q21', 'gain(1q21)'],
  ['del13q', 'del(13q)'],
] as const;

export interface CytogeneticRiskResult {
  /** null = not evaluable (no FISH, or a high-risk probe without a result and none of the others positive). */
  readonly risk: CytogeneticRisk | null;
  readonly reason: string;
  /** The high-risk abnormalities found, in the standard's notation. */
  readonly highRiskAbnormalities: readonly string[];
  /** Other abnormalities found, reported but not counted as high risk (the paper: gain(1q21), del(13q)). */
  readonly otherAbnormalities: readonly string[];
  readonly inputs: FishPanel | null;
  readonly standard: string;
}

/**
 * Cytogenetic risk by FISH as R-ISS and the trial define it: high risk = del(17p) and/or t(4;14) and/or
 * t(14;16); standard risk = all three tested and absent. gain(1q21) and del(13q) are reported but do not
 * make a patient high risk. One positive high-risk probe is enough for "high" even when another probe has
 * no result; a panel with a high-risk probe missing and the others negative is not evaluable, since the
 * missing probe could have been positive.
 */
export function computeCytogeneticRisk(fish: FishPanel | null | undefined): Outcome<CytogeneticRiskResult> {
  const make = (risk: CytogeneticRisk | null, reason: string, high: string[], other: string[]): Outcome<CytogeneticRiskResult> =>
    success(
      Object.freeze({
        risk,
        reason,
        highRiskAbnormalities: Object.freeze(high),
        otherAbnormalities: Object.freeze(other),
        inputs: fish === null || fish === undefined ? null : Object.freeze({ ...fish }),
        standard: CYTOGENETIC_RISK_STANDARD,
      }),
    );
  if (fish === null || fish === undefined) return make(null, 'not evaluable: no FISH result', [], []);

  const issues: Issue[] = [];
  const read = (key: keyof FishPanel): boolean | null => {
    const raw: unknown = fish[key];
    if (raw === undefined || raw === null) return null;
    if (typeof raw !== 'boolean') {
      issues.push(issue('bad-value', [key], raw, 'true (present), false (absent) or null (no result)'));
      return null;
    }
    return raw;
  };
  const high = HIGH_RISK_PROBES.map(([key, label]) => ({ label, found: read(key) }));
  const other = OTHER_PROBES.map(([key, label]) => ({ label, found: read(key) }));
  if (issues.length > 0) return failure(issues);

  const positive = high.filter((probe) => probe.found === true).map((probe) => probe.label);
  const missing = high.filter((probe) => probe.found === null).map((probe) => probe.label);
  const others = other.filter((probe) => probe.found === true).map((probe) => probe.label);
  const otherNote = others.length > 0 ? `; ${others.join(', ')} reported but not high risk` : '';
  if (positive.length > 0) return make('high', `high-risk abnormality present: ${positive.join(', ')}${otherNote}`, positive, others);
  if (missing.length > 0) {
    return make(null, `not evaluable: no result for ${missing.join(', ')} and no high-risk abnormality found in the rest${otherNote}`, [], others);
  }
  return make('standard', `del(17p), t(4;14) and t(14;16) all absent${otherNote}`, [], others);
}
