// Report models: immutable tables (rows with stable keys, cells with typed values and their subjects) and
// figure data computed from the analysis datasets and the protocol's analysis plan, read by every renderer
// (HTML, PDF, DOCX, CSV) and, by key, by every consumer. The keys of each table: README.md.
export type {
  CoefficientValue,
  CountValue,
  DateValue,
  EmptyValue,
  MedianRangeValue,
  MissingValue,
  NumberValue,
  ProportionValue,
  PValue,
  PValueTest,
  RateValue,
  ReportValue,
  ReportValueKind,
  TextValue,
  TimeMedianValue,
} from './reportValue.js';
export {
  coefficientValue,
  countValue,
  dateValue,
  EMPTY_VALUE,
  medianRangeValue,
  missingValue,
  numberValue,
  primaryNumber,
  proportionValue,
  pValue,
  rateValue,
  textValue,
  timeMedianValue,
} from './reportValue.js';
export type { ReportCell, ReportColumn, ReportPopulation, ReportRow, ReportTable, ReportTableSpec } from './reportTable.js';
export { cell, column, headingRow, population, reportTable, row, textCell } from './reportTable.js';
export { groupRows } from './groupRows.js';
export { findCell, findFigure, findRow, findTable, findTableCell, findValue } from './findCell.js';
export type { ReportFigure } from './reportFigure.js';
export { reportFigure } from './reportFigure.js';
export type { FigureScale, FigureScaleCategory } from './figureScale.js';
export { figureScale } from './figureScale.js';
export type { AnalysisPopulation } from './analysisPopulation.js';
export { analysisPopulation, baselinePopulation, baselinePopulationFlag, efficacyPopulation, safetyPopulation } from './analysisPopulation.js';
export { evaluatorColumnId, evaluatorsOf, investigationalLabel, primaryEvaluator } from './protocolTerms.js';
export { countCell } from './countCell.js';
export { createDispositionTable, DISCONTINUATION_REASON_LABELS } from './createDispositionTable.js';
export type { ConsortBox, ConsortFigure, ConsortFlow } from './createConsortFlow.js';
export { createConsortFlow } from './createConsortFlow.js';
export { createBaselineTable } from './createBaselineTable.js';
export { createExposureTable } from './createExposureTable.js';
export { createBestResponseTable } from './createBestResponseTable.js';
export { createResponseConcordanceTable } from './createResponseConcordanceTable.js';
export type { ResponseConcordance } from './responseConcordance.js';
export { computeResponseConcordance } from './responseConcordance.js';
export { createResponseRateTable } from './createResponseRateTable.js';
export { createSubgroupResponseTable, fisherP } from './createSubgroupResponseTable.js';
export { createTeaeOverviewTable } from './createTeaeOverviewTable.js';
export { createRelatedAeTable } from './createRelatedAeTable.js';
export { createAeOfInterestTable } from './createAeOfInterestTable.js';
export { createTeaeBySocTable } from './createTeaeBySocTable.js';
export { createTeaeMaxGradeTable } from './createTeaeMaxGradeTable.js';
export { createLabShiftTable } from './createLabShiftTable.js';
export { createBaselineContinuousTable } from './createBaselineContinuousTable.js';
export { createExposureSummaryTable } from './createExposureSummaryTable.js';
export { createSubsequentTherapyTable } from './createSubsequentTherapyTable.js';
export { createProtocolDeviationTable } from './createProtocolDeviationTable.js';
export { createProtocolDeviationListing } from './createProtocolDeviationListing.js';
export { createDeathTable } from './createDeathTable.js';
export { createSaeListing } from './createSaeListing.js';
export type { TimeToEventSpec } from './createTimeToEventTable.js';
export { createTimeToEventTable } from './createTimeToEventTable.js';
export type { SurvivalSummary } from './survivalSummary.js';
export { endpointRows, summarizeSurvival } from './survivalSummary.js';
export type { CurvePoint, KaplanMeierFigure, KaplanMeierFigureData, KaplanMeierSeries } from './createKaplanMeierFigure.js';
export { createKaplanMeierFigure, regularTimes } from './createKaplanMeierFigure.js';
export type { ResponseBar, ResponseBarsData, ResponseBarsFigure } from './createResponseBarsFigure.js';
export { createResponseBarsFigure } from './createResponseBarsFigure.js';
export type { SwimmerData, SwimmerFigure, SwimmerLane } from './createSwimmerFigure.js';
export { createSwimmerFigure } from './createSwimmerFigure.js';
export type { WaterfallBar, WaterfallData, WaterfallFigure } from './createWaterfallFigure.js';
export { createWaterfallFigure } from './createWaterfallFigure.js';
export type { ForestData, ForestFigure, ForestRow } from './createForestFigure.js';
export { createForestFigure } from './createForestFigure.js';
export type { ReportItem, ReportFigureModel, ReportFigures, ReportModel, ReportSection } from './createReportModel.js';
export { createReportFigures, createReportModel, reportModelSteps } from './createReportModel.js';
export type { AggregateEditionNote, ReportItemRef } from './aggregateEdition.js';
export { aggregateCell, aggregateEditionNotice, aggregateFigure, aggregateTable, anonymousSwimmer, createAggregateEdition } from './aggregateEdition.js';
