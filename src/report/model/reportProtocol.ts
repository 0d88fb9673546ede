import type { AdslRow } from '../../clinical/index.js';

/**
 * Most lanes a swimmer plot draws (15 px each, so about 900 px: one page). A trial with more responders
 * shows the lanes of the longest follow-up and says so in the figure's footnote.
 */
export const DEFAULT_SWIMMER_MAX_LANES = 60;

/** One level of a subgroup variable: the ADSL value and how the report names it. */
export interface SubgroupLevel {
  readonly value: string;
  readonly label: string;
}

/**
 * A subgroup the protocol (or SAP) asks to compare: an ADSL variable, its levels in print order, and the
 * pairs of levels to test (e.g. ISS I vs III). Subjects with another value (or null) are left out of it.
 */
export interface SubgroupDefinition {
  readonly id: string;
  readonly label: string;
  readonly variable: keyof AdslRow;
  readonly levels: readonly SubgroupLevel[];
  /** Pairs of level values to compare (Fisher for rates, log-rank for times). */
  readonly comparisons: readonly (readonly [string, string])[];
}

/**
 * What the report needs to know about the trial that the datasets do not say: names, the design's null
 * rate, the subgroups and comparisons of the SAP, landmarks. Nothing about a particular trial is
 * hard-wired in the models; it all comes from here.
 */
export interface ReportProtocol {
  /** Column heading of the single arm, e.g. 'Pomalidomide + Low-dose dexamethasone'. */
  readonly armLabel: string;
  /** Investigational drug whose relatedness ADAE's RELPOMFL records, e.g. 'Pomalidomide'. */
  readonly investigationalDrugLabel: string;
  /** Second study drug (ADEX DEX), e.g. 'Dexamethasone'. */
  readonly companionDrugLabel: string;
  /** Null response rate of the primary hypothesis (exact one-sided test), e.g. 0.12. */
  readonly p0: number;
  readonly confLevel: number;
  /** Subgroups for response rates and the forest plot. */
  readonly responseSubgroups: readonly SubgroupDefinition[];
  /** Subgroups for time-to-event summaries and KM curves. */
  readonly survivalSubgroups: readonly SubgroupDefinition[];
  /** Landmark times (months) for PFS and OS rates, and for DoR. */
  readonly landmarkMonths: readonly number[];
  readonly dorLandmarkMonths: readonly number[];
  /** Numbers at risk under KM curves every this many months. */
  readonly atRiskEveryMonths: number;
  /** Minimum any-grade frequency (0-1) of a preferred term in the related-AE table. */
  readonly aeTermThreshold: number;
  /** Days after the first dose within which a death counts as early. */
  readonly earlyDeathDays: number;
  /**
   * Disease-measurement parameters in order of preference for the waterfall (the first with a baseline
   * value above 0 is a subject's primary parameter), e.g. ['SPEP', 'UPEP', 'DFLC'].
   */
  readonly mProteinParameters: readonly string[];
  /**
   * Most lanes of the swimmer plot (a positive integer). With more responders, the plot shows this many,
   * those with the longest follow-up, and its footnote names where every responder is listed.
   */
  readonly swimmerMaxLanes: number;
}

export interface ReportProtocolInput
  extends Pick<ReportProtocol, 'armLabel' | 'investigationalDrugLabel' | 'companionDrugLabel' | 'p0'>,
    Partial<Omit<ReportProtocol, 'armLabel' | 'investigationalDrugLabel' | 'companionDrugLabel' | 'p0'>> {}

/** ISS / R-ISS stage subgroups comparing stage I with III, the usual post hoc contrast in myeloma. */
export function stageSubgroup(id: string, label: string, variable: 'ISS' | 'RISS', comparisons: readonly (readonly [string, string])[] = [['I', 'III']]): SubgroupDefinition {
  return Object.freeze({
    id,
    label,
    variable,
    levels: Object.freeze(['I', 'II', 'III'].map((value) => Object.freeze({ value, label: value }))),
    comparisons: Object.freeze(comparisons.map((pair) => Object.freeze([...pair] as const))),
  });
}

/** A yes/no ADSL flag as a subgroup (Y vs N compared). */
export function flagSubgroup(id: string, label: string, variable: keyof AdslRow): SubgroupDefinition {
  return Object.freeze({
    id,
    label,
    variable,
    levels: Object.freeze([Object.freeze({ value: 'Y', label: 'Yes' }), Object.freeze({ value: 'N', label: 'No' })]),
    comparisons: Object.freeze([Object.freeze(['Y', 'N'] as const)]),
  });
}

/**
 * A protocol with the conventional defaults filled in: 95% CIs, 6- and 12-month landmarks (3 and 6 for
 * DoR), risk table every 3 months, terms in >= 5% of subjects, deaths within 60 days as early, serum
 * then urine M-protein then dFLC, at most 60 swimmer lanes, and subgroups by ISS, R-ISS (stage I vs
 * III), cytogenetic risk, prior anti-CD38 antibody and prior ASCT.
 */
export function createReportProtocol(input: ReportProtocolInput): ReportProtocol {
  const responseSubgroups = input.responseSubgroups ?? [
    stageSubgroup('iss', 'ISS stage', 'ISS'),
    stageSubgroup('riss', 'R-ISS stage', 'RISS'),
    Object.freeze({
      id: 'cytogenetics',
      label: 'Cytogenetic risk',
      variable: 'CYTORISK' as const,
      levels: Object.freeze([Object.freeze({ value: 'HIGH', label: 'High risk' }), Object.freeze({ value: 'STANDARD', label: 'Standard risk' })]),
      comparisons: Object.freeze([Object.freeze(['HIGH', 'STANDARD'] as const)]),
    }),
    flagSubgroup('anti-cd38', 'Prior anti-CD38 antibody', 'PRCD38FL'),
    flagSubgroup('asct', 'Prior ASCT', 'PRASCTFL'),
  ];
  return Object.freeze({
    armLabel: input.armLabel,
    investigationalDrugLabel: input.investigationalDrugLabel,
    companionDrugLabel: input.companionDrugLabel,
    p0: input.p0,
    confLevel: input.confLevel ?? 0.95,
    responseSubgroups: Object.freeze([...responseSubgroups]),
    survivalSubgroups: Object.freeze([...(input.survivalSubgroups ?? [stageSubgroup('iss', 'ISS stage', 'ISS', [['I', 'III'], ['II', 'III']]), stageSubgroup('riss', 'R-ISS stage', 'RISS', [['I', 'III'], ['II', 'III']])])]),
    landmarkMonths: Object.freeze([...(input.landmarkMonths ?? [6, 12])]),
    dorLandmarkMonths: Object.freeze([...(input.dorLandmarkMonths ?? [3, 6])]),
    atRiskEveryMonths: input.atRiskEveryMonths ?? 3,
    aeTermThreshold: input.aeTermThreshold ?? 0.05,
    earlyDeathDays: input.earlyDeathDays ?? 60,
    mProteinParameters: Object.freeze([...(input.mProteinParameters ?? ['SPEP', 'UPEP', 'DFLC'])]),
    swimmerMaxLanes: input.swimmerMaxLanes ?? DEFAULT_SWIMMER_MAX_LANES,
  });
}
