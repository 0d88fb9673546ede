import type { ProtocolDefinition } from '../../clinical/index.js';
import { EVALUATOR_TERMS } from '../sdtm/index.js';
import type { XptValue } from '../xpt/index.js';

/**
 * Traceability of ADaM BDS records (ADaMIG 1.3 section 3.3.9, SRCDOM/SRCVAR/SRCSEQ and ASEQ): each record names
 * the one record its analysis value comes from, when there is one.
 * - ADLB: the LB record of the result (LBSTRESN), matched on subject, test, date, laboratory and value.
 * - ADRS (per assessment): the RS record of the call recorded on the form that day by the same evaluator
 *   (RSORRES, which RECCALL holds); AVALC itself is derived from that day's measurements (several TR or LB
 *   records), so a derived response with no recorded call, and the best overall response, have none.
 * - ADTTE: the ADRS record of the assessment dated ADT for an endpoint read from an evaluator's assessments
 *   (progression, response, last adequate assessment), else the ADSL date ADT equals (DTHDT for a death,
 *   LSTALVDT, TRTEDT, TRTSDT, ENRLDT, DCUTDT; a follow-up time censored at death points at DTHDT too); null when
 *   none does.
 * - ADCM (OCCDS): the CM record of the agent (CMSEQ, CMGRPID, CMTRT, CMCAT as SDTM has them), matched on subject,
 *   subsequent-therapy number (CMGRPID SUBSEQUENT n) and agent.
 * Rows are the datasets' own (ISO dates), before they become XPT cells.
 */

type Row = Readonly<Record<string, XptValue | undefined>>;
type MutableRow = Record<string, unknown>;

export interface SdtmSourceRows {
  readonly LB: readonly Row[];
  readonly RS: readonly Row[];
  /** CM, whose subsequent-therapy records ADCM copies its identifiers from (absent: ADCM keeps the form's numbers). */
  readonly CM?: readonly Row[];
}

/** ADSL dates an ADTTE date may be, in the order they are tried. */
export const ADTTE_ADSL_SOURCES: readonly string[] = ['DTHDT', 'LSTALVDT', 'TRTEDT', 'TRTSDT', 'ENRLDT', 'DCUTDT'];

const key = (...parts: readonly unknown[]): string => JSON.stringify(parts.map((p) => p ?? null));

/** Queues of --SEQ by key: identical records are matched in their order. */
function queues(rows: readonly Row[], keyOf: (row: Row) => string, seq: string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const row of rows) {
    const value = row[seq];
    if (typeof value !== 'number') continue;
    const k = keyOf(row);
    out.set(k, [...(out.get(k) ?? []), value]);
  }
  return out;
}

function trace(row: MutableRow, domain: string | null, variable: string | null, seq: number | null): void {
  row.SRCDOM = domain;
  row.SRCVAR = variable;
  row.SRCSEQ = seq;
}

/** ASEQ: the record's number within its subject, in the dataset's order. */
export function numberAnalysisRecords(rows: MutableRow[]): void {
  const next = new Map<string, number>();
  for (const row of rows) {
    const n = (next.get(String(row.USUBJID)) ?? 0) + 1;
    next.set(String(row.USUBJID), n);
    row.ASEQ = n;
  }
}

const LAB_NAMES: Readonly<Record<string, string>> = { central: 'CENTRAL LABORATORY', local: 'SITE LABORATORY' };

export function traceAdlb(adlb: MutableRow[], sdtm: SdtmSourceRows): void {
  const lb = queues(sdtm.LB, (r) => key(r.USUBJID, r.LBTESTCD, r.LBDTC, r.LBNAM, r.LBSTRESN), 'LBSEQ');
  for (const row of adlb) {
    const found = lb.get(key(row.USUBJID, row.PARAMCD, row.ADT, LAB_NAMES[String(row.LBSRC)] ?? row.LBSRC, row.AVAL))?.shift();
    trace(row, found === undefined ? null : 'LB', found === undefined ? null : 'LBSTRESN', found ?? null);
  }
}

export function traceAdrs(adrs: MutableRow[], sdtm: SdtmSourceRows, protocol: ProtocolDefinition): void {
  const terms = new Map(protocol.response.evaluators.map((e) => [e.id, EVALUATOR_TERMS[e.recordedBy]]));
  const rs = queues(
    sdtm.RS.filter((r) => r.RSTESTCD === 'OVRLRESP'),
    (r) => key(r.USUBJID, r.RSEVAL, r.RSDTC),
    'RSSEQ',
  );
  for (const row of adrs) {
    const found = row.PARAMCD === 'OVRLRESP' && row.RECCALL !== null && row.RECCALL !== undefined ? rs.get(key(row.USUBJID, terms.get(String(row.EVAL)), row.ADT))?.shift() : undefined;
    trace(row, found === undefined ? null : 'RS', found === undefined ? null : 'RSORRES', found ?? null);
  }
}

export function traceAdtte(adtte: MutableRow[], adrs: readonly MutableRow[], adsl: readonly MutableRow[]): void {
  const assessments = new Map<string, number>();
  for (const row of adrs) if (row.PARAMCD === 'OVRLRESP' && typeof row.ASEQ === 'number') assessments.set(key(row.USUBJID, row.EVAL, row.ADT), row.ASEQ);
  const subjects = new Map(adsl.map((row) => [String(row.USUBJID), row]));
  for (const row of adtte) {
    const subject = subjects.get(String(row.USUBJID));
    const death = row.CNSR === 0 && typeof row.EVNTDESC === 'string' && row.EVNTDESC.includes('DEATH') && subject?.DTHDT === row.ADT;
    const assessment = row.EVAL === null || row.EVAL === undefined || death ? undefined : assessments.get(key(row.USUBJID, row.EVAL, row.ADT));
    if (assessment !== undefined) {
      trace(row, 'ADRS', 'ADT', assessment);
      continue;
    }
    const variable = subject === undefined ? undefined : ADTTE_ADSL_SOURCES.find((name) => subject[name] === row.ADT);
    trace(row, variable === undefined ? null : 'ADSL', variable ?? null, null);
  }
}

/**
 * ADCM's identifiers from SDTM CM (OCCDS keeps the SDTM --SEQ): the derivation numbers subsequent therapies as
 * recorded (CMSEQ n = the nth new-therapy record), which CM writes as CMGRPID 'SUBSEQUENT n'. A row with no CM
 * record keeps CMSEQ null and is returned as unmatched.
 */
export function traceAdcm(adcm: MutableRow[], sdtm: SdtmSourceRows): number {
  const cm = new Map<string, Row[]>();
  for (const row of sdtm.CM ?? []) {
    if (typeof row.CMGRPID !== 'string' || !row.CMGRPID.startsWith('SUBSEQUENT ')) continue;
    const k = key(row.USUBJID, row.CMGRPID, String(row.CMTRT).trim().toUpperCase());
    cm.set(k, [...(cm.get(k) ?? []), row]);
  }
  let unmatched = 0;
  for (const row of adcm) {
    const group = `SUBSEQUENT ${String(row.CMSEQ)}`;
    const found = cm.get(key(row.USUBJID, group, String(row.CMTRT).trim().toUpperCase()))?.shift();
    if (found === undefined) unmatched += 1;
    row.CMSEQ = typeof found?.CMSEQ === 'number' ? found.CMSEQ : null;
    row.CMGRPID = found?.CMGRPID ?? group;
    if (found !== undefined) {
      row.CMTRT = found.CMTRT;
      row.CMCAT = found.CMCAT;
    }
  }
  return unmatched;
}
