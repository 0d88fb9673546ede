import { differenceOfFreeLightChains, isFlcRatioNormal } from './freeLightChains.js';
import type { ImwgConfirmation, ImwgRule, ImwgRuleContext } from './imwgRule.js';

// IMWG 2016 uniform response criteria as data: Kumar SK et al., "International Myeloma Working Group
// consensus criteria for response and minimal residual disease assessment in multiple myeloma",
// Lancet Oncol 2016;17:e328-e346, table 2. Reductions are from baseline; progression is from the nadir.
//
// Thresholds are compared with a relative tolerance of 1e-9 so that a value exactly on a threshold in
// decimal (e.g. 3.65 g/L is 50% of 7.3 g/L) meets it despite binary rounding; "more than" stays strict.

const TOLERANCE = 1e-9;

function atLeast(value: number, threshold: number): boolean {
  return value >= threshold - TOLERANCE * Math.max(1, Math.abs(value), Math.abs(threshold));
}

function moreThan(value: number, threshold: number): boolean {
  return value > threshold + TOLERANCE * Math.max(1, Math.abs(value), Math.abs(threshold));
}

/** Fractional reduction from a positive baseline: 0.5 = halved, 1 = gone; negative when it rose. */
function reduction(baselineValue: number | undefined | null, value: number | undefined | null): number | null {
  if (baselineValue === undefined || baselineValue === null || value === undefined || value === null) return null;
  if (baselineValue <= 0) return null;
  return (baselineValue - value) / baselineValue;
}

function reducedBy(baselineValue: number | undefined | null, value: number | undefined | null, fraction: number): boolean {
  const r = reduction(baselineValue, value);
  return r !== null && atLeast(r, fraction);
}

/** Relative increase from the nadir of at least `fraction` (of |nadir|) together with an absolute increase. */
function risen(value: number | undefined, nadirValue: number | null, fraction: number): number | null {
  if (value === undefined || nadirValue === null) return null;
  const increase = value - nadirValue;
  return atLeast(increase, fraction * Math.abs(nadirValue)) && moreThan(increase, 0) ? increase : null;
}

function dflc(ctx: ImwgRuleContext, which: 'baseline' | 'current'): number | null {
  const chain = ctx.measurable.involvedChain;
  if (chain === null) return null;
  return differenceOfFreeLightChains(which === 'baseline' ? ctx.baseline : ctx.current, chain);
}

/** The plasmacytoma condition of a response category: none at baseline, or SPD reduced by `fraction`. */
function plasmacytomaReducedBy(ctx: ImwgRuleContext, fraction: number): boolean {
  if (!ctx.measurable.plasmacytoma) return true;
  return reducedBy(ctx.baseline.plasmacytomaSpdCm2, ctx.plasmacytomaSpdCm2, fraction);
}

function followsMProtein(ctx: ImwgRuleContext): boolean {
  return ctx.measurable.serum || ctx.measurable.urine;
}

function completeResponse(ctx: ImwgRuleContext): boolean {
  const { current, thresholds } = ctx;
  if (current.serumImmunofixation !== 'negative' || current.urineImmunofixation !== 'negative') return false;
  if (ctx.marrowPlasmaCellsPct === null || !(ctx.marrowPlasmaCellsPct < 5)) return false;
  const spd = ctx.plasmacytomaSpdCm2;
  if (ctx.measurable.plasmacytoma ? spd !== 0 : spd !== null && spd > 0) return false;
  if (ctx.measurable.flc && isFlcRatioNormal(current, thresholds.flcRatioNormalLow, thresholds.flcRatioNormalHigh) !== true) {
    return false;
  }
  return true;
}

/**
 * PD, new lesion: "development of new bone lesions or soft-tissue plasmacytomas".
 * Imaging needs no confirmation, so one assessment suffices.
 * Example: any assessment with newLesion true is PD, whatever the M-protein.
 */
export const PD_NEW_LESION: ImwgRule = Object.freeze({
  id: 'pd-new-lesion',
  category: 'PD',
  wording: 'Development of new bone lesions or soft-tissue plasmacytomas',
  confirmation: 'none',
  applies: (ctx: ImwgRuleContext) => ctx.current.newLesion === true,
});

