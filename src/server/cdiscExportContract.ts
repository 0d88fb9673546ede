import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { after, before, it } from 'node:test';
import type { Hono } from 'hono';
import type { ScreeningRecord, SubjectRecord } from '../clinical/index.js';
import { findProtocol } from '../protocols/index.js';
import { buildCdiscPackage } from '../publish/index.js';
import { retSubject, retTrial } from '../protocols/ret-cabo-2/testing/index.js';
import type { Store } from '../store/index.js';
import { repoPath } from '../testing/index.js';
import { createApp } from './createApp.js';
import { loadDemoTrial, type DemoLoadSummary } from './loadDemoTrial.js';
import { readTrialFromStore } from './readTrialFromStore.js';
import type { AppEnv } from './route.js';
import { DEMO_PASSWORD } from './seedDemoAccounts.js';
import { readZipArchive } from './zipArchive.test.js';

/**
 * The CDISC package export of the EDC (GET /snapshots/:id/cdisc.zip), run on both engines (cdiscExport.*.test.ts):
 * a trial of the second protocol's fixtures (prior and subsequent therapy included, so CM is written) is entered
 * through the site services and snapshotted; the export's files must be those `buildCdiscPackage` (what
 * `trialkit cdisc --out` calls) writes from the same snapshot, and, where the store has a URL the CLI can open,
 * those the CLI itself writes (bytes equal but for the time stamps); only the data manager and the statistician
 * get it.
 */

export interface CdiscExportTarget {
  readonly open: () => Promise<Store>;
  readonly close: (store: Store) => Promise<void>;
  /** The --trial that names this store for `trialkit cdisc` (a database URL), when it has one. */
  readonly cliTrial?: string;
}

const module = findProtocol('ret-cabo-2');
if (module === undefined) throw new Error('the second protocol is not registered');
const PROTOCOL = module;
const NOW = new Date('2025-07-01T12:00:00Z');

/** The protocol's example eligible screening record, dated at the subject's consent. */
function screeningOf(record: SubjectRecord): ScreeningRecord {
  const example = JSON.parse(readFileSync(repoPath('examples', 'ret-cabo-2', 'screening-eligible.json'), 'utf8')) as ScreeningRecord;
  const day = record.subject.consentDate;
  const labs = Object.fromEntries(Object.entries(example.labs ?? {}).map(([key, lab]) => [key, lab === null || lab === undefined ? lab : { ...lab, date: day }]));
  return { ...example, screeningDate: day, consentDate: day, ...(record.subject.enrolmentDate === undefined ? {} : { enrolmentDate: record.subject.enrolmentDate }), labs };
}

const TRIAL = retTrial([
  {
    ...retSubject(1, { t1Mm: [30, 20, 18, 18] }),
    priorTherapies: [{ lineNumber: 1, agents: ['carboplatin', 'pemetrexed'], cycles: 4, startDate: '2023-05-02', endDate: '2023-08-01', bestResponse: 'SD', refractory: true, progressionDate: '2023-12-12' }],
  },
  { ...retSubject(2, { enrolmentDate: '2024-04-02', t1Mm: [40, 45, 60, 60] }), newTherapies: [{ startDate: '2024-09-02', agents: ['docetaxel'] }] },
  retSubject(3, { enrolmentDate: '2024-05-06' }),
]);

interface Reply {
  readonly status: number;
  readonly bytes: Uint8Array;
  readonly headers: Headers;
}

/** The time stamps the two writers differ by: XPT headers (ddMMMyy:hh:mm:ss) and define.xml's CreationDateTime. */
function withoutTimestamps(bytes: Uint8Array): string {
  return Buffer.from(bytes)
    .toString('latin1')
    .replace(/\d{2}[A-Z]{3}\d{2}:\d{2}:\d{2}:\d{2}/g, 'STAMP')
    .replace(/CreationDateTime="[^"]*"/g, 'CreationDateTime="STAMP"');
}

function filesUnder(root: string): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  for (const entry of readdirSync(root, { recursive: true }).map(String)) {
    const path = join(root, entry);
    if (statSync(path).isFile()) out.set(relative(root, path).split(sep).join('/'), new Uint8Array(readFileSync(path)));
  }
  return out;
}

