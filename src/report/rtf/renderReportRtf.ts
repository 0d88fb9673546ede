import { aggregateEditionNotice, type ReportFigureModel, type ReportItem, type ReportModel, type ReportTable } from '../model/index.js';
import { pngSize } from '../docx/pngSize.js';
import { layoutGeometry, paginateTable, planTableLayout, WORD_PAGE_GEOMETRY, WORD_PAGE_SAFETY_PT, wrapText, type PageGeometry, type TableLayout, type TablePage } from '../paging/index.js';
import { hexLines } from './rtfHex.js';
import { rtfTablePage } from './rtfTable.js';
import { rtfBookmark, rtfText, twips } from './rtfText.js';

export interface ReportRtfOptions {
  /** e.g. 'Clinical study report: tables and figures'. */
  readonly title: string;
  readonly studyId: string;
  readonly dataCutoffDate: string;
  /** Set for a synthetic trial: 'SYNTHETIC DATA' in every page header and footer, and this sentence on the title page. */
  readonly syntheticNote?: string;
  /** What made the file, printed in every footer: 'trialkit 0.1.0 report'. */
  readonly program: string;
  /** Date of the run (YYYY-MM-DD), given by the caller: the report layer reads no clock. */
  readonly runDate: string;
  /** PNG of each figure by id; a figure without one gets a note instead. */
  readonly figuresPng?: ReadonlyMap<string, Uint8Array>;
}

export interface RtfFile {
  /** 'report.rtf', or '<item id>.rtf' for one item. */
  readonly fileName: string;
  /** null for the combined report. */
  readonly itemId: string | null;
  readonly content: string;
}

const G: PageGeometry = WORD_PAGE_GEOMETRY;
const A4 = { shortTwips: 11906, longTwips: 16838 };
const SIDE_MARGIN_TWIPS = 1134;
/** Distance of the header and footer from the page edge. */
const EDGE_TWIPS = 567;
const RUNNING_PT = 8;
const TITLE_PT = 10;
const BODY_PT = 9;
const SPACE_AFTER_TITLE_PT = 3;
const SPACE_AFTER_POPULATION_PT = 6;
/** Room left between the running header or footer and the body. */
const GAP_PT = 8;

interface Page {
  readonly landscape: boolean;
  readonly widthPt: number;
  readonly heightPt: number;
}

function pageOf(landscape: boolean): Page {
  return { landscape, widthPt: (landscape ? A4.longTwips : A4.shortTwips) / 20, heightPt: (landscape ? A4.shortTwips : A4.longTwips) / 20 };
}

function textWidthPt(page: Page): number {
  return page.widthPt - (2 * SIDE_MARGIN_TWIPS) / 20;
}

function linesHeightPt(texts: readonly string[], widthPt: number, sizePt: number, bold = false): number {
  return texts.reduce((sum, text) => sum + wrapText(text, widthPt, sizePt, bold).length, 0) * sizePt * 1.17;
}

function field(instruction: string, shown: string): string {
  return `{\\field{\\*\\fldinst ${instruction}}{\\fldrslt ${shown}}}`;
}

/** What every page of an item repeats at the foot: its footnotes, then the program, run date and data cutoff. */
function footerLines(item: ReportItem | null, options: ReportRtfOptions, edition: string): string[] {
  const notes = item === null ? [] : [...item.footnotes];
  if (item !== null && item.kind === 'table' && item.abbreviations.length > 0) notes.push(`Abbreviations: ${item.abbreviations.join('; ')}.`);
  if (item !== null && item.paperReference !== null) notes.push(`Corresponds to the publication's ${item.paperReference}.`);
  const program = `Program: ${options.program}. Run ${options.runDate}. Data cutoff ${options.dataCutoffDate}. ${edition}.`;
  return [...notes, options.syntheticNote === undefined ? program : `SYNTHETIC DATA. ${program}`];
}

function runningHeader(options: ReportRtfOptions, title: string, page: Page): string {
  const right = twips(textWidthPt(page));
  const synthetic = options.syntheticNote === undefined ? '' : `\\pard\\plain\\qc\\f0\\fs${RUNNING_PT * 2}\\b\\cf2 SYNTHETIC DATA \\u8211? invented subjects, not for clinical or regulatory use\\par\n`;
  return (
    `{\\header ${synthetic}\\pard\\plain\\f0\\fs${RUNNING_PT * 2}\\cf3\\tqr\\tx${right} ${rtfText(`Study ${options.studyId}: ${title}`)}\\tab Page ${field('PAGE', '1')} of ${field('NUMPAGES', '1')}\\par\n` +
    `\\pard\\plain\\f0\\fs${RUNNING_PT * 2}\\cf3\\brdrb\\brdrs\\brdrw10\\brsp20 ${rtfText(`Data cutoff ${options.dataCutoffDate}`)}\\par}\n`
  );
}

