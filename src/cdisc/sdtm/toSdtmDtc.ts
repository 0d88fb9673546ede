/**
 * A recorded date as an SDTM --DTC value (SDTMIG v3.4 section 4.4.4, "Use of dates when information is
 * incomplete"): a complete date as it is, a partial date truncated to the components that are known (2019-03,
 * 2019), never imputed; a missing middle component as a hyphen (2019---15). Medical-record dates of prior
 * therapy often arrive as "2019-03" or "2019-UN-UN"; only year-first text is read (day-first order is ambiguous). A
 * value that is not a date is returned as null with `valid: false`, so the caller can raise an issue rather than
 * write it. The analysis imputes (ADaM --DTF); the tabulation does not.
 */

export interface SdtmDtc {
  /** The ISO 8601 text for --DTC, or null when the value is missing or unreadable. */
  readonly dtc: string | null;
  /** Whether year, month and day are all known (only then is --DY computed). */
  readonly complete: boolean;
  readonly valid: boolean;
}

/** The placeholders an EDC or a medical record writes for an unknown month or day ("00" in legacy exports). */
const UNKNOWN = /^(UN|UNK|UK|NK|XX|00)$/i;

/** A component's digits, null when marked unknown, undefined when absent or unreadable. */
function component(text: string | undefined, digits: number): string | null | undefined {
  if (text === undefined || text === '') return undefined;
  if (digits === 2 && UNKNOWN.test(text)) return null;
  return /^\d+$/.test(text) && text.length === digits ? text : undefined;
}

export function toSdtmDtc(value: string | null | undefined): SdtmDtc {
  if (value === null || value === undefined || value.trim() === '') return { dtc: null, complete: false, valid: true };
  const parts = value.trim().split('-');
  if (parts.length > 3) return { dtc: null, complete: false, valid: false };
  const year = component(parts[0], 4);
  const month = component(parts[1], 2);
  const day = component(parts[2], 2);
  const bad = (part: string | undefined, read: string | null | undefined): boolean => part !== undefined && read === undefined;
  if (typeof year !== 'string' || bad(parts[1], month) || bad(parts[2], day)) return { dtc: null, complete: false, valid: false };
  if (month !== undefined && month !== null && (Number(month) < 1 || Number(month) > 12)) return { dtc: null, complete: false, valid: false };
  if (typeof day === 'string') {
    const last = typeof month === 'string' ? new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate() : 31;
    if (Number(day) < 1 || Number(day) > last) return { dtc: null, complete: false, valid: false };
    // The day is known but the month is not: ISO 8601 writes the missing month as a hyphen.
    if (month === null || month === undefined) return { dtc: `${year}---${day}`, complete: false, valid: true };
    return { dtc: `${year}-${month}-${day}`, complete: true, valid: true };
  }
  if (typeof month === 'string') return { dtc: `${year}-${month}`, complete: false, valid: true };
  return { dtc: year, complete: false, valid: true };
}
