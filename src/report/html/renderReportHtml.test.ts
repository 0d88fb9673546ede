import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SubgroupDefinition } from '../../clinical/index.js';
import { formatValue } from '../format/index.js';
import { buildStandardTestTrial, TEST_PROTOCOL, type TestSubjectSpec, withPlan } from '../../protocols/nct05236621/testing/reportTestTrial.js';
import { createAggregateEdition, createReportModel, type ReportModel, type ReportTable } from '../model/index.js';
import { subjectAnchor, subjectListAnchor } from './anchors/index.js';
import { escapeHtml } from './escapeHtml.js';
import { renderReportHtml, type ReportHtmlOptions } from './renderReportHtml.js';
import { REPORT_CSS } from './reportStyles.js';

const data = buildStandardTestTrial();
const model = createReportModel(data, TEST_PROTOCOL);
const options: ReportHtmlOptions = { title: 'Clinical study report', studyId: 'TK-001', dataCutoffDate: '2022-12-01', synthetic: true, protocol: TEST_PROTOCOL, datasets: data };
const fakeSvg = (id: string) => `<svg xmlns="http://www.w3.org/2000/svg" data-figure="${id}"></svg>`;
const svgs = (m: ReportModel) => Object.fromEntries(m.items.filter((i) => i.kind === 'figure').map((f) => [f.id, fakeSvg(f.id)]));
const html = renderReportHtml(model, svgs(model), options);

/** The HTML of the element with this id, up to its closing </section>. */
function section(page: string, id: string): string {
  const start = page.indexOf(`id="${id}"`);
  assert.ok(start >= 0, `no element with id ${id}`);
  return page.slice(start, page.indexOf('</section>', start));
}

const unescape = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
const cellTexts = (tableHtml: string) => [...tableHtml.matchAll(/<td[^>]*>(?:<a [^>]*>)?([^<]*)(?:<\/a>)?<\/td>/g)].map((m) => unescape(m[1]));

