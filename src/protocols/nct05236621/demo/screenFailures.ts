import type { ScreenFailurePlan } from './cohortPlanTypes.js';
import type { SeededRandom } from '../../../demo/index.js';

/**
 * Reasons for the 24 screen failures: one named criterion of src/clinical/eligibility's NCT05236621
 * criteria each, in a realistic mix (laboratory and prior-therapy failures dominate in RRMM trials). The
 * paper does not break its 24 failures down: the mix is invented.
 */
interface FailureTemplate {
  readonly criterionId: string;
  readonly text: string;
  readonly weight: number;
  readonly value: (random: SeededRandom) => string;
}

const TEMPLATES: readonly FailureTemplate[] = [
  { criterionId: 'inc-prior-therapy', text: 'At least 2 prior lines including >= 2 cycles of lenalidomide and of a proteasome inhibitor', weight: 4, value: (r) => `lenalidomide ${r.int(0, 1)} cycle(s) in any one line` },
  { criterionId: 'inc-progression', text: 'Progression during or within 60 days of the last prior therapy', weight: 3, value: (r) => `progression ${r.int(75, 240)} days after the last line` },
  { criterionId: 'inc-measurable', text: 'Measurable disease (serum M >= 5 g/L, urine M >= 200 mg/24 h or involved FLC >= 100 mg/L)', weight: 3, value: (r) => `serum M-protein ${(r.int(10, 45) / 10).toFixed(1)} g/L, urine M-protein ${r.int(40, 180)} mg/24 h, involved FLC ${r.int(30, 95)} mg/L` },
  { criterionId: 'inc-anc', text: 'ANC >= 1.0 x 10^9/L', weight: 3, value: (r) => `ANC ${(r.int(40, 95) / 100).toFixed(2)} x10^9/L` },
  { criterionId: 'inc-platelets', text: 'Platelets >= 50 x 10^9/L', weight: 3, value: (r) => `platelets ${r.int(18, 48)} x10^9/L` },
  { criterionId: 'inc-renal', text: 'Creatinine <= 3.0 mg/dL or CrCl >= 30 mL/min', weight: 2, value: (r) => `creatinine ${(r.int(310, 480) / 100).toFixed(2)} mg/dL, CrCl ${r.int(14, 28)} mL/min` },
  { criterionId: 'inc-bilirubin', text: 'Total bilirubin <= 2.0 mg/dL', weight: 1, value: (r) => `total bilirubin ${(r.int(21, 35) / 10).toFixed(1)} mg/dL` },
  { criterionId: 'inc-transaminases', text: 'ALT and AST <= 3 x ULN', weight: 1, value: (r) => `ALT ${(r.int(32, 55) / 10).toFixed(1)} x ULN` },
  { criterionId: 'inc-ecog', text: 'ECOG performance status 0-2', weight: 1, value: () => 'ECOG 3' },
  { criterionId: 'exc-neuropathy', text: 'No peripheral neuropathy of grade >= 3', weight: 1, value: () => 'peripheral sensory neuropathy grade 3' },
  { criterionId: 'exc-nyha', text: 'No NYHA class II or higher heart failure', weight: 1, value: (r) => `NYHA class ${r.pick(['II', 'III'])}` },
  { criterionId: 'exc-imid-intolerance', text: 'No intolerance to thalidomide, lenalidomide or pomalidomide', weight: 1, value: () => 'lenalidomide stopped for grade 3 rash' },
];

/** The first failures follow a fixed minimum mix so every common reason appears; the rest are weighted draws. */
const GUARANTEED = ['inc-prior-therapy', 'inc-progression', 'inc-measurable', 'inc-anc', 'inc-platelets', 'inc-renal', 'inc-bilirubin', 'inc-transaminases', 'inc-ecog', 'exc-neuropathy'];

export function screenFailureReasons(random: SeededRandom, count: number): { criterionId: string; text: string; value: string }[] {
  const out: { criterionId: string; text: string; value: string }[] = [];
  for (let k = 0; k < count; k++) {
    const template =
      k < GUARANTEED.length
        ? (TEMPLATES.find((t) => t.criterionId === GUARANTEED[k]) as FailureTemplate)
        : TEMPLATES[random.weighted(TEMPLATES.map((t) => t.weight))];
    out.push({ criterionId: template.criterionId, text: template.text, value: template.value(random) });
  }
  return random.shuffle(out);
}

export function makeScreenFailure(
  subjectId: string,
  siteId: string,
  screeningDate: string,
  age: number,
  sex: 'M' | 'F',
  reason: { criterionId: string; text: string; value: string },
): ScreenFailurePlan {
  return Object.freeze({
    synthetic: true,
    subjectId,
    siteId,
    screeningDate,
    age,
    sex,
    failedCriterionId: reason.criterionId,
    failedCriterionText: reason.text,
    failingValue: reason.value,
  });
}
