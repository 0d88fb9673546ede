import { populationPhrase } from './populationPhrase.js';
import type { AdamDatasets, AdtteRow, ProtocolDefinition } from '../../clinical/index.js';
import { daysToMonths, parseIsoDate } from '../../clinical/index.js';
import { formatThousands } from '../format/index.js';
import { efficacyPopulation } from './analysisPopulation.js';
import { bestResponses } from './bestResponse.js';
import { figureScale, type FigureScale } from './figureScale.js';
import { endpointOfKind, evaluatorColumnId, paperReference, primaryEvaluator } from './protocolTerms.js';
import { population } from './reportTable.js';
import { reportFigure, type ReportFigure } from './reportFigure.js';
import { groupRows } from './groupRows.js';

export interface SwimmerLane {
  readonly USUBJID: string;
  readonly bestResponse: string;
  /** First to last dose, months (the protocol's treatment-duration endpoint). */
  readonly treatmentMonths: number | null;
  /** Enrolment to death or last known alive, months (the overall-survival endpoint): the lane's length. */
  readonly followUpMonths: number | null;
  /** Response at each assessment where it changed (months from the first dose, day 1 = 1 day). */
  readonly responseChanges: readonly { readonly months: number; readonly category: string }[];
  readonly firstResponseMonths: number | null;
  readonly progressionMonths: number | null;
  readonly deathMonths: number | null;
  readonly ongoingTreatment: boolean;
}

export interface SwimmerData {
  readonly timeUnit: 'months';
  /** The evaluator whose responses are drawn (its label). */
  readonly evaluator: string;
  readonly scale: FigureScale;
  /** The lanes drawn, longest follow-up first: every responder, or the first `maxLanes` of them. */
  readonly lanes: readonly SwimmerLane[];
  /** Responders of the efficacy population (the population's N); more than `lanes.length` when capped. */
  readonly responders: number;
  /** Most lanes the figure draws (AnalysisPlan.swimmerMaxLanes). */
  readonly maxLanes: number;
}

export type SwimmerFigure = ReportFigure<'swimmer', SwimmerData>;

/** Months from the first dose to a date, day 1 counted (as ADTTE AVALM). */
function monthsFrom(origin: string | null, date: string | null): number | null {
  const a = origin === null ? null : parseIsoDate(origin);
  const b = date === null ? null : parseIsoDate(date);
  return a === null || b === null ? null : daysToMonths(b - a + 1);
}

/**
 * Swimmer plot data: one lane per responder (primary evaluator) of the efficacy population, with the
 * treatment period, the response at each assessment where it changed, first response, progression, death
 * and whether treatment is ongoing. Lanes sorted by follow-up, longest first (ties by USUBJID). With more
 * than the plan's swimmerMaxLanes responders only that many lanes of that order are kept (those with the
 * longest follow-up), and a footnote says so and where every responder is listed.
 */
export function createSwimmerFigure(datasets: Pick<AdamDatasets, 'adsl' | 'adrs' | 'adtte'>, protocol: ProtocolDefinition, maxLanes: number = protocol.analysisPlan.swimmerMaxLanes): SwimmerFigure {
  const { adrs, adtte } = datasets;
  const fas = efficacyPopulation(datasets.adsl, protocol);
  const evaluator = primaryEvaluator(protocol);
  const bor = bestResponses(adrs, evaluator.id, fas.ids);
  const byId = new Map(fas.rows.map((r) => [r.USUBJID, r]));
  const treatmentParam = endpointOfKind(protocol, 'treatment-duration')?.paramcd;
  const survivalParam = endpointOfKind(protocol, 'overall-survival')?.paramcd;
  // Indexed once: a scan of ADTTE and ADRS per responder made the figure quadratic in the trial's size.
  const tteByKey = new Map<string, AdtteRow>();
  for (const r of adtte) {
    const key = `${r.USUBJID}\u0000${r.PARAMCD}`;
    if (!tteByKey.has(key)) tteByKey.set(key, r);
  }
  const tte = (id: string, paramcd: string | undefined) => (paramcd === undefined ? undefined : tteByKey.get(`${id}\u0000${paramcd}`));
  const visitsOf = groupRows(adrs, (r) => (r.EVALUATOR !== evaluator.id || r.PARAMCD !== 'OVRLRESP' || r.ADY === null ? null : r.USUBJID));
  const lanes: SwimmerLane[] = [];
  for (const [id, best] of bor) {
    if (best.RSPFL !== 'Y') continue;
    const subject = byId.get(id);
    if (subject === undefined) continue;
    const origin = subject.TRTSDT ?? subject.ENRLDT;
    const visits = (visitsOf.get(id) ?? []).sort((a, b) => (a.ADY ?? 0) - (b.ADY ?? 0));
    const changes: { months: number; category: string }[] = [];
    for (const visit of visits) {
      if (changes.length > 0 && changes[changes.length - 1].category === visit.AVALC) continue;
      changes.push(Object.freeze({ months: daysToMonths(visit.ADY ?? 0), category: visit.AVALC }));
    }
    lanes.push(
      Object.freeze({
        USUBJID: id,
        bestResponse: best.AVALC,
        treatmentMonths: tte(id, treatmentParam)?.AVALM ?? null,
        followUpMonths: tte(id, survivalParam)?.AVALM ?? null,
        responseChanges: Object.freeze(changes),
        firstResponseMonths: monthsFrom(origin, best.RSPDT),
        progressionMonths: monthsFrom(origin, best.PDDT),
        deathMonths: monthsFrom(origin, subject.DTHDT),
        ongoingTreatment: subject.EOTSTT === 'ONGOING',
      }),
    );
  }
  lanes.sort((a, b) => (b.followUpMonths ?? 0) - (a.followUpMonths ?? 0) || a.USUBJID.localeCompare(b.USUBJID));
  const responders = lanes.length;
  const cap = Math.max(1, Math.floor(maxLanes));
  const shown = lanes.slice(0, cap);
  const footnotes =
    shown.length === responders
      ? []
      : [
          `${formatThousands(shown.length)} of ${formatThousands(responders)} responders shown (at most ${formatThousands(cap)} lanes): those with the longest follow-up, ties by subject id. ` +
            `All ${formatThousands(responders)} responders are listed in the best-response table ` +
            `(row key 'orr', column '${evaluatorColumnId(evaluator)}'; tables/t-best-response.csv, column ${evaluatorColumnId(evaluator)}_subjects), each with their derived records in the subject profiles of the HTML report.`,
        ];
  const { scale } = protocol.response;
  return reportFigure({
    figureKind: 'swimmer',
    id: 'f-swimmer',
    title: `Treatment response over time in responders (${scale.responderLabel}, ${evaluator.label})`,
    population: population(`Responders (${evaluator.label}) in the ${populationPhrase(fas.population.name)}`, fas.population.flag, responders),
    data: Object.freeze({ timeUnit: 'months' as const, evaluator: evaluator.label, scale: figureScale(scale), lanes: Object.freeze(shown), responders, maxLanes: cap }),
    footnotes,
    paperReference: paperReference(protocol, 'f-swimmer'),
  });
}
