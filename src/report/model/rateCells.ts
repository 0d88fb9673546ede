import { computeBinomialProportion, type BinomialProportion } from '../../stats/index.js';
import { cell, type ReportCell } from './reportTable.js';
import { missingValue, proportionValue, pValue } from './reportValue.js';

/** x/n with the Clopper-Pearson CI and the exact test against p0; null when n is 0. */
export function proportion(x: number, n: number, p0: number, confLevel: number): BinomialProportion | null {
  if (n === 0) return null;
  const outcome = computeBinomialProportion({ x, n, p0, confLevel });
  return outcome.ok ? outcome.value : null;
}

/** The proportion of `numerator` among n subjects with its exact CI; subjects = the numerator. */
export function proportionCell(numerator: readonly string[], n: number, p0: number, confLevel: number): ReportCell {
  const x = new Set(numerator).size;
  const result = proportion(x, n, p0, confLevel);
  if (result === null) return cell(missingValue(n === 0 ? 'no subjects in the denominator' : 'the proportion cannot be computed'));
  return cell(proportionValue({ n: x, N: n, estimate: result.estimate, lower: result.clopperPearson.lower, upper: result.clopperPearson.upper, confLevel }), numerator);
}

/** The one-sided exact binomial P of H0: rate <= p0; subjects = the whole denominator. */
export function binomialPCell(x: number, denominator: readonly string[], p0: number, confLevel: number): ReportCell {
  const result = proportion(x, denominator.length, p0, confLevel);
  if (result === null) return cell(missingValue('no subjects in the denominator'));
  return cell(pValue(result.pGreater, 'binomial-exact-one-sided', `rate <= ${p0}`), denominator);
}
