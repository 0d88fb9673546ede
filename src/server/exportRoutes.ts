import { checkCdiscPackage } from '../cdisc/index.js';
import { formatIssue, InputError } from '../result/index.js';
import { createSnapshotEvidence, getSnapshot } from '../store/index.js';
import { HttpError, notFound } from './httpError.js';
import { idParam, route, type RouteSpec } from './route.js';
import { fileResponse, snapshotEvidenceResponse } from './responseSchemas.js';
import { snapshotFormCsv } from './snapshotCsv.js';
import { snapshotOdmXml } from './snapshotOdm.js';
import { readSnapshotTables, type SnapshotTables } from './snapshotTables.js';
import { readTrialFromStore } from './readTrialFromStore.js';
import { createZipArchive } from './zipArchive.js';

async function snapshotOf(store: Parameters<typeof getSnapshot>[0], idText: string | undefined): Promise<{ id: number; name: string; createdAt: Date; tables: SnapshotTables }> {
  const id = idParam(idText);
  const snapshot = id === undefined ? undefined : await getSnapshot(store, id);
  if (snapshot === undefined) throw notFound('snapshot');
  const tables = readSnapshotTables(snapshot.data);
  // a snapshot is written only by createSnapshot, so another shape is a fault, not a user error
  if (tables === undefined) throw new Error(`snapshot ${snapshot.snapshotId} does not have the shape createSnapshot writes`);
  return { id: snapshot.snapshotId, name: snapshot.name, createdAt: snapshot.createdAt, tables };
}

/** A file name for Content-Disposition: the snapshot name reduced to safe characters. */
function fileStem(name: string, id: number): string {
  const safe = name.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80);
  return `snapshot-${id}${safe === '' ? '' : `-${safe}`}`;
}

/**
 * Snapshot exports for analysis: CSV per form type, CDISC ODM 1.3.2 XML for the whole snapshot, the CDISC
 * submission package (SDTM + ADaM, XPT and define.xml) as a ZIP; its signed evidence for an inspector.
 */
