import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { REPORT_CSS } from '../report/index.js';
import { renderPdfFromHtml } from './chromium.js';

/**
 * A table item as renderReportHtml writes it (heading, population, table, notes), with `rows` rows:
 * enough rows put the last lines of a table at the foot of a page, where its notes used to fall alone
 * onto the next page.
 */
function tableItem(item: number, rows: number): string {
  const body = Array.from({ length: rows }, (_, r) => `<tr><th scope="row">Row ${item}.${r + 1}</th><td>${r} (1.0%)</td></tr>`).join('\n');
  return (
    `<section class="item table-item" id="t${item}"><h3><span class="num">Table ${item}.</span>Title ${item}</h3><p class="population">Population: All (N = 9)</p>` +
    `<table class="csr"><colgroup><col style="width:60%"><col style="width:40%"></colgroup><thead><tr><th class="stub" scope="col">Row</th><th scope="col">Value</th></tr></thead><tbody>\n${body}\n</tbody></table>` +
    `<div class="notes"><p>First note of table ${item}, long enough to wrap onto a second line of the notes block at the foot of the table on an A4 page.</p><p>Last note of table ${item}.</p></div></section>`
  );
}

/**
 * A table item whose rows come in groups of five under a heading row (as the lab shift table's analytes),
 * after `lead` plain rows, which move where the page breaks within a group.
 */
function groupedItem(item: number, groups: number, lead: number): string {
  const first = Array.from({ length: lead }, (_, r) => `<tr><th scope="row">Row ${item}.0.${r + 1}</th><td>${r}</td></tr>`);
  const body = [...first, ...Array.from({ length: groups }, (_, g) =>
    [`<tr class="heading"><th colspan="2" scope="rowgroup">Group ${item}.${g + 1}</th></tr>`, ...Array.from({ length: 5 }, (_, r) => `<tr><th scope="row" class="i1">Row ${item}.${g + 1}.${r + 1}</th><td>${r}</td></tr>`)].join('\n'),
  )].join('\n');
  return (
    `<section class="item table-item" id="g${item}"><h3><span class="num">Table ${item}.</span>Grouped ${item}</h3><p class="population">Population: All (N = 9)</p>` +
    `<table class="csr"><colgroup><col style="width:60%"><col style="width:40%"></colgroup><thead><tr><th class="stub" scope="col">Row</th><th scope="col">Value</th></tr></thead><tbody>\n${body}\n</tbody></table></section>`
  );
}

describe('the printed report keeps a table\'s notes with its rows', () => {
  const dir = mkdtempSync(join(tmpdir(), 'trialkit-notes-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('never prints a page of notes alone: the last rows come with them (every fill of the page tried)', async () => {
    // One item per page; row counts that fill a page from just short of it to just past it.
    const counts = Array.from({ length: 14 }, (_, i) => 36 + i);
    const html = `<!DOCTYPE html><html><head><style>${REPORT_CSS}</style></head><body><main><section class="report-section"><h2>Section</h2>${counts.map((n, i) => tableItem(i + 1, n)).join('\n')}</section></main></body></html>`;
    const file = join(dir, 'notes.pdf');
    writeFileSync(file, await renderPdfFromHtml(html));
    const pages = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f');
    let sawNotes = 0;
    pages.forEach((text, p) => {
      for (let item = 1; item <= counts.length; item++) {
        if (!text.includes(`Last note of table ${item}.`)) continue;
        sawNotes += 1;
        assert.ok(text.includes(`First note of table ${item}`), `page ${p + 1}: the notes of table ${item} are split`);
        assert.match(text, new RegExp(`Row ${item}\\.\\d+`), `page ${p + 1}: the notes of table ${item} are alone on their page`);
      }
    });
    assert.equal(sawNotes, counts.length);
  });

  it('never ends a page on a heading row: the heading goes over with the rows it heads', async () => {
    const html = `<!DOCTYPE html><html><head><style>${REPORT_CSS}</style></head><body><main><section class="report-section"><h2>Section</h2>${Array.from({ length: 6 }, (_, i) => groupedItem(i + 1, 8, i)).join('\n')}</section></main></body></html>`;
    const file = join(dir, 'headings.pdf');
    writeFileSync(file, await renderPdfFromHtml(html));
    const pages = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f');
    let pagesWithRows = 0;
    pages.forEach((text, p) => {
      const rows = text.split('\n').filter((line) => /^\s*(Group|Row) \d/.test(line));
      if (rows.length === 0) return;
      pagesWithRows += 1;
      assert.doesNotMatch(rows[rows.length - 1], /^\s*Group/, `page ${p + 1} ends on the heading ${rows[rows.length - 1].trim()}`);
    });
    assert.ok(pagesWithRows >= 12, 'every table runs over a page');
  });
});
