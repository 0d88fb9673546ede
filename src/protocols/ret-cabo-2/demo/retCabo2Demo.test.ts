import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { describe, it } from 'node:test';
import { checkDosingLog, computeEligibility, createAdamDatasets, createDoseHistory, parseIsoDate, screeningSchemaOf, validateTrialData } from '../../../clinical/index.js';
import type { DosingForm, FormRow, TrialData } from '../../../clinical/index.js';
import { formatPath } from '../../../result/index.js';
import { repoPath } from '../../../testing/index.js';
import { findProtocol } from '../../index.js';
import { RET_CABO_2_ANALYSIS_PLAN } from '../analysisPlan.js';
import { RET_CABO_2_ELIGIBILITY } from '../eligibility.js';
import { RET_CABO_2_PROTOCOL as P } from '../protocol.js';
import { RET_CABO_2_REGIMEN } from '../regimen.js';
import { RET_DEMO_DEFAULT_SEED, RET_DEMO_SIZE, RET_DEMO_SYNTHETIC_NOTE } from './createRetDemoPlan.js';
import { RET_CABO_2_DEMO } from './retCabo2Demo.js';

/** Every source file a file imports, transitively (relative imports only; packages are not source folders). */
function importClosure(start: string): Set<string> {
  const seen = new Set<string>();
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/^\s*(?:import|export)[^'"]*from\s+['"](\.[^'"]+)['"]/gm)) queue.push(join(dirname(file), match[1].replace(/\.js$/, '.ts')));
  }
  return seen;
}

const plan = RET_CABO_2_DEMO.createPlan();
const demo = RET_CABO_2_DEMO.renderTrial(plan);
const trial: TrialData = demo.trial;
const { datasets, issues } = createAdamDatasets(trial, P);
const enrolled = trial.subjects.filter((s) => !s.subject.screenFailure);
const day = (date: string): number => {
  const value = parseIsoDate(date);
  if (value === null) throw new Error(`bad date ${date}`);
  return value;
};

