import { issue, type IssuePath } from '../result/index.js';
import { HttpError } from './httpError.js';
import { REQUEST_LIMITS, findTextIssues } from './requestLimits.js';

/**
 * The byte offset of the first byte that is not well-formed UTF-8 (RFC 3629: no overlong forms, no
 * surrogates, nothing above U+10FFFF), or -1. Run only after a fatal decode failed, to name the place.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i += 1;
      continue;
    }
    let need: number;
    let min: number;
    let max = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b === 0xe0) [need, min] = [2, 0xa0];
    else if (b === 0xed) [need, min, max] = [2, 0x80, 0x9f];
    else if (b >= 0xe1 && b <= 0xef) [need, min] = [2, 0x80];
    else if (b === 0xf0) [need, min] = [3, 0x90];
    else if (b === 0xf4) [need, min, max] = [3, 0x80, 0x8f];
    else if (b >= 0xf1 && b <= 0xf3) [need, min] = [3, 0x80];
    else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k] as number | undefined;
      const [lo, hi] = k === 1 ? [min, max] : [0x80, 0xbf];
      if (c === undefined || c < lo || c > hi) return i;
    }
    i += need + 1;
  }
  return -1;
}

interface Frame {
  readonly kind: 'object' | 'array';
  key: string | undefined;
  index: number;
  expectKey: boolean;
}

export interface JsonScan {
  /** Where the nesting went past the limit, or undefined. */
  readonly tooDeepAt: IssuePath | undefined;
  /** The field the text ends in (for an error found at the end of a prefix). */
  readonly endPath: IssuePath;
}

function pathOf(frames: readonly Frame[]): (string | number)[] {
  const path: (string | number)[] = [];
  for (const frame of frames) {
    if (frame.kind === 'array') path.push(frame.index);
    else if (frame.key !== undefined) path.push(frame.key);
  }
  return path;
}

function keyText(raw: string): string {
  try {
    return JSON.parse(raw) as string;
  } catch {
    return raw.slice(1, -1);
  }
}

/**
 * One pass over JSON text without building it: the nesting depth and the path of fields, so a body nested
 * too deep is refused before JSON.parse and the validators recurse through it, and an error found at a
 * byte offset can name its field. For text that is not JSON the answer is approximate; JSON.parse decides.
 */
export function scanJson(text: string, maxDepth: number): JsonScan {
  const frames: Frame[] = [];
  let inString = false;
  let stringStart = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c) i += 1;
      else if (ch === 0x22) {
        inString = false;
        const top = frames.at(-1);
        if (top?.kind === 'object' && top.expectKey) top.key = keyText(text.slice(stringStart, i + 1));
      }
      continue;
    }
    switch (ch) {
      case 0x22:
        inString = true;
        stringStart = i;
        break;
      case 0x7b:
      case 0x5b:
        if (frames.length >= maxDepth) return { tooDeepAt: pathOf(frames), endPath: pathOf(frames) };
        frames.push({ kind: ch === 0x7b ? 'object' : 'array', key: undefined, index: 0, expectKey: ch === 0x7b });
        break;
      case 0x7d:
      case 0x5d:
        frames.pop();
        break;
      case 0x3a: {
        const top = frames.at(-1);
        if (top !== undefined) top.expectKey = false;
        break;
      }
      case 0x2c: {
        const top = frames.at(-1);
        if (top?.kind === 'array') top.index += 1;
        else if (top !== undefined) {
          top.expectKey = true;
          top.key = undefined;
        }
        break;
      }
      default:
        break;
    }
  }
  return { tooDeepAt: undefined, endPath: pathOf(frames) };
}

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * A JSON request body read strictly: well-formed UTF-8 (a bad byte is refused, never replaced by U+FFFD),
 * nested at most REQUEST_LIMITS.maxDepth deep, valid JSON, and every string within the text limits and
 * free of NUL and unpaired surrogates. Refusals are 400 (not JSON at all) or 422 naming the field.
 */
export function parseJsonBody(bytes: Uint8Array): { readonly text: string; readonly value: unknown } {
  let text: string;
  try {
    text = fatalUtf8.decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const prefix = new TextDecoder('utf-8').decode(bytes.subarray(0, Math.max(0, offset)));
    const path = scanJson(prefix, Number.MAX_SAFE_INTEGER).endPath;
    throw new HttpError(422, 'invalid-input', 'the body is not valid UTF-8', {
      issues: [issue('invalid-utf8', path, `byte ${offset} (0x${(bytes[offset] ?? 0).toString(16).padStart(2, '0')})`, 'text encoded as UTF-8')],
    });
  }
  if (text.trim() === '') return { text, value: {} };
  const scan = scanJson(text, REQUEST_LIMITS.maxDepth);
  if (scan.tooDeepAt !== undefined) {
    throw new HttpError(422, 'invalid-input', `the body is nested deeper than ${REQUEST_LIMITS.maxDepth} levels`, {
      issues: [issue('too-deep', scan.tooDeepAt, undefined, `objects and arrays nested at most ${REQUEST_LIMITS.maxDepth} levels deep`)],
    });
  }
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, 'malformed-json', 'the body is not valid JSON');
  }
  const issues = findTextIssues(value);
  if (issues.length > 0) throw new HttpError(422, 'invalid-input', 'the request body is not valid', { issues });
  return { text, value };
}
