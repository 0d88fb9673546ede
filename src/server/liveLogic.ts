import {
  CTCAE_V5_LAB_CRITERIA,
  PROTOCOL_REGIMEN,
  ageInYears,
  checkDosingLog,
  computeCtcaeGrade,
  computeDoseDecision,
  computeEligibility,
  computeImwgResponse,
  createDoseHistory,
  formatIsoDate,
  isLabAnalyte,
  missingQualifyingParameters,
  parseIsoDate,
  type AdverseEventForm,
  type DiseaseAssessmentForm,
  type DosingForm,
  type ImwgMeasurements,
  type LabForm,
  type ScreeningRecord,
  type DemographicsForm,
} from '../clinical/index.js';
import { listSubjectRecords, type CrfRecord, type SqlClient } from '../store/index.js';

/** An edit check that failed on save; the server raises it as a query on the record. */
export interface EditCheckFinding {
  readonly checkCode: string;
  readonly fieldPath: string;
  readonly message: string;
}

export interface LiveResult {
  /** What the clinical engines derive from the saved record (never stored: recomputed from raw data). */
  readonly derived: Readonly<Record<string, unknown>> | null;
  readonly findings: readonly EditCheckFinding[];
}

const nothing: LiveResult = Object.freeze({ derived: null, findings: Object.freeze([]) });

/**
 * The clinical logic run when a record is saved: a lab is graded (CTCAE v5.0), a disease assessment is
 * classified with the subject's other assessments of the same source (IMWG 2016, trial reading), a
 * screening record is screened (eligibility), a dosing row gets the next cycle's dose proposal and is
 * checked against the dose ladder. Reads through `client`, so inside the save transaction it sees the
 * record being written.
 */
export async function deriveRecord(client: SqlClient, record: CrfRecord): Promise<LiveResult> {
  switch (record.formType) {
    case 'lab':
      return gradeLab(record.data as LabForm);
    case 'diseaseAssessment':
      return classifyResponse(client, record);
    case 'screening':
      return screen(record.data);
    case 'adverseEvent':
      return checkAdverseEvent(client, record);
    case 'dosing':
      return proposeDose(client, record);
    default:
      return nothing;
  }
}

function gradeLab(lab: LabForm): LiveResult {
  const findings: EditCheckFinding[] = [];
  if (lab.lln !== undefined && lab.uln !== undefined && lab.lln > lab.uln) {
    findings.push({ checkCode: 'LAB-RANGE', fieldPath: 'lln', message: `LLN ${lab.lln} is above ULN ${lab.uln}: please check the normal range` });
  }
  if (!isLabAnalyte(lab.analyte)) {
    findings.push({ checkCode: 'LAB-ANALYTE', fieldPath: 'analyte', message: `analyte '${lab.analyte}' is not on the lab code list` });
    return { derived: { ctcae: [] }, findings };
  }
  const grades = [];
  for (const criterion of CTCAE_V5_LAB_CRITERIA.filter((c) => c.analyte === lab.analyte)) {
    const outcome = computeCtcaeGrade({ term: criterion.term, value: lab.value, unit: lab.unit, lln: lab.lln ?? null, uln: lab.uln ?? null });
    if (outcome.ok) {
      grades.push({ term: outcome.value.term, grade: outcome.value.grade, ...(outcome.value.reason === undefined ? {} : { reason: outcome.value.reason }), standard: outcome.value.standard });
    } else {
      for (const item of outcome.issues) {
        const field = String(item.path[0] ?? 'value');
        if (!findings.some((f) => f.fieldPath === field)) {
          findings.push({ checkCode: field === 'unit' ? 'LAB-UNIT' : 'LAB-VALUE', fieldPath: field, message: `${field} ${JSON.stringify(item.value)}: expected ${item.expected}` });
        }
      }
    }
  }
  return { derived: { ctcae: grades }, findings };
}

function measurementsOf(form: DiseaseAssessmentForm): ImwgMeasurements {
  const { date: _date, visit: _visit, source: _source, ...measurements } = form;
  return measurements;
}

async function classifyResponse(client: SqlClient, record: CrfRecord): Promise<LiveResult> {
  const form = record.data as DiseaseAssessmentForm;
  const sameSource = (await listSubjectRecords(client, record.subjectId, 'diseaseAssessment'))
    .map((r) => ({ recordId: r.recordId, form: r.data as DiseaseAssessmentForm }))
    .filter((r) => r.form.source === form.source)
    .sort((a, b) => a.form.date.localeCompare(b.form.date) || a.recordId - b.recordId);
  const [baseline, ...later] = sameSource;
  if (baseline === undefined || baseline.recordId === record.recordId) {
    return { derived: { imwg: { role: 'baseline', source: form.source, note: 'the earliest assessment of this source is the baseline' } }, findings: [] };
  }
  const outcome = computeImwgResponse({
    baseline: { ...measurementsOf(baseline.form), date: baseline.form.date },
    assessments: later.map((r) => ({ ...measurementsOf(r.form), date: r.form.date })),
  });
  if (!outcome.ok) {
    return { derived: { imwg: null, issues: outcome.issues }, findings: [] };
  }
  const result = outcome.value;
  const findings: EditCheckFinding[] = [];
  const missing = missingQualifyingParameters({ measurable: result.measurableParameters, current: measurementsOf(form) });
  if (missing.length > 0) {
    findings.push({
      checkCode: 'RESP-QUALIFYING',
      fieldPath: missing[0],
      message: `the response cannot be assessed without ${missing.join(', ')} (measurable at baseline)`,
    });
  }
  const here = result.assessments.find((a) => a.date === form.date) ?? null;
  return {
    derived: {
      imwg: {
        ruleSet: result.ruleSet,
        source: form.source,
        assessment: here,
        bestResponse: result.bestResponse,
        bestResponseReason: result.bestResponseReason,
        progressionDate: result.progressionDate,
      },
    },
    findings,
  };
}

