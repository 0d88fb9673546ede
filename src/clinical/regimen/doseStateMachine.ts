import { PROTOCOL_REGIMEN, type RegimenDefinition } from './protocolRegimen.js';
import { dexamethasoneLadderMg, startingDexamethasoneMg } from './startingDexamethasoneDose.js';

/**
 * Dose modification as a state machine (pomalidomide label and MM-003, clinical-rules.md section 5; the
 * paper's Methods "Procedures": "treatment with pomalidomide was halted when grade 3-4 toxicity occurred
 * and continued with a reduced dose of 3 mg daily until the toxicity recovered to grade 2. Upon a second
 * recurrence of grade 3-4 toxicity, the dose of pomalidomide was to be reduced by 1 mg, and so forth").
 *
 * Per drug: active (at a ladder level) -> held (toxicity) -> active one level lower (recovery) ...;
 * a hold-triggering toxicity at the lowest level, or a grade 5 event, -> discontinued.
 *
 * Decisions a reviewer should know:
 * - Neutropenia and thrombocytopenia follow the label's count thresholds (ANC < 0.5 x10^9/L or febrile
 *   neutropenia; platelets < 25 x10^9/L) whatever the investigator's relatedness call, because the label
 *   rules are written on counts. Grade 3 neutropenia (ANC 0.5-<1.0) or thrombocytopenia (25-<50) alone
 *   does not interrupt. Every other toxicity interrupts at grade 3-4 only when related to the drug.
 * - Other cytopenias (white blood cell, lymphocyte count decreased, anaemia; category 'other-cytopenia')
 *   do not interrupt pomalidomide at any grade: the label's haematological rows name only neutropenia and
 *   thrombocytopenia, and its "other grade 3-4 toxicity" row is read as the non-haematological ones
 *   (trialkit's interpretation, see README.md). They still hold dexamethasone when related to it.
 * - One hold episode costs one level, however many toxicities arise during it; the drug resumes when
 *   every toxicity that holds it has recovered.
 * - A hold-triggering toxicity at 1 mg discontinues pomalidomide at once (the next level would be
 *   below 1 mg); likewise for dexamethasone at the foot of its ladder.
 * - Dexamethasone: a dexamethasone-related grade 3-4 toxicity holds it; it resumes one level lower at
 *   grade <= 2 (40 -> 20 -> 10, or 20 -> 12 -> 8 for a patient who started at 20). The label's
 *   symptom-specific grade 2 rules (e.g. confusion) are not modelled.
 * - When pomalidomide is discontinued the regimen stops, so dexamethasone is discontinued with it; the
 *   reverse does not hold (pomalidomide may continue alone).
 * - Doses given do not move the state (the ladder is the protocol); checkDosingLog compares them with it.
 */
export type Drug = 'pomalidomide' | 'dexamethasone';
export type ToxicityCategory = 'neutropenia' | 'febrile-neutropenia' | 'thrombocytopenia' | 'other-cytopenia' | 'other';

export interface ToxicityEvent {
  readonly type: 'toxicity';
  readonly date: string;
  /** CTCAE term, e.g. 'Neutrophil count decreased', 'Pneumonia'. */
  readonly term: string;
  readonly grade: number;
  /** Drugs the investigator judged the event related to. */
  readonly relatedTo: readonly Drug[];
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
  readonly drug: Drug;
  readonly mg: number;
  /**
   * The cycle whose day 1 this date is (a dosing row's start date). Delayed cycle starts move the calendar:
   * checkDosingLog places later dates from the latest such start instead of a rigid 28-day grid.
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
  readonly drug: Drug;
  readonly status: 'active' | 'held' | 'discontinued';
  readonly ladderMg: readonly number[];
  readonly levelIndex: number;
  readonly holds: readonly Hold[];
  /** The last change of state and why; null while the drug has run at its starting dose. */
  readonly lastChange: { readonly date: string; readonly action: DrugAction; readonly reason: string } | null;
  /** Whether a dose of the drug was recorded after the last change. */
  readonly dosedSinceChange: boolean;
}

export interface DoseState {
  readonly pomalidomide: DrugState;
  readonly dexamethasone: DrugState;
}

// Thresholds of the label (x10^9/L).
const ANC_HOLD_BELOW = 0.5;
const ANC_RESUME_AT = 0.5;
const PLATELETS_HOLD_BELOW = 25;
const PLATELETS_RESUME_AT = 50;

