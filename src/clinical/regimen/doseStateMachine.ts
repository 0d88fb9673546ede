import {
  doseLadderMg,
  formatCount,
  startingDoseMg,
  toxicityCategory,
  type BloodCount,
  type DrugDefinition,
  type HoldRule,
  type RegimenDefinition,
  type ResumeRule,
  type ToxicityCategory,
} from './regimenDefinition.js';

/**
 * Dose modification as a state machine over a regimen's rules (regimenDefinition.ts). Per drug: active (at
 * a ladder level) -> held (toxicity) -> active one level lower (recovery) ...; a hold-triggering toxicity
 * at the lowest level, or a grade 5 event, -> discontinued.
 *
 * Generic decisions (every regimen):
 * - One hold episode costs one level, however many toxicities arise during it; the drug resumes when every
 *   toxicity that holds it has recovered.
 * - A hold-triggering toxicity at the foot of the ladder discontinues the drug at once.
 * - A grade 5 event discontinues every drug.
 * - When a drug marked `stopsRegimen` is discontinued, the regimen stops and every other drug with it.
 * - Doses given do not move the state (the ladder is the protocol); checkDosingLog compares them with it.
 */
export type { ToxicityCategory } from './regimenDefinition.js';

export interface ToxicityEvent {
  readonly type: 'toxicity';
  readonly date: string;
  /** CTCAE term, e.g. 'Neutrophil count decreased', 'Pneumonia'. */
  readonly term: string;
  readonly grade: number;
  /** Drug ids the investigator judged the event related to. */
  readonly relatedTo: readonly string[];
  /** Derived from the term when omitted. */
  readonly category?: ToxicityCategory;
  readonly ancX10e9PerL?: number;
  readonly plateletsX10e9PerL?: number;
}

export interface RecoveryEvent {
  readonly type: 'recovery';
  readonly date: string;
  readonly term: string;
  /** The grade the toxicity is back to (0 = resolved). */
  readonly grade: number;
  readonly category?: ToxicityCategory;
  readonly ancX10e9PerL?: number;
  readonly plateletsX10e9PerL?: number;
}

export interface DoseGivenEvent {
  readonly type: 'dose';
  readonly date: string;
  readonly drug: string;
  readonly mg: number;
  /**
   * The cycle whose day 1 this date is (a dosing row's start date). Delayed cycle starts move the calendar:
   * checkDosingLog places later dates from the latest such start instead of a rigid grid.
   */
  readonly cycle?: number;
}

export type DoseHistoryEvent = ToxicityEvent | RecoveryEvent | DoseGivenEvent;

export interface Hold {
  readonly term: string;
  readonly category: ToxicityCategory;
  readonly since: string;
  /** The recovery that lifts it, in words. */
  readonly resumeWhen: string;
}

export type DrugAction = 'continue' | 'hold' | 'resume-reduced' | 'discontinue';

export interface DrugState {
  readonly drug: string;
  readonly label: string;
  readonly status: 'active' | 'held' | 'discontinued';
  readonly ladderMg: readonly number[];
  readonly levelIndex: number;
  readonly holds: readonly Hold[];
  /** The last change of state and why; null while the drug has run at its starting dose. */
  readonly lastChange: { readonly date: string; readonly action: DrugAction; readonly reason: string } | null;
  /** Whether a dose of the drug was recorded after the last change. */
  readonly dosedSinceChange: boolean;
}

/** The state of every drug of the regimen, by drug id. */
export type DoseState = Readonly<Record<string, DrugState>>;

export function initialDoseState(ageYears: number, regimen: RegimenDefinition): DoseState {
  const state: Record<string, DrugState> = {};
  for (const drug of regimen.drugs) state[drug.id] = drugState(drug, doseLadderMg(drug, startingDoseMg(drug, ageYears)));
  return Object.freeze(state);
}

function drugState(drug: DrugDefinition, ladderMg: readonly number[]): DrugState {
  return Object.freeze({ drug: drug.id, label: drug.label, status: 'active', ladderMg, levelIndex: 0, holds: Object.freeze([]), lastChange: null, dosedSinceChange: false });
}

/** The dose of a drug on its dosing days, null when held or discontinued. */
export function currentDoseMg(state: DrugState): number | null {
  return state.status === 'active' ? state.ladderMg[state.levelIndex] : null;
}

