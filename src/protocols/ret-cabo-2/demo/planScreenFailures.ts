import type { SeededRandom } from '../../../demo/index.js';

/**
 * Why the SYNTHETIC screen failures fail: one criterion of RET_CABO_2_ELIGIBILITY each, with the failing
 * value. The mix is invented, weighted as in targeted-therapy NSCLC trials (the fusion not confirmed, brain
 * metastases, performance status and measurable disease first). The first failures take the common reasons
 * in turn, so a small trial shows several; the rest are weighted draws.
 */
export interface ScreenFailureReason {
  readonly criterionId: string;
  readonly failingValue: string;
  readonly failingNumber: number | null;
}

interface Template {
  readonly criterionId: string;
  readonly weight: number;
  readonly draw: (random: SeededRandom) => { failingValue: string; failingNumber: number | null };
}

const TEMPLATES: readonly Template[] = [
  { criterionId: 'inc-ret', weight: 4, draw: () => ({ failingValue: 'RET rearrangement not confirmed (local NGS report inconclusive, no tissue left for a retest)', failingNumber: null }) },
  { criterionId: 'exc-brain', weight: 3, draw: () => ({ failingValue: 'untreated symptomatic brain metastases on the screening MRI', failingNumber: null }) },
  { criterionId: 'inc-ecog', weight: 3, draw: () => ({ failingValue: 'ECOG 2', failingNumber: 2 }) },
  { criterionId: 'inc-measurable', weight: 2, draw: () => ({ failingValue: 'no measurable lesion (pleural effusion and bone lesions only)', failingNumber: 0 }) },
  {
    criterionId: 'inc-transaminases',
    weight: 1,
    draw: (r) => {
      const value = r.int(125, 190);
      return { failingValue: `ALT ${value} U/L (${(value / 40).toFixed(1)} x ULN 40 U/L)`, failingNumber: value };
    },
  },
  {
    criterionId: 'exc-qtc',
    weight: 1,
    draw: (r) => {
      const value = r.int(505, 530);
      return { failingValue: `QTcF ${value} ms`, failingNumber: value };
    },
  },
  { criterionId: 'exc-prior-ret', weight: 1, draw: () => ({ failingValue: 'prior selpercatinib', failingNumber: null }) },
  { criterionId: 'exc-hypertension', weight: 1, draw: () => ({ failingValue: 'blood pressure 168/104 mmHg on three agents', failingNumber: null }) },
  {
    criterionId: 'exc-arterial-thromboembolism',
    weight: 1,
    draw: (r) => {
      const months = r.int(2, 5);
      return { failingValue: `ischaemic stroke ${months} months before the planned enrolment`, failingNumber: months };
    },
  },
  {
    criterionId: 'inc-platelets',
    weight: 1,
    draw: (r) => {
      const value = r.int(62, 96);
      return { failingValue: `platelets ${value} x10^9/L`, failingNumber: value };
    },
  },
];

const FIRST = ['inc-ret', 'exc-brain', 'inc-ecog', 'inc-measurable', 'exc-qtc', 'inc-transaminases'];

export function planScreenFailureReasons(random: SeededRandom, count: number): ScreenFailureReason[] {
  const out: ScreenFailureReason[] = [];
  for (let k = 0; k < count; k++) {
    const template = k < FIRST.length ? (TEMPLATES.find((t) => t.criterionId === FIRST[k]) as Template) : TEMPLATES[random.weighted(TEMPLATES.map((t) => t.weight))];
    out.push({ criterionId: template.criterionId, ...template.draw(random) });
  }
  return random.shuffle(out);
}
