import { SUBJECT_RECORD_KEYS, type FormRole, type ScreeningRecord, type SubjectRecord, type TrialData } from '../clinical/index.js';
import type { ProtocolModule } from '../protocols/index.js';
import {
  createSnapshot,
  getUser,
  insertLock,
  insertSite,
  insertSubject,
  insertUser,
  listLocks,
  listSites,
  listSnapshots,
  listSubjects,
  openTrialProtocol,
  releaseLock,
  setAuditContext,
  setPasswordHash,
  updateSubjectStatus,
  withAuditContext,
  type SqlClient,
  type Store,
  type SubjectRow,
  type SubjectStatus,
} from '../store/index.js';
import { latestScreening, screenRecord } from './liveLogic.js';
import { hashPassword } from './passwords.js';
import { DEMO_ADMIN, DEMO_PASSWORD, seedDemoAccounts } from './seedDemoAccounts.js';
import { isProtocolId, toServedProtocol, type ServedProtocol } from './servedProtocol.js';
import { checkForm, saveRecord, todayOf } from './subjectRoutes.js';

export { DEMO_ADMIN } from './seedDemoAccounts.js';

/** The account that locks the demo trial and takes its snapshot (created by seedDemoAccounts). */
export const DEMO_DATA_MANAGER = 'demo-data-manager';

export interface DemoLoadSummary {
  readonly sitesCreated: number;
  readonly usersCreated: number;
  readonly subjectsLoaded: number;
  /** Subjects already in the database (a re-run), left untouched. */
  readonly subjectsSkipped: number;
  readonly recordsSaved: number;
  /** Edit-check findings raised as queries while saving, as the EDC does on every save. */
  readonly queriesRaised: number;
  /** Subjects enrolled although their screening record does not meet every criterion (entered as a protocol deviation). */
  readonly protocolDeviations: readonly string[];
  readonly snapshotName: string;
  /** False when the snapshot already existed (nothing was locked or copied). */
  readonly snapshotCreated: boolean;
  /** Whether the trial is locked when the load returns. */
  readonly trialLocked: boolean;
  readonly milliseconds: number;
}

export interface LoadDemoTrialOptions {
  readonly clock?: () => Date;
  /** Called after each subject: how many of the screened subjects are done. */
  readonly onProgress?: (done: number, total: number) => void;
  /**
   * The screening record of each subject (same order as trial.subjects), as the protocol's demo generator
   * writes it; without it (or for a subject without one) the record is built from the subject's own forms
   * (screeningFromForms), and the criteria it cannot read stay not evaluable.
   */
  readonly screening?: readonly (ScreeningRecord | undefined)[];
  /**
   * Release the trial lock once the cutoff snapshot is taken (default false: the trial stays locked, as after a
   * real data lock). `serve --demo` reopens it so a demo user can try data entry and IRC adjudication; the
   * snapshot, which the analyses read, stays exactly as taken under the lock.
   */
  readonly reopenAfterSnapshot?: boolean;
}

/** The synthetic site users: one investigator and one coordinator per site. */
export function demoSiteUser(siteId: string, role: 'investigator' | 'coordinator'): string {
  return `${siteId.toLowerCase()}-${role}`;
}

/** The snapshot the demo trial is analysed from: named after its data cutoff. */
export function demoSnapshotName(dataCutoffDate: string): string {
  return `cutoff-${dataCutoffDate}`;
}

type Step = { readonly formType: string; readonly data: unknown; readonly by: 'investigator' | 'coordinator' };

/**
 * A subject's CRF forms in the order a site enters them, by the role of each form in the protocol: the
 * history first, then the disease forms that are not response assessments (a staging panel), labs, adverse
 * events before the assessments and the dosing log (so the dose checks on save see the toxicity behind a
 * reduction), the response calls, then follow-up. The investigator records the judgements (adverse events
 * and their causality, response calls), the coordinator transcribes the rest.
 */
