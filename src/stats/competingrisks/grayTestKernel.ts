/** Gray's score vector and its variance for one event type across groups. */
export interface GrayScore {
  /** Scores of groups 1 .. k-1 (the last group is implied). */
  readonly score: Float64Array;
  /** Variance of the scores, (k-1) x (k-1) row-major. */
  readonly variance: Float64Array;
}

/**
 * Kernel: Gray's (1988) k-sample test of cumulative incidence curves, as cmprsk's Fortran `crstm` with one
 * stratum. `time` is sorted ascending; `code[i]` is 0 censored, 1 an event of the type tested, 2 an
 * event of another type; `group[i]` is 0 .. groups - 1. `rho` is the power of the weight (1 - F)^rho
 * (cuminc's default 0). The operations follow crst's, in its order, so results agree to the last bits.
 */
export function grayScoreKernel(time: Float64Array, code: Uint8Array, group: Uint32Array, groups: number, rho = 0): GrayScore {
  const n = time.length;
  const ng = groups;
  const ng1 = ng - 1;
  const rs = new Float64Array(ng);
  for (let i = 0; i < n; i++) rs[group[i]] += 1;
  const s = new Float64Array(ng1);
  // Packed lower triangle of the (ng-1) x (ng-1) variance: v[i (i + 1) / 2 + j], j <= i.
  const v = new Float64Array((ng1 * ng) / 2);
  const f1m = new Float64Array(ng);
  const f1 = new Float64Array(ng);
  const skmm = new Float64Array(ng).fill(1);
  const skm = new Float64Array(ng).fill(1);
  const v3 = new Float64Array(ng);
  const v2 = new Float64Array(ng1 * ng);
  const c = new Float64Array(ng * ng);
  const a = new Float64Array(ng * ng);
  const d0 = new Float64Array(ng);
  const d1 = new Float64Array(ng);
  const d2 = new Float64Array(ng);
  let fm = 0;
  let f = 0;
  let first = 0;
  while (first < n) {
    let last = first;
    while (last + 1 < n && time[last + 1] <= time[first]) last++;
    d0.fill(0);
    d1.fill(0);
    d2.fill(0);
    for (let i = first; i <= last; i++) {
      const g = group[i];
      if (code[i] === 1) d1[g] += 1;
      else if (code[i] === 2) d2[g] += 1;
      else d0[g] += 1;
    }
    let nd1 = 0;
    let nd2 = 0;
    for (let g = 0; g < ng; g++) {
      nd1 += d1[g];
      nd2 += d2[g];
    }
    if (nd1 !== 0 || nd2 !== 0) {
      let tr = 0;
      let tq = 0;
      for (let g = 0; g < ng; g++) {
        if (rs[g] <= 0) continue;
        const td = d1[g] + d2[g];
        skm[g] = (skmm[g] * (rs[g] - td)) / rs[g];
        f1[g] = f1m[g] + (skmm[g] * d1[g]) / rs[g];
        tr = tr + rs[g] / skmm[g];
        tq = tq + (rs[g] * (1 - f1m[g])) / skmm[g];
      }
      f = fm + nd1 / tr;
      const fb = (1 - fm) ** rho;
      for (let i = 0; i < ng; i++) {
        for (let j = i; j < ng; j++) a[i * ng + j] = 0;
        if (rs[i] <= 0) continue;
        const t1 = rs[i] / skmm[i];
        a[i * ng + i] = fb * t1 * (1 - t1 / tr);
        c[i * ng + i] = c[i * ng + i] + (a[i * ng + i] * nd1) / (tr * (1 - fm));
        for (let j = i + 1; j < ng; j++) {
          if (rs[j] <= 0) continue;
          a[i * ng + j] = -((fb * t1 * rs[j]) / (skmm[j] * tr));
          c[i * ng + j] = c[i * ng + j] + (a[i * ng + j] * nd1) / (tr * (1 - fm));
        }
      }
      for (let i = 1; i < ng; i++) {
        for (let j = 0; j < i; j++) {
          a[i * ng + j] = a[j * ng + i];
          c[i * ng + j] = c[j * ng + i];
        }
      }
      for (let i = 0; i < ng1; i++) {
        if (rs[i] <= 0) continue;
        s[i] = s[i] + fb * (d1[i] - (nd1 * rs[i] * (1 - f1m[i])) / (skmm[i] * tq));
      }
      if (nd1 > 0) {
        for (let k = 0; k < ng; k++) {
          if (rs[k] <= 0) continue;
          const t4 = skm[k] > 0 ? 1 - (1 - f) / skm[k] : 1;
          const t5 = nd1 > 1 ? 1 - (nd1 - 1) / (tr * skmm[k] - 1) : 1;
          const t3 = (t5 * skmm[k] * nd1) / (tr * rs[k]);
          v3[k] = v3[k] + t4 * t4 * t3;
          for (let i = 0; i < ng1; i++) {
            const t1 = a[i * ng + k] - t4 * c[i * ng + k];
            v2[i * ng + k] = v2[i * ng + k] + t1 * t4 * t3;
            for (let j = 0; j <= i; j++) {
              const t2 = a[j * ng + k] - t4 * c[j * ng + k];
              const l = (i * (i + 1)) / 2 + j;
              v[l] = v[l] + t1 * t2 * t3;
            }
          }
        }
      }
      if (nd2 !== 0) {
        for (let k = 0; k < ng; k++) {
          if (skm[k] <= 0 || d2[k] <= 0) continue;
          const t4 = (1 - f) / skm[k];
          const t5 = d2[k] > 1 ? 1 - (d2[k] - 1) / (rs[k] - 1) : 1;
          const t3 = (t5 * (skmm[k] * skmm[k] * d2[k])) / (rs[k] * rs[k]);
          v3[k] = v3[k] + t4 * t4 * t3;
          for (let i = 0; i < ng1; i++) {
            const t1 = t4 * c[i * ng + k];
            v2[i * ng + k] = v2[i * ng + k] - t1 * t4 * t3;
            for (let j = 0; j <= i; j++) {
              const t2 = t4 * c[j * ng + k];
              const l = (i * (i + 1)) / 2 + j;
              v[l] = v[l] + t1 * t2 * t3;
            }
          }
        }
      }
    }
    if (last >= n - 1) break;
    for (let i = first; i <= last; i++) rs[group[i]] -= 1;
    fm = f;
    for (let g = 0; g < ng; g++) {
      f1m[g] = f1[g];
      skmm[g] = skm[g];
    }
    first = last + 1;
  }
  for (let i = 0; i < ng1; i++) {
    for (let j = 0; j <= i; j++) {
      const l = (i * (i + 1)) / 2 + j;
      for (let k = 0; k < ng; k++) {
        v[l] = v[l] + c[i * ng + k] * c[j * ng + k] * v3[k];
        v[l] = v[l] + c[i * ng + k] * v2[j * ng + k];
        v[l] = v[l] + c[j * ng + k] * v2[i * ng + k];
      }
    }
  }
  const variance = new Float64Array(ng1 * ng1);
  for (let i = 0; i < ng1; i++) {
    for (let j = 0; j <= i; j++) {
      const value = v[(i * (i + 1)) / 2 + j];
      variance[i * ng1 + j] = value;
      variance[j * ng1 + i] = value;
    }
  }
  return Object.freeze({ score: s, variance });
}
