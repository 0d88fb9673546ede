import {
  Bookmark,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  LeaderType,
  PageBreak,
  PageNumber,
  PageOrientation,
  PageReference,
  Packer,
  Paragraph,
  SectionType,
  Tab,
  TabStopType,
  TextRun,
  type ISectionOptions,
  type Table,
} from 'docx';
// From its own file, not the model's index: the index loads every table's builder, the clinical core and
// zod, which the DOCX's worker thread (docxWorker) would compile and run for nothing.
import { aggregateEditionNotice } from '../model/aggregateEdition.js';
import type { ReportFigureModel, ReportItem, ReportModel, ReportTable } from '../model/index.js';
import { paginateTable, planTableLayout, WORD_PAGE_GEOMETRY, WORD_PAGE_SAFETY_PT, wrapText, type TableLayout } from '../paging/index.js';
import { docxPackageParts } from './docxPackageParts.js';
import { DOCX_STYLE, docxStyles } from './docxStyles.js';
import { docxTable } from './docxTable.js';
import { planDocxTable, type DocxTablePlan } from './docxTablePlan.js';
import { docxTableXml } from './docxTableXml.js';
import { pngSize } from './pngSize.js';

export interface ReportDocxOptions {
  /** PNG of each figure by figure id (e.g. from renderPngFromSvg); a figure without one gets a note instead. */
  readonly figuresPng?: ReadonlyMap<string, Uint8Array>;
  /** Title page heading; default 'Clinical study report: tables, figures and listings'. */
  readonly title?: string;
  /** Line under the title (trial, data cut-off). */
  readonly subtitle?: string;
  /**
   * Set for a synthetic trial: printed in red on the title page (e.g. the demo's SYNTHETIC_NOTE), and
   * 'SYNTHETIC' in every page header so that no page taken out of the document loses the label.
   */
  readonly syntheticNote?: string;
}

// A4 in twips (1/1440 inch) with 2 cm margins.
const A4 = { shortTwips: 11906, longTwips: 16838, marginTwips: 1134 };
const TWIPS_PER_PX = 15;
/** Room on a figure page for its title, population and footnotes (twips). */
const FIGURE_TEXT_ALLOWANCE_TWIPS = 2600;


function populationLine(item: ReportItem): Paragraph {
  return new Paragraph({ style: DOCX_STYLE.population, children: [new TextRun(`Population: ${item.population.name} (N = ${item.population.N})`)] });
}

function notes(item: ReportItem): Paragraph[] {
  const paragraphs = item.footnotes.map((text) => new Paragraph({ style: DOCX_STYLE.footnote, children: [new TextRun(text)] }));
  if (item.kind === 'table' && item.abbreviations.length > 0) {
    paragraphs.push(new Paragraph({ style: DOCX_STYLE.abbreviations, children: [new TextRun(`Abbreviations: ${item.abbreviations.join('; ')}.`)] }));
  }
  if (item.paperReference !== null) {
    paragraphs.push(new Paragraph({ style: DOCX_STYLE.footnote, children: [new TextRun(`Corresponds to ${item.paperReference} of the publication.`)] }));
  }
  return paragraphs;
}

/** A Word bookmark name for an item id (letters, digits and underscores, at most 40 characters). */
export function docxBookmarkName(id: string): string {
  return `i_${id.replace(/[^A-Za-z0-9]/g, '_')}`.slice(0, 40);
}

/** An item's title run, bookmarked so that the contents print the page it lands on. */
function bookmarkedTitle(item: ReportItem, text: string): Bookmark {
  return new Bookmark({ id: docxBookmarkName(item.id), children: [new TextRun(text)] });
}

/** Points of the Word page (A4, 2 cm margins, header and footer 1 cm from the edge) and of the styles (docxStyles), for paging tables. */
const WORD_PAGE = {
  marginPt: A4.marginTwips / 20,
  footerFromEdgePt: 567 / 20,
  lineHeight: 1.17,
  titlePt: 11,
  titleAfterPt: 3,
  populationPt: 10 + 10 * 0.17 + 6,
  heading1Pt: 14 * 1.17 + 12,
  footnotePt: 8,
  footnoteBeforePt: 2,
  pageFooterLinePt: 8 * 1.17,
};

