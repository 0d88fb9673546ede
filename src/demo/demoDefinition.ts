import type { ScreeningRecord, TrialData } from '../clinical/index.js';

/**
 * The contract a protocol's SYNTHETIC demo trial generator implements (src/protocols/<id>/demo), so that the
 * report, the EDC's demo loader, `reproduce` and the benchmarks run any protocol's demo the same way. A demo
 * is two steps: a plan (the latent truth of every invented subject, possibly calibrated by a slow search to
 * give back a publication) and its rendering into raw case report forms (fast). Both are pure and
 * deterministic for their input; the caller may cache plans (they are JSON values) keyed by
 * `planCodeFolders` and the plan options.
 */

/** What every plan says about itself; a protocol's plan type extends it. Plans are JSON-serialisable values. */
export interface DemoPlan {
  readonly synthetic: true;
  /** Says SYNTHETIC and what the invented subjects were calibrated to (for every output derived from them). */
  readonly note: string;
  readonly seed: number;
  /** True for the calibrated twin (the demo's `calibratedSize` and default options); false when drawn without search. */
  readonly calibrated: boolean;
}

export interface DemoPlanOptions {
  /** Seed of every draw (default: the demo's `defaultSeed`). */
  readonly seed?: number;
  /** Enrolled subjects (default: the demo's `calibratedSize`); any other size is drawn uncalibrated. */
  readonly size?: number;
}

/** A rendered demo trial: the raw forms, the screening records and the plan they were rendered from. */
export interface DemoTrial<Plan extends DemoPlan = DemoPlan> {
  readonly synthetic: true;
  /** Raw case report forms of every screened subject; `trial.synthetic` is true. */
  readonly trial: TrialData;
  /** One screening record per screened subject, in the order of `trial.subjects`, ids matching theirs. */
  readonly screening: readonly ScreeningRecord[];
  readonly plan: Plan;
}

/** One place where what the clinical core derives from a rendered trial differs from what its plan meant. */
export interface DemoMismatch {
  readonly subjectId: string | null;
  readonly check: string;
  readonly expected: unknown;
  readonly derived: unknown;
}

export interface DemoDefinition<Plan extends DemoPlan = DemoPlan> {
  readonly synthetic: true;
  /** What the demo trial is, in a sentence or two, saying SYNTHETIC (for `trialkit protocols` and the EDC). */
  readonly description: string;
  /** The note every output derived from a demo trial carries (the same as each plan's `note`). */
  readonly syntheticNote: string;
  readonly defaultSeed: number;
  /** Enrolled subjects of the calibrated twin; `createPlan` with another size draws an uncalibrated trial. */
  readonly calibratedSize: number;
  /**
   * The source folders whose code can change a plan, relative to the source root (`src/`, or `dist/` once
   * compiled; e.g. 'demo', 'protocols/<id>', 'clinical'): a plan cache keys on their contents, so a
   * changed generator or engine is never served a stale plan. A test walks the generator's imports and
   * checks they all fall inside these folders.
   */
  readonly planCodeFolders: readonly string[];
  /** The plan for these options: pure and deterministic (the same options give the same plan, to the bit); may be slow. */
  createPlan(options?: DemoPlanOptions): Plan;
  /** The plan rendered into raw forms and screening records: pure, deterministic and fast. */
  renderTrial(plan: Plan): DemoTrial<Plan>;
  /**
   * Re-derives everything through the clinical core (form validation, ADaM derivations, eligibility, the dose
   * engines) and compares it with the plan: empty when the rendered trial says what the plan meant.
   */
  verify(demo: DemoTrial<Plan>): readonly DemoMismatch[];
}