function formSteps(record: SubjectRecord, protocol: ServedProtocol): Step[] {
  const steps: Step[] = [];
  const assessmentForms = protocol.definition.response.assessmentForms;
  const byRole = (role: FormRole, by: Step['by'] = 'coordinator'): void => {
    const form = protocol.formOfRole(role);
    const placement = SUBJECT_RECORD_KEYS[role];
    if (form === undefined || placement === undefined) return;
    const value = record[placement.key] as unknown;
    if (value === undefined) return;
    if (placement.one) {
      if (role === 'disposition' && Object.keys(value as object).length === 0) return;
      steps.push({ formType: form.id, data: value, by });
    } else for (const data of value as readonly unknown[]) steps.push({ formType: form.id, data, by });
  };
  const disease = (assessments: boolean): void => {
    for (const form of protocol.definition.forms.filter((f) => f.role === 'disease' && assessmentForms.includes(f.id) === assessments)) {
      for (const data of record.diseaseForms[form.id] ?? []) steps.push({ formType: form.id, data, by: 'coordinator' });
    }
  };
  byRole('demographics');
  byRole('diagnosis');
  byRole('prior-therapy');
  disease(false);
  byRole('lab');
  byRole('adverse-event', 'investigator');
  disease(true);
  byRole('dosing');
  byRole('response-call', 'investigator');
  byRole('new-therapy');
  byRole('disposition');
  byRole('death');
  byRole('survival-contact');
  return steps;
}

/**
 * A screening record from a subject's own forms, for a trial whose generator wrote none: the items every
 * screening form has (dates, birth date, sex, weight, ECOG), the prior lines, and each screening lab of the
 * criteria from the subject's latest result of its analyte up to enrolment. Disease measures and history
 * facts are not on the standard forms: the criteria that read them stay not evaluable.
 */
export function screeningFromForms(record: SubjectRecord, protocol: ServedProtocol): ScreeningRecord {
  const { subject, demographics } = record;
  const until = subject.enrolmentDate ?? subject.consentDate;
  const labs: Record<string, { value: number; unit: string; upperLimitOfNormal?: number; date: string }> = {};
  for (const lab of protocol.definition.eligibility.screening.labs) {
    const latest = record.labs.filter((l) => l.analyte === lab.analyte && l.date <= until).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)).at(-1);
    if (latest !== undefined) labs[lab.key] = { value: latest.value, unit: latest.unit, ...(latest.uln === undefined ? {} : { upperLimitOfNormal: latest.uln }), date: latest.date };
  }
  const lines = [...record.priorTherapies].sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0));
  return {
    screeningDate: subject.consentDate,
    consentDate: subject.consentDate,
    ...(subject.enrolmentDate === undefined ? {} : { enrolmentDate: subject.enrolmentDate }),
    ...(demographics === undefined
      ? {}
      : { birthDate: demographics.birthDate, sex: demographics.sex === 'M' ? 'male' : 'female', weightKg: demographics.weightKg, ecog: demographics.ecog }),
    priorTherapyLines: lines.map((line) => ({
      agents: line.agents.map((agent) => ({ agent, ...(line.cycles === undefined ? {} : { cycles: line.cycles }) })),
      startDate: line.startDate,
      ...(line.endDate === undefined ? {} : { endDate: line.endDate }),
      ...(line.bestResponse === undefined ? {} : { bestResponse: line.bestResponse }),
      ...(line.progressionDate === undefined ? {} : { progressionDate: line.progressionDate }),
      refractory: line.refractory,
    })),
    ...(Object.keys(labs).length === 0 ? {} : { labs }),
  };
}

/** What POST /subjects/:id/records does: validate with the form's schema, save, derive, raise failed edit checks. */
async function saveForm(tx: SqlClient, protocol: ServedProtocol, subjectId: string, formType: string, input: unknown, today: string): Promise<number> {
  return (await saveRecord(tx, protocol, today, subjectId, formType, checkForm(protocol, formType, input, today))).raisedQueryIds.length;
}

async function moveStatus(tx: SqlClient, subject: SubjectRow, status: SubjectStatus): Promise<SubjectRow> {
  const result = await updateSubjectStatus(tx, subject.subjectId, subject.version, status);
  if (result.kind !== 'written') throw new Error(`demo load: subject ${subject.subjectId} could not move to ${status} (${result.kind})`);
  return result.row;
}

