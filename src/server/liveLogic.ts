import {
  CTCAE_V5_LAB_CRITERIA,
  ageInYears,
  checkDosingLog,
  computeCtcaeGrade,
  computeDoseDecision,
  computeEligibility,
  createDoseHistory,
  formatIsoDate,
  isLabAnalyte,
  parseIsoDate,
  type DataSource,
  type DayNumber,
  type FormDefinition,
  type LabForm,
  type ScreeningRecord,
  type SubjectForm,
  type SubjectRecord,
} from '../clinical/index.js';
import type { Issue } from '../result/index.js';
import { getSubject, listSubjectRecords, type CrfRecord, type SqlClient } from '../store/index.js';
import { assembleSubjectRecord, type StoredForm } from './assembleSubjectRecord.js';
import type { ServedProtocol } from './servedProtocol.js';

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

/** What the live logic reads besides the database: the protocol and the server's date (the clock stays outside). */
export interface LiveContext {
  readonly protocol: ServedProtocol;
  /** The server's date, YYYY-MM-DD: live derivations read assessments up to it. */
  readonly today: string;
}

const nothing: LiveResult = Object.freeze({ derived: null, findings: Object.freeze([]) });

/**
 * The clinical logic run when a record is saved, chosen by the role of its form in the protocol: a lab is
 * graded (CTCAE v5.0), a screening record is screened (the protocol's eligibility criteria), an adverse
 * event is checked against consent, a dosing row gets the next cycle's dose of every drug of the regimen and
 * is checked against the dose ladders; a record of one of the response binding's assessment forms
 * re-derives the subject's response on the protocol's scale (protocol.response.evaluate). Reads through
 * `client`, so inside the save transaction it sees the record being written.
 */
export async function deriveRecord(client: SqlClient, record: CrfRecord, context: LiveContext): Promise<LiveResult> {
  const alone = deriveFromFormAlone(context.protocol, record.formType, record.data);
  if (alone !== undefined) return alone;
  const form = context.protocol.forms.get(record.formType);
  if (form === undefined) return nothing;
  const parts: LiveResult[] = [];
  switch (form.role) {
    case 'lab':
      parts.push(gradeLab(record.data as LabForm));
      break;
    case 'screening':
      parts.push(screen(record.data, context.protocol));
      break;
    case 'adverse-event':
      parts.push(await checkAdverseEvent(client, record, context.protocol));
      break;
    case 'dosing':
      parts.push(await proposeDose(client, record, context));
      break;
    default:
      break;
  }
  if (context.protocol.definition.response.assessmentForms.includes(form.id)) parts.push(await deriveResponse(client, record, form, context));
  const derived = parts.filter((p) => p.derived !== null);
  return {
    derived: derived.length === 0 ? null : (Object.assign({}, ...derived.map((p) => p.derived)) as Record<string, unknown>),
    findings: parts.flatMap((p) => p.findings),
  };
}

/**
 * The live logic of a form that reads nothing but its own data (a lab, a screening record, when neither is
 * one of the response binding's assessment forms): the same result deriveRecord gives after the save, known
 * before it. Undefined for a form whose logic reads the subject's other records.
 */
