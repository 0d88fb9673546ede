import { formatIsoDate, parseIsoDate } from '../dates/index.js';
import type { RecistNonTargetResponse, RecistOverallResponse, RecistTargetResponse } from './recistCategories.js';
import type { RecistAssessment, RecistBaselineLesion, RecistNewLesion, RecistNonTargetStatus, RecistPatientInput } from './recistInput.js';

// Worked examples of RECIST 1.1 (Eisenhauer EA et al., Eur J Cancer 2009;45:228-247) as data: every row of
// Tables 1, 2 and 3 at least once, and each reading README.md documents. recist11Examples.test.ts runs them
// all through computeRecistResponse, so the documentation cannot drift from the engine.

/** Table 3 of the paper: best overall response from two consecutive time points, when CR/PR need confirmation. */
export const RECIST_11_TABLE_3: readonly { readonly id: string; readonly first: string; readonly subsequent: string; readonly best: string }[] = Object.freeze([
  { id: 'CR-CR', first: 'CR', subsequent: 'CR', best: 'CR' },
  { id: 'CR-PR', first: 'CR', subsequent: 'PR', best: 'SD, PD or PR (footnote a)' },
  { id: 'CR-SD', first: 'CR', subsequent: 'SD', best: 'SD if the SD minimum is met, otherwise PD' },
  { id: 'CR-PD', first: 'CR', subsequent: 'PD', best: 'SD if the SD minimum is met, otherwise PD' },
  { id: 'CR-NE', first: 'CR', subsequent: 'NE', best: 'SD if the SD minimum is met, otherwise NE' },
  { id: 'PR-CR', first: 'PR', subsequent: 'CR', best: 'PR' },
  { id: 'PR-PR', first: 'PR', subsequent: 'PR', best: 'PR' },
  { id: 'PR-SD', first: 'PR', subsequent: 'SD', best: 'SD' },
  { id: 'PR-PD', first: 'PR', subsequent: 'PD', best: 'SD if the SD minimum is met, otherwise PD' },
  { id: 'PR-NE', first: 'PR', subsequent: 'NE', best: 'SD if the SD minimum is met, otherwise NE' },
  { id: 'NE-NE', first: 'NE', subsequent: 'NE', best: 'NE' },
]);

export interface RecistWorkedExample {
  readonly id: string;
  /** What it documents: 'table1:<row>', 'table2:<row>', 'table3:<id>' or a README reading. */
  readonly covers: readonly string[];
  readonly why: string;
  readonly patient: RecistPatientInput;
  readonly options?: { readonly confirmationDays?: number; readonly sdMinDays?: number };
  readonly expected: {
    readonly sumMm?: readonly (number | null)[];
    readonly target?: readonly RecistTargetResponse[];
    readonly nonTarget?: readonly RecistNonTargetResponse[];
    readonly overall: readonly RecistOverallResponse[];
    readonly bestOverallResponse: RecistOverallResponse;
    readonly confirmed: boolean;
    readonly firstResponseDate: string | null;
    readonly progressionDate: string | null;
  };
}

const BASELINE_DATE = '2024-01-08';

/** The date `days` after the baseline date. */
export function recistExampleDate(days: number): string {
  return formatIsoDate((parseIsoDate(BASELINE_DATE) ?? 0) + days);
}

const target = (id: string, diameterMm: number, nodal = false): RecistBaselineLesion => ({ id, kind: 'target', nodal, diameterMm });
const nonTarget = (id: string, nodal = false): RecistBaselineLesion => ({ id, kind: 'non-target', nodal });

function visit(days: number, sizes: Record<string, number | null>, statuses: Record<string, RecistNonTargetStatus> = {}, newLesion: RecistNewLesion = 'no'): RecistAssessment {
  return {
    date: recistExampleDate(days),
    lesions: [
      ...Object.entries(sizes).map(([id, diameterMm]) => ({ id, diameterMm })),
      ...Object.entries(statuses).map(([id, status]) => ({ id, status })),
    ],
    newLesion,
  };
}

