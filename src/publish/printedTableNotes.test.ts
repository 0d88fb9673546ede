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
});