/** CTCAE term -> the label's category (febrile neutropenia first: its term also mentions neutropenia). */
export function toxicityCategory(term: string): ToxicityCategory {
  const t = term.toLowerCase();
  if (/febrile\s+neutropenia/.test(t)) return 'febrile-neutropenia';
  if (/neutrophil|neutropenia/.test(t)) return 'neutropenia';
  if (/platelet|thrombocytopenia/.test(t)) return 'thrombocytopenia';
  if (/white blood cell|leukocyte|leukopenia|lymphocyte|lymphopenia|anaemia|anemia|hemoglobin|haemoglobin/.test(t)) return 'other-cytopenia';
  return 'other';
}

export function initialDoseState(ageYears: number, regimen: RegimenDefinition = PROTOCOL_REGIMEN): DoseState {
  const dexStart = startingDexamethasoneMg(ageYears, regimen);
  return Object.freeze({
    pomalidomide: drugState('pomalidomide', regimen.pomalidomide.levelsMg),
    dexamethasone: drugState('dexamethasone', dexamethasoneLadderMg(dexStart, regimen)),
  });
}

function drugState(drug: Drug, ladderMg: readonly number[]): DrugState {
  return Object.freeze({ drug, status: 'active', ladderMg, levelIndex: 0, holds: Object.freeze([]), lastChange: null, dosedSinceChange: false });
}

/** The dose of a drug on its dosing days, null when held or discontinued. */
export function currentDoseMg(state: DrugState): number | null {
  return state.status === 'active' ? state.ladderMg[state.levelIndex] : null;
}

function categoryOf(event: ToxicityEvent | RecoveryEvent): ToxicityCategory {
  return event.category ?? toxicityCategory(event.term);
}

/** Why (or why not) a toxicity interrupts `drug`; null when it does not. */
function holdTrigger(event: ToxicityEvent, drug: Drug): { hold: Hold; why: string } | null {
  const category = categoryOf(event);
  const base = { term: event.term, category, since: event.date };
  if (drug === 'pomalidomide') {
    if (category === 'neutropenia') {
      const anc = event.ancX10e9PerL;
      const triggers = anc !== undefined ? anc < ANC_HOLD_BELOW : event.grade >= 4;
      if (!triggers) return null;
      return {
        hold: { ...base, resumeWhen: `ANC >= ${ANC_RESUME_AT} x10^9/L` },
        why: anc !== undefined ? `ANC ${anc} < ${ANC_HOLD_BELOW} x10^9/L` : `grade ${event.grade} neutropenia (ANC < ${ANC_HOLD_BELOW} x10^9/L)`,
      };
    }
    if (category === 'febrile-neutropenia')
      return { hold: { ...base, resumeWhen: `ANC >= ${ANC_RESUME_AT} x10^9/L` }, why: 'febrile neutropenia' };
    if (category === 'thrombocytopenia') {
      const platelets = event.plateletsX10e9PerL;
      const triggers = platelets !== undefined ? platelets < PLATELETS_HOLD_BELOW : event.grade >= 4;
      if (!triggers) return null;
      return {
        hold: { ...base, resumeWhen: `platelets >= ${PLATELETS_RESUME_AT} x10^9/L` },
        why: platelets !== undefined ? `platelets ${platelets} < ${PLATELETS_HOLD_BELOW} x10^9/L` : `grade ${event.grade} thrombocytopenia (platelets < ${PLATELETS_HOLD_BELOW} x10^9/L)`,
      };
    }
  }
  if ((drug === 'dexamethasone' || category === 'other') && event.grade >= 3 && event.grade <= 4 && event.relatedTo.includes(drug))
    return { hold: { ...base, resumeWhen: 'grade <= 2' }, why: `${drug}-related grade ${event.grade} ${event.term}` };
  return null;
}

/** Whether a toxicity interrupts `drug` by the ladder's rules (with the reason), whatever the drug's state. */
export function holdReason(event: ToxicityEvent, drug: Drug): string | null {
  if (event.grade >= 5) return `grade 5 event (${event.term})`;
  return holdTrigger(event, drug)?.why ?? null;
}

