import { createAdamDatasets, type AdslRow, type ProtocolDefinition, type TrialData } from '../clinical/index.js';
import {
  aggregateCell,
  aggregateTable,
  anonymousSwimmer,
  cell,
  column,
  countValue,
  createReportModel,
  dateValue,
  evaluatorColumnId,
  figureSpec,
  findCell,
  findTable,
  formatValue,
  population,
  primaryEvaluator,
  primaryNumber,
  reportTable,
  row,
  type FigureLinks,
  type ReportCell,
  type ReportFigureModel,
  type ReportModel,
  type ReportPopulation,
  type ReportTable,
} from '../report/index.js';
import { createDesignStatus, type DesignStatus } from './designStatus.js';
import { enrolmentSpec } from './enrolmentSpec.js';

/**
 * The analysis dashboard of a snapshot: the one place the EDC reads the report model. Every number is found
 * by table id, row key and column id (src/report/model/README.md) and printed by the report's formatting
 * module, never looked up by a label; the tables and figures shown are the ones the protocol's analysis plan
 * makes (its primary evaluator's response rates, its progression-free and overall survival endpoints).
 */

/** The snapshot a dashboard was computed from. */
export interface DashboardSnapshot {
  readonly snapshotId: number;
  readonly name: string;
  readonly cutoffDate: string;
  readonly createdAt: string;
  readonly contentHash: string;
}

/** A cell of the dashboard: the report's typed value, as the report prints it, and the subjects behind it. */
export interface DashboardCell {
  /** The report's text, e.g. '23.3% (95% CI, 9.93–42.28)' (formatValue of the typed value). */
  readonly text: string;
  /** The value's main number (a count's n, a rate's estimate), null when it has none. */
  readonly value: number | null;
  /** The typed value itself (src/report/model reportValue.ts). */
  readonly typed: ReportCell['value'];
  readonly subjects: readonly string[];
}

/** A report table as the dashboard sends it: rows with their keys, cells with their text. */
export interface DashboardTable extends Omit<ReportTable, 'rows'> {
  readonly rows: readonly { readonly key: string; readonly label: string; readonly indent: number; readonly cells: readonly DashboardCell[] }[];
}

/** A headline number: the statistic as the report prints it, and the count behind it (clickable to its subjects). */
export interface KeyNumber {
  readonly id: 'orr' | 'dcr' | 'pfs' | 'os';
  readonly label: string;
  /** The report's text, e.g. '23.3% (95% CI, 9.93–42.28)'. */
  readonly text: string;
  readonly value: number | null;
  /** What the count is ('responders', 'events'), printed after it. */
  readonly countLabel: string;
  readonly count: DashboardCell | null;
  readonly population: ReportPopulation;
}

export interface DashboardFigure {
  readonly id: string;
  /** 'enrolment' (the dashboard's own) or the report figure's kind ('kaplan-meier', 'forest', 'swimmer', ...). */
  readonly kind: string;
  /** The report's number ('Figure 11'), or '' for a dashboard-only figure. */
  readonly number: string;
  readonly title: string;
  readonly population: ReportPopulation | null;
  /** Text alternative for screen readers. */
  readonly description: string;
  /** Vega-Lite, in the report's theme; marks with a drill-down carry href '#drill-<index into subjectLists>'. */
  readonly spec: unknown;
}

/** What the dashboard shows a statistician about a subject of a list (from the derived datasets, never identifying). */
export interface SubjectFacts {
  readonly subjectId: string;
  readonly siteId: string;
  readonly enrolmentDate: string | null;
  readonly bestResponseIrc: string | null;
  readonly pfsMonths: number | null;
  readonly pfsEvent: boolean | null;
}

