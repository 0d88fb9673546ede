import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { SUBJECT_RECORD_KEYS, type ScreeningRecord, type SubjectRecord, type TrialData } from '../clinical/index.js';
import { findProtocol } from '../protocols/index.js';
import { InputError } from '../result/index.js';
import { countAuditEntries, getTrialProtocol, insertCrfRecord, sealQueuedAuditEntries, isStoreError, listAuditEntries, listSubjects, verifyAuditChain, withAuditContext, type SqlClient, type Store } from '../store/index.js';
import { demoSiteUser, loadDemoTrial, type DemoLoadSummary } from './loadDemoTrial.js';
import { readTrialFromStore } from './readTrialFromStore.js';

/**
 * A protocol's demo trial entered through the services and read back, run on both engines
 * (loadDemoTrial.test.ts on PGlite, loadDemoTrial.postgres.test.ts on the PostgreSQL server): the reference
 * protocol's SYNTHETIC demo trial (its generator, ProtocolModule.demo), every form of every screened subject,
 * loaded once per engine.
 */
export interface DemoStoreTarget {
  readonly open: () => Promise<Store>;
  readonly close: (store: Store) => Promise<void>;
  /** The --trial that names this store for `trialkit report` and `trialkit reproduce` (a database URL), when it has one. */
  readonly cliTrial?: string;
}

const reference = findProtocol('nct05236621');
if (reference === undefined) throw new Error('the reference protocol is not registered');
const PROTOCOL = reference;

const countAudit = (client: Store): Promise<number> => countAuditEntries(client);

const CUTOFF = '2022-12-01';

/**
 * The reference protocol's SYNTHETIC demo trial from its generator (ProtocolModule.demo): the calibrated
 * twin by default, or a smaller uncalibrated one (a seed and a size) for quicker tests.
 */
export function referenceDemoTrial(options?: { readonly seed: number; readonly size: number }): { readonly trial: TrialData; readonly screening: readonly ScreeningRecord[] } {
  const demo = PROTOCOL.demo;
  if (demo === undefined) throw new Error('the reference protocol has no demo generator');
  const rendered = demo.renderTrial(demo.createPlan(options));
  return { trial: rendered.trial, screening: rendered.screening };
}

/** The number of CRF records a subject's forms make (one per 'many' row, one per present 'one' form, the screening record). */
function formCount(record: SubjectRecord): number {
  let n = 1;
  for (const placement of Object.values(SUBJECT_RECORD_KEYS)) {
    const value = record[placement.key] as unknown;
    if (value === undefined) continue;
    if (placement.one) n += placement.key === 'disposition' && Object.keys(value as object).length === 0 ? 0 : 1;
    else n += (value as readonly unknown[]).length;
  }
  for (const rows of Object.values(record.diseaseForms)) n += rows.length;
  return n;
}

/** The trial with each subject id replaced by the one the EDC gave it (matched on site and screening number). */
function withStoreIds(trial: TrialData, ids: ReadonlyMap<string, string>): SubjectRecord[] {
  return trial.subjects.map((s) => {
    const subjectId = ids.get(`${s.subject.siteId}/${s.subject.screeningNumber}`);
    assert.ok(subjectId !== undefined, `${s.subject.subjectId} is in the database`);
    return { ...s, subject: { ...s.subject, subjectId } };
  });
}

/** A subject as plain JSON, a disease form without records left out (the read-back lists every disease form of the protocol). */
function normalised(record: SubjectRecord): SubjectRecord {
  const plain = JSON.parse(JSON.stringify(record)) as SubjectRecord;
  return { ...plain, diseaseForms: Object.fromEntries(Object.entries(plain.diseaseForms).filter(([, rows]) => rows.length > 0)) };
}