/** Texts of an item's notes (the paragraphs of notes()). */
function notesTexts(item: ReportItem): string[] {
  return [
    ...item.footnotes,
    ...(item.kind === 'table' && item.abbreviations.length > 0 ? [`Abbreviations: ${item.abbreviations.join('; ')}.`] : []),
    ...(item.paperReference === null ? [] : [`Corresponds to ${item.paperReference} of the publication.`]),
  ];
}

/**
 * The height a page of a table leaves for its rows (header row included), in points: the text area less
 * the footer where the notes make it taller than the bottom margin, the title (its longest, continued
 * form) and population, and WORD_PAGE_SAFETY_PT (the section's Heading 1 is taken off the first page only,
 * by paginateTable).
 */
function tableBodyHeightPt(table: ReportTable, layout: TableLayout): number {
  const landscape = layout.orientation === 'landscape';
  const page = landscape ? WORD_PAGE_GEOMETRY.landscape : WORD_PAGE_GEOMETRY.portrait;
  const pageHeightPt = page.heightPt + 2 * WORD_PAGE.marginPt;
  const footerLines = notesTexts(table).reduce((sum, text) => sum + wrapText(text, page.widthPt, WORD_PAGE.footnotePt).length, 0);
  const footerPt = footerLines * WORD_PAGE.footnotePt * WORD_PAGE.lineHeight + notesTexts(table).length * WORD_PAGE.footnoteBeforePt + WORD_PAGE.pageFooterLinePt;
  const bottom = Math.max(WORD_PAGE.marginPt, WORD_PAGE.footerFromEdgePt + footerPt + 4);
  const titleLines = wrapText(`${table.number}. ${table.title} (continued)${layout.panels.length > 1 ? ' [columns 10\u201310 of 10]' : ''}`, page.widthPt, WORD_PAGE.titlePt, true).length;
  const title = titleLines * WORD_PAGE.titlePt * WORD_PAGE.lineHeight + WORD_PAGE.titleAfterPt + WORD_PAGE.populationPt;
  return pageHeightPt - WORD_PAGE.marginPt - bottom - title - WORD_PAGE_SAFETY_PT;
}

/**
 * A table as the shared paging lays it out (planTableLayout with the Word page), paged as the RTF is and
 * as SAS ODS RTF pages its tables (paginateTable): each printed page is a Word table of its own, whole
 * rows only, under the title (marked '(continued)' on every page after the first, and with the columns it
 * shows when the table is in column panels) and the population line, each page after the first starting
 * on a new page. Word cannot mark a repeated header row '(continued)' on all pages but the first, so the
 * pages are made here; the header row is still marked to repeat, should a page overflow after all. Its
 * notes are in the footer of its section (tableFooter), as SAS ODS RTF prints them: on every page of the
 * table, never on a page alone.
 */
function tableContent(table: ReportTable, layout: TableLayout, firstInSection: boolean, tablesXml: string[] | undefined) {
  const pages = paginateTable(table, layout, WORD_PAGE_GEOMETRY, tableBodyHeightPt(table, layout), firstInSection ? WORD_PAGE.heading1Pt : 0);
  return pages.flatMap((p, i) => {
    const panel = layout.panels[p.panel];
    const columns = layout.panels.length === 1 ? '' : ` [columns ${panel.columns[0] + 1}\u2013${panel.columns[panel.columns.length - 1] + 1} of ${table.columns.length}]`;
    const text = `${table.number}. ${table.title}${p.page > 1 ? ' (continued)' : ''}${columns}`;
    return [
      new Paragraph({ style: DOCX_STYLE.tableTitle, pageBreakBefore: i > 0, children: [i === 0 ? bookmarkedTitle(table, text) : new TextRun(text)] }),
      populationLine(table),
      tableOrPlaceholder(planDocxTable(table, panel, layout.fontSizePt, WORD_PAGE_GEOMETRY.fontSizePt, { start: p.rowStart, end: p.rowEnd }, p.carried), tablesXml),
    ];
  });
}

