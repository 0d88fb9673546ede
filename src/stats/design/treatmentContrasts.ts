import { failure, issue, success, type Outcome } from '../../result/index.js';

/** Model-matrix columns of one factor. */
export interface FactorTerms {
  /** R's term names: the variable name followed directly by the level ('sexM', 'rxLev+5FU'). */
  readonly terms: readonly string[];
  /** One 0/1 column per term, as long as the codes. */
  readonly columns: readonly Float64Array[];
  /** The level every term is compared with (the first level). */
  readonly reference: string;
}

/**
 * Kernel: treatment contrasts of a factor, as R's default contr.treatment in model.matrix: one 0/1
 * column per level but the first (the reference), named by pasting the variable name and the level.
 * Trusts codes < levels.length and at least two levels.
 */
export function treatmentContrastsKernel(name: string, codes: Uint32Array, levels: readonly string[]): FactorTerms {
  const columns = levels.slice(1).map(() => new Float64Array(codes.length));
  for (let k = 0; k < codes.length; k++) {
    const code = codes[k];
    if (code > 0) columns[code - 1][k] = 1;
  }
  return Object.freeze({
    terms: Object.freeze(levels.slice(1).map((level) => `${name}${level}`)),
    columns: Object.freeze(columns),
    reference: levels[0],
  });
}

/** Treatment contrasts of a factor given as codes into its levels (the first level is the reference). */
export function computeTreatmentContrasts(input: { name: string; codes: ArrayLike<number>; levels: readonly string[] }): Outcome<FactorTerms> {
  const { name, codes, levels } = input;
  if (levels.length < 2) {
    return failure([
      issue('too-few-levels', [name], levels, 'a factor with two or more levels (R: contrasts can be applied only to factors with 2 or more levels)'),
    ]);
  }
  if (new Set(levels).size !== levels.length) return failure([issue('duplicate-level', [name], levels, 'distinct levels')]);
  const typed = new Uint32Array(codes.length);
  for (let k = 0; k < codes.length; k++) {
    const code = codes[k];
    if (!Number.isInteger(code) || code < 0 || code >= levels.length) {
      return failure([issue('bad-code', [name, k], code, `a level code from 0 to ${levels.length - 1}`)]);
    }
    typed[k] = code;
  }
  return success(treatmentContrastsKernel(name, typed, levels));
}
