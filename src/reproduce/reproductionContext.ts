import {
  createAdamDatasets,
  type AdaeRow,
  type AdexRow,
  type AdlbRow,
  type AdrsRow,
  type AdslRow,
  type AdtteRow,
  type TrialData,
} from '../clinical/index.js';
import { createReportModel, type ReportDatasets, type ReportModel, type ReportProtocol, type ReportRow, type ReportTable } from '../report/index.js';
import type { Issue } from '../result/index.js';

/** The trial, its analysis datasets (derived once) and the report model over them: what every id reads. */
export interface ReproductionContext {
  readonly trial: TrialData;
  readonly protocol: ReportProtocol;
  readonly datasets: ReportDatasets & {
    readonly adsl: readonly AdslRow[];
    readonly adrs: readonly AdrsRow[];
    readonly adtte: readonly AdtteRow[];
    readonly adae: readonly AdaeRow[];
    readonly adlb: readonly AdlbRow[];
    readonly adex: readonly AdexRow[];
  };
  /** Issues the derivations reported (a bad record is skipped, the rest derived). */
  readonly derivationIssues: readonly Issue[];
  readonly model: ReportModel;
  /** ADSL rows of the full analysis set (what the efficacy tables and figures are over). */
  readonly fas: readonly AdslRow[];
  readonly adslById: ReadonlyMap<string, AdslRow>;
}

export function createReproductionContext(trial: TrialData, protocol: ReportProtocol): ReproductionContext {
  const { datasets, issues } = createAdamDatasets(trial);
  return Object.freeze({
    trial,
    protocol,
    datasets,
    derivationIssues: issues,
    model: createReportModel(datasets, protocol),
    fas: Object.freeze(datasets.adsl.filter((r) => r.FASFL === 'Y')),
    adslById: new Map(datasets.adsl.map((r) => [r.USUBJID, r])),
  });
}

/** A table of the report model by its id. */
export function modelTable(context: ReproductionContext, id: string): ReportTable | undefined {
  return context.model.items.find((item): item is ReportTable => item.kind === 'table' && item.id === id);
}

const isHeading = (row: ReportRow): boolean => row.cells.length === 0;

/**
 * The rows under a heading row, up to the next heading at the same or a lower indent (the whole table
 * when `heading` is null).
 */
export function sectionRows(table: ReportTable, heading: string | null): readonly ReportRow[] | undefined {
  if (heading === null) return table.rows;
  const start = table.rows.findIndex((r) => isHeading(r) && r.label === heading);
  if (start < 0) return undefined;
  const level = table.rows[start].indent;
  const rest = table.rows.slice(start + 1);
  const end = rest.findIndex((r) => isHeading(r) && r.indent <= level);
  return end < 0 ? rest : rest.slice(0, end);
}

/** The row labelled `label` under `heading` (null: anywhere in the table). */
export function modelRow(table: ReportTable, heading: string | null, label: string): ReportRow | undefined {
  return sectionRows(table, heading)?.find((r) => r.label === label);
}
