import type { LabAnalyte } from './labAnalyte.js';
import { LAB_UNIT_CONVERSIONS, type LabUnitDefinition } from './labUnitConversions.js';

const SUPERSCRIPTS: Readonly<Record<string, string>> = { '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9' };

/**
 * The comparison key of a unit as people type it: no spaces, lower case, micro sign and Greek mu as `u`,
 * `mcg`/`mcmol` as `ug`/`umol`, `×` or `*` as `x`, exponents as `^n` (`10E9`, `10**9`, `10⁹`), `mm3` as
 * `mm^3`, and a leading multiplication sign dropped (`x10^9/L` is `10^9/L`). Two spellings with the same
 * key are the same unit.
 */
export function normaliseUnit(text: string): string {
  let out = text.trim().replace(/\s+/g, '');
  // Superscript digits first: NFKC would turn `10⁹` into `109`.
  out = out.replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g, (digits) => '^' + [...digits].map((d) => SUPERSCRIPTS[d] ?? d).join(''));
  out = out.normalize('NFKC').toLowerCase();
  out = out.replace(/[µμ]/g, 'u').replace(/mc(?=g|mol|l\b|kat)/g, 'u');
  out = out.replace(/\*\*/g, '^').replace(/[×*]/g, 'x');
  out = out.replace(/10e\+?(\d+)/g, '10^$1').replace(/10\^\+?(\d+)/g, '10^$1');
  out = out.replace(/mm3\b/g, 'mm^3');
  out = out.replace(/^x(?=10\^)/, '');
  return out;
}

/**
 * Per analyte, the definitions keyed by the normalised spelling of their unit and aliases. Built once per
 * analyte: a trial grades every lab of every visit, and re-normalising the whole table per value was the
 * most expensive step of deriving a trial's datasets.
 */
const unitIndex = new Map<LabAnalyte, ReadonlyMap<string, LabUnitDefinition>>();

function indexFor(analyte: LabAnalyte): ReadonlyMap<string, LabUnitDefinition> {
  let index = unitIndex.get(analyte);
  if (index === undefined) {
    const built = new Map<string, LabUnitDefinition>();
    // First spelling wins, as in a scan of the table in order.
    for (const definition of LAB_UNIT_CONVERSIONS[analyte]) {
      for (const spelling of [definition.unit, ...definition.aliases]) {
        const key = normaliseUnit(spelling);
        if (!built.has(key)) built.set(key, definition);
      }
    }
    index = built;
    unitIndex.set(analyte, index);
  }
  return index;
}

/** Normalised keys of the unit texts seen so far (a trial uses a handful of spellings many times). */
const normalisedText = new Map<string, string>();

/** The definition of `text` among the units accepted for `analyte`, or null when it is not one of them. */
export function parseUnit(analyte: LabAnalyte, text: string): LabUnitDefinition | null {
  let key = normalisedText.get(text);
  if (key === undefined) {
    key = normaliseUnit(text);
    if (normalisedText.size < 10_000) normalisedText.set(text, key);
  }
  if (key === '') return null;
  return indexFor(analyte).get(key) ?? null;
}

/** The units accepted for `analyte`, spelled as trialkit reports them (for messages). */
export function acceptedUnits(analyte: LabAnalyte): readonly string[] {
  return LAB_UNIT_CONVERSIONS[analyte].map((definition) => definition.unit);
}
