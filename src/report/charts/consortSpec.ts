import type { TopLevelSpec } from 'vega-lite';
import type { ConsortBox, ConsortFigure } from '../model/index.js';
import { CHART_CONFIG, CHART_SMALL_FONT_SIZE, CHART_WIDTH } from './chartTheme.js';
import type { FigureLinks } from './figureLinks.js';
import { computeTextWidthPt, wrapText } from '../paging/index.js';

const LINE_PX = 15;
const PAD_PX = 8;
const BULLET = '\u2022 ';

interface Placed {
  readonly box: ConsortBox;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly lines: readonly string[];
}

/** Comparison signs as printed, not as typed in a criterion's label ('<=' -> '≤'). */
function typeset(text: string): string {
  return text.replace(/<=/g, '\u2264').replace(/>=/g, '\u2265');
}

/** A box's heading: its label and n, the n never broken from its '(n =' (no-break spaces). */
function heading(box: ConsortBox): string {
  return `${typeset(box.label)} (n\u00a0=\u00a0${box.n})`;
}

/**
 * The box's lines: its label and n, then each reason of its breakdown wrapped to the box (never cut),
 * continuation lines indented under the bullet.
 */
function linesOf(box: ConsortBox, widthPx: number): string[] {
  const textWidth = widthPx - 2 * PAD_PX;
  // No-break spaces: a leading space would be dropped, and '(n = 4)' must not break.
  const indent = '\u00a0\u00a0\u00a0';
  const reasons = box.breakdown.flatMap((b) =>
    wrapText(`${BULLET}${typeset(b.label)} (n\u00a0=\u00a0${b.n})`, textWidth - computeTextWidthPt(indent, CHART_SMALL_FONT_SIZE), CHART_SMALL_FONT_SIZE).map((line, i) => (i === 0 ? line : `${indent}${line}`)),
  );
  return [...wrapText(heading(box), textWidth, CHART_SMALL_FONT_SIZE, true), ...reasons];
}

function place(box: ConsortBox, x: number, y: number, w: number): Placed {
  const lines = linesOf(box, w);
  return { box, x, y, w, h: PAD_PX * 2 + LINE_PX * lines.length, lines };
}