function categoryOf(event: ToxicityEvent | RecoveryEvent): ToxicityCategory {
  return event.category ?? toxicityCategory(event.term);
}

const COUNT_NAMES: Readonly<Record<BloodCount, string>> = Object.freeze({ anc: 'ANC', platelets: 'platelets' });

function countOf(event: ToxicityEvent | RecoveryEvent, count: BloodCount): number | undefined {
  return count === 'anc' ? event.ancX10e9PerL : event.plateletsX10e9PerL;
}

function resumeRuleFor(drug: DrugDefinition, category: ToxicityCategory): ResumeRule | undefined {
  return drug.resumeRules.find((rule) => rule.holdCategories.includes(category));
}

function resumeText(drug: DrugDefinition, category: ToxicityCategory): string {
  const rule = resumeRuleFor(drug, category);
  if (rule === undefined) return 'no resumption rule: the drug stays held';
  if (rule.count !== undefined) return `${COUNT_NAMES[rule.count.count]} >= ${formatCount(rule.count.atLeastX10e9PerL)} x10^9/L`;
  return `grade <= ${rule.gradeAtMost}`;
}

function ruleFor(drug: DrugDefinition, category: ToxicityCategory): HoldRule | undefined {
  return drug.holdRules.find((rule) => rule.categories.includes(category));
}

/** Why (or why not) a toxicity interrupts `drug`; null when it does not. */
function holdTrigger(event: ToxicityEvent, drug: DrugDefinition): { hold: Hold; why: string } | null {
  const category = categoryOf(event);
  const rule = ruleFor(drug, category);
  if (rule === undefined || rule.kind === 'never') return null;
  const hold: Hold = { term: event.term, category, since: event.date, resumeWhen: resumeText(drug, category) };
  switch (rule.kind) {
    case 'count': {
      const value = countOf(event, rule.count);
      const name = COUNT_NAMES[rule.count];
      const limit = formatCount(rule.belowX10e9PerL);
      const triggers = value !== undefined ? value < rule.belowX10e9PerL : event.grade >= rule.orGradeAtLeast;
      if (!triggers) return null;
      return { hold, why: value !== undefined ? `${name} ${value} < ${limit} x10^9/L` : `grade ${event.grade} ${category} (${name} < ${limit} x10^9/L)` };
    }
    case 'always':
      return { hold, why: category.replace(/-/g, ' ') };
    case 'grade': {
      if (event.grade < rule.minGrade || event.grade > rule.maxGrade) return null;
      if (rule.relatedOnly && !event.relatedTo.includes(drug.id)) return null;
      return { hold, why: `${rule.relatedOnly ? `${drug.id}-related ` : ''}grade ${event.grade} ${event.term}` };
    }
  }
}

/** Whether a toxicity interrupts `drug` by the regimen's rules (with the reason), whatever the drug's state. */
export function holdReason(event: ToxicityEvent, drug: DrugDefinition): string | null {
  if (event.grade >= 5) return `grade 5 event (${event.term})`;
  return holdTrigger(event, drug)?.why ?? null;
}

/** Whether a recovery lifts a hold, by the drug's resume rule for the hold's category. */
function lifts(drug: DrugDefinition, hold: Hold, event: RecoveryEvent): boolean {
  const rule = resumeRuleFor(drug, hold.category);
  if (rule === undefined) return false;
  if (rule.recovery === 'same-term') {
    if (hold.term.trim().toLowerCase() !== event.term.trim().toLowerCase()) return false;
  } else if (!rule.recovery.includes(categoryOf(event))) return false;
  if (rule.count !== undefined) {
    const value = countOf(event, rule.count.count);
    if (value !== undefined) return value >= rule.count.atLeastX10e9PerL;
  }
  return event.grade <= rule.gradeAtMost;
}

