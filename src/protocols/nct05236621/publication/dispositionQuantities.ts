import type { DiscontinuationReason } from '../../../clinical/index.js';
import { findFigure } from '../../../report/model/index.js';
import {
  countAt,
  countQuantity,
  endpointRowsOf,
  estimateQuantity,
  notComputed,
  survivalQuantity,
  type PublishedResult,
  type Quantity,
  type ReproductionContext,
} from '../../../reproduce/index.js';
import { computeExactSingleArmDesign } from '../../../stats/index.js';

const DISCONTINUATION_IDS: Readonly<Record<string, DiscontinuationReason>> = Object.freeze({
  'disposition.discontinued.pd': 'progressive-disease',
  'disposition.discontinued.consent_withdrawn': 'consent-withdrawn',
  'disposition.discontinued.teae': 'adverse-event',
  // Printed a second time as 5; the same derivation answers it (see the paper's inconsistency).
  'disposition.discontinued.teae.alt': 'adverse-event',
  'disposition.discontinued.investigator': 'investigator-decision',
  'disposition.discontinued.death': 'death',
  'disposition.discontinued.protocol_violation': 'protocol-violation',
});

/** The design quantities, recomputed by the exact single-arm design from the printed design inputs. */
function designQuantities(published: readonly PublishedResult[]): Map<string, Quantity> {
  const out = new Map<string, Quantity>();
  const design = published.find((r) => r.id === 'design.samplesize.n');
  const planned = published.find((r) => r.id === 'design.planned.n');
  if (design === undefined) return out;
  const outcome = computeExactSingleArmDesign({ p0: design.p0, p1: design.p1, alpha: design.alpha, power: design.power, dropout: planned?.dropout ?? 0 });
  if (!outcome.ok) {
    const reason = notComputed(`design inputs rejected: ${outcome.issues.map((i) => `${i.code} at ${i.path.join('.')}`).join(', ')}`);
    out.set(design.id, reason);
    if (planned !== undefined) out.set(planned.id, reason);
    return out;
  }
  out.set(design.id, estimateQuantity(outcome.value.n));
  if (planned !== undefined) out.set(planned.id, estimateQuantity(outcome.value.nEnrolled));
  return out;
}

/** Fig. 1 and the dosing paragraph: screening, discontinuation by reason, treatment duration, dose modifications. */
export function dispositionQuantities(context: ReproductionContext, published: readonly PublishedResult[]): Map<string, Quantity> {
  const out = designQuantities(published);
  const consort = findFigure(context.model, 'f-consort', 'consort');
  if (consort === undefined) {
    for (const id of ['disposition.screened', 'disposition.enrolled', 'disposition.discontinued', 'disposition.ongoing', ...Object.keys(DISCONTINUATION_IDS)]) {
      out.set(id, notComputed('the report model has no CONSORT flow'));
    }
  } else {
    const flow = consort.data;
    const N = flow.enrolled.n;
    out.set('disposition.screened', countQuantity(flow.screened.n));
    out.set('disposition.enrolled', countQuantity(N));
    out.set('disposition.discontinued', countQuantity(flow.discontinuedTreatment.n, N));
    for (const [id, reason] of Object.entries(DISCONTINUATION_IDS)) {
      // A reason nobody had has no box.
      const box = flow.discontinuedTreatment.breakdown.find((b) => b.id === `${flow.discontinuedTreatment.id}-${reason}`);
      out.set(id, countQuantity(box?.n ?? 0, N));
    }
    // "Still ongoing the study": not ended the study (on treatment or in survival follow-up).
    out.set('disposition.ongoing', countQuantity(flow.ongoingStudy.n, N));
  }
  out.set('disposition.centres', countQuantity(new Set(context.datasets.adsl.map((r) => r.SITEID)).size));
  const safetyFlag = context.protocol.analysisPlan.safetyPopulation;
  const safety = new Set(context.datasets.adsl.filter((r) => r[safetyFlag] === 'Y').map((r) => r.USUBJID));
  out.set('disposition.treatment_duration.median', survivalQuantity(context, endpointRowsOf(context, 'TRTDUR', safety), null));

  const exposure = (drug: string, key: string, absentIsZero = false): Quantity => countAt(context, 't-exposure', `${drug}:${key}`, 'arm', { absentIsZero });
  out.set('dosing.pom.any_adjustment', exposure('pomalidomide', 'any-adjustment'));
  out.set('dosing.pom.dose_adjustment', exposure('pomalidomide', 'dose-adjustment'));
  out.set('dosing.pom.delayed', exposure('pomalidomide', 'delay'));
  out.set('dosing.pom.reduced', exposure('pomalidomide', 'reduction'));
  for (const mg of [3, 2, 1]) out.set(`dosing.pom.reduced_to_${mg}mg`, exposure('pomalidomide', `dose:${mg}`, true));
  out.set('dosing.dex.any_adjustment', exposure('dexamethasone', 'any-adjustment'));
  out.set('dosing.dex.dose_adjustment', exposure('dexamethasone', 'dose-adjustment'));
  out.set('dosing.dex.delayed', exposure('dexamethasone', 'delay'));
  out.set('dosing.dex.reduced_to_20mg', exposure('dexamethasone', 'dose:20', true));
  return out;
}