/** Whether a recovery lifts a hold: the label's count thresholds, otherwise grade <= 2. */
function lifts(hold: Hold, event: RecoveryEvent): boolean {
  const category = categoryOf(event);
  const neutrophilFamily = (c: ToxicityCategory): boolean => c === 'neutropenia' || c === 'febrile-neutropenia';
  if (neutrophilFamily(hold.category)) {
    if (!neutrophilFamily(category)) return false;
    // Grade <= 3 neutropenia means ANC >= 0.5 x10^9/L.
    return event.ancX10e9PerL !== undefined ? event.ancX10e9PerL >= ANC_RESUME_AT : event.grade <= 3;
  }
  if (hold.category === 'thrombocytopenia') {
    if (category !== 'thrombocytopenia') return false;
    // Grade <= 2 thrombocytopenia means platelets >= 50 x10^9/L.
    return event.plateletsX10e9PerL !== undefined ? event.plateletsX10e9PerL >= PLATELETS_RESUME_AT : event.grade <= 2;
  }
  return hold.term.trim().toLowerCase() === event.term.trim().toLowerCase() && event.grade <= 2;
}

const RULE_TEXT: Readonly<Record<Drug, string>> = Object.freeze({
  pomalidomide: 'pomalidomide label / MM-003: interrupt, resume one level lower (4 -> 3 -> 2 -> 1 mg; below 1 mg discontinue)',
  dexamethasone: 'low-dose dexamethasone: interrupt, resume one level lower (40 -> 20 -> 10, or 20 -> 12 -> 8 mg)',
});

function applyToDrug(state: DrugState, event: DoseHistoryEvent): DrugState {
  if (state.status === 'discontinued') return state;
  if (event.type === 'dose') return event.drug === state.drug && event.mg > 0 && !state.dosedSinceChange ? { ...state, dosedSinceChange: true } : state;

  if (event.type === 'toxicity') {
    if (event.grade >= 5)
      return change(state, 'discontinued', state.levelIndex, [], event.date, 'discontinue', `grade 5 event (${event.term})`);
    const trigger = holdTrigger(event, state.drug);
    if (trigger === null) return state;
    if (state.status === 'held')
      return { ...state, holds: Object.freeze([...state.holds, Object.freeze(trigger.hold)]) };
    if (state.levelIndex === state.ladderMg.length - 1)
      return change(
        state,
        'discontinued',
        state.levelIndex,
        [],
        event.date,
        'discontinue',
        `${trigger.why} at ${state.ladderMg[state.levelIndex]} mg, the lowest level: discontinue (${RULE_TEXT[state.drug]})`,
      );
    return change(
      state,
      'held',
      state.levelIndex,
      [trigger.hold],
      event.date,
      'hold',
      `${trigger.why}: interrupt ${state.drug}; resume at ${state.ladderMg[state.levelIndex + 1]} mg when ${trigger.hold.resumeWhen} (${RULE_TEXT[state.drug]})`,
    );
  }

  // Recovery.
  if (state.status !== 'held') return state;
  const remaining = state.holds.filter((hold) => !lifts(hold, event));
  if (remaining.length === state.holds.length) return state;
  if (remaining.length > 0) return { ...state, holds: Object.freeze(remaining) };
  const next = state.levelIndex + 1;
  const lifted = state.holds.map((h) => `${h.term} since ${h.since}`).join(', ');
  return change(
    state,
    'active',
    next,
    [],
    event.date,
    'resume-reduced',
    `${lifted} recovered (${event.term} grade ${event.grade}${recoveryValues(event)}): resume at ${state.ladderMg[next]} mg, one level below ${state.ladderMg[state.levelIndex]} mg (${RULE_TEXT[state.drug]})`,
  );
}

function recoveryValues(event: RecoveryEvent): string {
  const parts: string[] = [];
  if (event.ancX10e9PerL !== undefined) parts.push(`ANC ${event.ancX10e9PerL} x10^9/L`);
  if (event.plateletsX10e9PerL !== undefined) parts.push(`platelets ${event.plateletsX10e9PerL} x10^9/L`);
  return parts.length === 0 ? '' : `, ${parts.join(', ')}`;
}

