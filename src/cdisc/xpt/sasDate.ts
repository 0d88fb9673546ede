/**
 * SAS dates, times and datetimes as numbers: a date counts days from 1960-01-01, a datetime seconds from
 * 1960-01-01T00:00:00, a time seconds from midnight. No time zones: ISO 8601 text is read as written (local
 * clock time of the record), as SDTM --DTC values are.
 */

const MS_PER_DAY = 86_400_000;
/** Date.UTC(1960, 0, 1) / MS_PER_DAY: the SAS epoch in days from 1970-01-01. */
const SAS_EPOCH_DAYS = -3653;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const ISO_TIME = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;

function dayFromParts(year: number, month: number, day: number): number | null {
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return Math.round(ms / MS_PER_DAY);
}

/** 'YYYY-MM-DD' -> SAS date (2022-12-01 -> 22980); null when the text is not a complete, real calendar date. */
export function sasDateFromIso(text: string): number | null {
  const match = ISO_DATE.exec(text);
  if (match === null) return null;
  const day = dayFromParts(Number(match[1]), Number(match[2]), Number(match[3]));
  return day === null ? null : day - SAS_EPOCH_DAYS;
}

/** Days since 1970-01-01 (trialkit's clinical day numbers) -> SAS date. */
export function sasDateFromDayNumber(day: number): number {
  return day - SAS_EPOCH_DAYS;
}

/** SAS date -> 'YYYY-MM-DD'. */
export function isoFromSasDate(sasDate: number): string {
  return new Date((sasDate + SAS_EPOCH_DAYS) * MS_PER_DAY).toISOString().slice(0, 10);
}

function secondsOfDay(hour: number, minute: number, second: number): number | null {
  if (hour > 23 || minute > 59 || second > 59) return null;
  return hour * 3600 + minute * 60 + second;
}

/** 'YYYY-MM-DDThh:mm[:ss]' -> SAS datetime (seconds since 1960-01-01T00:00:00); null when incomplete or invalid. */
export function sasDatetimeFromIso(text: string): number | null {
  const match = ISO_DATETIME.exec(text);
  if (match === null) return null;
  const day = dayFromParts(Number(match[1]), Number(match[2]), Number(match[3]));
  const seconds = secondsOfDay(Number(match[4]), Number(match[5]), Number(match[6] ?? '0'));
  if (day === null || seconds === null) return null;
  return (day - SAS_EPOCH_DAYS) * 86_400 + seconds;
}

/** 'hh:mm[:ss]' -> SAS time (seconds since midnight); null when invalid. */
export function sasTimeFromIso(text: string): number | null {
  const match = ISO_TIME.exec(text);
  if (match === null) return null;
  return secondsOfDay(Number(match[1]), Number(match[2]), Number(match[3] ?? '0'));
}
