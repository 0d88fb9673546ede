import { open } from 'node:fs/promises';

/** Characters gathered before one chunk is encoded and written: large enough that the writes are few. */
export const CHUNK_CHARACTERS = 1 << 20;

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/**
 * Writes the concatenation of `parts` to `path` as UTF-8, a chunk of about a million characters at a
 * time, each encoded while the one before is written on the thread pool. A text of 100 MB and more (the
 * HTML report of 10,000 subjects) is then never one string, whose flattening copies it at two bytes per
 * character as soon as one character is outside Latin-1, nor one buffer. The file is replaced; on a
 * failure it may hold a part of the text.
 */
export async function writeTextParts(path: string, parts: readonly string[]): Promise<void> {
  const handle = await open(path, 'w');
  try {
    let written: Promise<unknown> = Promise.resolve();
    const write = async (chunk: string) => {
      const bytes = Buffer.from(chunk, 'utf8');
      await written;
      written = handle.write(bytes);
    };
    let pending: string[] = [];
    let length = 0;
    for (const part of parts) {
      pending.push(part);
      length += part.length;
      if (length >= CHUNK_CHARACTERS) {
        const chunk = pending.join('');
        // A surrogate pair cut by the chunk's end is kept whole: its first half waits for the next chunk.
        const cut = isHighSurrogate(chunk.charCodeAt(chunk.length - 1)) ? chunk.length - 1 : chunk.length;
        await write(chunk.slice(0, cut));
        pending = cut === chunk.length ? [] : [chunk.slice(cut)];
        length = chunk.length - cut;
      }
    }
    if (length > 0) await write(pending.join(''));
    await written;
  } finally {
    await handle.close();
  }
}
