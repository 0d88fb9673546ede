import { computeEligibility, type SubjectRecord } from '../clinical/index.js';
import type { DemoTrial } from '../demo/index.js';
import {
  createSnapshot,
  getUser,
  insertLock,
  insertSite,
  insertSubject,
  insertUser,
  listLocks,
  releaseLock,
  listSites,
  listSnapshots,
  listSubjects,
  setAuditContext,
  setPasswordHash,
  updateSubjectStatus,
  withAuditContext,
  type SqlClient,
  type Store,
  type SubjectRow,
  type SubjectStatus,
} from '../store/index.js';
import { latestScreening } from './liveLogic.js';
import { hashPassword } from './passwords.js';
import type { FormType } from './requestSchemas.js';
import { DEMO_PASSWORD, seedDemoAccounts } from './seedDemoAccounts.js';
import { checkForm, saveRecord, todayOf } from './subjectRoutes.js';

/** The account that locks the demo trial and takes its snapshot (created by seedDemoAccounts). */
export const DEMO_DATA_MANAGER = 'demo-data-manager';
/** The account that creates the demo trial's sites (site:create is an admin action). */
export const DEMO_ADMIN = 'demo-admin';

export interface DemoLoadSummary {
  readonly sitesCreated: number;
  readonly usersCreated: number;
  readonly subjectsLoaded: number;
  /** Subjects already in the database (a re-run), left untouched. */
  readonly subjectsSkipped: number;
  readonly recordsSaved: number;
  /** Edit-check findings raised as queries while saving, as the EDC does on every save. */
  readonly queriesRaised: number;
  /** Subjects enrolled although their screening record is not eligible (the published cohort's protocol deviation). */
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

type Step = { readonly formType: FormType; readonly data: unknown; readonly by: 'investigator' | 'coordinator' };

/**
 * A subject's CRF forms in the order a site enters them. Adverse events come before the dosing log so the
 * dose checks on save see the toxicity behind a reduction; the investigator records the judgements
 * (adverse events and their causality, response calls), the coordinator transcribes the rest.
 */
function formSteps(record: SubjectRecord): Step[] {
  const steps: Step[] = [];
  const one = (formType: FormType, data: unknown, by: Step['by'] = 'coordinator'): void => {
    if (data !== undefined) steps.push({ formType, data, by });
  };
  const many = (formType: FormType, rows: readonly unknown[], by: Step['by'] = 'coordinator'): void => {
    for (const data of rows) steps.push({ formType, data, by });
  };
  one('demographics', record.demographics);
  one('diagnosis', record.diagnosis);
  many('priorTherapy', record.priorTherapies);
  one('baselineDisease', record.baselineDisease);
  many('lab', record.labs);
  many('adverseEvent', record.adverseEvents, 'investigator');
  many('diseaseAssessment', record.diseaseAssessments);
  many('boneMarrow', record.boneMarrow);
  many('dosing', record.dosing);
  many('responseCall', record.responseCalls, 'investigator');
  many('newTherapy', record.newTherapies);
  if (Object.keys(record.disposition).length > 0) one('disposition', record.disposition);
  one('death', record.death);
  many('survivalContact', record.survivalContacts);
  return steps;
}

/** What POST /subjects/:id/records does: validate with the form's schema, save, derive, raise failed edit checks. */
async function saveForm(tx: SqlClient, subjectId: string, formType: FormType, input: unknown, today: string): Promise<number> {
  return (await saveRecord(tx, subjectId, formType, checkForm(formType, input, today))).raisedQueryIds.length;
}

async function moveStatus(tx: SqlClient, subject: SubjectRow, status: SubjectStatus): Promise<SubjectRow> {
  const result = await updateSubjectStatus(tx, subject.subjectId, subject.version, status);
  if (result.kind !== 'written') throw new Error(`demo load: subject ${subject.subjectId} could not move to ${status} (${result.kind})`);
  return result.row;
}

/** One screened subject, in one transaction: registration, screening, enrolment or screen failure, then every CRF. */
async function loadSubject(tx: SqlClient, record: SubjectRecord, screening: DemoTrial['screening'][number], today: string): Promise<{ records: number; queries: number; deviation: string | undefined }> {
  let deviation: string | undefined;
  const { siteId, screeningNumber, screenFailure } = record.subject;
  const coordinator = { user: demoSiteUser(siteId, 'coordinator') };
  const investigator = demoSiteUser(siteId, 'investigator');
  let current = 'coordinator';
  await setAuditContext(tx, coordinator);
  let subject = await insertSubject(tx, { siteId, screeningNumber });
  // the screening record names the subject by the number the EDC gave it
  let queries = await saveForm(tx, subject.subjectId, 'screening', { ...screening, subjectId: subject.subjectId, siteId }, today);
  let records = 1;

  if (screenFailure) {
    await setAuditContext(tx, { user: investigator, reason: record.subject.screenFailureReason ?? 'screen failure' });
    subject = await moveStatus(tx, subject, 'screen_failure');
  } else {
    // The gate of POST /subjects/:id/status: only an eligible screening record enrols. The published
    // cohort has one subject enrolled with a single prior line (Table 1); the demo keeps that protocol
    // deviation, entered as such in the reason for change instead of being refused.
    const saved = await latestScreening(tx, subject.subjectId);
    const outcome = saved === undefined ? undefined : computeEligibility(saved);
    if (outcome?.ok !== true) throw new Error(`demo load: the screening record of ${subject.subjectId} cannot be screened`);
    const unmet = outcome.value.criteria.filter((c) => c.status !== 'met').map((c) => `${c.id}${c.reason === undefined ? '' : ` (${c.reason})`}`);
    deviation = outcome.value.eligible ? undefined : subject.subjectId;
    const reason = outcome.value.eligible
      ? `eligible at screening; enrolled ${record.subject.enrolmentDate ?? ''}`.trim()
      : `protocol deviation: enrolled although ${unmet.join('; ')}`;
    await setAuditContext(tx, { user: investigator, reason });
    subject = await moveStatus(tx, subject, 'enrolled');
  }
  current = 'investigator';

  for (const step of formSteps(record)) {
    if (step.by !== current) {
      await setAuditContext(tx, { user: demoSiteUser(siteId, step.by) });
      current = step.by;
    }
    queries += await saveForm(tx, subject.subjectId, step.formType, step.data, today);
    records += 1;
  }

  const { endOfTreatment, endOfStudy } = record.disposition;
  if (!screenFailure && endOfTreatment !== undefined && endOfStudy === undefined) {
    await setAuditContext(tx, { user: investigator, reason: `end of treatment ${endOfTreatment.date}: ${endOfTreatment.reason}` });
    subject = await moveStatus(tx, subject, 'off_treatment');
  }
  if (!screenFailure && endOfStudy !== undefined) {
    await setAuditContext(tx, { user: investigator, reason: `end of study ${endOfStudy.date}: ${endOfStudy.reason}` });
    await moveStatus(tx, subject, 'off_study');
  }
  return { records, queries, deviation };
}

async function createSitesAndUsers(store: Store, demo: DemoTrial, clock: () => Date): Promise<{ sites: number; users: number }> {
  const existing = new Set((await listSites(store, null)).map((s) => s.siteId));
  const missingSites = demo.trial.sites.filter((s) => !existing.has(s.siteId));
  let users = 0;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await withAuditContext(store, { user: DEMO_ADMIN }, async (tx) => {
    for (const site of missingSites) await insertSite(tx, site);
    for (const site of demo.trial.sites) {
      for (const role of ['investigator', 'coordinator'] as const) {
        const userId = demoSiteUser(site.siteId, role);
        if ((await getUser(tx, userId)) !== undefined) continue;
        await insertUser(tx, { userId, displayName: `Synthetic ${role}, site ${site.siteId}`, role, siteId: site.siteId });
        await setPasswordHash(tx, userId, passwordHash, clock());
        users += 1;
      }
    }
  });
  return { sites: missingSites.length, users };
}

/**
 * Loads the SYNTHETIC demo trial into the EDC the way its sites would have entered it: the admin creates
 * the sites and one investigator and coordinator per site; each screened subject is registered, screened,
 * enrolled or failed, and gets every CRF through the same validation, live clinical logic and edit checks
 * as POST /subjects/:id/records, with the site's own users in the audit trail; then the data manager locks
 * the trial at the data cutoff and takes the snapshot `cutoff-<date>`. One transaction per subject, so a
 * subject is either all there or absent, and a re-run skips what is there (nothing is written twice).
 */
export async function loadDemoTrial(store: Store, demo: DemoTrial, options: LoadDemoTrialOptions = {}): Promise<DemoLoadSummary> {
  const started = performance.now();
  const clock = options.clock ?? (() => new Date());
  const snapshotName = demoSnapshotName(demo.trial.dataCutoffDate);
  await seedDemoAccounts(store, clock);
  const created = await createSitesAndUsers(store, demo, clock);

  const present = new Set((await listSubjects(store, null)).map((s) => `${s.siteId}\u0000${s.screeningNumber}`));
  let subjectsLoaded = 0;
  let subjectsSkipped = 0;
  let recordsSaved = 0;
  let queriesRaised = 0;
  const protocolDeviations: string[] = [];
  const total = demo.trial.subjects.length;
  for (const [index, record] of demo.trial.subjects.entries()) {
    if (present.has(`${record.subject.siteId}\u0000${record.subject.screeningNumber}`)) {
      subjectsSkipped += 1;
    } else {
      const done = await store.transaction((tx) => loadSubject(tx, record, demo.screening[index], todayOf(clock)));
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
      const lock = active ?? (await insertLock(tx, { scope: 'trial', cutoffDate: demo.trial.dataCutoffDate }));
      await createSnapshot(tx, { name: snapshotName, cutoffDate: demo.trial.dataCutoffDate, lockId: lock.lockId });
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