function runningFooter(lines: readonly string[]): string {
  const paragraphs = lines.map((line, i) => `\\pard\\plain\\f0\\fs${RUNNING_PT * 2}${i === 0 ? '\\brdrt\\brdrs\\brdrw10\\brsp20' : ''}${i === lines.length - 1 ? '\\cf3' : ''} ${rtfText(line)}\\par\n`);
  return `{\\footer ${paragraphs.join('')}}\n`;
}

/** Section properties: page size and orientation, margins that leave room for the running header and footer. */
function sectionStart(first: boolean, page: Page, headerPt: number, footerPt: number): string {
  const size = `\\pgwsxn${page.landscape ? A4.longTwips : A4.shortTwips}\\pghsxn${page.landscape ? A4.shortTwips : A4.longTwips}${page.landscape ? '\\lndscpsxn' : ''}`;
  const top = EDGE_TWIPS + twips(headerPt + GAP_PT);
  const bottom = EDGE_TWIPS + twips(footerPt + GAP_PT);
  return `${first ? '' : '\\sect'}\\sectd\\sbkpage${size}\\marglsxn${SIDE_MARGIN_TWIPS}\\margrsxn${SIDE_MARGIN_TWIPS}\\margtsxn${top}\\margbsxn${bottom}\\headery${EDGE_TWIPS}\\footery${EDGE_TWIPS}\n`;
}

interface Section {
  readonly page: Page;
  readonly headerPt: number;
  readonly footerPt: number;
  readonly footer: readonly string[];
  readonly body: string;
  /** Pages the section takes, by the paging estimate (for the contents). */
  readonly pages: number;
}

function headerHeightPt(options: ReportRtfOptions): number {
  return (options.syntheticNote === undefined ? 2 : 3) * RUNNING_PT * 1.17 + 2;
}

function titleParagraphs(lines: readonly string[], bookmark: string | null, pageBreak: boolean): string {
  const mark = bookmark === null ? '' : `{\\*\\bkmkstart ${bookmark}}{\\*\\bkmkend ${bookmark}}`;
  return lines
    .map((line, i) => {
      const last = i === lines.length - 1;
      const size = i === 0 ? TITLE_PT : BODY_PT;
      return `\\pard\\plain${i === 0 && pageBreak ? '\\pagebb' : ''}\\keepn\\f0\\fs${size * 2}${i === 0 ? '\\b' : ''}\\sa${twips(last ? SPACE_AFTER_POPULATION_PT : SPACE_AFTER_TITLE_PT)} ${i === 0 ? mark : ''}${rtfText(line)}\\par\n`;
    })
    .join('');
}

function populationText(item: ReportItem): string {
  return `Population: ${item.population.name} (N = ${item.population.N})`;
}

function tableSection(table: ReportTable, options: ReportRtfOptions, edition: string, layout: TableLayout): Section {
  const page = pageOf(layout.orientation === 'landscape');
  const footer = footerLines(table, options, edition);
  const width = textWidthPt(page);
  const headerPt = headerHeightPt(options);
  const footerPt = linesHeightPt(footer, width, RUNNING_PT) + 2;
  const titleLines = (p: TablePage): string[] => {
    const continued = p.page > 1 ? ' (continued)' : '';
    const panel = layout.panels.length > 1 ? ` [columns ${layout.panels[p.panel].columns[0] + 1}\u2013${layout.panels[p.panel].columns[layout.panels[p.panel].columns.length - 1] + 1} of ${table.columns.length}]` : '';
    return [`${table.number}. ${table.title}${continued}${panel}`, populationText(table)];
  };
  // The longest title a page prints: the continued one, with the columns it shows only when the table is in column panels.
  const sampleTitle = [`${table.number}. ${table.title} (continued)${layout.panels.length > 1 ? ' [columns 10\u201310 of 10]' : ''}`, populationText(table)];
  const titlePt = linesHeightPt(sampleTitle.slice(0, 1), width, TITLE_PT, true) + linesHeightPt(sampleTitle.slice(1), width, BODY_PT) + SPACE_AFTER_TITLE_PT + SPACE_AFTER_POPULATION_PT;
  const bodyPt = page.heightPt - (EDGE_TWIPS / 20) * 2 - headerPt - footerPt - 2 * GAP_PT - titlePt - WORD_PAGE_SAFETY_PT;
  const pages = paginateTable(table, layout, G, bodyPt);
  const body = pages
    .map((p, i) => titleParagraphs(titleLines(p), i === 0 ? rtfBookmark(table.id) : null, i > 0) + rtfTablePage(table, layout.panels[p.panel], p, layoutGeometry(G, layout)) + '\\pard\\plain\\f0\\fs4\\par\n')
    .join('');
  return { page, headerPt, footerPt, footer, body, pages: pages.length };
}

