// Test support (not exported from index.ts): small trials of the reference protocol built from its test
// fixtures (src/protocols/<id>/testing), derived through the real ADaM functions, for the report tests. The
// report code itself never names the protocol; only this builder and the tests do.
import { addDays, createAdamDatasets } from '../../../clinical/index.js';
import type { AdamDatasets, AnalysisPlan, AdverseEventForm, AeAction, FormRow, ProtocolDefinition, Relationship, SubjectRecord, TrialData } from '../../../clinical/index.js';
import { NCT05236621_PROTOCOL } from '../index.js';
import { exampleAssessments, exampleDosing, nctSubject, nctTrial } from './index.js';

/** The protocol the test trials follow. */
export const TEST_PROTOCOL: ProtocolDefinition = NCT05236621_PROTOCOL;

const INVESTIGATIONAL = TEST_PROTOCOL.regimen.drugs.find((d) => d.role === 'investigational')?.id ?? '';
const COMBINATION = TEST_PROTOCOL.regimen.drugs.find((d) => d.role === 'combination')?.id ?? '';

/** An adverse event of a test subject: the form's fields, with relatedness and action for the investigational drug. */
export type TestAdverseEvent = Partial<Omit<AdverseEventForm, 'relatedness' | 'actionTaken'>> & {
  /** Relationship to the investigational drug (default 'probable'; the combination drug is 'not-related'). */
  readonly related?: Relationship;
  /** Action taken with the investigational drug (default 'none'). */
  readonly action?: AeAction;
};

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
  /** Daily dose of the investigational drug per cycle (mg). */
  readonly investigationalMg?: readonly number[];
  readonly delayedCycles?: readonly number[];
  readonly adverseEvents?: readonly TestAdverseEvent[];
  /** Death this many days after enrolment, with its cause. */
  readonly deathDay?: number;
  readonly deathCause?: 'progressive-disease' | 'adverse-event' | 'other' | 'unknown';
  /** End of treatment this many days after enrolment, with its reason. */
  readonly endOfTreatment?: { readonly day: number; readonly reason: 'progressive-disease' | 'consent-withdrawn' | 'adverse-event' | 'investigator-decision' | 'death' };
}

export const TEST_ENROLMENT = '2021-06-01';

function adverseEvent(sequence: number, partial: TestAdverseEvent): AdverseEventForm {
  const { related = 'probable', action = 'none', ...fields } = partial;
  return {
    sequence,
    reportedTerm: fields.preferredTerm ?? 'Neutrophil count decreased',
    preferredTerm: 'Neutrophil count decreased',
    systemOrganClass: 'Investigations',
    onsetDate: addDays(TEST_ENROLMENT, 10),
    grade: 2,
    serious: false,
    ledToStudyDiscontinuation: false,
    outcome: 'recovered',
    ...fields,
    relatedness: { [INVESTIGATIONAL]: related, [COMBINATION]: 'not-related' },
    actionTaken: { [INVESTIGATIONAL]: action, [COMBINATION]: 'none' },
  };
}

export function buildTestSubject(sequence: number, spec: TestSubjectSpec): SubjectRecord {
  const enrolment = TEST_ENROLMENT;
  const cycles = Math.max(spec.central.length - 1, 1);
  const b2m = spec.iss === 'III' ? 6.5 : spec.iss === 'II' ? 4.0 : 3.0;
  const fish = spec.fishMissing === true ? 'not-done' : 'negative';
  const baselineDisease: FormRow = {
    sampleDate: addDays(enrolment, -5),
    beta2MicroglobulinMgPerL: b2m,
    albuminGPerL: 38,
    ldhUPerL: spec.highLdh === true ? 400 : 200,
    ldhUlnUPerL: 250,
    fish: { del17p: spec.highRisk === true ? 'positive' : fish, t4_14: fish, t14_16: fish, gain1q21: spec.fishMissing === true ? 'not-done' : 'positive', del13q: fish },
  };
  const base = nctSubject(sequence, {
    enrolmentDate: enrolment,
    birthDate: addDays(enrolment, -Math.round((spec.age ?? 61) * 365.25) - 30),
    cycles,
    diseaseForms: {
      baselineDisease: [baselineDisease],
      diseaseAssessment: [...exampleAssessments(enrolment, spec.central, 'central'), ...exampleAssessments(enrolment, spec.local ?? spec.central, 'local')],
    },
  });
  const priorTherapies = [
    ...base.priorTherapies.map((line) => ({ ...line, asct: line.lineNumber === 1 && spec.asct === true })),
    ...(spec.cd38 === true ? [{ lineNumber: 3, agents: ['daratumumab', 'dexamethasone'], startDate: addDays(enrolment, -35), endDate: addDays(enrolment, -20), asct: false, refractory: true }] : []),
  ];
  return {
    ...base,
    demographics: { birthDate: base.demographics?.birthDate ?? '1960-01-01', sex: spec.female === true ? 'F' : 'M', ecog: spec.ecog ?? 1, weightKg: 70, heightCm: 170 },
    priorTherapies,
    dosing: exampleDosing(enrolment, cycles, { ...(spec.investigationalMg === undefined ? {} : { pomalidomideMg: spec.investigationalMg }), ...(spec.delayedCycles === undefined ? {} : { delayedCycles: spec.delayedCycles }) }),
    adverseEvents: (spec.adverseEvents ?? []).map((partial, i) => adverseEvent(i + 1, partial)),
    disposition: spec.endOfTreatment === undefined ? {} : { endOfTreatment: { date: addDays(enrolment, spec.endOfTreatment.day), reason: spec.endOfTreatment.reason } },
    ...(spec.deathDay === undefined ? {} : { death: { date: addDays(enrolment, spec.deathDay), cause: spec.deathCause ?? 'progressive-disease' } }),
  };
}

