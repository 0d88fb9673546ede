/**
 * What the reproduction computed for one published id, before it is compared: a subject count (with its
 * denominator), a proportion with its Clopper-Pearson limits (percent), an estimate (median, KM rate in
 * percent, P value, design size), or the reason it could not be computed.
 */
export type Quantity =
  | { readonly kind: 'count'; readonly n: number; readonly N: number | null }
  | { readonly kind: 'proportion'; readonly n: number; readonly N: number; readonly ciLower: number; readonly ciUpper: number }
  | {
      readonly kind: 'estimate';
      readonly value: number | null;
      readonly ciLower?: number | null;
      readonly ciUpper?: number | null;
      readonly min?: number | null;
      readonly max?: number | null;
    }
  | { readonly kind: 'not-computed'; readonly reason: string };

export function countQuantity(n: number, N: number | null = null): Quantity {
  return Object.freeze({ kind: 'count', n, N });
}

export function estimateQuantity(value: number | null, extra: { ciLower?: number | null; ciUpper?: number | null; min?: number | null; max?: number | null } = {}): Quantity {
  return Object.freeze({ kind: 'estimate', value, ...extra });
}

export function notComputed(reason: string): Quantity {
  return Object.freeze({ kind: 'not-computed', reason });
}
