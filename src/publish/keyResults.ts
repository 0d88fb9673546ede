import type { ReportModel, ReportRow, ReportTable } from '../report/index.js';

/** One headline result as the report prints it (the IRC / overall column). */
export interface KeyResult {
  readonly label: string;
  readonly text: string;
}

function table(model: ReportModel, id: string): ReportTable | undefined {
  return model.items.find((i): i is ReportTable => i.kind === 'table' && i.id === id);
}

/** The first row whose label starts with `label` after the heading row that starts with `heading` (null: anywhere). */
function rowAfter(t: ReportTable | undefined, heading: string | null, label: string): ReportRow | undefined {
  if (t === undefined) return undefined;
  const start = heading === null ? 0 : t.rows.findIndex((r) => r.cells.length === 0 && r.label.startsWith(heading));
  if (start < 0) return undefined;
  return t.rows.slice(start).find((r) => r.label.startsWith(label) && r.cells.length > 0);
}

/**
 * The headline results the CLI closes with, read from the report model itself so the summary is
 * exactly what the tables print: ORR and DCR with their exact CIs (IRC), median PFS and OS with CIs.
 */
export function keyResults(model: ReportModel): KeyResult[] {
  const rates = table(model, 't-response-rate');
  const pick = (label: string, row: ReportRow | undefined): KeyResult => ({ label, text: row?.cells[0]?.text ?? 'not available' });
  return [
    pick('Overall response rate (IRC)', rowAfter(rates, 'Overall response rate', 'Rate (') ?? rowAfter(rates, 'Overall response rate', 'n (%)')),
    pick('Disease control rate (IRC)', rowAfter(rates, 'Disease control rate', 'Rate (') ?? rowAfter(rates, 'Disease control rate', 'n (%)')),
    pick('Median PFS, months', rowAfter(table(model, 't-pfs'), null, 'Median, months')),
    pick('Median OS, months', rowAfter(table(model, 't-os'), null, 'Median, months')),
  ];
}
