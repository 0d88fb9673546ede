import { CHART_CONFIG, CHART_WIDTH, SERIES_PALETTE } from '../report/charts/index.js';

/** One enrolled subject: the facts the enrolment figure counts. */
export interface EnrolledSubject {
  readonly id: string;
  readonly siteId: string;
  /** ISO date of enrolment. */
  readonly enrolmentDate: string;
}

export interface EnrolmentCount {
  readonly siteId: string;
  /** 'YYYY-MM'. */
  readonly month: string;
  readonly n: number;
  readonly subjects: readonly string[];
}

/** Every month from the first to the last, so months without enrolment still show on the axis. */
function monthRange(first: string, last: string): string[] {
  const out: string[] = [];
  let [year, month] = first.split('-').map(Number);
  const [lastYear, lastMonth] = last.split('-').map(Number);
  while (year < lastYear || (year === lastYear && month <= lastMonth)) {
    out.push(`${year}-${String(month).padStart(2, '0')}`);
    month += 1;
    if (month === 13) {
      month = 1;
      year += 1;
    }
  }
  return out;
}

/** Enrolled subjects counted by site and calendar month of enrolment (only non-empty cells). */
export function enrolmentCounts(subjects: readonly EnrolledSubject[]): { readonly months: readonly string[]; readonly sites: readonly string[]; readonly counts: readonly EnrolmentCount[] } {
  const cells = new Map<string, { siteId: string; month: string; subjects: string[] }>();
  for (const s of subjects) {
    const month = s.enrolmentDate.slice(0, 7);
    const key = `${s.siteId}\u0000${month}`;
    const cell = cells.get(key) ?? { siteId: s.siteId, month, subjects: [] };
    cell.subjects.push(s.id);
    cells.set(key, cell);
  }
  const sorted = [...cells.values()].map((c) => c.month).sort();
  const months = sorted.length === 0 ? [] : monthRange(sorted[0], sorted[sorted.length - 1]);
  const sites = [...new Set(subjects.map((s) => s.siteId))].sort();
  const counts = [...cells.values()]
    .sort((a, b) => (a.siteId === b.siteId ? a.month.localeCompare(b.month) : a.siteId.localeCompare(b.siteId)))
    .map((c) => Object.freeze({ siteId: c.siteId, month: c.month, n: c.subjects.length, subjects: Object.freeze([...c.subjects].sort()) }));
  return { months, sites, counts };
}

/**
 * Enrolment by site over time, in the report's chart theme: cumulative enrolment of the trial by month on
 * top, and below it one row per site with the number enrolled in each month (a heat map, readable for 32
 * sites where 32 stacked colours are not). `href(subjects)` gives a cell its drill-down link; null = none.
 */
export function enrolmentSpec(subjects: readonly EnrolledSubject[], href: ((subjects: readonly string[]) => string) | null): Record<string, unknown> {
  const { months, sites, counts } = enrolmentCounts(subjects);
  const perMonth = new Map<string, number>();
  for (const c of counts) perMonth.set(c.month, (perMonth.get(c.month) ?? 0) + c.n);
  let total = 0;
  const cumulative = months.map((month) => {
    total += perMonth.get(month) ?? 0;
    return { month, enrolled: total };
  });
  const maxN = counts.reduce((m, c) => Math.max(m, c.n), 0);
  // labels turn white on the darker cells
  const dark = Math.max(1, Math.ceil(0.6 * maxN));
  const cells = counts.map((c) => ({ site: c.siteId, month: c.month, n: c.n, ...(href === null ? {} : { href: href(c.subjects) }) }));
  const x = { field: 'month', type: 'ordinal' as const, sort: months, scale: { domain: months }, title: 'Month of enrolment', axis: { labelAngle: -60, labelOverlap: true } };
  const width = Math.max(240, CHART_WIDTH - 90);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    config: CHART_CONFIG,
    vconcat: [
      {
        width,
        height: 140,
        data: { values: cumulative },
        mark: { type: 'line', point: true, color: SERIES_PALETTE[0], interpolate: 'step-after' },
        encoding: {
          x: { ...x, title: null, axis: { labels: false, ticks: false } },
          y: { field: 'enrolled', type: 'quantitative', title: 'Enrolled (cumulative)', axis: { tickMinStep: 1, format: 'd' } },
          tooltip: [
            { field: 'month', type: 'ordinal', title: 'Month' },
            { field: 'enrolled', type: 'quantitative', title: 'Enrolled so far' },
          ],
        },
      },
      {
        width,
        height: Math.max(60, 16 * sites.length),
        data: { values: cells },
        encoding: {
          x,
          y: { field: 'site', type: 'ordinal', sort: sites, scale: { domain: sites }, title: 'Site', axis: { labelFontSize: 10 } },
        },
        layer: [
          {
            mark: { type: 'rect', stroke: 'white', strokeWidth: 1 },
            encoding: {
              color: { field: 'n', type: 'quantitative', title: 'Enrolled in month', scale: { scheme: 'blues', domain: [0, Math.max(1, maxN)] }, legend: { orient: 'bottom', direction: 'horizontal', format: 'd', gradientLength: 160, ...(maxN <= 6 ? { values: Array.from({ length: Math.max(1, maxN) + 1 }, (_, i) => i) } : {}) } },
              tooltip: [
                { field: 'site', type: 'ordinal', title: 'Site' },
                { field: 'month', type: 'ordinal', title: 'Month' },
                { field: 'n', type: 'quantitative', title: 'Enrolled' },
              ],
              ...(href === null ? {} : { href: { field: 'href', type: 'nominal' } }),
            },
          },
          {
            // no href or tooltip: the label then takes no pointer events, and a click reaches the cell under it
            mark: { type: 'text', fontSize: 9 },
            encoding: {
              text: { field: 'n', type: 'quantitative' },
              color: { condition: { test: `datum.n >= ${dark}`, value: 'white' }, value: '#1a1a1a' },
            },
          },
        ],
      },
    ],
  };
}
