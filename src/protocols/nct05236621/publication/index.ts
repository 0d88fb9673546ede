import type { PublishedResult, Publication, Quantity, ReproductionContext } from '../../../reproduce/index.js';
import { baselineQuantities } from './baselineQuantities.js';
import { dispositionQuantities } from './dispositionQuantities.js';
import { efficacyQuantities } from './efficacyQuantities.js';
import findings from './published-findings.json' with { type: 'json' };
import results from './published-results.json' with { type: 'json' };
import { safetyQuantities } from './safetyQuantities.js';
import { survivalQuantities } from './survivalQuantities.js';

/**
 * The publication of NCT05236621 (Zhou H et al. Ann Hematol 2023, doi:10.1007/s00277-023-05558-y):
 * published-results.json is the team's reference, unchanged (its inconsistencies listed in it);
 * published-findings.json holds the misprints trialkit found; the rules read each printed id from the
 * report model by table id, row key and column id, or from the datasets.
 */
export const NCT05236621_PUBLICATION: Publication = {
  citation: 'Zhou H et al. Ann Hematol 2023, doi:10.1007/s00277-023-05558-y',
  results,
  findings,
  quantities(context: ReproductionContext, published: readonly PublishedResult[]): ReadonlyMap<string, Quantity> {
    const ids = published.map((r) => r.id);
    return new Map<string, Quantity>([
      ...dispositionQuantities(context, published),
      ...baselineQuantities(context),
      ...efficacyQuantities(context, ids),
      ...survivalQuantities(context, ids),
      ...safetyQuantities(context, ids),
    ]);
  },
};
