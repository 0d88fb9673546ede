import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatValue } from '../format/index.js';
import { buildStandardTestTrial, TEST_PROTOCOL } from '../../protocols/nct05236621/testing/reportTestTrial.js';
import { createAggregateEdition, createReportModel, type ReportModel, type ReportTable } from '../model/index.js';
import { paginateTable, planTableLayout, WORD_PAGE_GEOMETRY } from '../paging/index.js';
import { createClassTermTable, createLongListing, createWideTable } from '../paging/pagingTestTables.js';
import { renderReportRtf, type ReportRtfOptions } from './renderReportRtf.js';
import { rtfText } from './rtfText.js';

/** Checks that every group opened is closed (escaped braces aside) and returns the greatest depth. */
function checkGroups(rtf: string): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < rtf.length; i += 1) {
    const char = rtf[i];
    if (char === '\\') i += 1;
    else if (char === '{') deepest = Math.max(deepest, (depth += 1));
    else if (char === '}') {
      depth -= 1;
      assert.ok(depth >= 0 || i === rtf.length - 1, `a group closes at ${i} that was never opened`);
      assert.ok(depth > 0 || rtf.slice(i + 1).trim() === '', `the document group closes at ${i} before the end`);
    }
  }
  assert.equal(depth, 0, 'every group is closed');
  return deepest;
}

/**
 * The visible text of an RTF document as a reader shows it, one string per paragraph or cell: control
 * words dropped, \uN? decoded, ignorable destinations ({\*...}), pictures and field instructions skipped.
 */
function readText(rtf: string): string[] {
  const out: string[] = [];
  let current = '';
  let skipDepth = -1;
  let depth = 0;
  const flush = () => {
    out.push(current);
    current = '';
  };
  for (let i = 0; i < rtf.length; i += 1) {
    const char = rtf[i];
    if (char === '{') {
      depth += 1;
      const rest = rtf.slice(i + 1, i + 12);
      if (skipDepth < 0 && (rest.startsWith('\\*') || rest.startsWith('\\pict') || rest.startsWith('\\fonttbl') || rest.startsWith('\\colortbl') || rest.startsWith('\\info'))) skipDepth = depth;
      continue;
    }
    if (char === '}') {
      if (depth === skipDepth) skipDepth = -1;
      depth -= 1;
      continue;
    }
    if (char === '\n' || char === '\r') continue;
    if (char === '\\') {
      const next = rtf[i + 1];
      if (next === '\\' || next === '{' || next === '}') {
        if (skipDepth < 0) current += next;
        i += 1;
        continue;
      }
      const m = /^\\([a-z]+)(-?\d+)? ?/.exec(rtf.slice(i, i + 40));
      if (m === null) continue;
      i += m[0].length - 1;
      if (skipDepth >= 0) continue;
      if (m[1] === 'u') {
        current += String.fromCharCode(Number(m[2]) < 0 ? Number(m[2]) + 0x10000 : Number(m[2]));
        i += 1; // the '?' fallback
      } else if (m[1] === 'par' || m[1] === 'cell') flush();
      else if (m[1] === 'line') current += '\n';
      else if (m[1] === 'tab') current += '\t';
      continue;
    }
    if (skipDepth < 0) current += char;
  }
  flush();
  return out.filter((t) => t !== '');
}

/** Row keys in the order the RTF holds them. */
function rowKeys(rtf: string): string[] {
  return [...rtf.matchAll(/\{\\\*\\trialkitrow ([^}]*)\}/g)].map((m) => m[1]);
}

const OPTIONS: ReportRtfOptions = { title: 'Tables and figures', studyId: 'TEST-1', dataCutoffDate: '2022-12-01', program: 'trialkit test', runDate: '2026-01-02' };

function singleTableModel(table: ReportTable): ReportModel {
  return { sections: [{ id: 'safety', title: 'Safety evaluation', items: [table] }], items: [table] };
}

describe('rtfText', () => {
  it('escapes RTF control characters and writes non-ASCII as Unicode escapes', () => {
    assert.equal(rtfText('a{b}\\c'), 'a\\{b\\}\\\\c');
    assert.equal(rtfText('8.74\u2013NR \u2265 5'), '8.74\\u8211?NR \\u8805? 5');
    assert.equal(rtfText('two\nlines'), 'two\\line lines');
  });
});

