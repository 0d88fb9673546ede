import { crc32, deflateRawSync } from 'node:zlib';

/**
 * A ZIP archive (PKWARE APPNOTE 6.3.10, the subset every unzip reads: no ZIP64, no encryption) of named files,
 * each deflated unless deflating does not make it smaller (then stored). Paths use '/' and stay as given (the
 * CDISC package's sdtm/dm.xpt ...). The modification time is the one instant given, in DOS time (UTC fields:
 * the archive carries no time zone), so the same files at the same instant give the same bytes.
 */

export interface ZipEntry {
  readonly name: string;
  readonly bytes: Uint8Array;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL = 0x06054b50;
/** Version 2.0: deflate; bit 11 of the flags: names are UTF-8. */
const VERSION = 20;
const UTF8_NAMES = 0x0800;

function dosDateTime(at: Date): { time: number; date: number } {
  const year = Math.max(1980, at.getUTCFullYear());
  return {
    time: (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | Math.floor(at.getUTCSeconds() / 2),
    date: ((year - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate(),
  };
}

export function createZipArchive(entries: readonly ZipEntry[], modifiedAt: Date): Uint8Array {
  const { time, date } = dosDateTime(modifiedAt);
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  const names = new Set<string>();
  for (const entry of entries) {
    if (names.has(entry.name)) throw new Error(`zip: the name ${entry.name} is given twice`);
    names.add(entry.name);
    const name = Buffer.from(entry.name, 'utf8');
    const deflated = deflateRawSync(entry.bytes, { level: 9 });
    const stored = deflated.length >= entry.bytes.length;
    const data = stored ? entry.bytes : deflated;
    const crc = crc32(entry.bytes);
    if (data.length > 0xfffffffe || entry.bytes.length > 0xfffffffe || offset > 0xfffffffe) throw new Error('zip: a file or the archive is beyond 4 GB (ZIP64 is not written)');
    // The fields from 'version needed' to 'extra length' are the same 26 bytes in the local header and
    // in the central directory record: written once, copied into both.
    const shared = Buffer.alloc(26);
    shared.writeUInt16LE(VERSION, 0);
    shared.writeUInt16LE(UTF8_NAMES, 2);
    shared.writeUInt16LE(stored ? 0 : 8, 4);
    shared.writeUInt16LE(time, 6);
    shared.writeUInt16LE(date, 8);
    shared.writeUInt32LE(crc, 10);
    shared.writeUInt32LE(data.length, 14);
    shared.writeUInt32LE(entry.bytes.length, 18);
    shared.writeUInt16LE(name.length, 22);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_HEADER, 0);
    shared.copy(local, 4);
    const record = Buffer.alloc(46);
    record.writeUInt32LE(CENTRAL_HEADER, 0);
    record.writeUInt16LE(VERSION, 4);
    shared.copy(record, 6);
    // comment length, disk number, internal attributes: 0; external attributes: 0 (a plain file)
    record.writeUInt32LE(offset, 42);
    parts.push(local, name, data);
    central.push(record, name);
    offset += local.length + name.length + data.length;
  }
  const centralSize = central.reduce((sum, part) => sum + part.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_CENTRAL, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...parts, ...central, end]));
}
