import type { AdrsRow, AdslRow, ResponseCategory } from '../../clinical/index.js';
import { analysisPopulation } from './analysisPopulation.js';
import { bestResponses } from './bestResponse.js';
import type { DiseaseMeasurementRow } from './reportDatasets.js';
import { reportFigure, type ReportFigure } from './reportFigure.js';

export interface WaterfallBar {
  readonly USUBJID: string;
  /** The subject's primary parameter (first of the protocol's list with a baseline above 0). */
  readonly parameter: string;
  readonly baseline: number;
  /** Lowest post-baseline value relative to baseline, in percent (negative = reduction). */
  readonly bestPercentChange: number;
  readonly bestResponse: ResponseCategory;
}

export interface WaterfallData {
  /** Sorted from the largest increase to the largest reduction. */
  readonly bars: readonly WaterfallBar[];
  /** FAS subjects with no measurable baseline or no post-baseline value of their primary parameter. */
  readonly notShown: readonly string[];
}

export type WaterfallFigure = ReportFigure<'waterfall', WaterfallData>;

/**
 * Waterfall data: each subject's best percentage change from baseline of the primary M-protein parameter.
 * Baseline is the last value on or before study day 1; post-baseline values are after it.
 */
export function createWaterfallFigure(
  adsl: readonly AdslRow[],
  adrs: readonly AdrsRow[],
  measurements: readonly DiseaseMeasurementRow[],
  parameters: readonly string[],
): WaterfallFigure {
  const fas = analysisPopulation(adsl, 'FASFL');
  const bor = bestResponses(adrs, 'IRC', fas.ids);
  const bySubject = new Map<string, DiseaseMeasurementRow[]>();
  for (const m of measurements) {
    if (!fas.ids.has(m.USUBJID)) continue;
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
      const series = rows.filter((r) => r.PARAMCD === parameter).sort((a, b) => a.ADY - b.ADY);
      const baseline = series.filter((r) => r.ADY <= 1).at(-1);
      if (baseline === undefined || !(baseline.AVAL > 0)) continue;
      const post = series.filter((r) => r.ADY > 1);
      if (post.length === 0) break;
      const lowest = Math.min(...post.map((r) => r.AVAL));
      bar = Object.freeze({
        USUBJID: subject.USUBJID,
        parameter,
        baseline: baseline.AVAL,
        bestPercentChange: ((lowest - baseline.AVAL) / baseline.AVAL) * 100,
        bestResponse: bor.get(subject.USUBJID)?.AVALC ?? 'NE',
      });
      break;
    }
    if (bar === null) notShown.push(subject.USUBJID);
    else bars.push(bar);
  }
  bars.sort((a, b) => b.bestPercentChange - a.bestPercentChange || a.USUBJID.localeCompare(b.USUBJID));
  return reportFigure({
    figureKind: 'waterfall',
    id: 'f-waterfall',
    title: 'Best percentage change from baseline in the primary M-protein parameter',
    population: fas.population,
    data: Object.freeze({ bars: Object.freeze(bars), notShown: Object.freeze(notShown.sort()) }),
    footnotes: [`Primary parameter: the first of ${parameters.join(', ')} with a baseline value above 0. Bars coloured by IRC best response.`],
  });
}
