import type {
  AdverseEventForm,
  DispositionForm,
  DosingForm,
  FormRow,
  LabForm,
  LabResult,
  PriorTherapyForm,
  PriorTherapyLine,
  ScreeningRecord,
  SubjectRecord,
  SurvivalContactForm,
  TrialData,
} from '../../../clinical/index.js';
import { birthDateFor, crfSubjectId, deriveProtocolDeviations, SeededRandom, shiftDate, studyDate, type DemoTrial, type DeviationCategoryCodes } from '../../../demo/index.js';
import { RET_CABO_2_DEVIATION_FORM } from '../forms.js';
import { RET_CABO_2_ELIGIBILITY } from '../eligibility.js';
import { RET_CABO_2_PROTOCOL } from '../protocol.js';
import type { AdverseEventPlan, BaselineLabs, EnrolledSubjectPlan, ReaderRead, RetDemoPlan, ScreenFailurePlan } from './retDemoPlanTypes.js';

/**
 * RET-CABO-2's SYNTHETIC demo plan written as the protocol's raw case report forms: subject, demographics,
 * disease history (histology, RET fusion partner and test, smoking, brain metastases), prior lines, central
 * laboratory results at screening, on day 1 of every cycle from cycle 2 and on the day a laboratory adverse
 * event is found, the cabozantinib dosing log per cycle, adverse events, tumour assessments (baseline target
 * and non-target lesions, then every 8 weeks, read by the IRC ('central') and by the investigator ('local')),
 * the response each reader recorded, disposition, subsequent therapy, death and survival contacts; plus one
 * screening record per screened subject (the eligibility engine's input). Nothing derived is stored beyond
 * the readers' calls, which are the engine's own time-point responses. Pure and deterministic for a plan.
 */

const FOLLOW_UP_DAYS = RET_CABO_2_PROTOCOL.regimen.followUpIntervalDays;
const DRUG = RET_CABO_2_PROTOCOL.regimen.drugs[0].id;

interface Range {
  readonly unit: string;
  readonly lln?: number;
  readonly uln?: number;
}

function ranges(sex: 'M' | 'F'): Readonly<Record<keyof BaselineLabs, Range>> {
  return {
    neutrophils: { unit: '10^9/L', lln: 1.8, uln: 7.5 },
    platelets: { unit: '10^9/L', lln: 150, uln: 400 },
    hemoglobin: sex === 'M' ? { unit: 'g/L', lln: 130, uln: 170 } : { unit: 'g/L', lln: 120, uln: 155 },
    bilirubin: { unit: 'umol/L', lln: 3, uln: 21 },
    alt: { unit: 'U/L', uln: 40 },
    ast: { unit: 'U/L', uln: 40 },
    creatinine: sex === 'M' ? { unit: 'umol/L', lln: 62, uln: 106 } : { unit: 'umol/L', lln: 44, uln: 90 },
    albumin: { unit: 'g/L', lln: 35, uln: 50 },
  };
}

const ANALYTES: readonly (keyof BaselineLabs)[] = ['neutrophils', 'platelets', 'hemoglobin', 'bilirubin', 'alt', 'ast', 'creatinine', 'albumin'];

const round1 = (value: number): number => Math.round(value * 10) / 10;

/** A value of CTCAE v5.0 grade `grade` for an adverse event shown by a laboratory analyte (baseline normal). */
function gradedValue(random: SeededRandom, analyte: 'alt' | 'ast' | 'platelets', grade: number, uln: number): number {
  if (analyte === 'platelets') {
    const [low, high] = ([[80, 140], [55, 72], [28, 47], [12, 22]] as const)[grade - 1];
    return random.int(low, high);
  }
  const [low, high] = ([[1.3, 2.7], [3.3, 4.7], [5.5, 9], [21, 25]] as const)[grade - 1];
  return Math.round(uln * (low + random.float() * (high - low)));
}

