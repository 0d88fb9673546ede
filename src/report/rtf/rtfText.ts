/**
 * Text as RTF: the control characters `\`, `{`, `}` escaped, every character outside 7-bit ASCII as a
 * Unicode escape (`\uN?`, N a signed 16-bit number, '?' the fallback a reader without Unicode shows; the
 * document declares `\uc1`), a line break in the text as `\line`. Astral characters become surrogate pairs.
 */
export function rtfText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    const char = text[i];
    if (char === '\\' || char === '{' || char === '}') out += `\\${char}`;
    else if (char === '\n') out += '\\line ';
    else if (char === '\t') out += '\\tab ';
    else if (code < 0x20) continue;
    else if (code < 0x80) out += char;
    else out += `\\u${code > 0x7fff ? code - 0x10000 : code}?`;
  }
  return out;
}

/** Points to twips (1/20 pt), RTF's unit of length. */
export function twips(points: number): number {
  return Math.round(points * 20);
}

/** An RTF bookmark name from an item id ('t-baseline' -> 't_baseline'): letters, digits and underscores. */
export function rtfBookmark(id: string): string {
  const name = id.replace(/[^A-Za-z0-9_]/g, '_');
  return /^[A-Za-z]/.test(name) ? name : `b_${name}`;
}
