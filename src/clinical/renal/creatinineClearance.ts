import { failure, issue, success, type Issue, type Outcome } from '../../result/index.js';

/**
 * Cockcroft-Gault creatinine clearance (Cockcroft DW, Gault MH. Prediction of creatinine clearance from
 * serum creatinine. Nephron 1976;16:31-41):
 *
 *   CrCl (mL/min) = (140 - age in years) x weight in kg / (72 x serum creatinine in mg/dL), x 0.85 for women.
 *
 * The formula uses actual body weight, as in the original paper and in the trial's eligibility rule
 * ("creatinine clearance of >= 30 mL/min as per the Cockcroft-Gault formula"); it is not normalised to
 * body-surface area.
 */
export interface CreatinineClearanceInput {
  readonly ageYears: number;
  readonly weightKg: number;
  readonly serumCreatinineMgPerDl: number;
  readonly sex: 'male' | 'female';
}

export interface CreatinineClearance {
  readonly creatinineClearanceMlPerMin: number;
  readonly formula: 'Cockcroft-Gault 1976';
  readonly ageYears: number;
  readonly weightKg: number;
  readonly serumCreatinineMgPerDl: number;
  readonly sex: 'male' | 'female';
}

/** Women's clearance is 15% lower at the same age, weight and creatinine (Cockcroft & Gault's estimate). */
export const COCKCROFT_GAULT_FEMALE_FACTOR = 0.85;

/** Kernel: trusts its input (age < 140, weight > 0, creatinine > 0). */
export function cockcroftGaultKernel(ageYears: number, weightKg: number, serumCreatinineMgPerDl: number, female: boolean): number {
  const male = ((140 - ageYears) * weightKg) / (72 * serumCreatinineMgPerDl);
  return female ? male * COCKCROFT_GAULT_FEMALE_FACTOR : male;
}

// Limits outside which a value is a data-entry error rather than a patient (errors), and the range the
// 1976 derivation covered (adults; warnings only, the formula is still computed).
const AGE_LIMITS = { min: 0, max: 120 };
const WEIGHT_LIMITS_KG = { min: 2, max: 400 };
const CREATININE_LIMITS_MG_PER_DL = { min: 0.05, max: 30 };

function finiteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

export function computeCreatinineClearance(input: CreatinineClearanceInput): Outcome<CreatinineClearance> {
  const issues: Issue[] = [];
  const { ageYears, weightKg, serumCreatinineMgPerDl, sex } = input as Partial<CreatinineClearanceInput>;

  if (!finiteNumber(ageYears)) issues.push(issue('missing-age', ['ageYears'], ageYears, 'age in years, a finite number'));
  else if (ageYears < AGE_LIMITS.min || ageYears > AGE_LIMITS.max)
    issues.push(issue('implausible-age', ['ageYears'], ageYears, `an age between ${AGE_LIMITS.min} and ${AGE_LIMITS.max} years`));
  else if (ageYears < 18)
    issues.push(issue('age-outside-derivation', ['ageYears'], ageYears, 'an adult (the Cockcroft-Gault formula was derived in adults)', 'warning'));

  if (!finiteNumber(weightKg)) issues.push(issue('missing-weight', ['weightKg'], weightKg, 'body weight in kg, a finite number'));
  else if (weightKg < WEIGHT_LIMITS_KG.min || weightKg > WEIGHT_LIMITS_KG.max)
    issues.push(issue('implausible-weight', ['weightKg'], weightKg, `a weight between ${WEIGHT_LIMITS_KG.min} and ${WEIGHT_LIMITS_KG.max} kg`));

  if (!finiteNumber(serumCreatinineMgPerDl))
    issues.push(issue('missing-creatinine', ['serumCreatinineMgPerDl'], serumCreatinineMgPerDl, 'serum creatinine in mg/dL, a finite number'));
  else if (serumCreatinineMgPerDl < CREATININE_LIMITS_MG_PER_DL.min || serumCreatinineMgPerDl > CREATININE_LIMITS_MG_PER_DL.max)
    issues.push(
      issue(
        'implausible-creatinine',
        ['serumCreatinineMgPerDl'],
        serumCreatinineMgPerDl,
        `serum creatinine between ${CREATININE_LIMITS_MG_PER_DL.min} and ${CREATININE_LIMITS_MG_PER_DL.max} mg/dL (convert umol/L by dividing by 88.4)`,
      ),
    );

  if (sex !== 'male' && sex !== 'female') issues.push(issue('unknown-sex', ['sex'], sex, "'male' or 'female'"));

  if (issues.some((item) => item.severity === 'error') || !finiteNumber(ageYears) || !finiteNumber(weightKg) || !finiteNumber(serumCreatinineMgPerDl) || (sex !== 'male' && sex !== 'female'))
    return failure(issues);

  return success(
    Object.freeze({
      creatinineClearanceMlPerMin: cockcroftGaultKernel(ageYears, weightKg, serumCreatinineMgPerDl, sex === 'female'),
      formula: 'Cockcroft-Gault 1976' as const,
      ageYears,
      weightKg,
      serumCreatinineMgPerDl,
      sex,
    }),
    issues,
  );
}
