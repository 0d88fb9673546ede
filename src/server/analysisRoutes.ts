import { InputError, type Issue } from '../result/index.js';
import { listSnapshots, type SnapshotListing, type Store } from '../store/index.js';
import { analysisDashboardResponse } from './analysisResponses.js';
import type * as AnalysisDashboardModule from './analysisDashboard.js';
import type { AnalysisDashboard, AnalysisModel, DashboardSnapshot } from './analysisDashboard.js';
import type * as AnalysisReportModule from './analysisReport.js';
import type { ReportEdition, ReportFormat } from './analysisReport.js';
import { HttpError, notFound } from './httpError.js';
import { isAllowed } from './permissions.js';
import { readTrialFromStore } from './readTrialFromStore.js';
import { idParam, ok, route, type RouteSpec } from './route.js';
import type { ServedProtocol } from './servedProtocol.js';

/**
 * The analysis engine (ADaM derivations, the report model, the report publisher) is loaded on the first
 * analysis request, not with the server: the EDC serves data capture even when the analysis layers cannot
 * be loaded, and answers 503 'analysis-unavailable' on these two routes with the reason.
 */
type AnalysisEngine = typeof AnalysisDashboardModule & typeof AnalysisReportModule;
let engine: Promise<AnalysisEngine> | undefined;
async function analysisEngine(): Promise<AnalysisEngine> {
  engine ??= Promise.all([import('./analysisDashboard.js'), import('./analysisReport.js')]).then(([dashboard, report]) => ({ ...dashboard, ...report }));
  try {
    return await engine;
  } catch (error) {
    throw new HttpError(503, 'analysis-unavailable', `the analysis engine cannot be loaded on this server: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * What GET /analysis/dashboard answers: the dashboard of a snapshot, or why there is none (no snapshot taken
 * yet; a snapshot whose data the derivations cannot read, with the issues).
 */
export type DashboardAnswer =
  | { readonly state: 'ready'; readonly dashboard: AnalysisDashboard; readonly snapshots: readonly DashboardSnapshot[] }
  | { readonly state: 'no-snapshot'; readonly message: string }
  | { readonly state: 'not-analysable'; readonly snapshot: DashboardSnapshot; readonly message: string; readonly issues: readonly Issue[]; readonly snapshots: readonly DashboardSnapshot[] };

type Analysed = { readonly ok: true; readonly snapshot: DashboardSnapshot; readonly analysis: AnalysisModel } | { readonly ok: false; readonly snapshot: DashboardSnapshot; readonly message: string; readonly issues: readonly Issue[] };

/** Snapshots never change, so an analysis is computed once per snapshot (per store), the latest few kept. */
const KEEP_PER_STORE = 3;
const analyses = new WeakMap<Store, Map<string, Promise<Analysed>>>();
const reports = new WeakMap<Store, Map<string, Promise<Uint8Array>>>();

/** The cached promise of `key`, made once; a failed one is dropped so that the next request tries again. */
function remember<V>(cache: WeakMap<Store, Map<string, Promise<V>>>, store: Store, key: string, make: () => Promise<V>): Promise<V> {
  let byKey = cache.get(store);
  if (byKey === undefined) {
    byKey = new Map();
    cache.set(store, byKey);
  }
  const known = byKey.get(key);
  if (known !== undefined) return known;
  const value = make();
  byKey.set(key, value);
  value.catch(() => {
    if (byKey.get(key) === value) byKey.delete(key);
  });
  while (byKey.size > KEEP_PER_STORE) {
    const oldest = byKey.keys().next();
    if (oldest.done === true) break;
    byKey.delete(oldest.value);
  }
  return value;
}

function snapshotInfo(s: SnapshotListing): DashboardSnapshot {
  return { snapshotId: s.snapshotId, name: s.name, cutoffDate: s.cutoffDate, createdAt: s.createdAt.toISOString(), contentHash: s.contentHash };
}

/** The asked-for snapshot (?snapshotId=), or the latest one (undefined when the database has none), and all of them. */
async function pickSnapshot(store: Store, idText: string | undefined): Promise<{ listing: SnapshotListing | undefined; all: readonly SnapshotListing[] }> {
  const all = await listSnapshots(store);
  if (idText === undefined) return { listing: all.at(-1), all };
  const id = idParam(idText);
  const found = all.find((s) => s.snapshotId === id);
  if (found === undefined) throw notFound('snapshot');
  return { listing: found, all };
}

function analyse(store: Store, protocol: ServedProtocol, listing: SnapshotListing, analysis: AnalysisEngine): Promise<Analysed> {
  const snapshot = snapshotInfo(listing);
  return remember(analyses, store, String(listing.snapshotId), async (): Promise<Analysed> => {
    try {
      const trial = await readTrialFromStore(store, protocol, { snapshot: listing.name });
      return { ok: true, snapshot, analysis: analysis.createAnalysisModel(trial, protocol.definition, `snapshot ${listing.name}`) };
    } catch (error) {
      if (error instanceof InputError) return { ok: false, snapshot, message: error.message, issues: error.issues.slice(0, 50) };
      throw error;
    }
  });
}

const FORMATS = {
  html: { contentType: 'text/html; charset=utf-8' },
  pdf: { contentType: 'application/pdf' },
  docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
} as const satisfies Record<ReportFormat, unknown>;
type Format = keyof typeof FORMATS;

/** A file name for Content-Disposition: the snapshot name reduced to safe characters. */
function fileName(snapshot: DashboardSnapshot, format: Format, edition: ReportEdition): string {
  const safe = snapshot.name.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80);
  return `report-${edition === 'aggregate' ? 'aggregate-' : ''}snapshot-${snapshot.snapshotId}${safe === '' ? '' : `-${safe}`}.${format}`;
}

/** The statistician's and sponsor's analysis of the latest snapshot, and the report of a snapshot (aggregate edition for the sponsor). */
export const analysisRoutes: readonly RouteSpec[] = [
  route({
    method: 'get',
    path: '/analysis/dashboard',
    action: 'analysis:read',
    response: analysisDashboardResponse,
    responses: { 503: 'the analysis engine cannot be loaded on this server' },
    tag: 'analysis',
    summary:
      'The analysis dashboard of the latest snapshot (or ?snapshotId=): ORR and DCR with exact CIs, KM medians, the report tables and the Vega-Lite specs of the report figures (KM with numbers at risk, forest, swimmer) and of enrolment by site over time. Subject lists behind each count only with analysis:subjects (never for the sponsor).',
    async handler({ services, user, query }) {
      const { listing, all } = await pickSnapshot(services.store, query.snapshotId);
      // newest first, for the screen's picker
      const snapshots = all.map(snapshotInfo).reverse();
      if (listing === undefined) {
        return ok({ state: 'no-snapshot', message: 'No snapshot has been taken yet: the dashboard reads the latest snapshot, which the data manager takes after locking the trial.' } satisfies DashboardAnswer);
      }
      const analysis = await analysisEngine();
      const analysed = await analyse(services.store, services.protocol, listing, analysis);
      if (!analysed.ok) return ok({ state: 'not-analysable', snapshot: analysed.snapshot, message: analysed.message, issues: analysed.issues, snapshots } satisfies DashboardAnswer);
      const drillDown = user !== undefined && isAllowed(user.role, 'analysis:subjects');
      return ok({ state: 'ready', dashboard: analysis.createAnalysisDashboard(analysed.analysis, analysed.snapshot, drillDown), snapshots } satisfies DashboardAnswer);
    },
  }),
  route({
    method: 'get',
    path: '/analysis/report',
    // everyone who reads the dashboard; the edition depends on whether the role may see subjects
    action: 'analysis:read',
    // one media type per status in the document: the default (HTML); pdf and docx are named in the summary
    produces: 'text/html',
    tag: 'analysis',
    summary:
      'The report of the latest snapshot (or ?snapshotId=) as ?format=html (default), pdf or docx, written by the report publisher: the full report (subjects behind each count, listings, subject profiles) with analysis:subjects, else (the sponsor) the aggregate edition, with the same tables and figures and no subject id; PDF needs Chromium on the server (503 with the package to install when missing)',
    responses: { 200: 'text/html, application/pdf or DOCX', 503: 'the format needs Chromium, which the server lacks; or the analysis engine cannot be loaded' },
    async handler({ c, services, user, query }) {
      const format = (query.format ?? 'html') as Format;
      const edition: ReportEdition = user !== undefined && isAllowed(user.role, 'analysis:subjects') ? 'full' : 'aggregate';
      if (!Object.hasOwn(FORMATS, format)) throw new HttpError(400, 'bad-format', `?format= must be one of ${Object.keys(FORMATS).join(', ')}`);
      const { listing } = await pickSnapshot(services.store, query.snapshotId);
      if (listing === undefined) throw notFound('snapshot');
      const analysis = await analysisEngine();
      const analysed = await analyse(services.store, services.protocol, listing, analysis);
      if (!analysed.ok) throw new HttpError(422, 'not-analysable', analysed.message, { issues: analysed.issues });
      const key = `${listing.snapshotId}:${format}:${edition}`;
      const bytes = await remember(reports, services.store, key, () => analysis.renderReport(analysed.analysis, `snapshot ${listing.name}`, format, edition));
      const disposition = format === 'html' ? 'inline' : 'attachment';
      // the report is self-contained (inline styles and SVG, no script): nothing else may load or run in it
      if (format === 'html') c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
      c.header('Content-Disposition', `${disposition}; filename="${fileName(analysed.snapshot, format, edition)}"`);
      return { status: 200, body: bytes, contentType: FORMATS[format].contentType };
    },
  }),
];
