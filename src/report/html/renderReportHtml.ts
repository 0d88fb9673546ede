import type { AdaeRow, AdrsRow, AdslRow, AdtteRow, ProtocolDefinition } from '../../clinical/index.js';
import { formatValue } from '../format/index.js';
import { aggregateEditionNotice, groupRows, type ReportFigureModel, type ReportItem, type ReportModel, type ReportTable } from '../model/index.js';
import {
  breakRows,
  carriedRows,
  computeCarriedRowHeightPt,
  computeHeaderHeightPt,
  computeRowHeightPt,
  continuedLabel,
  layoutGeometry,
  planTableLayout,
  PDF_PAGE_GEOMETRY,
  rowGroups,
  tableBreakRules,
  wrapText,
  type TableLayout,
} from '../paging/index.js';
import { sortedDistinctIds, subjectAnchor, subjectListAnchors } from './anchors/index.js';
import { escapeHtml } from './escapeHtml.js';
import { REPORT_CSS } from './reportStyles.js';
import { subjectProfileRenderer } from './renderSubjectProfile.js';

export interface ReportHtmlOptions {
  /** Document title, e.g. 'Clinical study report: tables and figures'. */
  readonly title: string;
  readonly studyId: string;
  readonly dataCutoffDate: string;
  /** Prints the SYNTHETIC banner (invented subjects). */
  readonly synthetic: boolean;
  readonly syntheticNote?: string;
  /** e.g. 'trialkit 0.1.0'; printed in the title block. */
  readonly generatedBy?: string;
  /** What the subject profiles name: analysis sets, subject variables, drugs, the response criteria. */
  readonly protocol: ProtocolDefinition;
  /** The derived records each subject's profile shows (not read for the aggregate edition, which has no profiles). */
  readonly datasets: {
    readonly adsl: readonly AdslRow[];
    readonly adrs: readonly AdrsRow[];
    readonly adtte: readonly AdtteRow[];
    readonly adae: readonly AdaeRow[];
  };
}

/** A distinct set of subjects, the first place that cites it, and how many places do. */
interface SubjectList {
  readonly anchor: string;
  readonly subjects: readonly string[];
  readonly firstUse: string;
  readonly firstItem: string;
  uses: number;
}

class SubjectLists {
  readonly byAnchor = new Map<string, SubjectList>();
  readonly #anchorOf = subjectListAnchors();

  href(subjects: readonly string[], where: string, itemId: string): string {
    const anchor = this.#anchorOf(subjects);
    const known = this.byAnchor.get(anchor);
    if (known === undefined) this.byAnchor.set(anchor, { anchor, subjects: sortedDistinctIds(subjects), firstUse: where, firstItem: itemId, uses: 1 });
    else known.uses += 1;
    return `#${anchor}`;
  }
}

function indentClass(indent: number): string {
  return indent <= 0 ? '' : ` class="i${Math.min(indent, 3)}"`;
}

/** Points per CSS pixel. */
const PT_PER_PX = 0.75;
/**
 * The printed page's boxes around a table (reportStyles, print): a report section's heading (h2 with its
 * margins and rule), an item's title and population line (and a continued page's), the header cells'
 * and a heading row's padding beyond the geometry's row padding, and the notes' line and margins.
 */
const PRINT = {
  sectionHeadingPt: (36 + 17 * 1.4 + 5 + 12) * PT_PER_PX,
  titleFontPt: 14 * PT_PER_PX,
  titleLinePt: 14 * 1.4 * PT_PER_PX,
  populationPt: (2 + (40 / 3) * 1.4 + 6) * PT_PER_PX,
  panelTitlePt: (12 * 1.4 + 4) * PT_PER_PX,
  headerExtraPt: (10 - 4) * PT_PER_PX + 2,
  headingRowExtraPt: (7 - 2) * PT_PER_PX,
  notesFontPt: 11.5 * PT_PER_PX,
  notesLinePt: 11.5 * 1.4 * PT_PER_PX,
  notesParagraphPt: 4 * PT_PER_PX,
  notesTopPt: 5 * PT_PER_PX,
  /**
   * The row heights are estimates from font metrics: a page is filled to this share of its height, so that a
   * page estimated full never overflows. Chromium's one-line rows measure exactly as estimated (14.25 pt at
   * 9.375 pt type, demo PDF); wrapping is over-estimated (MEASURE_SAFETY): the 1.5% (11 pt) left covers the rest.
   */
  fill: 0.985,
};

