export type { ProportionInterval } from './clopperPearson.js';
export { clopperPearsonKernel } from './clopperPearson.js';
export { wilsonScoreKernel } from './wilsonScore.js';
export type { ExactBinomialTest } from './exactBinomialTest.js';
export { exactBinomialTestKernel, binomialUpperTail } from './exactBinomialTest.js';
export type { BinomialProportion, BinomialProportionInput } from './computeBinomialProportion.js';
export { computeBinomialProportion, defaultBinomialP0, defaultBinomialConfLevel } from './computeBinomialProportion.js';
