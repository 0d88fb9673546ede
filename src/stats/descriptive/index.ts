export type { SummaryStatistics } from './summaryStatistics.js';
export { computeSummaryStatistics, sasQuantileKernel, summaryStatisticsKernel } from './summaryStatistics.js';
