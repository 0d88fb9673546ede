/**
 * A treatment regimen as data, read by the generic dose engines (doseStateMachine, computeDoseDecision,
 * checkDosingLog, cycleSchedule): the drugs with their dosing days, starting doses and reduction ladders,
 * and each drug's dose-modification rules (what interrupts it, what lets it resume). A protocol writes its
 * regimen in this vocabulary (with the label or protocol section it follows) and its worked examples beside
 * it; nothing here names a drug.
 */

/**
 * Toxicity categories the modification rules are written on: the haematological ones the labels of
 * most anticancer drugs treat by count, and 'other'. Derived from the CTCAE term (toxicityCategory) unless
 * an event names its own.
 */
export const TOXICITY_CATEGORIES = ['neutropenia', 'febrile-neutropenia', 'thrombocytopenia', 'other-cytopenia', 'other'] as const;
export type ToxicityCategory = (typeof TOXICITY_CATEGORIES)[number];

/** The blood counts a rule may be written on (x10^9/L). */
export type BloodCount = 'anc' | 'platelets';

/**
 * What interrupts a drug. Rules are tried in order; the first whose categories include the event's
 * category decides (a category no rule names does not interrupt).
 * - 'count': below the count threshold (x10^9/L); without a count, a CTCAE grade at least `orGradeAtLeast`
 *   stands for it. Attribution is not asked (label count rules ignore it).
 * - 'always': any event of the category (e.g. febrile neutropenia).
 * - 'grade': a grade in [minGrade, maxGrade], related to the drug when `relatedOnly`.
 * - 'never': the category never interrupts the drug (a decision, written down).
 */
export type HoldRule =
  | { readonly kind: 'count'; readonly categories: readonly ToxicityCategory[]; readonly count: BloodCount; readonly belowX10e9PerL: number; readonly orGradeAtLeast: number }
  | { readonly kind: 'always'; readonly categories: readonly ToxicityCategory[] }
  | { readonly kind: 'grade'; readonly categories: readonly ToxicityCategory[]; readonly minGrade: number; readonly maxGrade: number; readonly relatedOnly: boolean }
  | { readonly kind: 'never'; readonly categories: readonly ToxicityCategory[] };

/**
 * What lifts a hold of the given categories: a recovery event of one of `recoveryCategories` (or of the
 * same term, 'same-term') at or above the count, or, without a count, at or below `gradeAtMost`.
 */
export interface ResumeRule {
  readonly holdCategories: readonly ToxicityCategory[];
  readonly recovery: readonly ToxicityCategory[] | 'same-term';
  readonly count?: { readonly count: BloodCount; readonly atLeastX10e9PerL: number };
  readonly gradeAtMost: number;
}

/** A lab result that becomes a dose event by itself (a count below the hold threshold, back at resume). */
export interface CountRule {
  /** Lab analyte id (src/clinical/units). */
  readonly analyte: string;
  /** The CTCAE term the count is graded under. */
  readonly term: string;
  readonly category: ToxicityCategory;
  readonly count: BloodCount;
  readonly holdBelowX10e9PerL: number;
  readonly resumeAtX10e9PerL: number;
}

export interface StartingDose {
  readonly mg: number;
  /** Patients older than `olderThanYears` (strictly) start at `mg` instead. */
  readonly byAge?: { readonly olderThanYears: number; readonly mg: number };
}

export interface DrugDefinition {
  /** Stable id stored on the forms ('drug' of a dosing row, keys of AE relatedness), lower case. */
  readonly id: string;
  readonly label: string;
  /** ADaM/SDTM treatment code (<= 8 characters), e.g. 'POM'. */
  readonly code: string;
  readonly role: 'investigational' | 'combination';
  readonly route: string;
  /** Days of each cycle the drug is given (1-based). */
  readonly doseDays: readonly number[];
  /** Dose unit as recorded (per administration). */
  readonly doseUnit: 'mg';
  readonly startingDose: StartingDose;
  /** Reduction ladders (highest first); the one beginning at the starting dose applies. */
  readonly laddersMg: readonly (readonly number[])[];
  readonly holdRules: readonly HoldRule[];
  readonly resumeRules: readonly ResumeRule[];
  /** Discontinuing this drug ends the regimen (the other drugs stop with it). */
  readonly stopsRegimen: boolean;
  /** The rule in words, cited in every dose decision (e.g. label section, ladder). */
  readonly ruleText: string;
}

export interface RegimenDefinition {
  readonly source: string;
  readonly cycleLengthDays: number;
  readonly maxTreatmentDays: number;
  readonly maxCycles: number;
  /** Efficacy and safety assessments: this day of every cycle. */
  readonly assessmentCycleDay: number;
  /** Survival follow-up after the end of treatment: every this many days. */
  readonly followUpIntervalDays: number;
  /** Drugs in the order the report shows them; the investigational drug(s) first. */
  readonly drugs: readonly DrugDefinition[];
  /** Lab counts that modify the dose by themselves. */
  readonly countRules: readonly CountRule[];
}

/** CTCAE term -> toxicity category (febrile neutropenia first: its term also mentions neutropenia). */
export function toxicityCategory(term: string): ToxicityCategory {
  const t = term.toLowerCase();
  if (/febrile\s+neutropenia/.test(t)) return 'febrile-neutropenia';
  if (/neutrophil|neutropenia/.test(t)) return 'neutropenia';
  if (/platelet|thrombocytopenia/.test(t)) return 'thrombocytopenia';
  if (/white blood cell|leukocyte|leukopenia|lymphocyte|lymphopenia|anaemia|anemia|hemoglobin|haemoglobin/.test(t)) return 'other-cytopenia';
  return 'other';
}

/** The drug of a regimen by id, or undefined. */
export function findDrug(regimen: RegimenDefinition, id: string): DrugDefinition | undefined {
  return regimen.drugs.find((drug) => drug.id === id);
}

/** Starting dose of a drug for a patient of this age. */
export function startingDoseMg(drug: DrugDefinition, ageYears: number): number {
  const byAge = drug.startingDose.byAge;
  return byAge !== undefined && ageYears > byAge.olderThanYears ? byAge.mg : drug.startingDose.mg;
}

/** The reduction ladder that begins at `startMg`; a drug with one ladder uses it from the level at startMg. */
export function doseLadderMg(drug: DrugDefinition, startMg: number): readonly number[] {
  const exact = drug.laddersMg.find((ladder) => ladder[0] === startMg);
  if (exact !== undefined) return exact;
  for (const ladder of drug.laddersMg) {
    const at = ladder.indexOf(startMg);
    if (at >= 0) return ladder.slice(at);
  }
  throw new RangeError(`no ${drug.id} ladder holds ${startMg} ${drug.doseUnit}`);
}

/** Every dose level of a drug across its ladders, highest first. */
export function doseLevelsMg(drug: DrugDefinition): readonly number[] {
  return [...new Set(drug.laddersMg.flat())].sort((a, b) => b - a);
}

/** A number formatted as written in a rule (no trailing zeros). */
export function formatCount(value: number): string {
  return String(Number(value.toPrecision(6)));
}
