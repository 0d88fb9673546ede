/**
 * The categories of a response criterion (IMWG 2016, RECIST 1.1, ...) as data the generic derivations and
 * reports read: nothing outside a criterion's own folder and the protocols names a category. Categories are
 * listed best first; their position is the rank ADRS stores in AVAL.
 */
export interface ResponseCategoryDefinition {
  /** The code stored in ADRS.AVALC and on the forms, e.g. 'VGPR', 'NON-CR/NON-PD'. */
  readonly code: string;
  readonly label: string;
  /** Counts as an objective response (the numerator of the ORR). */
  readonly responder: boolean;
  /** Counts as disease control (the numerator of the DCR). */
  readonly diseaseControl: boolean;
}

export interface ResponseScale {
  /** Stable id of the criterion and version, e.g. 'imwg-2016', 'recist-1.1'. */
  readonly id: string;
  readonly name: string;
  readonly version: string;
  readonly citation: string;
  /** Best first; the not-evaluable category last. */
  readonly categories: readonly ResponseCategoryDefinition[];
  /** The code of progression (e.g. 'PD'). */
  readonly progression: string;
  /** The code given when no response can be assessed (e.g. 'NE'). */
  readonly notEvaluable: string;
  /** How the report names the responders, e.g. 'PR or better', 'CR or PR'. */
  readonly responderLabel: string;
  /** How the report names disease control, e.g. 'MR or better, or SD', 'CR, PR or SD'. */
  readonly diseaseControlLabel: string;
}

/** Rank of a category (1 = best); categories not on the scale rank after every known one. */
export function computeResponseRank(scale: ResponseScale, code: string): number {
  const index = scale.categories.findIndex((category) => category.code === code);
  return index < 0 ? scale.categories.length + 1 : index + 1;
}

/** The best of several calls on the scale; null for none. */
export function computeBestCategory(scale: ResponseScale, codes: readonly string[]): string | null {
  let best: string | null = null;
  for (const code of codes) if (best === null || computeResponseRank(scale, code) < computeResponseRank(scale, best)) best = code;
  return best;
}

export function isResponderCategory(scale: ResponseScale, code: string): boolean {
  return scale.categories.some((category) => category.code === code && category.responder);
}

export function isDiseaseControlCategory(scale: ResponseScale, code: string): boolean {
  return scale.categories.some((category) => category.code === code && category.diseaseControl);
}

export function responseCategoryCodes(scale: ResponseScale): readonly string[] {
  return scale.categories.map((category) => category.code);
}
