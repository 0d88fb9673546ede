import type { AdamDatasets, AdtrRow, ProtocolDefinition, WaterfallReferenceLine } from '../../clinical/index.js';
import { efficacyPopulation } from './analysisPopulation.js';
import { bestCode, bestResponses } from './bestResponse.js';
import { figureScale, type FigureScale } from './figureScale.js';
import { paperReference, primaryEvaluator } from './protocolTerms.js';
import { reportFigure, type ReportFigure } from './reportFigure.js';

export interface WaterfallBar {
  readonly USUBJID: string;
  /** The subject's primary parameter (ADTR PARAMCD: the first of the protocol's parameters with a baseline above 0). */
  readonly parameter: string;
  readonly baseline: number;
  /** Lowest post-baseline value relative to baseline, in percent (negative = reduction). */
  readonly bestPercentChange: number;
  /** Best confirmed response of the primary evaluator (a code of the scale). */
  readonly bestResponse: string;
}

export interface WaterfallData {
  readonly evaluator: string;
  readonly scale: FigureScale;
  /** The parameters in order of preference, with their labels and units. */
  readonly parameters: readonly { readonly code: string; readonly label: string; readonly unit: string }[];
  /** Dashed guide lines (the plan's waterfallReferenceLines). */
  readonly referenceLines: readonly WaterfallReferenceLine[];
  /** Sorted from the largest increase to the largest reduction. */
  readonly bars: readonly WaterfallBar[];
  /** Efficacy-population subjects with no measurable baseline or no post-baseline value of their primary parameter. */
  readonly notShown: readonly string[];
}

export type WaterfallFigure = ReportFigure<'waterfall', WaterfallData>;

/**
 * Waterfall data from ADTR: each subject's best percentage change from baseline of their primary
 * measurement (the primary evaluator's rows; the first of the response binding's parameters, in its order,
 * with a baseline above 0). Baseline is ADTR's baseline record (the last value on or before the first
 * dose); post-baseline values are those after study day 1.
 */
export function createWaterfallFigure(datasets: Pick<AdamDatasets, 'adsl' | 'adrs' | 'adtr'>, protocol: ProtocolDefinition): WaterfallFigure {
  const fas = efficacyPopulation(datasets.adsl, protocol);
  const evaluator = primaryEvaluator(protocol);
  const { scale, parameters } = protocol.response;
  const bor = bestResponses(datasets.adrs, evaluator.id, fas.ids);
  const bySubject = new Map<string, AdtrRow[]>();
  for (const m of datasets.adtr) {
    if (m.EVALUATOR !== evaluator.id || !fas.ids.has(m.USUBJID)) continue;
    const list = bySubject.get(m.USUBJID);
    if (list === undefined) bySubject.set(m.USUBJID, [m]);
    else list.push(m);
  }
  const bars: WaterfallBar[] = [];
  const notShown: string[] = [];
  for (const subject of fas.rows) {
    const rows = bySubject.get(subject.USUBJID) ?? [];
    let bar: WaterfallBar | null = null;
    for (const parameter of parameters) {
      const series = rows.filter((r) => r.PARAMCD === parameter.code);
      const baseline = series.find((r) => r.ABLFL === 'Y');
      if (baseline === undefined || !(baseline.AVAL > 0)) continue;
      const post = series.filter((r) => r.ADY > 1);
      if (post.length === 0) break;
      let lowest = post[0].AVAL;
      for (const r of post) if (r.AVAL < lowest) lowest = r.AVAL;
      bar = Object.freeze({
        USUBJID: subject.USUBJID,
        parameter: parameter.code,
        baseline: baseline.AVAL,
        bestPercentChange: ((lowest - baseline.AVAL) / baseline.AVAL) * 100,
        bestResponse: bestCode(bor, subject.USUBJID, scale),
      });
      break;
    }
    if (bar === null) notShown.push(subject.USUBJID);
    else bars.push(bar);
  }
  bars.sort((a, b) => b.bestPercentChange - a.bestPercentChange || a.USUBJID.localeCompare(b.USUBJID));
  const names = parameters.map((p) => p.label);
  return reportFigure({
    figureKind: 'waterfall',
    id: 'f-waterfall',
    title: `Best percentage change from baseline in the primary measurement (${evaluator.label})`,
    population: fas.population,
    data: Object.freeze({
      evaluator: evaluator.label,
      scale: figureScale(scale),
      parameters: Object.freeze(parameters.map((p) => Object.freeze({ code: p.code, label: p.label, unit: p.unit }))),
      referenceLines: Object.freeze((protocol.analysisPlan.waterfallReferenceLines ?? []).map((line) => Object.freeze({ percentChange: line.percentChange, label: line.label }))),
      bars: Object.freeze(bars),
      notShown: Object.freeze(notShown.sort()),
    }),
    footnotes: [
      `Primary measurement: the first of ${names.join(', ')} with a baseline value above 0. Bars coloured by the best response (${evaluator.label}, ${scale.name}).`,
    ],
    paperReference: paperReference(protocol, 'f-waterfall'),
  });
}
