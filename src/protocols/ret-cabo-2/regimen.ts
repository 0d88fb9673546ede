import type { DoseTransitionExample, RecoveryEvent, RegimenDefinition, ToxicityEvent } from '../../clinical/index.js';

const ALL_CATEGORIES = ['neutropenia', 'febrile-neutropenia', 'thrombocytopenia', 'other-cytopenia', 'other'] as const;
const DAILY = Array.from({ length: 28 }, (_v, i) => i + 1);

/**
 * RET-CABO-2 regimen: cabozantinib 60 mg orally once daily, continuously, in 28-day cycles, until
 * progression or unacceptable toxicity (the model trial, NCT01639508: 60 mg daily). Dose modification per
 * the CABOMETYX label (section 2.3, 60 mg starting dose): withhold for grade 3-4 related adverse reactions;
 * on resolution to grade <= 1 (or baseline) resume one level lower, 60 -> 40 -> 20 mg; a patient who cannot
 * tolerate 20 mg discontinues. Decisions (README.md): a hold is triggered by related grade 3-4 events of every
 * category (the label's intolerable grade 2 rule is the investigator's call, recorded on the dosing form, not
 * modelled); events the label says to discontinue for at once (perforation, severe haemorrhage, arterial
 * thromboembolism, ...) are recorded by the investigator as drug withdrawn; no maximum duration (130 cycles,
 * 10 years, stands for it in the engines).
 */
export const RET_CABO_2_REGIMEN: RegimenDefinition = {
  source: 'NCT01639508 (Drilon A et al. Lancet Oncol 2016): cabozantinib 60 mg daily; CABOMETYX label section 2.3 for dose modification',
  cycleLengthDays: 28,
  maxTreatmentDays: 130 * 28,
  maxCycles: 130,
  assessmentCycleDay: 1,
  followUpIntervalDays: 84,
  drugs: [
    {
      id: 'cabozantinib',
      label: 'Cabozantinib',
      code: 'CABO',
      role: 'investigational',
      route: 'oral',
      doseUnit: 'mg',
      doseDays: DAILY,
      startingDose: { mg: 60 },
      laddersMg: [[60, 40, 20]],
      holdRules: [{ kind: 'grade', categories: ALL_CATEGORIES, minGrade: 3, maxGrade: 4, relatedOnly: true }],
      resumeRules: [{ holdCategories: ALL_CATEGORIES, recovery: 'same-term', gradeAtMost: 1 }],
      stopsRegimen: true,
      ruleText: 'CABOMETYX label 2.3: withhold, resume one level lower at grade <= 1 (60 -> 40 -> 20 mg; below 20 mg discontinue)',
    },
  ],
  countRules: [],
};

const hfs3 = (date: string): ToxicityEvent => ({ type: 'toxicity', date, term: 'Palmar-plantar erythrodysesthesia syndrome', grade: 3, relatedTo: ['cabozantinib'] });
const hfsBack = (date: string, grade: number): RecoveryEvent => ({ type: 'recovery', date, term: 'Palmar-plantar erythrodysesthesia syndrome', grade });
const held = { status: 'held', doseMg: null, action: 'hold' } as const;

/** One worked example per transition of the RET-CABO-2 ladder; executed by regimen.test.ts. */
export const RET_CABO_2_DOSE_EXAMPLES: readonly DoseTransitionExample[] = [
  { transition: 'hold: related grade 3 hand-foot syndrome', ageYears: 58, events: [hfs3('2024-04-02')], expected: { cabozantinib: held }, why: 'grade 3 related: withhold' },
  {
    transition: 'still held at grade 2 (the label resumes at grade <= 1)',
    ageYears: 58,
    events: [hfs3('2024-04-02'), hfsBack('2024-04-09', 2)],
    expected: { cabozantinib: held },
    why: 'grade 2 is not yet grade <= 1',
  },
  {
    transition: 'resume one level lower at grade 1',
    ageYears: 58,
    events: [hfs3('2024-04-02'), hfsBack('2024-04-16', 1)],
    expected: { cabozantinib: { status: 'active', doseMg: 40, action: 'resume-reduced' } },
    why: '60 -> 40 mg',
  },
  {
    transition: 'no hold: unrelated grade 3 event',
    ageYears: 58,
    events: [{ type: 'toxicity', date: '2024-04-02', term: 'Fall', grade: 3, relatedTo: [] }],
    expected: { cabozantinib: { status: 'active', doseMg: 60, action: 'continue' } },
    why: 'not related to cabozantinib',
  },
  {
    transition: 'no hold: related grade 4 neutropenia is a grade rule here (no count rule)',
    ageYears: 58,
    events: [{ type: 'toxicity', date: '2024-04-02', term: 'Neutrophil count decreased', grade: 4, relatedTo: ['cabozantinib'], ancX10e9PerL: 0.4 }],
    expected: { cabozantinib: held },
    why: 'the label has no count rule: related grade 4 holds like any other event',
  },
  {
    transition: 'discontinue below 20 mg',
    ageYears: 58,
    events: [hfs3('2024-04-02'), hfsBack('2024-04-16', 1), hfs3('2024-05-02'), hfsBack('2024-05-16', 0), hfs3('2024-06-02')],
    expected: { cabozantinib: { status: 'discontinued', doseMg: null, action: 'discontinue' } },
    why: '60 -> 40 -> 20 mg; a third episode at 20 mg has no lower level',
  },
];
