import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { computeCtcaeGrade, type CtcaeGrade, type CtcaeGradeInput } from './computeCtcaeGrade.js';
import { CTCAE_V5_LAB_CRITERIA } from './ctcaeV5LabCriteria.js';

function graded(input: CtcaeGradeInput): CtcaeGrade {
  const outcome = computeCtcaeGrade(input);
  assert.ok(outcome.ok, `${JSON.stringify(input)}: ${JSON.stringify(outcome.issues)}`);
  return outcome.value;
}

function gradeOf(input: CtcaeGradeInput): number | null {
  return graded(input).grade;
}

type Context = Omit<CtcaeGradeInput, 'value'>;

/**
 * A "<" boundary of a decreased term (clinical-rules.md: a value on the boundary takes the milder grade):
 * one step below is `worse`, the boundary itself and one step above are `milder`.
 */
function checkBelowBoundary(context: Context, boundary: number, step: number, worse: number, milder: number): void {
  const label = (value: number): string => `${context.term} ${value} ${context.unit}`;
  const below = Number((boundary - step).toPrecision(12));
  const above = Number((boundary + step).toPrecision(12));
  assert.equal(gradeOf({ ...context, value: below }), worse, label(below));
  assert.equal(gradeOf({ ...context, value: boundary }), milder, label(boundary));
  assert.equal(gradeOf({ ...context, value: above }), milder, label(above));
}

/** A ">" boundary of an increased term: the boundary and one step below are `milder`, one step above `worse`. */
function checkAboveBoundary(context: Context, boundary: number, step: number, milder: number, worse: number): void {
  const label = (value: number): string => `${context.term} ${value} ${context.unit} ${JSON.stringify(context)}`;
  const below = Number((boundary - step).toPrecision(12));
  const above = Number((boundary + step).toPrecision(12));
  assert.equal(gradeOf({ ...context, value: below }), milder, label(below));
  assert.equal(gradeOf({ ...context, value: boundary }), milder, label(boundary));
  assert.equal(gradeOf({ ...context, value: above }), worse, label(above));
}