describe('renderReportRtf', () => {
  const model = createReportModel(buildStandardTestTrial(), TEST_PROTOCOL);
  const tables = model.items.filter((i): i is ReportTable => i.kind === 'table');
  const files = renderReportRtf(model, { ...OPTIONS, syntheticNote: 'SYNTHETIC: invented subjects.' });

  it('writes a combined report.rtf and one file per table, listing and figure, each a well-formed RTF 1 document', () => {
    assert.deepEqual(files.map((f) => f.fileName), ['report.rtf', ...model.items.map((i) => `${i.id}.rtf`)]);
    for (const file of files) {
      assert.match(file.content, /^\{\\rtf1\\ansi/, file.fileName);
      assert.ok(checkGroups(file.content) >= 2, file.fileName);
      assert.ok([...file.content].every((c) => c === '\n' || (c >= ' ' && c <= '~')), `${file.fileName} is printable 7-bit ASCII`);
    }
  });

  it('holds every row of every table by key, in order, with every cell printed as formatValue prints it', () => {
    for (const table of tables) {
      const file = files.find((f) => f.itemId === table.id);
      assert.ok(file !== undefined, table.id);
      assert.deepEqual(rowKeys(file.content), table.rows.map((r) => r.key), table.id);
      const text = new Set(readText(file.content));
      assert.ok(text.has(`${table.number}. ${table.title}`), `${table.id} title`);
      for (const r of table.rows) {
        assert.ok(text.has(r.label), `${table.id}: ${r.label}`);
        for (const c of r.cells) assert.ok(text.has(formatValue(c.value)) || formatValue(c.value) === '', `${table.id}/${r.key}: ${formatValue(c.value)}`);
      }
      for (const note of table.footnotes) assert.ok(text.has(note), `${table.id} footnote`);
    }
    const combined = files[0].content;
    assert.deepEqual(rowKeys(combined), tables.flatMap((t) => t.rows.map((r) => r.key)));
  });

  it('says SYNTHETIC in the running header and footer of every file, and page x of y', () => {
    for (const file of files) {
      const header = /\{\\header (.*?)\}\n\{\\footer/s.exec(file.content)?.[1] ?? '';
      assert.match(header, /SYNTHETIC DATA/, file.fileName);
      assert.match(header, /Page \{\\field\{\\\*\\fldinst PAGE\}.* of \{\\field\{\\\*\\fldinst NUMPAGES\}/, file.fileName);
      assert.match(/\{\\footer (.*?)\}\n/s.exec(file.content)?.[1] ?? '', /SYNTHETIC DATA\. Program: trialkit test\. Run 2026-01-02\. Data cutoff 2022-12-01/, file.fileName);
    }
    const real = renderReportRtf(model, OPTIONS);
    for (const file of real) assert.doesNotMatch(file.content, /SYNTHETIC/, file.fileName);
  });

  it('lists the contents with page numbers and bookmarks every item', () => {
    const combined = files[0].content;
    for (const item of model.items) {
      const bookmark = item.id.replace(/-/g, '_');
      assert.ok(combined.includes(`{\\*\\bkmkstart ${bookmark}}`), item.id);
      assert.match(combined, new RegExp(`PAGEREF ${bookmark} \\\\\\\\h\\}\\{\\\\fldrslt \\d+\\}`), item.id);
    }
  });

  it('embeds a supplied figure as a PNG picture, and notes a missing one', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 2, 0x80, 0, 0, 1, 0x40, 8, 2, 0, 0, 0]);
    const withFigure = renderReportRtf(model, { ...OPTIONS, figuresPng: new Map([['f-km-pfs', png]]) });
    const km = withFigure.find((f) => f.itemId === 'f-km-pfs')?.content ?? '';
    assert.match(km, /\{\\pict\\pngblip\\picw640\\pich320\\picwgoal\d+\\pichgoal\d+\n89504e470d0a1a0a/);
    const other = withFigure.find((f) => f.itemId === 'f-consort')?.content ?? '';
    assert.ok(readText(other).some((t) => t.includes('is not embedded here')));
  });

  it('marks the aggregate edition in its title and footers', () => {
    const aggregate = renderReportRtf(createAggregateEdition(model), OPTIONS);
    assert.match(aggregate[0].content, /\(aggregate edition\)/);
    assert.match(aggregate[0].content, /Aggregate edition\./);
    assert.ok(!aggregate.some((f) => f.itemId === 'l-sae'));
  });
});

describe('renderReportRtf paging', () => {
  it('pages a 300-subject listing on landscape pages, each with the header row and the title, every row once', () => {
    const listing = createLongListing(300);
    const [, file] = renderReportRtf(singleTableModel(listing), OPTIONS);
    const rtf = file.content;
    checkGroups(rtf);
    assert.match(rtf, /\\lndscpsxn/);
    const pages = rtf.split('\\pagebb').length;
    assert.ok(pages >= 10, `${pages} pages`);
    const headerRows = [...rtf.matchAll(/\\trhdr/g)].length;
    assert.equal(headerRows, pages, 'a header row on every page');
    const text = readText(rtf);
    assert.equal(text.filter((t) => t === 'Listing 1. Listing of events').length, 1);
    assert.equal(text.filter((t) => t === 'Listing 1. Listing of events (continued)').length, pages - 1);
    assert.equal(text.filter((t) => t === 'Preferred term').length, pages);
    assert.deepEqual(rowKeys(rtf), listing.rows.map((r) => r.key));
  });

  it('splits a table wider than a landscape page into column panels that repeat the row labels', () => {
    const wide = createWideTable(14);
    const rtf = renderReportRtf(singleTableModel(wide), OPTIONS)[1].content;
    checkGroups(rtf);
    const text = readText(rtf);
    const panelTitles = text.filter((t) => t.startsWith('Table 1. Time to event by group'));
    assert.ok(panelTitles.length >= 2);
    assert.match(panelTitles[1], /\[columns \d+\u2013\d+ of 14\]/);
    assert.equal(text.filter((t) => t === 'Median, months').length, panelTitles.length);
    for (const c of wide.columns) assert.equal(text.filter((t) => t === `${c.label}\n(N = ${c.N})`).length, 1, c.id);
  });

  it('repeats a split class at the top of its continuation page, marked continued, without a row key', () => {
    const table = createClassTermTable(60);
    const rtf = renderReportRtf(singleTableModel(table), OPTIONS)[1].content;
    checkGroups(rtf);
    const text = readText(rtf);
    const carried = text.filter((t) => t.endsWith(' (continued)') && !t.startsWith('Table '));
    assert.ok(carried.length > 0, 'the table splits a class across pages');
    for (const label of carried) assert.ok(table.rows.some((r) => `${r.label} (continued)` === label), label);
    // The paging repeats exactly the classes its pages start inside of (the RTF's own page: the whole A4 text area is not known here, so at least one).
    assert.ok(paginateTable(table, planTableLayout(table, WORD_PAGE_GEOMETRY), WORD_PAGE_GEOMETRY, 400).some((p) => p.carried.length > 0));
    assert.deepEqual(rowKeys(rtf), table.rows.map((r) => r.key));
  });
});
