/**
 * The report's stylesheet, inlined so the file works offline: the conventions of CSR tables (ICH E3
 * appendices): numbered titles, population line, horizontal rules only, N under each column heading,
 * footnotes under the table; print rules so Chromium's PDF starts each section on a new page and does
 * not split a figure.
 */
export const REPORT_CSS = `
:root { --ink: #1a1a1a; --muted: #555; --rule: #222; --link: #1f4e79; --band: #f3f6fa; }
* { box-sizing: border-box; }
html { font-family: Arial, "Liberation Sans", Helvetica, sans-serif; font-size: 13px; color: var(--ink); background: #fff; }
body { margin: 0 auto; max-width: 980px; padding: 24px 32px 64px; line-height: 1.4; }
a { color: var(--link); text-decoration: none; }
a:hover { text-decoration: underline; }
.synthetic-banner { background: #b3261e; color: #fff; font-weight: bold; padding: 8px 14px; letter-spacing: 0.02em; margin: 0 0 16px; border-radius: 2px; }
header.title-block { border-bottom: 2px solid var(--rule); padding-bottom: 12px; margin-bottom: 18px; }
header.title-block h1 { font-size: 22px; margin: 0 0 6px; }
header.title-block .meta { color: var(--muted); margin: 2px 0; }
.edition-notice { border-left: 4px solid var(--rule); padding: 2px 12px; margin: 10px 0 0; }
.edition-notice p { margin: 4px 0; }
nav.toc { margin: 12px 0 28px; }
nav.toc h2 { font-size: 16px; border: 0; margin: 0 0 8px; }
nav.toc ol { margin: 0; padding-left: 20px; }
nav.toc ol ol { list-style: none; padding-left: 12px; margin-bottom: 6px; }
nav.toc li { margin: 1px 0; }
nav.toc .num { display: inline-block; min-width: 78px; color: var(--muted); }
nav.toc .page-ref { float: right; margin-left: 12px; font-variant-numeric: tabular-nums; }
h2 { font-size: 17px; margin: 36px 0 12px; padding-bottom: 4px; border-bottom: 1px solid #999; }
h3 { font-size: 14px; margin: 0 0 2px; }
h3 .num { font-weight: bold; margin-right: 6px; }
.item { margin: 22px 0 30px; }
.population { color: var(--muted); margin: 0 0 6px; }
table.csr { border-collapse: collapse; table-layout: fixed; width: 100%; font-size: 12.5px; border-top: 1.5px solid var(--rule); border-bottom: 1.5px solid var(--rule); }
.small table.csr { font-size: 11px; }
table.csr + .panel-title, table.csr + table.csr { margin-top: 14px; }
.panel-title { margin: 0 0 4px; font-weight: bold; font-size: 12px; }
/* A table's printed pages after the first (renderTable): on screen one table, without the continued title,
   the repeated header row or the rules between pages; a new column panel keeps its title. */
.continued-title { display: none; }
table.csr tr.carried { display: none; }
.continued-title.new-panel { display: block; margin-top: 14px; }
table.csr.continued thead { display: none; }
table.csr.continued { border-top: 0; }
table.csr.continues { border-bottom: 0; }
table.csr thead th { border-bottom: 1px solid var(--rule); vertical-align: bottom; text-align: center; font-weight: bold; padding: 5px 8px; }
table.csr thead th.stub { text-align: left; }
table.csr thead .n { display: block; font-weight: normal; }
table.csr td, table.csr tbody th { padding: 2px 8px; vertical-align: top; }
table.csr tbody th { text-align: left; font-weight: normal; }
table.csr td { text-align: center; overflow-wrap: normal; }
table.csr.listing td, table.csr.listing thead th { text-align: left; }
table.csr tr.heading th { font-weight: bold; padding-top: 7px; }
table.csr .i1 { padding-left: 22px; }
table.csr .i2 { padding-left: 40px; }
table.csr .i3 { padding-left: 58px; }
table.csr tbody tr:hover { background: var(--band); }
.notes { font-size: 11.5px; color: var(--muted); margin-top: 5px; }
.notes p { margin: 2px 0; }
figure.chart { margin: 6px 0 0; }
figure.chart svg { max-width: 100%; height: auto; display: block; }
.missing { color: #b3261e; font-style: italic; }
section.appendix h2 { break-before: page; }
.subject-list { margin: 10px 0 14px; padding: 6px 10px; border-left: 3px solid #c9d6e6; }
.subject-list h4, .subject h4 { margin: 0 0 4px; font-size: 13px; }
.subject-list .ids { margin: 0; column-gap: 16px; }
.subject-list .ids a { display: inline-block; min-width: 160px; }
.back { font-size: 11.5px; color: var(--muted); margin: 3px 0 0; }
.subject { margin: 16px 0 22px; padding-top: 8px; border-top: 1px solid #ccc; }
.subject dl { display: grid; grid-template-columns: max-content 1fr max-content 1fr; gap: 1px 12px; margin: 4px 0 8px; font-size: 12px; }
.subject dt { color: var(--muted); }
.subject dd { margin: 0; }
.subject h5 { font-size: 12px; margin: 8px 0 2px; }
table.records { border-collapse: collapse; font-size: 11.5px; width: 100%; border-bottom: 1px solid var(--rule); }
table.records th { text-align: left; border-bottom: 1px solid var(--rule); padding: 2px 6px; }
/* A part's heading, the first row of its records' head (renderSubjectProfile): as an h5, above the table's top rule. */
table.records thead tr.part th { font-size: 12px; border-bottom: 1px solid var(--rule); padding: 8px 0 2px; background: #fff; }
.subject .who { display: none; }
table.records td { padding: 1px 6px; vertical-align: top; }
:target { background: #fff7d6; }
@page { size: A4; margin: 20mm 15mm; }
@page landscape { size: A4 landscape; margin: 20mm 15mm; }
@media print {
  html { font-size: 10pt; }
  body { max-width: none; padding: 0; }
  a { color: inherit; }
  nav.toc { break-after: page; }
  section.report-section > h2 { break-before: page; }
  .figure-item { break-inside: avoid; }
  /* A figure fills the text width on paper (its text then prints at 8-9 pt), within the page height. */
  figure.chart svg { width: 100%; height: auto; max-height: 205mm; }
  .table-item h3, .table-item .population { break-after: avoid; }
  table.csr thead { display: table-header-group; }
  table.csr tr { break-inside: avoid; }
  /* A heading row (an analyte, a subgroup) goes over to the next page with the rows it heads. */
  table.csr tr.heading { break-after: avoid; }
  /* A table's notes stay together and take its last rows with them: never a page of notes alone. */
  .notes { break-inside: avoid; break-before: avoid; }
  /* One table, listing or figure per page (as the DOCX and RTF), wide tables on landscape pages. */
  .item { break-before: page; margin-top: 0; }
  .report-section > h2 + .item { break-before: auto; }
  .item.landscape { page: landscape; }
  /* A section opening with a landscape table: its heading on that page (a change of named page breaks the page). */
  .report-section.starts-landscape > h2 { page: landscape; }
  /* Each printed page of a table after the first starts under its continued title (renderTable). */
  .continued-title { display: block; break-before: page; break-after: avoid; margin-top: 0; }
  .continued-title .population { break-after: avoid; }
  table.csr.continued thead { display: table-header-group; }
  /* A continued group's first row, repeated at the top of the page (carriedRows). */
  table.csr tr.carried { display: table-row; }
  table.csr.continued { border-top: 1.5px solid var(--rule); }
  table.csr.continues { border-bottom: 1.5px solid var(--rule); }
  /* Rows as the shared paging measures them (PDF_PAGE_GEOMETRY: line height 1.2). */
  table.csr { line-height: 1.2; }
  /* Profiles follow each other down the page (a profile kept whole started a new page whenever it did not fit
     what was left, leaving half the appendix's pages empty); the facts stay together with the first records. */
  .subject dl { break-inside: avoid; break-after: avoid; }
  /* A profile longer than a page: each part's heading (the first row of its table's head, repeated on
     every page) names the subject, so that a page it goes on to says whose records they are. */
  .subject h4, .subject h5 { break-after: avoid; }
  .subject .who { display: inline; font-weight: normal; }
  table.records tr { break-inside: avoid; }
  :target { background: none; }
  .synthetic-banner { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