/**
 * The style id of the paragraph that holds the place of the n-th table (from 0) of a document whose tables
 * are written as text (reportDocxParts). A style id is the code's, never a report's text, so no title,
 * label or value can look like one.
 */
const TABLE_PLACEHOLDER_STYLE = 'TrialkitTablePlaceholder';

/** The table as objects, or, when its XML is collected (`tablesXml`), a placeholder paragraph for it. */
function tableOrPlaceholder(plan: DocxTablePlan, tablesXml: string[] | undefined): Table | Paragraph {
  if (tablesXml === undefined) return docxTable(plan);
  tablesXml.push(docxTableXml(plan));
  return new Paragraph({ style: `${TABLE_PLACEHOLDER_STYLE}${tablesXml.length - 1}` });
}

/** The text area of a portrait page, where every figure is printed (twips). */
export const FIGURE_TEXT_AREA_TWIPS = { width: A4.shortTwips - 2 * A4.marginTwips, height: A4.longTwips - 2 * A4.marginTwips } as const;

/** The size in pixels the figure image is printed at: scaled to the text width (never enlarged beyond the width it was drawn for) and the page height. */
export function figureImageSize(size: { readonly widthPx: number; readonly heightPx: number }, textWidthTwips: number, textHeightTwips: number): { readonly width: number; readonly height: number } {
  const maxWidthPx = textWidthTwips / TWIPS_PER_PX;
  const maxHeightPx = (textHeightTwips - FIGURE_TEXT_ALLOWANCE_TWIPS) / TWIPS_PER_PX;
  const factor = Math.min(maxWidthPx / size.widthPx, maxHeightPx / size.heightPx);
  return { width: Math.round(size.widthPx * factor), height: Math.round(size.heightPx * factor) };
}

/**
 * The figure's image (figureImageSize), or a note when there is none. `imageNumber` (1, 2, ... in document
 * order) is the drawing's id: numbered per document, not by the docx package's counter over the process,
 * so that a document made twice in one process (a draft, then the whole) is the same.
 */
function figureImage(figure: ReportFigureModel, png: Uint8Array | undefined, imageNumber: number, textWidthTwips: number, textHeightTwips: number): Paragraph {
  const size = png === undefined ? null : pngSize(png);
  if (png === undefined || size === null) {
    const why = png === undefined ? 'no image was supplied for it' : 'the image supplied is not a PNG';
    return new Paragraph({ style: DOCX_STYLE.note, children: [new TextRun(`[${figure.number} is not embedded here: ${why}. It is in the HTML and PDF report.]`)] });
  }
  return new Paragraph({
    style: DOCX_STYLE.figure,
    children: [
      new ImageRun({
        type: 'png',
        data: png,
        transformation: figureImageSize(size, textWidthTwips, textHeightTwips),
        altText: { id: String(imageNumber), name: figure.id, title: `${figure.number}. ${figure.title}`, description: figure.title },
      }),
    ],
  });
}

function figureContent(figure: ReportFigureModel, png: Uint8Array | undefined, imageNumber: number, textWidthTwips: number, textHeightTwips: number) {
  return [
    new Paragraph({ style: DOCX_STYLE.figureTitle, children: [bookmarkedTitle(figure, `${figure.number}. ${figure.title}`)] }),
    populationLine(figure),
    figureImage(figure, png, imageNumber, textWidthTwips, textHeightTwips),
    ...notes(figure),
  ];
}

/** The running header: the title (with the edition and SYNTHETIC when they apply), then the study and data cutoff (the subtitle). */
function pageFurniture(title: string, subtitle: string | undefined, synthetic: boolean): Pick<ISectionOptions, 'headers' | 'footers'> {
  const lines = [synthetic ? `${title} — SYNTHETIC DATA` : title, ...(subtitle === undefined ? [] : [subtitle])];
  return {
    headers: {
      default: new Header({
        children: lines.map((line) => new Paragraph({ style: DOCX_STYLE.pageHeader, children: [new TextRun(line)] })),
      }),
    },
    footers: { default: pageFooter([]) },
  };
}

