/**
 * Width of printed text, estimated from Helvetica's font metrics (Arial and Liberation Sans, the fonts the
 * renderers ask for, have the same advance widths). The paging of every format (PDF, DOCX, RTF) decides
 * page orientation, column widths, panels and page breaks from these estimates, so that the three agree
 * without asking a layout engine. Units: 1/1000 em (AFM), characters 32-126.
 */
const HELVETICA_WIDTHS = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space ! " # $ % & ' ( ) * + , - . /
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0-9 : ; < = > ?
  1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @ A-O
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P-Z [ \ ] ^ _
  333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // ` a-o
  556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, // p-z { | } ~
];
/** Bold Helvetica is wider by about this factor on the characters tables print. */
const BOLD_FACTOR = 1.1;
/** Characters outside ASCII (en dash, ≥, accented letters) are taken as wide as a digit. */
const OTHER_WIDTH = 556;

/** The advance width of the space, in 1/1000 em. */
const SPACE_UNITS = HELVETICA_WIDTHS[0];

/**
 * Advance width of `text` in 1/1000 em, code point by code point (a surrogate pair is one character).
 * Integers, so the units of two texts add up exactly to those of the two joined: wrapText and the table
 * layout measure each text once and scale (textUnitsToPt) instead of measuring it again at each size.
 */
export function computeTextUnits(text: string): number {
  let units = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code >= 32 && code <= 126) units += HELVETICA_WIDTHS[code - 32];
    else {
      units += OTHER_WIDTH;
      // A high surrogate followed by a low one is one character.
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
        const next = text.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) i += 1;
      }
    }
  }
  return units;
}

/** Points of `units` (1/1000 em) at `fontSizePt`: the one formula of every width here. */
export function textUnitsToPt(units: number, fontSizePt: number, bold = false): number {
  return (units / 1000) * fontSizePt * (bold ? BOLD_FACTOR : 1);
}

/** Width in points of `text` on one line at `fontSizePt`. */
export function computeTextWidthPt(text: string, fontSizePt: number, bold = false): number {
  return textUnitsToPt(computeTextUnits(text), fontSizePt, bold);
}

/** An ISO 8601 date (or month, or date-time): printed whole, never "2021-07-" over "10". */
const ISO_DATE = /^\d{4}-\d{2}(-\d{2})?([T ][\d:.]+Z?)?[,;.)]?$/;

/**
 * The pieces a line may break between: words, and a hyphenated word after each hyphen (as Word and
 * LibreOffice break), except a date, which is kept whole: its column is then planned wide enough that
 * no layout engine needs to break it.
 */
function breakPieces(word: string): string[] {
  // Without a hyphen there is nothing to break (and no date): most words, spared the two regular expressions.
  return !word.includes('-') || ISO_DATE.test(word) ? [word] : word.split(/(?<=-)(?=.)/);
}

/** computeLongestWordPt in 1/1000 em. */
export function computeLongestWordUnits(text: string): number {
  let widest = 0;
  for (const word of text.split(/\s+/)) for (const piece of breakPieces(word)) widest = Math.max(widest, computeTextUnits(piece));
  return widest;
}

/**
 * Width of the widest unbreakable piece (what a column cannot be narrower than without breaking inside a
 * word). The widest piece in units is the widest in points: textUnitsToPt never reverses an order.
 */
export function computeLongestWordPt(text: string, fontSizePt: number, bold = false): number {
  return textUnitsToPt(computeLongestWordUnits(text), fontSizePt, bold);
}

/**
 * The lines `text` wraps into in a column `widthPt` wide, breaking at spaces, and after the hyphens of a
 * hyphenated word too wide for the column (a word without one stays whole on its own line, as a layout
 * engine that does not hyphenate would overflow it).
 * A newline in the text always starts a new line.
 */
export function wrapText(text: string, widthPt: number, fontSizePt: number, bold = false): string[] {
  // Each word is measured once: a line's width is the sum of its words' and spaces' units (exact integers),
  // not the line measured again with every word added.
  const overflows = (units: number) => textUnitsToPt(units, fontSizePt, bold) > widthPt + 1e-6;
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    let lineUnits = 0;
    for (const word of paragraph.split(' ')) {
      const wordUnits = computeTextUnits(word);
      if (line === '') {
        line = word;
        lineUnits = wordUnits;
      } else if (overflows(lineUnits + SPACE_UNITS + wordUnits)) {
        lines.push(line);
        line = word;
        lineUnits = wordUnits;
      } else {
        line = `${line} ${word}`;
        lineUnits += SPACE_UNITS + wordUnits;
      }
      // A hyphenated word wider than the column breaks after its hyphens.
      if (textUnitsToPt(lineUnits, fontSizePt, bold) > widthPt && line === word) {
        line = '';
        lineUnits = 0;
        for (const piece of breakPieces(word)) {
          const pieceUnits = computeTextUnits(piece);
          if (line !== '' && overflows(lineUnits + pieceUnits)) {
            lines.push(line);
            line = piece;
            lineUnits = pieceUnits;
          } else {
            line += piece;
            lineUnits += pieceUnits;
          }
        }
      }
    }
    lines.push(line);
  }
  return lines;
}