/** A run of whole rows of one panel printed on one page. */
interface PrintedPage {
  readonly panel: number;
  readonly rowStart: number;
  readonly rowEnd: number;
  /** The groups' first rows printed above rowStart, marked continued (carriedRows). */
  readonly carried: readonly number[];
}

function notesHeightPt(texts: readonly string[], widthPt: number): number {
  if (texts.length === 0) return 0;
  const lines = texts.reduce((sum, text) => sum + wrapText(text, widthPt, PRINT.notesFontPt).length, 0);
  return PRINT.notesTopPt + lines * PRINT.notesLinePt + texts.length * PRINT.notesParagraphPt;
}

/**
 * The printed pages of a table (the PDF's, Chromium printing this HTML): as paginateTable pages the RTF
 * (breakRows, tableBreakRules: whole rows, never a page ending on a heading row or a group's first row, no
 * lone row of a group on either side of a break when avoidable, no stray short
 * continuation page), the header row on every page, with the page height
 * left by the title block (the section heading on the first page only, the continued title on the others) and
 * the notes on the last page (which CSS keeps with the last rows). Each page becomes a table of its own
 * under a '(continued)' title, so that every printed page of a table says what it is; the browser still
 * repeats the header row and moves rows on should an estimate fall short.
 */
function printedPages(table: ReportTable, layout: TableLayout, notesText: readonly string[], firstInSection: boolean): PrintedPage[] {
  const g = layoutGeometry(PDF_PAGE_GEOMETRY, layout);
  const area = layout.orientation === 'landscape' ? PDF_PAGE_GEOMETRY.landscape : PDF_PAGE_GEOMETRY.portrait;
  const panelTitle = layout.panels.length > 1 ? PRINT.panelTitlePt : 0;
  // The longer of the item's title (h3, 14 px) and the continued one (12 px): either may wrap.
  const titleLines = Math.max(
    wrapText(`${table.number}. ${table.title}`, area.widthPt, PRINT.titleFontPt, true).length,
    wrapText(`${table.number}. ${table.title} (continued)${layout.panels.length > 1 ? ' [columns 10\u201310 of 10]' : ''}`, area.widthPt, 12 * PT_PER_PX, true).length,
  );
  const body = area.heightPt * PRINT.fill - titleLines * PRINT.titleLinePt - PRINT.populationPt - panelTitle;
  const notes = notesHeightPt(notesText, area.widthPt);
  const groups = rowGroups(table);
  // The notes print under the last page's rows (CSS keeps them with the last rows), so the last page of the last panel holds them too.
  return layout.panels.flatMap((panel, panelIndex) => {
    const header = computeHeaderHeightPt(table, panel, g) + PRINT.headerExtraPt;
    const extraPt = (i: number) => (table.rows[i].cells.length === 0 ? PRINT.headingRowExtraPt : 0);
    const heights = table.rows.map((_, i) => computeRowHeightPt(table, i, panel, g) + extraPt(i));
    const rules = tableBreakRules(table, (i) => computeCarriedRowHeightPt(table, i, panel, g) + extraPt(i));
    const extra = panelIndex === layout.panels.length - 1 ? notes : 0;
    // The section heading is above the first page of the first panel only.
    return breakRows(heights, rules, header, body, extra, firstInSection && panelIndex === 0 ? PRINT.sectionHeadingPt : 0).map((run) => ({ panel: panelIndex, ...run, carried: carriedRows(groups, run.rowStart) }));
  });
}