describe('RET_CABO_2_DEMO (the SYNTHETIC demo trial of RET-CABO-2)', () => {
  it('is registered as the protocol module\'s demo and says SYNTHETIC', () => {
    assert.equal(findProtocol('ret-cabo-2')?.demo, RET_CABO_2_DEMO);
    assert.equal(findProtocol('RET-CABO-2')?.demo, RET_CABO_2_DEMO);
    assert.equal(RET_CABO_2_DEMO.synthetic, true);
    assert.match(RET_CABO_2_DEMO.description, /^SYNTHETIC/);
    assert.match(RET_CABO_2_DEMO.syntheticNote, /^SYNTHETIC/);
    assert.equal(plan.note, RET_DEMO_SYNTHETIC_NOTE);
    assert.equal(plan.seed, RET_DEMO_DEFAULT_SEED);
    assert.equal(plan.calibrated, false, 'no publication: nothing is calibrated');
    assert.equal(demo.synthetic, true);
    assert.equal(trial.synthetic, true);
    assert.equal(trial.protocolId, P.identity.registryId);
    assert.equal(trial.protocolVersion, P.version);
    for (const site of trial.sites) assert.match(site.name, /^Synthetic site /);
    for (const p of plan.subjects) assert.equal(p.synthetic, true);
  });

  it('is deterministic: the same seed gives the same plan and trial, another seed another; a JSON round trip renders the same trial', () => {
    assert.deepEqual(RET_CABO_2_DEMO.createPlan({ seed: RET_DEMO_DEFAULT_SEED }), plan);
    assert.equal(JSON.stringify(RET_CABO_2_DEMO.renderTrial(RET_CABO_2_DEMO.createPlan()).trial), JSON.stringify(trial));
    assert.notDeepEqual(RET_CABO_2_DEMO.createPlan({ seed: RET_DEMO_DEFAULT_SEED + 1 }).subjects, plan.subjects);
    const parsed = JSON.parse(JSON.stringify(plan)) as typeof plan;
    assert.equal(JSON.stringify(RET_CABO_2_DEMO.renderTrial(parsed)), JSON.stringify(demo));
  });

  it("enrols Simon's full sample (25) among about 30 screened, each screen failure failing a criterion of the protocol", () => {
    assert.equal(RET_CABO_2_ANALYSIS_PLAN.design.kind === 'simon-two-stage' ? RET_CABO_2_ANALYSIS_PLAN.design.n : null, RET_DEMO_SIZE);
    assert.equal(enrolled.length, 25);
    assert.ok(trial.subjects.length >= 28 && trial.subjects.length <= 32, `${trial.subjects.length} screened`);
    const ids = new Set(RET_CABO_2_ELIGIBILITY.criteria.map((c) => c.id));
    for (const f of plan.screenFailures) assert.ok(ids.has(f.failedCriterionId), f.failedCriterionId);
    assert.ok(new Set(plan.screenFailures.map((f) => f.failedCriterionId)).size >= 4, 'several reasons');
    assert.equal(demo.screening.length, trial.subjects.length);
  });

  it('validates against the protocol with 0 issues, and the ADaM derivations raise no error', () => {
    const outcome = validateTrialData(JSON.parse(JSON.stringify(trial)), P);
    assert.equal(outcome.ok, true, outcome.issues.map((i) => `${formatPath(i.path)}: ${String(i.expected)}`).join('\n'));
    assert.deepEqual(outcome.issues, []);
    assert.deepEqual(issues.filter((i) => i.severity === 'error'), []);
  });

  it('screens every enrolled subject eligible by computeEligibility, and every screen failure on exactly its planned criterion', () => {
    const schema = screeningSchemaOf(P);
    const failures = new Map(plan.screenFailures.map((f) => [`${f.siteId}-${f.screeningNumber.slice(1)}`, f.failedCriterionId]));
    demo.screening.forEach((record, index) => {
      const subject = trial.subjects[index];
      assert.equal(record.subjectId, subject.subject.subjectId);
      const outcome = computeEligibility(record, RET_CABO_2_ELIGIBILITY, schema);
      assert.ok(outcome.ok, JSON.stringify(outcome.issues));
      const notMet = outcome.value.criteria.filter((c) => c.status !== 'met').map((c) => c.id);
      if (subject.subject.screenFailure) {
        assert.equal(outcome.value.eligible, false);
        assert.deepEqual(notMet, [failures.get(subject.subject.subjectId)]);
        assert.match(subject.subject.screenFailureReason ?? '', /^Not met: /);
      } else {
        assert.equal(outcome.value.eligible, true, `${subject.subject.subjectId}: ${notMet.join(', ')}`);
      }
    });
  });

  it('keeps a dosing log that replays through the dose-modification ladder with 0 deviations, and uses the ladder', () => {
    for (const record of enrolled) {
      const history = createDoseHistory({ adverseEvents: record.adverseEvents, dosing: record.dosing, labs: record.labs }, RET_CABO_2_REGIMEN);
      const age = datasets.adsl.find((row) => row.SUBJID === record.subject.subjectId)?.AGE ?? 60;
      const checked = checkDosingLog({ ageYears: age, treatmentStartDate: history.treatmentStartDate, events: history.events }, RET_CABO_2_REGIMEN);
      assert.ok(checked.ok, JSON.stringify(checked.issues));
      assert.deepEqual(checked.value, [], record.subject.subjectId);
    }
    const doses = enrolled.flatMap((r) => r.dosing.map((d) => d.doseGivenMg));
    assert.ok(doses.includes(40) && doses.includes(60), 'reductions to 40 mg happen');
    assert.ok(enrolled.filter((r) => r.dosing.some((d) => d.reduced)).length >= 3);
    // Every reduction follows a related grade 3-4 adverse event whose action was a reduction.
    for (const record of enrolled)
      for (const row of record.dosing.filter((d) => d.reduced))
        assert.ok(record.adverseEvents.some((ae) => ae.grade >= 3 && ae.actionTaken.cabozantinib === 'dose-reduced' && ae.onsetDate < row.startDate), `${record.subject.subjectId} cycle ${row.cycle}`);
  });

  it('a dose above the ladder is caught (the check can fail)', () => {
    const record = enrolled.find((r) => r.dosing.some((d) => d.reduced));
    assert.ok(record !== undefined);
    const dosing: DosingForm[] = record.dosing.map((d) => (d.reduced ? { ...d, doseGivenMg: 60, plannedDoseMg: 60, reduced: false } : d));
    const history = createDoseHistory({ adverseEvents: record.adverseEvents, dosing, labs: record.labs }, RET_CABO_2_REGIMEN);
    const checked = checkDosingLog({ ageYears: 60, treatmentStartDate: history.treatmentStartDate, events: history.events }, RET_CABO_2_REGIMEN);
    assert.ok(checked.ok && checked.value.some((d) => d.code === 'dose-above-level'));
  });

  it('derives, by the RECIST engine from the lesions, the best responses the plan meant, and every recorded call equals the derived time-point response', () => {
    for (const p of plan.subjects) {
      const usubjid = `${trial.protocolId}-${p.siteId}-${p.screeningNumber.slice(1)}`;
      for (const [evaluator, planned] of [['IRC', p.irc], ['INVESTIGATOR', p.investigator]] as const) {
        const bor = datasets.adrs.find((r) => r.USUBJID === usubjid && r.PARAMCD === 'BOR' && r.EVALUATOR === evaluator);
        assert.equal(bor?.AVALC, planned.bestResponse, `${usubjid} ${evaluator}`);
      }
    }
    const calls = datasets.adrs.filter((r) => r.PARAMCD === 'OVRLRESP');
    assert.ok(calls.length > 100);
    assert.deepEqual(calls.filter((r) => r.RECCALL === null || r.DISCRFL !== 'N').map((r) => [r.USUBJID, r.ADT, r.RECCALL, r.AVALC]), []);
    assert.deepEqual(RET_CABO_2_DEMO.verify(demo), []);
  });

  it('has a plausible response distribution: ORR 30-40% by IRC, complete responses, readers who disagree, progression by growth and by new lesions', () => {
    const bor = (evaluator: string): string[] => datasets.adrs.filter((r) => r.PARAMCD === 'BOR' && r.EVALUATOR === evaluator).map((r) => r.AVALC);
    const irc = bor('IRC');
    const investigator = bor('INVESTIGATOR');
    const orr = irc.filter((c) => c === 'CR' || c === 'PR').length / irc.length;
    assert.ok(orr >= 0.3 && orr <= 0.4, `ORR ${orr}`);
    assert.ok(irc.filter((c) => c === 'CR').length >= 1);
    assert.ok(irc.some((c, i) => c !== investigator[i]), 'IRC and investigator disagree at least once');
    // The IRC's progressions, read back from the central reads: a new lesion, or the sum >= 20% and >= 5 mm over the nadir.
    const kinds = new Set<string>();
    for (const record of enrolled) {
      const reads = (record.diseaseForms.tumourAssessment ?? []).filter((r) => r.source === 'central');
      const targets = (reads[0].lesions as FormRow[]).filter((l) => l.kind === 'target').map((l) => l.lesionId);
      const sumOf = (read: FormRow): number | null => {
        const values = (read.lesions as FormRow[]).filter((l) => targets.includes(l.lesionId)).map((l) => l.diameterMm);
        return values.every((v) => typeof v === 'number') ? values.reduce((s: number, v) => s + v, 0) : null;
      };
      let nadir = sumOf(reads[0]) as number;
      for (const read of reads.slice(1)) {
        const sum = sumOf(read);
        if (read.newLesion === 'yes') kinds.add('new lesion');
        else if (sum !== null && sum >= nadir * 1.2 && sum - nadir >= 5) kinds.add('growth');
        if (sum !== null) nadir = Math.min(nadir, sum);
      }
    }
    assert.deepEqual([...kinds].sort(), ['growth', 'new lesion']);
  });

  it('puts the tumour assessments every 8 weeks from cycle 1 day 1 within the 7-day window, with a baseline read before the first dose', () => {
    for (const record of enrolled) {
      const start = day(record.subject.enrolmentDate as string);
      const reads = record.diseaseForms.tumourAssessment ?? [];
      for (const read of reads) {
        const visit = typeof read.visit === 'string' ? read.visit : '';
        const offset = day(typeof read.date === 'string' ? read.date : '') - start;
        if (visit === 'SCREENING') assert.ok(offset < 0 && offset >= -28, `${record.subject.subjectId} baseline ${offset}`);
        else {
          const n = Number(visit.replace('TA', ''));
          assert.ok(Math.abs(offset - 56 * n) <= 7, `${record.subject.subjectId} ${visit} on day ${offset + 1}`);
        }
      }
    }
  });

  it('reaches Simon stage 2: the first 15 evaluable subjects (enrolment order) have more than r1 = 1 responses by IRC', () => {
    const design = RET_CABO_2_ANALYSIS_PLAN.design;
    assert.equal(design.kind, 'simon-two-stage');
    if (design.kind !== 'simon-two-stage') return;
    const evaluable = datasets.adsl.filter((r) => r.EFFFL === 'Y').sort((a, b) => String(a.ENRLDT).localeCompare(String(b.ENRLDT)) || a.SUBJID.localeCompare(b.SUBJID));
    assert.equal(evaluable.length, design.n, 'every enrolled subject is response-evaluable');
    const responding = new Set(datasets.adrs.filter((r) => r.PARAMCD === 'BOR' && r.EVALUATOR === 'IRC' && r.RSPFL === 'Y').map((r) => r.USUBJID));
    const stageOne = evaluable.slice(0, design.n1).filter((r) => responding.has(r.USUBJID)).length;
    assert.ok(stageOne > design.r1, `stage 1: ${stageOne} responses in ${design.n1}`);
    assert.ok(responding.size > design.r, `overall: ${responding.size} responses in ${design.n}: the regimen is declared promising`);
  });

  it('verifies other seeds and sizes, and finds a trial that no longer says what its plan meant', () => {
    for (const seed of [1, 7]) assert.deepEqual(RET_CABO_2_DEMO.verify(RET_CABO_2_DEMO.renderTrial(RET_CABO_2_DEMO.createPlan({ seed }))), [], `seed ${seed}`);
    const small = RET_CABO_2_DEMO.createPlan({ seed: 3, size: 12 });
    assert.equal(small.subjects.length, 12);
    assert.deepEqual(RET_CABO_2_DEMO.verify(RET_CABO_2_DEMO.renderTrial(small)), []);
    const other = RET_CABO_2_DEMO.renderTrial(RET_CABO_2_DEMO.createPlan({ seed: 5 }));
    assert.ok(RET_CABO_2_DEMO.verify({ ...demo, trial: other.trial }).length > 0);
  });

  it('names every folder whose code can change a plan (the cache key): the imports of the generator stay inside them', () => {
    const src = repoPath('src');
    const files = importClosure(repoPath('src/protocols/ret-cabo-2/demo/retCabo2Demo.ts'));
    const outside = [...files].map((file) => relative(src, file).split(sep).join('/')).filter((file) => !RET_CABO_2_DEMO.planCodeFolders.some((folder) => file.startsWith(`${folder}/`)));
    assert.deepEqual(outside, []);
    assert.ok(files.size > 30, `the walk found ${files.size} files`);
  });
});
