import type { DoseTransitionExample, RecoveryEvent, RegimenDefinition, ToxicityEvent } from '../../clinical/index.js';

const days = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_v, i) => from + i);

const CYCLE_LENGTH_DAYS = 28;
const MAX_TREATMENT_DAYS = 730;

/** The label's haematological resume rules and "other toxicity: grade <= 2 of the same term", shared by both drugs. */
const RESUME_RULES = [
  { holdCategories: ['neutropenia', 'febrile-neutropenia'], recovery: ['neutropenia', 'febrile-neutropenia'], count: { count: 'anc', atLeastX10e9PerL: 0.5 }, gradeAtMost: 3 },
  { holdCategories: ['thrombocytopenia'], recovery: ['thrombocytopenia'], count: { count: 'platelets', atLeastX10e9PerL: 50 }, gradeAtMost: 2 },
  { holdCategories: ['other-cytopenia', 'other'], recovery: 'same-term', gradeAtMost: 2 },
] as const;

/**
 * The NCT05236621 regimen as data (Zhou H et al. Ann Hematol 2023, doi:10.1007/s00277-023-05558-y:
 * Abstract; Methods "Procedures"; dose modification per MM-003 and the pomalidomide label as summarised in
 * clinical-rules.md section 5). Decisions (regimen.README.md):
 * - Elderly dexamethasone start: the abstract says 20 mg for "aged > 75 years", Methods say "aged at least
 *   75 years". We use > 75 (age 75 starts at 40 mg): it agrees with the abstract, with Table 1's age bands
 *   (">= 65 to <= 75" vs "> 75") and with the pomalidomide label and MM-003 (> 75 years).
 * - "A maximum treatment duration of 2 years" = 730 days from cycle 1 day 1, i.e. at most 26 complete
 *   28-day cycles (26 x 28 = 728 days; a 27th cycle would end on day 756).
 * - Cycle 1 day 1 is the enrolment date (the paper gives no gap between enrolment and first dose).
 * - Neutropenia and thrombocytopenia follow the label's count thresholds (ANC < 0.5 x10^9/L or febrile
 *   neutropenia; platelets < 25 x10^9/L) whatever the investigator's relatedness call; grade 3 alone does
 *   not interrupt. Every other toxicity interrupts pomalidomide at grade 3-4 only when related to it.
 * - Other cytopenias (white cells, lymphocytes, anaemia) never interrupt pomalidomide (trialkit's reading
 *   of the label, regimen.README.md); they still hold dexamethasone when related to it.
 * - Dexamethasone: a dexamethasone-related grade 3-4 toxicity holds it; it resumes one level lower
 *   (40 -> 20 -> 10, or 20 -> 12 -> 8 for a patient who started at 20).
 * - Pomalidomide discontinued stops the regimen (dexamethasone with it); not the reverse.
 */
export const NCT05236621_REGIMEN: RegimenDefinition = deepFreeze({
  source: 'Zhou H et al. Ann Hematol 2023 (Abstract; Methods "Procedures"); pomalidomide label / MM-003 for dose modification',
  cycleLengthDays: CYCLE_LENGTH_DAYS,
  maxTreatmentDays: MAX_TREATMENT_DAYS,
  maxCycles: Math.floor(MAX_TREATMENT_DAYS / CYCLE_LENGTH_DAYS),
  assessmentCycleDay: 1,
  followUpIntervalDays: 84,
  drugs: [
    {
      id: 'pomalidomide',
      label: 'Pomalidomide',
      code: 'POM',
      role: 'investigational',
      route: 'oral',
      doseUnit: 'mg',
      doseDays: days(1, 21),
      startingDose: { mg: 4 },
      laddersMg: [[4, 3, 2, 1]],
      holdRules: [
        { kind: 'count', categories: ['neutropenia'], count: 'anc', belowX10e9PerL: 0.5, orGradeAtLeast: 4 },
        { kind: 'always', categories: ['febrile-neutropenia'] },
        { kind: 'count', categories: ['thrombocytopenia'], count: 'platelets', belowX10e9PerL: 25, orGradeAtLeast: 4 },
        { kind: 'never', categories: ['other-cytopenia'] },
        { kind: 'grade', categories: ['other'], minGrade: 3, maxGrade: 4, relatedOnly: true },
      ],
      resumeRules: RESUME_RULES,
      stopsRegimen: true,
      ruleText: 'pomalidomide label / MM-003: interrupt, resume one level lower (4 -> 3 -> 2 -> 1 mg; below 1 mg discontinue)',
    },
    {
      id: 'dexamethasone',
      label: 'Dexamethasone',
      code: 'DEX',
      role: 'combination',
      route: 'oral',
      doseUnit: 'mg',
      doseDays: [1, 8, 15, 22],
      startingDose: { mg: 40, byAge: { olderThanYears: 75, mg: 20 } },
      laddersMg: [
        [40, 20, 10],
        [20, 12, 8],
      ],
      holdRules: [{ kind: 'grade', categories: ['neutropenia', 'febrile-neutropenia', 'thrombocytopenia', 'other-cytopenia', 'other'], minGrade: 3, maxGrade: 4, relatedOnly: true }],
      resumeRules: RESUME_RULES,
      stopsRegimen: false,
      ruleText: 'low-dose dexamethasone: interrupt, resume one level lower (40 -> 20 -> 10, or 20 -> 12 -> 8 mg)',
    },
  ],
  countRules: [
    { analyte: 'neutrophils', term: 'Neutrophil count decreased', category: 'neutropenia', count: 'anc', holdBelowX10e9PerL: 0.5, resumeAtX10e9PerL: 0.5 },
    { analyte: 'platelets', term: 'Platelet count decreased', category: 'thrombocytopenia', count: 'platelets', holdBelowX10e9PerL: 25, resumeAtX10e9PerL: 50 },
  ],
} satisfies RegimenDefinition);

const pneumonia3 = (date: string): ToxicityEvent => ({ type: 'toxicity', date, term: 'Pneumonia', grade: 3, relatedTo: ['pomalidomide'] });
const pneumoniaBack = (date: string): RecoveryEvent => ({ type: 'recovery', date, term: 'Pneumonia', grade: 2 });
const hyperglycemia3 = (date: string): ToxicityEvent => ({ type: 'toxicity', date, term: 'Hyperglycemia', grade: 3, relatedTo: ['dexamethasone'] });
const hyperglycemiaBack = (date: string): RecoveryEvent => ({ type: 'recovery', date, term: 'Hyperglycemia', grade: 1 });
const onTrack = { status: 'active', doseMg: 4, action: 'continue' } as const;
const dex40 = { status: 'active', doseMg: 40, action: 'continue' } as const;
const stopped = { status: 'discontinued', doseMg: null, action: 'discontinue' } as const;

/**
 * One worked example per transition of the NCT05236621 regimen, for a reader of the rules in regimen.ts.
 * Executed by regimen.test.ts (applyDoseEvent from initialDoseState), so they cannot drift.
 */
export const NCT05236621_DOSE_EXAMPLES: readonly DoseTransitionExample[] = Object.freeze([
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

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