/**
 * A CSR table, as the shared paging lays it out on the PDF's page (planTableLayout): one HTML table per
 * column panel (each repeating the row labels), column widths as shares of the page, so nothing is clipped
 * on paper or scrolls sideways on screen; and within a panel, one table per printed page (printedPages),
 * each after the first under the title marked '(continued)' on a new page. On screen the pages of a panel
 * read as one table: the continued titles, the repeated header rows and the rules between pages are not
 * shown. Rows carry their stable key (data-key) and cells their column id (data-column), so that a script
 * or a browser test finds a number as a program finds it in the model, not by its label.
 */
function renderTable(table: ReportTable, layout: TableLayout, lists: SubjectLists, notesText: readonly string[], firstInSection: boolean): string {
  const pages = printedPages(table, layout, notesText, firstInSection);
  const panelMark = (panelIndex: number) => {
    const panel = layout.panels[panelIndex];
    return layout.panels.length === 1 ? '' : `[columns ${panel.columns[0] + 1}\u2013${panel.columns[panel.columns.length - 1] + 1} of ${table.columns.length}]`;
  };
  return pages
    .map((page, pageIndex) => {
      const panelIndex = page.panel;
      const panel = layout.panels[panelIndex];
      const newPanel = pageIndex === 0 || pages[pageIndex - 1].panel !== panelIndex;
      const panelEnds = pageIndex === pages.length - 1 || pages[pageIndex + 1].panel !== panelIndex;
      const total = panel.stubWidthPt + panel.columnWidthsPt.reduce((a, b) => a + b, 0);
      const share = (width: number) => `${((100 * width) / total).toFixed(2)}%`;
      const cols = `<colgroup><col style="width:${share(panel.stubWidthPt)}">${panel.columnWidthsPt.map((w) => `<col style="width:${share(w)}">`).join('')}</colgroup>`;
      const head =
        `<th class="stub" scope="col">${escapeHtml(table.stubLabel)}</th>` +
        panel.columns
          .map((ci) => {
            const c = table.columns[ci];
            return `<th scope="col" data-column="${escapeHtml(c.id)}">${escapeHtml(c.label)}${c.N === null ? '' : `<span class="n">(N = ${c.N})</span>`}</th>`;
          })
          .join('');
      // Printed only (hidden on screen, where the pages of a panel read as one table); no row key, so that a row is found once.
      const carried = page.carried
        .map((i) => {
          const r = table.rows[i];
          return `<tr class="heading carried"><th colspan="${panel.columns.length + 1}" scope="rowgroup"${indentClass(r.indent)}>${escapeHtml(continuedLabel(r.label))}</th></tr>\n`;
        })
        .join('');
      const body = carried + table.rows
        .slice(page.rowStart, page.rowEnd)
        .map((r) => {
          const key = ` data-key="${escapeHtml(r.key)}"`;
          if (r.cells.length === 0) return `<tr class="heading"${key}><th colspan="${panel.columns.length + 1}" scope="rowgroup"${indentClass(r.indent)}>${escapeHtml(r.label)}</th></tr>`;
          const cells = panel.columns.map((ci) => {
            const c = r.cells[ci];
            const shown = escapeHtml(formatValue(c.value));
            const column = ` data-column="${escapeHtml(table.columns[ci]?.id ?? '')}"`;
            if (c.subjects.length === 0) return `<td${column}>${shown}</td>`;
            const where = `${table.number}, ${r.label}, ${table.columns[ci]?.label ?? ''}`;
            return `<td${column}><a href="${lists.href(c.subjects, where, table.id)}" title="${c.subjects.length} subject${c.subjects.length === 1 ? '' : 's'}">${shown}</a></td>`;
          });
          return `<tr${key}><th scope="row"${indentClass(r.indent)}>${escapeHtml(r.label)}</th>${cells.join('')}</tr>`;
        })
        .join('\n');
      // The first page is under the item's heading (with its columns when in panels); every other page under the continued title.
      const title =
        pageIndex === 0
          ? layout.panels.length === 1
            ? ''
            : `<p class="panel-title">${panelMark(panelIndex)}</p>`
          : `<div class="continued-title${newPanel ? ' new-panel' : ''}"><p class="panel-title">${escapeHtml(table.number)}. ${escapeHtml(table.title)} (continued)${panelMark(panelIndex) === '' ? '' : ` ${panelMark(panelIndex)}`}</p>` +
            `<p class="population">Population: ${escapeHtml(table.population.name)} (N = ${table.population.N})</p></div>`;
      const classes = `csr${table.id.startsWith('l-') ? ' listing' : ''}${pageIndex > 0 && !newPanel ? ' continued' : ''}${panelEnds ? '' : ' continues'}`;
      return `${title}<table class="${classes}">${cols}<thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
    })
    .join('\n');
}

/** A table's or figure's notes as printed under it: footnotes, abbreviations, the publication's counterpart. */
function notesTexts(footnotes: readonly string[], abbreviations: readonly string[], paperReference: string | null): string[] {
  return [
    ...footnotes,
    ...(abbreviations.length === 0 ? [] : [`Abbreviations: ${abbreviations.join('; ')}.`]),
    ...(paperReference === null ? [] : [`Corresponds to the publication's ${paperReference}.`]),
  ];
}

function notes(texts: readonly string[]): string {
  return texts.length === 0 ? '' : `<div class="notes">${texts.map((t) => `<p>${escapeHtml(t)}</p>`).join('')}</div>`;
}

function populationLine(item: ReportItem): string {
  return `<p class="population">Population: ${escapeHtml(item.population.name)} (N = ${item.population.N})</p>`;
}

/** Subject sets a figure's marks link to (every `subjects` array in its data), registered so their lists exist. */
function registerFigureSubjects(figure: ReportFigureModel, lists: SubjectLists): void {
  const visit = (value: unknown, label: string): void => {
    if (Array.isArray(value)) {
      value.forEach((v) => visit(v, label));
      return;
    }
    if (value === null || typeof value !== 'object') return;
    for (const [key, child] of Object.entries(value)) {
      if (key === 'subjects' && Array.isArray(child) && child.length > 0 && child.every((x) => typeof x === 'string')) {
        const named = (value as { label?: unknown; category?: unknown }).label ?? (value as { category?: unknown }).category;
        lists.href(child, typeof named === 'string' ? `${figure.number}, ${named}` : figure.number, figure.id);
      } else visit(child, label);
    }
  };
  visit(figure.data, figure.number);
}

function renderFigure(figure: ReportFigureModel, svg: string | undefined, lists: SubjectLists): string {
  registerFigureSubjects(figure, lists);
  const drawing = svg === undefined ? '<p class="missing">This figure was not drawn.</p>' : svg.replace(/^\s*<\?xml[^>]*\?>/, '');
  return `<figure class="chart" aria-label="${escapeHtml(`${figure.number}. ${figure.title}`)}">${drawing}</figure>`;
}

function renderItem(item: ReportItem, figuresSvg: Readonly<Record<string, string>>, lists: SubjectLists, firstInSection: boolean): string {
  const heading = `<h3><span class="num">${escapeHtml(item.number)}.</span>${escapeHtml(item.title)}</h3>${populationLine(item)}`;
  if (item.kind === 'table') {
    const layout = planTableLayout(item, PDF_PAGE_GEOMETRY);
    const texts = notesTexts(item.footnotes, item.abbreviations, item.paperReference);
    const classes = `item table-item${layout.orientation === 'landscape' ? ' landscape' : ''}${layout.fontSizePt < PDF_PAGE_GEOMETRY.fontSizePt ? ' small' : ''}`;
    return `<section class="${classes}" id="${escapeHtml(item.id)}">${heading}${renderTable(item, layout, lists, texts, firstInSection)}${notes(texts)}</section>`;
  }
  return `<section class="item figure-item" id="${escapeHtml(item.id)}">${heading}${renderFigure(item, figuresSvg[item.id], lists)}${notes(notesTexts(item.footnotes, [], item.paperReference))}</section>`;
}

/** A section whose first item is a landscape table: its heading goes on that landscape page, not on a portrait page alone. */
function startsLandscape(item: ReportItem | undefined): boolean {
  return item !== undefined && item.kind === 'table' && planTableLayout(item, PDF_PAGE_GEOMETRY).orientation === 'landscape';
}

/** The page an anchor lands on, filled in by the PDF printer (empty on screen, where links do the work); first in its line, so that it floats to the line's right end. */
function pageOf(id: string): string {
  return `<span class="page-ref" data-page-of="${escapeHtml(id)}"></span>`;
}

function renderToc(model: ReportModel): string {
  const sections = model.sections
    .map((section) => {
      const items = section.items.map((i) => `<li>${pageOf(i.id)}<a href="#${escapeHtml(i.id)}"><span class="num">${escapeHtml(i.number)}</span>${escapeHtml(i.title)}</a></li>`).join('');
      return `<li>${pageOf(`sec-${section.id}`)}<a href="#sec-${escapeHtml(section.id)}">${escapeHtml(section.title)}</a><ol>${items}</ol></li>`;
    })
    .join('');
  const appendices =
    model.aggregate !== undefined
      ? ''
      : `<li>${pageOf('appendix-subject-lists')}<a href="#appendix-subject-lists">Appendix A. Subjects behind each count</a></li><li>${pageOf('appendix-subjects')}<a href="#appendix-subjects">Appendix B. Subject profiles (derived records)</a></li>`;
  return `<nav class="toc" aria-label="Contents"><h2>Contents</h2><ol>${sections}${appendices}</ol></nav>`;
}

function renderSubjectLists(lists: SubjectLists, numbers: ReadonlyMap<string, string>): string[] {
  // A subject is in many lists (a 10,000-subject report's lists hold millions of ids): each link is made once.
  const links = new Map<string, string>();
  const link = (id: string) => {
    let html = links.get(id);
    if (html === undefined) {
      html = `<a href="#${subjectAnchor(id)}">${escapeHtml(id)}</a>`;
      links.set(id, html);
    }
    return html;
  };
  return [...lists.byAnchor.values()]
    .map((list) => {
      const ids = list.subjects.map(link).join(' ');
      const others = list.uses > 1 ? ` and ${list.uses - 1} other place${list.uses === 2 ? '' : 's'}` : '';
      return (
        `<section class="subject-list" id="${list.anchor}"><h4>${escapeHtml(list.firstUse)}: ${list.subjects.length} subject${list.subjects.length === 1 ? '' : 's'}</h4>` +
        `<p class="ids">${ids}</p><p class="back">Cited in <a href="#${escapeHtml(list.firstItem)}">${escapeHtml(numbers.get(list.firstItem) ?? list.firstItem)}</a>${others}.</p></section>`
      );
    });
}

function renderSubjects(datasets: ReportHtmlOptions['datasets'], protocol: ProtocolDefinition): string[] {
  const group = <Row extends { readonly USUBJID: string }>(rows: readonly Row[]): Map<string, Row[]> => groupRows(rows, (r) => r.USUBJID);
  const adrs = group(datasets.adrs);
  const adtte = group(datasets.adtte);
  const adae = group(datasets.adae);
  const renderSubjectProfile = subjectProfileRenderer(protocol);
  return [...datasets.adsl]
    .sort((a, b) => a.USUBJID.localeCompare(b.USUBJID))
    .map((s) => renderSubjectProfile({ adsl: s, adrs: adrs.get(s.USUBJID) ?? [], adtte: adtte.get(s.USUBJID) ?? [], adae: adae.get(s.USUBJID) ?? [] }));
}

/** The parts with `separator` between each two (what parts.join(separator) would print, kept as parts). */
function separated(parts: readonly string[], separator: string): string[] {
  const out: string[] = [];
  parts.forEach((part, index) => {
    if (index > 0) out.push(separator);
    out.push(part);
  });
  return out;
}

/**
 * The report as one self-contained HTML file (inline CSS and SVG, no script, no network): title block,
 * contents, each CSR section with its numbered tables and figures, then the traceability appendices.
 * Every count links to the list of its subjects (one list per distinct set of subjects, however often
 * it is cited), every subject to a profile of their derived records. The aggregate edition of a model
 * (createAggregateEdition) says so in the title block, with what it leaves out, and has no appendices.
 */
export function renderReportHtml(model: ReportModel, figuresSvg: Readonly<Record<string, string>>, options: ReportHtmlOptions): string {
  return renderReportHtmlParts(model, figuresSvg, options).join('');
}

/**
 * renderReportHtml's text as the parts it is made of, in order (their concatenation is the page): a
 * 10,000-subject report is over 100 MB, which a writer streams part by part instead of building it as
 * one string and encoding that whole.
 */
export function renderReportHtmlParts(model: ReportModel, figuresSvg: Readonly<Record<string, string>>, options: ReportHtmlOptions): string[] {
  const lists = new SubjectLists();
  const numbers = new Map(model.items.map((i) => [i.id, i.number]));
  const sections = model.sections.map(
    (section) =>
      `<section class="report-section${startsLandscape(section.items[0]) ? ' starts-landscape' : ''}" id="sec-${escapeHtml(section.id)}"><h2>${escapeHtml(section.title)}</h2>\n${section.items.map((item, index) => renderItem(item, figuresSvg, lists, index === 0)).join('\n')}</section>`,
  );
  const banner = options.synthetic
    ? `<div class="synthetic-banner" role="note">SYNTHETIC DATA: every subject in this report is invented. ${escapeHtml(options.syntheticNote ?? 'Not for clinical or regulatory use.')}</div>`
    : '';
  const aggregate = model.aggregate;
  const heading = aggregate === undefined ? options.title : `${options.title} (aggregate edition)`;
  const title = `${heading}: ${options.studyId}`;
  const traceability =
    aggregate === undefined
      ? '<p class="meta">Every count links to the subjects behind it (Appendix A); every subject to their derived records (Appendix B).</p>'
      : `<div class="edition-notice" role="note">${aggregateEditionNotice(aggregate, ['the subject profiles']).map((line) => `<p>${escapeHtml(line)}</p>`).join('')}</div>`;
  const appendices =
    aggregate !== undefined
      ? ['']
      : [
          '<section class="appendix" id="appendix-subject-lists"><h2>Appendix A. Subjects behind each count</h2>\n',
          ...separated(renderSubjectLists(lists, numbers), '\n'),
          '\n</section>\n<section class="appendix" id="appendix-subjects"><h2>Appendix B. Subject profiles (derived records)</h2>\n',
          ...separated(renderSubjects(options.datasets, options.protocol), '\n'),
          '\n</section>',
        ];
  return [
    `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.synthetic ? `SYNTHETIC - ${title}` : title)}</title>
<style>${REPORT_CSS}</style></head>
<body>
${banner}
<header class="title-block"><h1>${escapeHtml(heading)}</h1>
<p class="meta">Study ${escapeHtml(options.studyId)} &middot; data cutoff ${escapeHtml(options.dataCutoffDate)}${options.generatedBy === undefined ? '' : ` &middot; produced by ${escapeHtml(options.generatedBy)}`}</p>
${traceability}</header>
${renderToc(model)}
<main>
`,
    ...separated(sections, '\n'),
    '\n',
    ...appendices,
    `
</main>
</body></html>
`,
  ];
}
