import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { inflateRawSync } from 'node:zlib';
import { createZipArchive } from './zipArchive.js';

/** The entries of a ZIP archive read back from its central directory (deflate and stored), for the tests. */
export function readZipArchive(bytes: Uint8Array): Map<string, Uint8Array> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, 'an end of central directory record');
  const count = buffer.readUInt16LE(end + 10);
  let at = buffer.readUInt32LE(end + 16);
  const out = new Map<string, Uint8Array>();
  for (let i = 0; i < count; i += 1) {
    assert.equal(buffer.readUInt32LE(at), 0x02014b50);
    const method = buffer.readUInt16LE(at + 10);
    const size = buffer.readUInt32LE(at + 20);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extra = buffer.readUInt16LE(at + 30);
    const comment = buffer.readUInt16LE(at + 32);
    const local = buffer.readUInt32LE(at + 42);
    const name = buffer.toString('utf8', at + 46, at + 46 + nameLength);
    const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    const data = buffer.subarray(start, start + size);
    out.set(name, new Uint8Array(method === 8 ? inflateRawSync(data) : data));
    at += 46 + nameLength + extra + comment;
  }
  return out;
}

describe('createZipArchive', () => {
  const entries = [
    { name: 'sdtm/dm.xpt', bytes: new Uint8Array(4000).map((_x, i) => i % 7) },
    { name: 'sdtm/define.xml', bytes: new TextEncoder().encode('<?xml version="1.0"?><ODM/>') },
    { name: 'adam/empty.txt', bytes: new Uint8Array(0) },
  ];
  const at = new Date(Date.UTC(2026, 11, 6, 12, 30, 14));

  it('reads back entry by entry, byte for byte, and is the same bytes for the same files and instant', () => {
    const zip = createZipArchive(entries, at);
    const read = readZipArchive(zip);
    assert.deepEqual([...read.keys()], entries.map((e) => e.name));
    for (const entry of entries) assert.deepEqual(read.get(entry.name), entry.bytes, entry.name);
    assert.deepEqual(createZipArchive(entries, at), zip);
  });

  it("is a ZIP file Python's zipfile opens and tests (CRC of every entry)", () => {
    const dir = mkdtempSync(join(tmpdir(), 'trialkit-zip-'));
    try {
      writeFileSync(join(dir, 'a.zip'), createZipArchive(entries, at));
      const script = 'import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\nprint(";".join(f"{i.filename}:{i.file_size}:{i.date_time}" for i in z.infolist()))';
      const result = spawnSync('python3', ['-c', script, join(dir, 'a.zip')], { encoding: 'utf8' });
      assert.equal(result.error, undefined, 'python3 runs');
      assert.equal(result.status, 0, result.stderr);
      assert.equal(result.stdout.trim(), 'sdtm/dm.xpt:4000:(2026, 12, 6, 12, 30, 14);sdtm/define.xml:27:(2026, 12, 6, 12, 30, 14);adam/empty.txt:0:(2026, 12, 6, 12, 30, 14)');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a name given twice', () => {
    assert.throws(() => createZipArchive([entries[0], entries[0]], at), /given twice/);
  });
});