/**
 * PD, plasmacytoma growth: ">= 50% increase from nadir in SPD". Imaging: no confirmation.
 * The SPD is the only size this engine receives, so the standard's per-lesion longest-diameter clause is
 * not separately testable. Example: nadir SPD 4 cm^2, now 6 cm^2 (+50%) -> PD; 5.9 cm^2 -> not.
 */
export const PD_PLASMACYTOMA: ImwgRule = Object.freeze({
  id: 'pd-plasmacytoma-spd',
  category: 'PD',
  wording: '>= 50% increase from nadir in the SPD of soft-tissue plasmacytomas',
  confirmation: 'none',
  applies: (ctx: ImwgRuleContext) => risen(ctx.current.plasmacytomaSpdCm2, ctx.nadir.plasmacytomaSpdCm2, 0.5) !== null,
});

/**
 * PD, serum M-protein: "increase of >= 25% from the lowest confirmed response value, absolute increase
 * >= 5 g/L; an increase >= 10 g/L is sufficient when the lowest M-component was >= 50 g/L". The second
 * clause stands on its own (25% of 50 g/L already exceeds 10 g/L, so read as "and" it would never bind).
 * Applies whenever serum M is measured, followed or not: the standard restricts only FLC and marrow PD.
 * Examples: nadir 20 -> 25 g/L is PD (+25%, +5), 24.9 is not; nadir 4 -> 9 is PD (+5 g/L, +125%);
 * nadir 60 -> 70 is PD (+10 g/L, only +16.7%), 69.9 is not.
 */
export const PD_SERUM: ImwgRule = Object.freeze({
  id: 'pd-serum-m-protein',
  category: 'PD',
  wording:
    'Serum M-protein up >= 25% from nadir with absolute increase >= 5 g/L, or up >= 10 g/L when the nadir was >= 50 g/L',
  confirmation: 'two-consecutive',
  applies: (ctx: ImwgRuleContext) => {
    const value = ctx.current.serumMProteinGPerL;
    const low = ctx.nadir.serumMProteinGPerL;
    if (value === undefined || low === null) return false;
    const increase = risen(value, low, 0.25);
    if (increase !== null && atLeast(increase, 5)) return true;
    return atLeast(low, 50) && atLeast(value - low, 10);
  },
});

/**
 * PD, urine M-protein: ">= 25% increase from nadir, absolute increase >= 200 mg/24 h".
 * Example: nadir 400 -> 600 mg/24 h is PD (+50%, +200); nadir 1000 -> 1200 is not (+20%).
 */
export const PD_URINE: ImwgRule = Object.freeze({
  id: 'pd-urine-m-protein',
  category: 'PD',
  wording: 'Urine M-protein up >= 25% from nadir with absolute increase >= 200 mg/24 h',
  confirmation: 'two-consecutive',
  applies: (ctx: ImwgRuleContext) => {
    const increase = risen(ctx.current.urineMProteinMgPer24h, ctx.nadir.urineMProteinMgPer24h, 0.25);
    return increase !== null && atLeast(increase, 200);
  },
});

/**
 * PD, free light chains, only when M and U are not measurable: "dFLC up >= 25% from nadir, absolute
 * increase > 100 mg/L". Example: nadir dFLC 200 -> 300.1 mg/L is PD; exactly 300 is not (+100 is not > 100).
 */
export const PD_FLC: ImwgRule = Object.freeze({
  id: 'pd-dflc',
  category: 'PD',
  wording: 'Patients without measurable M and U: dFLC up >= 25% from nadir with absolute increase > 100 mg/L',
  confirmation: 'two-consecutive',
  applies: (ctx: ImwgRuleContext) => {
    if (!ctx.measurable.flc) return false;
    const value = dflc(ctx, 'current');
    const increase = risen(value ?? undefined, ctx.nadir.dflcMgPerL, 0.25);
    return increase !== null && moreThan(increase, 100);
  },
});

