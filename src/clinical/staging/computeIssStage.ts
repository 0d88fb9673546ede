import { failure, success, type Issue, type Outcome } from '../../result/index.js';
import { checkOptionalNumber } from './checkOptionalNumber.js';

export type IssStage = 'I' | 'II' | 'III';

export const ISS_STANDARD = 'ISS (Greipp PR et al., J Clin Oncol 2005;23:3412-3420)';

/** Serum beta2-microglobulin (mg/L) and albumin (g/L); null or absent = not measured. */
export interface IssInput {
  readonly beta2MicroglobulinMgPerL?: number | null;
  readonly albuminGPerL?: number | null;
}

export interface IssResult {
  /** null = not evaluable: an input the decision needs is missing. */
  readonly stage: IssStage | null;
  /** Why this stage (or why not evaluable), in terms of the rule. */
  readonly reason: string;
  readonly inputs: { readonly beta2MicroglobulinMgPerL: number | null; readonly albuminGPerL: number | null };
  readonly standard: string;
}

/**
 * International Staging System for multiple myeloma (Greipp 2005):
 *   I   = beta2-microglobulin < 3.5 mg/L and albumin >= 35 g/L
 *   III = beta2-microglobulin >= 5.5 mg/L
 *   II  = neither.
 * Beta2-microglobulin is needed for every stage; albumin only to separate I from II when beta2m < 3.5
 * mg/L (at 3.5-5.5 mg/L the stage is II and at >= 5.5 mg/L III whatever the albumin). A missing input
 * that the decision needs gives stage null ("not evaluable"), never a guess. Convert values with
 * src/clinical/units first (e.g. albumin g/dL x 10).
 */
export function computeIssStage(input: IssInput): Outcome<IssResult> {
  const issues: Issue[] = [];
  const b2m = checkOptionalNumber(input.beta2MicroglobulinMgPerL, 'beta2MicroglobulinMgPerL', issues, 'a beta2-microglobulin in mg/L (a number >= 0), or null when not measured');
  const albumin = checkOptionalNumber(input.albuminGPerL, 'albuminGPerL', issues, 'an albumin in g/L (a number >= 0), or null when not measured');
  if (issues.length > 0) return failure(issues);

  const result = (stage: IssStage | null, reason: string): Outcome<IssResult> =>
    success(
      Object.freeze({
        stage,
        reason,
        inputs: Object.freeze({ beta2MicroglobulinMgPerL: b2m, albuminGPerL: albumin }),
        standard: ISS_STANDARD,
      }),
    );

  if (b2m === null) return result(null, 'not evaluable: beta2-microglobulin is missing, and every ISS stage depends on it');
  if (b2m >= 5.5) {
    return result('III', albumin === null ? 'beta2-microglobulin >= 5.5 mg/L (albumin missing, but stage III does not depend on it)' : 'beta2-microglobulin >= 5.5 mg/L');
  }
  if (b2m >= 3.5) {
    return result('II', albumin === null ? 'beta2-microglobulin 3.5 to < 5.5 mg/L (albumin missing, but stage I needs beta2-microglobulin < 3.5, so the stage is II whatever the albumin)' : 'beta2-microglobulin 3.5 to < 5.5 mg/L: neither stage I nor III');
  }
  if (albumin === null) return result(null, 'not evaluable: beta2-microglobulin < 3.5 mg/L, and albumin (missing) separates stage I from II');
  return albumin >= 35
    ? result('I', 'beta2-microglobulin < 3.5 mg/L and albumin >= 35 g/L')
    : result('II', 'beta2-microglobulin < 3.5 mg/L with albumin < 35 g/L: neither stage I nor III');
}
