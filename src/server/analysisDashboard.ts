import { createAdamDatasets, type AdslRow, type ProtocolDefinition, type TrialData } from '../clinical/index.js';
import { diseaseMeasurementsFromTrial, storedTrialSource } from '../publish/index.js';
import {
  aggregateCell,
  aggregateTable,
  anonymousSwimmer,
  cell,
  column,
  createReportModel,
  figureSpec,
  formatCount,
  population,
  reportTable,
  row,
  textCell,
  type FigureLinks,
  type ReportCell,
  type ReportFigureModel,
  type ReportModel,
  type ReportPopulation,
  type ReportRow,
  type ReportTable,
} from '../report/index.js';
import { enrolmentSpec } from './enrolmentSpec.js';

/** The snapshot a dashboard was computed from. */
export interface DashboardSnapshot {
  readonly snapshotId: number;
  readonly name: string;
  readonly cutoffDate: string;
  readonly createdAt: string;
  readonly contentHash: string;
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
  readonly count: ReportCell | null;
  readonly population: ReportPopulation;
}

export interface DashboardFigure {
  readonly id: string;
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
  /** Report tables, cells as in the report; without drill-down every cell's `subjects` is empty. */
  readonly tables: readonly ReportTable[];
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
  readonly model: ReportModel;
  readonly synthetic: boolean;
  readonly adsl: readonly AdslRow[];
  readonly facts: ReadonlyMap<string, SubjectFacts>;
  readonly derivationIssues: number;
}

/** Report tables on the dashboard, and t-enrolment-site (the enrolment figure as a table, built here). */
export const DASHBOARD_TABLES: readonly string[] = Object.freeze(['t-response-rate', 't-subgroup-response', 't-pfs', 't-os', 't-teae-overview']);
export const DASHBOARD_FIGURES: readonly string[] = Object.freeze(['f-km-pfs', 'f-km-os', 'f-forest-orr', 'f-swimmer']);

/** ADaM derivations and the report model, exactly as src/publish writeReport does (the report and the dashboard agree). */
export function createAnalysisModel(trial: TrialData, protocol: ProtocolDefinition, label: string): AnalysisModel {
  const source = storedTrialSource(trial, label);
  const { datasets: adam, issues } = createAdamDatasets(trial, protocol);
  const datasets = { ...adam, diseaseMeasurements: diseaseMeasurementsFromTrial(trial, adam.adsl) };
  const model = createReportModel(datasets, source.protocol);
  // the primary evaluator (its ADTTE parameters carry no suffix) and its progression-free survival endpoint
  const primary = protocol.response.evaluators.find((e) => e.paramSuffix === '') ?? protocol.response.evaluators[0];
  const pfsCode = protocol.endpoints.find((e) => e.kind === 'progression-free-survival' && e.evaluator === primary?.id)?.paramcd;
  const bor = new Map(adam.adrs.filter((r) => r.PARAMCD === 'BOR' && r.EVALUATOR === primary?.id).map((r) => [r.USUBJID, r.AVALC]));
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
  return Object.freeze({ trial, model, synthetic: source.synthetic, adsl: adam.adsl, facts, derivationIssues: issues.length });
}

function tableOf(model: ReportModel, id: string): ReportTable | undefined {
  return model.items.find((i): i is ReportTable => i.kind === 'table' && i.id === id);
}

/** The first row with cells whose label starts with `label`, after the heading row starting with `heading` (null: from the top). */
function rowAfter(table: ReportTable | undefined, heading: string | null, label: string): ReportRow | undefined {
  if (table === undefined) return undefined;
  const start = heading === null ? 0 : table.rows.findIndex((r) => r.cells.length === 0 && r.label.startsWith(heading));
  if (start < 0) return undefined;
  return table.rows.slice(start).find((r) => r.cells.length > 0 && r.label.startsWith(label));
}

function keyNumbers(model: ReportModel): KeyNumber[] {
  const out: KeyNumber[] = [];
  const rates = tableOf(model, 't-response-rate');
  for (const [id, label, heading] of [
    ['orr', 'Overall response rate (IRC)', 'Overall response rate'],
    ['dcr', 'Disease control rate (IRC)', 'Disease control rate'],
  ] as const) {
    const rate = rowAfter(rates, heading, 'Rate (')?.cells[0];
    const count = rowAfter(rates, heading, 'n (%)')?.cells[0] ?? null;
    if (rates !== undefined && rate !== undefined) out.push({ id, label, text: rate.text, value: rate.value, countLabel: id === 'orr' ? 'responders' : 'with disease control', count, population: rates.population });
  }
  for (const [id, label, tableId] of [
    ['pfs', 'Median PFS (IRC), months', 't-pfs'],
    ['os', 'Median OS, months', 't-os'],
  ] as const) {
    const table = tableOf(model, tableId);
    const median = rowAfter(table, null, 'Median, months')?.cells[0];
    const events = rowAfter(table, null, 'Events')?.cells[0] ?? null;
    if (table !== undefined && median !== undefined) out.push({ id, label, text: median.text, value: median.value, countLabel: id === 'pfs' ? 'events (progression or death)' : 'deaths', count: events, population: table.population });
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
    return row(site, [cell(formatCount(here.length, N), here.length, here.map((s) => s.id)), textCell(dates[0] ?? ''), textCell(dates.at(-1) ?? '')], 0);
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
  const { model, trial } = analysis;
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
      number: '',
      title: 'Enrolment by site over time',
      population: { name: 'Enrolled', flag: 'ENRLFL', N: enrolled.length },
      description: `Enrolment by site over time: ${enrolled.length} subjects enrolled at ${sites} sites; the cumulative count by month above, subjects enrolled per site and month below.`,
      spec: enrolmentSpec(enrolled, drillDown ? register : null),
    },
  ];
  for (const id of DASHBOARD_FIGURES) {
    const item = model.items.find((i): i is ReportFigureModel => i.kind === 'figure' && i.id === id);
    if (item === undefined) continue;
    const figure = !drillDown && item.figureKind === 'swimmer' ? anonymousSwimmer(item) : item;
    figures.push({ id: figure.id, number: figure.number, title: figure.title, population: figure.population, description: describeFigure(figure), spec: figureSpec(figure, links) });
  }
  const tables = [enrolmentTable(enrolled), ...DASHBOARD_TABLES.map((id) => tableOf(model, id)).filter((t): t is ReportTable => t !== undefined)];
  const numbers = keyNumbers(model);

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
    protocolId: trial.protocolId,
    dataCutoffDate: trial.dataCutoffDate,
    synthetic: analysis.synthetic,
    drillDown,
    keyNumbers: drillDown ? numbers : numbers.map((k) => ({ ...k, count: k.count === null ? null : aggregateCell(k.count) })),
    tables: drillDown ? tables : tables.map(aggregateTable),
    figures,
    subjectLists: drillDown ? subjectLists : [],
    subjects,
    derivationIssues: analysis.derivationIssues,
  };
}
