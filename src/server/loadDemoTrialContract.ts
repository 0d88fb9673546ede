import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import type { SubjectRecord, TrialData } from '../clinical/index.js';
import { main } from '../cli/index.js';
import { createDemoTrial, DEMO_PROTOCOL_ID, type DemoTrial } from '../demo/index.js';
import { createReportProtocol } from '../report/index.js';
import { computeReproduction } from '../reproduce/index.js';
import { InputError } from '../result/index.js';
import { insertCrfRecord, isStoreError, listAuditEntries, listSubjects, verifyAuditChain, withAuditContext, type Store } from '../store/index.js';
import { cliRecorder, repoPath } from '../testing/index.js';
import { demoSiteUser, loadDemoTrial, type DemoLoadSummary } from './loadDemoTrial.js';
import { readTrialFromStore } from './readTrialFromStore.js';

/**
 * The demo trial entered through the services and read back, run on both engines
 * (loadDemoTrial.test.ts on PGlite, loadDemoTrial.postgres.test.ts on the PostgreSQL server). The whole
 * trial is loaded once per engine and every test reads it.
 */
export interface DemoStoreTarget {
  readonly open: () => Promise<Store>;
  readonly close: (store: Store) => Promise<void>;
  /** The --trial that names this store for `trialkit report` and `trialkit reproduce` (a database URL), when it has one. */
  readonly cliTrial?: string;
}

