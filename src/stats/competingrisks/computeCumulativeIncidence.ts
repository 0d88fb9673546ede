import { failure, issue, success, type Issue, type Outcome } from '../../result/index.js';
import { ldlDecompose, ldlSolve } from '../cox/index.js';
import { chiSquareUpperTail } from '../distributions/index.js';
import { cumulativeIncidenceAt, cumulativeIncidenceKernel, type CumulativeIncidenceStep } from './cumulativeIncidenceKernel.js';
import { grayScoreKernel } from './grayTestKernel.js';

export interface CumulativeIncidenceInput {
  /** Follow-up time of each subject, >= 0. */
  readonly time: ArrayLike<number>;
  /** What ended each subject's follow-up: an event type, or `censor`. */
  readonly event: readonly string[];
  /** The value of `event` that marks a censored subject. */
  readonly censor: string;
  /**
   * The event types in output order; default: the values of `event` other than `censor`, in order of
   * first appearance. Every value but `censor` must be listed; a listed type need not occur.
   */
  readonly eventTypes?: readonly string[];
  /** Group of each subject; without it, one curve per event type. */
  readonly group?: readonly string[];
  /** The groups in output order; default: first appearance. */
  readonly levels?: readonly string[];
  /** Times at which to report the estimates (cmprsk's timepoints). */
  readonly at?: readonly number[];
}

export interface CumulativeIncidenceCurve {
  readonly group: string | null;
  readonly event: string;
  /** Subjects in the group. */
  readonly n: number;
  /** Events of this type in the group. */
  readonly events: number;
  readonly steps: readonly CumulativeIncidenceStep[];
  /** The group's largest follow-up time: estimates after it are null (cmprsk: NA). */
  readonly lastTime: number;
  readonly at: readonly { readonly time: number; readonly estimate: number | null; readonly variance: number | null }[];
}

export interface GrayTest {
  readonly event: string;
  /** null when the variance of the scores is singular (cmprsk reports -1). */
  readonly chisq: number | null;
  readonly df: number;
  readonly p: number | null;
}

export interface CumulativeIncidenceResult {
  readonly eventTypes: readonly string[];
  readonly censor: string;
  /** Curves by event type, then by group (cuminc's order). */
  readonly curves: readonly CumulativeIncidenceCurve[];
  /** Gray's test per event type (rho = 0); empty with fewer than two groups. */
  readonly gray: readonly GrayTest[];
}

const MAX_ISSUES = 50;

/**
 * Cumulative incidence of each event type in the presence of the others (Aalen-Johansen), with cmprsk's
 * variance and Gray's test between groups (rho = 0): R `cmprsk::cuminc(time, event, group, cencode =
 * censor)` and `timepoints(fit, at)`.
 */
export function computeCumulativeIncidence(input: CumulativeIncidenceInput): Outcome<CumulativeIncidenceResult> {
  const issues: Issue[] = [];
  const add = (item: Issue): void => {
    if (issues.length < MAX_ISSUES) issues.push(item);
  };
  const n = input.time.length;
  if (n === 0) add(issue('empty-input', ['time'], [], 'at least one subject'));
  if (input.event.length !== n) add(issue('length-mismatch', ['event'], input.event.length, `${n} values, one per time`));
  if (input.group !== undefined && input.group.length !== n) add(issue('length-mismatch', ['group'], input.group.length, `${n} labels, one per time`));
  if (issues.length > 0) return failure(issues);
  const time = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const t: unknown = input.time[i];
    if (typeof t !== 'number' || !Number.isFinite(t) || t < 0) add(issue(typeof t === 'number' && t < 0 ? 'negative-time' : 'bad-time', ['time', i], t, 'a finite time >= 0'));
    else time[i] = t;
  }
  const types = input.eventTypes ?? [...new Set(input.event)].filter((e) => e !== input.censor);
  if (types.includes(input.censor)) add(issue('censor-is-event', ['eventTypes'], input.censor, 'event types other than the censoring value'));
  const typeIndex = new Map(types.map((t, i) => [t, i + 1]));
  const cause = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const e = input.event[i];
    if (e === input.censor) continue;
    const code = typeIndex.get(e);
    if (code === undefined) add(issue('unknown-event', ['event', i], e, `the censoring value '${input.censor}' or one of ${types.join(', ')}`));
    else cause[i] = code;
  }
  const levels = input.group === undefined ? [''] : (input.levels ?? [...new Set(input.group)]);
  const levelIndex = new Map(levels.map((l, i) => [l, i]));
  const group = new Uint32Array(n);
  if (input.group !== undefined) {
    for (let i = 0; i < n; i++) {
      const code = levelIndex.get(input.group[i]);
      if (code === undefined) add(issue('unknown-group', ['group', i], input.group[i], `one of the levels ${levels.join(', ')}`));
      else group[i] = code;
    }
  }
  const at = input.at ?? [];
  at.forEach((t, i) => {
    if (typeof t !== 'number' || !Number.isFinite(t) || t < 0) add(issue('bad-time', ['at', i], t, 'a finite time >= 0'));
  });
  if (issues.length > 0) return failure(issues);
  return success(
    cumulativeIncidenceByGroupKernel(time, cause, types, group, input.group === undefined ? null : levels, at, input.censor),
  );
}

