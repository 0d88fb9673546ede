/**
 * The printed page a table is laid out on: the text area of a portrait and a landscape page and the type
 * of a table, in points. A renderer passes the geometry of its own page (margins, font) to
 * planTableLayout and paginateTable, so that every format pages the same tables the same way.
 */
export interface PageGeometry {
  readonly portrait: { readonly widthPt: number; readonly heightPt: number };
  readonly landscape: { readonly widthPt: number; readonly heightPt: number };
  /** Font size of table text (header, stub, cells). */
  readonly fontSizePt: number;
  /** The smaller size a table too wide for a landscape page at fontSizePt is tried at (as TLF listings are set). */
  readonly smallFontSizePt: number;
  /** Line height as a multiple of the font size. */
  readonly lineHeight: number;
  /** Left plus right padding of a cell. */
  readonly cellPaddingPt: number;
  /** Top plus bottom padding of a row. */
  readonly rowPaddingPt: number;
  /** Top plus bottom padding of a heading row (a category label), when it differs from rowPaddingPt. */
  readonly headingRowPaddingPt?: number;
  /** Top plus bottom padding of the header row, its rules included, when it differs from rowPaddingPt. */
  readonly headerRowPaddingPt?: number;
  /** Indentation of a row label per indent level. */
  readonly indentPt: number;
}

const A4_SHORT_PT = 595.28;
const A4_LONG_PT = 841.89;
const MM_PT = 72 / 25.4;

/** A4 text area with the given side and top/bottom margins (mm). */
export function a4Geometry(sideMarginMm: number, topBottomMm: number, type: Omit<PageGeometry, 'portrait' | 'landscape'>): PageGeometry {
  const side = 2 * sideMarginMm * MM_PT;
  const topBottom = 2 * topBottomMm * MM_PT;
  return Object.freeze({
    portrait: Object.freeze({ widthPt: A4_SHORT_PT - side, heightPt: A4_LONG_PT - topBottom }),
    landscape: Object.freeze({ widthPt: A4_LONG_PT - side, heightPt: A4_SHORT_PT - topBottom }),
    ...type,
  });
}

/**
 * DOCX and RTF: A4, 2 cm margins, 9 pt tables (8 pt when wide) (Word's 'Table cell' style, 0.15 inch indents).
 * Row heights as LibreOffice lays them (measured in its PDF): a line of Arial (Liberation Sans, its metric
 * twin) is 1.15 em (ascent, descent and line gap; Word's single spacing of Arial is the same 1.15 em); a row
 * adds 2.5 pt (the RTF's \trpaddt and \trpaddb; the DOCX's 'Table cell' spacing is 2 pt, so its rows are
 * estimated 0.5 pt tall), a heading row 4 pt (the DOCX's 'Table row heading' spacing), the header row 4 pt
 * of spacing and 1 pt of rules. A one-line row: 12.85 pt (LibreOffice: 12.85 in the RTF, 12.35 in the DOCX).
 */
export const WORD_PAGE_GEOMETRY: PageGeometry = a4Geometry(20, 20, {
  fontSizePt: 9,
  smallFontSizePt: 8,
  lineHeight: 1.15,
  cellPaddingPt: 10.8,
  rowPaddingPt: 2.5,
  headingRowPaddingPt: 4,
  headerRowPaddingPt: 5,
  indentPt: 10.8,
});

/**
 * Room a DOCX or RTF page keeps free below its planned rows (about one row), as row heights and wrapping
 * are estimates: an overflow is worse than white space (a row pushed onto an unplanned page has no title,
 * and the 'Page x of y' count grows).
 */
export const WORD_PAGE_SAFETY_PT = 13;

/** PDF (Chromium printing report.html): A4, 15 mm side margins, the 12.5 px (9.4 pt) tables of reportStyles (11 px when wide). */
export const PDF_PAGE_GEOMETRY: PageGeometry = a4Geometry(15, 20, { fontSizePt: 9.375, smallFontSizePt: 8.25, lineHeight: 1.2, cellPaddingPt: 12, rowPaddingPt: 3, indentPt: 16.5 });