export function cdiscExportContract(target: CdiscExportTarget): void {
  let store: Store | undefined;
  let app: Hono<AppEnv> | undefined;
  let loaded: DemoLoadSummary | undefined;
  let snapshotId = 0;
  before(async () => {
    store = await target.open();
    loaded = await loadDemoTrial(store, PROTOCOL, TRIAL, { screening: TRIAL.subjects.map(screeningOf), clock: () => NOW });
    const { rows } = await store.query<{ snapshot_id: number }>('SELECT snapshot_id FROM snapshots WHERE name = $1', [loaded.snapshotName]);
    snapshotId = rows[0].snapshot_id;
    app = createApp({ store, protocol: PROTOCOL, clock: () => NOW });
  });
  after(async () => {
    if (store !== undefined) await target.close(store);
  });

  const as = async (userId: string, path: string): Promise<Reply> => {
    assert.ok(app !== undefined);
    const login = await app.request('/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId, password: DEMO_PASSWORD }) });
    assert.equal(login.status, 200, userId);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    const response = await app.request(`/api/v1${path}`, { headers: { cookie } });
    return { status: response.status, bytes: new Uint8Array(await response.arrayBuffer()), headers: response.headers };
  };

  void it('gives the data manager and the statistician the files trialkit cdisc builds from the same snapshot, byte for byte', async () => {
    assert.ok(store !== undefined && loaded !== undefined);
    const trial = await readTrialFromStore(store, PROTOCOL, { snapshot: loaded.snapshotName });
    const expected = buildCdiscPackage(trial, PROTOCOL.definition, NOW);
    assert.ok(expected.ok);
    for (const user of ['demo-data-manager', 'demo-statistician']) {
      const reply = await as(user, `/snapshots/${snapshotId}/cdisc.zip`);
      assert.equal(reply.status, 200, `${user}: ${Buffer.from(reply.bytes).toString('utf8').slice(0, 300)}`);
      assert.equal(reply.headers.get('content-type'), 'application/zip');
      assert.match(reply.headers.get('content-disposition') ?? '', new RegExp(`attachment; filename="snapshot-${snapshotId}-.*-cdisc\\.zip"`));
      assert.equal(reply.headers.get('x-cdisc-check-errors'), '0');
      const files = readZipArchive(reply.bytes);
      assert.deepEqual([...files.keys()].sort(), [...expected.value.files.keys()].sort());
      for (const [name, bytes] of expected.value.files) assert.deepEqual(files.get(name), bytes, name);
      for (const name of ['sdtm/dm.xpt', 'sdtm/cm.xpt', 'sdtm/suppcm.xpt', 'sdtm/define.xml', 'sdtm/define2-1.xsl', 'adam/adsl.xpt', 'adam/adtte.xpt', 'adam/define.xml']) assert.ok(files.has(name), name);
    }
    const cm = expected.value.sdtm.find((d) => d.define.name === 'CM');
    assert.deepEqual(cm?.rows.map((r) => r.CMTRT), ['CARBOPLATIN', 'PEMETREXED', 'DOCETAXEL']);
  });

  void it('refuses the package to the sponsor, the IRC and the sites (subject-level data), and names a missing snapshot', async () => {
    for (const user of ['demo-sponsor', 'demo-irc', 'demo-investigator', 'demo-coordinator']) {
      const reply = await as(user, `/snapshots/${snapshotId}/cdisc.zip`);
      assert.equal(reply.status, 403, user);
      assert.ok(!Buffer.from(reply.bytes).includes(Buffer.from('PK\u0003\u0004', 'latin1')), `${user}: no archive in the refusal`);
    }
    assert.equal((await as('demo-data-manager', '/snapshots/999999/cdisc.zip')).status, 404);
  });

  const { cliTrial } = target;
  if (cliTrial !== undefined) {
    void it('writes with trialkit cdisc --trial <database> --snapshot the same files as the export (but the time stamps)', async () => {
      assert.ok(loaded !== undefined);
      const { main } = await import('../cli/index.js');
      const { cliRecorder } = await import('../testing/index.js');
      const out = mkdtempSync(join(tmpdir(), 'trialkit-cdisc-db-'));
      try {
        const rec = cliRecorder();
        assert.equal(await main(['cdisc', '--trial', cliTrial, '--snapshot', loaded.snapshotName, '--out', out], rec.io), 0, rec.stderr() + rec.stdout());
        const written = filesUnder(out);
        const exported = readZipArchive((await as('demo-statistician', `/snapshots/${snapshotId}/cdisc.zip`)).bytes);
        assert.deepEqual([...written.keys()].sort(), [...exported.keys()].sort());
        for (const [name, bytes] of exported) {
          const cli = written.get(name);
          assert.ok(cli !== undefined, name);
          assert.equal(cli.length, bytes.length, name);
          assert.ok(withoutTimestamps(cli) === withoutTimestamps(bytes), `${name}: the CLI's file and the export's differ beyond their time stamps`);
        }
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    });
  }
}