export interface AnalysisDashboard {
  readonly snapshot: DashboardSnapshot;
  readonly protocolId: string;
  readonly dataCutoffDate: string;
  readonly synthetic: boolean;
  /** True when the counts carry their subjects (statistician, data manager); false: aggregates only (sponsor). */
  readonly drillDown: boolean;
  readonly keyNumbers: readonly KeyNumber[];
  /** Where the trial stands against its two-stage design (stage-1 decision from the live data), null for other designs. */
  readonly design: DesignStatus | null;
  /** Report tables, cells as in the report; without drill-down every cell's `subjects` is empty. */
  readonly tables: readonly DashboardTable[];
  readonly figures: readonly DashboardFigure[];
  /** Subject sets the figures' marks link to ('#drill-3' = subjectLists[3]); empty without drill-down. */
  readonly subjectLists: readonly (readonly string[])[];
  /** By USUBJID, every subject that appears in a list; empty without drill-down. */
  readonly subjects: Readonly<Record<string, SubjectFacts>>;
  /** Issues the derivations reported (the records are still analysed), as a count. */
  readonly derivationIssues: number;
}

/** The report model of a trial, built as writeReport builds it, with the per-subject facts of drill-down lists. */
export interface AnalysisModel {
  readonly trial: TrialData;
  readonly protocol: ProtocolDefinition;
  readonly model: ReportModel;
  readonly synthetic: boolean;
  readonly adsl: readonly AdslRow[];
  readonly facts: ReadonlyMap<string, SubjectFacts>;
  readonly derivationIssues: number;
}

/** The plan's primary evaluator's column, and the table and figure ids of its survival endpoints. */
function planIds(protocol: ProtocolDefinition): { readonly evaluator: string; readonly pfs: string | null; readonly os: string | null } {
  const primary = primaryEvaluator(protocol);
  const planned = new Set(protocol.analysisPlan.timeToEventEndpoints.map((e) => e.paramcd));
  const pfs = protocol.endpoints.find((e) => e.kind === 'progression-free-survival' && e.evaluator === primary.id && planned.has(e.paramcd));
  const os = protocol.endpoints.find((e) => e.kind === 'overall-survival' && planned.has(e.paramcd));
  return { evaluator: evaluatorColumnId(primary), pfs: pfs === undefined ? null : pfs.paramcd.toLowerCase(), os: os === undefined ? null : os.paramcd.toLowerCase() };
}

/** Report tables on the dashboard (after t-enrolment-site, the enrolment figure as a table, built here). */
export function dashboardTableIds(protocol: ProtocolDefinition): readonly string[] {
  const { pfs, os } = planIds(protocol);
  return ['t-response-rate', 't-subgroup-response', ...(pfs === null ? [] : [`t-${pfs}`]), ...(os === null ? [] : [`t-${os}`]), 't-teae-overview'];
}

export function dashboardFigureIds(protocol: ProtocolDefinition): readonly string[] {
  const { pfs, os } = planIds(protocol);
  return [...(pfs === null ? [] : [`f-km-${pfs}`]), ...(os === null ? [] : [`f-km-${os}`]), 'f-forest-orr', 'f-swimmer'];
}

/** ADaM derivations and the report model, exactly as src/publish writeReport does (the report and the dashboard agree). */
export function createAnalysisModel(trial: TrialData, protocol: ProtocolDefinition, label: string): AnalysisModel {
  void label;
  const { datasets: adam, issues } = createAdamDatasets(trial, protocol);
  const model = createReportModel(adam, protocol);
  const primary = primaryEvaluator(protocol);
  const pfsCode = protocol.endpoints.find((e) => e.kind === 'progression-free-survival' && e.evaluator === primary.id)?.paramcd;
  const bor = new Map(adam.adrs.filter((r) => r.PARAMCD === 'BOR' && r.EVALUATOR === primary.id).map((r) => [r.USUBJID, r.AVALC]));
  const pfs = new Map(adam.adtte.filter((r) => r.PARAMCD === pfsCode).map((r) => [r.USUBJID, r]));
  const facts = new Map(
    adam.adsl.map((s) => {
      const p = pfs.get(s.USUBJID);
      return [
        s.USUBJID,
        Object.freeze({ subjectId: s.SUBJID, siteId: s.SITEID, enrolmentDate: s.ENRLDT, bestResponseIrc: bor.get(s.USUBJID) ?? null, pfsMonths: p?.AVALM ?? null, pfsEvent: p === undefined ? null : p.CNSR === 0 }),
      ] as const;
    }),
  );
  return Object.freeze({ trial, protocol, model, synthetic: trial.synthetic, adsl: adam.adsl, facts, derivationIssues: issues.length });
}