describe('renderReportHtml', () => {
  it('prints every cell of every table in order, formatted from the value the model computed', () => {
    const tables = model.items.filter((i): i is ReportTable => i.kind === 'table');
    assert.ok(tables.length >= 10);
    for (const table of tables) {
      const expected = table.rows.flatMap((r) => r.cells.map((c) => formatValue(c.value)));
      assert.deepEqual(cellTexts(section(html, table.id)), expected, table.id);
    }
  });

  it('marks each row with its key and each cell with its column id', () => {
    const rates = section(html, 't-response-rate');
    const rate = /<tr data-key="orr:rate">.*?<td data-column="irc">(?:<a [^>]*>)?([^<]*)/.exec(rates);
    assert.ok(rate !== null);
    const cell = model.items.find((i): i is ReportTable => i.kind === 'table' && i.id === 't-response-rate')?.rows.find((r) => r.key === 'orr:rate')?.cells[0];
    assert.ok(cell !== undefined);
    assert.equal(unescape(rate[1]), formatValue(cell.value));
    assert.ok(rates.includes('<tr class="heading" data-key="orr">'));
  });

  it('has a numbered, titled section for every table and figure, with population and N, listed in the contents', () => {
    for (const item of model.items) {
      const part = section(html, item.id);
      assert.ok(part.includes(`${escapeHtml(item.number)}.</span>${escapeHtml(item.title)}</h3>`), item.id);
      assert.ok(part.includes(`Population: ${escapeHtml(item.population.name)} (N = ${item.population.N})`), item.id);
      assert.ok(html.includes(`<a href="#${item.id}">`), `contents link to ${item.id}`);
      if (item.kind === 'figure') assert.ok(part.includes(fakeSvg(item.id)), `${item.id} drawing inlined`);
      else for (const c of item.columns) if (c.N !== null) assert.ok(part.includes(`(N = ${c.N})`), `${item.id} ${c.id}`);
    }
  });

  it('links each count to the list of exactly its subjects, and each listed subject to their profile', () => {
    let checked = 0;
    for (const table of model.items.filter((i): i is ReportTable => i.kind === 'table')) {
      for (const r of table.rows) {
        for (const c of r.cells) {
          if (c.subjects.length === 0) continue;
          const list = section(html, subjectListAnchor(c.subjects));
          const listed = [...list.matchAll(/<a href="#(s-[^"]+)">/g)].map((m) => m[1]);
          assert.deepEqual(listed, c.subjects.map(subjectAnchor), `${table.id} / ${r.label}`);
          checked += 1;
        }
      }
    }
    assert.ok(checked > 100, `${checked} linked cells`);
  });

  it('resolves every in-page link, and shows each subject once with their derived records', () => {
    const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
    const targets = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
    const broken = targets.filter((t) => !ids.has(t));
    assert.deepEqual([...new Set(broken)], []);
    for (const subject of data.adsl) {
      assert.equal(html.split(`id="${subjectAnchor(subject.USUBJID)}"`).length, 2, subject.USUBJID);
      const profile = section(html, subjectAnchor(subject.USUBJID));
      for (const rs of data.adrs.filter((r) => r.USUBJID === subject.USUBJID && r.PARAMCD === 'OVRLRESP')) assert.ok(profile.includes(`<td>${rs.AVISIT ?? ''}</td>`), `${subject.USUBJID} ${rs.AVISIT ?? ''}`);
      // In words (sentence case), not the ADTTE's upper-case text.
      for (const tte of data.adtte.filter((r) => r.USUBJID === subject.USUBJID && r.CNSR > 0)) assert.ok(profile.toLowerCase().includes(escapeHtml(tte.CNSDTDSC ?? '').toLowerCase()), `${subject.USUBJID} ${tte.PARAMCD}`);
      for (const ae of data.adae.filter((r) => r.USUBJID === subject.USUBJID)) assert.ok(profile.includes(`<td>${escapeHtml(ae.AEDECOD)}</td>`), `${subject.USUBJID} AE ${ae.AESEQ}`);
    }
  });

  it('writes one list per distinct set of subjects however often it is cited', () => {
    const anchors = [...html.matchAll(/class="subject-list" id="([^"]+)"/g)].map((m) => m[1]);
    assert.equal(new Set(anchors).size, anchors.length);
  });

  it('is self-contained: inline style, no script, no external reference', () => {
    assert.ok(html.startsWith('<!DOCTYPE html>'));
    assert.ok(html.includes('<style>'));
    assert.ok(!/<script|<link |src="http|href="http|@import/.test(html));
  });

  it('prints the SYNTHETIC banner only for a synthetic trial, and escapes text', () => {
    assert.match(html, /class="synthetic-banner"[^>]*>SYNTHETIC DATA/);
    const real = renderReportHtml(model, svgs(model), { ...options, synthetic: false, studyId: 'A<B&C' });
    assert.ok(!real.includes('synthetic-banner"'));
    assert.ok(real.includes('Study A&lt;B&amp;C'));
  });

  it('notes a figure that was not drawn instead of failing', () => {
    const page = renderReportHtml(model, {}, options);
    assert.ok(section(page, 'f-swimmer').includes('This figure was not drawn.'));
  });

  it('renders a second, small trial with other subgroups and no responders', () => {
    const specs: TestSubjectSpec[] = [
      { central: [30, 30, 30, 30], iss: 'I' },
      { central: [30, 40, 45, 50], iss: 'II', endOfTreatment: { day: 60, reason: 'progressive-disease' } },
      { central: [30, 31, 29, 30], iss: 'III', asct: true, female: true },
    ];
    const small = buildStandardTestTrial(specs);
    const asct: SubgroupDefinition = { id: 'asct', label: 'Prior ASCT', variable: 'PRASCTFL', levels: [{ value: 'Y', label: 'Yes' }, { value: 'N', label: 'No' }], comparisons: [['Y', 'N']] };
    const protocol = withPlan({ responseSubgroups: [asct], survivalSubgroups: [asct] });
    const other = createReportModel(small, protocol);
    const page = renderReportHtml(other, svgs(other), { ...options, protocol, datasets: small });
    for (const item of other.items) assert.ok(page.includes(`id="${item.id}"`), item.id);
    const ids = new Set([...page.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
    assert.deepEqual([...page.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]).filter((t) => !ids.has(t)), []);
  });

  it('prints the codes of a subject profile as the labels of the protocol\'s code lists (outcome, reasons, cause of death)', () => {
    const label = (list: string, code: string | null) => TEST_PROTOCOL.codelists.find((c) => c.id === list)?.items.find((i) => i.code === code)?.label;
    let checked = 0;
    let reasons = 0;
    for (const subject of data.adsl) {
      const profile = section(html, subjectAnchor(subject.USUBJID));
      const expect = (list: string, code: string | null) => {
        const shown = label(list, code);
        if (code === null || shown === undefined || shown === code) return;
        assert.ok(profile.includes(escapeHtml(shown)), `${subject.USUBJID}: ${shown}`);
        assert.ok(!profile.includes(`>${code}<`) && !profile.includes(`, ${code}`), `${subject.USUBJID}: no raw code ${code}`);
        checked += 1;
      };
      expect('DCREAS', subject.DCTREAS);
      expect('DCREAS', subject.DCSREAS);
      expect('DTHCAUS', subject.DTHCAUS);
      for (const ae of data.adae.filter((r) => r.USUBJID === subject.USUBJID)) expect('AEOUT', ae.AEOUT);
      if (subject.EOTSTT !== null) assert.ok(!profile.includes(subject.EOTSTT.toUpperCase() + ','), `${subject.USUBJID}: status in sentence case`);
      for (const best of data.adrs.filter((r) => r.USUBJID === subject.USUBJID && r.PARAMCD === 'BOR' && r.BORREAS !== null)) {
        assert.ok(!profile.includes(`>${best.BORREAS}<`), `${subject.USUBJID}: no raw reason code ${best.BORREAS}`);
        reasons += 1;
      }
    }
    assert.ok(checked > 0, 'the test trial has coded reasons or outcomes');
    assert.ok(reasons > 0, 'the test trial has best-response reasons');
  });

  it('prints the evaluators and the event and censoring descriptions of a subject profile in words, not as the upper-case CDISC values', () => {
    const labels = new Map(TEST_PROTOCOL.response.evaluators.map((e) => [e.id, e.label]));
    const abbreviations = new Set([...TEST_PROTOCOL.response.scale.categories.map((c) => c.code), ...TEST_PROTOCOL.endpoints.map((e) => e.paramcd)]);
    let kept = 0;
    let descriptions = 0;
    for (const subject of data.adsl) {
      const profile = section(html, subjectAnchor(subject.USUBJID));
      for (const r of data.adtte.filter((t) => t.USUBJID === subject.USUBJID)) {
        const label = r.EVALUATOR === null ? null : (labels.get(r.EVALUATOR) ?? r.EVALUATOR);
        if (label !== null && label !== r.EVALUATOR) assert.ok(!profile.includes(`<td>${r.EVALUATOR}</td>`), `${subject.USUBJID}: evaluator ${r.EVALUATOR} as ${label}`);
        if (label !== null) assert.ok(profile.includes(`<td>${escapeHtml(label)}</td>`), `${subject.USUBJID}: ${label}`);
        const description = r.CNSR === 0 ? r.EVNTDESC : r.CNSDTDSC;
        if (description === null) continue;
        const shown = [...profile.matchAll(/<td>([^<]*)<\/td>/g)].map((m) => m[1]).find((t) => t.toUpperCase() === escapeHtml(description).toUpperCase());
        assert.ok(shown !== undefined, `${subject.USUBJID}: ${description}`);
        // Sentence case: its first letter capital, every other word lower case but the category and endpoint codes.
        for (const [i, word] of shown.split(/[^A-Za-z0-9-]+/).filter((w) => w !== '').entries()) {
          if (abbreviations.has(word)) {
            kept += 1;
            continue;
          }
          assert.equal(word, i === 0 ? word.charAt(0).toUpperCase() + word.slice(1).toLowerCase() : word.toLowerCase(), `${subject.USUBJID}: '${shown}'`);
        }
        descriptions += 1;
      }
    }
    assert.ok(descriptions > 0, 'the test trial has time-to-event records');
    // A category code in the responder label, 'Censored for OS (still in follow-up)': the abbreviations stay upper-case.
    assert.ok(kept > 0, 'the descriptions keep abbreviations');
  });

  it('prints the aggregate edition with the same cells, no subject link, list or profile, and says what it leaves out', () => {
    const aggregate = createAggregateEdition(model);
    const page = renderReportHtml(aggregate, svgs(aggregate), options);
    for (const table of aggregate.items.filter((i): i is ReportTable => i.kind === 'table')) assert.deepEqual(cellTexts(section(page, table.id)), cellTexts(section(html, table.id)), table.id);
    assert.ok(html.includes('id="appendix-subjects"'));
    for (const absent of ['id="appendix-subjects"', 'id="appendix-subject-lists"', 'href="#sl-', 'href="#s-', 'id="l-sae"']) assert.ok(!page.includes(absent), absent);
    assert.deepEqual(data.adsl.filter((s) => page.includes(s.USUBJID)).map((s) => s.USUBJID), []);
    assert.ok(page.includes('<h1>Clinical study report (aggregate edition)</h1>'));
    assert.match(section(page, 'f-swimmer'), /Lanes are numbered in plotted order/);
    assert.match(page, /<div class="edition-notice" role="note"><p>Aggregate edition: .*Left out: the subjects behind each count; the subject profiles; the subject-level listings and tables: Listing 1 /);
  });
});

describe('renderReportHtml paging', () => {
  it('lays a table wider than a landscape page as column panels on landscape pages, each with the row labels, and every cell once', async () => {
    const { createWideTable, createLongListing } = await import('../paging/pagingTestTables.js');
    const { planTableLayout, PDF_PAGE_GEOMETRY } = await import('../paging/index.js');
    const wide = createWideTable(14);
    const listing = createLongListing(300);
    const single: ReportModel = { sections: [{ id: 'safety', title: 'Safety', items: [wide, listing] }], items: [wide, listing] };
    const page = renderReportHtml(single, {}, options);
    const item = section(page, 't-wide');
    assert.match(page, /class="item table-item landscape[^"]*" id="t-wide"/);
    const tables = [...item.matchAll(/<table class="csr[^"]*">(.*?)<\/table>/gs)].map((m) => m[1]);
    assert.equal(tables.length, planTableLayout(wide, PDF_PAGE_GEOMETRY).panels.length, 'one printed page per panel');
    assert.ok(tables.length >= 2);
    for (const t of tables) assert.ok(t.includes('Median, months'));
    assert.deepEqual(tables.flatMap((t) => [...t.matchAll(/<th scope="col" data-column="([^"]+)"/g)].map((m) => m[1])), wide.columns.map((c) => c.id));
    assert.match(item, /\(continued\) \[columns \d+–14 of 14\]/);
    // The listing: a table per printed page, each after the first under a continued title (a new page in
    // print; on screen the pages read as one table), each with its header row; every row once, in order.
    const rows = section(page, 'l-long');
    const pages = [...rows.matchAll(/<table class="csr listing[^"]*">(.*?)<\/table>/gs)].map((m) => m[1]);
    assert.ok(pages.length >= 5, `${pages.length} pages`);
    for (const p of pages) assert.match(p, /<thead>/);
    assert.equal([...rows.matchAll(/<div class="continued-title"><p class="panel-title">Listing 1\. [^<]* \(continued\)<\/p>/g)].length, pages.length - 1);
    assert.equal([...rows.matchAll(/<table class="csr listing continued[^"]*">/g)].length, pages.length - 1);
    assert.deepEqual([...rows.matchAll(/<tr data-key="([^"]+)"/g)].map((m) => m[1]), listing.rows.map((r) => r.key));
  });
  it('repeats a class split by a printed page at the top of the next, marked continued, printed only and without a row key', async () => {
    const { createClassTermTable } = await import('../paging/pagingTestTables.js');
    const table = createClassTermTable(60);
    const single: ReportModel = { sections: [{ id: 'safety', title: 'Safety', items: [table] }], items: [table] };
    const item = section(renderReportHtml(single, {}, options), 't-soc');
    const carried = [...item.matchAll(/<tr class="heading carried"><th colspan="\d+" scope="rowgroup"[^>]*>([^<]*)<\/th><\/tr>/g)].map((m) => m[1]);
    assert.ok(carried.length > 0, 'the table splits a class across printed pages');
    for (const label of carried) assert.ok(table.rows.some((r) => `${escapeHtml(r.label)} (continued)` === label), label);
    // Each carried row opens a continued page, right under its header row.
    assert.equal([...item.matchAll(/<\/thead><tbody>\n<tr class="heading carried">/g)].length, carried.length);
    assert.deepEqual([...item.matchAll(/<tr[^>]* data-key="([^"]+)"/g)].map((m) => m[1]), table.rows.map((r) => r.key));
    assert.match(REPORT_CSS, /table\.csr tr\.carried \{ display: none; \}/, 'hidden on screen');
  });
});
