import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deflateSync } from 'node:zlib';
import { buildStandardTestTrial, TEST_PROTOCOL } from '../protocols/nct05236621/testing/reportTestTrial.js';
import { Packer } from 'docx';
import { docxPackageParts, reportDocxDocument } from '../report/docx/index.js';
import { createReportModel } from '../report/index.js';
import { readZip } from '../testing/index.js';
import { encodePngRows } from './encodePng.js';
import { zipDocxParts } from './zipDocxParts.js';

/** The compression method of each entry, read from the central directory. */
function methods(zip: Uint8Array): Map<string, number> {
  const bytes = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const out = new Map<string, number>();
  let at = bytes.readUInt32LE(end + 16);
  for (let i = 0; i < bytes.readUInt16LE(end + 10); i += 1) {
    const nameLength = bytes.readUInt16LE(at + 28);
    out.set(bytes.toString('utf8', at + 46, at + 46 + nameLength), bytes.readUInt16LE(at + 10));
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return out;
}

/** The document's creation and modification times are the clock's: left out of the comparison. */
const withoutTimes = (xml: string) => xml.replace(/<dcterms:(created|modified)\b[^>]*>[^<]*<\/dcterms:\1>/g, '');

describe('zipDocxParts', () => {
  it('zips the parts the docx Packer zips, the same bytes once unzipped, with the PNG stored and the XML deflated', async () => {
    const model = createReportModel(buildStandardTestTrial(), TEST_PROTOCOL);
    const rgba = new Uint8Array(300 * 200 * 4).map((_, i) => (i % 4 === 3 ? 255 : (i * 7) % 251));
    const png = await encodePngRows(rgba, 300, 0, 200);
    const options = { figuresPng: new Map([['f-km-pfs', png]]), subtitle: 'Test trial', syntheticNote: 'SYNTHETIC: invented subjects' };
    // One document packed both ways: each new document numbers its drawings and bookmarks on from the last.
    const document = reportDocxDocument(model, options);
    const parts = docxPackageParts(document);
    assert.ok(parts !== null, 'the docx package has its compiler');
    const ours = await zipDocxParts(parts, new Date(2024, 5, 1, 12, 30, 10));
    const theirs = new Uint8Array(await Packer.toArrayBuffer(document));
    const a = readZip(ours);
    const b = readZip(theirs);
    assert.deepEqual([...a.keys()], [...b.keys()]);
    for (const [name, bytes] of a) {
      const other = b.get(name) ?? Buffer.alloc(0);
      if (name === 'docProps/core.xml') assert.equal(withoutTimes(bytes.toString('utf8')), withoutTimes(other.toString('utf8')));
      else assert.ok(bytes.equals(other), name);
    }
    const media = [...a.keys()].filter((name) => name.startsWith('word/media/'));
    assert.equal(media.length, 1);
    assert.ok(a.get(media[0])?.equals(png), 'the PNG as given');
    const method = methods(ours);
    assert.equal(method.get(media[0]), 0, 'the PNG is stored');
    assert.equal(method.get('word/document.xml'), 8, 'the XML is deflated');
  });

  it('stores a part that deflating would not make smaller, and gives the entries the time asked for', async () => {
    const random = deflateSync(Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 2654435761) >>> 24)), { level: 9 });
    const zip = await zipDocxParts(new Map<string, string | Uint8Array>([['a.bin', random], ['b.xml', '<a>'.repeat(100)]]), new Date(2024, 5, 1, 12, 30, 10));
    assert.deepEqual([...methods(zip)], [['a.bin', 0], ['b.xml', 8]]);
    const read = readZip(zip);
    assert.ok(read.get('a.bin')?.equals(random));
    assert.equal(read.get('b.xml')?.toString('utf8'), '<a>'.repeat(100));
    const bytes = Buffer.from(zip);
    // DOS time and date of the first local header: 12:30:10 on 2024-06-01 (local time).
    assert.equal(bytes.readUInt16LE(10), (12 << 11) | (30 << 5) | 5);
    assert.equal(bytes.readUInt16LE(12), ((2024 - 1980) << 9) | (6 << 5) | 1);
  });
});
