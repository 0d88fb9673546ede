import type { ProtocolDefinition, TrialData } from '../clinical/index.js';
import { failure, success, type Outcome } from '../result/index.js';
import { compareToPublished, type ReproducedValue, type ReproductionStatus } from './compareToPublished.js';
import type { Publication } from './publication.js';
import { publishedInputIssues, type PublishedFindings, type PublishedInconsistency, type PublishedResults } from './publishedResults.js';
import { notComputed } from './quantity.js';
import { createReproductionContext } from './reproductionContext.js';

export interface ReproductionInput {
  /** The trial's raw CRF data (the protocol's demo trial by default in the CLI). */
  readonly trial: TrialData;
  readonly protocol: ProtocolDefinition;
  /** The publication of the protocol's trial (its folder's `publication`). */
  readonly publication: Publication;
}

export interface ReproductionResult {
  readonly id: string;
  readonly section: string;
  readonly kind: string;
  readonly published: ReproducedValue;
  /** null when not computed. */
  readonly computed: ReproducedValue | null;
  readonly status: ReproductionStatus;
  readonly note: string;
  readonly tolerance: string;
}

export interface ReproductionSummary {
  readonly match: number;
  readonly close: number;
  readonly differs: number;
  /** Computed under a stated reading of the printed definition (equal or close under that reading). */
  readonly reinterpreted: number;
  readonly notComputed: number;
}

export interface Reproduction {
  readonly results: readonly ReproductionResult[];
  readonly summary: ReproductionSummary;
}

/** Every inconsistency naming an id, from the paper's list and trialkit's findings, merged into one. */
function inconsistenciesById(lists: readonly (readonly PublishedInconsistency[])[]): Map<string, PublishedInconsistency> {
  const byId = new Map<string, PublishedInconsistency[]>();
  for (const entry of lists.flat()) for (const id of entry.ids) byId.set(id, [...(byId.get(id) ?? []), entry]);
  return new Map(
    [...byId.entries()].map(([id, entries]) => [
      id,
      { ids: [id], issue: entries.map((e) => e.issue).join(' '), plausible: entries.map((e) => e.plausible).join(' ') },
    ]),
  );
}

/**
 * Runs the pipeline on a trial (ADaM derivations once, then the report model over them) and compares
 * every result of the published paper with what trialkit computed, in the order of the published file:
 * each id appears exactly once, with `not-computed` and the reason when the data cannot give it. The
 * issues of a successful outcome are those the ADaM derivations reported on the trial.
 */
export function computeReproduction(input: ReproductionInput): Outcome<Reproduction> {
  const issues = publishedInputIssues(input.publication.results, input.publication.findings);
  if (issues.length > 0) return failure(issues);
  const published = input.publication.results as PublishedResults;
  const findings = input.publication.findings as PublishedFindings;

  const context = createReproductionContext(input.trial, input.protocol);
  const quantities = input.publication.quantities(context, published.results);
  const inconsistent = inconsistenciesById([published.inconsistencies, findings.inconsistencies]);

  const results = published.results.map((pub): ReproductionResult => {
    const quantity = quantities.get(pub.id) ?? notComputed('trialkit has no rule for this id');
    const comparison = compareToPublished(pub, quantity, inconsistent.get(pub.id));
    return Object.freeze({ id: pub.id, section: pub.section, kind: pub.kind, ...comparison });
  });
  const count = (status: ReproductionStatus): number => results.filter((r) => r.status === status).length;
  const summary = Object.freeze({ match: count('match'), close: count('close'), differs: count('differs'), reinterpreted: count('reinterpreted'), notComputed: count('not-computed') });
  // The derivations' issues (a bad record skipped, the rest derived) travel with the value.
  return success(Object.freeze({ results: Object.freeze(results), summary }), context.derivationIssues);
}