/** Laboratory results: screening, day 1 of cycles 2.., and the onset of each laboratory adverse event. */
function renderLabs(p: EnrolledSubjectPlan, random: SeededRandom): LabForm[] {
  const range = ranges(p.sex);
  const out: LabForm[] = [];
  const write = (day: number, visit: string, values: Readonly<Record<keyof BaselineLabs, number>>): void => {
    for (const analyte of ANALYTES) {
      const r = range[analyte];
      out.push({ date: studyDate(p.enrolmentDate, day), visit, analyte, value: values[analyte], unit: r.unit, ...(r.lln === undefined ? {} : { lln: r.lln }), ...(r.uln === undefined ? {} : { uln: r.uln }), source: 'central' });
    }
  };
  const onTreatment = (day: number): Record<keyof BaselineLabs, number> => {
    const b = p.labs;
    const values: Record<keyof BaselineLabs, number> = {
      neutrophils: round1(Math.max(1.9, b.neutrophils * (0.8 + random.float() * 0.3))),
      platelets: Math.max(152, Math.round(b.platelets * (0.8 + random.float() * 0.25))),
      hemoglobin: Math.round(b.hemoglobin * (0.92 + random.float() * 0.1)),
      bilirubin: round1(Math.min(20, b.bilirubin * (0.9 + random.float() * 0.4))),
      alt: Math.min(39, Math.round(b.alt * (0.9 + random.float() * 0.35))),
      ast: Math.min(39, Math.round(b.ast * (0.9 + random.float() * 0.35))),
      creatinine: Math.round(b.creatinine * (0.95 + random.float() * 0.12)),
      albumin: Math.round(b.albumin * (0.94 + random.float() * 0.08)),
    };
    // An adverse event shown by a laboratory value: its grade at onset, one grade less while it lasts.
    for (const ae of p.adverseEvents) {
      if (ae.labAnalyte === null || day < ae.onsetDay || (ae.endDay !== null && day >= ae.endDay)) continue;
      const grade = day === ae.onsetDay ? ae.grade : Math.max(1, ae.grade - 1);
      values[ae.labAnalyte] = gradedValue(random, ae.labAnalyte, grade, range[ae.labAnalyte].uln ?? 40);
    }
    return values;
  };
  write(p.screeningDay, 'SCREENING', p.labs);
  const days = new Map<number, string>();
  for (const cycle of p.cycles) if (cycle.cycle > 1) days.set(cycle.startDay, `C${cycle.cycle}D1`);
  for (const ae of p.adverseEvents) if (ae.labAnalyte !== null && !days.has(ae.onsetDay)) days.set(ae.onsetDay, 'UNSCHEDULED');
  for (const [day, visit] of [...days].sort((a, b) => a[0] - b[0])) write(day, visit, onTreatment(day));
  return out;
}

function renderDosing(p: EnrolledSubjectPlan): DosingForm[] {
  return p.cycles.map((c) => ({
    cycle: c.cycle,
    drug: DRUG,
    startDate: studyDate(p.enrolmentDate, c.startDay),
    endDate: studyDate(p.enrolmentDate, c.lastDoseDay),
    plannedDoseMg: c.doseMg,
    plannedDays: RET_CABO_2_PROTOCOL.regimen.cycleLengthDays,
    doseGivenMg: c.doseMg,
    daysGiven: c.daysGiven,
    delayed: c.delayed,
    interrupted: c.interrupted,
    reduced: c.reduced,
    ...(c.delayed || c.interrupted || c.reduced ? { modificationReason: 'adverse-event' as const } : {}),
  }));
}

function renderAdverseEvent(p: EnrolledSubjectPlan, ae: AdverseEventPlan, index: number): AdverseEventForm {
  return {
    sequence: index + 1,
    reportedTerm: ae.term.toLowerCase(),
    preferredTerm: ae.term,
    systemOrganClass: ae.systemOrganClass,
    onsetDate: studyDate(p.enrolmentDate, ae.onsetDay),
    ...(ae.endDay === null ? {} : { endDate: studyDate(p.enrolmentDate, ae.endDay) }),
    grade: ae.grade,
    serious: ae.serious,
    relatedness: { [DRUG]: ae.relationship },
    actionTaken: { [DRUG]: ae.action },
    ledToStudyDiscontinuation: false,
    outcome: ae.endDay === null ? 'not-recovered' : 'recovered',
  };
}

/** One tumour assessment form: baseline lesions carry kind, node and organ; targets their diameter, non-targets their status. */
function tumourForm(p: EnrolledSubjectPlan, day: number, visit: string, source: 'central' | 'local', read: ReaderRead, baseline: boolean): FormRow {
  const lesions = p.lesions.map((lesion, i) => {
    const reading = read.lesions[i];
    const head = baseline ? { kind: lesion.kind, nodal: lesion.nodal, organ: lesion.organ } : {};
    if ('status' in reading) return { lesionId: lesion.id, ...head, status: reading.status };
    return { lesionId: lesion.id, ...head, ...(reading.diameterMm === null ? {} : { diameterMm: reading.diameterMm }) };
  });
  return { date: studyDate(p.enrolmentDate, day), visit, source, lesions, newLesion: read.newLesion };
}