/** A footer: the notes given (a table's), then 'Page x of y'. */
function pageFooter(above: readonly Paragraph[]): Footer {
  return new Footer({
    children: [...above, new Paragraph({ style: DOCX_STYLE.pageFooter, children: [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] })] })],
  });
}

function pageProperties(landscape: boolean) {
  return {
    // The docx package swaps width and height itself for a landscape page.
    size: { width: A4.shortTwips, height: A4.longTwips, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
    margin: { top: A4.marginTwips, bottom: A4.marginTwips, left: A4.marginTwips, right: A4.marginTwips, header: 567, footer: 567 },
  };
}

/**
 * The contents' tab stops: the title after the number, the page at the right margin of a portrait page
 * after dots. On the paragraphs, as the docx package's paragraph styles take no tab stops.
 */
const CONTENTS_TAB_STOPS = [
  { type: TabStopType.LEFT, position: 1440 },
  { type: TabStopType.RIGHT, position: A4.shortTwips - 2 * A4.marginTwips, leader: LeaderType.DOT },
];

/** Room kept at the end of a contents line for the dot leader and the page number (twips). */
const CONTENTS_PAGE_ROOM_TWIPS = 900;

/**
 * A contents entry's title in lines that leave room for the page number: wrapped here (10 pt, the
 * contents style) short of the number's room, with line breaks, so that the number stays right-aligned
 * on the entry's last line. Left to Word and LibreOffice, a title that fills its line pushes the tab and
 * the number onto a line of their own; a right indent with the page stop past it, as Word's TOC styles
 * do, LibreOffice does not print beyond.
 */
function contentsTitleLines(title: string): string[] {
  const widthPt = (A4.shortTwips - 2 * A4.marginTwips - 1440 - CONTENTS_PAGE_ROOM_TWIPS) / 20;
  return wrapText(title, widthPt, 10);
}

function titlePage(model: ReportModel, title: string, options: ReportDocxOptions): Paragraph[] {
  return [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(title)] }),
    ...(options.subtitle === undefined ? [] : [new Paragraph({ style: DOCX_STYLE.subtitle, children: [new TextRun(options.subtitle)] })]),
    ...(options.syntheticNote === undefined ? [] : [new Paragraph({ style: DOCX_STYLE.synthetic, children: [new TextRun(options.syntheticNote)] })]),
    ...(model.aggregate === undefined ? [] : aggregateEditionNotice(model.aggregate).map((line) => new Paragraph({ style: DOCX_STYLE.subtitle, children: [new TextRun(line)] }))),
    new Paragraph({ children: [new PageBreak()] }),
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Tables, figures and listings')] }),
    // The page of each item is a PAGEREF field to its title's bookmark: LibreOffice fills it as it lays the
    // document out, Word when it updates fields (the document asks to on opening: updateFields).
    ...model.items.map(
      (item) =>
        new Paragraph({
          style: DOCX_STYLE.contents,
          tabStops: CONTENTS_TAB_STOPS,
          children: [
            new TextRun({ children: [item.number, new Tab()] }),
            ...contentsTitleLines(item.title).map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined })),
            new TextRun({ children: [new Tab()] }),
            new PageReference(docxBookmarkName(item.id)),
          ],
        }),
    ),
  ];
}

/**
 * The report as a Word document: a title page and list of contents, then one page-started section per
 * table, listing or figure (landscape for wide tables), each CSR section opening with a Heading 1.
 * Tables are native Word tables; all formatting comes from named styles (DOCX_STYLE) that a medical
 * writer can change. The aggregate edition of a model (createAggregateEdition) says so in its title and
 * page headers, and its title page lists what it leaves out.
 */
export async function renderReportDocx(model: ReportModel, options: ReportDocxOptions = {}): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(reportDocxDocument(model, options)));
}

/** The Word document renderReportDocx zips, for a caller that packs its parts itself (docxPackageParts). */
export function reportDocxDocument(model: ReportModel, options: ReportDocxOptions = {}): Document {
  return createReportDocument(model, options, undefined);
}

