// The generic part of the SYNTHETIC demo trials: the contract a protocol's demo generator implements
// (src/protocols/<id>/demo) and the protocol-free tools generators share (a seeded random source, study
// dates, an enrolment calendar, invented identities, the survival shortcuts of a calibration search).
export type { DemoDefinition, DemoMismatch, DemoPlan, DemoPlanOptions, DemoTrial } from './demoDefinition.js';
export { SeededRandom } from './seededRandom.js';
export { dayNumberOf, isoDateOf, shiftDate, studyDate } from './studyDate.js';
export type { EnrolmentCalendar, EnrolmentWindow, ScreeningSlot } from './enrolmentCalendar.js';
export { enrolmentCalendar } from './enrolmentCalendar.js';
export { birthDateFor, crfSubjectId } from './syntheticIdentity.js';
export type { FastCurveScratch, FastCurveSummary, FastCurveWalk } from './fastSurvival.js';
export {
  DAYS_PER_MONTH,
  fastCurve,
  fastCurveInto,
  fastCurveKey,
  fastCurveScratch,
  fastCurveWalk,
  fastLogRankP,
  fastLogRankPSorted,
  fastRateDays,
  resumeCurveWalk,
  startCurveWalk,
} from './fastSurvival.js';
export type { DeviationCategoryCodes } from './deriveProtocolDeviations.js';
export { deriveProtocolDeviations } from './deriveProtocolDeviations.js';
