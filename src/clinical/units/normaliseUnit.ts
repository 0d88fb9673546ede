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

/** The definition of `text` among the units accepted for `analyte`, or null when it is not one of them. */
export function parseUnit(analyte: LabAnalyte, text: string): LabUnitDefinition | null {
  const key = normaliseUnit(text);
  if (key === '') return null;
  for (const definition of LAB_UNIT_CONVERSIONS[analyte]) {
    if (normaliseUnit(definition.unit) === key) return definition;
    for (const alias of definition.aliases) if (normaliseUnit(alias) === key) return definition;
  }
  return null;
}

/** The units accepted for `analyte`, spelled as trialkit reports them (for messages). */
export function acceptedUnits(analyte: LabAnalyte): readonly string[] {
  return LAB_UNIT_CONVERSIONS[analyte].map((definition) => definition.unit);
}