/**
 * PD, marrow, only when M, U and FLC are not measurable: "BMPC up >= 25% from nadir, absolute increase
 * >= 10 percentage points". Bone marrow needs no confirmation. Example: nadir 20% -> 30% is PD; 29.9% is not.
 */
export const PD_BMPC: ImwgRule = Object.freeze({
  id: 'pd-bone-marrow-plasma-cells',
  category: 'PD',
  wording: 'Patients without measurable M, U and FLC: BMPC up >= 25% from nadir with absolute increase >= 10%',
  confirmation: 'none',
  applies: (ctx: ImwgRuleContext) => {
    if (!ctx.measurable.bmpc) return false;
    const increase = risen(ctx.current.boneMarrowPlasmaCellsPct, ctx.nadir.boneMarrowPlasmaCellsPct, 0.25);
    return increase !== null && atLeast(increase, 10);
  },
});

/**
 * NE: "the assessment lacks the qualifying parameter(s)". Judged after the PD rules (a new lesion or a rise
 * in another measured parameter is progression even when a followed value is missing) and before every
 * response rule. Example: a serum-followed patient whose assessment has no serum M-protein is NE.
 */
export const NE_MISSING_PARAMETER: ImwgRule = Object.freeze({
  id: 'ne-missing-parameter',
  category: 'NE',
  wording: 'Not evaluable: the assessment lacks the parameter(s) that qualified the patient at baseline',
  confirmation: 'none',
  applies: (ctx: ImwgRuleContext) => missingQualifyingParameters(ctx).length > 0,
});

/**
 * sCR: "CR as defined below, plus normal FLC ratio and absence of clonal plasma cells in bone marrow by
 * immunohistochemistry or 2-4 colour flow". Example: CR with kappa 12 / lambda 10 mg/L (ratio 1.2) and
 * clonalPlasmaCellsInMarrow false -> sCR; ratio 1.7 -> CR.
 */
export const SCR: ImwgRule = Object.freeze({
  id: 'scr',
  category: 'sCR',
  wording: 'CR plus normal FLC ratio (0.26-1.65) and no clonal plasma cells in bone marrow',
  confirmation: 'two-consecutive',
  applies: (ctx: ImwgRuleContext) =>
    completeResponse(ctx) &&
    ctx.clonalPlasmaCellsInMarrow === false &&
    isFlcRatioNormal(ctx.current, ctx.thresholds.flcRatioNormalLow, ctx.thresholds.flcRatioNormalHigh) === true,
});

/**
 * CR: "negative immunofixation on the serum and urine, disappearance of any soft-tissue plasmacytomas and
 * < 5% plasma cells in bone marrow; when the only measurable parameter was FLC, also a normal FLC ratio".
 * The marrow may come from any post-baseline assessment up to this one (marrow needs no confirmation).
 * Example: serum and urine IFE negative, marrow 4.9% -> CR; marrow 5% -> not CR (VGPR if M is 90% down).
 */
export const CR: ImwgRule = Object.freeze({
  id: 'cr',
  category: 'CR',
  wording:
    'Negative serum and urine immunofixation, no soft-tissue plasmacytomas, BMPC < 5%; FLC-only disease: also normal FLC ratio',
  confirmation: 'two-consecutive',
  applies: completeResponse,
});

/**
 * VGPR, M-protein: "serum and urine M-component detectable by immunofixation but not on electrophoresis,
 * or >= 90% reduction in serum M-protein plus urine M-protein < 100 mg/24 h". Electrophoresis-negative
 * (M = 0) is a 100% reduction, so the first clause is the second's limit. Urine must be < 100 mg/24 h when
 * followed or measured. Plasmacytomas at baseline: SPD down >= 50% (the PR condition holds for better
 * categories). Examples: M 30 -> 3 g/L (90%) -> VGPR, 3.03 (89.9%) -> PR; M 0 with serum IFE positive -> VGPR.
 */