function dashboardCell(value: ReportCell): DashboardCell {
  return { text: formatValue(value.value), value: primaryNumber(value.value), typed: value.value, subjects: value.subjects };
}

function dashboardTable(table: ReportTable): DashboardTable {
  return { ...table, rows: table.rows.map((r) => ({ key: r.key, label: r.label, indent: r.indent, cells: r.cells.map(dashboardCell) })) };
}

/** The headline numbers, found by key: the primary evaluator's ORR and DCR, the medians of the plan's PFS and OS. */
function keyNumbers(model: ReportModel, protocol: ProtocolDefinition): KeyNumber[] {
  const out: KeyNumber[] = [];
  const { evaluator, pfs, os } = planIds(protocol);
  const primary = primaryEvaluator(protocol);
  const rates = findTable(model, 't-response-rate');
  for (const [id, label, countLabel] of [
    ['orr', `Overall response rate (${primary.label})`, 'responders'],
    ['dcr', `Disease control rate (${primary.label})`, 'with disease control'],
  ] as const) {
    const rate = findCell(model, 't-response-rate', `${id}:rate`, evaluator);
    const count = findCell(model, 't-response-rate', `${id}:count`, evaluator) ?? null;
    if (rates !== undefined && rate !== undefined) out.push({ id, label, text: formatValue(rate.value), value: primaryNumber(rate.value), countLabel, count: count === null ? null : dashboardCell(count), population: rates.population });
  }
  for (const [id, code, countLabel] of [
    ['pfs', pfs, 'events (progression or death)'],
    ['os', os, 'deaths'],
  ] as const) {
    if (code === null) continue;
    const table = findTable(model, `t-${code}`);
    const median = findCell(model, `t-${code}`, 'median', 'overall');
    const events = findCell(model, `t-${code}`, 'events', 'overall') ?? null;
    const endpoint = protocol.endpoints.find((e) => e.paramcd.toLowerCase() === code);
    if (table !== undefined && median !== undefined)
      out.push({ id, label: `Median ${endpoint?.label ?? code.toUpperCase()}, months`, text: formatValue(median.value), value: primaryNumber(median.value), countLabel, count: events === null ? null : dashboardCell(events), population: table.population });
  }
  return out;
}

/** Enrolled subjects by site (the enrolment figure's numbers, as a table: keyboard and screen-reader users click here). */
function enrolmentTable(enrolled: readonly { id: string; siteId: string; enrolmentDate: string }[]): ReportTable {
  const N = enrolled.length;
  const sites = [...new Set(enrolled.map((s) => s.siteId))].sort();
  const rows = sites.map((site) => {
    const here = enrolled.filter((s) => s.siteId === site);
    const dates = here.map((s) => s.enrolmentDate).sort();
    return row(`site:${site}`, site, [cell(countValue(here.length, N), here.map((s) => s.id)), cell(dateValue(dates[0] ?? '')), cell(dateValue(dates.at(-1) ?? ''))], 0);
  });
  return reportTable({
    id: 't-enrolment-site',
    title: 'Subjects enrolled by site',
    population: population('Enrolled', 'ENRLFL', N),
    stubLabel: 'Site',
    columns: [column('enrolled', 'Enrolled, n (%)', N), column('first', 'First enrolment'), column('last', 'Last enrolment')],
    rows,
  });
}

function describeFigure(figure: ReportFigureModel): string {
  switch (figure.figureKind) {
    case 'kaplan-meier':
      return `${figure.title}: ${figure.data.series.map((s) => `${s.label}, n = ${s.n}, ${s.events} events, median ${s.median === null ? 'not reached' : `${s.median.toFixed(2)} months`}`).join('; ')}.`;
    case 'forest':
      return `${figure.title}: ${figure.data.rows.map((r) => `${r.group === '' ? '' : `${r.group} `}${r.label} ${r.x}/${r.n}`).join('; ')}.`;
    case 'swimmer':
      return figure.data.lanes.length === figure.data.responders
        ? `${figure.title}: ${figure.data.responders} responders, one lane each, length = follow-up in months.`
        : `${figure.title}: ${figure.data.lanes.length} of ${figure.data.responders} responders (the longest follow-up), one lane each, length = follow-up in months.`;
    default:
      return figure.title;
  }
}