/** A screen failure: consent only. */
export function buildScreenFailure(sequence: number): SubjectRecord {
  const base = nctSubject(sequence);
  const { enrolmentDate: _enrolment, ...subject } = base.subject;
  return {
    ...base,
    subject: { ...subject, screenFailure: true, screenFailureReason: 'Inclusion criteria not met' },
    dosing: [],
    labs: [],
    adverseEvents: [],
    diseaseForms: {},
  };
}

/** The analysis datasets of a trial through the real ADaM derivations, with the trial. */
export function deriveReportDatasets(trial: TrialData, protocol: ProtocolDefinition = TEST_PROTOCOL): AdamDatasets & { readonly trial: TrialData } {
  return { ...createAdamDatasets(trial, protocol).datasets, trial };
}

const PR = [30, 14, 12, 12, 12];
const VGPR = [30, 2, 2, 2, 2];
const MR = [30, 20, 20, 20, 20];
const SD = [30, 30, 30, 30, 30];
const PD = [30, 40, 45, 50];

/** The subjects of the standard test trial: a mix of responses, stages, risks, events and AEs. */
export const STANDARD_TEST_SUBJECTS: readonly TestSubjectSpec[] = [
  { central: PR, iss: 'I', adverseEvents: [{ grade: 3 }, { preferredTerm: 'Pneumonia', systemOrganClass: 'Infections and infestations', grade: 3, serious: true }] },
  { central: VGPR, iss: 'I', female: true, age: 70, adverseEvents: [{ grade: 4, action: 'interrupted' }, { preferredTerm: 'Pruritus', grade: 1 }] },
  { central: VGPR, iss: 'II', cd38: true, adverseEvents: [{ preferredTerm: 'Deep vein thrombosis', grade: 2 }] },
  { central: PR, iss: 'II', asct: true, investigationalMg: [4, 3, 3, 2], adverseEvents: [{ grade: 3, action: 'dose-reduced' }] },
  { central: MR, iss: 'II', adverseEvents: [{ preferredTerm: 'Fatigue', related: 'not-related' }] },
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
    adverseEvents: [
      {
        preferredTerm: 'Cardiac failure',
        systemOrganClass: 'Cardiac disorders',
        grade: 5,
        serious: true,
        related: 'unlikely',
        outcome: 'fatal',
        onsetDate: addDays(TEST_ENROLMENT, 100),
        action: 'withdrawn',
        ledToStudyDiscontinuation: true,
      },
    ],
  },
  { central: MR, iss: 'I', female: true, adverseEvents: [{ grade: 2 }, { preferredTerm: 'Pruritus', grade: 2 }] },
  { central: PR, iss: 'II', highRisk: true, adverseEvents: [{ grade: 3 }] },
];

/** The trial of these subjects (and one screen failure), not derived. */
export function buildTestTrial(specs: readonly TestSubjectSpec[] = STANDARD_TEST_SUBJECTS): TrialData {
  return nctTrial([...specs.map((spec, i) => buildTestSubject(i + 1, spec)), buildScreenFailure(99)]);
}

/** The standard test trial (15 enrolled subjects, one screen failure), derived. */
export function buildStandardTestTrial(specs: readonly TestSubjectSpec[] = STANDARD_TEST_SUBJECTS): ReturnType<typeof deriveReportDatasets> {
  return deriveReportDatasets(buildTestTrial(specs));
}

/** The test protocol with parts of its analysis plan replaced. */
export function withPlan(overrides: Partial<AnalysisPlan>, protocol: ProtocolDefinition = TEST_PROTOCOL): ProtocolDefinition {
  return { ...protocol, analysisPlan: { ...protocol.analysisPlan, ...overrides } };
}

/** The test protocol with another null response rate p0. */
export function withP0(p0: number, protocol: ProtocolDefinition = TEST_PROTOCOL): ProtocolDefinition {
  return withPlan({ design: { ...protocol.analysisPlan.design, p0 } }, protocol);
}