describe('CTCAE v5.0 decreased terms: every boundary, on it and one step either side', () => {
  it('Neutrophil count decreased: <LLN, <1.5, <1.0, <0.5 x10^9/L', () => {
    const context = { term: 'Neutrophil count decreased', unit: '10^9/L', lln: 2.0, uln: 7.5 };
    checkBelowBoundary(context, 0.5, 0.01, 4, 3);
    checkBelowBoundary(context, 1.0, 0.01, 3, 2);
    checkBelowBoundary(context, 1.5, 0.01, 2, 1);
    checkBelowBoundary(context, 2.0, 0.01, 1, 0);
  });

  it('White blood cell decreased: <LLN, <3.0, <2.0, <1.0 x10^9/L', () => {
    const context = { term: 'White blood cell decreased', unit: '10^9/L', lln: 4.0, uln: 10 };
    checkBelowBoundary(context, 1.0, 0.01, 4, 3);
    checkBelowBoundary(context, 2.0, 0.01, 3, 2);
    checkBelowBoundary(context, 3.0, 0.01, 2, 1);
    checkBelowBoundary(context, 4.0, 0.01, 1, 0);
  });

  it('Platelet count decreased: <LLN, <75, <50, <25 x10^9/L', () => {
    const context = { term: 'Platelet count decreased', unit: '10^9/L', lln: 150, uln: 400 };
    checkBelowBoundary(context, 25, 1, 4, 3);
    checkBelowBoundary(context, 50, 1, 3, 2);
    checkBelowBoundary(context, 75, 1, 2, 1);
    checkBelowBoundary(context, 150, 1, 1, 0);
  });

  it('Lymphocyte count decreased: <LLN, <0.8, <0.5, <0.2 x10^9/L', () => {
    const context = { term: 'Lymphocyte count decreased', unit: '10^9/L', lln: 1.0, uln: 4.0 };
    checkBelowBoundary(context, 0.2, 0.01, 4, 3);
    checkBelowBoundary(context, 0.5, 0.01, 3, 2);
    checkBelowBoundary(context, 0.8, 0.01, 2, 1);
    checkBelowBoundary(context, 1.0, 0.01, 1, 0);
  });

  it('Anemia: <LLN, <100, <80 g/L; never grade 4 from the value alone', () => {
    const context = { term: 'Anemia', unit: 'g/L', lln: 120, uln: 160 };
    checkBelowBoundary(context, 80, 1, 3, 2);
    checkBelowBoundary(context, 100, 1, 2, 1);
    checkBelowBoundary(context, 120, 1, 1, 0);
    const lowest = graded({ ...context, value: 30 });
    assert.equal(lowest.grade, 3);
    assert.ok(lowest.notes.some((note) => /at most 3/.test(note)));
  });

  it('Hypokalemia: <LLN grades 1 (grade 2 needs symptoms), <3.0 grade 3, <2.5 grade 4', () => {
    const context = { term: 'Hypokalemia', unit: 'mmol/L', lln: 3.5, uln: 5.1 };
    checkBelowBoundary(context, 2.5, 0.01, 4, 3);
    checkBelowBoundary(context, 3.0, 0.01, 3, 1);
    checkBelowBoundary(context, 3.5, 0.01, 1, 0);
  });

  it('Hypoalbuminemia: <LLN, <30, <20 g/L; never grade 4 from the value alone', () => {
    const context = { term: 'Hypoalbuminemia', unit: 'g/L', lln: 35, uln: 50 };
    checkBelowBoundary(context, 20, 1, 3, 2);
    checkBelowBoundary(context, 30, 1, 2, 1);
    checkBelowBoundary(context, 35, 1, 1, 0);
    assert.equal(gradeOf({ ...context, value: 5 }), 3);
  });

  it('grades a value between the grade-2 threshold and an unusually low LLN by the threshold (highest grade met)', () => {
    assert.equal(gradeOf({ term: 'Neutrophil count decreased', value: 1.45, unit: '10^9/L', lln: 1.4 }), 2);
  });
});

