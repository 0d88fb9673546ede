import { computeBinomialProportion, type BinomialProportion } from '../../stats/index.js';
import { formatRateCi } from './format.js';
import { cell, textCell, type ReportCell } from './reportTable.js';

/** x/n with the Clopper-Pearson CI and the exact test against p0; null when n is 0. */
export function proportion(x: number, n: number, p0: number, confLevel: number): BinomialProportion | null {
  if (n === 0) return null;
  const outcome = computeBinomialProportion({ x, n, p0, confLevel });
  return outcome.ok ? outcome.value : null;
}

/** 'x.x% (95% CI, a–b)' with the Clopper-Pearson limits; value = the proportion; subjects = the numerator. */
export function rateCiCell(numerator: readonly string[], n: number, p0: number, confLevel: number): ReportCell {
  const result = proportion(new Set(numerator).size, n, p0, confLevel);
  if (result === null) return textCell('NE');
  return cell(formatRateCi(result.estimate, result.clopperPearson.lower, result.clopperPearson.upper, confLevel), result.estimate, numerator);
}
