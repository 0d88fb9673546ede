// Test support (not exported from index.ts): small trials built with the CRF example builders, derived
// through the real ADaM functions, for the report-model tests.
import {
  addDays,
  createAdae,
  createAdex,
  createAdlb,
  createAdrs,
  createAdsl,
  createAdtte,
  cycleDay,
  exampleAssessments,
  parseIsoDate,
  exampleDosing,
  exampleSubject,
  exampleTrial,
} from '../../clinical/index.js';
import type { AdverseEventForm, BaselineDiseaseForm, FishResult, SubjectRecord, TrialData } from '../../clinical/index.js';
import type { DiseaseMeasurementRow, ReportDatasets } from './reportDatasets.js';

export interface TestSubjectSpec {
  /** Central (IRC) serum M-protein per cycle-day-1 visit; the first value is baseline. */
  readonly central: readonly (number | null)[];
  /** Local (investigator) values; default the central ones. */
  readonly local?: readonly (number | null)[];
  readonly iss?: 'I' | 'II' | 'III';
  readonly highRisk?: boolean;
  readonly fishMissing?: boolean;
  readonly highLdh?: boolean;
  readonly cd38?: boolean;
  readonly asct?: boolean;
  readonly age?: number;
  readonly female?: boolean;
  readonly ecog?: number;
  readonly pomalidomideMg?: readonly number[];
  readonly delayedCycles?: readonly number[];
  readonly adverseEvents?: readonly Partial<AdverseEventForm>[];
  /** Death this many days after enrolment, with its cause. */
  readonly deathDay?: number;
  readonly deathCause?: 'progressive-disease' | 'adverse-event' | 'other' | 'unknown';
  /** End of treatment this many days after enrolment, with its reason. */
  readonly endOfTreatment?: { readonly day: number; readonly reason: 'progressive-disease' | 'consent-withdrawn' | 'adverse-event' | 'investigator-decision' | 'death' };
}

export const TEST_ENROLMENT = '2021-06-01';

function ae(sequence: number, partial: Partial<AdverseEventForm>, enrolment: string): AdverseEventForm {
  return {
    sequence,
    reportedTerm: partial.preferredTerm ?? 'Neutrophil count decreased',
    preferredTerm: 'Neutrophil count decreased',
    systemOrganClass: 'Investigations',
    onsetDate: addDays(enrolment, 10),
    grade: 2,
    serious: false,
    relationshipPomalidomide: 'probable',
    relationshipDexamethasone: 'not-related',
    actionPomalidomide: 'none',
    actionDexamethasone: 'none',
    ledToStudyDiscontinuation: false,
    outcome: 'recovered',
    ...partial,
  };
}

export function buildTestSubject(sequence: number, spec: TestSubjectSpec): SubjectRecord {
  const enrolment = TEST_ENROLMENT;
  const cycles = Math.max(spec.central.length - 1, 1);
  const base = exampleSubject(sequence, { cycles, serumMProteinGPerL: spec.central, birthDate: addDays(enrolment, -Math.round((spec.age ?? 61) * 365.25) - 30) });
  const b2m = spec.iss === 'III' ? 6.5 : spec.iss === 'II' ? 4.0 : 3.0;
  const fish: FishResult = spec.fishMissing === true ? 'not-done' : 'negative';
  const baselineDisease: BaselineDiseaseForm = {
    sampleDate: addDays(enrolment, -5),
    beta2MicroglobulinMgPerL: b2m,
    albuminGPerL: 38,
    ldhUPerL: spec.highLdh === true ? 400 : 200,
    ldhUlnUPerL: 250,
    fish: {
      del17p: spec.highRisk === true ? 'positive' : fish,
      t4_14: fish,
      t14_16: fish,
      gain1q21: spec.fishMissing === true ? 'not-done' : 'positive',
      del13q: fish,
    },
  };
  const priorTherapies = [
    ...base.priorTherapies.map((line) => ({ ...line, asct: line.lineNumber === 1 && spec.asct === true })),
    ...(spec.cd38 === true
      ? [{ lineNumber: 3, agents: ['daratumumab', 'dexamethasone'], startDate: addDays(enrolment, -35), endDate: addDays(enrolment, -20), asct: false, refractory: true }]
      : []),
  ];
  const disposition = {
    ...(spec.endOfTreatment === undefined ? {} : { endOfTreatment: { date: addDays(enrolment, spec.endOfTreatment.day), reason: spec.endOfTreatment.reason } }),
  };
  return {
    ...base,
    demographics: { birthDate: base.demographics?.birthDate ?? '1960-01-01', sex: spec.female === true ? 'F' : 'M', ecog: spec.ecog ?? 1, weightKg: 70, heightCm: 170 },
    baselineDisease,
    priorTherapies,
    diseaseAssessments: [...exampleAssessments(enrolment, spec.central, 'central'), ...exampleAssessments(enrolment, spec.local ?? spec.central, 'local')],
    dosing: exampleDosing(enrolment, cycles, { ...(spec.pomalidomideMg === undefined ? {} : { pomalidomideMg: spec.pomalidomideMg }), ...(spec.delayedCycles === undefined ? {} : { delayedCycles: spec.delayedCycles }) }),
    adverseEvents: (spec.adverseEvents ?? []).map((partial, i) => ae(i + 1, partial, enrolment)),
    disposition,
    ...(spec.deathDay === undefined ? {} : { death: { date: addDays(enrolment, spec.deathDay), cause: spec.deathCause ?? 'progressive-disease' } }),
  };
}

