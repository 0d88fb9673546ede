import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ReportModel, ReportTable } from '../model/index.js';
import { createLongListing, createWideTable } from '../paging/pagingTestTables.js';
import { planTableLayout, WORD_PAGE_GEOMETRY } from '../paging/index.js';
import { readZip } from '../../testing/index.js';
import { renderReportDocx } from './renderReportDocx.js';

function singleTableModel(table: ReportTable): ReportModel {
  return { sections: [{ id: 'safety', title: 'Safety evaluation', items: [table] }], items: [table] };
}

async function documentXml(table: ReportTable): Promise<string> {
  return readZip(await renderReportDocx(singleTableModel(table))).get('word/document.xml')?.toString('utf8') ?? '';
}

function tables(xml: string): string[] {
  return [...xml.matchAll(/<w:tbl>(.*?)<\/w:tbl>/gs)].map((m) => m[1]);
}

describe('docxTable in the report', () => {
  it('lays a table wider than a landscape page as column panels, each a Word table with the row labels, none wider than the page', async () => {
    const wide = createWideTable(14);
    const layout = planTableLayout(wide, WORD_PAGE_GEOMETRY);
    const xml = await documentXml(wide);
    const found = tables(xml);
    assert.equal(found.length, layout.panels.length);
    assert.ok(found.length >= 2);
    assert.match(xml, /w:orient="landscape"/);
    const landscapeTextTwips = 16838 - 2 * 1134;
    for (const [i, t] of found.entries()) {
      const grid = [...t.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
      assert.equal(grid.length, layout.panels[i].columns.length + 1);
      assert.ok(grid.reduce((a, b) => a + b, 0) <= landscapeTextTwips, `panel ${i + 1}`);
      assert.ok(t.includes('Median, months'), `panel ${i + 1} repeats the row labels`);
      assert.match(t, /<w:tblHeader\/>/);
    }
    for (const c of wide.columns) assert.equal(xml.split(`>${c.label}<`).length - 1, 1, c.id);
  });

  it('pages a 300-subject listing as the RTF and SAS ODS RTF do: a Word table per page under a continued title, header row marked to repeat, no row split', async () => {
    const listing = createLongListing(300);
    const xml = await documentXml(listing);
    const found = tables(xml);
    assert.ok(found.length >= 5, `${found.length} pages`);
    assert.match(xml, /w:orient="landscape"/);
    const rows = found.map((t) => [...t.matchAll(/<w:tr>(.*?)<\/w:tr>/gs)].map((m) => m[1]));
    // Each page: its header row first, then its own run of the listing's rows; every row once, in order.
    for (const page of rows) assert.match(page[0], /<w:tblHeader\/>/);
    assert.equal(rows.reduce((n, page) => n + page.length - 1, 0), 300);
    for (const page of rows) for (const r of page) assert.match(r, /<w:cantSplit\/>/);
    for (const r of listing.rows) assert.equal(xml.split(`>${r.label}<`).length - 1, 1, r.key);
    // The title before each page: plain on the first, '(continued)' and on a new page on every other.
    const titles = [...xml.matchAll(/<w:p>(?:(?!<w:p>).)*?<w:pStyle w:val="TableTitle"\/>(.*?)<\/w:p>/gs)].map((m) => m[0]);
    assert.equal(titles.length, found.length);
    assert.doesNotMatch(titles[0], /\(continued\)/);
    for (const t of titles.slice(1)) {
      assert.match(t, /\(continued\)/);
      assert.match(t, /<w:pageBreakBefore\/>/);
    }
  });
});