function priorTherapyForms(p: EnrolledSubjectPlan): { forms: PriorTherapyForm[]; screening: PriorTherapyLine[] } {
  const date = (day: number): string => studyDate(p.enrolmentDate, day);
  return {
    forms: p.priorLines.map((line, k) => ({
      lineNumber: k + 1,
      agents: line.agents.map((a) => a.agent),
      cycles: Math.max(...line.agents.map((a) => a.cycles)),
      startDate: date(line.startDay),
      endDate: date(line.endDay),
      bestResponse: line.bestResponse,
      refractory: line.refractory,
      progressionDate: date(line.progressionDay),
    })),
    screening: p.priorLines.map((line) => ({
      agents: line.agents.map((a) => ({ agent: a.agent, cycles: a.cycles })),
      startDate: date(line.startDay),
      endDate: date(line.endDay),
      bestResponse: line.bestResponse,
      progressionDate: date(line.progressionDay),
      refractory: line.refractory,
    })),
  };
}

function disposition(p: EnrolledSubjectPlan): DispositionForm {
  const date = (day: number): string => studyDate(p.enrolmentDate, day);
  return {
    ...(p.treatment.endDay !== null && p.treatment.endReason !== null ? { endOfTreatment: { date: date(p.treatment.endDay), reason: p.treatment.endReason } } : {}),
    ...(p.death !== null ? { endOfStudy: { date: date(p.death.day), reason: 'death' as const } } : p.studyEnd !== null ? { endOfStudy: { date: date(p.studyEnd.day), reason: p.studyEnd.reason } } : {}),
  };
}

/** Contacts every 12 weeks after the end of treatment, and the last one the day the subject was last known alive. */
function survivalContacts(p: EnrolledSubjectPlan): SurvivalContactForm[] {
  const date = (day: number): string => studyDate(p.enrolmentDate, day);
  const last = p.studyEnd?.day ?? Math.min(p.cutoffDay, p.death?.day ?? p.cutoffDay);
  const contacts: SurvivalContactForm[] = [];
  if (p.treatment.endDay !== null) for (let day = p.treatment.endDay + FOLLOW_UP_DAYS; day < last; day += FOLLOW_UP_DAYS) contacts.push({ date: date(day), status: 'alive' });
  if (p.death === null) contacts.push({ date: date(last), status: 'alive' });
  return contacts;
}

const ELIGIBLE_FACTS = Object.freeze({
  nsclcConfirmed: true,
  retFusionDocumented: true,
  priorRetInhibitor: false,
  untreatedBrainMetastases: false,
  uncontrolledHypertension: false,
  recentHaemorrhage: false,
  priorArterialThromboembolism: false,
});

function screeningLabs(labs: BaselineLabs, sex: 'M' | 'F', date: string): Record<string, LabResult> {
  const range = ranges(sex);
  const lab = (analyte: keyof BaselineLabs): LabResult => ({ value: labs[analyte], unit: range[analyte].unit, ...(range[analyte].uln === undefined ? {} : { upperLimitOfNormal: range[analyte].uln }), date });
  return { anc: lab('neutrophils'), platelets: lab('platelets'), hemoglobin: lab('hemoglobin'), totalBilirubin: lab('bilirubin'), alt: lab('alt'), ast: lab('ast'), creatinine: lab('creatinine') };
}


/** The protocol's deviation categories (its DVCAT codes) of what the deviation rules check. */
const DEVIATION_CATEGORIES: DeviationCategoryCodes = { treatmentVisit: 'visit-schedule', responseAssessment: 'tumour-assessment', studyTreatment: 'study-treatment' };

