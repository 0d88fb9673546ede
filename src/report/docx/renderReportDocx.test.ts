import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deflateSync } from 'node:zlib';
import { formatValue } from '../format/index.js';
import { buildStandardTestTrial, TEST_PROTOCOL } from '../../protocols/nct05236621/testing/reportTestTrial.js';
import { createReportModel, type ReportTable } from '../model/index.js';
import { planTableLayout, WORD_PAGE_GEOMETRY } from '../paging/index.js';
import { readZip } from '../../testing/index.js';
import { DOCX_STYLE } from './docxStyles.js';
import { renderReportDocx } from './renderReportDocx.js';

function decodeXml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** The text of each paragraph of a WordprocessingML part, with its style. */
function paragraphs(xml: string): { style: string; text: string }[] {
  return [...xml.matchAll(/<w:p>(.*?)<\/w:p>|<w:p [^>]*>(.*?)<\/w:p>/gs)].map((m) => {
    const body = m[1] ?? m[2];
    const style = /<w:pStyle w:val="([^"]+)"/.exec(body)?.[1] ?? '';
    const text = [...body.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br\/>/g)].map((t) => (t[0] === '<w:tab/>' ? '\t' : t[0] === '<w:br/>' ? '\n' : decodeXml(t[1]))).join('');
    return { style, text };
  });
}

/** A real, small PNG (solid colour) built here with zlib, so the test needs no browser. */
function solidPng(widthPx: number, heightPx: number): Uint8Array {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'latin1');
    const tail = Buffer.alloc(4);
    tail.writeUInt32BE(crc(Buffer.concat([head.subarray(4), data])), 0);
    return Buffer.concat([head, data, tail]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(widthPx, 0);
  ihdr.writeUInt32BE(heightPx, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.alloc(heightPx * (1 + widthPx * 3));
  for (let y = 0; y < heightPx; y += 1) for (let x = 0; x < widthPx; x += 1) rows.set([30, 90, 200], y * (1 + widthPx * 3) + 1 + x * 3);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]));
}

