import { crc32, deflateRawSync } from 'node:zlib';
import { dosDateTime, writeZipContainer, type DosDateTime } from '../publish/index.js';

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

/** The instant in DOS form from its UTC fields: the archive carries no time zone. */
function utcDosDateTime(at: Date): DosDateTime {
  return dosDateTime(at.getUTCFullYear(), at.getUTCMonth() + 1, at.getUTCDate(), at.getUTCHours(), at.getUTCMinutes(), at.getUTCSeconds());
}

export function createZipArchive(entries: readonly ZipEntry[], modifiedAt: Date): Uint8Array {
  const names = new Set<string>();
  const prepared = entries.map((entry) => {
    if (names.has(entry.name)) throw new Error(`zip: the name ${entry.name} is given twice`);
    names.add(entry.name);
    const deflated = deflateRawSync(entry.bytes, { level: 9 });
    const stored = deflated.length >= entry.bytes.length;
    return { name: Buffer.from(entry.name, 'utf8'), bytes: entry.bytes, data: stored ? entry.bytes : deflated, stored, crc: crc32(entry.bytes) };
  });
  return writeZipContainer(prepared, utcDosDateTime(modifiedAt), 'zip: a file or the archive');
}