function enrolledSubject(p: EnrolledSubjectPlan, random: SeededRandom): { record: SubjectRecord; screening: ScreeningRecord } {
  const subjectId = crfSubjectId(p.siteId, p.screeningNumber);
  const date = (day: number): string => studyDate(p.enrolmentDate, day);
  const birthDate = birthDateFor(p.screeningDate, p.age, random);
  const prior = priorTherapyForms(p);
  const responseCalls = p.scans.slice(1).flatMap((scan) => [
    ...(scan.irc.call === null ? [] : [{ date: date(scan.day), evaluator: 'irc' as const, response: scan.irc.call }]),
    ...(scan.investigator.call === null ? [] : [{ date: date(scan.day), evaluator: 'investigator' as const, response: scan.investigator.call }]),
  ]);
  const rendered: SubjectRecord = {
    subject: { subjectId, siteId: p.siteId, screeningNumber: p.screeningNumber, consentDate: p.screeningDate, enrolmentDate: p.enrolmentDate, screenFailure: false },
    demographics: { birthDate, sex: p.sex, weightKg: p.weightKg, heightCm: p.heightCm, ecog: p.ecog },
    diagnosis: {
      diagnosisDate: date(p.diagnosisDay),
      histology: p.histology,
      retFusionPartner: p.fusionPartner,
      retTestMethod: p.testMethod,
      smokingStatus: p.smoking,
      brainMetastases: p.brainMetastases,
    },
    priorTherapies: prior.forms,
    labs: renderLabs(p, random),
    dosing: renderDosing(p),
    adverseEvents: p.adverseEvents.map((ae, i) => renderAdverseEvent(p, ae, i)),
    responseCalls,
    newTherapies: p.newTherapy === null ? [] : [{ startDate: date(p.newTherapy.day), agents: [...p.newTherapy.agents] }],
    disposition: disposition(p),
    ...(p.death === null ? {} : { death: { date: date(p.death.day), cause: p.death.cause } }),
    survivalContacts: survivalContacts(p),
    diseaseForms: {
      tumourAssessment: p.scans.flatMap((scan, k) => [tumourForm(p, scan.day, scan.visit, 'central', scan.irc, k === 0), tumourForm(p, scan.day, scan.visit, 'local', scan.investigator, k === 0)]),
    },
  };
  // The deviations the generated records show by the protocol's rules (nothing is drawn for them).
  const deviations = deriveProtocolDeviations(rendered, RET_CABO_2_PROTOCOL, DEVIATION_CATEGORIES);
  const record: SubjectRecord = { ...rendered, diseaseForms: { ...rendered.diseaseForms, [RET_CABO_2_DEVIATION_FORM.id]: deviations } };
  const screening: ScreeningRecord = {
    subjectId,
    siteId: p.siteId,
    screeningDate: p.screeningDate,
    enrolmentDate: p.enrolmentDate,
    consentDate: p.screeningDate,
    birthDate,
    sex: p.sex === 'M' ? 'male' : 'female',
    weightKg: p.weightKg,
    ecog: p.ecog,
    priorTherapyLines: prior.screening,
    labs: screeningLabs(p.labs, p.sex, p.screeningDate),
    measures: { measurableLesions: p.lesions.filter((l) => l.kind === 'target').length },
    facts: {
      ...ELIGIBLE_FACTS,
      qtcfMs: p.qtcfMs,
      ...(p.arterialThromboembolismDay === null ? {} : { priorArterialThromboembolism: true, arterialThromboembolismDate: date(p.arterialThromboembolismDay) }),
    },
  };
  return { record, screening };
}

const CRITERIA = new Map(RET_CABO_2_ELIGIBILITY.criteria.map((c) => [c.id, c] as const));

