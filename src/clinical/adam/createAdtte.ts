import type { Issue } from '../../result/index.js';
import { issue } from '../../result/index.js';
import type { TrialData } from '../crf/index.js';
import { daysToMonths, formatIsoDate } from '../dates/index.js';
import type { DayNumber } from '../dates/index.js';
import type { EndpointDefinition, ProtocolDefinition } from '../protocol/index.js';
import type { AdrsRow } from './createAdrs.js';
import type { AdslRow } from './createAdsl.js';
import type { Derivation } from './derivation.js';
import { dayOf, finishDerivation, readDate } from './derivation.js';
import { censoringDescriptions, progressionOutcome, type AssessmentSchedule } from './endpointRules.js';

export interface AdtteRow {
  readonly STUDYID: string;
  readonly USUBJID: string;
  /** A PARAMCD of the protocol's endpoints, e.g. 'PFS', 'PFSINV', 'OS'. */
  readonly PARAMCD: string;
  readonly PARAM: string;
  /** Whose response assessments the endpoint uses (null for OS, treatment duration, follow-up). */
  readonly EVALUATOR: string | null;
  readonly STARTDT: string;
  readonly ADT: string;
  /** Days from STARTDT to ADT, counting both (ADT - STARTDT + 1). */
  readonly AVAL: number;
  /** AVAL in months, days / (365.25 / 12). */
  readonly AVALM: number;
  /** 0 = event, >= 1 = censored (reason codes in CENSORING for PFS/DoR). */
  readonly CNSR: number;
  readonly EVNTDESC: string | null;
  readonly CNSDTDSC: string | null;
}

function makeRow(
  adsl: AdslRow,
  endpoint: EndpointDefinition,
  start: DayNumber,
  end: DayNumber,
  cnsr: number,
  eventDescription: string | null,
  censoringDescription: string | null,
): AdtteRow {
  const days = end - start + 1;
  return {
    STUDYID: adsl.STUDYID,
    USUBJID: adsl.USUBJID,
    PARAMCD: endpoint.paramcd,
    PARAM: `${endpoint.label} (days)`,
    EVALUATOR: endpoint.evaluator ?? null,
    STARTDT: formatIsoDate(start),
    ADT: formatIsoDate(end),
    AVAL: days,
    AVALM: daysToMonths(days),
    CNSR: cnsr,
    EVNTDESC: cnsr === 0 ? eventDescription : null,
    CNSDTDSC: cnsr === 0 ? null : censoringDescription,
  };
}

