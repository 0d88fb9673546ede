import type { PublishedResult } from './publishedResults.js';
import type { Quantity } from './quantity.js';
import type { ReproductionContext } from './reproductionContext.js';

/**
 * A publication of a protocol's trial that `trialkit reproduce` compares with: the printed numbers (the
 * team's reference file, unchanged), trialkit's own findings of misprints, and the rules that read each
 * printed id from the report model and the datasets. It lives in the protocol's folder; this engine knows
 * no trial.
 */
export interface Publication {
  /** The paper, for the reproduction's header. */
  readonly citation: string;
  /** The printed results (shape: PublishedResults), as parsed JSON. */
  readonly results: unknown;
  /** trialkit's own findings of misprints (shape: PublishedFindings), as parsed JSON. */
  readonly findings: unknown;
  /** What trialkit computes for each printed id (ids without a rule are reported as not computed). */
  quantities(context: ReproductionContext, published: readonly PublishedResult[]): ReadonlyMap<string, Quantity>;
}
