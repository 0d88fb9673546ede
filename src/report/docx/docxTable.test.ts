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

  it('pages a 300-subject listing as Word does: the header row repeats on every page and no row is split', async () => {
    const listing = createLongListing(300);
    const xml = await documentXml(listing);
    const [t] = tables(xml);
    assert.equal(tables(xml).length, 1);
    assert.match(xml, /w:orient="landscape"/);
    const rows = [...t.matchAll(/<w:tr>(.*?)<\/w:tr>/gs)].map((m) => m[1]);
    assert.equal(rows.length, 301);
    assert.match(rows[0], /<w:tblHeader\/>/);
    for (const r of rows) assert.match(r, /<w:cantSplit\/>/);
    for (const r of listing.rows) assert.ok(xml.includes(`>${r.label}<`), r.key);
  });
});
