import type { AdslRow, ProtocolDefinition } from '../clinical/index.js';
import { findCell, findTable, evaluatorColumnId, primaryEvaluator, type ReportModel, type ReportPopulation } from '../report/index.js';
import { computeSimonDecision, type SimonDecision, type SimonOutcome } from '../stats/index.js';

/**
 * Where a Simon two-stage trial stands on the snapshot's data: the design's rules applied to the
 * subjects of its analysis set in order of enrolment (the response-rate table's population, so the
 * dashboard's count is the report's). Aggregates only: no subject id is in it.
 */
export interface DesignStatus {
  readonly kind: 'simon-two-stage';
  readonly optimality: 'optimal' | 'minimax';
  readonly p0: number;
  readonly p1: number;
  readonly alpha: number;
  readonly power: number;
  readonly n1: number;
  readonly r1: number;
  readonly n: number;
  readonly r: number;
  readonly citation: string;
  /** The evaluator whose calls decide (the plan's primary one), e.g. 'IRC'. */
  readonly evaluator: string;
  readonly population: ReportPopulation;
  readonly decision: SimonDecision;
  /** The stage-1 decision in words, e.g. 'Continue to stage 2: 3 responders among the first 15 (more than 1 needed).' */
  readonly stage1Text: string;
  readonly finalText: string;
  /** How outcomes are read from live data, printed under the decision. */
  readonly rule: string;
}

const OUTCOME_RULE =
  'A subject counts as a responder with a confirmed response by the primary evaluator; as a non-responder once that cannot change (progression, death, or treatment ended without a response); otherwise as still being assessed. A rule is called only when no pending or later subject can change it.';

/** A subject's outcome as far as the snapshot knows it. */
function outcomeOf(subject: AdslRow, responders: ReadonlySet<string>, progressed: boolean): SimonOutcome {
  if (responders.has(subject.USUBJID)) return 'responder';
  const ended = subject.DTHFL === 'Y' || (subject.EOTSTT !== null && subject.EOTSTT !== 'ONGOING') || (subject.EOSSTT !== null && subject.EOSSTT !== 'ONGOING');
  // a response counts only before progression, so a progressed subject's outcome is final
  return ended || progressed ? 'non-responder' : 'pending';
}

function stage1Words(decision: SimonDecision): string {
  const s = decision.stage1;
  const counts = `${s.responders} responder${s.responders === 1 ? '' : 's'} among the first ${s.accrued} of ${s.size} subjects (more than ${s.threshold} needed to continue)`;
  switch (s.state) {
    case 'met':
      return `Continue to stage 2: ${counts}.`;
    case 'not-met':
      return `Stop for futility: ${counts}${s.pending > 0 || s.accrued < s.size ? '; no subject still to be assessed can change it' : ''}.`;
    case 'pending':
      return `Stage 1 fully accrued, decision pending: ${counts}, ${s.pending} still being assessed.`;
    case 'accruing':
      return `Stage 1 accruing: ${counts}, ${s.pending} still being assessed.`;
  }
}

function finalWords(decision: SimonDecision): string {
  const s = decision.final;
  const counts = `${s.responders} responder${s.responders === 1 ? '' : 's'} among ${s.accrued} of ${s.size} subjects (more than ${s.threshold} needed)`;
  const beyond = decision.beyondDesign > 0 ? ` ${decision.beyondDesign} subject(s) beyond the design's ${s.size} are not counted.` : '';
  switch (s.state) {
    case 'met':
      return `Null hypothesis rejected: ${counts}.${beyond}`;
    case 'not-met':
      return `Null hypothesis not rejected: ${counts}.${beyond}`;
    case 'pending':
      return `Fully accrued, final decision pending: ${counts}, ${s.pending} still being assessed.${beyond}`;
    case 'accruing':
      return `Accruing: ${counts}.${beyond}`;
  }
}

/** The design status of a snapshot, or null when the plan's design is not a two-stage one (or no rate table). */
export function createDesignStatus(
  model: ReportModel,
  protocol: ProtocolDefinition,
  adsl: readonly AdslRow[],
  /** Whether a subject has progressed (by the primary evaluator) or died: the PFS event of its plan. */
  progressedOf: (usubjid: string) => boolean,
): DesignStatus | null {
  const design = protocol.analysisPlan.design;
  if (design.kind !== 'simon-two-stage') return null;
  const table = findTable(model, 't-response-rate');
  const primary = primaryEvaluator(protocol);
  const count = findCell(model, 't-response-rate', 'orr:count', evaluatorColumnId(primary));
  if (table === undefined || count === undefined) return null;
  const flag = table.population.flag;
  const members = adsl
    .filter((s) => s.ENRLFL === 'Y' && (flag === null || s[flag] === 'Y'))
    .sort((a, b) => (a.ENRLDT ?? '').localeCompare(b.ENRLDT ?? '') || a.USUBJID.localeCompare(b.USUBJID));
  const responders = new Set(count.subjects);
  const outcomes = members.map((s) => outcomeOf(s, responders, progressedOf(s.USUBJID)));
  const decided = computeSimonDecision({ n1: design.n1, r1: design.r1, n: design.n, r: design.r, outcomes });
  if (!decided.ok) return null;
  const { kind, optimality, p0, p1, alpha, power, n1, r1, n, r, citation } = design;
  return Object.freeze({
    kind,
    optimality,
    p0,
    p1,
    alpha,
    power,
    n1,
    r1,
    n,
    r,
    citation,
    evaluator: primary.label,
    population: table.population,
    decision: decided.value,
    stage1Text: stage1Words(decided.value),
    finalText: finalWords(decided.value),
    rule: OUTCOME_RULE,
  });
}
