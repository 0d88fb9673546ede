/**
 * The ZIP container (PKWARE APPNOTE 6.3.10, the subset every unzip reads: no ZIP64, no encryption) around
 * entries whose data the caller has already deflated or chosen to store: local headers, the central
 * directory and its end record. One writer for the CDISC package's archive (server's zipArchive) and the
 * DOCX (zipDocxParts), which differ only in how they compress and date their entries.
 */
export interface ZipContainerEntry {
  /** The name as UTF-8 bytes; '/' separates folders. */
  readonly name: Uint8Array;
  /** The file's own bytes (their length and CRC-32 go in the headers). */
  readonly bytes: Uint8Array;
  /** What is written: `bytes` when stored, else their raw deflate stream. */
  readonly data: Uint8Array;
  readonly stored: boolean;
  readonly crc: number;
}

/** An MS-DOS time and date (2-second resolution), as the headers carry them. */
export interface DosDateTime {
  readonly time: number;
  readonly date: number;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL = 0x06054b50;
/** Version 2.0: deflate; bit 11 of the flags: names are UTF-8. */
const VERSION = 20;
const UTF8_NAMES = 0x0800;

/** The fields of a year-month-day hour:minute:second in DOS form (years before 1980 as 1980). */
export function dosDateTime(year: number, month: number, day: number, hours: number, minutes: number, seconds: number): DosDateTime {
  return {
    time: (hours << 11) | (minutes << 5) | Math.floor(seconds / 2),
    date: ((Math.max(1980, year) - 1980) << 9) | (month << 5) | day,
  };
}

/** The archive's bytes, entries in the order given, every entry stamped `at`; `what` names the archive in errors. */
export function writeZipContainer(entries: readonly ZipContainerEntry[], at: DosDateTime, what: string): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    if (entry.data.length > 0xfffffffe || entry.bytes.length > 0xfffffffe || offset > 0xfffffffe) throw new Error(`${what} is beyond 4 GB (ZIP64 is not written)`);
    // The fields from 'version needed' to 'extra length' are the same 26 bytes in the local header and
    // in the central directory record: written once, copied into both.
    const shared = Buffer.alloc(26);
    shared.writeUInt16LE(VERSION, 0);
    shared.writeUInt16LE(UTF8_NAMES, 2);
    shared.writeUInt16LE(entry.stored ? 0 : 8, 4);
    shared.writeUInt16LE(at.time, 6);
    shared.writeUInt16LE(at.date, 8);
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
    // comment length, disk number, internal attributes: 0; external attributes: 0 (a plain file)
    record.writeUInt32LE(offset, 42);
    parts.push(local, entry.name, entry.data);
    central.push(record, entry.name);
    offset += local.length + entry.name.length + entry.data.length;
  }
  const centralSize = central.reduce((sum, part) => sum + part.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_CENTRAL, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  const zip = Buffer.concat([...parts, ...central, end]);
  return new Uint8Array(zip.buffer, zip.byteOffset, zip.byteLength);
}