function screen(data: unknown): LiveResult {
  const outcome = computeEligibility(data);
  if (!outcome.ok) return { derived: { eligibility: null, issues: outcome.issues }, findings: [] };
  const result = outcome.value;
  return {
    derived: {
      eligibility: {
        eligible: result.eligible,
        protocol: result.protocol,
        criteriaVersion: result.criteriaVersion,
        counts: result.counts,
        criteria: result.criteria.map((c) => ({ id: c.id, kind: c.kind, status: c.status, ...(c.reason === undefined ? {} : { reason: c.reason }) })),
      },
    },
    findings: [],
  };
}

/** The latest screening record of a subject, or undefined. */
export async function latestScreening(client: SqlClient, subjectId: string): Promise<ScreeningRecord | undefined> {
  const records = await listSubjectRecords(client, subjectId, 'screening');
  return records.at(-1)?.data as ScreeningRecord | undefined;
}

async function checkAdverseEvent(client: SqlClient, record: CrfRecord): Promise<LiveResult> {
  const form = record.data as AdverseEventForm;
  const consent = (await latestScreening(client, record.subjectId))?.consentDate ?? null;
  if (consent != null && form.onsetDate < consent) {
    return { derived: null, findings: [{ checkCode: 'AE-BEFORE-CONSENT', fieldPath: 'onsetDate', message: `AE onset ${form.onsetDate} is before informed consent ${consent}` }] };
  }
  return nothing;
}

function ageOf(screening: ScreeningRecord | undefined, demographics: DemographicsForm | undefined, onDate: string): number | null {
  const on = parseIsoDate(onDate);
  const birthText = screening?.birthDate ?? demographics?.birthDate ?? null;
  const birth = birthText === null ? null : parseIsoDate(birthText);
  if (birth !== null && on !== null) return ageInYears(birth, on);
  return screening?.ageYears ?? null;
}

async function proposeDose(client: SqlClient, record: CrfRecord): Promise<LiveResult> {
  const form = record.data as DosingForm;
  const records = await listSubjectRecords(client, record.subjectId);
  const ofType = <T>(formType: string): T[] => records.filter((r) => r.formType === formType).map((r) => r.data as T);
  // AEs, haematology counts (the label's ANC and platelet rules hold on a lab alone) and dosing rows.
  const forms = createDoseHistory({ adverseEvents: ofType<AdverseEventForm>('adverseEvent'), dosing: ofType<DosingForm>('dosing'), labs: ofType<LabForm>('lab') });
  const firstCycle = forms.treatmentStartDate;
  if (firstCycle === null) return { derived: { doseProposal: null, reason: 'no cycle 1 dosing row yet: the treatment start is unknown' }, findings: [] };
  const screening = records.filter((r) => r.formType === 'screening').at(-1)?.data as ScreeningRecord | undefined;
  const demographics = records.filter((r) => r.formType === 'demographics').at(-1)?.data as DemographicsForm | undefined;
  const ageYears = ageOf(screening, demographics, firstCycle);
  if (ageYears === null) return { derived: { doseProposal: null, reason: 'age unknown: enter the screening record or demographics' }, findings: [] };
  const ordered = forms.events;

  const start = parseIsoDate(firstCycle);
  // The next cycle's day 1 is a cycle length after this row's own day 1, so a delayed cycle moves the calendar.
  const thisCycleStart = parseIsoDate(form.startDate) ?? start;
  const nextCycleDate = thisCycleStart === null ? form.startDate : formatIsoDate(thisCycleStart + PROTOCOL_REGIMEN.cycleLengthDays);
  const history = { ageYears, treatmentStartDate: firstCycle, events: ordered };
  const decision = computeDoseDecision({ ...history, date: nextCycleDate });
  const findings: EditCheckFinding[] = [];
  const deviations = checkDosingLog(history);
  if (deviations.ok) {
    for (const deviation of deviations.value) {
      if (deviation.date === form.startDate && deviation.drug === form.drug) {
        findings.push({ checkCode: 'DOSE-DEVIATION', fieldPath: 'doseGivenMg', message: `${deviation.code}: ${deviation.message}` });
      }
    }
  }
  if (!decision.ok) return { derived: { doseProposal: null, issues: decision.issues }, findings };
  const d = decision.value;
  return {
    derived: {
      doseProposal: {
        cycle: form.cycle + 1,
        date: d.date,
        pomalidomideMg: d.pomalidomideMg,
        dexamethasoneMg: d.dexamethasoneMg,
        action: d.action,
        dexamethasoneAction: d.dexamethasoneAction,
        reason: d.reason,
      },
    },
    findings,
  };
}
