import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { computeEligibility as computeWith, createScreeningRecordSchema, type CriterionStatus, type EligibilityResult } from '../../clinical/index.js';
import { repoPath } from '../../testing/index.js';
import { NCT05236621_ELIGIBILITY } from './eligibility.js';
import { NCT05236621_PROTOCOL } from './protocol.js';

const responseCodelist = NCT05236621_PROTOCOL.codelists.find((list) => list.id === 'RESPONSE');
if (responseCodelist === undefined) throw new Error('no RESPONSE code list');
const schema = createScreeningRecordSchema(NCT05236621_ELIGIBILITY, responseCodelist);
const computeEligibility = (record: unknown) => computeWith(record, NCT05236621_ELIGIBILITY, schema);

type Json = Record<string, unknown>;

/** A fresh copy of the example eligible record (examples/nct05236621/screening-eligible.json). */
function eligible(): Json {
  return JSON.parse(readFileSync(repoPath('examples', 'nct05236621', 'screening-eligible.json'), 'utf8')) as Json;
}

function screen(record: Json): EligibilityResult {
  const out = computeEligibility(record);
  assert.ok(out.ok, `expected a valid record: ${JSON.stringify(out.issues)}`);
  return out.value;
}

function statusOf(record: Json, id: string): CriterionStatus {
  const found = screen(record).criteria.find((c) => c.id === id);
  assert.ok(found, `criterion ${id}`);
  return found.status;
}

/** Sets a nested field ('labs.anc.value'); undefined deletes it. */
function set(record: Json, path: string, value: unknown): Json {
  const keys = path.split('.');
  let node: Record<string, unknown> = record;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  const last = keys.at(-1) as string;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return record;
}

function withField(path: string, value: unknown, base: Json = eligible()): Json {
  return set(base, path, value);
}

function lines(record: Json): Json[] {
  return record.priorTherapyLines as Json[];
}

/** Asserts the status for each value of a field: [value, expected status]. */
function boundary(id: string, path: string, cases: readonly (readonly [unknown, CriterionStatus])[], base: () => Json = eligible): void {
  for (const [value, expected] of cases) {
    assert.equal(statusOf(withField(path, value, base()), id), expected, `${id} with ${path} = ${JSON.stringify(value)}`);
  }
}

describe('computeEligibility: the whole record', () => {
  it('finds the example record eligible, with every criterion listed as met', () => {
    const result = screen(eligible());
    assert.equal(result.eligible, true);
    assert.equal(result.criteria.length, NCT05236621_ELIGIBILITY.criteria.length);
    assert.deepEqual(result.criteria.filter((c) => c.status !== 'met').map((c) => c.id), []);
    assert.equal(result.counts.met, result.criteria.length);
    assert.ok(Object.isFrozen(result) && Object.isFrozen(result.criteria[0]));
  });

  it('finds the example ineligible record ineligible, naming the failed criteria', () => {
    const record = JSON.parse(readFileSync(repoPath('examples', 'nct05236621', 'screening-ineligible.json'), 'utf8')) as Json;
    const result = screen(record);
    assert.equal(result.eligible, false);
    assert.deepEqual(
      result.criteria.filter((c) => c.status === 'not met').map((c) => c.id),
      ['inc-ecog', 'inc-platelets', 'inc-renal', 'exc-neuropathy', 'exc-myocardial-infarction'],
    );
  });

  it('answers null (not a bare yes) when nothing fails but something is not evaluable', () => {
    const result = screen(withField('ecog', null));
    assert.equal(result.eligible, null);
    assert.equal(result.criteria.find((c) => c.id === 'inc-ecog')?.status, 'not evaluable');
    assert.match(result.criteria.find((c) => c.id === 'inc-ecog')?.reason ?? '', /ECOG not recorded/);
  });

  it('answers false when one criterion fails even if others are not evaluable', () => {
    const record = withField('ecog', 3, withField('labs.anc', null));
    assert.equal(screen(record).eligible, false);
  });

  it('rejects an invalid record with issues naming the JSON path, the value and what was expected', () => {
    const out = computeEligibility(withField('labs.anc.value', 'high', withField('ecogScore', 1)));
    assert.equal(out.ok, false);
    const byPath = new Map(out.issues.map((i) => [i.path.join('.'), i]));
    assert.equal(byPath.get('labs.anc.value')?.code, 'wrong-type');
    assert.equal(byPath.get('labs.anc.value')?.value, 'high');
    assert.equal(byPath.get('labs.anc.value')?.expected, 'a number');
    assert.equal(byPath.get('ecogScore')?.code, 'unknown-field');
    const noDate = computeEligibility(withField('ecog', 1.5, withField('screeningDate', undefined)));
    assert.deepEqual(noDate.issues.map((i) => [i.code, i.path.join('.'), i.value, i.expected]), [
      ['missing-field', 'screeningDate', undefined, 'a real calendar date YYYY-MM-DD'],
      ['wrong-type', 'ecog', 1.5, 'a whole number'],
    ]);
  });

  it('rejects an unknown lab unit and an impossible date', () => {
    const unit = computeEligibility(withField('labs.platelets.unit', 'bananas'));
    assert.equal(unit.ok, false);
    assert.deepEqual(unit.issues.map((i) => [i.code, i.path.join('.'), i.value]), [['unknown-unit', 'labs.platelets.unit', 'bananas']]);
    const date = computeEligibility(withField('screeningDate', '2021-02-30'));
    assert.equal(date.ok, false);
    assert.equal(date.issues[0]?.path.join('.'), 'screeningDate');
  });
});