describe('CTCAE v5.0 increased terms: every boundary, on it and one step either side', () => {
  it('Blood bilirubin increased, baseline normal: >ULN, >1.5, >3.0, >10.0 x ULN', () => {
    const context = { term: 'Blood bilirubin increased', unit: 'umol/L', lln: 3, uln: 20, baseline: 10 };
    checkAboveBoundary(context, 20, 0.1, 0, 1);
    checkAboveBoundary(context, 30, 0.1, 1, 2);
    checkAboveBoundary(context, 60, 0.1, 2, 3);
    checkAboveBoundary(context, 200, 0.1, 3, 4);
  });

  it('Blood bilirubin increased, baseline abnormal: >1.0, >1.5, >3.0, >10.0 x BL', () => {
    const context = { term: 'Blood bilirubin increased', unit: 'umol/L', uln: 20, baseline: 30 };
    checkAboveBoundary(context, 30, 0.1, 0, 1);
    checkAboveBoundary(context, 45, 0.1, 1, 2);
    checkAboveBoundary(context, 90, 0.1, 2, 3);
    checkAboveBoundary(context, 300, 0.1, 3, 4);
    // Above the ULN but not above the abnormal baseline: no worsening, grade 0.
    assert.equal(gradeOf({ ...context, value: 25 }), 0);
  });

  for (const term of ['Alanine aminotransferase increased', 'Aspartate aminotransferase increased']) {
    it(`${term}, baseline normal: >ULN, >3.0, >5.0, >20.0 x ULN`, () => {
      const context = { term, unit: 'U/L', uln: 40, baseline: 25 };
      checkAboveBoundary(context, 40, 1, 0, 1);
      checkAboveBoundary(context, 120, 1, 1, 2);
      checkAboveBoundary(context, 200, 1, 2, 3);
      checkAboveBoundary(context, 800, 1, 3, 4);
    });

    it(`${term}, baseline abnormal: 1.5 (inclusive), >3.0, >5.0, >20.0 x BL`, () => {
      // admiral's test data: ANRHI 39, BASE 40 -> 59 grade 0, 60 grade 1, 120 grade 1, 121 grade 2.
      const context = { term, unit: 'U/L', uln: 39, baseline: 40 };
      assert.equal(gradeOf({ ...context, value: 59 }), 0);
      assert.equal(gradeOf({ ...context, value: 60 }), 1);
      assert.equal(gradeOf({ ...context, value: 61 }), 1);
      checkAboveBoundary(context, 120, 1, 1, 2);
      checkAboveBoundary(context, 200, 1, 2, 3);
      checkAboveBoundary(context, 800, 1, 3, 4);
    });
  }

  it('Creatinine increased by ULN: >ULN, >1.5, >3.0, >6.0 x ULN', () => {
    const context = { term: 'Creatinine increased', unit: 'umol/L', uln: 100, baseline: 100 };
    checkAboveBoundary(context, 100, 1, 0, 1);
    checkAboveBoundary(context, 150, 1, 1, 2);
    checkAboveBoundary(context, 300, 1, 2, 3);
    checkAboveBoundary(context, 600, 1, 3, 4);
  });

  it('Creatinine increased by baseline: >1.5 x BL grade 2, >3.0 x BL grade 3, still >6.0 x ULN for grade 4', () => {
    const context = { term: 'Creatinine increased', unit: 'umol/L', uln: 100, baseline: 40 };
    checkAboveBoundary(context, 60, 1, 0, 2);
    checkAboveBoundary(context, 120, 1, 2, 3);
    checkAboveBoundary(context, 600, 1, 3, 4);
    // admiral's v5 cases: AVAL 42, ANRHI 40 with BASE 13.9 -> 3, BASE 14 -> 2, AVAL 42.1 with BASE 28 -> 2.
    assert.equal(gradeOf({ term: 'Creatinine increased', value: 42, unit: 'umol/L', uln: 40, baseline: 13.9 }), 3);
    assert.equal(gradeOf({ term: 'Creatinine increased', value: 42, unit: 'umol/L', uln: 40, baseline: 14 }), 2);
    assert.equal(gradeOf({ term: 'Creatinine increased', value: 42.1, unit: 'umol/L', uln: 40, baseline: 28 }), 2);
  });

  it('Creatinine increased without a baseline grades on the ULN and says the grade may be higher', () => {
    const result = graded({ term: 'Creatinine increased', value: 120, unit: 'umol/L', uln: 100 });
    assert.equal(result.grade, 1);
    assert.ok(result.notes.some((note) => /x BL criteria were not applied/.test(note)));
  });

  it('Hyperuricemia: >ULN is grade 1 and the value alone never grades higher', () => {
    const context = { term: 'Hyperuricemia', unit: 'umol/L', uln: 420 };
    checkAboveBoundary(context, 420, 1, 0, 1);
    const high = graded({ ...context, value: 2000 });
    assert.equal(high.grade, 1);
    assert.ok(high.notes.some((note) => /no grade 2/.test(note)));
  });
});

