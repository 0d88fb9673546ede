import { failure, issue, success, type Issue, type Outcome } from '../../result/index.js';
import { checkOptionalNumber } from './checkOptionalNumber.js';
import type { CytogeneticRisk } from './computeCytogeneticRisk.js';
import type { IssStage } from './computeIssStage.js';

export type RissStage = 'I' | 'II' | 'III';

export const RISS_STANDARD = 'R-ISS (Palumbo A et al., J Clin Oncol 2015;33:2863-2869)';

export interface RissInput {
  /** From computeIssStage; null = ISS not evaluable. */
  readonly issStage: IssStage | null;
  /** From computeCytogeneticRisk; null = FISH missing or not evaluable. */
  readonly cytogeneticRisk: CytogeneticRisk | null;
  /** Serum LDH and the site's upper limit of normal, both in U/L; null = not measured. */
  readonly ldhUPerL?: number | null;
  readonly ldhUlnUPerL?: number | null;
}

export interface RissResult {
  readonly stage: RissStage | null;
  readonly reason: string;
  readonly inputs: {
    readonly issStage: IssStage | null;
    readonly cytogeneticRisk: CytogeneticRisk | null;
    readonly ldhUPerL: number | null;
    readonly ldhUlnUPerL: number | null;
  };
  readonly standard: string;
}

/**
 * Revised ISS (Palumbo 2015):
 *   I   = ISS I and standard-risk FISH and LDH <= ULN
 *   III = ISS III and (high-risk FISH or LDH > ULN)
 *   II  = all others.
 * Not evaluable (stage null) when:
 * - the ISS stage is missing (it decides every stage);
 * - FISH is missing: the standard defines R-ISS only with FISH, and the trial did not stage its 3 patients
 *   without FISH (82 of 85 staged), even though ISS II would logically be R-ISS II whatever the FISH;
 * - LDH (value and ULN) is missing where it decides: ISS I with standard risk (I vs II) and ISS III with
 *   standard risk (II vs III). ISS II, ISS I with high risk (II) and ISS III with high risk (III) need no LDH.
 */
export function computeRissStage(input: RissInput): Outcome<RissResult> {
  const issues: Issue[] = [];
  const iss: unknown = input.issStage;
  if (iss !== null && iss !== undefined && iss !== 'I' && iss !== 'II' && iss !== 'III') {
    issues.push(issue('bad-value', ['issStage'], iss, "'I', 'II', 'III' or null (not evaluable)"));
  }
  const risk: unknown = input.cytogeneticRisk;
  if (risk !== null && risk !== undefined && risk !== 'high' && risk !== 'standard') {
    issues.push(issue('bad-value', ['cytogeneticRisk'], risk, "'high', 'standard' or null (FISH missing)"));
  }
  const ldh = checkOptionalNumber(input.ldhUPerL, 'ldhUPerL', issues, 'an LDH in U/L (a number >= 0), or null when not measured');
  const uln = checkOptionalNumber(input.ldhUlnUPerL, 'ldhUlnUPerL', issues, 'the LDH upper limit of normal in U/L (a number > 0), or null');
  if (uln === 0) issues.push(issue('bad-number', ['ldhUlnUPerL'], uln, 'the LDH upper limit of normal in U/L (a number > 0), or null'));
  if (issues.length > 0) return failure(issues);

  const issStage = input.issStage ?? null;
  const cytogeneticRisk = input.cytogeneticRisk ?? null;
  const result = (stage: RissStage | null, reason: string): Outcome<RissResult> =>
    success(
      Object.freeze({
        stage,
        reason,
        inputs: Object.freeze({ issStage, cytogeneticRisk, ldhUPerL: ldh, ldhUlnUPerL: uln }),
        standard: RISS_STANDARD,
      }),
    );

  if (issStage === null) return result(null, 'not evaluable: ISS stage missing');
  if (cytogeneticRisk === null) {
    return result(null, 'not evaluable: FISH cytogenetic risk missing (R-ISS is defined only with FISH; the trial staged 82 of 85 patients for this reason)');
  }
  const ldhHigh = ldh === null || uln === null ? null : ldh > uln;
  const ldhMissing = ldh === null ? 'LDH' : 'the LDH upper limit of normal';

  if (issStage === 'II') return result('II', 'ISS II is R-ISS II whatever the FISH and LDH');
  if (issStage === 'I') {
    if (cytogeneticRisk === 'high') return result('II', 'ISS I with high-risk FISH: not stage I');
    if (ldhHigh === null) return result(null, `not evaluable: ISS I with standard-risk FISH, and ${ldhMissing} (missing) separates stage I from II`);
    return ldhHigh ? result('II', 'ISS I with standard-risk FISH but LDH > ULN: not stage I') : result('I', 'ISS I, standard-risk FISH and LDH <= ULN');
  }
  if (cytogeneticRisk === 'high') return result('III', 'ISS III with high-risk FISH');
  if (ldhHigh === null) return result(null, `not evaluable: ISS III with standard-risk FISH, and ${ldhMissing} (missing) separates stage II from III`);
  return ldhHigh ? result('III', 'ISS III with LDH > ULN') : result('II', 'ISS III with standard-risk FISH and LDH <= ULN: not stage III');
}