export const exportRoutes: readonly RouteSpec[] = [
  route({
    method: 'get',
    path: '/snapshots/:snapshotId/export.csv',
    response: fileResponse,
    produces: 'text/csv',
    action: 'snapshot:read',
    tag: 'snapshots',
    summary: "The records of one form type of the protocol (?form=<form id>, e.g. lab) in a snapshot as CSV: subjectId, siteId, recordId, recordVersion, recordVisit, then one column per answer (nested answers as dot paths)",
    responses: { 200: 'text/csv', 400: 'form missing or unknown' },
    async handler({ c, services, params, query }) {
      const formTypes = [...services.protocol.forms.keys()];
      const form = formTypes.find((type) => type === query.form);
      if (form === undefined) throw new HttpError(400, 'bad-form', `?form= must be a form of the protocol: ${formTypes.join(', ')}`);
      const snapshot = await snapshotOf(services.store, params.snapshotId);
      c.header('Content-Disposition', `attachment; filename="${fileStem(snapshot.name, snapshot.id)}-${form}.csv"`);
      return { status: 200, body: snapshotFormCsv(snapshot.tables, form), contentType: 'text/csv; charset=utf-8' };
    },
  }),
  route({
    method: 'get',
    path: '/snapshots/:snapshotId/odm.xml',
    response: fileResponse,
    produces: 'application/xml',
    action: 'snapshot:read',
    tag: 'snapshots',
    summary: 'A snapshot as CDISC ODM 1.3.2 XML: form definitions (MetaDataVersion) and every subject\'s records (ClinicalData)',
    responses: { 200: 'application/xml' },
    async handler({ c, services, params }) {
      const snapshot = await snapshotOf(services.store, params.snapshotId);
      c.header('Content-Disposition', `attachment; filename="${fileStem(snapshot.name, snapshot.id)}.odm.xml"`);
      const xml = snapshotOdmXml(snapshot.tables, { snapshotId: snapshot.id, snapshotName: snapshot.name, takenAt: snapshot.createdAt, createdAt: services.clock() });
      return { status: 200, body: xml, contentType: 'application/xml; charset=utf-8' };
    },
  }),
  route({
    method: 'get',
    path: '/snapshots/:snapshotId/cdisc.zip',
    produces: 'application/zip',
    // subject-level data (SDTM and ADaM rows name every subject): the data manager and the statistician, never the sponsor
    action: 'snapshot:read',
    tag: 'snapshots',
    summary:
      'The CDISC submission package of a snapshot as a ZIP: sdtm/*.xpt and adam/*.xpt (SAS transport v5), each folder with define.xml 2.1 and its stylesheet, ' +
      'the same files `trialkit cdisc --out` writes from the same snapshot (--trial <database> --snapshot <name>), stamped with the time of the export. ' +
      'X-Cdisc-Check-Errors / X-Cdisc-Check-Warnings count the findings of `trialkit cdisc --check` on the files; X-Cdisc-Mapping-Issues the records the mappings met problems with',
    responses: { 200: 'application/zip', 422: 'the snapshot is not valid trial data, or no package can be written from it (issues listed)' },
    async handler({ c, services, params }) {
      const id = idParam(params.snapshotId);
      const snapshot = id === undefined ? undefined : await getSnapshot(services.store, id);
      if (snapshot === undefined) throw notFound('snapshot');
      const protocol = services.protocol.definition;
      let trial;
      try {
        trial = await readTrialFromStore(services.store, services.protocol, { snapshot: snapshot.name, clock: services.clock });
      } catch (error) {
        if (error instanceof InputError) throw new HttpError(422, 'not-trial-data', error.message, { issues: error.issues.slice(0, 50) });
        throw error;
      }
      // the publisher (report engine and all) is loaded on the first export, not when the server starts
      const { buildCdiscPackage } = await import('../publish/index.js');
      const built = buildCdiscPackage(trial, protocol, services.clock());
      if (!built.ok) throw new HttpError(422, 'no-package', `no CDISC package can be written from snapshot ${snapshot.name}: ${built.issues.slice(0, 3).map((item) => formatIssue(item)).join('; ')}`, { issues: built.issues.slice(0, 50) });
      const files = [...built.value.files];
      const reports = ['sdtm', 'adam'].map((folder) =>
        checkCdiscPackage({ name: folder, files: new Map(files.filter(([path]) => path.startsWith(`${folder}/`)).map(([path, bytes]) => [path.slice(folder.length + 1), bytes])) }),
      );
      c.header('Content-Disposition', `attachment; filename="${fileStem(snapshot.name, snapshot.snapshotId)}-cdisc.zip"`);
      c.header('X-Cdisc-Check-Errors', String(reports.reduce((sum, r) => sum + r.errors, 0)));
      c.header('X-Cdisc-Check-Warnings', String(reports.reduce((sum, r) => sum + r.warnings, 0)));
      c.header('X-Cdisc-Mapping-Issues', String(built.value.issues.length));
      const zip = createZipArchive(files.map(([name, bytes]) => ({ name, bytes })), services.clock());
      return { status: 200, body: zip, contentType: 'application/zip' };
    },
  }),
  route({
    method: 'get',
    path: '/snapshots/:snapshotId/evidence',
    response: snapshotEvidenceResponse,
    action: 'snapshot:read',
    tag: 'snapshots',
    summary:
      "A snapshot's tamper evidence, to check offline with the trial's public key (trialkit audit verify --evidence): its data as hashed, " +
      'the audit chain up to the first signed checkpoint after the snapshot, and that checkpoint',
    responses: { 200: 'the evidence bundle (JSON)', 503: 'the snapshot is not yet covered by a signed checkpoint; retry' },
    async handler({ c, services, params }) {
      const id = idParam(params.snapshotId);
      if (id === undefined) throw notFound('snapshot');
      let result = await createSnapshotEvidence(services.store, id);
      if (result.kind === 'not-covered' && services.sealer !== undefined) {
        await services.sealer.sealNow();
        result = await createSnapshotEvidence(services.store, id);
      }
      if (result.kind === 'not-found') throw notFound('snapshot');
      if (result.kind === 'not-covered') throw new HttpError(503, 'not-sealed', `${result.reason}; retry in a moment`);
      c.header('Content-Disposition', `attachment; filename="${fileStem(result.evidence.snapshot.name, id)}.evidence.json"`);
      return { status: 200, body: result.evidence };
    },
  }),
];