/** CONSORT flow diagram (screened, failures, enrolled, populations, treatment and study status) drawn with rect, text and rule marks. */
export function consortSpec(figure: ConsortFigure, links: FigureLinks | null = null): TopLevelSpec {
  const flow = figure.data;
  const width = CHART_WIDTH;
  const mainW = 250;
  const mainX = 20;
  const center = mainX + mainW / 2;
  const sideX = mainX + mainW + 50;
  const sideW = width - sideX - 10;
  const screened = place(flow.screened, mainX, 0, mainW);
  const failures = place(flow.screenFailures, sideX, screened.y + screened.h + 14, sideW);
  const enrolled = place(flow.enrolled, mainX, failures.y + failures.h + 14, mainW);
  const popY = enrolled.y + enrolled.h + 30;
  const popW = (width - 20 - 2 * 15) / 3;
  const pops = flow.populations.map((p, i) => place(p, 10 + i * (popW + 15), popY, popW));
  const popBottom = Math.max(...pops.map((p) => p.y + p.h));
  const colW = (width - 20 - 20) / 2;
  const rowY = popBottom + 30;
  const discTrt = place(flow.discontinuedTreatment, 10, rowY, colW);
  const onTrt = place(flow.ongoingTreatment, 30 + colW, rowY, colW);
  const row2Y = Math.max(discTrt.y + discTrt.h, onTrt.y + onTrt.h) + 24;
  const discStudy = place(flow.discontinuedStudy, 10, row2Y, colW);
  const onStudy = place(flow.ongoingStudy, 30 + colW, row2Y, colW);
  const boxes = [screened, failures, enrolled, ...pops, discTrt, onTrt, discStudy, onStudy];
  const height = Math.max(...boxes.map((b) => b.y + b.h)) + 2;
  const sideLineY = failures.y + failures.h / 2;
  const busY = popY - 15;
  const row1Bus = rowY - 15;
  const fasBox = pops[1] ?? pops[0];
  const segments = [
    { x: center, y: screened.y + screened.h, x2: center, y2: enrolled.y },
    { x: center, y: sideLineY, x2: sideX, y2: sideLineY },
    { x: center, y: enrolled.y + enrolled.h, x2: center, y2: busY },
    { x: pops[0].x + popW / 2, y: busY, x2: pops[pops.length - 1].x + popW / 2, y2: busY },
    ...pops.map((p) => ({ x: p.x + popW / 2, y: busY, x2: p.x + popW / 2, y2: p.y })),
    { x: fasBox.x + popW / 2, y: fasBox.y + fasBox.h, x2: fasBox.x + popW / 2, y2: row1Bus },
    { x: discTrt.x + colW / 2, y: row1Bus, x2: onTrt.x + colW / 2, y2: row1Bus },
    { x: discTrt.x + colW / 2, y: row1Bus, x2: discTrt.x + colW / 2, y2: discTrt.y },
    { x: onTrt.x + colW / 2, y: row1Bus, x2: onTrt.x + colW / 2, y2: onTrt.y },
  ];
  const heads = [
    { x: center, y: enrolled.y, shape: 'triangle-down' },
    { x: sideX, y: sideLineY, shape: 'triangle-right' },
    ...pops.map((p) => ({ x: p.x + popW / 2, y: p.y, shape: 'triangle-down' })),
    { x: discTrt.x + colW / 2, y: discTrt.y, shape: 'triangle-down' },
    { x: onTrt.x + colW / 2, y: onTrt.y, shape: 'triangle-down' },
  ];
  const rects = boxes.map((b) => ({ x: b.x, y: b.y, x2: b.x + b.w, y2: b.y + b.h, ...(links === null || b.box.subjects.length === 0 ? {} : { href: links.subjects(b.box.subjects) }) }));
  const headLines = (b: Placed) => wrapText(heading(b.box), b.w - 2 * PAD_PX, CHART_SMALL_FONT_SIZE, true).length;
  const texts = boxes.flatMap((b) => b.lines.map((line, i) => ({ x: b.x + PAD_PX, y: b.y + PAD_PX + i * LINE_PX, text: line, weight: i < headLines(b) ? 'bold' : 'normal' })));
  const xScale = { domain: [0, width], range: [0, width], nice: false, zero: false };
  const yScale = { domain: [0, height], range: [0, height], nice: false, zero: false };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    config: CHART_CONFIG,
    width,
    height,
    layer: [
      {
        data: { values: segments },
        mark: { type: 'rule', color: '#333333', strokeWidth: 1.2 },
        encoding: { x: { field: 'x', type: 'quantitative', scale: xScale, axis: null }, y: { field: 'y', type: 'quantitative', scale: yScale, axis: null }, x2: { field: 'x2' }, y2: { field: 'y2' } },
      },
      {
        data: { values: heads },
        mark: { type: 'point', filled: true, color: '#333333', size: 40, opacity: 1, yOffset: 0 },
        encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' }, shape: { field: 'shape', type: 'nominal', scale: null } },
      },
      {
        data: { values: rects },
        mark: { type: 'rect', fill: '#f7f9fc', stroke: '#1f4e79', strokeWidth: 1.2, cornerRadius: 2 },
        encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' }, x2: { field: 'x2' }, y2: { field: 'y2' }, ...(links === null ? {} : { href: { field: 'href', type: 'nominal' as const } }) },
      },
      ...(['bold', 'normal'] as const).map((weight) => ({
        data: { values: texts.filter((t) => t.weight === weight) },
        mark: { type: 'text' as const, align: 'left' as const, baseline: 'top' as const, fontSize: CHART_SMALL_FONT_SIZE, fontWeight: weight },
        encoding: { x: { field: 'x', type: 'quantitative' as const }, y: { field: 'y', type: 'quantitative' as const }, text: { field: 'text' } },
      })),
    ],
  };
}
