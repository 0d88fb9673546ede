import { failure, issue, success, type Issue, type Outcome } from '../../result/index.js';

/** What is known of one subject's response so far: final either way, or not yet (still being assessed). */
export type SimonOutcome = 'responder' | 'non-responder' | 'pending';

/**
 * The state of one stage's rule "more than `threshold` responders among the first `size` subjects":
 * - 'accruing': fewer than `size` subjects so far and the rule is not yet met either way;
 * - 'met': more than `threshold` responders already (later subjects cannot undo it);
 * - 'not-met': even if every subject still pending (or still to be accrued) responded, at most `threshold`;
 * - 'pending': all `size` subjects accrued, some still being assessed, either way still possible.
 */
export type SimonRuleState = 'accruing' | 'met' | 'not-met' | 'pending';

export interface SimonStageState {
  readonly size: number;
  /** Responders at or below this count fail the stage's rule. */
  readonly threshold: number;
  /** Subjects of the stage accrued so far (at most `size`). */
  readonly accrued: number;
  readonly responders: number;
  readonly nonResponders: number;
  readonly pending: number;
  readonly state: SimonRuleState;
}

/**
 * The live decision of a Simon two-stage design: stage 1 over the first n1 subjects in accrual order
 * ('met' = continue to stage 2, 'not-met' = stop for futility), and the final rule over the first n
 * ('met' = reject H0: more than r responders in all).
 */
export interface SimonDecision {
  readonly kind: 'simon-decision';
  readonly stage1: SimonStageState;
  readonly final: SimonStageState;
  /** Subjects accrued beyond n (not counted by the design). */
  readonly beyondDesign: number;
}

export interface SimonDecisionInput {
  readonly n1: number;
  readonly r1: number;
  readonly n: number;
  readonly r: number;
  /** One outcome per subject of the design's analysis set, in accrual order. */
  readonly outcomes: readonly SimonOutcome[];
}

function stageState(outcomes: readonly SimonOutcome[], size: number, threshold: number): SimonStageState {
  const counted = outcomes.slice(0, size);
  const responders = counted.filter((o) => o === 'responder').length;
  const nonResponders = counted.filter((o) => o === 'non-responder').length;
  const pending = counted.length - responders - nonResponders;
  const stillPossible = pending + (size - counted.length);
  const state: SimonRuleState =
    responders > threshold ? 'met' : responders + stillPossible <= threshold ? 'not-met' : counted.length < size ? 'accruing' : 'pending';
  return Object.freeze({ size, threshold, accrued: counted.length, responders, nonResponders, pending, state });
}

function designIssues(input: SimonDecisionInput): Issue[] {
  const { n1, r1, n, r } = input;
  const whole = (value: number): boolean => Number.isInteger(value) && value >= 0;
  if (!(whole(n1) && whole(r1) && whole(n) && whole(r) && r1 < n1 && n1 < n && r1 <= r && r < n)) {
    return [issue('bad-simon-design', ['design'], { n1, r1, n, r }, 'whole numbers with r1 < n1 < n, r1 <= r < n')];
  }
  const bad = input.outcomes.findIndex((o) => o !== 'responder' && o !== 'non-responder' && o !== 'pending');
  return bad < 0 ? [] : [issue('bad-simon-outcome', ['outcomes', bad], input.outcomes[bad], "'responder', 'non-responder' or 'pending'")];
}

/**
 * Where a Simon (1989) two-stage trial stands on live data. A rule is called only when no pending or
 * future subject can change it, so a 'met' or 'not-met' here is what the final data will also say.
 */
export function computeSimonDecision(input: SimonDecisionInput): Outcome<SimonDecision> {
  const issues = designIssues(input);
  if (issues.length > 0) return failure(issues);
  return success(
    Object.freeze({
      kind: 'simon-decision' as const,
      stage1: stageState(input.outcomes, input.n1, input.r1),
      final: stageState(input.outcomes, input.n, input.r),
      beyondDesign: Math.max(0, input.outcomes.length - input.n),
    }),
  );
}
