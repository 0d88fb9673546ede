import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { formatIsoDate, parseIsoDate } from '../dates/index.js';
import { computeRecistResponse, type RecistResult } from './computeRecistResponse.js';
import type { RecistTargetResponse } from './recistCategories.js';
import type { RecistAssessment, RecistBaselineLesion, RecistLesionResult, RecistNonTargetStatus, RecistPatientInput } from './recistInput.js';
import { RECIST_1_1, createRecistRuleSet } from './recist11RuleSet.js';

// Properties of the whole engine on random patients that pass validation: up to 5 targets (at most 2 nodes),
// up to 3 non-target lesions, up to 7 assessments at least 2 days apart, diameters in tenths of a mm.

const BASELINE_DAY = parseIsoDate('2024-01-08') ?? 0;

const tenths = (min: number, max: number): fc.Arbitrary<number> => fc.integer({ min: min * 10, max: max * 10 }).map((v) => v / 10);

interface Shape {
  readonly targets: readonly { readonly nodal: boolean; readonly mm: number }[];
  readonly nonTargets: readonly boolean[];
}

const shapeArb: fc.Arbitrary<Shape> = fc
  .record({
    targets: fc.array(fc.record({ nodal: fc.boolean(), mm: tenths(10, 120) }), { maxLength: 5 }),
    nonTargets: fc.array(fc.boolean(), { maxLength: 3 }),
  })
  .map(({ targets, nonTargets }) => {
    let nodes = 0;
    const fixed = targets.map((t) => {
      const nodal = t.nodal && ++nodes <= 2;
      return { nodal, mm: nodal ? Math.max(t.mm, 15) : t.mm };
    });
    return { targets: fixed, nonTargets };
  })
  .filter((s) => s.targets.length + s.nonTargets.length > 0);

/** A target diameter at an assessment: often 0, often near baseline, sometimes not evaluated. */
const diameterArb = (baselineMm: number): fc.Arbitrary<number | null> =>
  fc.oneof(
    { weight: 2, arbitrary: fc.constant(0) },
    { weight: 6, arbitrary: fc.integer({ min: 0, max: 16 }).map((k) => Math.round(baselineMm * k * 1.25) / 10) },
    { weight: 2, arbitrary: tenths(0, 150) },
    { weight: 1, arbitrary: fc.constant(null) },
  );

const statusArb: fc.Arbitrary<RecistNonTargetStatus> = fc.constantFrom('absent', 'absent', 'present', 'present', 'unequivocal-progression', 'not-evaluated');

function baselineLesions(shape: Shape): RecistBaselineLesion[] {
  return [
    ...shape.targets.map((t, i): RecistBaselineLesion => ({ id: `T${i + 1}`, kind: 'target', nodal: t.nodal, diameterMm: t.mm })),
    ...shape.nonTargets.map((nodal, i): RecistBaselineLesion => ({ id: `NT${i + 1}`, kind: 'non-target', nodal })),
  ];
}

function assessmentArb(shape: Shape): fc.Arbitrary<Omit<RecistAssessment, 'date'>> {
  return fc.record({
    targets: fc.tuple(...shape.targets.map((t) => diameterArb(t.mm))),
    statuses: fc.tuple(...shape.nonTargets.map(() => statusArb)),
    newLesion: fc.constantFrom('no', 'no', 'no', 'no', 'yes', 'equivocal', 'equivocal'),
  }).map(({ targets, statuses, newLesion }) => ({
    newLesion,
    lesions: [
      ...targets.map((diameterMm, i): RecistLesionResult => ({ id: `T${i + 1}`, diameterMm })),
      ...statuses.map((status, i): RecistLesionResult => ({ id: `NT${i + 1}`, status })),
    ],
  }));
}

const patientArb: fc.Arbitrary<RecistPatientInput> = shapeArb.chain((shape) =>
  fc
    .array(fc.tuple(fc.integer({ min: 2, max: 60 }), assessmentArb(shape)), { maxLength: 7 })
    .map((visits) => {
      let day = BASELINE_DAY;
      return {
        baseline: { date: formatIsoDate(BASELINE_DAY), lesions: baselineLesions(shape) },
        assessments: visits.map(([gap, visit]) => {
          day += gap;
          return { date: formatIsoDate(day), ...visit };
        }),
      };
    }),
);