describe('inclusion criteria at their boundaries', () => {
  it('age >= 18, from ageYears or from the birth date at screening', () => {
    const noBirth = (): Json => withField('birthDate', undefined);
    boundary('inc-age', 'ageYears', [[17, 'not met'], [18, 'met'], [19, 'met'], [null, 'not evaluable']], noBirth);
    // Screening 2021-05-10: 18th birthday that day is met, the day after is not yet 18.
    boundary('inc-age', 'birthDate', [['2003-05-11', 'not met'], ['2003-05-10', 'met'], ['2003-05-09', 'met']]);
  });

  it('ECOG 0-2', () => {
    boundary('inc-ecog', 'ecog', [[0, 'met'], [1, 'met'], [2, 'met'], [3, 'not met'], [undefined, 'not evaluable']]);
  });

  it('RRMM diagnosis per the Chinese 2020 guideline', () => {
    boundary('inc-rrmm', 'facts.rrmmDiagnosis', [[true, 'met'], [false, 'not met'], [null, 'not evaluable']]);
  });

  it('>= 2 prior lines', () => {
    const keep = (n: number) => (): Json => {
      const r = eligible();
      r.priorTherapyLines = lines(r).slice(-n);
      // The last line alone holds lenalidomide 6 and ixazomib 6, so only the line count varies.
      return r;
    };
    assert.equal(statusOf(keep(1)(), 'inc-prior-therapy'), 'not met');
    assert.equal(statusOf(keep(2)(), 'inc-prior-therapy'), 'met');
    assert.equal(statusOf(keep(3)(), 'inc-prior-therapy'), 'met');
    assert.equal(statusOf(withField('priorTherapyLines', undefined), 'inc-prior-therapy'), 'not evaluable');
  });

  it('>= 2 cycles of lenalidomide in one line', () => {
    const lenalidomide = (cycles: number | null): Json => {
      const r = eligible();
      const [first, second, third] = lines(r);
      second.agents = [{ agent: 'lenalidomide', cycles }, { agent: 'dexamethasone', cycles: 4 }];
      third.agents = [{ agent: 'ixazomib', cycles: 6 }, { agent: 'dexamethasone', cycles: 6 }];
      void first;
      return r;
    };
    assert.equal(statusOf(lenalidomide(1), 'inc-prior-therapy'), 'not met');
    assert.equal(statusOf(lenalidomide(2), 'inc-prior-therapy'), 'met');
    assert.equal(statusOf(lenalidomide(3), 'inc-prior-therapy'), 'met');
    assert.equal(statusOf(lenalidomide(null), 'inc-prior-therapy'), 'not evaluable');
  });

  it('>= 2 cycles of a proteasome inhibitor (bortezomib or ixazomib) in one line', () => {
    const pi = (agent: string, cycles: number): Json => {
      const r = eligible();
      const [first, , third] = lines(r);
      first.agents = [{ agent: 'cyclophosphamide', cycles: 4 }];
      third.agents = [{ agent, cycles }, { agent: 'Lenalidomide', cycles: 6 }];
      return r;
    };
    assert.equal(statusOf(pi('bortezomib', 1), 'inc-prior-therapy'), 'not met');
    assert.equal(statusOf(pi('bortezomib', 2), 'inc-prior-therapy'), 'met');
    assert.equal(statusOf(pi('Ixazomib', 2), 'inc-prior-therapy'), 'met');
    assert.equal(statusOf(pi('ixazomib', 3), 'inc-prior-therapy'), 'met');
    // Carfilzomib is not among the paper's proteasome inhibitors.
    const carfilzomib = screen(pi('carfilzomib', 6)).criteria.find((c) => c.id === 'inc-prior-therapy');
    assert.equal(carfilzomib?.status, 'not met');
    assert.match(carfilzomib?.reason ?? '', /no prior proteasome inhibitor/);
  });

  it('progression on or within 60 days of the end of the last line', () => {
    // Last line ended 2021-03-31.
    boundary('inc-progression', 'priorTherapyLines.2.progressionDate', [
      ['2021-05-29', 'met'], // 59 days
      ['2021-05-30', 'met'], // 60 days
      ['2021-05-31', 'not met'], // 61 days
      ['2021-03-01', 'met'], // during the line
    ]);
    const byDays = (days: number | null, refractory: boolean | null) => (): Json => {
      const r = eligible();
      const last = lines(r)[2];
      delete last.progressionDate;
      last.progressionDaysAfterEnd = days;
      last.refractory = refractory;
      return r;
    };
    assert.equal(statusOf(byDays(60, null)(), 'inc-progression'), 'met');
    assert.equal(statusOf(byDays(61, true)(), 'inc-progression'), 'not met');
    assert.equal(statusOf(byDays(-10, null)(), 'inc-progression'), 'met');
    assert.equal(statusOf(byDays(null, true)(), 'inc-progression'), 'met');
    assert.equal(statusOf(byDays(null, false)(), 'inc-progression'), 'not met');
    assert.equal(statusOf(byDays(null, null)(), 'inc-progression'), 'not evaluable');
    // A line still running at progression (no end date) is progression on therapy.
    const ongoing = eligible();
    delete lines(ongoing)[2].endDate;
    assert.equal(statusOf(ongoing, 'inc-progression'), 'met');
  });

  it('measurable disease: M >= 5 g/L, U >= 200 mg/24 h or involved FLC >= 100 mg/L with abnormal ratio', () => {
    const only = (m: number | null, u: number | null, flc: number | null, ratio: number | null = 8) => (): Json =>
      withField('measures', { serumMProteinGPerL: m, urineMProteinMgPer24h: u, involvedFlcMgPerL: flc, flcRatio: ratio });
    const cases: [() => Json, CriterionStatus][] = [
      [only(4.9, 0, 20), 'not met'],
      [only(5, 0, 20), 'met'],
      [only(5.1, 0, 20), 'met'],
      [only(0, 199, 20), 'not met'],
      [only(0, 200, 20), 'met'],
      [only(0, 201, 20), 'met'],
      [only(0, 0, 99), 'not met'],
      [only(0, 0, 100), 'met'],
      [only(0, 0, 101), 'met'],
      [only(0, 0, 150, 1.2), 'not met'], // normal ratio
      [only(0, 0, 150, null), 'not evaluable'],
      [only(null, null, null), 'not evaluable'],
      [only(null, 100, 20), 'not evaluable'], // M unknown could still qualify
      [only(null, 300, null), 'met'],
    ];
    for (const [make, expected] of cases) assert.equal(statusOf(make(), 'inc-measurable'), expected, JSON.stringify(make().measures));
  });

  it('ANC >= 1.0 x10^9/L, converted from /uL', () => {
    boundary('inc-anc', 'labs.anc.value', [[0.99, 'not met'], [1.0, 'met'], [1.01, 'met']]);
    const perUl = (value: number): Json => withField('labs.anc', { value, unit: 'cells/uL' });
    assert.equal(statusOf(perUl(990), 'inc-anc'), 'not met');
    assert.equal(statusOf(perUl(1000), 'inc-anc'), 'met');
    const values = screen(perUl(1000)).criteria.find((c) => c.id === 'inc-anc')?.values;
    assert.deepEqual(values?.anc, { value: 1, unit: '10^9/L', reported: '1000 cells/uL' });
    assert.equal(statusOf(withField('labs.anc', undefined), 'inc-anc'), 'not evaluable');
  });

  it('platelets >= 50 x10^9/L', () => {
    boundary('inc-platelets', 'labs.platelets.value', [[49, 'not met'], [50, 'met'], [51, 'met']]);
    assert.equal(statusOf(withField('labs.platelets', null), 'inc-platelets'), 'not evaluable');
  });

  it('total bilirubin <= 2.0 mg/dL, also when reported in umol/L (2.0 mg/dL = 34.2 umol/L)', () => {
    const mgDl = (): Json => withField('labs.totalBilirubin', { value: 1, unit: 'mg/dL' });
    boundary('inc-bilirubin', 'labs.totalBilirubin.value', [[1.9, 'met'], [2.0, 'met'], [2.1, 'not met']], mgDl);
    boundary('inc-bilirubin', 'labs.totalBilirubin.value', [[34.1, 'met'], [34.2, 'met'], [34.3, 'not met']]);
    assert.equal(statusOf(withField('labs.totalBilirubin', undefined), 'inc-bilirubin'), 'not evaluable');
  });

  it('ALT and AST <= 3 x ULN (ULN 40 U/L)', () => {
    boundary('inc-transaminases', 'labs.alt.value', [[119, 'met'], [120, 'met'], [121, 'not met']]);
    boundary('inc-transaminases', 'labs.ast.value', [[119, 'met'], [120, 'met'], [121, 'not met']]);
    boundary('inc-transaminases', 'labs.ast.upperLimitOfNormal', [[null, 'not evaluable']]);
    // One fails: not met even when the other cannot be evaluated.
    assert.equal(statusOf(withField('labs.alt.value', 200, withField('labs.ast', null)), 'inc-transaminases'), 'not met');
  });

  it('serum creatinine <= 3.0 mg/dL', () => {
    // A 30-year-old 40-kg woman: CrCl = 110 x 40 / (72 x Scr) x 0.85 is < 30 once Scr > 1.73, so creatinine decides.
    const small = (): Json => withField('weightKg', 40, withField('labs.creatinine', { value: 1, unit: 'mg/dL' }));
    boundary('inc-renal', 'labs.creatinine.value', [[2.9, 'met'], [3.0, 'met'], [3.1, 'not met']], small);
    // 3.0 mg/dL = 265.2 umol/L.
    boundary('inc-renal', 'labs.creatinine.value', [[265.1, 'met'], [265.2, 'met'], [265.3, 'not met']], () => withField('weightKg', 40));
  });

  it('OR creatinine clearance >= 30 mL/min (Cockcroft-Gault) when creatinine is above 3.0 mg/dL', () => {
    // Man, 60 years, creatinine 3.2 mg/dL: CrCl = 80 x weight / 230.4, exactly 30 at 86.4 kg.
    const man = (): Json => {
      const r = eligible();
      delete r.birthDate;
      r.ageYears = 60;
      r.sex = 'male';
      r.labs = { ...(r.labs as Json), creatinine: { value: 3.2, unit: 'mg/dL' } };
      return r;
    };
    boundary('inc-renal', 'weightKg', [[86.3, 'not met'], [86.4, 'met'], [86.5, 'met']], man);
    const values = screen(withField('weightKg', 86.4, man())).criteria.find((c) => c.id === 'inc-renal')?.values;
    assert.equal(values?.creatinineClearance?.unit, 'mL/min');
    assert.ok(Math.abs(Number(values?.creatinineClearance?.value) - 30) < 1e-9);
    // 100 x 75.6 / (72 x 3.5) is exactly 30 but evaluates to 29.999999999999996 in binary floating point:
    // the comparison's tolerance keeps a value on the limit on the met side.
    const exact = withField('ageYears', 40, withField('weightKg', 75.6, withField('labs.creatinine.value', 3.5, man())));
    assert.equal(statusOf(exact, 'inc-renal'), 'met');
    // Creatinine above 3.0 and CrCl not computable (no weight): not evaluable, since CrCl might qualify.
    assert.equal(statusOf(withField('weightKg', null, man()), 'inc-renal'), 'not evaluable');
    // Creatinine within the limit: met without needing CrCl.
    assert.equal(statusOf(withField('weightKg', null), 'inc-renal'), 'met');
    assert.equal(statusOf(withField('labs.creatinine', null), 'inc-renal'), 'not evaluable');
  });

  it('consent on or before the first study procedure', () => {
    // Screening 2021-05-10, labs dated 2021-05-10.
    boundary('inc-consent', 'consentDate', [['2021-05-09', 'met'], ['2021-05-10', 'met'], ['2021-05-11', 'not met'], [null, 'not evaluable']]);
    const earlyLab = withField('labs.anc.date', '2021-05-05', withField('consentDate', '2021-05-06'));
    assert.equal(statusOf(earlyLab, 'inc-consent'), 'not met');
  });
});