/**
 * The parts of the report's package (docxPackageParts) with its tables written as text (docxTableXml)
 * into word/document.xml in place of their placeholders: the same parts as those of reportDocxDocument, made
 * without the docx package's objects for each cell. Null when the docx package offers no compiler or
 * wrote the placeholders otherwise than expected (renderReportDocx then makes the same file).
 */
export function reportDocxParts(model: ReportModel, options: ReportDocxOptions = {}): ReadonlyMap<string, string | Uint8Array> | null {
  const tablesXml: string[] = [];
  const parts = docxPackageParts(createReportDocument(model, options, tablesXml));
  if (parts === null) return null;
  const xml = parts.get('word/document.xml');
  const document = typeof xml === 'string' ? spliceTables(xml, tablesXml) : null;
  if (document === null) return null;
  const withTables = new Map(parts);
  withTables.set('word/document.xml', document);
  return withTables;
}

/**
 * document.xml with each table placeholder replaced by its table; null unless each is found once, in
 * order (a docx package that wrote them otherwise: the caller then makes the document with objects).
 * The docx package puts a section's properties into its last paragraph, or, after a table, into a
 * paragraph of their own: a placeholder that ends its section holds them, and they are given that
 * paragraph of their own after the table.
 */
function spliceTables(xml: string, tablesXml: readonly string[]): string | null {
  const pieces = xml.split(new RegExp(`<w:p><w:pPr><w:pStyle w:val="${TABLE_PLACEHOLDER_STYLE}(\\d+)"/>(<w:sectPr>.*?</w:sectPr>)?</w:pPr></w:p>`));
  if (pieces.length !== 3 * tablesXml.length + 1) return null;
  let out = pieces[0];
  for (let k = 0; k < tablesXml.length; k += 1) {
    const [index, sectionProperties, after] = pieces.slice(3 * k + 1, 3 * k + 4) as [string, string | undefined, string];
    if (index !== String(k)) return null;
    out += tablesXml[k] + (sectionProperties === undefined ? '' : `<w:p><w:pPr>${sectionProperties}</w:pPr></w:p>`) + after;
  }
  return out;
}

function createReportDocument(model: ReportModel, options: ReportDocxOptions, tablesXml: string[] | undefined): Document {
  const baseTitle = options.title ?? 'Clinical study report: tables, figures and listings';
  const title = model.aggregate === undefined ? baseTitle : `${baseTitle} (aggregate edition)`;
  const synthetic = options.syntheticNote !== undefined;
  const sections: ISectionOptions[] = [{ properties: { page: pageProperties(false) }, ...pageFurniture(title, options.subtitle, synthetic), children: titlePage(model, title, options) }];
  let images = 0;
  for (const section of model.sections) {
    section.items.forEach((item, index) => {
      const layout = item.kind === 'table' ? planTableLayout(item, WORD_PAGE_GEOMETRY) : null;
      const landscape = layout?.orientation === 'landscape';
      const page = pageProperties(landscape);
      const textWidthTwips = (landscape ? A4.longTwips : A4.shortTwips) - 2 * A4.marginTwips;
      const textHeightTwips = (landscape ? A4.shortTwips : A4.longTwips) - 2 * A4.marginTwips;
      const heading = index === 0 ? [new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(section.title)] })] : [];
      const png = item.kind === 'figure' ? options.figuresPng?.get(item.id) : undefined;
      if (png !== undefined && pngSize(png) !== null) images += 1;
      const content = item.kind === 'table' && layout !== null ? tableContent(item, layout, index === 0, tablesXml) : item.kind === 'figure' ? figureContent(item, png, images, textWidthTwips, textHeightTwips) : [];
      // No header of its own: a Word section without one continues the previous section's. A footer of its
      // own, as a section without one would continue the previous table's notes.
      const footer = pageFooter(item.kind === 'table' ? notes(item) : []);
      sections.push({ properties: { type: SectionType.NEXT_PAGE, page }, footers: { default: footer }, children: [...heading, ...content] });
    });
  }
  return new Document({
    creator: 'trialkit',
    title,
    description: synthetic ? `${title}. ${options.syntheticNote}` : title,
    styles: docxStyles(),
    features: { updateFields: true },
    sections,
  });
}