export const VGPR_M_PROTEIN: ImwgRule = Object.freeze({
  id: 'vgpr-m-protein',
  category: 'VGPR',
  wording:
    'M and U detectable by immunofixation but not electrophoresis, or >= 90% reduction of M with U < 100 mg/24 h',
  confirmation: 'two-consecutive',
  applies: (ctx: ImwgRuleContext) => {
    if (!followsMProtein(ctx) || !plasmacytomaReducedBy(ctx, 0.5)) return false;
    const { current, baseline } = ctx;
    if (ctx.measurable.serum && !(current.serumMProteinGPerL === 0 || reducedBy(baseline.serumMProteinGPerL, current.serumMProteinGPerL, 0.9))) {
      return false;
    }
    const urine = current.urineMProteinMgPer24h;
    return urine === undefined ? !ctx.measurable.urine : urine < 100;
  },
});

/**
 * VGPR, FLC-only disease: "> 90% decrease in dFLC". Example: dFLC 1000 -> 99 mg/L (90.1%) -> VGPR;
 * exactly 100 (90%) -> PR.
 */
export const VGPR_FLC: ImwgRule = Object.freeze({
  id: 'vgpr-dflc',
  category: 'VGPR',
  wording: 'FLC-only disease: > 90% decrease in dFLC',
  confirmation: 'two-consecutive',
  applies: (ctx: ImwgRuleContext) => {
    if (!ctx.measurable.flc || !plasmacytomaReducedBy(ctx, 0.5)) return false;
    const r = reduction(dflc(ctx, 'baseline'), dflc(ctx, 'current'));
    return r !== null && moreThan(r, 0.9);
  },
});

/**
 * PR, M-protein: ">= 50% reduction of serum M-protein and reduction in 24-h urinary M-protein by >= 90% or
 * to < 200 mg/24 h"; each clause for the parameter(s) followed. Plasmacytomas at baseline: SPD down >= 50%.
 * Examples: M 20 -> 10 g/L (50%) -> PR, 10.02 (49.9%) -> MR; U 1000 -> 100 (90%) -> PR, U 300 -> 199 -> PR.
 */
export const PR_M_PROTEIN: ImwgRule = Object.freeze({
  id: 'pr-m-protein',
  category: 'PR',
  wording: '>= 50% reduction of M, and U reduced by >= 90% or to < 200 mg/24 h; plasmacytomas: SPD down >= 50%',
  confirmation: 'two-consecutive',
  applies: (ctx: ImwgRuleContext) => {
    if (!followsMProtein(ctx) || !plasmacytomaReducedBy(ctx, 0.5)) return false;
    const { current, baseline } = ctx;
    if (ctx.measurable.serum && !reducedBy(baseline.serumMProteinGPerL, current.serumMProteinGPerL, 0.5)) return false;
    if (ctx.measurable.urine) {
      const urine = current.urineMProteinMgPer24h;
      if (urine === undefined) return false;
      if (!(urine < 200 || reducedBy(baseline.urineMProteinMgPer24h, urine, 0.9))) return false;
    }
    return true;
  },
});

/**
 * PR, FLC-only disease: ">= 50% decrease in dFLC". Example: dFLC 400 -> 200 mg/L -> PR; 201 -> SD
 * (the standard defines no MR for FLC-only disease).
 */
export const PR_FLC: ImwgRule = Object.freeze({
  id: 'pr-dflc',
  category: 'PR',
  wording: 'M and U not measurable: >= 50% decrease in dFLC; plasmacytomas: SPD down >= 50%',
  confirmation: 'two-consecutive',
  applies: (ctx: ImwgRuleContext) =>
    ctx.measurable.flc && plasmacytomaReducedBy(ctx, 0.5) && reducedBy(dflc(ctx, 'baseline'), dflc(ctx, 'current'), 0.5),
});

/**
 * PR, marrow-only disease: ">= 50% reduction in bone-marrow plasma cells, provided baseline >= 30%".
 * A marrow finding: no confirmation. Example: BMPC 40% -> 20% -> PR at once; 20.1% -> SD.
 */