/** ADRS rows by subject and evaluator, built once: scanning all of ADRS per subject made ADTTE quadratic. */
function groupAdrs(adrs: readonly AdrsRow[]): ReadonlyMap<string, readonly AdrsRow[]> {
  const groups = new Map<string, AdrsRow[]>();
  for (const row of adrs) {
    const key = `${row.USUBJID}\u0000${row.EVALUATOR}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [row]);
    else group.push(row);
  }
  return groups;
}

interface ProgressionContext {
  readonly schedule: AssessmentSchedule;
  readonly descriptions: Readonly<Record<number, string>>;
  readonly notEvaluable: string;
  readonly responderLabel: string;
}

function progressionRow(adsl: AdslRow, endpoint: EndpointDefinition, mine: readonly AdrsRow[], context: ProgressionContext): AdtteRow | null {
  const enrolment = dayOf(adsl.ENRLDT);
  if (enrolment === null) return null;
  const bor = mine.find((row) => row.PARAMCD === 'BOR');
  const adequate = mine
    .filter((row) => row.PARAMCD === 'OVRLRESP' && row.AVALC !== context.notEvaluable)
    .map((row) => dayOf(row.ADT))
    .filter((day): day is DayNumber => day !== null);
  const progression = dayOf(bor?.PDDT ?? null);
  const death = dayOf(adsl.DTHDT);
  const newTherapy = dayOf(adsl.NTRTDT);
  const firstResponse = bor?.RSPFL === 'Y' ? dayOf(bor.RSPDT) : null;
  switch (endpoint.kind) {
    case 'progression-free-survival': {
      const pfs = progressionOutcome({ origin: enrolment, adequateAssessments: adequate, progression, death, newTherapy }, context.schedule);
      return makeRow(adsl, endpoint, enrolment, pfs.endDay, pfs.cnsr, pfs.event, context.descriptions[pfs.cnsr] ?? null);
    }
    case 'time-to-response':
      return firstResponse === null ? null : makeRow(adsl, endpoint, enrolment, firstResponse, 0, `RESPONSE (${context.responderLabel.toUpperCase()})`, null);
    case 'duration-of-response': {
      if (firstResponse === null) return null;
      const dor = progressionOutcome(
        {
          origin: firstResponse,
          adequateAssessments: adequate.filter((day) => day >= firstResponse),
          progression: progression !== null && progression >= firstResponse ? progression : null,
          death,
          newTherapy: newTherapy !== null && newTherapy >= firstResponse ? newTherapy : null,
        },
        context.schedule,
      );
      return makeRow(adsl, endpoint, firstResponse, dor.endDay, dor.cnsr, dor.event, context.descriptions[dor.cnsr] ?? null);
    }
    default:
      return null;
  }
}

/**
 * ADTTE: the protocol's time-to-event endpoints per enrolled subject, following FDA 2018 (clinical-rules.md
 * section 6) with the protocol's assessment schedule.
 * - progression-free survival: enrolment to progression (by the endpoint's evaluator) or death;
 * - duration of response: responders only, first confirmed response to progression or death, same rules;
 * - time to response: responders only, enrolment to first response (always an event);
 * - overall survival: enrolment to death; censored at the last date known alive;
 * - follow-up: the OS times with the status reversed (Schemper & Smith 1996): censoring is the event;
 * - treatment duration: first to last dose; event = treatment ended on or before the cutoff, censored while
 *   ongoing (at the last dose recorded).
 */
export function createAdtte(trial: TrialData, protocol: ProtocolDefinition, adsl: readonly AdslRow[], adrs: readonly AdrsRow[]): Derivation<AdtteRow> {
  const adrsBySubject = groupAdrs(adrs);
  const issues: Issue[] = [];
  const cutoff = readDate(trial.dataCutoffDate, ['dataCutoffDate'], issues);
  if (cutoff === null) return finishDerivation([], issues);
  const schedule: AssessmentSchedule = {
    intervalDays: protocol.schedule.responseAssessmentEveryDays,
    windowDays: protocol.schedule.responseAssessmentWindowDays,
    missedAssessments: protocol.censoring.missedAssessments,
  };
  const context: ProgressionContext = {
    schedule,
    descriptions: censoringDescriptions(protocol.censoring.newTherapyLabel, protocol.censoring.missedAssessments),
    notEvaluable: protocol.response.scale.notEvaluable,
    responderLabel: protocol.response.scale.responderLabel,
  };
  const rows: AdtteRow[] = [];
  adsl.forEach((subject, index) => {
    if (subject.ENRLFL !== 'Y') return;
    const enrolment = dayOf(subject.ENRLDT);
    if (enrolment === null) return;
    const death = dayOf(subject.DTHDT);
    const lastAlive = dayOf(subject.LSTALVDT) ?? enrolment;
    const osEnd = death ?? lastAlive;
    const osCnsr = death === null ? 1 : 0;
    for (const endpoint of protocol.endpoints) {
      switch (endpoint.kind) {
        case 'progression-free-survival':
        case 'duration-of-response':
        case 'time-to-response': {
          const mine = adrsBySubject.get(`${subject.USUBJID}\u0000${endpoint.evaluator ?? ''}`) ?? [];
          const row = progressionRow(subject, endpoint, mine, context);
          if (row !== null) rows.push(row);
          break;
        }
        case 'overall-survival':
          rows.push(makeRow(subject, endpoint, enrolment, osEnd, osCnsr, 'DEATH', 'LAST KNOWN ALIVE'));
          break;
        case 'follow-up':
          rows.push(makeRow(subject, endpoint, enrolment, osEnd, osCnsr === 0 ? 1 : 0, 'CENSORED FOR OS (STILL IN FOLLOW-UP)', 'DEATH'));
          break;
        case 'treatment-duration': {
          const first = dayOf(subject.TRTSDT);
          const last = dayOf(subject.TRTEDT);
          if (first === null || last === null) break;
          if (last < first) {
            issues.push(issue('last-dose-before-first', ['adsl', index, 'TRTEDT'], subject.TRTEDT, `a date on or after TRTSDT ${subject.TRTSDT ?? ''}`));
            break;
          }
          const ended = subject.EOTSTT === 'DISCONTINUED' || subject.EOTSTT === 'COMPLETED';
          rows.push(makeRow(subject, endpoint, first, last, ended ? 0 : 1, 'END OF TREATMENT', 'ONGOING AT DATA CUTOFF: LAST DOSE'));
          break;
        }
      }
    }
  });
  return finishDerivation(rows, issues);
}