describe('renderReportDocx', () => {
  const model = createReportModel(buildStandardTestTrial(), TEST_PROTOCOL);
  const tables = model.items.filter((i): i is ReportTable => i.kind === 'table');
  const png = solidPng(1600, 800);
  const rendered = renderReportDocx(model, { figuresPng: new Map([['f-km-pfs', png]]), subtitle: 'Test trial', syntheticNote: 'SYNTHETIC: invented subjects' });

  it('is an Office Open XML package with the main document, styles and the supplied image', async () => {
    const zip = readZip(await rendered);
    for (const part of ['[Content_Types].xml', '_rels/.rels', 'word/document.xml', 'word/styles.xml', 'word/_rels/document.xml.rels']) assert.ok(zip.has(part), part);
    assert.match(zip.get('[Content_Types].xml')?.toString('utf8') ?? '', /wordprocessingml\.document\.main\+xml/);
    const media = [...zip.keys()].filter((name) => name.startsWith('word/media/'));
    assert.equal(media.length, 1);
    assert.deepEqual(new Uint8Array(zip.get(media[0]) ?? []), png);
  });

  it('writes every table and figure title, and every cell of a table, as text', async () => {
    const doc = paragraphs(readZip(await rendered).get('word/document.xml')?.toString('utf8') ?? '');
    const texts = new Set(doc.map((p) => p.text));
    for (const table of tables) assert.ok(doc.some((p) => p.style === DOCX_STYLE.tableTitle && p.text === `${table.number}. ${table.title}`), table.id);
    for (const figure of model.items.filter((i) => i.kind === 'figure')) assert.ok(doc.some((p) => p.style === DOCX_STYLE.figureTitle && p.text === `${figure.number}. ${figure.title}`), figure.id);
    for (const id of ['t-response-rate', 't-baseline', 'l-sae']) {
      const table = tables.find((t) => t.id === id);
      assert.ok(table !== undefined);
      for (const r of table.rows) {
        assert.ok(texts.has(r.label), `${id}: row ${r.label}`);
        for (const c of r.cells) assert.ok(texts.has(formatValue(c.value)), `${id}: cell ${formatValue(c.value)}`);
      }
    }
    const rate = tables.find((t) => t.id === 't-response-rate');
    assert.ok(rate !== undefined);
    assert.ok(texts.has(`Population: ${rate.population.name} (N = ${rate.population.N})`));
    for (const col of rate.columns) assert.ok(texts.has(`${col.label}\n(N = ${col.N})`), `header ${col.label}`);
  });

  it('prints a table\'s notes in the footer of its own section (never a page of notes alone), and a figure\'s under it', async () => {
    const zip = readZip(await rendered);
    const xml = zip.get('word/document.xml')?.toString('utf8') ?? '';
    const rels = zip.get('word/_rels/document.xml.rels')?.toString('utf8') ?? '';
    const target = new Map([...rels.matchAll(/<Relationship [^>]*Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1], m[2]]));
    // Each section's body (the text since the previous section break) and its footer's paragraphs.
    const sections = [...xml.matchAll(/<w:sectPr>.*?<\/w:sectPr>|<w:sectPr [^>]*>.*?<\/w:sectPr>/gs)];
    let from = 0;
    const items = sections.map((m) => {
      // A section's properties are in its last paragraph (before that paragraph's runs), or after the body's last.
      const start = m.index ?? 0;
      const close = xml.indexOf('</w:p>', start);
      const end = close === -1 ? start + m[0].length : close + '</w:p>'.length;
      const body = paragraphs(xml.slice(from, end).replace(m[0], ''));
      from = end;
      const footerId = /<w:footerReference [^>]*r:id="([^"]+)"/.exec(m[0])?.[1];
      const footer = footerId === undefined ? [] : paragraphs(zip.get(`word/${target.get(footerId) ?? ''}`)?.toString('utf8') ?? '');
      return { body, footer: footer.map((p) => p.text) };
    });
    assert.equal(items.length, model.items.length + 1);
    model.items.forEach((item, i) => {
      const { body, footer } = items[i + 1];
      assert.ok(footer.length > 0 && /^Page .* of /.test(footer[footer.length - 1]), `${item.id}: a footer of its own, ending with the page`);
      const expected = [...item.footnotes, ...(item.kind === 'table' && item.abbreviations.length > 0 ? [`Abbreviations: ${item.abbreviations.join('; ')}.`] : [])];
      const where = item.kind === 'table' ? footer : body.map((p) => p.text);
      for (const note of expected) assert.ok(where.includes(note), `${item.id}: note ${note}`);
      if (item.kind === 'table') assert.equal(footer.length, expected.length + (item.paperReference === null ? 0 : 1) + 1, `${item.id}: its own notes only`);
      else assert.equal(footer.length, 1, `${item.id}: no table's notes under a figure`);
    });
  });

  it('numbers the pages of the contents from bookmarks on the titles (PAGEREF fields, updated on opening)', async () => {
    const zip = readZip(await rendered);
    const xml = zip.get('word/document.xml')?.toString('utf8') ?? '';
    const bookmarks = new Set([...xml.matchAll(/<w:bookmarkStart [^>]*w:name="([^"]+)"/g)].map((m) => m[1]));
    const references = [...xml.matchAll(/PAGEREF ([A-Za-z0-9_]+)/g)].map((m) => m[1]);
    assert.equal(references.length, model.items.length);
    for (const name of references) assert.ok(bookmarks.has(name), `bookmark ${name}`);
    assert.equal(new Set(references).size, references.length, 'one bookmark per item');
    assert.match(zip.get('word/settings.xml')?.toString('utf8') ?? '', /<w:updateFields w:val="(true|1|on)"\/>|<w:updateFields\/>/);
  });

  it('prints the study and data cutoff (the subtitle) in the running header', async () => {
    const zip = readZip(await rendered);
    const headers = [...zip.keys()].filter((n) => /^word\/header\d+\.xml$/.test(n)).map((n) => paragraphs(zip.get(n)?.toString('utf8') ?? '').map((p) => p.text));
    assert.ok(headers.length > 0);
    for (const lines of headers) assert.ok(lines.includes('Test trial'), lines.join(' | '));
  });

  it('uses native tables with a repeated header row and CSR rules, at least one per table (one per printed page)', async () => {
    const xml = readZip(await rendered).get('word/document.xml')?.toString('utf8') ?? '';
    const count = xml.match(/<w:tbl>/g)?.length ?? 0;
    assert.ok(count >= tables.length, `${count} Word tables for ${tables.length} report tables`);
    assert.equal(xml.match(/<w:tblHeader\/>|<w:tblHeader w:val="(true|1|on)"\/>/g)?.length, count);
    // A Word table beyond one per report table is a continued page, under its '(continued)' title.
    const titles = paragraphs(xml).filter((p) => p.style === DOCX_STYLE.tableTitle);
    assert.equal(titles.filter((p) => p.text.includes('(continued)')).length, count - tables.length);
    const borders = /<w:tblBorders>(.*?)<\/w:tblBorders>/s.exec(xml)?.[1] ?? '';
    assert.match(borders, /<w:top w:val="single"/);
    assert.match(borders, /<w:bottom w:val="single"/);
    assert.match(borders, /<w:insideV w:val="none"/);
  });

  it('formats through named styles defined in styles.xml', async () => {
    const zip = readZip(await rendered);
    const styles = zip.get('word/styles.xml')?.toString('utf8') ?? '';
    for (const id of Object.values(DOCX_STYLE)) assert.ok(styles.includes(`w:styleId="${id}"`), `style ${id}`);
    const doc = paragraphs(zip.get('word/document.xml')?.toString('utf8') ?? '');
    const footers = [...zip.keys()].filter((n) => /^word\/footer\d+\.xml$/.test(n)).flatMap((n) => paragraphs(zip.get(n)?.toString('utf8') ?? ''));
    const used = new Set([...doc, ...footers].map((p) => p.style));
    for (const id of [DOCX_STYLE.tableCell, DOCX_STYLE.tableStub, DOCX_STYLE.tableHeader, DOCX_STYLE.footnote, DOCX_STYLE.abbreviations, 'Heading1', 'Title']) assert.ok(used.has(id), id);
    assert.deepEqual(doc.filter((p) => p.text !== '' && p.style === '').map((p) => p.text), [], 'every text paragraph has a style');
  });

  it('gives every line spacing a rule, so no reader clips the inline figures to one exact line', async () => {
    const zip = readZip(await rendered);
    for (const part of ['word/styles.xml', 'word/document.xml']) {
      const spacings = zip.get(part)?.toString('utf8').match(/<w:spacing [^>]*w:line="[^"]*"[^>]*>/g) ?? [];
      for (const spacing of spacings) assert.match(spacing, /w:lineRule="auto"/, `${part}: ${spacing}`);
    }
    assert.ok(zip.get('word/document.xml')?.toString('utf8').includes('<wp:inline'), 'the figures are inline images');
  });

  it('labels a synthetic trial on the title page and in the page header, and only then', async () => {
    const zip = readZip(await rendered);
    const doc = paragraphs(zip.get('word/document.xml')?.toString('utf8') ?? '');
    assert.ok(doc.some((p) => p.style === DOCX_STYLE.synthetic && p.text === 'SYNTHETIC: invented subjects'));
    const headers = [...zip.keys()].filter((n) => /^word\/header\d+\.xml$/.test(n));
    assert.ok(headers.length > 0 && headers.every((n) => zip.get(n)?.toString('utf8').includes('SYNTHETIC')));
    const plain = readZip(await renderReportDocx(model));
    assert.ok(![...plain.values()].some((part) => part.toString('utf8').includes('SYNTHETIC')));
  });

  it('gives the tables the shared paging lays out landscape a landscape page, and one section per item', async () => {
    const xml = readZip(await rendered).get('word/document.xml')?.toString('utf8') ?? '';
    const sections = [...xml.matchAll(/<w:sectPr>.*?<\/w:sectPr>|<w:sectPr [^>]*>.*?<\/w:sectPr>/gs)].map((m) => m[0]);
    assert.equal(sections.length, model.items.length + 1);
    const landscape = sections.filter((s) => /w:orient="landscape"/.test(s));
    const wide = tables.filter((t) => planTableLayout(t, WORD_PAGE_GEOMETRY).orientation === 'landscape');
    assert.ok(wide.length > 0);
    assert.equal(landscape.length, wide.length);
    for (const s of landscape) assert.match(s, /<w:pgSz w:w="16838" w:h="11906"/);
  });

  it('embeds a supplied figure at its aspect ratio within the text width, and notes the missing ones', async () => {
    const xml = readZip(await rendered).get('word/document.xml')?.toString('utf8') ?? '';
    const extents = [...xml.matchAll(/<wp:extent cx="(\d+)" cy="(\d+)"\/>/g)].map((m) => [Number(m[1]), Number(m[2])]);
    assert.equal(extents.length, 1);
    const [cx, cy] = extents[0];
    assert.ok(Math.abs(cx / cy - 2) < 0.01, `aspect ${cx / cy}`);
    // Portrait A4 with 2 cm margins: 9638 twips = 6.69 inch = 6 118 … EMU (914400 per inch).
    assert.ok(cx <= (9638 / 1440) * 914400 + 9525, `width ${cx} EMU within the text width`);
    const notes = paragraphs(xml).filter((p) => p.style === DOCX_STYLE.note);
    assert.equal(notes.length, model.items.filter((i) => i.kind === 'figure').length - 1);
  });
});
