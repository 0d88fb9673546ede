/**
 * What the reproduction computed for one published id, before it is compared: a subject count (with its
 * denominator), a proportion with its Clopper-Pearson limits (percent), an estimate (median, KM rate in
 * percent, P value, design size), a value computed under a stated reading of a printed definition the
 * data cannot follow as printed (`reinterpreted`), or the reason it could not be computed.
 */
export type Quantity = DirectQuantity | { readonly kind: 'reinterpreted'; readonly quantity: DirectQuantity; readonly reading: string } | { readonly kind: 'not-computed'; readonly reason: string };

/** A quantity computed as the paper defines it. */
export type DirectQuantity =
  | { readonly kind: 'count'; readonly n: number; readonly N: number | null }
  | { readonly kind: 'proportion'; readonly n: number; readonly N: number; readonly ciLower: number; readonly ciUpper: number }
  | {
      readonly kind: 'estimate';
      readonly value: number | null;
      readonly ciLower?: number | null;
      readonly ciUpper?: number | null;
      readonly min?: number | null;
      readonly max?: number | null;
    };

export function countQuantity(n: number, N: number | null = null): DirectQuantity {
  return Object.freeze({ kind: 'count', n, N });
}

export function estimateQuantity(value: number | null, extra: { ciLower?: number | null; ciUpper?: number | null; min?: number | null; max?: number | null } = {}): DirectQuantity {
  return Object.freeze({ kind: 'estimate', value, ...extra });
}

export function notComputed(reason: string): Quantity {
  return Object.freeze({ kind: 'not-computed', reason });
}

/**
 * A quantity computed under another reading than the printed definition (e.g. a figure labelled as
 * treatment-related that only all treatment-emergent events give): `reading` says which, and what the
 * printed definition gives, so that the scoreboard never counts it as a plain match.
 */
export function reinterpretedQuantity(quantity: DirectQuantity, reading: string): Quantity {
  return Object.freeze({ kind: 'reinterpreted', quantity, reading });
}
