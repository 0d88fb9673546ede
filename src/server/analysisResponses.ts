import { z } from 'zod';

/**
 * The answer of GET /analysis/dashboard as it goes over the wire, for the OpenAPI document (and the server
 * contract test, which checks answers against the document). The dashboard's own shapes are strict; the
 * report's table and cell (src/report ReportTable) are open objects, so a field the report adds does not
 * break the API (the route test checks that no subject id reaches the sponsor whatever the fields are).
 */

const population = z.looseObject({ name: z.string(), flag: z.string().nullable(), N: z.int().min(0) });

const cell = z.looseObject({
  typed: z.looseObject({ kind: z.string() }).describe("the report's typed value (src/report/model reportValue.ts: count, proportion, time-median, ...)"),
  text: z.string(),
  value: z.number().nullable(),
  subjects: z.array(z.string()).describe('USUBJIDs behind the count; always empty without analysis:subjects (the sponsor)'),
});

const reportTable = z.looseObject({
  kind: z.literal('table'),
  id: z.string(),
  number: z.string(),
  title: z.string(),
  population,
  stubLabel: z.string(),
  columns: z.array(z.looseObject({ id: z.string(), label: z.string(), N: z.int().min(0).nullable() })),
  rows: z.array(z.looseObject({ key: z.string().describe('the row key of the report table (src/report/model/README.md)'), label: z.string(), indent: z.int().min(0), cells: z.array(cell) })),
  footnotes: z.array(z.string()),
  abbreviations: z.array(z.string()),
});

const snapshot = z.strictObject({
  snapshotId: z.int().min(1),
  name: z.string(),
  cutoffDate: z.string(),
  createdAt: z.iso.datetime(),
  contentHash: z.string(),
});

const keyNumber = z.strictObject({
  id: z.enum(['orr', 'dcr', 'pfs', 'os']),
  label: z.string(),
  text: z.string().describe("the report's text, e.g. '23.3% (95% CI, 9.93–42.28)'"),
  value: z.number().nullable(),
  countLabel: z.string(),
  count: cell.nullable(),
  population,
});

const figure = z.strictObject({
  id: z.string(),
  kind: z.string().describe("'enrolment', or the report figure's kind: 'kaplan-meier', 'forest', 'swimmer', ..."),
  number: z.string(),
  title: z.string(),
  population: population.nullable(),
  description: z.string().describe('text alternative'),
  spec: z.record(z.string(), z.unknown()).describe("Vega-Lite spec in the report's theme; drill-down marks carry href '#drill-<index into subjectLists>'"),
});

const subjectFacts = z.strictObject({
  subjectId: z.string(),
  siteId: z.string(),
  enrolmentDate: z.string().nullable(),
  bestResponseIrc: z.string().nullable(),
  pfsMonths: z.number().nullable(),
  pfsEvent: z.boolean().nullable(),
});

const stageState = z.strictObject({
  size: z.int().min(1),
  threshold: z.int().min(0).describe('responders at or below this count fail the rule'),
  accrued: z.int().min(0),
  responders: z.int().min(0),
  nonResponders: z.int().min(0),
  pending: z.int().min(0),
  state: z.enum(['accruing', 'met', 'not-met', 'pending']).describe("'met': more than threshold responders (continue / reject H0); 'not-met': no pending or later subject can change it"),
});

const designStatus = z
  .strictObject({
    kind: z.literal('simon-two-stage'),
    optimality: z.enum(['optimal', 'minimax']),
    p0: z.number(),
    p1: z.number(),
    alpha: z.number(),
    power: z.number(),
    n1: z.int().min(1),
    r1: z.int().min(0),
    n: z.int().min(2),
    r: z.int().min(0),
    citation: z.string(),
    evaluator: z.string(),
    population,
    decision: z.strictObject({ kind: z.literal('simon-decision'), stage1: stageState, final: stageState, beyondDesign: z.int().min(0) }),
    stage1Text: z.string(),
    finalText: z.string(),
    rule: z.string(),
  })
  .describe("the Simon two-stage design's decisions on the snapshot's data (aggregates only)");

export const analysisDashboardResponse = z.discriminatedUnion('state', [
  z.strictObject({
    state: z.literal('ready'),
    dashboard: z.strictObject({
      snapshot,
      protocolId: z.string(),
      dataCutoffDate: z.string(),
      synthetic: z.boolean(),
      drillDown: z.boolean().describe('true with analysis:subjects (statistician, data manager): counts carry their subjects'),
      keyNumbers: z.array(keyNumber),
      design: designStatus.nullable(),
      tables: z.array(reportTable),
      figures: z.array(figure),
      subjectLists: z.array(z.array(z.string())),
      subjects: z.record(z.string(), subjectFacts),
      derivationIssues: z.int().min(0),
    }),
    snapshots: z.array(snapshot).describe('every snapshot, newest first (to pick another with ?snapshotId=)'),
  }),
  z.strictObject({ state: z.literal('no-snapshot'), message: z.string() }),
  z.strictObject({
    state: z.literal('not-analysable'),
    snapshot,
    message: z.string(),
    issues: z.array(z.looseObject({ code: z.string(), path: z.array(z.union([z.string(), z.number()])), expected: z.string() })),
    snapshots: z.array(snapshot),
  }),
]);

/** The dashboard answer as the browser reads it: one schema for the server, the OpenAPI document and the client. */
export type AnalysisDashboardAnswer = z.infer<typeof analysisDashboardResponse>;