function figureSection(figure: ReportFigureModel, options: ReportRtfOptions, edition: string): Section {
  const page = pageOf(false);
  const footer = footerLines(figure, options, edition);
  const width = textWidthPt(page);
  const headerPt = headerHeightPt(options);
  const footerPt = linesHeightPt(footer, width, RUNNING_PT) + 2;
  const lines = [`${figure.number}. ${figure.title}`, populationText(figure)];
  const titlePt = linesHeightPt(lines.slice(0, 1), width, TITLE_PT, true) + linesHeightPt(lines.slice(1), width, BODY_PT) + SPACE_AFTER_TITLE_PT + SPACE_AFTER_POPULATION_PT;
  const room = page.heightPt - (EDGE_TWIPS / 20) * 2 - headerPt - footerPt - 2 * GAP_PT - titlePt - 12;
  const png = options.figuresPng?.get(figure.id);
  const size = png === undefined ? null : pngSize(png);
  let picture: string;
  if (png === undefined || size === null) {
    const why = png === undefined ? 'no image was supplied for it' : 'the image supplied is not a PNG';
    picture = `\\pard\\plain\\f0\\fs${BODY_PT * 2}\\i ${rtfText(`[${figure.number} is not embedded here: ${why}. It is in the HTML and PDF report.]`)}\\par\n`;
  } else {
    // Drawn at 2x: 96 dpi CSS pixels are half the image's pixels; never enlarged, shrunk to fit the page.
    const naturalWidthPt = (size.widthPx / 2) * 0.75;
    const naturalHeightPt = (size.heightPx / 2) * 0.75;
    const factor = Math.min(1.15, width / naturalWidthPt, room / naturalHeightPt);
    const hex = hexLines(png);
    picture = `\\pard\\plain\\qc {\\pict\\pngblip\\picw${size.widthPx}\\pich${size.heightPx}\\picwgoal${twips(naturalWidthPt * factor)}\\pichgoal${twips(naturalHeightPt * factor)}\n${hex}}\\par\n`;
  }
  return { page, headerPt, footerPt, footer, body: titleParagraphs(lines, rtfBookmark(figure.id), false) + picture, pages: 1 };
}

function itemSection(item: ReportItem, options: ReportRtfOptions, edition: string): Section {
  return item.kind === 'table' ? tableSection(item, options, edition, planTableLayout(item, G)) : figureSection(item, options, edition);
}

function documentStart(title: string, options: ReportRtfOptions): string {
  const subject = options.syntheticNote === undefined ? title : `SYNTHETIC DATA. ${title}`;
  return (
    '{\\rtf1\\ansi\\ansicpg1252\\deff0\\uc1\n' +
    '{\\fonttbl{\\f0\\fswiss\\fcharset0 Arial;}}\n' +
    '{\\colortbl;\\red0\\green0\\blue0;\\red192\\green0\\blue0;\\red64\\green64\\blue64;}\n' +
    `{\\info{\\title ${rtfText(subject)}}{\\subject ${rtfText(`Study ${options.studyId}, data cutoff ${options.dataCutoffDate}`)}}{\\author trialkit}}\n` +
    `\\paperw${A4.shortTwips}\\paperh${A4.longTwips}\\margl${SIDE_MARGIN_TWIPS}\\margr${SIDE_MARGIN_TWIPS}\\widowctrl\\ftnbj\\fet0\n`
  );
}

function writeSections(sections: readonly Section[], options: ReportRtfOptions, title: string): string {
  return sections
    .map((s, i) => sectionStart(i === 0, s.page, s.headerPt, s.footerPt) + runningHeader(options, title, s.page) + runningFooter(s.footer) + s.body)
    .join('');
}

