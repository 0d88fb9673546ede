import type { TopLevelSpec } from 'vega-lite';
import { formatThousands } from '../format/index.js';
import type { SwimmerFigure } from '../model/index.js';
import { CHART_CONFIG, CHART_MUTED_COLOR, CHART_SMALL_FONT_SIZE, CHART_WIDTH, responseColorScale } from './chartTheme.js';
import type { FigureLinks } from './figureLinks.js';

const LANE_PX = 15;

/**
 * Lane labels without the part every USUBJID shares (the study id), so they stay readable; the full id
 * is in the link and the tooltip.
 */
export function shortSubjectLabels(ids: readonly string[]): Map<string, string> {
  const cut = shortLabelStart(ids);
  return new Map(ids.map((id) => [id, id.slice(cut) === '' ? id : id.slice(cut)]));
}

/** Where the short labels start: after the last '-' of the prefix every id shares. */
function shortLabelStart(ids: readonly string[]): number {
  if (ids.length === 0) return 0;
  let prefix = ids[0];
  for (const id of ids) while (!id.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return ids.length === 1 ? ids[0].lastIndexOf('-') + 1 : prefix.lastIndexOf('-') + 1;
}

/**
 * The axis's label expression. Vega evaluates it once per lane: a lookup in an object literal of every
 * lane would rebuild that object each time (quadratic in the lanes), so the common case is a substring.
 */
function laneLabelExpr(ids: readonly string[]): string {
  const cut = shortLabelStart(ids);
  if (ids.every((id) => id.slice(cut) !== '')) return `substring(datum.value, ${cut})`;
  return `${JSON.stringify(Object.fromEntries(shortSubjectLabels(ids)))}[datum.value]`;
}



/**
 * The note under the plot; when the model kept only some responders' lanes, a first line says how many, so
 * the drawing alone (SVG, PNG) says it is a selection. The model's footnote says which and where the rest are.
 */
function caption(figure: SwimmerFigure): string | string[] {
  const { lanes, responders, evaluator } = figure.data;
  // The grey follow-up line has no legend entry of its own (it is not a category): the caption names it.
  const key = `Bars: time on treatment, coloured by the best response (${evaluator}); grey line: follow-up after treatment.`;
  const circles = `Circles: assessments at which the ${evaluator} response changed (colour = new response).`;
  if (lanes.length >= responders) return [key, circles];
  return [`${formatThousands(lanes.length)} of ${formatThousands(responders)} responders shown: the longest follow-up (see footnote).`, key, circles];
}

/**
 * Swimmer plot: one lane per responder the model kept (at most its maxLanes), a grey line for follow-up, a
 * bar for treatment coloured by best response, a dot at each change of response, and symbols for
 * progression, death and ongoing treatment.
 */
export function swimmerSpec(figure: SwimmerFigure, links: FigureLinks | null = null): TopLevelSpec {
  const { lanes, scale, evaluator } = figure.data;
  const responding = new Set(scale.categories.filter((c) => c.responder).map((c) => c.code));
  const order = lanes.map((l) => l.USUBJID);
  const href = (id: string) => (links === null ? {} : { href: links.subject(id) });
  const lanesData = lanes.map((l) => ({ subject: l.USUBJID, start: 0, treatment: l.treatmentMonths ?? 0, followUp: l.followUpMonths ?? l.treatmentMonths ?? 0, response: l.bestResponse, ...href(l.USUBJID) }));
  const changes = lanes.flatMap((l) => l.responseChanges.filter((c) => responding.has(c.category)).map((c) => ({ subject: l.USUBJID, months: c.months, response: c.category })));
  const events = lanes.flatMap((l) => [
    ...(l.progressionMonths === null ? [] : [{ subject: l.USUBJID, months: l.progressionMonths, event: 'Progression' }]),
    ...(l.deathMonths === null ? [] : [{ subject: l.USUBJID, months: l.deathMonths, event: 'Death' }]),
    ...(l.ongoingTreatment && l.treatmentMonths !== null ? [{ subject: l.USUBJID, months: l.treatmentMonths, event: 'Treatment ongoing' }] : []),
  ]);
  const maxMonths = Math.max(1, ...lanesData.map((l) => Math.max(l.followUp, l.treatment)), ...events.map((e) => e.months));
  const end = Math.ceil(maxMonths / 3) * 3;
  const present = new Set([...lanes.map((l) => l.bestResponse), ...changes.map((x) => x.response)]);
  const x = { type: 'quantitative' as const, scale: { domain: [0, end], nice: false } };
  // Lanes in `order` through an explicit domain: a sort array compiles to a chain of one comparison per
  // lane evaluated for every datum (quadratic, and past a few thousand lanes Vega's parser overflows).
  const y = {
    field: 'subject',
    type: 'nominal' as const,
    sort: null,
    scale: { domain: order },
    axis: { title: 'Subject', labelFontSize: 10, ticks: false, domain: false, labelExpr: laneLabelExpr(order) },
  };
  const color = { field: 'response', type: 'nominal' as const, scale: responseColorScale(scale, present), legend: { title: `Response (${evaluator})`, orient: 'right' as const } };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    config: CHART_CONFIG,
    width: CHART_WIDTH - 230,
    title: { text: caption(figure), orient: 'bottom', anchor: 'start', fontSize: CHART_SMALL_FONT_SIZE, fontWeight: 'normal', color: CHART_MUTED_COLOR, offset: 8 },
    height: Math.max(90, LANE_PX * lanes.length),
    layer: [
      {
        data: { values: lanesData },
        mark: { type: 'rule', color: '#9e9e9e', strokeWidth: 1 },
        encoding: { x: { ...x, field: 'start', axis: { title: 'Months since first dose', format: '~g', values: Array.from({ length: end / 3 + 1 }, (_, i) => i * 3), grid: true } }, x2: { field: 'followUp' }, y },
      },
      {
        data: { values: lanesData },
        mark: { type: 'bar', height: LANE_PX * 0.6 },
        encoding: { x: { ...x, field: 'start' }, x2: { field: 'treatment' }, y, color, tooltip: { field: 'subject', type: 'nominal' as const }, ...(links === null ? {} : { href: { field: 'href', type: 'nominal' as const } }) },
      },
      {
        data: { values: changes },
        mark: { type: 'point', filled: true, size: 50, stroke: '#1a1a1a', strokeWidth: 1, opacity: 1 },
        encoding: { x: { ...x, field: 'months' }, y, color: { ...color, legend: null } },
      },
      {
        data: { values: events },
        mark: { type: 'point', filled: true, size: 55, color: '#1a1a1a', opacity: 1 },
        encoding: {
          x: { ...x, field: 'months' },
          y,
          shape: { field: 'event', type: 'nominal', scale: { domain: ['Progression', 'Death', 'Treatment ongoing'], range: ['diamond', 'cross', 'triangle-right'] }, legend: { title: 'Event', orient: 'right' } },
        },
      },
    ],
  };
}