describe('CTCAE grading with conventional units', () => {
  it('converts counts given per microlitre (exactly 1000 cells/uL is 1.0 x10^9/L: grade 2)', () => {
    assert.equal(gradeOf({ term: 'Neutrophil count decreased', value: 1000, unit: 'cells/uL', lln: 2000 }), 2);
    assert.equal(gradeOf({ term: 'Neutrophil count decreased', value: 999, unit: 'cells/µL', lln: 2000 }), 3);
    assert.equal(gradeOf({ term: 'Platelet count decreased', value: 75, unit: '10^3/uL', lln: 150 }), 1);
  });

  it('converts g/dL, mg/dL, and keeps boundaries exact through multiples of the ULN', () => {
    const hb = graded({ term: 'Anemia', value: 8.0, unit: 'g/dL', lln: 12 });
    assert.equal(hb.grade, 2);
    assert.equal(hb.value, 80);
    assert.equal(hb.unit, 'g/L');
    assert.equal(gradeOf({ term: 'Hypoalbuminemia', value: 3.0, unit: 'g/dL', lln: 3.5 }), 1);
    assert.equal(gradeOf({ term: 'Creatinine increased', value: 1.5, unit: 'mg/dL', uln: 1.0 }), 1);
    assert.equal(gradeOf({ term: 'Creatinine increased', value: 1.51, unit: 'mg/dL', uln: 1.0 }), 2);
    // 3 x 1.2 is 3.5999999999999996 in binary: the boundary must still be the milder grade.
    assert.equal(gradeOf({ term: 'Blood bilirubin increased', value: 3.6, unit: 'mg/dL', uln: 1.2 }), 2);
    assert.equal(gradeOf({ term: 'Blood bilirubin increased', value: 3.61, unit: 'mg/dL', uln: 1.2 }), 3);
  });
});

describe('CTCAE grading with missing normal limits or baseline', () => {
  it('grades 2-4 of a decreased term without the LLN, but not 0 or 1', () => {
    assert.equal(gradeOf({ term: 'Neutrophil count decreased', value: 1.49, unit: '10^9/L' }), 2);
    const result = graded({ term: 'Neutrophil count decreased', value: 1.5, unit: '10^9/L' });
    assert.equal(result.grade, null);
    assert.match(result.reason ?? '', /needs LLN/);
  });

  it('grades a decreased term at or above the ULN as 0 even without the LLN', () => {
    const result = graded({ term: 'Neutrophil count decreased', value: 9, unit: '10^9/L', uln: 7.5 });
    assert.equal(result.grade, 0);
    assert.ok(result.notes.some((note) => /above the normal range/.test(note)));
  });

  it('needs the ULN for an increased term, unless the value is at or below the LLN', () => {
    const result = graded({ term: 'Alanine aminotransferase increased', value: 300, unit: 'U/L' });
    assert.equal(result.grade, null);
    assert.match(result.reason ?? '', /needs ULN/);
    assert.equal(gradeOf({ term: 'Alanine aminotransferase increased', value: 6, unit: 'U/L', lln: 7 }), 0);
    assert.equal(gradeOf({ term: 'Creatinine increased', value: 700, unit: 'umol/L', baseline: 60 }), null);
  });

  it('treats a missing baseline as normal for bilirubin and transaminases, and says so', () => {
    const result = graded({ term: 'Aspartate aminotransferase increased', value: 130, unit: 'U/L', uln: 40 });
    assert.equal(result.grade, 2);
    assert.ok(result.notes.some((note) => /no baseline given/.test(note)));
  });

  it('with a baseline but no ULN, grades only when both baseline classes agree', () => {
    const undecided = graded({ term: 'Alanine aminotransferase increased', value: 100, unit: 'U/L', baseline: 40 });
    assert.equal(undecided.grade, null);
    assert.match(undecided.reason ?? '', /needs ULN/);
    assert.equal(gradeOf({ term: 'Alanine aminotransferase increased', value: 5, unit: 'U/L', lln: 7, baseline: 40 }), 0);
  });
});

