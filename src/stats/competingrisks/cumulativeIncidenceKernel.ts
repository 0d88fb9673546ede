/** One step of a cumulative incidence curve: at a time with an event of its type. */
export interface CumulativeIncidenceStep {
  readonly time: number;
  /** Aalen-Johansen estimate just after this time. */
  readonly estimate: number;
  /** cmprsk's variance estimate (the delta-method form of Gray's cinc, not Greenwood's). */
  readonly variance: number;
}

export interface CumulativeIncidenceSteps {
  readonly n: number;
  /** Events of this type. */
  readonly events: number;
  readonly steps: readonly CumulativeIncidenceStep[];
  /** The largest follow-up time: the curve is defined up to here (cmprsk's timepoints give NA after). */
  readonly lastTime: number;
}

/**
 * Kernel: the cumulative incidence of one event type in one group, as cmprsk's Fortran `cinc` (called by
 * `cuminc`). `time` is sorted ascending; `failed[i]` is 1 when subject i had an event of any type,
 * `cause[i]` is 1 when it was of this type. At each distinct time with d1 events of this type and d2 of
 * others among r at risk, with S the all-cause Kaplan-Meier just before: F += S d1 / r; the variance
 * accumulates Gray's three sums (v1, v2, v3, with the tie correction 1 - (d - 1)/(r - 1)) and is
 * v1 + F^2 v3 - 2 F v2, recorded at the times with events of this type. Same operations in the same
 * order as cinc, so results agree to the last bits.
 */
export function cumulativeIncidenceKernel(time: Float64Array, failed: Uint8Array, cause: Uint8Array): CumulativeIncidenceSteps {
  const n = time.length;
  const steps: CumulativeIncidenceStep[] = [];
  let fk = 1;
  let f = 0;
  let v1 = 0;
  let v2 = 0;
  let v3 = 0;
  let events = 0;
  let rs = n;
  let first = 0;
  while (first < n) {
    let last = first;
    while (last + 1 < n && time[last + 1] === time[first]) last++;
    let nd1 = 0;
    let nd2 = 0;
    for (let i = first; i <= last; i++) {
      nd1 += cause[i];
      nd2 += failed[i] - cause[i];
    }
    const nd = nd1 + nd2;
    if (nd > 0) {
      const fkn = (fk * (rs - nd)) / rs;
      if (nd1 > 0) f = f + (fk * nd1) / rs;
      if (nd2 > 0 && fkn > 0) {
        const t5 = nd2 > 1 ? 1 - (nd2 - 1) / (rs - 1) : 1;
        const t6 = (fk * fk * t5 * nd2) / (rs * rs);
        const t3 = 1 / fkn;
        const t4 = f / fkn;
        v1 = v1 + t4 * t4 * t6;
        v2 = v2 + t3 * t4 * t6;
        v3 = v3 + t3 * t3 * t6;
      }
      if (nd1 > 0) {
        const t5 = nd1 > 1 ? 1 - (nd1 - 1) / (rs - 1) : 1;
        const t6 = (fk * fk * t5 * nd1) / (rs * rs);
        const t3 = fkn > 0 ? 1 / fkn : 0;
        const t4 = 1 + t3 * f;
        v1 = v1 + t4 * t4 * t6;
        v2 = v2 + t3 * t4 * t6;
        v3 = v3 + t3 * t3 * t6;
        steps.push(Object.freeze({ time: time[last], estimate: f, variance: v1 + f * f * v3 - 2 * f * v2 }));
        events += nd1;
      }
      fk = fkn;
    }
    rs = n - (last + 1);
    first = last + 1;
  }
  return Object.freeze({ n, events, steps: Object.freeze(steps), lastTime: n > 0 ? time[n - 1] : Number.NaN });
}

/**
 * The estimate and variance at time t, as cmprsk's `timepoints`: the value of the last step at or
 * before t (0 before the first), null after the largest follow-up time.
 */
export function cumulativeIncidenceAt(curve: CumulativeIncidenceSteps, t: number): { estimate: number | null; variance: number | null } {
  if (!(t <= curve.lastTime)) return { estimate: null, variance: null };
  let lo = 0;
  let hi = curve.steps.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (curve.steps[mid].time <= t) lo = mid + 1;
    else hi = mid;
  }
  if (lo === 0) return { estimate: 0, variance: 0 };
  const step = curve.steps[lo - 1];
  return { estimate: step.estimate, variance: step.variance };
}
