import type { ProtocolDefinition } from '../clinical/index.js';
import { formatValue } from '../report/format/index.js';
import { evaluatorColumnId, findCell, primaryEvaluator, type ReportModel, type ReportValue } from '../report/model/index.js';

/** One headline result, read from the report model by key: the typed value and its text as the report prints it. */
export interface KeyResult {
  /** 'orr', 'dcr', or 'median:<PARAMCD>'. */
  readonly id: string;
  readonly label: string;
  /** Where in the model the value is. */
  readonly tableId: string;
  readonly rowKey: string;
  readonly columnId: string;
  /** null when the model has no such cell. */
  readonly value: ReportValue | null;
  /** formatValue(value); 'not available' when there is no cell. */
  readonly text: string;
}

/**
 * The headline results the CLI closes with, read from the report model by table id, row key and column id
 * (never from labels or printed text), so the summary is exactly what the tables hold: the objective
 * response and disease control rates of the primary evaluator with their exact CIs, and the Kaplan-Meier
 * median of each time-to-event endpoint of the analysis plan.
 */
export function keyResults(model: ReportModel, protocol: ProtocolDefinition): KeyResult[] {
  const evaluator = primaryEvaluator(protocol);
  const column = evaluatorColumnId(evaluator);
  const { scale } = protocol.response;
  const pick = (id: string, label: string, tableId: string, rowKey: string, columnId: string): KeyResult => {
    const value = findCell(model, tableId, rowKey, columnId)?.value ?? null;
    return Object.freeze({ id, label, tableId, rowKey, columnId, value, text: value === null ? 'not available' : formatValue(value) });
  };
  return [
    pick('orr', `Overall response rate, ${scale.responderLabel} (${evaluator.label})`, 't-response-rate', 'orr:rate', column),
    pick('dcr', `Disease control rate, ${scale.diseaseControlLabel} (${evaluator.label})`, 't-response-rate', 'dcr:rate', column),
    ...protocol.analysisPlan.timeToEventEndpoints.map((spec) => {
      const label = protocol.endpoints.find((e) => e.paramcd === spec.paramcd)?.label ?? spec.paramcd;
      return pick(`median:${spec.paramcd}`, `Median ${label}, months`, `t-${spec.paramcd.toLowerCase()}`, 'median', 'overall');
    }),
  ];
}