function patient(lesions: RecistBaselineLesion[], assessments: RecistAssessment[]): RecistPatientInput {
  return { baseline: { date: BASELINE_DATE, lesions }, assessments };
}

// The usual patient: liver 40 mm, lung 30 mm, a target node of 20 mm short axis (sum 90 mm), a pleural
// effusion and a 12 mm node as non-target disease.
const MIXED = [target('T1', 40), target('T2', 30), target('N1', 20, true), nonTarget('NT1'), nonTarget('NT2', true)];
const mixed = (assessments: RecistAssessment[]): RecistPatientInput => patient(MIXED, assessments);
const ABSENT = { NT1: 'absent', NT2: 'absent' } as const;
const PRESENT = { NT1: 'present', NT2: 'present' } as const;
const CR_SIZES = { T1: 0, T2: 0, N1: 8 };
const PR_SIZES = { T1: 20, T2: 15, N1: 12 }; // 47 mm, -47.8%
const SD_SIZES = { T1: 35, T2: 28, N1: 19 }; // 82 mm, -8.9%
const NON_TARGET_ONLY = [nonTarget('NT1'), nonTarget('NT2', true)];
const d = recistExampleDate;

export const RECIST_11_EXAMPLES: readonly RecistWorkedExample[] = Object.freeze([
  // Table 1: target disease (with or without non-target disease).
  {
    id: 'nodal-cr-confirmed',
    covers: ['table1:1', 'table3:CR-CR', 'nodal-cr'],
    why: 'Non-nodal targets gone, the target node at 8 mm (< 10): target CR with a sum of 8 mm; non-target CR; confirmed 28 days later.',
    patient: mixed([visit(56, CR_SIZES, ABSENT), visit(84, CR_SIZES, ABSENT)]),
    expected: { sumMm: [8, 8], target: ['CR', 'CR'], nonTarget: ['CR', 'CR'], overall: ['CR', 'CR'], bestOverallResponse: 'CR', confirmed: true, firstResponseDate: d(56), progressionDate: null },
  },
  {
    id: 'target-cr-non-target-present',
    covers: ['table1:2', 'table3:PR-PR'],
    why: 'Target CR with a non-target lesion persisting is PR (Table 1 row 2), twice: confirmed PR.',
    patient: mixed([visit(56, CR_SIZES, { NT1: 'present', NT2: 'absent' }), visit(84, CR_SIZES, { NT1: 'present', NT2: 'absent' })]),
    expected: { target: ['CR', 'CR'], nonTarget: ['NON-CR/NON-PD', 'NON-CR/NON-PD'], overall: ['PR', 'PR'], bestOverallResponse: 'PR', confirmed: true, firstResponseDate: d(56), progressionDate: null },
  },
  {
    id: 'target-cr-non-target-not-evaluated',
    covers: ['table1:3', 'table3:PR-CR'],
    why: 'Target CR with a non-target lesion not evaluated is PR (row 3); the CR that follows confirms the PR but is itself unconfirmed.',
    patient: mixed([visit(56, CR_SIZES, { NT1: 'not-evaluated', NT2: 'absent' }), visit(84, CR_SIZES, ABSENT)]),
    expected: { nonTarget: ['NE', 'CR'], overall: ['PR', 'CR'], bestOverallResponse: 'PR', confirmed: true, firstResponseDate: d(56), progressionDate: null },
  },
  {
    id: 'target-pr',
    covers: ['table1:4'],
    why: 'Sum 47 mm, 47.8% below 90: PR, with non-target disease present and then not all evaluated (row 4 both times).',
    patient: mixed([visit(56, PR_SIZES, PRESENT), visit(84, PR_SIZES, { NT1: 'not-evaluated', NT2: 'present' })]),
    expected: { sumMm: [47, 47], target: ['PR', 'PR'], nonTarget: ['NON-CR/NON-PD', 'NE'], overall: ['PR', 'PR'], bestOverallResponse: 'PR', confirmed: true, firstResponseDate: d(56), progressionDate: null },
  },
  {
    id: 'sd-at-42-days',
    covers: ['table1:5', 'sd-minimum'],
    why: 'Sum 82 mm (-8.9%): SD; the assessment is 42 days after baseline, which meets the SD minimum exactly.',
    patient: mixed([visit(42, SD_SIZES, PRESENT)]),
    expected: { sumMm: [82], target: ['SD'], overall: ['SD'], bestOverallResponse: 'SD', confirmed: false, firstResponseDate: null, progressionDate: null },
  },
  {
    id: 'sd-at-41-days',
    covers: ['sd-minimum'],
    why: 'The same SD 41 days after baseline is too early: best response NE.',
    patient: mixed([visit(41, SD_SIZES, PRESENT)]),
    expected: { overall: ['SD'], bestOverallResponse: 'NE', confirmed: false, firstResponseDate: null, progressionDate: null },
  },
  {
    id: 'target-not-evaluated',
    covers: ['table1:6', 'table3:NE-NE', 'ne-target'],
    why: 'The liver lesion not evaluated twice, the evaluated ones far from PD: target NE, overall NE, best NE.',
    patient: mixed([visit(56, { T1: null, T2: 28, N1: 19 }, PRESENT), visit(98, { T1: null, T2: 25, N1: 18 }, PRESENT)]),
    expected: { sumMm: [null, null], target: ['NE', 'NE'], overall: ['NE', 'NE'], bestOverallResponse: 'NE', confirmed: false, firstResponseDate: null, progressionDate: null },
  },
  {
    id: 'target-pd-from-nadir',
    covers: ['table1:7', 'nadir'],
    why: 'Sum 65 mm at day 56 (SD), then 85 mm: +30.8% and +20 mm over the nadir of 65 (although below baseline): PD. Best SD.',
    patient: mixed([visit(56, { T1: 30, T2: 20, N1: 15 }, PRESENT), visit(112, { T1: 45, T2: 25, N1: 15 }, PRESENT)]),
    expected: { sumMm: [65, 85], target: ['SD', 'PD'], overall: ['SD', 'PD'], bestOverallResponse: 'SD', confirmed: false, firstResponseDate: null, progressionDate: d(112) },
  },
  {
    id: 'non-target-pd',
    covers: ['table1:8'],
    why: 'Unequivocal progression of the pleural effusion is PD whatever the targets do.',
    patient: mixed([visit(56, SD_SIZES, { NT1: 'unequivocal-progression', NT2: 'present' })]),
    expected: { target: ['SD'], nonTarget: ['PD'], overall: ['PD'], bestOverallResponse: 'PD', confirmed: false, firstResponseDate: null, progressionDate: d(56) },
  },
  {
    id: 'new-lesion',
    covers: ['table1:9'],
    why: 'An unequivocal new lesion is PD even with target PR.',
    patient: mixed([visit(56, PR_SIZES, PRESENT, 'yes')]),
    expected: { target: ['PR'], overall: ['PD'], bestOverallResponse: 'PD', confirmed: false, firstResponseDate: null, progressionDate: d(56) },
  },
  {
    id: 'target-only-disease',
    covers: ['target-only'],
    why: 'No non-target disease (non-target NA): target CR reads as overall CR.',
    patient: patient([target('T1', 40)], [visit(56, { T1: 0 }), visit(84, { T1: 0 })]),
    expected: { nonTarget: ['NA', 'NA'], overall: ['CR', 'CR'], bestOverallResponse: 'CR', confirmed: true, firstResponseDate: d(56), progressionDate: null },
  },

  // Table 2: non-target disease only.
  {
    id: 'non-target-only-cr',
    covers: ['table2:1'],
    why: 'Every non-target lesion gone (the node below 10 mm), twice: confirmed CR.',
    patient: patient(NON_TARGET_ONLY, [visit(56, {}, ABSENT), visit(84, {}, ABSENT)]),
    expected: { sumMm: [null, null], target: ['NA', 'NA'], overall: ['CR', 'CR'], bestOverallResponse: 'CR', confirmed: true, firstResponseDate: d(56), progressionDate: null },
  },
  {
    id: 'non-target-only-non-cr-non-pd',
    covers: ['table2:2', 'bor-non-cr-non-pd'],
    why: 'Persisting non-target disease: NON-CR/NON-PD, which is also the best response (not SD) once the SD minimum is met.',
    patient: patient(NON_TARGET_ONLY, [visit(56, {}, { NT1: 'present', NT2: 'absent' })]),
    expected: { overall: ['NON-CR/NON-PD'], bestOverallResponse: 'NON-CR/NON-PD', confirmed: false, firstResponseDate: null, progressionDate: null },
  },
  {
    id: 'non-target-only-not-evaluated',
    covers: ['table2:3'],
    why: 'One non-target lesion not evaluated: NE, even with the other present.',
    patient: patient(NON_TARGET_ONLY, [visit(56, {}, { NT1: 'not-evaluated', NT2: 'present' })]),
    expected: { overall: ['NE'], bestOverallResponse: 'NE', confirmed: false, firstResponseDate: null, progressionDate: null },
  },
  {
    id: 'non-target-only-pd',
    covers: ['table2:4'],
    why: 'Unequivocal progression of a non-target lesion: PD.',
    patient: patient(NON_TARGET_ONLY, [visit(56, {}, { NT1: 'unequivocal-progression', NT2: 'not-evaluated' })]),
    expected: { overall: ['PD'], bestOverallResponse: 'PD', confirmed: false, firstResponseDate: null, progressionDate: d(56) },
  },
  {
    id: 'non-target-only-new-lesion',
    covers: ['table2:5'],
    why: 'A new lesion is PD even when every non-target lesion is gone.',
    patient: patient(NON_TARGET_ONLY, [visit(56, {}, ABSENT, 'yes')]),
    expected: { overall: ['PD'], bestOverallResponse: 'PD', confirmed: false, firstResponseDate: null, progressionDate: d(56) },
  },
  {
    id: 'non-target-reappears-after-cr',
    covers: ['reappearance'],
    why: 'Confirmed CR, then the effusion is present again: reappearance after an overall CR is PD. Best CR.',
    patient: patient(NON_TARGET_ONLY, [visit(56, {}, ABSENT), visit(84, {}, ABSENT), visit(112, {}, { NT1: 'present', NT2: 'absent' })]),
    expected: { nonTarget: ['CR', 'CR', 'PD'], overall: ['CR', 'CR', 'PD'], bestOverallResponse: 'CR', confirmed: true, firstResponseDate: d(56), progressionDate: d(112) },
  },

  // Table 3: best overall response from two time points.
  {
    id: 'cr-then-reappearance-sd-minimum-met',
    covers: ['table3:CR-PR', 'reappearance'],
    why: 'CR at day 56, then the liver lesion back at 3 mm: the sum (11 mm) is 88% below baseline but only 3 mm above the nadir; after a CR, reappearance is PD (footnote a). The CR is unconfirmed; day 56 meets the SD minimum: best SD.',
    patient: mixed([visit(56, CR_SIZES, ABSENT), visit(84, { T1: 3, T2: 0, N1: 8 }, ABSENT)]),
    expected: { sumMm: [8, 11], target: ['CR', 'PD'], overall: ['CR', 'PD'], bestOverallResponse: 'SD', confirmed: false, firstResponseDate: null, progressionDate: d(84) },
  },
  {
    id: 'cr-then-reappearance-sd-minimum-not-met',
    covers: ['table3:CR-PR', 'table3:CR-PD'],
    why: 'The same at days 35 and 63: the unconfirmed CR is too early for SD, so the best response is PD.',
    patient: mixed([visit(35, CR_SIZES, ABSENT), visit(63, { T1: 3, T2: 0, N1: 8 }, ABSENT)]),
    expected: { overall: ['CR', 'PD'], bestOverallResponse: 'PD', confirmed: false, firstResponseDate: null, progressionDate: d(63) },
  },
  {
    id: 'cr-then-node-present',
    covers: ['table3:CR-PR'],
    why: 'CR, then the non-target node is visible again but has not unequivocally progressed: not a reappearance (FAQ), so PR; the CR is confirmed as PR by it (footnote a\'s PR branch).',
    patient: mixed([visit(56, CR_SIZES, ABSENT), visit(84, CR_SIZES, { NT1: 'absent', NT2: 'present' })]),
    expected: { nonTarget: ['CR', 'NON-CR/NON-PD'], overall: ['CR', 'PR'], bestOverallResponse: 'PR', confirmed: true, firstResponseDate: d(56), progressionDate: null },
  },
  {
    id: 'cr-then-growth',
    covers: ['table3:CR-SD'],
    why: 'CR, then a sum of 67 mm (SD against baseline, -25.6%) is PD against the nadir of 8 mm. Best SD (CR at day 56 meets the minimum).',
    patient: mixed([visit(56, CR_SIZES, ABSENT), visit(84, { T1: 40, T2: 15, N1: 12 }, ABSENT)]),
    expected: { sumMm: [8, 67], overall: ['CR', 'PD'], bestOverallResponse: 'SD', confirmed: false, firstResponseDate: null, progressionDate: d(84) },
  },
  {
    id: 'cr-then-pd-sd-minimum-met',
    covers: ['table3:CR-PD'],
    why: 'CR at day 49, a new lesion at day 77: best SD.',
    patient: mixed([visit(49, CR_SIZES, ABSENT), visit(77, CR_SIZES, ABSENT, 'yes')]),
    expected: { overall: ['CR', 'PD'], bestOverallResponse: 'SD', confirmed: false, firstResponseDate: null, progressionDate: d(77) },
  },
  {
    id: 'cr-then-ne-sd-minimum-met',
    covers: ['table3:CR-NE'],
    why: 'CR at day 56, then a scan with the liver lesion not evaluated: best SD.',
    patient: mixed([visit(56, CR_SIZES, ABSENT), visit(84, { T1: null, T2: 0, N1: 8 }, ABSENT)]),
    expected: { overall: ['CR', 'NE'], bestOverallResponse: 'SD', confirmed: false, firstResponseDate: null, progressionDate: null },
  },
  {
    id: 'cr-then-ne-sd-minimum-not-met',
    covers: ['table3:CR-NE'],
    why: 'CR at day 35, NE at day 63: best NE.',
    patient: mixed([visit(35, CR_SIZES, ABSENT), visit(63, { T1: null, T2: 0, N1: 8 }, ABSENT)]),
    expected: { overall: ['CR', 'NE'], bestOverallResponse: 'NE', confirmed: false, firstResponseDate: null, progressionDate: null },
  },
  {
    id: 'pr-then-sd',
    covers: ['table3:PR-SD'],
    why: 'PR (60 mm, -33.3%), then 66 mm (-26.7% from baseline, +10% from the nadir): SD. Best SD.',
    patient: mixed([visit(56, { T1: 30, T2: 18, N1: 12 }, PRESENT), visit(84, { T1: 33, T2: 20, N1: 13 }, PRESENT)]),
    expected: { sumMm: [60, 66], target: ['PR', 'SD'], overall: ['PR', 'SD'], bestOverallResponse: 'SD', confirmed: false, firstResponseDate: null, progressionDate: null },
  },
  {
    id: 'unconfirmed-pr-then-pd-sd-minimum-met',
    covers: ['table3:PR-PD', 'unconfirmed-pr-then-pd'],
    why: 'PR at day 56, PD at day 84 (new lesion): the PR is unconfirmed, counts as SD (day 56 >= 42).',
    patient: mixed([visit(56, PR_SIZES, PRESENT), visit(84, PR_SIZES, PRESENT, 'yes')]),
    expected: { overall: ['PR', 'PD'], bestOverallResponse: 'SD', confirmed: false, firstResponseDate: null, progressionDate: d(84) },
  },
  {
    id: 'unconfirmed-pr-then-pd-sd-minimum-not-met',
    covers: ['table3:PR-PD', 'unconfirmed-pr-then-pd'],
    why: 'PR at day 35, PD at day 63: too early for SD, best PD.',
    patient: mixed([visit(35, PR_SIZES, PRESENT), visit(63, PR_SIZES, PRESENT, 'yes')]),
    expected: { overall: ['PR', 'PD'], bestOverallResponse: 'PD', confirmed: false, firstResponseDate: null, progressionDate: d(63) },
  },
  {
    id: 'pr-then-ne-sd-minimum-met',
    covers: ['table3:PR-NE'],
    why: 'PR at day 56, NE at day 84: best SD.',
    patient: mixed([visit(56, PR_SIZES, PRESENT), visit(84, { T1: null, T2: 15, N1: 12 }, PRESENT)]),
    expected: { overall: ['PR', 'NE'], bestOverallResponse: 'SD', confirmed: false, firstResponseDate: null, progressionDate: null },
  },
  {
    id: 'pr-then-ne-sd-minimum-not-met',
    covers: ['table3:PR-NE'],
    why: 'PR at day 35, NE at day 63: best NE.',
    patient: mixed([visit(35, PR_SIZES, PRESENT), visit(63, { T1: null, T2: 15, N1: 12 }, PRESENT)]),
    expected: { overall: ['PR', 'NE'], bestOverallResponse: 'NE', confirmed: false, firstResponseDate: null, progressionDate: null },
  },

  // Confirmation interval and what may come between.
  {
    id: 'pr-confirmed-at-exactly-28-days',
    covers: ['confirmation'],
    why: 'PR at days 56 and 84: 28 days apart, confirmed.',
    patient: mixed([visit(56, PR_SIZES, PRESENT), visit(84, PR_SIZES, PRESENT)]),
    expected: { overall: ['PR', 'PR'], bestOverallResponse: 'PR', confirmed: true, firstResponseDate: d(56), progressionDate: null },
  },
  {
    id: 'pr-not-confirmed-at-27-days',
    covers: ['confirmation'],
    why: 'PR at days 56 and 83: 27 days apart, not confirmed; best SD.',
    patient: mixed([visit(56, PR_SIZES, PRESENT), visit(83, PR_SIZES, PRESENT)]),
    expected: { overall: ['PR', 'PR'], bestOverallResponse: 'SD', confirmed: false, firstResponseDate: null, progressionDate: null },
  },
  {
    id: 'confirmation-over-one-ne',
    covers: ['confirmation'],
    why: 'PR, NE, PR: one NE between a response and its confirmation is tolerated.',
    patient: mixed([visit(56, PR_SIZES, PRESENT), visit(70, { T1: null, T2: 15, N1: 12 }, PRESENT), visit(98, PR_SIZES, PRESENT)]),
    expected: { overall: ['PR', 'NE', 'PR'], bestOverallResponse: 'PR', confirmed: true, firstResponseDate: d(56), progressionDate: null },
  },
  {
    id: 'confirmation-broken-by-two-ne',
    covers: ['confirmation'],
    why: 'PR, NE, NE, PR: two NE between are too many; the later PR has nothing after it. Best SD.',
    patient: mixed([
      visit(56, PR_SIZES, PRESENT),
      visit(70, { T1: null, T2: 15, N1: 12 }, PRESENT),
      visit(84, { T1: null, T2: 15, N1: 12 }, PRESENT),
      visit(112, PR_SIZES, PRESENT),
    ]),
    expected: { overall: ['PR', 'NE', 'NE', 'PR'], bestOverallResponse: 'SD', confirmed: false, firstResponseDate: null, progressionDate: null },
  },
  {
    id: 'confirmation-broken-by-sd',
    covers: ['confirmation'],
    why: 'PR (60 mm), SD (66 mm), PR (60 mm): the response did not persist; the second PR is unconfirmed. Best SD.',
    patient: mixed([visit(56, { T1: 30, T2: 18, N1: 12 }, PRESENT), visit(70, { T1: 33, T2: 20, N1: 13 }, PRESENT), visit(98, { T1: 30, T2: 18, N1: 12 }, PRESENT)]),
    expected: { overall: ['PR', 'SD', 'PR'], bestOverallResponse: 'SD', confirmed: false, firstResponseDate: null, progressionDate: null },
  },
  {
    id: 'protocol-confirmation-interval',
    covers: ['options'],
    why: 'The same 27-day pair under a protocol that asks for 21 days: confirmed.',
    patient: mixed([visit(56, PR_SIZES, PRESENT), visit(83, PR_SIZES, PRESENT)]),
    options: { confirmationDays: 21 },
    expected: { overall: ['PR', 'PR'], bestOverallResponse: 'PR', confirmed: true, firstResponseDate: d(56), progressionDate: null },
  },

  // New lesions.
  {
    id: 'equivocal-new-lesion-resolved',
    covers: ['equivocal'],
    why: 'An equivocal new lesion is not PD; the next scan shows none: confirmed PR, no progression.',
    patient: mixed([visit(56, PR_SIZES, PRESENT, 'equivocal'), visit(84, PR_SIZES, PRESENT)]),
    expected: { overall: ['PR', 'PR'], bestOverallResponse: 'PR', confirmed: true, firstResponseDate: d(56), progressionDate: null },
  },
  {
    id: 'equivocal-new-lesion-confirmed-backdates-progression',
    covers: ['equivocal', 'backdating'],
    why: 'SD at day 42, PR with an equivocal new lesion at days 70 and 98, the lesion unequivocal at day 126: progression dated at day 70 (the first equivocal scan), so the PRs fall after it. Best SD.',
    patient: mixed([
      visit(42, SD_SIZES, PRESENT),
      visit(70, PR_SIZES, PRESENT, 'equivocal'),
      visit(98, PR_SIZES, PRESENT, 'equivocal'),
      visit(126, PR_SIZES, PRESENT, 'yes'),
    ]),
    expected: { overall: ['SD', 'PR', 'PR', 'PD'], bestOverallResponse: 'SD', confirmed: false, firstResponseDate: null, progressionDate: d(70) },
  },
  {
    id: 'equivocal-run-broken-by-no',
    covers: ['equivocal', 'backdating'],
    why: 'Equivocal at day 56, none at day 84, equivocal again at day 112, unequivocal at day 140: progression dated at day 112; the PR of days 56 and 84 stands.',
    patient: mixed([
      visit(56, PR_SIZES, PRESENT, 'equivocal'),
      visit(84, PR_SIZES, PRESENT, 'no'),
      visit(112, PR_SIZES, PRESENT, 'equivocal'),
      visit(140, PR_SIZES, PRESENT, 'yes'),
    ]),
    expected: { overall: ['PR', 'PR', 'PR', 'PD'], bestOverallResponse: 'PR', confirmed: true, firstResponseDate: d(56), progressionDate: d(112) },
  },

  // Sums, nadir and not-evaluated lesions.
  {
    id: 'evaluated-lesions-prove-pd',
    covers: ['ne-target'],
    why: 'The liver lesion not evaluated, but lung 60 + node 50 = 110 mm already exceeds the nadir of 90 by 22% and 20 mm: PD.',
    patient: mixed([visit(56, { T1: null, T2: 60, N1: 50 }, PRESENT)]),
    expected: { sumMm: [null], target: ['PD'], overall: ['PD'], bestOverallResponse: 'PD', confirmed: false, firstResponseDate: null, progressionDate: d(56) },
  },
  {
    id: 'pd-needs-5-mm',
    covers: ['nadir'],
    why: 'Baseline 25 mm, nadir 20 mm; 24 mm is +20% but only +4 mm (SD); 25 mm is +25% and +5 mm (PD).',
    patient: patient([target('T1', 15), target('T2', 10)], [visit(56, { T1: 12, T2: 8 }), visit(112, { T1: 14, T2: 10 }), visit(168, { T1: 15, T2: 10 })]),
    expected: { sumMm: [20, 24, 25], target: ['SD', 'SD', 'PD'], overall: ['SD', 'SD', 'PD'], bestOverallResponse: 'SD', confirmed: false, firstResponseDate: null, progressionDate: d(168) },
  },
  {
    id: 'nadir-is-baseline',
    covers: ['nadir'],
    why: 'Sums only rose: the nadir is the baseline sum of 50 mm; 60 mm is +20% and +10 mm: PD.',
    patient: patient([target('T1', 30), target('T2', 20)], [visit(56, { T1: 34, T2: 24 }), visit(112, { T1: 36, T2: 24 })]),
    expected: { sumMm: [58, 60], target: ['SD', 'PD'], overall: ['SD', 'PD'], bestOverallResponse: 'SD', confirmed: false, firstResponseDate: null, progressionDate: d(112) },
  },
  {
    id: 'node-at-10-mm-is-not-cr',
    covers: ['nodal-cr'],
    why: 'Non-nodal targets gone but the node at 10 mm short axis (not < 10): target PR, not CR.',
    patient: mixed([visit(56, { T1: 0, T2: 0, N1: 10 }, ABSENT)]),
    expected: { sumMm: [10], target: ['PR'], overall: ['PR'], bestOverallResponse: 'SD', confirmed: false, firstResponseDate: null, progressionDate: null },
  },
  {
    id: 'node-grows-within-normal-range',
    covers: ['nodal-cr'],
    why: 'Target CR with the node at 4 mm, then 9.5 mm: +5.5 mm and +138% over the nadir, but a node below 10 mm is normal, so still CR.',
    patient: patient([target('T1', 40), target('N1', 20, true)], [visit(56, { T1: 0, N1: 4 }), visit(84, { T1: 0, N1: 9.5 })]),
    expected: { sumMm: [4, 9.5], target: ['CR', 'CR'], overall: ['CR', 'CR'], bestOverallResponse: 'CR', confirmed: true, firstResponseDate: d(56), progressionDate: null },
  },
  {
    id: 'target-reappearance-without-overall-cr',
    covers: ['reappearance'],
    why: 'Target CR but the effusion persists (overall PR); the liver lesion back at 3 mm is +3 mm over the nadir: not PD (reappearance is PD only after an overall CR), target PR.',
    patient: mixed([visit(56, CR_SIZES, { NT1: 'present', NT2: 'absent' }), visit(84, { T1: 3, T2: 0, N1: 8 }, { NT1: 'present', NT2: 'absent' })]),
    expected: { sumMm: [8, 11], target: ['CR', 'PR'], overall: ['PR', 'PR'], bestOverallResponse: 'PR', confirmed: true, firstResponseDate: d(56), progressionDate: null },
  },
  {
    id: 'assessments-after-progression-ignored',
    covers: ['progression'],
    why: 'PD at day 56 (new lesion), PR after it: the best response looks only before progression. Best PD.',
    patient: mixed([visit(56, PR_SIZES, PRESENT, 'yes'), visit(84, PR_SIZES, PRESENT), visit(112, PR_SIZES, PRESENT)]),
    expected: { overall: ['PD', 'PR', 'PR'], bestOverallResponse: 'PD', confirmed: false, firstResponseDate: null, progressionDate: d(56) },
  },
  {
    id: 'no-assessment',
    covers: ['progression'],
    why: 'No assessment after baseline: best NE.',
    patient: mixed([]),
    expected: { overall: [], bestOverallResponse: 'NE', confirmed: false, firstResponseDate: null, progressionDate: null },
  },
] satisfies RecistWorkedExample[]);