/** One screened subject, in one transaction: registration, screening, enrolment or screen failure, then every CRF. */
async function loadSubject(
  tx: SqlClient,
  protocol: ServedProtocol,
  record: SubjectRecord,
  screening: ScreeningRecord,
  today: string,
): Promise<{ records: number; queries: number; deviation: string | undefined }> {
  let deviation: string | undefined;
  const { siteId, screeningNumber, screenFailure } = record.subject;
  const screeningType = protocol.formOfRole('screening')?.id;
  if (screeningType === undefined) throw new Error(`demo load: the protocol ${protocol.definition.id} has no screening form`);
  const coordinator = { user: demoSiteUser(siteId, 'coordinator') };
  const investigator = demoSiteUser(siteId, 'investigator');
  let current = 'coordinator';
  await setAuditContext(tx, coordinator);
  let subject = await insertSubject(tx, { siteId, screeningNumber });
  // the screening record names the subject by the number the EDC gave it
  let queries = await saveForm(tx, protocol, subject.subjectId, screeningType, { ...screening, subjectId: subject.subjectId, siteId }, today);
  let records = 1;

  if (screenFailure) {
    await setAuditContext(tx, { user: investigator, reason: record.subject.screenFailureReason ?? 'screen failure' });
    subject = await moveStatus(tx, subject, 'screen_failure');
  } else {
    // The gate of POST /subjects/:id/status is that only an eligible screening record enrols; a subject the
    // generator enrolled although a criterion is not met (or not evaluable) is entered as a protocol
    // deviation, in the reason for change, instead of being refused.
    const saved = await latestScreening(tx, subject.subjectId, protocol);
    const outcome = saved === undefined ? undefined : screenRecord(saved, protocol);
    if (outcome?.ok !== true) throw new Error(`demo load: the screening record of ${subject.subjectId} cannot be screened`);
    const unmet = outcome.value.criteria.filter((c) => c.status !== 'met').map((c) => `${c.id} ${c.status}${c.reason === undefined ? '' : ` (${c.reason})`}`);
    deviation = outcome.value.eligible === true ? undefined : subject.subjectId;
    const reason = outcome.value.eligible === true ? `eligible at screening; enrolled ${record.subject.enrolmentDate ?? ''}`.trim() : `protocol deviation: enrolled although ${unmet.join('; ')}`;
    await setAuditContext(tx, { user: investigator, reason });
    subject = await moveStatus(tx, subject, 'enrolled');
  }
  current = 'investigator';

  for (const step of formSteps(record, protocol)) {
    if (step.by !== current) {
      await setAuditContext(tx, { user: demoSiteUser(siteId, step.by) });
      current = step.by;
    }
    queries += await saveForm(tx, protocol, subject.subjectId, step.formType, step.data, today);
    records += 1;
  }

  const { endOfTreatment, endOfStudy } = record.disposition;
  // the subject's states as a site records them (SUBJECT_STATUS_MOVES): treated once dosed, in follow-up after the end of treatment
  const firstDose = record.dosing.map((d) => d.startDate).sort()[0];
  if (!screenFailure && firstDose !== undefined) {
    await setAuditContext(tx, { user: investigator, reason: `first dose ${firstDose}` });
    subject = await moveStatus(tx, subject, 'on_treatment');
  }
  if (!screenFailure && firstDose !== undefined && endOfTreatment !== undefined && endOfStudy === undefined) {
    await setAuditContext(tx, { user: investigator, reason: `end of treatment ${endOfTreatment.date}: ${endOfTreatment.reason}` });
    subject = await moveStatus(tx, subject, 'follow_up');
  }
  if (!screenFailure && endOfStudy !== undefined) {
    await setAuditContext(tx, { user: investigator, reason: `end of study ${endOfStudy.date}: ${endOfStudy.reason}` });
    await moveStatus(tx, subject, 'off_study');
  }
  return { records, queries, deviation };
}

async function createSitesAndUsers(store: Store, trial: TrialData, clock: () => Date): Promise<{ sites: number; users: number }> {
  const existing = new Set((await listSites(store, null)).map((s) => s.siteId));
  const missingSites = trial.sites.filter((s) => !existing.has(s.siteId));
  let users = 0;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await withAuditContext(store, { user: DEMO_ADMIN }, async (tx) => {
    for (const site of missingSites) await insertSite(tx, site);
    for (const site of trial.sites) {
      for (const role of ['investigator', 'coordinator'] as const) {
        const userId = demoSiteUser(site.siteId, role);
        if ((await getUser(tx, userId)) !== undefined) continue;
        await insertUser(tx, { userId, displayName: `${trial.synthetic ? 'Synthetic' : 'Demo'} ${role}, site ${site.siteId}`, role, siteId: site.siteId });
        await setPasswordHash(tx, userId, passwordHash, clock());
        users += 1;
      }
    }
  });
  return { sites: missingSites.length, users };
}

