import { open } from 'node:fs/promises';

/** Bytes gathered before a write: large enough that the writes are few. */
export const CHUNK_BYTES = 1 << 20;

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/**
 * Writes the concatenation of `parts` to `path` as UTF-8. Each part is encoded straight into one of two
 * chunk buffers, filled in turn: one is filled while the other is written on the thread pool. A text of
 * 100 MB and more (the HTML report of 10,000 subjects) is then never one string, whose flattening copies
 * it at two bytes per character as soon as one character is outside Latin-1, nor one buffer, and no part
 * is copied into a joined string first. The file is replaced; on a failure it may hold a part of the text.
 */
export async function writeTextParts(path: string, parts: readonly string[]): Promise<void> {
  const handle = await open(path, 'w');
  try {
    const buffers = [Buffer.allocUnsafeSlow(CHUNK_BYTES), Buffer.allocUnsafeSlow(CHUNK_BYTES)];
    let current = 0;
    let used = 0;
    let written: Promise<unknown> = Promise.resolve();
    const send = async (bytes: Buffer) => {
      await written;
      written = handle.write(bytes);
    };
    const flush = async () => {
      if (used === 0) return;
      await send(buffers[current].subarray(0, used));
      // The other buffer's write was awaited above: it is free to fill.
      current = 1 - current;
      used = 0;
    };
    // A part encoded alone would turn a surrogate pair cut between two parts into two U+FFFD: the pair's
    // first half is carried over to the next part.
    let carried = '';
    for (const [index, next] of parts.entries()) {
      let part = carried === '' ? next : carried + next;
      carried = '';
      if (index < parts.length - 1 && isHighSurrogate(part.charCodeAt(part.length - 1))) {
        carried = part.slice(-1);
        part = part.slice(0, -1);
      }
      // A UTF-16 code unit takes at most 3 bytes in UTF-8: a part within that bound is written without
      // measuring it first (most are; measuring is a pass over the text).
      if (used + part.length * 3 > CHUNK_BYTES) {
        const length = Buffer.byteLength(part, 'utf8');
        if (used + length > CHUNK_BYTES) await flush();
        if (length > CHUNK_BYTES) {
          await send(Buffer.from(part, 'utf8'));
          continue;
        }
      }
      used += buffers[current].write(part, used, 'utf8');
    }
    await flush();
    await written;
  } finally {
    await handle.close();
  }
}