export function loadDemoTrialContract(target: DemoStoreTarget): void {
  let store: Store | undefined;
  let demo: ReturnType<typeof referenceDemoTrial> | undefined;
  let first: DemoLoadSummary | undefined;

  function loaded(): { store: Store; demo: ReturnType<typeof referenceDemoTrial>; first: DemoLoadSummary } {
    if (store === undefined || demo === undefined || first === undefined) throw new Error('the demo trial did not load (see the before hook)');
    return { store, demo, first };
  }

  before(async () => {
    demo = referenceDemoTrial();
    store = await target.open();
    first = await loadDemoTrial(store, PROTOCOL, demo.trial, { screening: demo.screening });
  });
  after(async () => {
    if (store !== undefined) await target.close(store);
  });

  void it('enters every screened subject and CRF (disease forms included), locks the trial and takes the cutoff snapshot', () => {
    const { demo, first } = loaded();
    assert.equal(first.subjectsLoaded, demo.trial.subjects.length);
    assert.equal(first.recordsSaved, demo.trial.subjects.reduce((n, s) => n + formCount(s), 0));
    assert.ok(first.recordsSaved > demo.trial.subjects.length * 50, `${first.recordsSaved} records`);
    assert.equal(first.sitesCreated, demo.trial.sites.length);
    assert.equal(first.usersCreated, 2 * demo.trial.sites.length);
    assert.equal(first.snapshotName, `cutoff-${CUTOFF}`);
    assert.equal(first.snapshotCreated, true);
    assert.equal(first.trialLocked, true);
    // every enrolled subject of the twin meets every criterion (Table 1's single prior line contradicts the
    // >= 2 lines criterion; the twin follows the criterion, see publication/published-findings.json)
    assert.deepEqual(first.protocolDeviations, []);
  });

  void it('records the protocol and that the trial is synthetic, and refuses another protocol, or a real trial, on the same data', async () => {
    const { store, demo } = loaded();
    const recorded = await getTrialProtocol(store);
    assert.deepEqual([recorded?.protocolId, recorded?.protocolVersion, recorded?.synthetic], [PROTOCOL.definition.id, PROTOCOL.definition.version, true]);
    const before = await countAudit(store);
    await assert.rejects(loadDemoTrial(store, PROTOCOL, { ...demo.trial, synthetic: false }), (error: unknown) => isStoreError(error, 'protocol-mismatch') && /SYNTHETIC/.test(error.message));
    await assert.rejects(loadDemoTrial(store, { definition: { ...PROTOCOL.definition, id: 'other-protocol' } }, { ...demo.trial, protocolId: 'other-protocol' }), (error: unknown) => isStoreError(error, 'protocol-mismatch'));
    await assert.rejects(loadDemoTrial(store, PROTOCOL, { ...demo.trial, protocolId: 'NCT00000000' }), /the trial is of protocol NCT00000000/);
    assert.equal(await countAudit(store), before, 'nothing written');
  });

  void it('raises no plausibility query (range, dose level) and no dose-ladder deviation on the demo trial', async () => {
    const { store, first } = loaded();
    const { rows } = await store.query<{ check_code: string | null; n: number }>('SELECT check_code, count(*)::int AS n FROM queries GROUP BY check_code ORDER BY check_code');
    assert.equal(rows.reduce((n, r) => n + r.n, 0), first.queriesRaised);
    assert.deepEqual(rows.filter((r) => r.check_code === 'RANGE' || r.check_code === 'DOSE-LEVEL' || r.check_code === 'DOSE-DEVIATION'), []);
  });

  void it('records the site users in the audit trail and keeps the hash chain intact', async () => {
    const { store, demo } = loaded();
    const subject = (await listSubjects(store, 'C01'))[0];
    const creation = (await listAuditEntries(store, 'subjects', subject.subjectId))[0];
    assert.equal(creation.changedBy, demoSiteUser('C01', 'coordinator'));
    await sealQueuedAuditEntries(store);
    const moves = await store.query<{ changed_by: string; reason: string | null }>(
      "SELECT changed_by, reason FROM audit_log WHERE table_name = 'subjects' AND action = 'update' AND record_id = $1 ORDER BY audit_id",
      [subject.subjectId],
    );
    assert.equal(moves.rows[0].changed_by, demoSiteUser('C01', 'investigator'));
    assert.match(moves.rows[0].reason ?? '', /^eligible at screening/);
    const chain = await verifyAuditChain(store);
    assert.equal(chain.ok, true);
    assert.ok(chain.rows > demo.trial.subjects.length * 10);
  });

  void it('does nothing twice when run again', async () => {
    const { store, demo } = loaded();
    const before = await countAudit(store);
    const again = await loadDemoTrial(store, PROTOCOL, demo.trial, { screening: demo.screening });
    assert.equal(again.subjectsLoaded, 0);
    assert.equal(again.subjectsSkipped, demo.trial.subjects.length);
    assert.equal(again.recordsSaved, 0);
    assert.equal(again.sitesCreated + again.usersCreated, 0);
    assert.equal(again.snapshotCreated, false);
    assert.equal(await countAudit(store), before);
  });

  void it('refuses, after the lock, data dated up to the cutoff, and takes later data', async () => {
    const { store, demo } = loaded();
    const subject = (await listSubjects(store, 'C01'))[0];
    const contact = (date: string) => (tx: SqlClient) =>
      insertCrfRecord(tx, { subjectId: subject.subjectId, formType: 'survivalContact', data: { date, status: 'alive' } });
    await assert.rejects(withAuditContext(store, { user: demoSiteUser('C01', 'coordinator') }, contact(demo.trial.dataCutoffDate)), (error: unknown) => isStoreError(error, 'locked'));
    // a contact after the cutoff goes in; rolled back so the later tests read the trial as loaded
    const rolledBack = new Error('rolled back on purpose');
    await assert.rejects(
      withAuditContext(store, { user: demoSiteUser('C01', 'coordinator') }, async (tx) => {
        await contact('2022-12-02')(tx);
        throw rolledBack;
      }),
      (error: unknown) => error === rolledBack,
    );
  });

  void it('reads back from the snapshot the same CRFs as the trial loaded (disease forms in diseaseForms), under the EDC subject numbers', async () => {
    const { store, demo } = loaded();
    const trial = await readTrialFromStore(store, PROTOCOL, { snapshot: `cutoff-${CUTOFF}` });
    assert.deepEqual([trial.protocolId, trial.protocolVersion, trial.synthetic], [PROTOCOL.definition.id, PROTOCOL.definition.version, true]);
    assert.equal(trial.dataCutoffDate, demo.trial.dataCutoffDate);
    assert.deepEqual(
      demo.trial.sites.map((s) => trial.sites.find((t) => t.siteId === s.siteId)),
      demo.trial.sites,
    );
    const ids = new Map(trial.subjects.map((s) => [`${s.subject.siteId}/${s.subject.screeningNumber}`, s.subject.subjectId]));
    const expected = withStoreIds(demo.trial, ids).map(normalised);
    const byNumber = new Map(trial.subjects.map((s) => [s.subject.screeningNumber, normalised(s)]));
    assert.deepEqual(expected.map((s) => byNumber.get(s.subject.screeningNumber)), expected);
    assert.ok(trial.subjects.filter((s) => Object.values(s.diseaseForms).some((rows) => rows.length > 0)).length > demo.trial.subjects.length / 2, 'disease forms read back');
  });

  void it('reads the live data under the active lock cutoff, and names a missing snapshot', async () => {
    const { store, demo } = loaded();
    const live = await readTrialFromStore(store, PROTOCOL);
    assert.equal(live.dataCutoffDate, demo.trial.dataCutoffDate);
    assert.equal(live.subjects.length, demo.trial.subjects.length);
    await assert.rejects(readTrialFromStore(store, PROTOCOL, { snapshot: 'no-such' }), (error: unknown) => error instanceof InputError && new RegExp(`cutoff-${CUTOFF}`).test(JSON.stringify(error.issues)));
  });

  const { cliTrial } = target;
  if (cliTrial !== undefined) {
    void it('runs trialkit reproduce on the database snapshot with the results of the in-memory demo trial', async () => {
      const { main } = await import('../cli/index.js');
      const { cliRecorder } = await import('../testing/index.js');
      const fromDatabase = cliRecorder();
      assert.equal(await main(['reproduce', '--trial', cliTrial, '--snapshot', `cutoff-${CUTOFF}`, '--json'], fromDatabase.io), 0, fromDatabase.stderr());
      const inMemory = cliRecorder();
      assert.equal(await main(['reproduce', '--json'], inMemory.io), 0, inMemory.stderr());
      type Reproduced = { results: { id: string; status: string; computed: unknown }[]; summary: Record<string, number> };
      const db = JSON.parse(fromDatabase.stdout()) as Reproduced;
      const demoRun = JSON.parse(inMemory.stdout()) as Reproduced;
      assert.ok(db.results.length > 0);
      assert.deepEqual(db.summary, demoRun.summary);
      assert.deepEqual(db.results, demoRun.results);
      const missing = cliRecorder();
      assert.equal(await main(['reproduce', '--trial', cliTrial, '--snapshot', 'nope'], missing.io), 2);
      assert.match(missing.stderr(), new RegExp(`cutoff-${CUTOFF}`));
    });

    void it('runs trialkit report on the database snapshot', async () => {
      const { main } = await import('../cli/index.js');
      const { cliRecorder } = await import('../testing/index.js');
      const out = mkdtempSync(join(tmpdir(), 'trialkit-report-db-'));
      try {
        const rec = cliRecorder();
        assert.equal(await main(['report', '--trial', cliTrial, '--snapshot', `cutoff-${CUTOFF}`, '--out', out, '--format', 'html,csv'], rec.io), 0, rec.stderr());
        assert.match(rec.stdout(), new RegExp(`snapshot cutoff-${CUTOFF}`));
        assert.doesNotMatch(rec.stdout(), /:[^@/\s]+@/, 'no password in what is printed');
        const files = readdirSync(out, { recursive: true }).map(String);
        assert.ok(files.some((f) => f.endsWith('.html')), files.join(', '));
        assert.ok(files.some((f) => f.endsWith('.csv')), files.join(', '));
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    });
  }
}