/**
 * Kernel: cause[i] is 0 (censored) or 1 + the index of subject i's event type; group[i] indexes
 * `levels` (null: no groups, every code 0). Sorts by time once (stably, as cuminc's order()).
 */
export function cumulativeIncidenceByGroupKernel(
  time: Float64Array,
  cause: Uint32Array,
  eventTypes: readonly string[],
  group: Uint32Array,
  levels: readonly string[] | null,
  at: readonly number[],
  censor: string,
): CumulativeIncidenceResult {
  const n = time.length;
  const order = Uint32Array.from({ length: n }, (_, i) => i).sort((a, b) => time[a] - time[b] || a - b);
  const groups = levels?.length ?? 1;
  const sizes = new Uint32Array(groups);
  for (let i = 0; i < n; i++) sizes[group[i]] += 1;
  // Each group's subjects in time order, for cinc.
  const offsets = new Uint32Array(groups + 1);
  for (let g = 0; g < groups; g++) offsets[g + 1] = offsets[g] + sizes[g];
  const fill = offsets.slice(0, groups);
  const byGroup = new Uint32Array(n);
  for (const i of order) byGroup[fill[group[i]]++] = i;

  const sortedTime = new Float64Array(n);
  const sortedGroup = new Uint32Array(n);
  order.forEach((i, k) => {
    sortedTime[k] = time[i];
    sortedGroup[k] = group[i];
  });
  const times = [...new Set(at)].sort((a, b) => a - b);
  const curves: CumulativeIncidenceCurve[] = [];
  const gray: GrayTest[] = [];
  eventTypes.forEach((event, e) => {
    const code = e + 1;
    for (let g = 0; g < groups; g++) {
      const m = sizes[g];
      const t = new Float64Array(m);
      const failed = new Uint8Array(m);
      const mine = new Uint8Array(m);
      for (let k = 0; k < m; k++) {
        const i = byGroup[offsets[g] + k];
        t[k] = time[i];
        failed[k] = cause[i] === 0 ? 0 : 1;
        mine[k] = cause[i] === code ? 1 : 0;
      }
      const curve = cumulativeIncidenceKernel(t, failed, mine);
      curves.push(
        Object.freeze({
          group: levels === null ? null : levels[g],
          event,
          n: curve.n,
          events: curve.events,
          steps: curve.steps,
          lastTime: curve.lastTime,
          at: Object.freeze(times.map((time) => Object.freeze({ time, ...cumulativeIncidenceAt(curve, time) }))),
        }),
      );
    }
    if (groups > 1) {
      const codes = new Uint8Array(n);
      order.forEach((i, k) => (codes[k] = cause[i] === 0 ? 0 : cause[i] === code ? 1 : 2));
      gray.push(grayTest(event, sortedTime, codes, sortedGroup, groups));
    }
  });
  return Object.freeze({ eventTypes: Object.freeze([...eventTypes]), censor, curves: Object.freeze(curves), gray: Object.freeze(gray) });
}

// cuminc solves through qr() (LINPACK's tolerance 1e-7): a variance of lower rank gives no statistic.
const SINGULAR_TOLERANCE = 1e-7;

function grayTest(event: string, time: Float64Array, code: Uint8Array, group: Uint32Array, groups: number): GrayTest {
  const { score, variance } = grayScoreKernel(time, code, group, groups);
  const k = groups - 1;
  const factor = Float64Array.from(variance);
  const rank = ldlDecompose(factor, k, SINGULAR_TOLERANCE);
  if (rank !== k) return Object.freeze({ event, chisq: null, df: k, p: null });
  const solved = Float64Array.from(score);
  ldlSolve(factor, k, solved);
  let chisq = 0;
  for (let i = 0; i < k; i++) chisq += score[i] * solved[i];
  return Object.freeze({ event, chisq, df: k, p: chiSquareUpperTail(chisq, k) });
}