export const PR_BMPC: ImwgRule = Object.freeze({
  id: 'pr-bone-marrow-plasma-cells',
  category: 'PR',
  wording: 'M, U and FLC not measurable: >= 50% reduction of BMPC (baseline >= 30%); plasmacytomas: SPD down >= 50%',
  confirmation: 'none',
  applies: (ctx: ImwgRuleContext) =>
    ctx.measurable.bmpc &&
    plasmacytomaReducedBy(ctx, 0.5) &&
    reducedBy(ctx.baseline.boneMarrowPlasmaCellsPct, ctx.current.boneMarrowPlasmaCellsPct, 0.5),
});

/**
 * MR: ">= 25% but <= 49% reduction of serum M-protein and reduction in 24-h urine M-protein by 50-89%;
 * plasmacytomas: 25-49% reduction in SPD". The upper bounds are the PR rule not having applied. Only for
 * M-protein disease. Examples: M 20 -> 15 g/L (25%) -> MR, 15.02 (24.9%) -> SD; U 1000 -> 500 -> MR.
 */
export const MR_M_PROTEIN: ImwgRule = Object.freeze({
  id: 'mr-m-protein',
  category: 'MR',
  wording: '25-49% reduction of M and 50-89% reduction of U; plasmacytomas: SPD down 25-49%',
  confirmation: 'two-consecutive',
  applies: (ctx: ImwgRuleContext) => {
    if (!followsMProtein(ctx) || !plasmacytomaReducedBy(ctx, 0.25)) return false;
    const { current, baseline } = ctx;
    if (ctx.measurable.serum && !reducedBy(baseline.serumMProteinGPerL, current.serumMProteinGPerL, 0.25)) return false;
    if (ctx.measurable.urine && !reducedBy(baseline.urineMProteinMgPer24h, current.urineMProteinMgPer24h, 0.5)) return false;
    return true;
  },
});

/**
 * SD: "not meeting criteria for sCR, CR, VGPR, PR, MR or PD" (the last rule: always applies). Whether a
 * single SD assessment is enough is a choice of the rule set (see `createImwgRuleSet`).
 * Example: M 20 -> 18 g/L (10% down) -> SD.
 */
export function stableDiseaseRule(confirmation: ImwgConfirmation): ImwgRule {
  return Object.freeze({
    id: 'sd',
    category: 'SD',
    wording: 'Not meeting the criteria for sCR, CR, VGPR, PR, MR or PD',
    confirmation,
    applies: () => true,
  });
}

/** The followed parameters an assessment lacks, as measurement field names (for NE and its warning). */
export function missingQualifyingParameters(ctx: Pick<ImwgRuleContext, 'measurable' | 'current'>): string[] {
  const { measurable, current } = ctx;
  const missing: string[] = [];
  if (measurable.serum && current.serumMProteinGPerL === undefined) missing.push('serumMProteinGPerL');
  if (measurable.urine && current.urineMProteinMgPer24h === undefined) missing.push('urineMProteinMgPer24h');
  if (measurable.flc) {
    if (current.kappaFlcMgPerL === undefined) missing.push('kappaFlcMgPerL');
    if (current.lambdaFlcMgPerL === undefined) missing.push('lambdaFlcMgPerL');
  }
  if (measurable.bmpc && current.boneMarrowPlasmaCellsPct === undefined) missing.push('boneMarrowPlasmaCellsPct');
  return missing;
}

/** The IMWG 2016 rules in priority order: progression first, then not evaluable, then deepest response first. */
export function imwg2016Rules(stableDiseaseConfirmation: ImwgConfirmation): readonly ImwgRule[] {
  return Object.freeze([
    PD_NEW_LESION,
    PD_PLASMACYTOMA,
    PD_SERUM,
    PD_URINE,
    PD_FLC,
    PD_BMPC,
    NE_MISSING_PARAMETER,
    SCR,
    CR,
    VGPR_M_PROTEIN,
    VGPR_FLC,
    PR_M_PROTEIN,
    PR_FLC,
    PR_BMPC,
    MR_M_PROTEIN,
    stableDiseaseRule(stableDiseaseConfirmation),
  ]);
}
