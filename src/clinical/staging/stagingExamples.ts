import type { CytogeneticRisk, FishPanel } from './computeCytogeneticRisk.js';
import type { IssInput, IssStage } from './computeIssStage.js';
import type { RissInput, RissStage } from './computeRissStage.js';

/**
 * Worked examples of the staging rules, one per stage and per not-evaluable case, for a reader of
 * computeIssStage (Greipp 2005), computeRissStage (Palumbo 2015) and computeCytogeneticRisk (the R-ISS
 * high-risk FISH set). Executed by stagingExamples.test.ts, so they cannot drift from the engines.
 * An expected value of null means "not evaluable".
 */
export type StagingExample =
  | { readonly rule: 'ISS'; readonly input: IssInput; readonly expected: IssStage | null; readonly why: string }
  | { readonly rule: 'R-ISS'; readonly input: RissInput; readonly expected: RissStage | null; readonly why: string }
  | { readonly rule: 'cytogenetic-risk'; readonly input: FishPanel | null; readonly expected: CytogeneticRisk | null; readonly why: string };

const negative: FishPanel = { del17p: false, t4_14: false, t14_16: false };

export const STAGING_EXAMPLES: readonly StagingExample[] = Object.freeze([
  { rule: 'ISS', input: { beta2MicroglobulinMgPerL: 2.8, albuminGPerL: 38 }, expected: 'I', why: 'beta2m < 3.5 mg/L and albumin >= 35 g/L' },
  { rule: 'ISS', input: { beta2MicroglobulinMgPerL: 3.4, albuminGPerL: 35 }, expected: 'I', why: 'albumin exactly 35 g/L meets ">= 35" (boundary)' },
  { rule: 'ISS', input: { beta2MicroglobulinMgPerL: 2.8, albuminGPerL: 34.9 }, expected: 'II', why: 'beta2m < 3.5 but albumin < 35 g/L: neither I nor III' },
  { rule: 'ISS', input: { beta2MicroglobulinMgPerL: 3.5, albuminGPerL: 40 }, expected: 'II', why: 'beta2m exactly 3.5 mg/L is not < 3.5, and not >= 5.5 (boundary)' },
  { rule: 'ISS', input: { beta2MicroglobulinMgPerL: 4.2, albuminGPerL: null }, expected: 'II', why: 'beta2m 3.5 to < 5.5: II whatever the albumin, so a missing albumin does not matter' },
  { rule: 'ISS', input: { beta2MicroglobulinMgPerL: 5.5, albuminGPerL: 40 }, expected: 'III', why: 'beta2m exactly 5.5 mg/L meets ">= 5.5" (boundary)' },
  { rule: 'ISS', input: { beta2MicroglobulinMgPerL: 7.9, albuminGPerL: null }, expected: 'III', why: 'beta2m >= 5.5: III whatever the albumin' },
  { rule: 'ISS', input: { beta2MicroglobulinMgPerL: null, albuminGPerL: 40 }, expected: null, why: 'not evaluable: every stage depends on beta2m' },
  { rule: 'ISS', input: { beta2MicroglobulinMgPerL: 2.8, albuminGPerL: null }, expected: null, why: 'not evaluable: beta2m < 3.5 and albumin (missing) separates I from II' },

  { rule: 'cytogenetic-risk', input: { ...negative, gain1q21: true }, expected: 'standard', why: 'all three high-risk probes absent; gain(1q21) is reported but not high risk' },
  { rule: 'cytogenetic-risk', input: { ...negative, t4_14: true }, expected: 'high', why: 't(4;14) present' },
  { rule: 'cytogenetic-risk', input: { del17p: true, t4_14: null, t14_16: null }, expected: 'high', why: 'one positive high-risk probe suffices even with others missing' },
  { rule: 'cytogenetic-risk', input: { del17p: false, t4_14: false, t14_16: null }, expected: null, why: 'not evaluable: t(14;16) has no result and could have been positive' },
  { rule: 'cytogenetic-risk', input: null, expected: null, why: 'not evaluable: no FISH' },

  { rule: 'R-ISS', input: { issStage: 'I', cytogeneticRisk: 'standard', ldhUPerL: 245, ldhUlnUPerL: 245 }, expected: 'I', why: 'ISS I, standard risk, LDH equal to ULN counts as <= ULN (boundary)' },
  { rule: 'R-ISS', input: { issStage: 'I', cytogeneticRisk: 'standard', ldhUPerL: 246, ldhUlnUPerL: 245 }, expected: 'II', why: 'ISS I and standard risk but LDH > ULN: not I' },
  { rule: 'R-ISS', input: { issStage: 'I', cytogeneticRisk: 'high', ldhUPerL: null, ldhUlnUPerL: null }, expected: 'II', why: 'ISS I with high-risk FISH is II; LDH is not needed' },
  { rule: 'R-ISS', input: { issStage: 'II', cytogeneticRisk: 'high', ldhUPerL: 400, ldhUlnUPerL: 245 }, expected: 'II', why: 'ISS II is R-ISS II whatever FISH and LDH' },
  { rule: 'R-ISS', input: { issStage: 'III', cytogeneticRisk: 'standard', ldhUPerL: 245, ldhUlnUPerL: 245 }, expected: 'II', why: 'ISS III, standard risk, LDH <= ULN: not III' },
  { rule: 'R-ISS', input: { issStage: 'III', cytogeneticRisk: 'high', ldhUPerL: null, ldhUlnUPerL: null }, expected: 'III', why: 'ISS III with high-risk FISH; LDH is not needed' },
  { rule: 'R-ISS', input: { issStage: 'III', cytogeneticRisk: 'standard', ldhUPerL: 300, ldhUlnUPerL: 245 }, expected: 'III', why: 'ISS III with LDH > ULN' },
  { rule: 'R-ISS', input: { issStage: null, cytogeneticRisk: 'standard', ldhUPerL: 200, ldhUlnUPerL: 245 }, expected: null, why: 'not evaluable: ISS missing' },
  { rule: 'R-ISS', input: { issStage: 'II', cytogeneticRisk: null, ldhUPerL: 200, ldhUlnUPerL: 245 }, expected: null, why: 'not evaluable: no FISH, even for ISS II (the trial staged 82 of 85)' },
  { rule: 'R-ISS', input: { issStage: 'I', cytogeneticRisk: 'standard', ldhUPerL: null, ldhUlnUPerL: 245 }, expected: null, why: 'not evaluable: LDH missing separates I from II' },
  { rule: 'R-ISS', input: { issStage: 'III', cytogeneticRisk: 'standard', ldhUPerL: 300, ldhUlnUPerL: null }, expected: null, why: 'not evaluable: the LDH ULN missing separates II from III' },
] satisfies StagingExample[]);
