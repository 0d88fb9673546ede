import { promisify } from 'node:util';
import { crc32, deflateRaw } from 'node:zlib';
import { dosDateTime, writeZipContainer, type DosDateTime } from './zipContainer.js';

const deflateRawAsync = promisify(deflateRaw);

/** Media a Word package carries in formats that are compressed already: stored, as deflating them again gains nothing. */
const COMPRESSED_MEDIA = /^word\/media\/[^/]+\.(png|jpe?g|gif)$/i;

/** The instant in DOS form from its local-time fields, as fflate (the docx package's zip) writes them. */
function localDosDateTime(at: Date): DosDateTime {
  return dosDateTime(at.getFullYear(), at.getMonth() + 1, at.getDate(), at.getHours(), at.getMinutes(), at.getSeconds());
}

/**
 * A Word package (DOCX) zipped from its parts (docxPackageParts), in their order: the XML parts deflated at
 * level 6 by zlib on libuv's thread pool, all at once, the PNG and JPEG media stored as they are. The docx
 * package's Packer zips the same parts with fflate in JavaScript and deflates the PNGs a second time,
 * which took most of the time of writing the report's DOCX. The entries' time is `modifiedAt` in local
 * time, as fflate writes it. No ZIP64: a part or the archive beyond 4 GB is refused.
 */
export async function zipDocxParts(parts: ReadonlyMap<string, string | Uint8Array>, modifiedAt: Date): Promise<Uint8Array> {
  const entries = await Promise.all(
    [...parts].map(async ([path, content]) => {
      const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content.buffer, content.byteOffset, content.byteLength);
      const deflated = COMPRESSED_MEDIA.test(path) ? null : await deflateRawAsync(bytes, { level: 6 });
      const stored = deflated === null || deflated.length >= bytes.length;
      return { name: Buffer.from(path, 'utf8'), bytes, data: stored ? bytes : deflated, stored, crc: crc32(bytes) };
    }),
  );
  if (entries.length > 0xffff) throw new Error('docx: more than 65535 parts (ZIP64 is not written)');
  return writeZipContainer(entries, localDosDateTime(modifiedAt), 'docx: a part or the package');
}