/**
 * The dashboard of a snapshot from its report model. With `drillDown`, every count keeps its subjects (tables
 * as the report has them, figure marks linking to subject lists); without it (the sponsor), no subject id is
 * in the answer at all: cells lose their subjects, figures have no links and swimmer lanes are renamed (as in the report's aggregate edition).
 */
export function createAnalysisDashboard(analysis: AnalysisModel, snapshot: DashboardSnapshot, drillDown: boolean): AnalysisDashboard {
  const { model, trial, protocol } = analysis;
  const subjectLists: string[][] = [];
  const listIndex = new Map<string, number>();
  const register = (ids: readonly string[]): string => {
    const sorted = [...new Set(ids)].sort();
    const key = sorted.join('\u0000');
    let index = listIndex.get(key);
    if (index === undefined) {
      index = subjectLists.length;
      subjectLists.push(sorted);
      listIndex.set(key, index);
    }
    return `#drill-${index}`;
  };
  const links: FigureLinks | null = drillDown ? { subjects: register, subject: (id) => register([id]) } : null;

  const enrolled = analysis.adsl.filter((s) => s.ENRLFL === 'Y' && s.ENRLDT !== null).map((s) => ({ id: s.USUBJID, siteId: s.SITEID, enrolmentDate: s.ENRLDT ?? '' }));
  const sites = new Set(enrolled.map((s) => s.siteId)).size;
  const figures: DashboardFigure[] = [
    {
      id: 'f-enrolment',
      kind: 'enrolment',
      number: '',
      title: 'Enrolment by site over time',
      population: { name: 'Enrolled', flag: 'ENRLFL', N: enrolled.length },
      description: `Enrolment by site over time: ${enrolled.length} subjects enrolled at ${sites} sites; the cumulative count by month above, subjects enrolled per site and month below.`,
      spec: enrolmentSpec(enrolled, drillDown ? register : null),
    },
  ];
  for (const id of dashboardFigureIds(protocol)) {
    const item = model.items.find((i): i is ReportFigureModel => i.kind === 'figure' && i.id === id);
    if (item === undefined) continue;
    const figure = !drillDown && item.figureKind === 'swimmer' ? anonymousSwimmer(item) : item;
    figures.push({ id: figure.id, kind: figure.figureKind, number: figure.number, title: figure.title, population: figure.population, description: describeFigure(figure), spec: figureSpec(figure, links) });
  }
  const reportTables = [enrolmentTable(enrolled), ...dashboardTableIds(protocol).map((id) => findTable(model, id)).filter((t): t is ReportTable => t !== undefined)];
  const tables = (drillDown ? reportTables : reportTables.map(aggregateTable)).map(dashboardTable);
  const numbers = keyNumbers(model, protocol);

  const subjects: Record<string, SubjectFacts> = {};
  if (drillDown) {
    const every = [...subjectLists.flat(), ...tables.flatMap((t) => t.rows.flatMap((r) => r.cells.flatMap((c) => c.subjects)))];
    for (const id of every) {
      const facts = analysis.facts.get(id);
      if (facts !== undefined) subjects[id] = facts;
    }
  }
  return {
    snapshot,
    // the registry id reads as the study's name ('Study ' and the registry id); the database keeps the folder id
    protocolId: protocol.identity.registryId,
    dataCutoffDate: trial.dataCutoffDate,
    synthetic: analysis.synthetic,
    drillDown,
    design: createDesignStatus(model, protocol, analysis.adsl, (id) => analysis.facts.get(id)?.pfsEvent === true),
    keyNumbers: drillDown ? numbers : numbers.map((k) => ({ ...k, count: k.count === null ? null : { ...k.count, subjects: aggregateCell({ value: k.count.typed, subjects: k.count.subjects }).subjects } })),
    tables,
    figures,
    subjectLists: drillDown ? subjectLists : [],
    subjects,
    derivationIssues: analysis.derivationIssues,
  };
}
