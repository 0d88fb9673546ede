import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildStandardTestTrial, TEST_PROTOCOL } from '../../protocols/nct05236621/testing/reportTestTrial.js';
import { cell, column, headingRow, numberValue, population, reportTable, row, textCell, type ReportModel, type ReportTable, createReportModel } from '../model/index.js';
import { createClassTermTable, createHeadedGroupTable, createLongListing, createWideTable } from '../paging/pagingTestTables.js';
import { docxPackageParts } from './docxPackageParts.js';
import { escapeXml } from './docxTableXml.js';
import { reportDocxDocument, reportDocxParts } from './renderReportDocx.js';

function modelOf(tables: readonly ReportTable[]): ReportModel {
  return { sections: [{ id: 'safety', title: 'Safety evaluation', items: tables }], items: tables };
}

/**
 * The docx package numbers bookmarks on from one document to the next in a process: two documents made one
 * after the other differ in those ids only, which are renumbered from 1 here.
 */
function renumberBookmarks(xml: string): string {
  const ids = new Map<string, number>();
  return xml.replace(/(<w:bookmark(?:Start|End)\b[^>]*?w:id=")(\d+)"/g, (_m, head: string, id: string) => {
    if (!ids.has(id)) ids.set(id, ids.size + 1);
    return `${head}${ids.get(id)}"`;
  });
}

/** The document's creation and modification times are the clock's: left out of the comparison. */
const withoutTimes = (xml: string) => xml.replace(/<dcterms:(created|modified)\b[^>]*>[^<]*<\/dcterms:\1>/g, '');

/** Every part of the package made with the docx package's table objects equals the one with tables as text. */
function assertSameParts(model: ReportModel, options: Parameters<typeof reportDocxParts>[1] = {}): void {
  const reference = docxPackageParts(reportDocxDocument(model, options));
  const text = reportDocxParts(model, options);
  assert.ok(reference !== null, "the docx package has its compiler");
  assert.ok(text !== null, "the tables were put in place of their placeholders");
  assert.deepEqual([...text.keys()], [...reference.keys()]);
  for (const [name, part] of reference) {
    const other = text.get(name);
    if (typeof part === 'string' && typeof other === 'string') assert.equal(withoutTimes(renumberBookmarks(other)), withoutTimes(renumberBookmarks(part)), name);
    else assert.deepEqual(other, part, name);
  }
}

/** A table whose labels and values hold what XML must escape, line breaks, indents, a spanning heading and a small font. */
function awkwardTable(): ReportTable {
  const columns = [column('a', 'Arm "A" & <B>'), column('b', "Investigator's\ncall")];
  const rows = [
    headingRow('h', 'Heading & <more>', 0),
    row('r1', 'First > second', [textCell('x < y & "z"'), cell(numberValue(1.5, { decimals: 1 }))], 1),
    row('r2', 'Two\nlines', [textCell("it's\u0001 here"), textCell('')], 2),
  ];
  return { ...reportTable({ id: 't-awkward', title: 'Awkward & <text>', population: population('Safety set', 'SAFFL', 3), stubLabel: 'Row "stub"', columns, rows }), number: 'Table 1' };
}

describe('docxTableXml', () => {
  it('writes every table of a report as the docx package writes its table objects, byte for byte', () => {
    assertSameParts(createReportModel(buildStandardTestTrial(), TEST_PROTOCOL), { subtitle: 'Test trial', syntheticNote: 'SYNTHETIC: invented subjects' });
  });

  it('writes paged listings, column panels, carried group rows, headings and escaped text as the docx package does', () => {
    assertSameParts(modelOf([createLongListing(120), createWideTable(14), createClassTermTable(12), createHeadedGroupTable(6), awkwardTable()]));
  });

  it('puts each table where its placeholder was, and leaves no placeholder', () => {
    const text = reportDocxParts(modelOf([awkwardTable(), createWideTable(3)]));
    const xml = String(text?.get('word/document.xml'));
    assert.doesNotMatch(xml, /TrialkitTablePlaceholder/);
    assert.equal(xml.match(/<w:tbl>/g)?.length, 2);
    assert.ok(xml.indexOf('Awkward &amp; &lt;text&gt;') < xml.indexOf('<w:tbl>'), 'the title precedes its table');
  });

  it('escapes as the docx package does: the five XML characters, and control characters dropped', () => {
    assert.equal(escapeXml(`a&b<c>d"e'f\u0000g\u000bh\u001fi\tj\nk`), 'a&amp;b&lt;c&gt;d&quot;e&apos;fghi\tj\nk');
    assert.equal(escapeXml('plain'), 'plain');
  });
});