export function deriveFromFormAlone(protocol: ServedProtocol, formType: string, data: unknown): LiveResult | undefined {
  const form = protocol.forms.get(formType);
  if (form === undefined) return nothing;
  if (protocol.definition.response.assessmentForms.includes(form.id)) return undefined;
  switch (form.role) {
    case 'lab':
      return gradeLab(data as LabForm);
    case 'screening':
      return screen(data, protocol);
    case 'adverse-event':
    case 'dosing':
      return undefined;
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
    findings.push({ checkCode: 'LAB-ANALYTE', fieldPath: 'analyte', message: `analyte '${lab.analyte}' is not one the units library converts` });
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

/** The eligibility of a screening record by the protocol's criteria, every criterion with its status and why. */
function screen(data: unknown, protocol: ServedProtocol): LiveResult {
  const outcome = screenRecord(data, protocol);
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

/** computeEligibility with the protocol's criteria and screening schema. */
export function screenRecord(data: unknown, protocol: ServedProtocol): ReturnType<typeof computeEligibility> {
  const screening = protocol.formOfRole('screening');
  const schema = screening === undefined ? undefined : protocol.schema(screening.id);
  if (schema === undefined) return { ok: false, issues: [{ code: 'no-screening-form', path: [], value: protocol.definition.id, expected: 'a protocol with a screening form', severity: 'error' }] };
  return computeEligibility(data, protocol.definition.eligibility, schema as unknown as Parameters<typeof computeEligibility>[2]);
}

/** The latest screening record of a subject, or undefined. */
export async function latestScreening(client: SqlClient, subjectId: string, protocol: ServedProtocol): Promise<ScreeningRecord | undefined> {
  const screening = protocol.formOfRole('screening');
  if (screening === undefined) return undefined;
  const records = await listSubjectRecords(client, subjectId, screening.id);
  return records.at(-1)?.data as ScreeningRecord | undefined;
}

async function checkAdverseEvent(client: SqlClient, record: CrfRecord, protocol: ServedProtocol): Promise<LiveResult> {
  const onset = (record.data as { onsetDate?: unknown }).onsetDate;
  const consent = (await latestScreening(client, record.subjectId, protocol))?.consentDate ?? null;
  if (consent != null && typeof onset === 'string' && onset < consent) {
    return { derived: null, findings: [{ checkCode: 'AE-BEFORE-CONSENT', fieldPath: 'onsetDate', message: `AE onset ${onset} is before informed consent ${consent}` }] };
  }
  return nothing;
}

interface SubjectContext {
  readonly record: SubjectRecord;
  readonly screening: ScreeningRecord | undefined;
}

/**
 * A subject's stored records as the engines read them (assembleSubjectRecord), with its latest screening
 * record, which gives the subject form its consent and enrolment dates.
 */
export function subjectContextOf(
  subjectId: string,
  subject: { readonly siteId: string; readonly screeningNumber: string; readonly status: string } | null,
  records: readonly StoredForm[],
  protocol: ServedProtocol,
): SubjectContext {
  const screeningType = protocol.formOfRole('screening')?.id;
  const screening = records.filter((r) => r.formType === screeningType).at(-1)?.data as ScreeningRecord | undefined;
  const form = {
    subjectId,
    siteId: subject?.siteId ?? '',
    screeningNumber: subject?.screeningNumber ?? '',
    consentDate: screening?.consentDate ?? screening?.screeningDate ?? '',
    ...(screening?.enrolmentDate == null ? {} : { enrolmentDate: screening.enrolmentDate }),
    screenFailure: subject?.status === 'screen_failure',
  } as SubjectForm;
  return { record: assembleSubjectRecord(form, records, protocol), screening };
}

/** subjectContextOf a subject as stored, with its records in the order saved. */
export async function loadSubjectContext(client: SqlClient, subjectId: string, protocol: ServedProtocol): Promise<SubjectContext & { readonly records: readonly CrfRecord[] }> {
  const records = await listSubjectRecords(client, subjectId);
  const subject = await getSubject(client, subjectId, null);
  return { ...subjectContextOf(subjectId, subject ?? null, records, protocol), records };
}

function ageOf(screening: ScreeningRecord | undefined, record: SubjectRecord, onDate: string): number | null {
  const on = parseIsoDate(onDate);
  const birthText = screening?.birthDate ?? record.demographics?.birthDate ?? null;
  const birth = birthText === null ? null : parseIsoDate(birthText);
  if (birth !== null && on !== null) return ageInYears(birth, on);
  return screening?.ageYears ?? null;
}

/**
 * The dose of every drug of the regimen for the next cycle (computeDoseDecision over the dose history of
 * adverse events, haematology counts and dosing rows), and the saved row checked against the ladders.
 */
async function proposeDose(client: SqlClient, saved: CrfRecord, context: LiveContext): Promise<LiveResult> {
  const { regimen } = context.protocol.definition;
  const row = saved.data as { cycle?: unknown; drug?: unknown; startDate?: unknown };
  const { record, screening } = await loadSubjectContext(client, saved.subjectId, context.protocol);
  // AEs, haematology counts (a label's count rules hold on a lab alone) and dosing rows
  const history = createDoseHistory({ adverseEvents: record.adverseEvents, dosing: record.dosing, labs: record.labs }, regimen);
  const firstCycle = history.treatmentStartDate;
  if (firstCycle === null) return { derived: { doseProposal: null, reason: 'no cycle 1 dosing row yet: the treatment start is unknown' }, findings: [] };
  const ageYears = ageOf(screening, record, firstCycle);
  if (ageYears === null) return { derived: { doseProposal: null, reason: 'age unknown: enter the screening record or demographics' }, findings: [] };

  // The next cycle's day 1 is a cycle length after this row's own day 1, so a delayed cycle moves the calendar.
  const startDate = typeof row.startDate === 'string' ? row.startDate : firstCycle;
  const thisCycleStart = parseIsoDate(startDate) ?? parseIsoDate(firstCycle);
  const nextCycleDate = thisCycleStart === null ? startDate : formatIsoDate(thisCycleStart + regimen.cycleLengthDays);
  const input = { ageYears, treatmentStartDate: firstCycle, events: history.events };
  const findings: EditCheckFinding[] = [];
  const deviations = checkDosingLog(input, regimen);
  if (deviations.ok) {
    for (const deviation of deviations.value) {
      if (deviation.date === startDate && deviation.drug === row.drug) findings.push({ checkCode: 'DOSE-DEVIATION', fieldPath: 'doseGivenMg', message: `${deviation.code}: ${deviation.message}` });
    }
  }
  const decision = computeDoseDecision({ ...input, date: nextCycleDate }, regimen);
  if (!decision.ok) return { derived: { doseProposal: null, issues: decision.issues }, findings };
  const d = decision.value;
  return {
    derived: {
      doseProposal: {
        cycle: (typeof row.cycle === 'number' ? row.cycle : 0) + 1,
        date: d.date,
        action: d.action,
        drugs: d.drugs.map((drug) => ({ drug: drug.drug, label: drug.label, doseMg: drug.doseMg, action: drug.action, dosingDay: drug.dosingDay, reason: drug.reason })),
        reason: d.reason,
      },
    },
    findings,
  };
}

const earliest = (dates: readonly unknown[]): string | null =>
  dates.filter((d): d is string => typeof d === 'string' && parseIsoDate(d) !== null).sort()[0] ?? null;

/**
 * The day baseline is taken on, as ADRS takes it: the first dose, else the enrolment date; before either
 * (a subject in screening), the earliest measurement of the source, which is then the baseline.
 */
function referenceDayOf(record: SubjectRecord, protocol: ServedProtocol, source: DataSource): DayNumber | null {
  const firstDose = earliest(record.dosing.filter((row) => row.daysGiven > 0).map((row) => row.startDate));
  const candidate = firstDose ?? record.subject.enrolmentDate ?? earliest(protocol.definition.response.measurements(record, source).map((m) => m.date));
  return candidate === null || candidate === undefined ? null : parseIsoDate(candidate);
}

/** A subject's response on the protocol's scale for one evaluator, derived from the saved assessment forms. */
export interface SubjectEvaluation {
  readonly evaluator: string;
  readonly label: string;
  readonly source: DataSource;
  readonly baselineFound: boolean;
  /** Baseline is the last assessment on or before this date (the first dose, else the enrolment). */
  readonly referenceDate: string;
  readonly postBaselineCount: number;
  readonly assessments: readonly { readonly date: string; readonly visit: string | null; readonly response: string; readonly confirmed: boolean; readonly rule: string | null }[];
  readonly best: string;
  readonly bestReason: string | null;
  readonly firstResponseDate: string | null;
  readonly progressionDate: string | null;
}

/**
 * protocol.response.evaluate over a subject's records for each evaluator (of `source` when given), with
 * assessments read up to today; the issues of each evaluation come back beside it.
 */
export function evaluateSubject(record: SubjectRecord, protocol: ServedProtocol, today: string, source?: string): { readonly evaluation: SubjectEvaluation; readonly issues: readonly Issue[] }[] {
  const binding = protocol.definition.response;
  const cutoffDay = (parseIsoDate(today) ?? 0) + 1;
  const newTherapyDate = earliest(record.newTherapies.map((t) => t.startDate));
  return binding.evaluators
    .filter((e) => source === undefined || e.source === source)
    .flatMap((evaluator) => {
      const referenceDay = referenceDayOf(record, protocol, evaluator.source);
      if (referenceDay === null) return [];
      const { result, issues } = binding.evaluate({ record, recordPath: [], source: evaluator.source, referenceDay, cutoffDay, newTherapyDate, deathDate: record.death?.date ?? null });
      const evaluation: SubjectEvaluation = {
        evaluator: evaluator.id,
        label: evaluator.label,
        source: evaluator.source,
        baselineFound: result.baselineFound,
        referenceDate: formatIsoDate(referenceDay),
        postBaselineCount: result.postBaselineCount,
        assessments: result.assessments.map((a) => ({ date: a.date, visit: a.visit, response: a.response, confirmed: a.confirmed, rule: a.rule })),
        best: result.best,
        bestReason: result.bestReason,
        firstResponseDate: result.firstResponseDate,
        progressionDate: result.progressionDate,
      };
      return [{ evaluation, issues }];
    });
}

/** The response of a subject as GET /subjects/:id/response answers it. */
export async function subjectResponse(client: SqlClient, subjectId: string, protocol: ServedProtocol, today: string): Promise<{ readonly scale: string; readonly evaluations: readonly SubjectEvaluation[] }> {
  const { record } = await loadSubjectContext(client, subjectId, protocol);
  return { scale: protocol.definition.response.scale.id, evaluations: evaluateSubject(record, protocol, today).map((e) => e.evaluation) };
}

/**
 * The subject's response on the protocol's scale after a save of an assessment form, per evaluator whose
 * source the record is of (every evaluator when the form has no source field): every assessment's category,
 * the saved assessment's (when post-baseline), the best confirmed response so far and the date of
 * progression. The criterion's remarks on the saved row (e.g. a parameter that qualified at baseline left
 * unmeasured) are raised as queries on its field.
 */
async function deriveResponse(client: SqlClient, saved: CrfRecord, form: FormDefinition, context: LiveContext): Promise<LiveResult> {
  const binding = context.protocol.definition.response;
  const { record, records } = await loadSubjectContext(client, saved.subjectId, context.protocol);
  const data = saved.data as Record<string, unknown>;
  const date = form.dateField === undefined ? null : data[form.dateField];
  // where the saved row sits in diseaseForms[form.id]: the criterion's issues name rows by that index
  const rowIndex = records.filter((r) => r.formType === form.id).findIndex((r) => r.recordId === saved.recordId);
  const findings: EditCheckFinding[] = [];
  const evaluations = evaluateSubject(record, context.protocol, context.today, typeof data.source === 'string' ? data.source : undefined).map(({ evaluation, issues }) => {
    for (const item of issues) {
      const [where, formId, index, ...field] = item.path;
      if (where !== 'diseaseForms' || formId !== form.id || index !== rowIndex || rowIndex < 0) continue;
      const fieldPath = field.join('.') || (form.dateField ?? '');
      const checkCode = `RESP-${item.code.toUpperCase()}`;
      if (!findings.some((f) => f.checkCode === checkCode && f.fieldPath === fieldPath)) findings.push({ checkCode, fieldPath, message: `${binding.scale.name}: expected ${item.expected}` });
    }
    const here = evaluation.assessments.find((a) => a.date === date) ?? null;
    return { ...evaluation, assessment: here };
  });
  return { derived: { response: { scale: binding.scale.id, scaleName: binding.scale.name, date: typeof date === 'string' ? date : null, evaluations } }, findings };
}