/** A screen failure's forms and screening record: eligible-looking, with the planned criterion not met. */
function screenFailure(f: ScreenFailurePlan, random: SeededRandom): { record: SubjectRecord; screening: ScreeningRecord } {
  const subjectId = crfSubjectId(f.siteId, f.screeningNumber);
  const birthDate = birthDateFor(f.screeningDate, f.age, random);
  const sex = f.sex;
  const labs = screeningLabs(
    {
      neutrophils: round1(2.4 + random.float() * 3.5),
      platelets: random.int(170, 360),
      hemoglobin: sex === 'M' ? random.int(120, 155) : random.int(110, 142),
      bilirubin: round1(5 + random.float() * 10),
      alt: random.int(12, 36),
      ast: random.int(14, 34),
      creatinine: sex === 'M' ? random.int(64, 104) : random.int(50, 86),
      albumin: random.int(34, 45),
    },
    sex,
    f.screeningDate,
  );
  const lineEnd = shiftDate(f.screeningDate, -random.int(40, 120));
  const lines: PriorTherapyLine[] = [
    {
      agents: [
        { agent: 'carboplatin', cycles: 4 },
        { agent: 'pemetrexed', cycles: 4 },
      ],
      startDate: shiftDate(lineEnd, -83),
      endDate: lineEnd,
      bestResponse: 'PR',
      progressionDate: shiftDate(f.screeningDate, -random.int(14, 35)),
      refractory: false,
    },
  ];
  let ecog = random.int(0, 1);
  let measurableLesions = random.int(1, 4);
  const facts: Record<string, boolean | number | string> = { ...ELIGIBLE_FACTS, qtcfMs: random.int(395, 460) };
  const n = f.failingNumber ?? 0;
  switch (f.failedCriterionId) {
    case 'inc-ret':
      facts.retFusionDocumented = false;
      break;
    case 'exc-brain':
      facts.untreatedBrainMetastases = true;
      break;
    case 'inc-ecog':
      ecog = n;
      break;
    case 'inc-measurable':
      measurableLesions = n;
      break;
    case 'inc-transaminases':
      labs.alt = { ...labs.alt, value: n };
      break;
    case 'exc-qtc':
      facts.qtcfMs = n;
      break;
    case 'exc-prior-ret': {
      // Chemotherapy ended 7-11 months ago, then selpercatinib until progression shortly before screening.
      const firstEnd = shiftDate(f.screeningDate, -random.int(220, 320));
      lines[0] = { ...lines[0], startDate: shiftDate(firstEnd, -83), endDate: firstEnd, progressionDate: shiftDate(firstEnd, 30) };
      facts.priorRetInhibitor = true;
      lines.push({ agents: [{ agent: 'selpercatinib', cycles: 6 }], startDate: shiftDate(firstEnd, 45), endDate: shiftDate(f.screeningDate, -21), bestResponse: 'PR', progressionDate: shiftDate(f.screeningDate, -12), refractory: true });
      break;
    }
    case 'exc-hypertension':
      facts.uncontrolledHypertension = true;
      break;
    case 'exc-arterial-thromboembolism':
      facts.priorArterialThromboembolism = true;
      facts.arterialThromboembolismDate = shiftDate(f.screeningDate, -(n * 30 + random.int(0, 10)));
      break;
    case 'inc-platelets':
      labs.platelets = { ...labs.platelets, value: n };
      break;
    default:
      throw new Error(`RET-CABO-2 demo: no screen-failure renderer for criterion ${f.failedCriterionId}`);
  }
  const criterion = CRITERIA.get(f.failedCriterionId);
  const record: SubjectRecord = {
    subject: {
      subjectId,
      siteId: f.siteId,
      screeningNumber: f.screeningNumber,
      consentDate: f.screeningDate,
      screenFailure: true,
      // The criterion not met, as a site records it (the value is on the screening record).
      screenFailureReason: `Not met: ${criterion?.text ?? f.failedCriterionId}`,
    },
    demographics: { birthDate, sex, weightKg: f.weightKg, heightCm: f.heightCm, ecog },
    priorTherapies: [],
    labs: [],
    dosing: [],
    adverseEvents: [],
    responseCalls: [],
    newTherapies: [],
    disposition: {},
    survivalContacts: [],
    diseaseForms: {},
  };
  const screening: ScreeningRecord = {
    subjectId,
    siteId: f.siteId,
    screeningDate: f.screeningDate,
    consentDate: f.screeningDate,
    birthDate,
    sex: sex === 'M' ? 'male' : 'female',
    weightKg: f.weightKg,
    ecog,
    priorTherapyLines: lines,
    labs,
    measures: { measurableLesions },
    facts,
  };
  return { record, screening };
}

/** The plan rendered: raw forms of every screened subject (in screening-number order) and their screening records. */
export function renderRetDemoTrial(plan: RetDemoPlan): DemoTrial<RetDemoPlan> {
  const random = new SeededRandom((plan.seed * 2_654_435_761) >>> 1);
  const entries: { number: string; record: SubjectRecord; screening: ScreeningRecord }[] = [];
  for (const p of plan.subjects) entries.push({ number: p.screeningNumber, ...enrolledSubject(p, random.fork()) });
  for (const f of plan.screenFailures) entries.push({ number: f.screeningNumber, ...screenFailure(f, random.fork()) });
  entries.sort((a, b) => (a.number < b.number ? -1 : a.number > b.number ? 1 : 0));
  const trial: TrialData = {
    protocolId: plan.protocolId,
    protocolVersion: RET_CABO_2_PROTOCOL.version,
    synthetic: true,
    dataCutoffDate: plan.dataCutoffDate,
    sites: plan.sites.map((siteId) => ({ siteId, name: `Synthetic site ${siteId}` })),
    subjects: entries.map((e) => e.record),
  };
  return Object.freeze({ synthetic: true, trial, screening: Object.freeze(entries.map((e) => e.screening)), plan });
}