function change(
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
export function applyDoseEvent(state: DoseState, event: DoseHistoryEvent): DoseState {
  const pomalidomide = applyToDrug(state.pomalidomide, event);
  let dexamethasone = applyToDrug(state.dexamethasone, event);
  // Without pomalidomide the regimen stops: dexamethasone goes with it.
  if (pomalidomide.status === 'discontinued' && dexamethasone.status !== 'discontinued')
    dexamethasone = change(dexamethasone, 'discontinued', dexamethasone.levelIndex, [], event.date, 'discontinue', 'pomalidomide discontinued, so the regimen stops');
  return pomalidomide === state.pomalidomide && dexamethasone === state.dexamethasone ? state : Object.freeze({ pomalidomide, dexamethasone });
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
  readonly expected: Readonly<Record<Drug, { readonly status: DrugState['status']; readonly doseMg: number | null; readonly action: DrugAction }>>;
  readonly why: string;
}

const pneumonia3 = (date: string): ToxicityEvent => ({ type: 'toxicity', date, term: 'Pneumonia', grade: 3, relatedTo: ['pomalidomide'] });
const pneumoniaBack = (date: string): RecoveryEvent => ({ type: 'recovery', date, term: 'Pneumonia', grade: 2 });
const hyperglycemia3 = (date: string): ToxicityEvent => ({ type: 'toxicity', date, term: 'Hyperglycemia', grade: 3, relatedTo: ['dexamethasone'] });
const hyperglycemiaBack = (date: string): RecoveryEvent => ({ type: 'recovery', date, term: 'Hyperglycemia', grade: 1 });
const onTrack = { status: 'active', doseMg: 4, action: 'continue' } as const;
const dex40 = { status: 'active', doseMg: 40, action: 'continue' } as const;
const stopped = { status: 'discontinued', doseMg: null, action: 'discontinue' } as const;

/**
 * One worked example per transition of the machine, for a reader of the rules above. Executed by
 * doseStateMachineExamples.test.ts (applyDoseEvent from initialDoseState), so they cannot drift.
 */
export const DOSE_TRANSITION_EXAMPLES: readonly DoseTransitionExample[] = Object.freeze([
  {
    transition: 'hold: related grade 3 non-haematological toxicity',
    ageYears: 62,
    events: [pneumonia3('2021-06-03')],
    expected: { pomalidomide: { status: 'held', doseMg: null, action: 'hold' }, dexamethasone: dex40 },
    why: 'pomalidomide-related grade 3 pneumonia interrupts pomalidomide; dexamethasone (not related) continues',
  },
  {
    transition: 'no hold: grade 3 neutropenia with ANC >= 0.5',
    ageYears: 62,
    events: [{ type: 'toxicity', date: '2021-06-03', term: 'Neutrophil count decreased', grade: 3, relatedTo: ['pomalidomide'], ancX10e9PerL: 0.5 }],
    expected: { pomalidomide: onTrack, dexamethasone: dex40 },
    why: 'the label interrupts at ANC < 0.5 x10^9/L; 0.5 exactly (boundary) does not',
  },
  {
    transition: 'no hold: related grade 3-4 cytopenia other than neutropenia or thrombocytopenia',
    ageYears: 62,
    events: [
      { type: 'toxicity', date: '2021-06-03', term: 'Lymphocyte count decreased', grade: 4, relatedTo: ['pomalidomide'] },
      { type: 'toxicity', date: '2021-06-03', term: 'White blood cell count decreased', grade: 3, relatedTo: ['pomalidomide'] },
      { type: 'toxicity', date: '2021-06-03', term: 'Anemia', grade: 3, relatedTo: ['pomalidomide'] },
    ],
    expected: { pomalidomide: onTrack, dexamethasone: dex40 },
    why: "the label's haematological hold rows are neutropenia (ANC < 0.5) and thrombocytopenia (platelets < 25) only; trialkit reads its 'other grade 3-4 toxicity' row as non-haematological, so lymphopenia, leukopenia and anaemia do not interrupt (README.md)",
  },
  {
    transition: 'hold: ANC < 0.5',
    ageYears: 62,
    events: [{ type: 'toxicity', date: '2021-06-03', term: 'Neutrophil count decreased', grade: 4, relatedTo: [], ancX10e9PerL: 0.4 }],
    expected: { pomalidomide: { status: 'held', doseMg: null, action: 'hold' }, dexamethasone: dex40 },
    why: 'ANC 0.4 < 0.5 x10^9/L interrupts pomalidomide whatever the relatedness call (the label rule is on counts)',
  },
  {
    transition: 'resume one level lower: grade <= 2',
    ageYears: 62,
    events: [pneumonia3('2021-06-03'), pneumoniaBack('2021-06-12')],
    expected: { pomalidomide: { status: 'active', doseMg: 3, action: 'resume-reduced' }, dexamethasone: dex40 },
    why: 'back to grade 2: resume at 3 mg, one level below 4 mg (the paper: "continued with a reduced dose of 3 mg")',
  },
  {
    transition: 'resume one level lower: platelets back to >= 50',
    ageYears: 62,
    events: [
      { type: 'toxicity', date: '2021-06-03', term: 'Platelet count decreased', grade: 4, relatedTo: ['pomalidomide'], plateletsX10e9PerL: 20 },
      { type: 'recovery', date: '2021-06-10', term: 'Platelet count decreased', grade: 3, plateletsX10e9PerL: 49 },
      { type: 'recovery', date: '2021-06-17', term: 'Platelet count decreased', grade: 2, plateletsX10e9PerL: 50 },
    ],
    expected: { pomalidomide: { status: 'active', doseMg: 3, action: 'resume-reduced' }, dexamethasone: dex40 },
    why: 'platelets 20 < 25 interrupt; 49 keeps the hold; 50 (boundary, >= 50) resumes at 3 mg',
  },
  {
    transition: 'resumed dose given: continue',
    ageYears: 62,
    events: [pneumonia3('2021-06-03'), pneumoniaBack('2021-06-12'), { type: 'dose', date: '2021-06-13', drug: 'pomalidomide', mg: 3 }],
    expected: { pomalidomide: { status: 'active', doseMg: 3, action: 'continue' }, dexamethasone: dex40 },
    why: 'once a dose is given at the new level, the action is to continue at 3 mg',
  },
  {
    transition: 'discontinue below 1 mg',
    ageYears: 62,
    events: [
      pneumonia3('2021-06-03'), pneumoniaBack('2021-06-12'),
      pneumonia3('2021-07-03'), pneumoniaBack('2021-07-12'),
      pneumonia3('2021-08-03'), pneumoniaBack('2021-08-12'),
      pneumonia3('2021-09-03'),
    ],
    expected: { pomalidomide: stopped, dexamethasone: stopped },
    why: '4 -> 3 -> 2 -> 1 mg after three episodes; a fourth at 1 mg would need a level below 1 mg, so pomalidomide is discontinued, and the regimen (dexamethasone with it) stops',
  },
  {
    transition: 'discontinue: grade 5 event',
    ageYears: 62,
    events: [{ type: 'toxicity', date: '2021-06-03', term: 'Sepsis', grade: 5, relatedTo: [] }],
    expected: { pomalidomide: stopped, dexamethasone: stopped },
    why: 'a grade 5 event discontinues every drug',
  },
  {
    transition: 'dexamethasone ladder: 40 -> 20 -> 10 -> discontinue',
    ageYears: 62,
    events: [
      hyperglycemia3('2021-06-03'), hyperglycemiaBack('2021-06-10'),
      hyperglycemia3('2021-07-03'), hyperglycemiaBack('2021-07-10'),
    ],
    expected: { pomalidomide: onTrack, dexamethasone: { status: 'active', doseMg: 10, action: 'resume-reduced' } },
    why: 'two dexamethasone-related grade 3 episodes, each recovered: 40 -> 20 -> 10 mg; pomalidomide is untouched',
  },
  {
    transition: 'dexamethasone at the foot of its ladder: discontinue, pomalidomide continues',
    ageYears: 62,
    events: [
      hyperglycemia3('2021-06-03'), hyperglycemiaBack('2021-06-10'),
      hyperglycemia3('2021-07-03'), hyperglycemiaBack('2021-07-10'),
      hyperglycemia3('2021-08-03'),
    ],
    expected: { pomalidomide: onTrack, dexamethasone: stopped },
    why: 'a third episode at 10 mg, the lowest level, discontinues dexamethasone; pomalidomide may continue alone',
  },
  {
    transition: 'dexamethasone ladder for age > 75: 20 -> 12 -> 8',
    ageYears: 76,
    events: [
      hyperglycemia3('2021-06-03'), hyperglycemiaBack('2021-06-10'),
      hyperglycemia3('2021-07-03'), hyperglycemiaBack('2021-07-10'),
    ],
    expected: { pomalidomide: onTrack, dexamethasone: { status: 'active', doseMg: 8, action: 'resume-reduced' } },
    why: 'a patient older than 75 starts at 20 mg, whose ladder is 20 -> 12 -> 8 mg',
  },
] satisfies DoseTransitionExample[]);
