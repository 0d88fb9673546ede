import type { ReportFigureModel } from '../model/index.js';
import { wrapText } from '../paging/index.js';
import { CHART_FONT, CHART_MUTED_COLOR, CHART_TEXT_COLOR } from './chartTheme.js';

export interface FigureFrameOptions {
  /** A synthetic trial: 'SYNTHETIC DATA' above and below the figure. */
  readonly synthetic: boolean;
  /** 'Study X, data cutoff 2022-12-01', printed under the footnotes. */
  readonly source?: string;
  /** 'Aggregate edition', added to the source line. */
  readonly edition?: string;
}

const SYNTHETIC_COLOR = '#b3261e';
const MARGIN_PX = 8;
const TITLE_PX = 13;
const TEXT_PX = 11;
const NOTE_PX = 10;
const LINE = 1.3;

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The width and height the drawing declares on its root element. */
function svgSize(svg: string): { width: number; height: number } | null {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const width = Number(/\swidth="([\d.]+)"/.exec(root)?.[1]);
  const height = Number(/\sheight="([\d.]+)"/.exec(root)?.[1]);
  return Number.isFinite(width) && Number.isFinite(height) && width > 0 && height > 0 ? { width, height } : null;
}

interface Line {
  readonly text: string;
  readonly sizePx: number;
  readonly bold?: boolean;
  readonly color: string;
}

function lines(text: string, widthPx: number, sizePx: number, color: string, bold = false): Line[] {
  return wrapText(text, widthPx, sizePx, bold).map((t) => ({ text: t, sizePx, bold, color }));
}

function textBlock(block: readonly Line[], top: number): { svg: string; height: number } {
  let y = top;
  const parts = block.map((line) => {
    y += line.sizePx * LINE;
    return `<text x="${MARGIN_PX}" y="${(y - line.sizePx * 0.3).toFixed(1)}" font-family='${CHART_FONT}' font-size="${line.sizePx}"${line.bold === true ? ' font-weight="bold"' : ''} fill="${line.color}">${escapeXml(line.text)}</text>`;
  });
  return { svg: parts.join(''), height: y - top };
}

/**
 * A figure as a file of its own (figures/*.svg and *.png): the drawing with, above it, its number and
 * title and population, and below it, its footnotes and the study and data cutoff; for a synthetic trial,
 * 'SYNTHETIC DATA' in red above and below, so that no copy of the figure taken out of the report loses
 * the label. The drawing is nested unchanged; an SVG without a size is returned as it is.
 */
export function frameFigureSvg(svg: string, figure: ReportFigureModel, options: FigureFrameOptions): string {
  return layoutFigureFrame(svg, figure, options)?.svg ?? svg;
}

/** A framed figure and where its drawing sits in it, in the frame's own pixels. */
export interface FramedFigure {
  readonly svg: string;
  /** Whole pixels, so that the drawing can be cut out of the framed picture at any integer scale unchanged. */
  readonly drawing: { readonly top: number; readonly width: number; readonly height: number };
}

/**
 * The frame of `frameFigureSvg` and the drawing's place in it, so that one rasterisation serves both the
 * figure files (framed) and the documents (the drawing alone): drawing each chart twice was most of the
 * report's time. Null for an SVG without a size.
 */
export function layoutFigureFrame(svg: string, figure: ReportFigureModel, options: FigureFrameOptions): FramedFigure | null {
  const drawing = svg.replace(/^\s*<\?xml[^>]*\?>\s*/, '');
  const size = svgSize(drawing);
  if (size === null) return null;
  const textWidth = size.width - 2 * MARGIN_PX;
  const synthetic: Line[] = options.synthetic ? lines('SYNTHETIC DATA \u2013 invented subjects, not for clinical or regulatory use', textWidth, TEXT_PX, SYNTHETIC_COLOR, true) : [];
  const head = [
    ...synthetic,
    ...lines(`${figure.number}. ${figure.title}`, textWidth, TITLE_PX, CHART_TEXT_COLOR, true),
    ...lines(`Population: ${figure.population.name} (N = ${figure.population.N})`, textWidth, TEXT_PX, CHART_MUTED_COLOR),
  ];
  const notes = [
    ...figure.footnotes.flatMap((note) => lines(note, textWidth, NOTE_PX, CHART_MUTED_COLOR)),
    ...(figure.paperReference === null ? [] : lines(`Corresponds to the publication's ${figure.paperReference}.`, textWidth, NOTE_PX, CHART_MUTED_COLOR)),
    ...(options.source === undefined ? [] : lines([options.source, options.edition].filter((s) => s !== undefined).join('. '), textWidth, NOTE_PX, CHART_MUTED_COLOR)),
    ...synthetic,
  ];
  const top = textBlock(head, MARGIN_PX / 2);
  const drawingTop = Math.ceil(MARGIN_PX / 2 + top.height + 4);
  const bottom = textBlock(notes, drawingTop + size.height + 2);
  const height = Math.ceil(drawingTop + size.height + 2 + bottom.height + MARGIN_PX);
  const nested = drawing.replace(/^<svg\b/, `<svg x="0" y="${drawingTop}"`);
  const label = escapeXml(`${options.synthetic ? 'SYNTHETIC DATA. ' : ''}${figure.number}. ${figure.title}`);
  return {
    svg:
      `<svg xmlns="http://www.w3.org/2000/svg" width="${size.width}" height="${height}" viewBox="0 0 ${size.width} ${height}" role="img" aria-label="${label}">` +
      `<title>${label}</title><rect width="100%" height="100%" fill="white"/>${top.svg}${nested}${bottom.svg}</svg>`,
    drawing: { top: drawingTop, width: size.width, height: size.height },
  };
}
