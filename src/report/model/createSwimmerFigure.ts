import type { AdrsRow, AdslRow, AdtteRow, ResponseCategory } from '../../clinical/index.js';
import { daysToMonths, parseIsoDate } from '../../clinical/index.js';
import { analysisPopulation } from './analysisPopulation.js';
import { bestResponses } from './bestResponse.js';
import { population } from './reportTable.js';
import { reportFigure, type ReportFigure } from './reportFigure.js';

export interface SwimmerLane {
  readonly USUBJID: string;
  readonly bestResponse: ResponseCategory;
  /** First to last dose, months (ADTTE TRTDUR). */
  readonly treatmentMonths: number | null;
  /** Enrolment to death or last known alive, months (ADTTE OS): the lane's length. */
  readonly followUpMonths: number | null;
  /** Response at each assessment where it changed (months from the first dose, day 1 = 1 day). */
  readonly responseChanges: readonly { readonly months: number; readonly category: ResponseCategory }[];
  readonly firstResponseMonths: number | null;
  readonly progressionMonths: number | null;
  readonly deathMonths: number | null;
  readonly ongoingTreatment: boolean;
}

export type SwimmerFigure = ReportFigure<'swimmer', { readonly timeUnit: 'months'; readonly lanes: readonly SwimmerLane[] }>;

/** Months from the first dose to a date, day 1 counted (as ADTTE AVALM). */
function monthsFrom(origin: string | null, date: string | null): number | null {
  const a = origin === null ? null : parseIsoDate(origin);
  const b = date === null ? null : parseIsoDate(date);
  return a === null || b === null ? null : daysToMonths(b - a + 1);
}

/**
 * Swimmer plot data (paper Fig. 3): one lane per IRC responder of the full analysis set, with the
 * treatment period, the response at each assessment where it changed, first response, progression,
 * death and whether treatment is ongoing. Lanes sorted by follow-up, longest first.
 */
export function createSwimmerFigure(adsl: readonly AdslRow[], adrs: readonly AdrsRow[], adtte: readonly AdtteRow[]): SwimmerFigure {
  const fas = analysisPopulation(adsl, 'FASFL');
  const bor = bestResponses(adrs, 'IRC', fas.ids);
  const byId = new Map(fas.rows.map((r) => [r.USUBJID, r]));
  const tte = (id: string, paramcd: string) => adtte.find((r) => r.USUBJID === id && r.PARAMCD === paramcd);
  const lanes: SwimmerLane[] = [];
  for (const [id, best] of bor) {
    if (best.RSPFL !== 'Y') continue;
    const subject = byId.get(id);
    if (subject === undefined) continue;
    const origin = subject.TRTSDT ?? subject.ENRLDT;
    const visits = adrs
      .filter((r) => r.USUBJID === id && r.EVALUATOR === 'IRC' && r.PARAMCD === 'OVRLRESP' && r.ADY !== null)
      .sort((a, b) => (a.ADY ?? 0) - (b.ADY ?? 0));
    const changes: { months: number; category: ResponseCategory }[] = [];
    for (const visit of visits) {
      if (changes.length > 0 && changes[changes.length - 1].category === visit.AVALC) continue;
      changes.push(Object.freeze({ months: daysToMonths(visit.ADY ?? 0), category: visit.AVALC }));
    }
    lanes.push(
      Object.freeze({
        USUBJID: id,
        bestResponse: best.AVALC,
        treatmentMonths: tte(id, 'TRTDUR')?.AVALM ?? null,
        followUpMonths: tte(id, 'OS')?.AVALM ?? null,
        responseChanges: Object.freeze(changes),
        firstResponseMonths: monthsFrom(origin, best.RSPDT),
        progressionMonths: monthsFrom(origin, best.PDDT),
        deathMonths: monthsFrom(origin, subject.DTHDT),
        ongoingTreatment: subject.EOTSTT === 'ONGOING',
      }),
    );
  }
  lanes.sort((a, b) => (b.followUpMonths ?? 0) - (a.followUpMonths ?? 0) || a.USUBJID.localeCompare(b.USUBJID));
  return reportFigure({
    figureKind: 'swimmer',
    id: 'f-swimmer',
    title: 'Treatment response over time in patients with partial response or better (IRC)',
    population: population('Responders (IRC) in the full analysis set', 'FASFL', lanes.length),
    data: Object.freeze({ timeUnit: 'months' as const, lanes: Object.freeze(lanes) }),
    paperReference: 'Fig. 3',
  });
}
