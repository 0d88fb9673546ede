import {
  addDays,
  checkDosingLog,
  computeEligibility,
  createAdamDatasets,
  createDoseHistory,
  createScreeningRecordSchema,
  parseIsoDate,
  validateTrialData,
} from '../../../clinical/index.js';
import type { AdexParamcd, AdexRow, AdrsRow, AdtteRow, Codelist, DoseHistory, EligibilityResult, SubjectRecord, TrialData } from '../../../clinical/index.js';
import type { Outcome } from '../../../result/index.js';
import { crfSubjectId, type DemoMismatch } from '../../../demo/index.js';
import { NCT05236621_ELIGIBILITY } from '../eligibility.js';
import { NCT05236621_PROTOCOL } from '../protocol.js';
import { NCT05236621_REGIMEN } from '../regimen.js';
import type { EnrolledPatientPlan } from './cohortPlanTypes.js';
import type { DemoTrial } from './createDemoTrial.js';
import { observableAdverseEvents } from './renderAdverseEvents.js';
import { LAB_BACKED_TERMS } from './renderLabs.js';

export type { DemoMismatch } from '../../../demo/index.js';

const RESPONDERS = new Set(['sCR', 'CR', 'VGPR', 'PR']);

/** Study day of a date for a subject (day 1 = enrolment). */
function studyDayOf(p: EnrolledPatientPlan, date: string | null): number | null {
  if (date === null) return null;
  const d = parseIsoDate(date);
  const e = parseIsoDate(p.enrolmentDate);
  return d === null || e === null ? null : d - e + 1;
}

/**
 * The last dose of either drug the plan implies: the plan's last pomalidomide day, or the day after it when
 * that was day 21 of a completed cycle (dexamethasone's day-22 dose), never after the cutoff or the last contact.
 */
export function plannedLastDoseDay(p: EnrolledPatientPlan): number {
  const last = p.treatment.lastDoseDay;
  const start = [...p.assessmentDays].reverse().find((day) => day <= last) ?? 1;
  const lastContact = Math.min(p.cutoffDay, p.os.day);
  return Math.min(last === start + 20 ? last + 1 : last, lastContact);
}

/**
 * Dose history for the ladder edit check, built as the EDC's live dose proposal builds it
 * (createDoseHistory: AE onsets and recoveries, haematology counts, one dose per dosing row with its cycle).
 */
export function doseHistoryOf(record: SubjectRecord): DoseHistory {
  return createDoseHistory({ adverseEvents: record.adverseEvents, dosing: record.dosing, labs: record.labs }, NCT05236621_REGIMEN);
}

function responseCodelist(): Codelist {
  const list = NCT05236621_PROTOCOL.codelists.find((codelist) => codelist.id === 'RESPONSE');
  if (list === undefined) throw new Error('the NCT05236621 protocol has no RESPONSE code list');
  return list;
}

// Built on first use, not when the module loads: every report of the demo trial loads this module and
// never screens a record (about 15-20 ms of zod schema building on the report's main thread).
let screeningSchema: ReturnType<typeof createScreeningRecordSchema> | undefined;
const screeningSchemaOnce = () => (screeningSchema ??= createScreeningRecordSchema(NCT05236621_ELIGIBILITY, responseCodelist()));

/** Screens one record with the protocol's criteria set (the eligibility engine, as the EDC's screening form does). */
export function computeDemoEligibility(record: unknown): Outcome<EligibilityResult> {
  return computeEligibility(record, NCT05236621_ELIGIBILITY, screeningSchemaOnce());
}

/** The doses given of a drug (ADEX DOSEGVN rows: one per distinct level, highest first). */
function dosesGiven(adex: readonly AdexRow[], drug: string): (number | null)[] {
  return adex.filter((row) => row.EXTRT === drug && row.PARAMCD === 'DOSEGVN').map((row) => row.AVAL);
}

function adexFlag(adex: readonly AdexRow[], drug: string, paramcd: AdexParamcd): string | null {
  return adex.find((row) => row.EXTRT === drug && row.PARAMCD === paramcd)?.AVALC ?? null;
}

/**
 * Validates the SYNTHETIC demo trial's raw forms against the protocol's forms (validateTrialData), derives
 * the ADaM datasets through createAdamDatasets(trial, NCT05236621_PROTOCOL) and compares every subject
 * with its plan; screens every screening record with the eligibility engine and the protocol's criteria.
 * Returns the mismatches (none when the generator rendered what it meant to).
 *
 * `checkLadder` (on by default) also replays each subject's dose history through the dose state machine
 * (checkDosingLog, with the history the EDC's dose proposal reads) and reports every deviation from the
 * dose-modification ladder.
 */