function run(patient: RecistPatientInput, options: Parameters<typeof computeRecistResponse>[1] = {}): RecistResult {
  const outcome = computeRecistResponse(patient, options);
  if (!outcome.ok) throw new Error(`generated an invalid patient: ${JSON.stringify(outcome.issues)}`);
  return outcome.value;
}

/** Everything but the sums and percentages. */
function categories(r: RecistResult): unknown {
  return {
    points: r.assessments.map((a) => [a.date, a.target, a.targetRule, a.nonTarget, a.overall]),
    best: [r.bestOverallResponse, r.bestOverallResponseReason, r.confirmed, r.firstResponseDate, r.progressionDate],
  };
}

function scaled(patient: RecistPatientInput, c: number): RecistPatientInput {
  const times = (v: number | null | undefined): number | null => (v === null || v === undefined ? null : v * c);
  return {
    baseline: { ...patient.baseline, lesions: patient.baseline.lesions.map((l) => (l.kind === 'target' ? { ...l, diameterMm: times(l.diameterMm) } : l)) },
    assessments: patient.assessments.map((a) => ({ ...a, lesions: a.lesions.map((l) => ('diameterMm' in l ? { ...l, diameterMm: times(l.diameterMm) } : l)) })),
  };
}

const TARGET_ORDER: Record<RecistTargetResponse, number> = { CR: 0, PR: 1, SD: 2, PD: 3, NE: -1, NA: -1 };