/** The title page and the contents with page numbers (PAGEREF fields, their shown numbers from the paging estimate). */
function frontSection(model: ReportModel, title: string, options: ReportRtfOptions, edition: string, pageOfItem: ReadonlyMap<string, number>): Section {
  const page = pageOf(false);
  const width = textWidthPt(page);
  const right = twips(width);
  const lines: string[] = [];
  lines.push(`\\pard\\plain\\qc\\f0\\fs36\\b\\sb2400\\sa240 ${rtfText(title)}\\par\n`);
  lines.push(`\\pard\\plain\\qc\\f0\\fs24\\sa240 ${rtfText(`Study ${options.studyId}, data cutoff ${options.dataCutoffDate}`)}\\par\n`);
  if (options.syntheticNote !== undefined) lines.push(`\\pard\\plain\\qc\\f0\\fs24\\b\\cf2\\sb240\\sa240 ${rtfText(options.syntheticNote)}\\par\n`);
  if (model.aggregate !== undefined) for (const line of aggregateEditionNotice(model.aggregate)) lines.push(`\\pard\\plain\\qc\\f0\\fs20\\sa120 ${rtfText(line)}\\par\n`);
  lines.push(`\\pard\\plain\\qc\\f0\\fs18\\sa120 ${rtfText(`Produced by ${options.program} on ${options.runDate}.`)}\\par\n`);
  lines.push(`\\pard\\plain\\pagebb\\f0\\fs28\\b\\sa240 Contents\\par\n`);
  for (const section of model.sections) {
    lines.push(`\\pard\\plain\\keepn\\f0\\fs20\\b\\sb120\\sa60 ${rtfText(section.title)}\\par\n`);
    for (const item of section.items) {
      const shown = String(pageOfItem.get(item.id) ?? '');
      lines.push(`\\pard\\plain\\f0\\fs18\\li1440\\fi-1440\\tx1440\\tldot\\tqr\\tx${right}\\sa40 ${rtfText(item.number)}\\tab ${rtfText(item.title)}\\tab ${field(`PAGEREF ${rtfBookmark(item.id)} \\\\h`, shown)}\\par\n`);
    }
  }
  const footer = footerLines(null, options, edition);
  const contentsLines = model.items.length + model.sections.length + 2;
  const perPage = Math.floor((page.heightPt - 150) / (BODY_PT * 1.17 + 2));
  return { page, headerPt: headerHeightPt(options), footerPt: linesHeightPt(footer, width, RUNNING_PT) + 2, footer, body: lines.join(''), pages: 1 + Math.ceil(contentsLines / perPage) };
}

/**
 * The report as RTF 1.x, as a sponsor's TLF pipeline (SAS ODS RTF) delivers it: one file per table,
 * listing and figure and a combined report.rtf with a title page and contents. Every page has a running
 * header (study, title, SYNTHETIC when the trial is synthetic, page x of y, data cutoff) and a footer with
 * the item's footnotes and the program, run date and data cutoff. Tables are native RTF tables laid out
 * by the shared paging (planTableLayout, paginateTable): landscape when wide, column panels that repeat
 * the row labels when wider than a landscape page, whole rows only, the header row on every page, a title
 * marked '(continued)' on each page after the first. Figures are embedded PNGs.
 */
export function renderReportRtf(model: ReportModel, options: ReportRtfOptions): RtfFile[] {
  const title = model.aggregate === undefined ? options.title : `${options.title} (aggregate edition)`;
  const edition = model.aggregate === undefined ? 'Full edition' : 'Aggregate edition';
  const sections = model.items.map((item) => ({ item, section: itemSection(item, options, edition) }));
  const files: RtfFile[] = sections.map(({ item, section }) => ({
    fileName: `${item.id}.rtf`,
    itemId: item.id,
    content: `${documentStart(`${item.number}. ${item.title}`, options)}${writeSections([section], options, title)}}\n`,
  }));
  // Page numbers of the contents: the front matter's pages, then each section's estimated pages.
  const provisional = frontSection(model, title, options, edition, new Map());
  const pageOfItem = new Map<string, number>();
  let next = provisional.pages + 1;
  for (const { item, section } of sections) {
    pageOfItem.set(item.id, next);
    next += section.pages;
  }
  const front = frontSection(model, title, options, edition, pageOfItem);
  const combined = `${documentStart(title, options)}${writeSections([front, ...sections.map((s) => s.section)], options, title)}}\n`;
  return [{ fileName: 'report.rtf', itemId: null, content: combined }, ...files];
}
