import { failure, issue, success, type Issue, type Outcome } from '../../result/index.js';
import { parseIsoDate } from '../dates/index.js';
import { differenceOfFreeLightChains } from './freeLightChains.js';
import type { ImwgAssessment, ImwgMeasurements, ImwgPatientInput } from './imwgMeasurements.js';
import { responseAtDepth, responseDepth, type ImwgResponse } from './imwgResponse.js';
import type { ImwgConfirmation, ImwgNadirs, ImwgRule, ImwgRuleContext } from './imwgRule.js';
import { missingQualifyingParameters } from './imwgRules.js';
import { IMWG_2016_TRIAL, type ImwgRuleSet } from './imwgRuleSet.js';
import { measurableParameters, type MeasurableParameters } from './measurableParameters.js';
import { confirmedNadir } from './confirmedNadir.js';
import { validateImwgPatient } from './validateImwgPatient.js';

/** One evaluated assessment. */
export interface ImwgAssessmentResult {
  readonly date: string;
  /** The category this assessment meets on its own. */
  readonly response: ImwgResponse;
  /** Id of the rule that gave it (the first in priority order that applied). */
  readonly rule: string;
  /** The response was confirmed: by the next evaluable assessment, by its rule needing none, or (PD) by death. */
  readonly confirmed: boolean;
  /**
   * The category that this assessment and its confirming partner establish: the shallower of the two for
   * responses (a PR followed by a VGPR establishes PR); null when nothing is confirmed here.
   */
  readonly confirmedResponse: ImwgResponse | null;
  /** Change of the primary parameter from baseline, in %; null when not measured. */
  readonly percentChangeFromBaseline: number | null;
  /** Nadir of the primary parameter before this assessment (see `confirmedNadir`). */
  readonly nadir: number | null;
}

/**
 * Why the best response is NE: no assessment before new therapy ('no-postbaseline'), every assessment
 * lacked the qualifying parameter ('not-evaluable'), or evaluable assessments never confirmed a category
 * ('not-confirmed'). The last two are the paper's "evaluated without definitive assessments".
 */
export type ImwgBestResponseReason = 'no-postbaseline' | 'not-evaluable' | 'not-confirmed';

export interface ImwgResult {
  /** e.g. 'IMWG-2016 (trial)'. */
  readonly ruleSet: string;
  readonly measurableParameters: MeasurableParameters;
  readonly assessments: readonly ImwgAssessmentResult[];
  /** Assessments on or after the start of new therapy, not evaluated. */
  readonly ignoredAssessmentDates: readonly string[];
  /** Best confirmed category before progression; PD when progression came first; NE when neither. */
  readonly bestResponse: ImwgResponse;
  readonly bestResponseReason: ImwgBestResponseReason | null;
  /** First assessment of the pair that first established the best response. */
  readonly bestResponseDate: string | null;
  /** First assessment of the first confirmed PR or better (start of duration of response). */
  readonly firstResponseDate: string | null;
  /** First of the assessments confirming progression. */
  readonly progressionDate: string | null;
  readonly progressionRule: string | null;
  readonly progressionConfirmedBy: 'next-assessment' | 'death' | 'single-finding' | null;
}

interface Evaluated {
  readonly assessment: ImwgAssessment;
  readonly rule: ImwgRule;
}

/** The latest defined value of a field at or before each index (carried forward), seeded with `initial`. */
function carriedForward<T>(values: readonly (T | undefined)[], initial: T | null): (T | null)[] {
  let last = initial;
  return values.map((value) => {
    if (value !== undefined) last = value;
    return last;
  });
}

function defined(values: readonly (number | null | undefined)[]): number[] {
  return values.filter((v): v is number => v !== null && v !== undefined);
}

