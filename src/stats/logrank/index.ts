export { computeLogRank } from './computeLogRank.js';
export type { LogRankResult, LogRankGroup } from './computeLogRank.js';
export { computePairwiseLogRank } from './computePairwiseLogRank.js';
export type { PairwiseLogRank } from './computePairwiseLogRank.js';
export type { LogRankInput } from './validateLogRankInput.js';
export { logRankKernel } from './logRankKernel.js';
export type { LogRankSums } from './logRankKernel.js';
export { logRankChiSquare } from './logRankChiSquare.js';
export type { LogRankTest } from './logRankChiSquare.js';