describe('exclusion criteria ("met" = the excluding condition is absent)', () => {
  it('intolerance to thalidomide, lenalidomide or pomalidomide', () => {
    for (const drug of ['thalidomide', 'lenalidomide', 'pomalidomide'])
      boundary('exc-imid-intolerance', `facts.${drug}Intolerance`, [[true, 'not met'], [false, 'met'], [null, 'not evaluable']]);
  });

  it('hypersensitivity to proteasome inhibitors, dexamethasone or other ingredients', () => {
    for (const what of ['proteasomeInhibitors', 'dexamethasone', 'otherIngredients'])
      boundary('exc-hypersensitivity', `facts.${hypersensitivityFact(what)}`, [[true, 'not met'], [false, 'met'], [null, 'not evaluable']]);
  });

  it('peripheral neuropathy grade >= 3', () => {
    boundary('exc-neuropathy', 'facts.peripheralNeuropathyGrade', [
      [2, 'met'],
      [3, 'not met'],
      [4, 'not met'],
      [null, 'not evaluable'],
    ]);
  });

  it('NYHA class II or above', () => {
    boundary('exc-nyha', 'facts.nyhaClass', [[1, 'met'], [2, 'not met'], [3, 'not met'], [undefined, 'not evaluable']]);
  });

  it('myocardial infarction within 12 months before enrolment (2021-05-20)', () => {
    const mi = (date: string) => (): Json => withField('facts.priorMyocardialInfarction', true, withField('facts.myocardialInfarctionDate', date));
    assert.equal(statusOf(mi('2020-05-19')(), 'exc-myocardial-infarction'), 'met');
    assert.equal(statusOf(mi('2020-05-20')(), 'exc-myocardial-infarction'), 'not met');
    assert.equal(statusOf(mi('2020-05-21')(), 'exc-myocardial-infarction'), 'not met');
    assert.equal(statusOf(withField('facts.priorMyocardialInfarction', true), 'exc-myocardial-infarction'), 'not evaluable');
    assert.equal(statusOf(withField('facts.priorMyocardialInfarction', null), 'exc-myocardial-infarction'), 'not evaluable');
    // Without an enrolment date the screening date (2021-05-10) is the reference.
    assert.equal(statusOf(withField('enrolmentDate', undefined, mi('2020-05-15')()), 'exc-myocardial-infarction'), 'not met');
    assert.equal(statusOf(withField('enrolmentDate', undefined, mi('2020-05-09')()), 'exc-myocardial-infarction'), 'met');
  });

  it('unstable or poorly controlled angina', () => {
    boundary('exc-angina', 'facts.unstableOrPoorlyControlledAngina', [[true, 'not met'], [false, 'met'], [null, 'not evaluable']]);
  });
});

function hypersensitivityFact(what: string): string {
  return what === 'proteasomeInhibitors' ? 'proteasomeInhibitorHypersensitivity' : what === 'otherIngredients' ? 'otherIngredientHypersensitivity' : `${what}Hypersensitivity`;
}