/**
 * IMWG 2016 response for one patient: each assessment classified by the rule set's ordered rules, then
 * confirmation, best overall response, date of first response and of progression.
 *
 * Conventions (see also the rules in imwgRules.ts):
 * - Confirmation: a category needs the next evaluable assessment to meet it too (NE assessments are
 *   skipped: they say nothing either way). Categories are nested, so the pair establishes the shallower of
 *   its two responses. Rules marked 'none' (marrow, imaging) confirm themselves. The marrow result that
 *   stands at the second assessment of a pair is used for both (marrow needs no confirmation), so IFE
 *   negative twice with one marrow < 5% at either confirms CR. When the rule set lets SD go unconfirmed,
 *   any evaluable non-PD assessment establishes at least SD.
 * - PD is confirmed by the next evaluable assessment also being PD (by any PD rule), or, at the last
 *   evaluable assessment, by death on or after it with no new therapy in between (no confirmation can
 *   come any more). Progression is
 *   dated at the first of the two. An unconfirmed PD is not progression.
 * - Best response counts only pairs before the progression date and before new therapy; assessments on or
 *   after `newTherapyDate` are ignored entirely.
 * - Input problems (impossible or unordered dates, negative values, unknown immunofixation, no measurable
 *   disease at baseline) are errors; a missing qualifying parameter is a warning and the assessment is NE.
 */