describe('computeRecistResponse properties', () => {
  it('run on patients that reach every category and rule (the properties are not vacuous)', () => {
    const seen = new Set<string>();
    for (const patient of fc.sample(patientArb, { numRuns: 3000, seed: 20240108 })) {
      const r = run(patient);
      seen.add(`best ${r.bestOverallResponse}`);
      for (const a of r.assessments) for (const rule of [a.targetRule, a.nonTargetRule, a.overallRule]) seen.add(rule);
    }
    const expected = [
      ...RECIST_1_1.categories.map((c) => `best ${c.code}`),
      ...RECIST_1_1.targetRules.map((r) => r.id),
      ...RECIST_1_1.nonTargetRules.map((r) => r.id),
      ...RECIST_1_1.overallRules.map((r) => r.id),
    ];
    assert.deepEqual(expected.filter((item) => !seen.has(item)), []);
  });

  it('is dimensionally consistent: diameters and mm thresholds scaled together give the same categories', () => {
    fc.assert(
      fc.property(patientArb, fc.constantFrom(0.25, 0.5, 2, 4, 8), (patient, c) => {
        const t = RECIST_1_1.thresholds;
        const ruleSet = createRecistRuleSet({
          variant: `x${c}`,
          thresholds: {
            progressionAbsoluteMm: t.progressionAbsoluteMm * c,
            nodeNormalShortAxisMm: t.nodeNormalShortAxisMm * c,
            measurableLesionMm: t.measurableLesionMm * c,
            measurableNodeShortAxisMm: t.measurableNodeShortAxisMm * c,
          },
        });
        const base = run(patient);
        const big = run(scaled(patient, c), { ruleSet });
        assert.deepEqual(categories(big), categories(base));
        big.assessments.forEach((a, k) => {
          const b = base.assessments[k];
          assert.equal(a.sumMm, b.sumMm === null ? null : b.sumMm * c);
          assert.equal(a.percentFromBaseline, b.percentFromBaseline);
          assert.equal(a.percentFromNadir, b.percentFromNadir);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('an extra earlier assessment with a new smallest sum never turns a PD into a non-PD, nor delays progression', () => {
    fc.assert(
      fc.property(patientArb, fc.nat(), (patient, at) => {
        const targets = patient.baseline.lesions.filter((l) => l.kind === 'target');
        if (targets.length === 0 || patient.assessments.length === 0) return;
        const k = at % patient.assessments.length;
        const previousDay = k === 0 ? BASELINE_DAY : (parseIsoDate(patient.assessments[k - 1].date) ?? 0);
        const nextDay = parseIsoDate(patient.assessments[k].date) ?? 0;
        // Half of each lesion's smallest size so far: a complete sum below every earlier one.
        const smallest = (id: string, base: number): number =>
          patient.assessments.slice(0, k).reduce((m, a) => {
            const r = a.lesions.find((l) => l.id === id);
            return r !== undefined && 'diameterMm' in r && r.diameterMm !== null ? Math.min(m, r.diameterMm) : m;
          }, base);
        // Its new-lesion finding continues an equivocal run (a 'no' would end it and so move a back-dated progression).
        const extra: RecistAssessment = {
          date: formatIsoDate(previousDay + Math.floor((nextDay - previousDay) / 2)),
          newLesion: k > 0 && patient.assessments[k - 1].newLesion === 'equivocal' ? 'equivocal' : 'no',
          lesions: patient.baseline.lesions.map((l) => (l.kind === 'target' ? { id: l.id, diameterMm: smallest(l.id, l.diameterMm ?? 0) / 2 } : { id: l.id, status: 'present' })),
        };
        const base = run(patient);
        const withExtra = run({ ...patient, assessments: [...patient.assessments.slice(0, k), extra, ...patient.assessments.slice(k)] });
        base.assessments.forEach((a, j) => {
          const b = withExtra.assessments[j < k ? j : j + 1];
          if (a.target === 'PD') assert.equal(b.target, 'PD', `target at ${a.date}`);
          if (a.overall === 'PD') assert.equal(b.overall, 'PD', `overall at ${a.date}`);
        });
        if (base.progressionDate !== null) assert.ok(withExtra.progressionDate !== null && withExtra.progressionDate <= base.progressionDate);
      }),
      { numRuns: 300 },
    );
  });

  it('a larger target lesion never improves the target response of its assessment', () => {
    fc.assert(
      fc.property(patientArb, fc.nat(), fc.nat(), tenths(0.1, 40), (patient, at, which, grow) => {
        const targets = patient.baseline.lesions.filter((l) => l.kind === 'target');
        if (targets.length === 0 || patient.assessments.length === 0) return;
        const k = at % patient.assessments.length;
        const id = targets[which % targets.length].id;
        const lesions = patient.assessments[k].lesions.map((l) => (l.id === id && 'diameterMm' in l && l.diameterMm !== null ? { ...l, diameterMm: l.diameterMm + grow } : l));
        const grown = run({ ...patient, assessments: patient.assessments.map((a, j) => (j === k ? { ...a, lesions } : a)) });
        const before = run(patient).assessments[k].target;
        const after = grown.assessments[k].target;
        if (before === 'NE') assert.ok(after === 'NE' || after === 'PD', `${before} -> ${after}`);
        else assert.ok(TARGET_ORDER[after] >= TARGET_ORDER[before], `${before} -> ${after}`);
      }),
      { numRuns: 300 },
    );
  });

  it('does not depend on the order of the lesions, and a later assessment never changes an earlier one', () => {
    fc.assert(
      fc.property(patientArb, (patient) => {
        const base = run(patient);
        const reversed = run({
          baseline: { ...patient.baseline, lesions: [...patient.baseline.lesions].reverse() },
          assessments: patient.assessments.map((a) => ({ ...a, lesions: [...a.lesions].reverse() })),
        });
        assert.deepEqual(reversed, base);
        const prefix = run({ ...patient, assessments: patient.assessments.slice(0, -1) });
        assert.deepEqual(prefix.assessments, base.assessments.slice(0, prefix.assessments.length));
      }),
      { numRuns: 200 },
    );
  });

  it('keeps the summary consistent with the time points', () => {
    fc.assert(
      fc.property(patientArb, (patient) => {
        const r = run(patient);
        const firstPd = r.assessments.find((a) => a.overall === 'PD')?.date ?? null;
        assert.equal(r.confirmed, r.bestOverallResponse === 'CR' || r.bestOverallResponse === 'PR');
        assert.equal(r.firstResponseDate !== null, r.confirmed);
        assert.equal(r.progressionDate !== null, firstPd !== null);
        if (firstPd !== null && r.progressionDate !== null) assert.ok(r.progressionDate <= firstPd);
        if (r.bestOverallResponse === 'PD') assert.notEqual(r.progressionDate, null);
        if (r.firstResponseDate !== null && r.progressionDate !== null) assert.ok(r.firstResponseDate < r.progressionDate);
        if (r.disease === 'non-target-only') assert.notEqual(r.bestOverallResponse, 'SD');
        else assert.notEqual(r.bestOverallResponse, 'NON-CR/NON-PD');
      }),
      { numRuns: 500 },
    );
  });
});
