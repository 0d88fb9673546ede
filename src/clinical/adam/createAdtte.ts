import type { Issue } from '../../result/index.js';
import { issue } from '../../result/index.js';
import type { TrialData } from '../crf/index.js';
import { daysToMonths, formatIsoDate } from '../dates/index.js';
import type { DayNumber } from '../dates/index.js';
import type { AdrsEvaluator, AdrsRow } from './createAdrs.js';
import type { AdslRow } from './createAdsl.js';
import type { Derivation } from './derivation.js';
import { dayOf, finishDerivation, readDate } from './derivation.js';
import { CENSORING_DESCRIPTIONS, progressionOutcome } from './endpointRules.js';

export type AdttParamcd =
  | 'PFS'
  | 'PFSINV'
  | 'DOR'
  | 'DORINV'
  | 'TTR'
  | 'TTRINV'
  | 'OS'
  | 'TRTDUR'
  | 'FOLLOWUP';

export interface AdtteRow {
  readonly STUDYID: string;
  readonly USUBJID: string;
  readonly PARAMCD: AdttParamcd;
  readonly PARAM: string;
  /** Whose response assessments the endpoint uses (null for OS, treatment duration, follow-up). */
  readonly EVALUATOR: AdrsEvaluator | null;
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

const PARAMS: Readonly<Record<AdttParamcd, string>> = Object.freeze({
  PFS: 'Progression-Free Survival by IRC (days)',
  PFSINV: 'Progression-Free Survival by Investigator (days)',
  DOR: 'Duration of Response by IRC (days)',
  DORINV: 'Duration of Response by Investigator (days)',
  TTR: 'Time to Response by IRC (days)',
  TTRINV: 'Time to Response by Investigator (days)',
  OS: 'Overall Survival (days)',
  TRTDUR: 'Duration of Treatment (days)',
  FOLLOWUP: 'Follow-up, reverse Kaplan-Meier (days)',
});

function makeRow(
  adsl: AdslRow,
  paramcd: AdttParamcd,
  evaluator: AdrsEvaluator | null,
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
    PARAMCD: paramcd,
    PARAM: PARAMS[paramcd],
    EVALUATOR: evaluator,
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

function progressionRows(adsl: AdslRow, evaluator: AdrsEvaluator, adrsBySubject: ReadonlyMap<string, readonly AdrsRow[]>): AdtteRow[] {
  const enrolment = dayOf(adsl.ENRLDT);
  if (enrolment === null) return [];
  const mine = adrsBySubject.get(`${adsl.USUBJID}\u0000${evaluator}`) ?? [];
  const bor = mine.find((row) => row.PARAMCD === 'BOR');
  const adequate = mine
    .filter((row) => row.PARAMCD === 'OVRLRESP' && row.AVALC !== 'NE')
    .map((row) => dayOf(row.ADT))
    .filter((day): day is DayNumber => day !== null);
  const progression = dayOf(bor?.PDDT ?? null);
  const death = dayOf(adsl.DTHDT);
  const newTherapy = dayOf(adsl.NTRTDT);
  const suffix = evaluator === 'IRC' ? '' : 'INV';
  const rows: AdtteRow[] = [];

  const pfs = progressionOutcome({ origin: enrolment, adequateAssessments: adequate, progression, death, newTherapy });
  rows.push(
    makeRow(adsl, `PFS${suffix}` as AdttParamcd, evaluator, enrolment, pfs.endDay, pfs.cnsr, pfs.event, CENSORING_DESCRIPTIONS[pfs.cnsr] ?? null),
  );

  const firstResponse = bor?.RSPFL === 'Y' ? dayOf(bor.RSPDT) : null;
  if (firstResponse !== null) {
    rows.push(makeRow(adsl, `TTR${suffix}` as AdttParamcd, evaluator, enrolment, firstResponse, 0, 'RESPONSE (PR OR BETTER)', null));
    const dor = progressionOutcome({
      origin: firstResponse,
      adequateAssessments: adequate.filter((day) => day >= firstResponse),
      progression: progression !== null && progression >= firstResponse ? progression : null,
      death,
      newTherapy: newTherapy !== null && newTherapy >= firstResponse ? newTherapy : null,
    });
    rows.push(
      makeRow(adsl, `DOR${suffix}` as AdttParamcd, evaluator, firstResponse, dor.endDay, dor.cnsr, dor.event, CENSORING_DESCRIPTIONS[dor.cnsr] ?? null),
    );
  }
  return rows;
}

/**
 * ADTTE: time-to-event endpoints per enrolled subject, following FDA 2018 (clinical-rules.md section 6).
 * - PFS (IRC; PFSINV investigator): enrolment to progression or death; censoring rules in endpointRules.
 * - DOR: responders only, first confirmed response (PR or better) to progression or death, same rules.
 * - TTR: responders only, enrolment to first response (always an event).
 * - OS: enrolment to death; censored at the last date known alive.
 * - FOLLOWUP: the OS times with the status reversed (Schemper & Smith 1996): censoring is the event.
 * - TRTDUR: first to last dose; event = treatment ended on or before the cutoff, censored while ongoing
 *   (at the last dose recorded).
 */
export function createAdtte(trial: TrialData, adsl: readonly AdslRow[], adrs: readonly AdrsRow[]): Derivation<AdtteRow> {
  const adrsBySubject = groupAdrs(adrs);
  const issues: Issue[] = [];
  const cutoff = readDate(trial.dataCutoffDate, ['dataCutoffDate'], issues);
  if (cutoff === null) return finishDerivation([], issues);
  const rows: AdtteRow[] = [];
  adsl.forEach((subject, index) => {
    if (subject.ITTFL !== 'Y') return;
    const enrolment = dayOf(subject.ENRLDT);
    if (enrolment === null) return;
    rows.push(...progressionRows(subject, 'IRC', adrsBySubject), ...progressionRows(subject, 'INVESTIGATOR', adrsBySubject));

    const death = dayOf(subject.DTHDT);
    const lastAlive = dayOf(subject.LSTALVDT) ?? enrolment;
    const osEnd = death ?? lastAlive;
    const osCnsr = death === null ? 1 : 0;
    rows.push(makeRow(subject, 'OS', null, enrolment, osEnd, osCnsr, 'DEATH', 'LAST KNOWN ALIVE'));
    rows.push(
      makeRow(subject, 'FOLLOWUP', null, enrolment, osEnd, osCnsr === 0 ? 1 : 0, 'CENSORED FOR OS (STILL IN FOLLOW-UP)', 'DEATH'),
    );

    const first = dayOf(subject.TRTSDT);
    const last = dayOf(subject.TRTEDT);
    if (first !== null && last !== null) {
      if (last < first) {
        issues.push(issue('last-dose-before-first', ['adsl', index, 'TRTEDT'], subject.TRTEDT, `a date on or after TRTSDT ${subject.TRTSDT ?? ''}`));
      } else {
        const ended = subject.EOTSTT === 'DISCONTINUED' || subject.EOTSTT === 'COMPLETED';
        rows.push(makeRow(subject, 'TRTDUR', null, first, last, ended ? 0 : 1, 'END OF TREATMENT', 'ONGOING AT DATA CUTOFF: LAST DOSE'));
      }
    }
  });
  return finishDerivation(rows, issues);
}