/** A screen failure: consent only. */
export function buildScreenFailure(sequence: number): SubjectRecord {
  const base = exampleSubject(sequence);
  const { enrolmentDate: _enrolment, ...subject } = base.subject;
  return { ...base, subject: { ...subject, screenFailure: true, screenFailureReason: 'Inclusion criteria not met' }, dosing: [], diseaseAssessments: [], labs: [], adverseEvents: [] };
}

/** Serum M-protein per subject from the central disease assessments (what the waterfall reads). */
export function serumMProteinRows(trial: TrialData, datasets: Pick<ReportDatasets, 'adsl'>): DiseaseMeasurementRow[] {
  const out: DiseaseMeasurementRow[] = [];
  for (const record of trial.subjects) {
    const subject = datasets.adsl.find((r) => r.SUBJID === record.subject.subjectId);
    if (subject === undefined || subject.TRTSDT === null) continue;
    const first = subject.TRTSDT;
    for (const form of record.diseaseAssessments) {
      if (form.source !== 'central' || form.serumMProteinGPerL === undefined) continue;
      const day = parseIsoDate(form.date);
      const start = parseIsoDate(first);
      if (day === null || start === null) continue;
      out.push({ USUBJID: subject.USUBJID, PARAMCD: 'SPEP', ADY: day - start + 1, AVAL: form.serumMProteinGPerL });
    }
  }
  return out;
}

/** Derives every dataset of the report from a trial through the real ADaM derivations. */
export function deriveReportDatasets(trial: TrialData): ReportDatasets & { readonly trial: TrialData } {
  const adsl = createAdsl(trial).dataset;
  const adrs = createAdrs(trial, adsl).dataset;
  const adtte = createAdtte(trial, adsl, adrs).dataset;
  const adae = createAdae(trial, adsl).dataset;
  const adlb = createAdlb(trial, adsl).dataset;
  const adex = createAdex(trial, adsl).dataset;
  const datasets = { trial, adsl, adrs, adtte, adae, adlb, adex };
  return { ...datasets, diseaseMeasurements: serumMProteinRows(trial, datasets) };
}

export { cycleDay, exampleTrial };

const PR = [30, 14, 12, 12, 12];
const VGPR = [30, 2, 2, 2, 2];
const MR = [30, 20, 20, 20, 20];
const SD = [30, 30, 30, 30, 30];
const PD = [30, 40, 45, 50];

/** The subjects of the standard test trial: a mix of responses, stages, risks, events and AEs. */
export const STANDARD_TEST_SUBJECTS: readonly TestSubjectSpec[] = [
  { central: PR, iss: 'I', adverseEvents: [{ grade: 3 }, { preferredTerm: 'Pneumonia', systemOrganClass: 'Infections and infestations', grade: 3, serious: true }] },
  { central: VGPR, iss: 'I', female: true, age: 70, adverseEvents: [{ grade: 4, actionPomalidomide: 'interrupted' }, { preferredTerm: 'Pruritus', grade: 1 }] },
  { central: VGPR, iss: 'II', cd38: true, adverseEvents: [{ preferredTerm: 'Deep vein thrombosis', grade: 2 }] },
  { central: PR, iss: 'II', asct: true, pomalidomideMg: [4, 3, 3, 2], adverseEvents: [{ grade: 3, actionPomalidomide: 'dose-reduced' }] },
  { central: MR, iss: 'II', adverseEvents: [{ preferredTerm: 'Fatigue', relationshipPomalidomide: 'not-related' }] },
  { central: SD, iss: 'III', adverseEvents: [{ grade: 1 }] },
  { central: SD, iss: 'III', highRisk: true, age: 78, delayedCycles: [2] },
  { central: PD, iss: 'III', highRisk: true, highLdh: true, deathDay: 120, deathCause: 'progressive-disease', endOfTreatment: { day: 60, reason: 'progressive-disease' } },
  { central: PD, iss: 'I', endOfTreatment: { day: 60, reason: 'progressive-disease' }, adverseEvents: [{ preferredTerm: 'Pneumonia', systemOrganClass: 'Infections and infestations', grade: 2 }] },
  { central: PR, local: MR, iss: 'I', cd38: true },
  { central: [30, null, null], iss: 'III', fishMissing: true, endOfTreatment: { day: 10, reason: 'consent-withdrawn' } },
  { central: [30, 14, 12, 12, 20, 25], iss: 'III' },
  {
    central: [30, 30, 30, 30],
    ecog: 2,
    deathDay: 110,
    deathCause: 'adverse-event',
    endOfTreatment: { day: 110, reason: 'death' },
    adverseEvents: [{ preferredTerm: 'Cardiac failure', systemOrganClass: 'Cardiac disorders', grade: 5, serious: true, relationshipPomalidomide: 'unlikely', outcome: 'fatal', onsetDate: addDays(TEST_ENROLMENT, 100), actionPomalidomide: 'withdrawn', ledToStudyDiscontinuation: true }],
  },
  { central: MR, iss: 'I', female: true, adverseEvents: [{ grade: 2 }, { preferredTerm: 'Pruritus', grade: 2 }] },
  { central: PR, iss: 'II', highRisk: true, adverseEvents: [{ grade: 3 }] },
];

/** The standard test trial (15 enrolled subjects, one screen failure), derived. */
export function buildStandardTestTrial(specs: readonly TestSubjectSpec[] = STANDARD_TEST_SUBJECTS): ReturnType<typeof deriveReportDatasets> {
  return deriveReportDatasets(exampleTrial([...specs.map((spec, i) => buildTestSubject(i + 1, spec)), buildScreenFailure(99)]));
}
