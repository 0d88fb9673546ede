import type { AdrsRow, AdslRow, AdtteRow, ResponseCategory } from '../../clinical/index.js';
import { daysToMonths, parseIsoDate } from '../../clinical/index.js';
import { analysisPopulation } from './analysisPopulation.js';
import { bestResponses } from './bestResponse.js';
import { population } from './reportTable.js';
import { reportFigure, type ReportFigure } from './reportFigure.js';
import { DEFAULT_SWIMMER_MAX_LANES } from './reportProtocol.js';

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

export interface SwimmerData {
  readonly timeUnit: 'months';
  /** The lanes drawn, longest follow-up first: every responder, or the first `maxLanes` of them. */
  readonly lanes: readonly SwimmerLane[];
  /** IRC responders of the full analysis set (the population's N); more than `lanes.length` when capped. */
  readonly responders: number;
  /** Most lanes the figure draws (ReportProtocol.swimmerMaxLanes). */
  readonly maxLanes: number;
}

export type SwimmerFigure = ReportFigure<'swimmer', SwimmerData>;

/** Months from the first dose to a date, day 1 counted (as ADTTE AVALM). */
function monthsFrom(origin: string | null, date: string | null): number | null {
  const a = origin === null ? null : parseIsoDate(origin);
  const b = date === null ? null : parseIsoDate(date);
  return a === null || b === null ? null : daysToMonths(b - a + 1);
}

/** 3512 -> '3,512'. */
function thousands(n: number): string {
  return n.toLocaleString('en-US');
}

/**
 * Swimmer plot data (paper Fig. 3): one lane per IRC responder of the full analysis set, with the
 * treatment period, the response at each assessment where it changed, first response, progression,
 * death and whether treatment is ongoing. Lanes sorted by follow-up, longest first (ties by USUBJID).
 * With more than `maxLanes` responders only the first `maxLanes` lanes of that order are kept (those
 * with the longest follow-up), and a footnote says so and where every responder is listed.
 */
export function createSwimmerFigure(
  adsl: readonly AdslRow[],
  adrs: readonly AdrsRow[],
  adtte: readonly AdtteRow[],
  maxLanes: number = DEFAULT_SWIMMER_MAX_LANES,
): SwimmerFigure {
  const fas = analysisPopulation(adsl, 'FASFL');
  const bor = bestResponses(adrs, 'IRC', fas.ids);
  const byId = new Map(fas.rows.map((r) => [r.USUBJID, r]));
  // Indexed once: a scan of ADTTE and ADRS per responder made the figure quadratic in the trial's size.
  const tteByKey = new Map<string, AdtteRow>();
  for (const r of adtte) {
    const key = `${r.USUBJID}\u0000${r.PARAMCD}`;
    if (!tteByKey.has(key)) tteByKey.set(key, r);
  }
  const tte = (id: string, paramcd: string) => tteByKey.get(`${id}\u0000${paramcd}`);
  const ircVisits = new Map<string, AdrsRow[]>();
  for (const r of adrs) {
    if (r.EVALUATOR !== 'IRC' || r.PARAMCD !== 'OVRLRESP' || r.ADY === null) continue;
    const list = ircVisits.get(r.USUBJID);
    if (list === undefined) ircVisits.set(r.USUBJID, [r]);
    else list.push(r);
  }
  const lanes: SwimmerLane[] = [];
  for (const [id, best] of bor) {
    if (best.RSPFL !== 'Y') continue;
    const subject = byId.get(id);
    if (subject === undefined) continue;
    const origin = subject.TRTSDT ?? subject.ENRLDT;
    const visits = (ircVisits.get(id) ?? []).sort((a, b) => (a.ADY ?? 0) - (b.ADY ?? 0));
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
  const responders = lanes.length;
  const cap = Math.max(1, Math.floor(maxLanes));
  const shown = lanes.slice(0, cap);
  const footnotes =
    shown.length === responders
      ? []
      : [
          `${thousands(shown.length)} of ${thousands(responders)} responders shown (at most ${thousands(cap)} lanes): those with the longest follow-up, ties by subject id. ` +
            `All ${thousands(responders)} responders are listed in the best-response table ` +
            `(row 'Overall response (PR or better)', IRC column; tables/t-best-response.csv, column irc_subjects), each with their derived records in the subject profiles of the HTML report.`,
        ];
  return reportFigure({
    figureKind: 'swimmer',
    id: 'f-swimmer',
    title: 'Treatment response over time in patients with partial response or better (IRC)',
    population: population('Responders (IRC) in the full analysis set', 'FASFL', responders),
    data: Object.freeze({ timeUnit: 'months' as const, lanes: Object.freeze(shown), responders, maxLanes: cap }),
    footnotes,
    paperReference: 'Fig. 3',
  });
}
