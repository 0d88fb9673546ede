import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  breakRows,
  carriedRows,
  computeCarriedRowHeightPt,
  computeHeaderHeightPt,
  computeRowHeightPt,
  continuedLabel,
  keepsWithNext,
  MIN_GROUP_ROWS_AT_BREAK,
  MIN_ROWS_PER_PAGE,
  paginateTable,
  rowGroups,
  tableBreakRules,
  type RowRun,
} from './paginateTable.js';
import { PDF_PAGE_GEOMETRY, WORD_PAGE_GEOMETRY } from './pageGeometry.js';
import { createClassTermTable, createHeadedGroupTable, createLongListing, createWideTable } from './pagingTestTables.js';
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
  it('estimates DOCX and RTF rows as LibreOffice lays them: a one-line 9 pt row 12.85 pt, a heading row 14.35 pt, each line 10.35 pt', () => {
    // Measured in LibreOffice's PDF of the demo report: 12.85 pt a row in the RTF, 12.35 in the DOCX, 14.35 a heading row in the DOCX.
    const wide = createWideTable(2);
    const g = layoutGeometry(WORD_PAGE_GEOMETRY, planTableLayout(wide, WORD_PAGE_GEOMETRY));
    const panel = planTableLayout(wide, WORD_PAGE_GEOMETRY).panels[0];
    assert.ok(Math.abs(computeRowHeightPt(wide, 2, panel, g) - 12.85) < 1e-9);
    assert.ok(Math.abs(computeRowHeightPt(wide, 0, panel, g) - 14.35) < 1e-9);
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

describe('page breaks (breakRows, paginateTable): no stray rows, no group split off at the foot of a page', () => {
  const table = createClassTermTable(24);
  const layout = planTableLayout(table, WORD_PAGE_GEOMETRY);
  const g = layoutGeometry(WORD_PAGE_GEOMETRY, layout);
  const panel = layout.panels[0];
  const header = computeHeaderHeightPt(table, panel, g);
  const heights = table.rows.map((_, i) => computeRowHeightPt(table, i, panel, g));
  const bodyRows = (p: RowRun) => table.rows.slice(p.rowStart, p.rowEnd).filter((r) => r.cells.length > 0).length;
  const height = (p: RowRun) => heights.slice(p.rowStart, p.rowEnd).reduce((a, b) => a + b, header);
  // Every page height from a page of 4 rows to one page for the whole table, in steps of a fifth of a row.
  const rowPt = heights[1];
  const pageHeights = Array.from({ length: Math.ceil((table.rows.length - 3) * 5) }, (_, i) => header + (4 + i / 5) * rowPt);

  it('keeps a system organ class with its first term and a category heading with its first row', () => {
    assert.equal(keepsWithNext(table, 1), true, 'a class with its first term');
    assert.equal(keepsWithNext(table, 0), false, 'a row the next is not indented under');
    assert.equal(keepsWithNext(table, table.rows.length - 3), true, 'a heading');
    assert.equal(keepsWithNext(table, table.rows.length - 1), false, 'the last row');
  });
  for (const [name, withNotes] of [['without notes', false], ['with notes under the last page (PDF)', true]] as const) {
    it(`never ends a page on a class or heading row, nor leaves fewer than ${MIN_ROWS_PER_PAGE} body rows on a continuation page, every row once, within the page (${name})`, () => {
      let short = 0;
      const notes = withNotes ? 3 * rowPt : 0;
      // Pages from room for the notes and 9 rows: the longest group (a class of 6 terms) and a minimum page (smaller pages cannot keep every rule).
      for (const bodyHeightPt of pageHeights.filter((h) => h >= header + notes + 9 * rowPt)) {
        const pages = withNotes ? breakRows(heights, tableBreakRules(table), header, bodyHeightPt, notes) : paginateTable(table, layout, WORD_PAGE_GEOMETRY, bodyHeightPt);
        let next = 0;
        for (const [i, p] of pages.entries()) {
          const at = `page ${i + 1} of ${pages.length} at ${bodyHeightPt.toFixed(1)} pt`;
          assert.equal(p.rowStart, next, at);
          assert.ok(p.rowEnd > p.rowStart, at);
          assert.ok(height(p) + (i === pages.length - 1 ? notes : 0) <= bodyHeightPt + 1e-9, `${at}: ${height(p)} pt`);
          if (p.rowEnd < table.rows.length) assert.ok(!keepsWithNext(table, p.rowEnd - 1), `${at} ends on '${table.rows[p.rowEnd - 1].label}'`);
          if (i > 0) assert.ok(bodyRows(p) >= MIN_ROWS_PER_PAGE, `${at}: ${bodyRows(p)} body rows`);
          if (i > 0 && bodyRows(p) < 6) short += 1;
          next = p.rowEnd;
        }
        assert.equal(next, table.rows.length);
      }
      // The sweep does reach short last pages (so the rule is exercised).
      assert.ok(short > 0);
    });
  }
  it('fills a page as the old greedy paging did when no rule applies: the same number of pages or one more', () => {
    for (const bodyHeightPt of pageHeights) {
      const pages = paginateTable(table, layout, WORD_PAGE_GEOMETRY, bodyHeightPt);
      const capacity = Math.floor((bodyHeightPt - header) / rowPt);
      assert.ok(pages.length <= Math.ceil(table.rows.length / Math.max(1, capacity - 2)) + 1, `${bodyHeightPt}: ${pages.length} pages`);
    }
  });
  it('moves the notes with the last rows onto a page of their own when they do not fit under them', () => {
    const rows = heights.length;
    const fullPage = heights.reduce((a, b) => a + b, header);
    const pages = breakRows(heights, tableBreakRules(table), header, fullPage, 2 * rowPt);
    assert.equal(pages.length, 2);
    assert.equal(pages[1].rowEnd, rows);
    assert.ok(bodyRows(pages[1]) >= MIN_ROWS_PER_PAGE);
  });
});

describe('page breaks keep a group together: never its last row alone on the next page, nor its first alone at the foot (tableBreakRules)', () => {
  /** Body rows of group [start, end) on each side of every break inside it, over the pages of a table. */
  function groupSplits(table: ReturnType<typeof createHeadedGroupTable>, pages: readonly RowRun[]): { label: string; before: number; after: number }[] {
    const body = (a: number, b: number) => table.rows.slice(a, b).filter((r) => r.cells.length > 0).length;
    return pages.slice(1).flatMap((p) =>
      rowGroups(table)
        .filter((g) => g.start < p.rowStart && p.rowStart < g.end)
        .map((g) => ({ label: `'${table.rows[g.start].label}' split before '${table.rows[p.rowStart].label}'`, before: body(g.start, p.rowStart), after: body(p.rowStart, g.end) })),
    );
  }
  it('finds the groups: a heading with the rows under it, a class with its terms', () => {
    const table = createHeadedGroupTable(1);
    const groups = rowGroups(table);
    // The section heading spans the whole table; each characteristic heading its categories.
    assert.deepEqual(groups[0], { start: 0, end: table.rows.length });
    assert.deepEqual(groups[1], { start: 2, end: 5 });
    const classes = createClassTermTable(2);
    assert.deepEqual(rowGroups(classes)[0], { start: 1, end: 3 });
  });
  it('moves the last row of a group with the one before it (the demo\'s Table 3: "Cyclophosphamide" alone on a continuation page)', () => {
    // A heading over 4 categories at the foot of the first page, room for the heading and 3 of them; more rows after.
    const table = createHeadedGroupTable(2);
    const rules = tableBreakRules(table);
    const g = layoutGeometry(WORD_PAGE_GEOMETRY, planTableLayout(table, WORD_PAGE_GEOMETRY));
    const panel = planTableLayout(table, WORD_PAGE_GEOMETRY).panels[0];
    const heights = table.rows.map((_, i) => computeRowHeightPt(table, i, panel, g));
    const header = computeHeaderHeightPt(table, panel, g);
    const groupStart = table.rows.findIndex((r) => r.key === 'section:0:group:2');
    assert.equal(rowGroups(table).find((x) => x.start === groupStart)?.end, groupStart + 5, 'a heading over 4 categories');
    const room = heights.slice(0, groupStart + 4).reduce((a, b) => a + b, header) + 1;
    const pages = breakRows(heights, rules, header, room);
    assert.equal(pages[0].rowEnd, groupStart + 3, 'two categories go on, two stay with the heading');
    assert.deepEqual(groupSplits(table, pages).filter((s) => s.after < MIN_GROUP_ROWS_AT_BREAK), []);
  });
  for (const [name, table] of [['a baseline table', createHeadedGroupTable(6)], ['an adverse-event table', createClassTermTable(24)]] as const) {
    it(`leaves at least ${MIN_GROUP_ROWS_AT_BREAK} body rows of a group on each side of a break, at every page height (${name})`, () => {
      const layout = planTableLayout(table, WORD_PAGE_GEOMETRY);
      const g = layoutGeometry(WORD_PAGE_GEOMETRY, layout);
      const panel = layout.panels[0];
      const header = computeHeaderHeightPt(table, panel, g);
      const heights = table.rows.map((_, i) => computeRowHeightPt(table, i, panel, g));
      const rowPt = heights[1];
      let splits = 0;
      // From a page of 9 rows (the longest group and a heading) to one page, in steps of a fifth of a row; with and without notes.
      for (let step = 0; step < (table.rows.length - 9) * 5; step += 1) {
        for (const notes of [0, 3 * rowPt]) {
          const bodyHeightPt = header + notes + (9 + step / 5) * rowPt;
          const pages = notes === 0 ? paginateTable(table, layout, WORD_PAGE_GEOMETRY, bodyHeightPt) : breakRows(heights, tableBreakRules(table), header, bodyHeightPt, notes);
          const at = `${bodyHeightPt.toFixed(1)} pt${notes > 0 ? ' with notes' : ''}`;
          assert.equal(pages[pages.length - 1].rowEnd, table.rows.length, at);
          for (const s of groupSplits(table, pages)) {
            assert.ok(s.before >= MIN_GROUP_ROWS_AT_BREAK && s.after >= MIN_GROUP_ROWS_AT_BREAK, `${at}: ${s.label}: ${s.before} | ${s.after} body rows`);
            splits += 1;
          }
        }
      }
      // The sweep does split groups (so the rule is exercised, not avoided by luck).
      assert.ok(splits > 0);
    });
  }
});

describe('a continuation page repeats the first rows of the groups it goes on with (carriedRows), and pages count them', () => {
  it('names every group the page starts inside of, outermost first, and none at a group boundary', () => {
    const table = createHeadedGroupTable(2);
    const groups = rowGroups(table);
    const start = table.rows.findIndex((r) => r.key === 'section:0:group:2');
    const inner = groups.find((g) => g.start === start);
    assert.ok(inner !== undefined && inner.end - inner.start === 5, 'a heading over 4 categories');
    // Inside a characteristic: the section heading (row 0, the whole table) and the characteristic's heading.
    assert.deepEqual(carriedRows(groups, inner.start + 2), [0, inner.start]);
    // At the characteristic's own heading: only the section goes on.
    assert.deepEqual(carriedRows(groups, inner.start), [0]);
    assert.deepEqual(carriedRows(groups, 0), []);
    assert.equal(continuedLabel('Prior ASCT, n (%)'), 'Prior ASCT, n (%) (continued)');
  });
  for (const [name, table] of [['a baseline table', createHeadedGroupTable(6)], ['an adverse-event table', createClassTermTable(24)]] as const) {
    it(`fits the repeated rows on every page and repeats exactly the groups split by its break, at every page height (${name})`, () => {
      const layout = planTableLayout(table, WORD_PAGE_GEOMETRY);
      const g = layoutGeometry(WORD_PAGE_GEOMETRY, layout);
      const panel = layout.panels[0];
      const groups = rowGroups(table);
      const header = computeHeaderHeightPt(table, panel, g);
      const heights = table.rows.map((_, i) => computeRowHeightPt(table, i, panel, g));
      const rowPt = heights[1];
      let carriedPages = 0;
      for (let step = 0; step < (table.rows.length - 9) * 5; step += 1) {
        const bodyHeightPt = header + (12 + step / 5) * rowPt;
        const pages = paginateTable(table, layout, WORD_PAGE_GEOMETRY, bodyHeightPt);
        for (const p of pages) {
          const at = `${bodyHeightPt.toFixed(1)} pt, page ${p.page}`;
          const splitGroups = groups.filter((x) => x.start < p.rowStart && p.rowStart < x.end).map((x) => x.start);
          assert.deepEqual(p.carried, splitGroups, at);
          const used = header + p.carried.reduce((a, i) => a + computeCarriedRowHeightPt(table, i, panel, g), 0) + heights.slice(p.rowStart, p.rowEnd).reduce((a, b) => a + b, 0);
          assert.ok(used <= bodyHeightPt + 1e-9 || p.rowEnd - p.rowStart === 1, `${at}: ${used.toFixed(1)} pt`);
          if (p.carried.length > 0) carriedPages += 1;
        }
      }
      assert.ok(carriedPages > 0, 'the sweep splits groups');
    });
  }
  it('counts a repeated row as a heading spanning the panel: its continued label may wrap', () => {
    const table = createHeadedGroupTable(1);
    const layout = planTableLayout(table, WORD_PAGE_GEOMETRY);
    const g = layoutGeometry(WORD_PAGE_GEOMETRY, layout);
    const panel = layout.panels[0];
    const one = computeCarriedRowHeightPt(table, 0, panel, g);
    assert.ok(one > 0);
    const long = { ...table, rows: table.rows.map((r, i) => (i === 0 ? { ...r, label: 'A very long heading '.repeat(12) } : r)) };
    assert.ok(computeCarriedRowHeightPt(long, 0, panel, g) > one);
  });
});
