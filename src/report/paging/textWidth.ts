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

/** Width in points of `text` on one line at `fontSizePt`. */
export function computeTextWidthPt(text: string, fontSizePt: number, bold = false): number {
  let units = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 32;
    units += code >= 32 && code <= 126 ? HELVETICA_WIDTHS[code - 32] : OTHER_WIDTH;
  }
  return (units / 1000) * fontSizePt * (bold ? BOLD_FACTOR : 1);
}

/** An ISO 8601 date (or month, or date-time): printed whole, never "2021-07-" over "10". */
const ISO_DATE = /^\d{4}-\d{2}(-\d{2})?([T ][\d:.]+Z?)?[,;.)]?$/;

/**
 * The pieces a line may break between: words, and a hyphenated word after each hyphen (as Word and
 * LibreOffice break), except a date, which is kept whole: its column is then planned wide enough that
 * no layout engine needs to break it.
 */
function breakPieces(word: string): string[] {
  return ISO_DATE.test(word) ? [word] : word.split(/(?<=-)(?=.)/);
}

/** Width of the widest unbreakable piece (what a column cannot be narrower than without breaking inside a word). */
export function computeLongestWordPt(text: string, fontSizePt: number, bold = false): number {
  let widest = 0;
  for (const word of text.split(/\s+/)) for (const piece of breakPieces(word)) widest = Math.max(widest, computeTextWidthPt(piece, fontSizePt, bold));
  return widest;
}

/**
 * The lines `text` wraps into in a column `widthPt` wide, breaking at spaces, and after the hyphens of a
 * hyphenated word too wide for the column (a word without one stays whole on its own line, as a layout
 * engine that does not hyphenate would overflow it).
 * A newline in the text always starts a new line.
 */
export function wrapText(text: string, widthPt: number, fontSizePt: number, bold = false): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (line !== '' && computeTextWidthPt(candidate, fontSizePt, bold) > widthPt + 1e-6) {
        lines.push(line);
        line = word;
      } else line = candidate;
      // A hyphenated word wider than the column breaks after its hyphens.
      if (computeTextWidthPt(line, fontSizePt, bold) > widthPt && line === word) {
        const pieces = breakPieces(word);
        line = '';
        for (const piece of pieces) {
          if (line !== '' && computeTextWidthPt(line + piece, fontSizePt, bold) > widthPt + 1e-6) {
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
