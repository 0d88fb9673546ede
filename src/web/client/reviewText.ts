// Dates and times as the review screens show them: a day as DD-MMM-YYYY (no day/month ambiguity across
// sites), an instant in the reader's own time zone with that zone named by its offset from UTC (GMT+1), which every reader can check.

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

/** 'YYYY-MM-DD' as 'DD-MMM-YYYY'; any other text as it is. */
export function dayText(iso: string | null | undefined): string {
  if (iso === null || iso === undefined) return '—';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (match === null) return iso;
  return `${match[3]}-${MONTHS[Number(match[2]) - 1] ?? match[2]}-${match[1]}`;
}

/**
 * An ISO instant in a time zone (the browser's by default), as 'DD-MMM-YYYY HH:MM (zone)', so a reader
 * never has to convert from UTC and a printout says which clock it used.
 */
export function localTimeText(instant: string, timeZone?: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  const parts = new Intl.DateTimeFormat('en-GB', {
    ...(timeZone === undefined ? {} : { timeZone }),
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'shortOffset',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${dayText(`${part('year')}-${part('month')}-${part('day')}`)} ${part('hour')}:${part('minute')} (${part('timeZoneName')})`;
}