const countAudit = async (client: Store): Promise<number> => (await client.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log')).rows[0].n;

/** The demo trial with each subject id replaced by the one the EDC gave it (matched on site and screening number). */
function withStoreIds(trial: TrialData, ids: ReadonlyMap<string, string>): SubjectRecord[] {
  return trial.subjects.map((s) => {
    const subjectId = ids.get(`${s.subject.siteId}/${s.subject.screeningNumber}`);
    assert.ok(subjectId !== undefined, `${s.subject.subjectId} is in the database`);
    return { ...s, subject: { ...s.subject, subjectId } };
  });
}

function reproductionSummary(trial: TrialData): unknown {
  const published = JSON.parse(readFileSync(repoPath('src/protocols/nct05236621/publication/published-results.json'), 'utf8')) as unknown;
  const findings = JSON.parse(readFileSync(repoPath('src/protocols/nct05236621/publication/published-findings.json'), 'utf8')) as unknown;
  const protocol = createReportProtocol({ armLabel: 'Pomalidomide + low-dose dexamethasone', investigationalDrugLabel: 'Pomalidomide', companionDrugLabel: 'Dexamethasone', p0: 0.12 });
  const outcome = computeReproduction({ trial, published, findings, protocol });
  assert.ok(outcome.ok);
  return outcome.value.summary;
}

export function loadDemoTrialContract(target: DemoStoreTarget): void {
  let store: Store | undefined;
  let demo: DemoTrial | undefined;
  let first: DemoLoadSummary | undefined;

  function loaded(): { store: Store; demo: DemoTrial; first: DemoLoadSummary } {
    if (store === undefined || demo === undefined || first === undefined) throw new Error('the demo trial did not load (see the before hook)');
    return { store, demo, first };
  }

  before(async () => {
    demo = createDemoTrial();
    store = await target.open();
    first = await loadDemoTrial(store, demo);
  });
  after(async () => {
    if (store !== undefined) await target.close(store);
  });

  void it('enters every screened subject and CRF, locks the trial and takes the cutoff snapshot', () => {
    const { demo, first } = loaded();
    const forms = demo.trial.subjects.reduce(
      (n, s) =>
        n +
        1 +
        [s.demographics, s.diagnosis, s.baselineDisease, s.death].filter((f) => f !== undefined).length +
        (Object.keys(s.disposition).length > 0 ? 1 : 0) +
        s.priorTherapies.length + s.labs.length + s.diseaseAssessments.length + s.boneMarrow.length + s.dosing.length +
        s.adverseEvents.length + s.responseCalls.length + s.newTherapies.length + s.survivalContacts.length,
      0,
    );
    assert.equal(first.subjectsLoaded, demo.trial.subjects.length);
    assert.equal(first.recordsSaved, forms);
    assert.equal(first.sitesCreated, demo.trial.sites.length);
    assert.equal(first.usersCreated, 2 * demo.trial.sites.length);
    assert.equal(first.snapshotName, 'cutoff-2022-12-01');
    assert.equal(first.snapshotCreated, true);
    // every enrolled subject of the twin meets every criterion (Table 1's single prior line contradicts the
    // >= 2 lines criterion; the twin follows the criterion, see publication/published-findings.json)
    assert.deepEqual(first.protocolDeviations, []);
  });

  void it('raises no plausibility query (range, dose level) and no dose-ladder deviation on the demo trial', async () => {
    const { store, first } = loaded();
    const { rows } = await store.query<{ check_code: string | null; n: number }>('SELECT check_code, count(*)::int AS n FROM queries GROUP BY check_code ORDER BY check_code');
    assert.equal(rows.reduce((n, r) => n + r.n, 0), first.queriesRaised);
    // DOSE-DEVIATION: the live dose check (checkDosingLog on AEs, labs and dosing rows); the twin follows the ladder
    assert.deepEqual(rows.filter((r) => r.check_code === 'RANGE' || r.check_code === 'DOSE-LEVEL' || r.check_code === 'DOSE-DEVIATION'), []);
  });

  void it('records the site users in the audit trail and keeps the hash chain intact', async () => {
    const { store, demo } = loaded();
    const subject = (await listSubjects(store, 'C01'))[0];
    const creation = (await listAuditEntries(store, 'subjects', subject.subjectId))[0];
    assert.equal(creation.changedBy, demoSiteUser('C01', 'coordinator'));
    const moves = await store.query<{ changed_by: string; reason: string | null }>(
      "SELECT changed_by, reason FROM audit_log WHERE table_name = 'subjects' AND action = 'update' AND record_id = $1 ORDER BY audit_id",
      [subject.subjectId],
    );
    assert.equal(moves.rows[0].changed_by, demoSiteUser('C01', 'investigator'));
    assert.ok((moves.rows[0].reason ?? '') !== '');
    const chain = await verifyAuditChain(store);
    assert.equal(chain.ok, true);
    assert.ok(chain.rows > demo.trial.subjects.length * 10);
  });

  void it('does nothing twice when run again', async () => {
    const { store, demo } = loaded();
    const before = await countAudit(store);
    const again = await loadDemoTrial(store, demo);
    assert.equal(again.subjectsLoaded, 0);
    assert.equal(again.subjectsSkipped, demo.trial.subjects.length);
    assert.equal(again.recordsSaved, 0);
    assert.equal(again.sitesCreated + again.usersCreated, 0);
    assert.equal(again.snapshotCreated, false);
    assert.equal(await countAudit(store), before);
  });

  void it('refuses writes after the lock', async () => {
    const { store } = loaded();
    const subject = (await listSubjects(store, 'C01'))[0];
    await assert.rejects(
      withAuditContext(store, { user: demoSiteUser('C01', 'coordinator') }, (tx) =>
        insertCrfRecord(tx, { subjectId: subject.subjectId, formType: 'survivalContact', data: { date: '2022-12-02', status: 'alive' } }),
      ),
      (error: unknown) => isStoreError(error, 'locked'),
    );
  });

  void it('reads back from the snapshot the same CRFs as the in-memory demo trial, under the EDC subject numbers', async () => {
    const { store, demo } = loaded();
    const trial = await readTrialFromStore(store, { snapshot: 'cutoff-2022-12-01' });
    assert.equal(trial.protocolId, DEMO_PROTOCOL_ID);
    assert.equal(trial.dataCutoffDate, demo.trial.dataCutoffDate);
    assert.deepEqual(
      demo.trial.sites.map((s) => trial.sites.find((t) => t.siteId === s.siteId)),
      demo.trial.sites,
    );
    const ids = new Map(trial.subjects.map((s) => [`${s.subject.siteId}/${s.subject.screeningNumber}`, s.subject.subjectId]));
    assert.deepEqual(trial.subjects, withStoreIds(demo.trial, ids));
  });

  void it('gives the same reproduction summary as the in-memory demo trial', async () => {
    const { store, demo } = loaded();
    const fromSnapshot = await readTrialFromStore(store, { snapshot: 'cutoff-2022-12-01' });
    assert.deepEqual(reproductionSummary(fromSnapshot), reproductionSummary(demo.trial));
  });

  void it('reads the live data under the active lock cutoff, and names a missing snapshot', async () => {
    const { store, demo } = loaded();
    const live = await readTrialFromStore(store);
    assert.equal(live.dataCutoffDate, demo.trial.dataCutoffDate);
    assert.equal(live.subjects.length, demo.trial.subjects.length);
    await assert.rejects(readTrialFromStore(store, { snapshot: 'no-such' }), (error: unknown) => error instanceof InputError && /cutoff-2022-12-01/.test(JSON.stringify(error.issues)));
  });

  const { cliTrial } = target;
  if (cliTrial !== undefined) {
    void it('runs trialkit reproduce on the database snapshot with the results of the in-memory demo trial', async () => {
      const fromDatabase = cliRecorder();
      assert.equal(await main(['reproduce', '--trial', cliTrial, '--snapshot', 'cutoff-2022-12-01', '--json'], fromDatabase.io), 0, fromDatabase.stderr());
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
      assert.match(missing.stderr(), /cutoff-2022-12-01/);
    });

    void it('runs trialkit report on the database snapshot', async () => {
      const out = mkdtempSync(join(tmpdir(), 'trialkit-report-db-'));
      try {
        const rec = cliRecorder();
        assert.equal(await main(['report', '--trial', cliTrial, '--snapshot', 'cutoff-2022-12-01', '--out', out, '--format', 'html,csv'], rec.io), 0, rec.stderr());
        assert.match(rec.stdout(), /snapshot cutoff-2022-12-01/);
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
