/**
 * RECIST 1.1 response categories (Eisenhauer EA et al., Eur J Cancer 2009;45:228-247, section 4.3 and
 * Tables 1-3). Target and non-target disease each get their own category at every assessment; the overall
 * category combines them with the new-lesion finding. 'NA' means the patient has no disease of that kind at
 * baseline (not a RECIST code: the paper simply leaves the column out).
 */
export type RecistTargetResponse = 'CR' | 'PR' | 'SD' | 'PD' | 'NE' | 'NA';
export type RecistNonTargetResponse = 'CR' | 'NON-CR/NON-PD' | 'PD' | 'NE' | 'NA';
export type RecistOverallResponse = 'CR' | 'PR' | 'SD' | 'NON-CR/NON-PD' | 'PD' | 'NE';

/** One category of the overall scale, as a report counts it. */
export interface RecistCategory {
  readonly code: RecistOverallResponse;
  readonly label: string;
  /** Counts towards the objective response rate (CR, PR). */
  readonly response: boolean;
  /** Counts towards the disease control rate (CR, PR, SD, NON-CR/NON-PD). */
  readonly diseaseControl: boolean;
}

/**
 * The overall (and best overall) response scale, best first. NON-CR/NON-PD is the SD of patients with
 * non-target disease only (Table 2 footnote: preferred over "stable disease" there), so it sits just below SD.
 */
export const RECIST_OVERALL_CATEGORIES: readonly RecistCategory[] = Object.freeze([
  Object.freeze({ code: 'CR', label: 'Complete response', response: true, diseaseControl: true }),
  Object.freeze({ code: 'PR', label: 'Partial response', response: true, diseaseControl: true }),
  Object.freeze({ code: 'SD', label: 'Stable disease', response: false, diseaseControl: true }),
  Object.freeze({ code: 'NON-CR/NON-PD', label: 'Non-CR/non-PD', response: false, diseaseControl: true }),
  Object.freeze({ code: 'PD', label: 'Progressive disease', response: false, diseaseControl: false }),
  Object.freeze({ code: 'NE', label: 'Not evaluable', response: false, diseaseControl: false }),
] satisfies RecistCategory[]);

export const RECIST_TARGET_RESPONSES: readonly RecistTargetResponse[] = Object.freeze(['CR', 'PR', 'SD', 'PD', 'NE', 'NA']);
export const RECIST_NON_TARGET_RESPONSES: readonly RecistNonTargetResponse[] = Object.freeze(['CR', 'NON-CR/NON-PD', 'PD', 'NE', 'NA']);

/** The category of a code (throws on a code that is not on the scale: that is a programming error). */
export function recistCategory(code: RecistOverallResponse): RecistCategory {
  const found = RECIST_OVERALL_CATEGORIES.find((category) => category.code === code);
  if (found === undefined) throw new RangeError(`not a RECIST 1.1 overall response: ${String(code)}`);
  return found;
}

/** CR or PR: a responder for the objective response rate (when the response is the confirmed best one). */
export function isRecistResponse(code: RecistOverallResponse | null): boolean {
  return code !== null && recistCategory(code).response;
}

/** CR, PR, SD or NON-CR/NON-PD: disease control. */
export function isRecistDiseaseControl(code: RecistOverallResponse | null): boolean {
  return code !== null && recistCategory(code).diseaseControl;
}

/** Position on the scale, 0 = best (CR); for sorting and "at least as good as". */
export function recistRank(code: RecistOverallResponse): number {
  return RECIST_OVERALL_CATEGORIES.indexOf(recistCategory(code));
}