describe('CTCAE input problems', () => {
  it('lists the known terms for an unknown term and resolves documented aliases', () => {
    const outcome = computeCtcaeGrade({ term: 'Hyponatremia', value: 130, unit: 'mmol/L' });
    assert.equal(outcome.ok, false);
    assert.equal(outcome.issues[0].code, 'unknown-term');
    assert.deepEqual(outcome.issues[0].path, ['term']);
    for (const criterion of CTCAE_V5_LAB_CRITERIA) assert.ok(outcome.issues[0].expected.includes(criterion.term), criterion.term);
    assert.equal(graded({ term: 'WBC decreased', value: 2.5, unit: '10^9/L', lln: 4 }).term, 'White blood cell decreased');
    assert.equal(graded({ term: '  neutrophil COUNT decreased ', value: 2.5, unit: '10^9/L', lln: 2 }).term, 'Neutrophil count decreased');
  });

  it('reports an unknown unit, a negative value and LLN above ULN', () => {
    const unit = computeCtcaeGrade({ term: 'Anemia', value: 9, unit: 'mg/dL', lln: 12 });
    assert.deepEqual(unit.issues.map((i) => [i.code, i.path[0], i.value]), [['unknown-unit', 'unit', 'mg/dL']]);
    assert.match(unit.issues[0].expected, /g\/L, g\/dL/);
    const negative = computeCtcaeGrade({ term: 'Anemia', value: -1, unit: 'g/L' });
    assert.deepEqual(negative.issues.map((i) => i.code), ['bad-number']);
    const range = computeCtcaeGrade({ term: 'Anemia', value: 100, unit: 'g/L', lln: 160, uln: 120 });
    assert.deepEqual(range.issues.map((i) => i.code), ['bad-range']);
  });
});

describe('CTCAE grading properties', () => {
  it('never makes a lower value less toxic for a decreased term, nor a higher one for an increased term', () => {
    const decreased = CTCAE_V5_LAB_CRITERIA.filter((c) => c.direction === 'decreased');
    fc.assert(
      fc.property(
        fc.constantFrom(...decreased),
        fc.double({ min: 0, max: 500, noNaN: true }),
        fc.double({ min: 0, max: 500, noNaN: true }),
        (criterion, a, b) => {
          const unit = criterion.analyte === 'hemoglobin' || criterion.analyte === 'albumin' ? 'g/L' : criterion.analyte === 'potassium' ? 'mmol/L' : '10^9/L';
          const [low, high] = a <= b ? [a, b] : [b, a];
          const context = { term: criterion.term, unit, lln: 3.5 };
          const gLow = gradeOf({ ...context, value: low });
          const gHigh = gradeOf({ ...context, value: high });
          return gLow !== null && gHigh !== null && gLow >= gHigh;
        },
      ),
    );
    fc.assert(
      fc.property(fc.double({ min: 0, max: 5000, noNaN: true }), fc.double({ min: 0, max: 5000, noNaN: true }), (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const context = { term: 'Creatinine increased', unit: 'umol/L', uln: 100, baseline: 70 };
        return (gradeOf({ ...context, value: low }) ?? -1) <= (gradeOf({ ...context, value: high }) ?? -1);
      }),
    );
  });
});

describe('CTCAE result wording', () => {
  it('quotes the criterion that fired as CTCAE prints it, and lab-only notes only where they apply', () => {
    assert.equal(graded({ term: 'Neutrophil count decreased', value: 1.0, unit: '10^9/L', lln: 2 }).criterion, 'Grade 2: <1.5 - 1.0 x 10^9/L');
    assert.equal(graded({ term: 'Platelet count decreased', value: 60, unit: '10^9/L', lln: 150 }).criterion, 'Grade 2: <75 - 50 x 10^9/L');
    assert.equal(graded({ term: 'Alanine aminotransferase increased', value: 130, unit: 'U/L', uln: 40 }).criterion, 'Grade 2: >3.0 - 5.0 x ULN');
    const hypokalemia = (value: number): readonly string[] => graded({ term: 'Hypokalemia', value, unit: 'mmol/L', lln: 3.5 }).notes;
    assert.ok(hypokalemia(3.2).some((note) => /lab value alone grades 1/.test(note)));
    assert.deepEqual(hypokalemia(2.9), []);
  });
});
