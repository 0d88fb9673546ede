import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { computeLongestWordPt, computeTextUnits, computeTextWidthPt, textUnitsToPt, wrapText } from './textWidth.js';

// The measures as they were written before they worked in units (each text measured again at each size,
// each candidate line measured whole): every printed format's paging depends on them, so the faster
// forms must give the same numbers, bit for bit, and the same lines.
const WIDTHS = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778,
  722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
  556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];
const ISO_DATE = /^\d{4}-\d{2}(-\d{2})?([T ][\d:.]+Z?)?[,;.)]?$/;

function referenceWidthPt(text: string, fontSizePt: number, bold = false): number {
  let units = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 32;
    units += code >= 32 && code <= 126 ? WIDTHS[code - 32] : 556;
  }
  return (units / 1000) * fontSizePt * (bold ? 1.1 : 1);
}

function referencePieces(word: string): string[] {
  return ISO_DATE.test(word) ? [word] : word.split(/(?<=-)(?=.)/);
}

function referenceLongestWordPt(text: string, fontSizePt: number, bold = false): number {
  let widest = 0;
  for (const word of text.split(/\s+/)) for (const piece of referencePieces(word)) widest = Math.max(widest, referenceWidthPt(piece, fontSizePt, bold));
  return widest;
}

function referenceWrapText(text: string, widthPt: number, fontSizePt: number, bold = false): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (line !== '' && referenceWidthPt(candidate, fontSizePt, bold) > widthPt + 1e-6) {
        lines.push(line);
        line = word;
      } else line = candidate;
      if (referenceWidthPt(line, fontSizePt, bold) > widthPt && line === word) {
        const pieces = referencePieces(word);
        line = '';
        for (const piece of pieces) {
          if (line !== '' && referenceWidthPt(line + piece, fontSizePt, bold) > widthPt + 1e-6) {
            lines.push(line);
            line = piece;
          } else line += piece;
        }
      }
    }
    lines.push(line);
  }
  return lines;
}

// Table text: words, numbers, hyphenated words, dates, runs of spaces, newlines, non-ASCII (en dash, ≥,
// accents, a character outside the BMP, a lone surrogate).
const piece = fc.constantFrom('a', 'Wm', 'iii', '12', '(34.5)', '-', 'non-', 'recovered', '2021-07-10', '2021-07', ' ', '  ', '\n', '\t', '–', '≥', 'é', '😀', '\ud800', 'x-y-z', 'N = 12', '%');
const text = fc.array(piece, { maxLength: 24 }).map((parts) => parts.join(''));
const size = fc.constantFrom(7, 8, 8.5, 9, 10, 11.5);

describe('text widths in units', () => {
  it('computeTextWidthPt and computeLongestWordPt are the former measures, bit for bit', () => {
    fc.assert(
      fc.property(text, size, fc.boolean(), (t, s, bold) => {
        assert.equal(computeTextWidthPt(t, s, bold), referenceWidthPt(t, s, bold));
        assert.equal(computeLongestWordPt(t, s, bold), referenceLongestWordPt(t, s, bold));
        assert.equal(textUnitsToPt(computeTextUnits(t), s, bold), referenceWidthPt(t, s, bold));
      }),
      { numRuns: 2000 },
    );
  });

  it('counts a surrogate pair as one character and a lone surrogate as one', () => {
    assert.equal(computeTextUnits('😀'), 556);
    assert.equal(computeTextUnits('\ud800a'), 556 + 556);
    assert.equal(computeTextUnits('a\udc00'), 556 + 556);
  });

  it('wrapText breaks the lines the former method broke', () => {
    fc.assert(
      fc.property(text, fc.double({ min: 1, max: 200, noNaN: true }), size, fc.boolean(), (t, width, s, bold) => {
        assert.deepEqual(wrapText(t, width, s, bold), referenceWrapText(t, width, s, bold));
      }),
      { numRuns: 3000 },
    );
  });

  it('wrapText breaks as before where a line just fits or just does not', () => {
    // Column widths at a prefix's width, give or take the tolerance: where a break is decided by a hair.
    fc.assert(
      fc.property(text, fc.nat(), fc.constantFrom(-2e-6, -1e-6, -5e-7, 0, 1e-6), size, fc.boolean(), (t, at, delta, s, bold) => {
        const width = referenceWidthPt(t.slice(0, t.length === 0 ? 0 : at % (t.length + 1)).replace(/\n/g, ''), s, bold) + delta;
        assert.deepEqual(wrapText(t, width, s, bold), referenceWrapText(t, width, s, bold));
      }),
      { numRuns: 3000 },
    );
  });
});