/**
 * Loads a protocol's demo trial (any protocol: TrialData validated by its forms) into the EDC the way its
 * sites would have entered it. The database records the protocol (and that the trial is synthetic) first: a
 * database of another protocol, or a real trial, is refused before anything is written. Then the admin
 * creates the trial's sites with one investigator and one coordinator per site (and the demo accounts of
 * seedDemoAccounts); each screened subject is registered, screened through the protocol's screening form,
 * enrolled or failed, and gets every CRF through the same validation, live clinical logic and edit checks
 * as POST /subjects/:id/records, with the site's own users in the audit trail; then the data manager locks
 * the trial at the data cutoff and takes the snapshot `cutoff-<date>`. One transaction per subject, so a
 * subject is either all there or absent, and a re-run skips what is there (nothing is written twice).
 */
export async function loadDemoTrial(store: Store, protocol: ProtocolModule | ServedProtocol, trial: TrialData, options: LoadDemoTrialOptions = {}): Promise<DemoLoadSummary> {
  const started = performance.now();
  const served = toServedProtocol(protocol);
  const { definition } = served;
  if (!isProtocolId(definition, trial.protocolId)) throw new Error(`demo load: the trial is of protocol ${trial.protocolId}, not ${definition.id} (${definition.identity.registryId})`);
  const clock = options.clock ?? (() => new Date());
  await openTrialProtocol(store, { protocolId: definition.id, protocolVersion: definition.version, synthetic: trial.synthetic }, DEMO_ADMIN);
  const snapshotName = demoSnapshotName(trial.dataCutoffDate);
  const created = await createSitesAndUsers(store, trial, clock);
  await seedDemoAccounts(store, { sites: trial.sites, clock });

  const present = new Set((await listSubjects(store, null)).map((s) => `${s.siteId}\u0000${s.screeningNumber}`));
  let subjectsLoaded = 0;
  let subjectsSkipped = 0;
  let recordsSaved = 0;
  let queriesRaised = 0;
  const protocolDeviations: string[] = [];
  const total = trial.subjects.length;
  const today = todayOf(clock);
  for (const [index, record] of trial.subjects.entries()) {
    if (present.has(`${record.subject.siteId}\u0000${record.subject.screeningNumber}`)) {
      subjectsSkipped += 1;
    } else {
      const screening = options.screening?.[index] ?? screeningFromForms(record, served);
      const done = await store.transaction((tx) => loadSubject(tx, served, record, screening, today));
      subjectsLoaded += 1;
      recordsSaved += done.records;
      queriesRaised += done.queries;
      if (done.deviation !== undefined) protocolDeviations.push(done.deviation);
    }
    options.onProgress?.(index + 1, total);
  }

  let snapshotCreated = false;
  if (!(await listSnapshots(store)).some((s) => s.name === snapshotName)) {
    await withAuditContext(store, { user: DEMO_DATA_MANAGER }, async (tx) => {
      const active = (await listLocks(tx)).find((l) => l.scope === 'trial' && !l.released);
      const lock = active ?? (await insertLock(tx, { scope: 'trial', cutoffDate: trial.dataCutoffDate }));
      await createSnapshot(tx, { name: snapshotName, cutoffDate: trial.dataCutoffDate, lockId: lock.lockId });
    });
    snapshotCreated = true;
  }
  if (options.reopenAfterSnapshot === true && snapshotCreated) {
    const reason = `demo: reopened after the ${snapshotName} snapshot so the demo can be tried; the snapshot stays as taken`;
    await withAuditContext(store, { user: DEMO_DATA_MANAGER, reason }, async (tx) => {
      for (const lock of (await listLocks(tx)).filter((l) => l.scope === 'trial' && !l.released)) await releaseLock(tx, lock.lockId, lock.version);
    });
  }
  const trialLocked = (await listLocks(store)).some((l) => l.scope === 'trial' && !l.released);
  return Object.freeze({
    sitesCreated: created.sites,
    usersCreated: created.users,
    subjectsLoaded,
    subjectsSkipped,
    recordsSaved,
    queriesRaised,
    protocolDeviations: Object.freeze(protocolDeviations),
    snapshotName,
    snapshotCreated,
    trialLocked,
    milliseconds: Math.round(performance.now() - started),
  });
}
