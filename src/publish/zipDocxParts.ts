import { promisify } from 'node:util';
import { crc32, deflateRaw } from 'node:zlib';

const deflateRawAsync = promisify(deflateRaw);

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL = 0x06054b50;
/** Version 2.0: deflate; bit 11 of the flags: names are UTF-8. */
const VERSION = 20;
const UTF8_NAMES = 0x0800;

/** Media a Word package carries in formats that are compressed already: stored, as deflating them again gains nothing. */
const COMPRESSED_MEDIA = /^word\/media\/[^/]+\.(png|jpe?g|gif)$/i;

function dosDateTime(at: Date): { time: number; date: number } {
  const year = Math.max(1980, at.getFullYear());
  return {
    time: (at.getHours() << 11) | (at.getMinutes() << 5) | Math.floor(at.getSeconds() / 2),
    date: ((year - 1980) << 9) | ((at.getMonth() + 1) << 5) | at.getDate(),
  };
}

/**
 * A Word package (DOCX) zipped from its parts (docxPackageParts), in their order: the XML parts deflated at
 * level 6 by zlib on libuv's thread pool, all at once, the PNG and JPEG media stored as they are. The docx
 * package's Packer zips the same parts with fflate in JavaScript and deflates the PNGs a second time,
 * which took most of the time of writing the report's DOCX. The entries' time is `modifiedAt` in local
 * time, as fflate writes it. No ZIP64: a part or the archive beyond 4 GB is refused.
 */
export async function zipDocxParts(parts: ReadonlyMap<string, string | Uint8Array>, modifiedAt: Date): Promise<Uint8Array> {
  const { time, date } = dosDateTime(modifiedAt);
  const entries = await Promise.all(
    [...parts].map(async ([path, content]) => {
      const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content.buffer, content.byteOffset, content.byteLength);
      const deflated = COMPRESSED_MEDIA.test(path) ? null : await deflateRawAsync(bytes, { level: 6 });
      const stored = deflated === null || deflated.length >= bytes.length;
      return { name: Buffer.from(path, 'utf8'), bytes, data: stored ? bytes : deflated, stored, crc: crc32(bytes) };
    }),
  );
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    if (entry.data.length > 0xfffffffe || entry.bytes.length > 0xfffffffe || offset > 0xfffffffe) throw new Error('docx: a part or the package is beyond 4 GB (ZIP64 is not written)');
    // The 26 bytes from 'version needed' to 'extra length' are the same in the local header and the central record.
    const shared = Buffer.alloc(26);
    shared.writeUInt16LE(VERSION, 0);
    shared.writeUInt16LE(UTF8_NAMES, 2);
    shared.writeUInt16LE(entry.stored ? 0 : 8, 4);
    shared.writeUInt16LE(time, 6);
    shared.writeUInt16LE(date, 8);
    shared.writeUInt32LE(entry.crc, 10);
    shared.writeUInt32LE(entry.data.length, 14);
    shared.writeUInt32LE(entry.bytes.length, 18);
    shared.writeUInt16LE(entry.name.length, 22);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_HEADER, 0);
    shared.copy(local, 4);
    const record = Buffer.alloc(46);
    record.writeUInt32LE(CENTRAL_HEADER, 0);
    record.writeUInt16LE(VERSION, 4);
    shared.copy(record, 6);
    record.writeUInt32LE(offset, 42);
    chunks.push(local, entry.name, entry.data);
    central.push(record, entry.name);
    offset += local.length + entry.name.length + entry.data.length;
  }
  if (entries.length > 0xffff) throw new Error('docx: more than 65535 parts (ZIP64 is not written)');
  const centralSize = central.reduce((sum, part) => sum + part.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_CENTRAL, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  const zip = Buffer.concat([...chunks, ...central, end]);
  return new Uint8Array(zip.buffer, zip.byteOffset, zip.byteLength);
}