export function verifyDemoTrial(demo: DemoTrial, options: { readonly checkLadder?: boolean } = {}): DemoMismatch[] {
  const out: DemoMismatch[] = [];
  const miss = (subjectId: string | null, check: string, expected: unknown, derived: unknown): void => {
    out.push(Object.freeze({ subjectId, check, expected, derived }));
  };
  const same = (subjectId: string, check: string, expected: unknown, derived: unknown): void => {
    if (JSON.stringify(expected) !== JSON.stringify(derived)) miss(subjectId, check, expected, derived);
  };

  const validated = validateTrialData(demo.trial, NCT05236621_PROTOCOL);
  if (!validated.ok) {
    for (const item of validated.issues) miss(null, `crf:${item.path.join('.')}`, item.expected, item.value);
    return out;
  }
  const trial: TrialData = validated.value;
  if (trial.protocolId !== NCT05236621_PROTOCOL.identity.registryId) miss(null, 'protocolId', NCT05236621_PROTOCOL.identity.registryId, trial.protocolId);
  if (trial.protocolVersion !== NCT05236621_PROTOCOL.version) miss(null, 'protocolVersion', NCT05236621_PROTOCOL.version, trial.protocolVersion);
  if (!trial.synthetic) miss(null, 'synthetic', true, trial.synthetic);
  const { datasets, issues } = createAdamDatasets(trial, NCT05236621_PROTOCOL);
  for (const item of issues) if (item.severity !== 'warning') miss(null, `ADaM:${item.code}`, item.expected, { path: item.path.join('.'), value: item.value });

  const adslBy = new Map(datasets.adsl.map((row) => [row.SUBJID, row]));
  const usubjidOf = (subjectId: string): string => `${trial.protocolId}-${subjectId}`;
  const group = <Row extends { readonly USUBJID: string }>(rows: readonly Row[]): Map<string, Row[]> => {
    const map = new Map<string, Row[]>();
    for (const row of rows) {
      const list = map.get(row.USUBJID);
      if (list === undefined) map.set(row.USUBJID, [row]);
      else list.push(row);
    }
    return map;
  };
  const adrsBy = group(datasets.adrs);
  const adtteBy = group(datasets.adtte);
  const adaeBy = group(datasets.adae);
  const adlbBy = group(datasets.adlb);
  const adexBy = group(datasets.adex);
  const recordBy = new Map(trial.subjects.map((record) => [record.subject.subjectId, record]));

  for (const p of demo.plan.patients) {
    const id = crfSubjectId(p.siteId, p.subjectId);
    const row = adslBy.get(id);
    if (row === undefined) {
      miss(id, 'adsl-row', 'a row', null);
      continue;
    }
    const usubjid = usubjidOf(id);
    const date = (studyDay: number | null): string | null => (studyDay === null ? null : addDays(p.enrolmentDate, studyDay - 1));
    same(id, 'ITTFL', 'Y', row.ITTFL);
    same(id, 'AGE', p.age, row.AGE);
    same(id, 'ECOGBL', p.ecog, row.ECOGBL);
    same(id, 'PRLINES', p.prior.lines, row.PRLINES);
    if (row.DIAGDURM === null || Math.abs(row.DIAGDURM - p.monthsSinceDiagnosis) > 0.05) miss(id, 'DIAGDURM', p.monthsSinceDiagnosis, row.DIAGDURM);
    same(id, 'ISS', p.intended.iss, row.ISS);
    same(id, 'RISS', p.intended.riss, row.RISS);
    same(id, 'CYTORISK', p.intended.cytogeneticRisk === null ? null : p.intended.cytogeneticRisk.toUpperCase(), row.CYTORISK);

    // Response, by evaluator.
    const rs = adrsBy.get(usubjid) ?? [];
    for (const [evaluator, planned] of [['IRC', p.response.irc], ['INVESTIGATOR', p.response.investigator]] as const) {
      const bor: AdrsRow | undefined = rs.find((r) => r.PARAMCD === 'BOR' && r.EVALUATOR === evaluator);
      same(id, `BOR ${evaluator}`, planned, bor?.AVALC ?? null);
      same(id, `first response ${evaluator}`, RESPONDERS.has(planned) ? date(p.response.firstResponseDay) : null, bor?.RSPDT ?? null);
      same(id, `progression date ${evaluator}`, date(p.pfs.progressionDay), bor?.PDDT ?? null);
    }
    // Time to event.
    const tte = adtteBy.get(usubjid) ?? [];
    const param = (code: string): AdtteRow | undefined => tte.find((r) => r.PARAMCD === code);
    for (const code of ['PFS', 'PFSINV']) {
      const pfs = param(code);
      same(id, `${code} day`, p.pfs.day, pfs?.AVAL ?? null);
      same(id, `${code} event`, p.pfs.event === null ? 'censored' : 'event', pfs === undefined ? null : pfs.CNSR === 0 ? 'event' : 'censored');
    }
    const os = param('OS');
    same(id, 'OS day', p.os.day, os?.AVAL ?? null);
    same(id, 'OS event', p.os.dead ? 'event' : 'censored', os === undefined ? null : os.CNSR === 0 ? 'event' : 'censored');
    same(id, 'last dose', plannedLastDoseDay(p), studyDayOf(p, row.TRTEDT));
    same(id, 'end of treatment', p.treatment.ongoing ? 'ONGOING' : `DISCONTINUED ${p.treatment.endReason ?? ''}`, row.EOTSTT === 'ONGOING' ? 'ONGOING' : `${row.EOTSTT ?? ''} ${row.DCTREAS ?? ''}`);

    // TEAE worst grade per planned (verbatim) term.
    const plannedWorst = new Map<string, number>();
    for (const ae of observableAdverseEvents(p)) plannedWorst.set(ae.term, Math.max(plannedWorst.get(ae.term) ?? 0, ae.worstGrade));
    const derivedWorst = new Map<string, number>();
    for (const ae of adaeBy.get(usubjid) ?? []) {
      if (ae.TRTEMFL !== 'Y') continue;
      const term = ae.AETERM.toLowerCase();
      derivedWorst.set(term, Math.max(derivedWorst.get(term) ?? 0, ae.AETOXGR));
    }
    same(id, 'TEAE worst grades', [...plannedWorst].sort(), [...derivedWorst].sort());

    // Laboratory grades agree with the lab-backed AEs.
    const labs = (adlbBy.get(usubjid) ?? []).filter((r) => r.ADY !== null && r.ADY > 1);
    for (const [term, analyte] of Object.entries(LAB_BACKED_TERMS)) {
      const grades = labs.filter((r) => r.PARAMCD === analyte).map((r) => (analyte === 'bilirubin' ? r.ATOXGRH : r.ATOXGRL) ?? 0);
      const worst = grades.length === 0 ? 0 : Math.max(...grades.map(Number));
      same(id, `lab grade ${analyte}`, Math.min(plannedWorst.get(term) ?? 0, analyte === 'hemoglobin' ? 3 : 4), worst);
    }

    // Exposure.
    const ex = adexBy.get(usubjid);
    if (ex === undefined) miss(id, 'ADEX rows', 'rows', null);
    else {
      same(id, 'pomalidomide doses', [4, ...p.dosing.pomalidomideSteps.map((s) => s.doseMg)], dosesGiven(ex, 'pomalidomide'));
      same(id, 'dexamethasone doses', [p.dosing.dexamethasoneStartMg, ...p.dosing.dexamethasoneSteps.map((s) => s.doseMg)], dosesGiven(ex, 'dexamethasone'));
      same(id, 'pomalidomide delayed', p.dosing.pomalidomideDelayedCycles.length > 0 ? 'Y' : 'N', adexFlag(ex, 'pomalidomide', 'DELAYFL'));
      same(id, 'dexamethasone delayed', p.dosing.dexamethasoneDelayedCycles.length > 0 ? 'Y' : 'N', adexFlag(ex, 'dexamethasone', 'DELAYFL'));
      same(id, 'dexamethasone dose adjusted', p.dosing.dexamethasoneSteps.length + p.dosing.dexamethasoneSkippedDoseCycles.length > 0 ? 'Y' : 'N', adexFlag(ex, 'dexamethasone', 'ADJFL'));
      same(id, 'pomalidomide dose adjusted', p.dosing.pomalidomideSteps.length + p.dosing.pomalidomideInterruptedCycles.length > 0 ? 'Y' : 'N', adexFlag(ex, 'pomalidomide', 'ADJFL'));
      if (p.dosing.pomalidomideInterruptedCycles.length > 0) same(id, 'pomalidomide interrupted', 'Y', adexFlag(ex, 'pomalidomide', 'INTRPFL'));
    }

    if (options.checkLadder !== false) {
      const record = recordBy.get(id);
      if (record !== undefined) {
        const history = doseHistoryOf(record);
        const checked = checkDosingLog({ ageYears: row.AGE ?? p.age, treatmentStartDate: history.treatmentStartDate, events: history.events }, NCT05236621_REGIMEN);
        if (!checked.ok) miss(id, 'dose-ladder input', [], checked.issues);
        else for (const deviation of checked.value) miss(id, `dose-ladder ${deviation.code}`, deviation.expectedMg, { date: deviation.date, drug: deviation.drug, givenMg: deviation.givenMg });
      }
    }
  }

  // Eligibility: every screened subject, in trial order.
  if (demo.screening.length !== trial.subjects.length) miss(null, 'screening records', trial.subjects.length, demo.screening.length);
  const failures = new Map(demo.plan.screenFailures.map((f) => [crfSubjectId(f.siteId, f.subjectId), f]));
  demo.screening.forEach((record, index) => {
    const id = record.subjectId ?? `#${index}`;
    if (trial.subjects[index]?.subject.subjectId !== record.subjectId) miss(id, 'screening id', trial.subjects[index]?.subject.subjectId, record.subjectId);
    const result = computeDemoEligibility(record);
    if (!result.ok) {
      miss(id, 'eligibility input', 'a valid screening record', result.issues);
      return;
    }
    const notMet = result.value.criteria.filter((c) => c.status !== 'met').map((c) => `${c.id} ${c.status}`);
    const failure = failures.get(id);
    // Every enrolled subject meets every criterion; a screen failure fails its planned one only.
    const expected = failure !== undefined ? [`${failure.failedCriterionId} not met`] : [];
    same(id, 'eligibility', expected, notMet);
  });
  return out;
}