export function computeImwgResponse(input: ImwgPatientInput, ruleSet: ImwgRuleSet = IMWG_2016_TRIAL): Outcome<ImwgResult> {
  const errors = validateImwgPatient(input);
  if (errors.length > 0) return failure(errors);

  const measurable = measurableParameters(input.baseline, ruleSet.thresholds);
  if (measurable.primary === null) {
    return failure([
      issue(
        'no-measurable-disease',
        ['baseline'],
        input.baseline,
        `measurable disease: serum M-protein >= ${ruleSet.thresholds.measurableSerumMProteinGPerL} g/L, urine M-protein >= ` +
          `${ruleSet.thresholds.measurableUrineMProteinMgPer24h} mg/24 h, involved FLC >= ${ruleSet.thresholds.measurableInvolvedFlcMgPerL} ` +
          `mg/L with an abnormal ratio, or bone-marrow plasma cells >= ${ruleSet.thresholds.measurableBoneMarrowPlasmaCellsPct}%`,
      ),
    ]);
  }

  const warnings: Issue[] = [];
  const newTherapyDay = input.newTherapyDate === undefined ? null : parseIsoDate(input.newTherapyDate);
  const deathDay = input.deathDate === undefined ? null : parseIsoDate(input.deathDate);
  const kept: ImwgAssessment[] = [];
  const ignoredAssessmentDates: string[] = [];
  input.assessments.forEach((assessment, index) => {
    const day = parseIsoDate(assessment.date);
    if (newTherapyDay !== null && day !== null && day >= newTherapyDay) {
      ignoredAssessmentDates.push(assessment.date);
      warnings.push(
        issue('after-new-therapy', ['assessments', index, 'date'], assessment.date, `a date before new therapy (${input.newTherapyDate})`, 'warning'),
      );
    } else {
      kept.push(assessment);
    }
  });

  const baseline = input.baseline;
  const chain = measurable.involvedChain;
  const dflcOf = (m: ImwgMeasurements): number | null => (chain === null ? null : differenceOfFreeLightChains(m, chain));
  const marrowPct = carriedForward(kept.map((a) => a.boneMarrowPlasmaCellsPct), null);
  const clonal = carriedForward(kept.map((a) => a.clonalPlasmaCellsInMarrow), null);
  const spd = carriedForward(kept.map((a) => a.plasmacytomaSpdCm2), baseline.plasmacytomaSpdCm2 ?? null);

  const nadirsBefore = (k: number): ImwgNadirs => {
    const before = kept.slice(0, k);
    return {
      serumMProteinGPerL: confirmedNadir(baseline.serumMProteinGPerL ?? null, defined(before.map((a) => a.serumMProteinGPerL)), true),
      urineMProteinMgPer24h: confirmedNadir(baseline.urineMProteinMgPer24h ?? null, defined(before.map((a) => a.urineMProteinMgPer24h)), true),
      dflcMgPerL: confirmedNadir(dflcOf(baseline), defined(before.map(dflcOf)), true),
      boneMarrowPlasmaCellsPct: confirmedNadir(baseline.boneMarrowPlasmaCellsPct ?? null, defined(before.map((a) => a.boneMarrowPlasmaCellsPct)), false),
      plasmacytomaSpdCm2: confirmedNadir(baseline.plasmacytomaSpdCm2 ?? null, defined(before.map((a) => a.plasmacytomaSpdCm2)), false),
    };
  };
  const nadirs = kept.map((_a, k) => nadirsBefore(k));

  // marrowAt: whose carried-forward marrow to use (the assessment itself, or the second of a pair).
  const classify = (k: number, marrowAt: number): ImwgRule => {
    const context: ImwgRuleContext = {
      thresholds: ruleSet.thresholds,
      measurable,
      baseline,
      current: kept[k],
      nadir: nadirs[k],
      marrowPlasmaCellsPct: marrowPct[marrowAt],
      clonalPlasmaCellsInMarrow: clonal[marrowAt],
      plasmacytomaSpdCm2: spd[k],
    };
    const rule = ruleSet.rules.find((r) => r.applies(context));
    if (rule === undefined) throw new Error(`rule set ${ruleSet.standard} has no rule for ${kept[k].date}: it must end with a catch-all`);
    return rule;
  };

  const evaluated: Evaluated[] = kept.map((assessment, k) => ({ assessment, rule: classify(k, k) }));
  evaluated.forEach((item, k) => {
    if (item.rule.category !== 'NE') return;
    const index = input.assessments.indexOf(kept[k]);
    for (const field of missingQualifyingParameters({ measurable, current: item.assessment })) {
      warnings.push(
        issue('missing-qualifying-parameter', ['assessments', index, field], undefined, `${field}, which qualified the patient at baseline (assessment is NE)`, 'warning'),
      );
    }
  });

  const evaluable = evaluated.map((_e, k) => k).filter((k) => evaluated[k].rule.category !== 'NE');
  const nextEvaluable = new Map<number, number | null>();
  evaluable.forEach((k, i) => nextEvaluable.set(k, evaluable[i + 1] ?? null));
  const sdDepth = responseDepth('SD') ?? 1;
  const sdConfirmation: ImwgConfirmation = ruleSet.stableDiseaseConfirmation;

  interface Confirmation {
    readonly confirmed: boolean;
    readonly confirmedDepth: number | null;
    readonly pdBy: ImwgResult['progressionConfirmedBy'];
  }
  const confirmations: Confirmation[] = evaluated.map((item, k) => {
    const rule = item.rule;
    if (rule.category === 'NE') return { confirmed: false, confirmedDepth: null, pdBy: null };
    const next = nextEvaluable.get(k) ?? null;
    if (rule.category === 'PD') {
      if (rule.confirmation === 'none') return { confirmed: true, confirmedDepth: null, pdBy: 'single-finding' };
      if (next !== null) {
        const confirmed = evaluated[next].rule.category === 'PD';
        return { confirmed, confirmedDepth: null, pdBy: confirmed ? 'next-assessment' : null };
      }
      // Death confirms only a PD it follows with no new therapy in between (that would explain the death otherwise).
      const dies =
        deathDay !== null &&
        deathDay >= (parseIsoDate(item.assessment.date) ?? Infinity) &&
        (newTherapyDay === null || newTherapyDay > deathDay);
      return { confirmed: dies, confirmedDepth: null, pdBy: dies ? 'death' : null };
    }
    const ownDepth = responseDepth(rule.category) ?? sdDepth;
    let depth: number | null = rule.confirmation === 'none' ? ownDepth : null;
    if (next !== null && evaluated[next].rule.category !== 'PD') {
      const withPairMarrow = responseDepth(classify(k, next).category);
      const partner = responseDepth(evaluated[next].rule.category);
      if (withPairMarrow !== null && partner !== null) depth = Math.max(depth ?? 0, Math.min(withPairMarrow, partner));
    }
    if (sdConfirmation === 'none') depth = Math.max(depth ?? 0, sdDepth);
    return { confirmed: depth !== null && depth >= ownDepth, confirmedDepth: depth, pdBy: null };
  });

  const progressionIndex = evaluated.findIndex((item, k) => item.rule.category === 'PD' && confirmations[k].confirmed);
  const beforeProgression = progressionIndex === -1 ? evaluated.length : progressionIndex;

  let bestDepth: number | null = null;
  let bestIndex = -1;
  let firstResponseIndex = -1;
  for (let k = 0; k < beforeProgression; k++) {
    const depth = confirmations[k].confirmedDepth;
    if (depth === null) continue;
    if (bestDepth === null || depth > bestDepth) {
      bestDepth = depth;
      bestIndex = k;
    }
    if (firstResponseIndex === -1 && depth >= (responseDepth('PR') ?? 3)) firstResponseIndex = k;
  }

  let bestResponse: ImwgResponse;
  let bestResponseReason: ImwgBestResponseReason | null = null;
  if (bestDepth !== null) bestResponse = responseAtDepth(bestDepth);
  else if (progressionIndex !== -1) bestResponse = 'PD';
  else {
    bestResponse = 'NE';
    bestResponseReason = kept.length === 0 ? 'no-postbaseline' : evaluable.length === 0 ? 'not-evaluable' : 'not-confirmed';
  }

  const primaryValue = (m: ImwgMeasurements): number | null => {
    switch (measurable.primary) {
      case 'serum':
        return m.serumMProteinGPerL ?? null;
      case 'urine':
        return m.urineMProteinMgPer24h ?? null;
      case 'flc':
        return dflcOf(m);
      default:
        return m.boneMarrowPlasmaCellsPct ?? null;
    }
  };
  const primaryNadir = (n: ImwgNadirs): number | null => {
    switch (measurable.primary) {
      case 'serum':
        return n.serumMProteinGPerL;
      case 'urine':
        return n.urineMProteinMgPer24h;
      case 'flc':
        return n.dflcMgPerL;
      default:
        return n.boneMarrowPlasmaCellsPct;
    }
  };
  const baselinePrimary = primaryValue(baseline);

  const assessments = evaluated.map((item, k): ImwgAssessmentResult => {
    const value = primaryValue(item.assessment);
    const confirmation = confirmations[k];
    let confirmedResponse: ImwgResponse | null = null;
    if (item.rule.category === 'PD') confirmedResponse = confirmation.confirmed ? 'PD' : null;
    else if (confirmation.confirmedDepth !== null) confirmedResponse = responseAtDepth(confirmation.confirmedDepth);
    return Object.freeze({
      date: item.assessment.date,
      response: item.rule.category,
      rule: item.rule.id,
      confirmed: confirmation.confirmed,
      confirmedResponse,
      percentChangeFromBaseline:
        value === null || baselinePrimary === null || baselinePrimary === 0 ? null : ((value - baselinePrimary) / baselinePrimary) * 100,
      nadir: primaryNadir(nadirs[k]),
    });
  });

  const progression = progressionIndex === -1 ? null : evaluated[progressionIndex];
  return success(
    Object.freeze({
      ruleSet: `${ruleSet.standard} (${ruleSet.variant})`,
      measurableParameters: measurable,
      assessments: Object.freeze(assessments),
      ignoredAssessmentDates: Object.freeze(ignoredAssessmentDates),
      bestResponse,
      bestResponseReason,
      bestResponseDate: bestIndex === -1 ? null : evaluated[bestIndex].assessment.date,
      firstResponseDate: firstResponseIndex === -1 ? null : evaluated[firstResponseIndex].assessment.date,
      progressionDate: progression === null ? null : progression.assessment.date,
      progressionRule: progression === null ? null : progression.rule.id,
      progressionConfirmedBy: progressionIndex === -1 ? null : confirmations[progressionIndex].pdBy,
    }),
    Object.freeze(warnings),
  );
}