function applyToDrug(definition: DrugDefinition, state: DrugState, event: DoseHistoryEvent): DrugState {
  if (state.status === 'discontinued') return state;
  if (event.type === 'dose') return event.drug === state.drug && event.mg > 0 && !state.dosedSinceChange ? { ...state, dosedSinceChange: true } : state;

  if (event.type === 'toxicity') {
    if (event.grade >= 5) return change(state, 'discontinued', state.levelIndex, [], event.date, 'discontinue', `grade 5 event (${event.term})`);
    const trigger = holdTrigger(event, definition);
    if (trigger === null) return state;
    if (state.status === 'held') return { ...state, holds: Object.freeze([...state.holds, Object.freeze(trigger.hold)]) };
    const unit = definition.doseUnit;
    if (state.levelIndex === state.ladderMg.length - 1)
      return change(
        state,
        'discontinued',
        state.levelIndex,
        [],
        event.date,
        'discontinue',
        `${trigger.why} at ${state.ladderMg[state.levelIndex]} ${unit}, the lowest level: discontinue (${definition.ruleText})`,
      );
    return change(
      state,
      'held',
      state.levelIndex,
      [trigger.hold],
      event.date,
      'hold',
      `${trigger.why}: interrupt ${state.drug}; resume at ${state.ladderMg[state.levelIndex + 1]} ${unit} when ${trigger.hold.resumeWhen} (${definition.ruleText})`,
    );
  }

  // Recovery.
  if (state.status !== 'held') return state;
  const remaining = state.holds.filter((hold) => !lifts(definition, hold, event));
  if (remaining.length === state.holds.length) return state;
  if (remaining.length > 0) return { ...state, holds: Object.freeze(remaining) };
  const next = state.levelIndex + 1;
  const lifted = state.holds.map((h) => `${h.term} since ${h.since}`).join(', ');
  const unit = definition.doseUnit;
  return change(
    state,
    'active',
    next,
    [],
    event.date,
    'resume-reduced',
    `${lifted} recovered (${event.term} grade ${event.grade}${recoveryValues(event)}): resume at ${state.ladderMg[next]} ${unit}, one level below ${state.ladderMg[state.levelIndex]} ${unit} (${definition.ruleText})`,
  );
}

function recoveryValues(event: RecoveryEvent): string {
  const parts: string[] = [];
  if (event.ancX10e9PerL !== undefined) parts.push(`ANC ${event.ancX10e9PerL} x10^9/L`);
  if (event.plateletsX10e9PerL !== undefined) parts.push(`platelets ${event.plateletsX10e9PerL} x10^9/L`);
  return parts.length === 0 ? '' : `, ${parts.join(', ')}`;
}

export function change(
  state: DrugState,
  status: DrugState['status'],
  levelIndex: number,
  holds: readonly Hold[],
  date: string,
  action: DrugAction,
  reason: string,
): DrugState {
  return Object.freeze({
    ...state,
    status,
    levelIndex,
    holds: Object.freeze(holds.map((h) => Object.freeze({ ...h }))),
    lastChange: Object.freeze({ date, action, reason }),
    dosedSinceChange: false,
  });
}

/** The transition function: the state after one event (events must be applied in date order). */
export function applyDoseEvent(state: DoseState, event: DoseHistoryEvent, regimen: RegimenDefinition): DoseState {
  const next: Record<string, DrugState> = {};
  let changed = false;
  for (const drug of regimen.drugs) {
    const before = state[drug.id];
    const after = applyToDrug(drug, before, event);
    next[drug.id] = after;
    if (after !== before) changed = true;
  }
  // A drug that carries the regimen stops it: every other drug goes with it.
  const stopper = regimen.drugs.find((drug) => drug.stopsRegimen && next[drug.id].status === 'discontinued' && state[drug.id].status !== 'discontinued');
  if (stopper !== undefined) {
    for (const drug of regimen.drugs) {
      const current = next[drug.id];
      if (current.status === 'discontinued') continue;
      next[drug.id] = change(current, 'discontinued', current.levelIndex, [], event.date, 'discontinue', `${stopper.id} discontinued, so the regimen stops`);
      changed = true;
    }
  }
  return changed ? Object.freeze(next) : state;
}

/** The action a drug's state implies today. */
export function drugAction(state: DrugState): DrugAction {
  if (state.status === 'discontinued') return 'discontinue';
  if (state.status === 'held') return 'hold';
  if (state.lastChange?.action === 'resume-reduced' && !state.dosedSinceChange) return 'resume-reduced';
  return 'continue';
}

/** A worked example of a transition: the events from the start of treatment and the state they lead to. */
export interface DoseTransitionExample {
  readonly transition: string;
  readonly ageYears: number;
  readonly events: readonly DoseHistoryEvent[];
  /** Expected state per drug id. */
  readonly expected: Readonly<Record<string, { readonly status: DrugState['status']; readonly doseMg: number | null; readonly action: DrugAction }>>;
  readonly why: string;
}
