import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeHeaderHeightPt, computeRowHeightPt, paginateTable } from './paginateTable.js';
import { PDF_PAGE_GEOMETRY, WORD_PAGE_GEOMETRY } from './pageGeometry.js';
import { createLongListing, createWideTable } from './pagingTestTables.js';
import { layoutGeometry, planTableLayout } from './planTableLayout.js';
import { computeLongestWordPt, computeTextWidthPt, wrapText } from './textWidth.js';

describe('computeTextWidthPt and wrapText', () => {
  it('measures with Helvetica metrics: a digit is 0.556 em, bold is wider', () => {
    assert.ok(Math.abs(computeTextWidthPt('0', 10) - 5.56) < 1e-9);
    assert.ok(Math.abs(computeTextWidthPt('10 (5.2%)', 9) - (556 * 4 + 278 * 2 + 333 * 2 + 889) * 0.009) < 1e-9);
    assert.ok(computeTextWidthPt('Total', 9, true) > computeTextWidthPt('Total', 9));
  });
  it('wraps at spaces only and keeps a word wider than the column whole', () => {
    assert.deepEqual(wrapText('Recovered with sequelae', 70, 9), ['Recovered with', 'sequelae']);
    assert.deepEqual(wrapText('Supercalifragilistic', 10, 9), ['Supercalifragilistic']);
    assert.deepEqual(wrapText('a\nb', 500, 9), ['a', 'b']);
  });
  it('breaks a hyphenated word after a hyphen but keeps a date whole', () => {
    assert.deepEqual(wrapText('Not-recovered/not-resolved', 50, 9), ['Not-', 'recovered/not-', 'resolved']);
    assert.deepEqual(wrapText('2021-07-10', 30, 9), ['2021-07-10']);
    // So a date column is planned at least as wide as a whole date.
    assert.equal(computeLongestWordPt('2021-07-10', 9), computeTextWidthPt('2021-07-10', 9));
    assert.equal(computeLongestWordPt('Onset 2021-07-10 (day 3)', 9), computeTextWidthPt('2021-07-10', 9));
  });
});

describe('planTableLayout', () => {
  it('keeps a narrow table on a portrait page in one panel', () => {
    const table = createWideTable(2);
    const layout = planTableLayout(table, WORD_PAGE_GEOMETRY);
    assert.equal(layout.orientation, 'portrait');
    assert.equal(layout.panels.length, 1);
    const p = layout.panels[0];
    assert.ok(Math.abs(p.stubWidthPt + p.columnWidthsPt.reduce((a, b) => a + b, 0) - WORD_PAGE_GEOMETRY.portrait.widthPt) < 1e-6);
  });
  it('turns a table whose values do not fit a portrait page to landscape, at the small font size only when needed', () => {
    const layout = planTableLayout(createWideTable(5), WORD_PAGE_GEOMETRY);
    assert.equal(layout.orientation, 'landscape');
    assert.equal(layout.panels.length, 1);
    assert.equal(layout.fontSizePt, WORD_PAGE_GEOMETRY.fontSizePt);
    const wider = planTableLayout(createWideTable(8), WORD_PAGE_GEOMETRY);
    assert.equal(wider.panels.length, 1);
    assert.equal(wider.fontSizePt, WORD_PAGE_GEOMETRY.smallFontSizePt);
  });
  it('splits a table too wide for a landscape page into column panels, each with the row labels, none wider than the page', () => {
    for (const geometry of [WORD_PAGE_GEOMETRY, PDF_PAGE_GEOMETRY]) {
      const table = createWideTable(14);
      const layout = planTableLayout(table, geometry);
      assert.equal(layout.orientation, 'landscape');
      assert.ok(layout.panels.length >= 2, `${layout.panels.length} panels`);
      assert.deepEqual(layout.panels.flatMap((p) => p.columns), table.columns.map((_, i) => i));
      for (const p of layout.panels) {
        assert.ok(p.stubWidthPt > 0);
        assert.ok(p.stubWidthPt + p.columnWidthsPt.reduce((a, b) => a + b, 0) <= geometry.landscape.widthPt + 1e-6);
        // No value breaks inside a word: each column is at least as wide as its widest word.
        for (const width of p.columnWidthsPt) assert.ok(width >= computeTextWidthPt('5.25\u2013NR)', geometry.fontSizePt));
      }
    }
  });
});

describe('paginateTable', () => {
  const table = createLongListing(300);
  const layout = planTableLayout(table, WORD_PAGE_GEOMETRY);
  const bodyHeightPt = 400;
  const pages = paginateTable(table, layout, WORD_PAGE_GEOMETRY, bodyHeightPt);

  it('lays a 300-subject listing on landscape pages in one panel (its text wraps between words)', () => {
    assert.equal(layout.orientation, 'landscape');
    assert.equal(layout.panels.length, 1);
  });
  it('pages it: every row exactly once, in order, whole rows under the repeated header within the page height', () => {
    assert.ok(pages.length >= 10, `${pages.length} pages`);
    let next = 0;
    for (const [i, p] of pages.entries()) {
      assert.equal(p.rowStart, next);
      assert.ok(p.rowEnd > p.rowStart);
      assert.equal(p.page, i + 1);
      assert.equal(p.pageCount, pages.length);
      const panel = layout.panels[p.panel];
      const g = layoutGeometry(WORD_PAGE_GEOMETRY, layout);
      let height = computeHeaderHeightPt(table, panel, g);
      for (let r = p.rowStart; r < p.rowEnd; r += 1) height += computeRowHeightPt(table, r, panel, g);
      assert.ok(height <= bodyHeightPt, `page ${p.page}: ${height} pt`);
      next = p.rowEnd;
    }
    assert.equal(next, 300);
  });
  it('counts a wrapped row as taller than a one-line row', () => {
    const panel = layout.panels[0];
    const g = layoutGeometry(WORD_PAGE_GEOMETRY, layout);
    assert.ok(computeRowHeightPt(table, 0, panel, g) > computeRowHeightPt(table, 1, panel, g));
  });
  it('never ends a page on a heading row, and pages every panel of a wide table in turn', () => {
    const wide = createWideTable(14);
    const wideLayout = planTableLayout(wide, WORD_PAGE_GEOMETRY);
    const tight = paginateTable(wide, wideLayout, WORD_PAGE_GEOMETRY, computeHeaderHeightPt(wide, wideLayout.panels[0], WORD_PAGE_GEOMETRY) + 30);
    assert.deepEqual([...new Set(tight.map((p) => p.panel))], wideLayout.panels.map((_, i) => i));
    for (const p of tight) if (p.rowEnd < wide.rows.length) assert.notEqual(wide.rows[p.rowEnd - 1].cells.length, 0, `page ${p.page} ends on a heading`);
  });
});
