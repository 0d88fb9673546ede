import { checkDosingLog, computeEligibility, createAdamDatasets, createDoseHistory, screeningSchemaOf, validateTrialData } from '../../../clinical/index.js';
import type { AdrsRow, TrialData } from '../../../clinical/index.js';
import { crfSubjectId, studyDate, type DemoMismatch, type DemoTrial } from '../../../demo/index.js';
import { RET_CABO_2_ANALYSIS_PLAN } from '../analysisPlan.js';
import { RET_CABO_2_ELIGIBILITY } from '../eligibility.js';
import { RET_CABO_2_PROTOCOL } from '../protocol.js';
import { RET_CABO_2_REGIMEN } from '../regimen.js';
import type { PlannedReaderOutcome, RetDemoPlan } from './retDemoPlanTypes.js';

// Built on first use, not when the module loads (see the NCT05236621 demo's verifyDemoTrial).
let screeningSchema: ReturnType<typeof screeningSchemaOf> | undefined;
const screeningSchemaOnce = () => (screeningSchema ??= screeningSchemaOf(RET_CABO_2_PROTOCOL));

/**
 * Everything the SYNTHETIC demo trial should give, derived back through the clinical core and compared with
 * its plan: the forms validate against the protocol (validateTrialData); the ADaM derivations raise no error;
 * per subject and evaluator, the best overall response, the first response and progression dates that the
 * RECIST engine derives from the lesion measurements are the planned ones, and no recorded call differs from
 * the derived time-point response; every subject is response-evaluable; the dosing log replays through the
 * dose-modification ladder (checkDosingLog over createDoseHistory, as the EDC's dose proposal reads it) with
 * no deviation; every enrolled subject meets every eligibility criterion and every screen failure fails
 * exactly its planned one; and stage 1 of the Simon design (the first n1 evaluable subjects) has more than
 * r1 responses by the primary evaluator. Returns the mismatches ([] when the trial is what the plan meant).
 */
export function verifyRetDemoTrial(demo: DemoTrial<RetDemoPlan>): DemoMismatch[] {
  const out: DemoMismatch[] = [];
  const miss = (subjectId: string | null, check: string, expected: unknown, derived: unknown): void => {
    out.push(Object.freeze({ subjectId, check, expected, derived }));
  };
  const same = (subjectId: string, check: string, expected: unknown, derived: unknown): void => {
    if (JSON.stringify(expected) !== JSON.stringify(derived)) miss(subjectId, check, expected, derived);
  };
  const validated = validateTrialData(JSON.parse(JSON.stringify(demo.trial)), RET_CABO_2_PROTOCOL);
  if (!validated.ok) {
    for (const item of validated.issues) miss(null, `crf:${item.path.join('.')}`, item.expected, item.value);
    return out;
  }
  const trial: TrialData = validated.value;
  if (trial.protocolId !== RET_CABO_2_PROTOCOL.identity.registryId) miss(null, 'protocolId', RET_CABO_2_PROTOCOL.identity.registryId, trial.protocolId);
  if (trial.protocolVersion !== RET_CABO_2_PROTOCOL.version) miss(null, 'protocolVersion', RET_CABO_2_PROTOCOL.version, trial.protocolVersion);
  if (!trial.synthetic) miss(null, 'synthetic', true, trial.synthetic);
  const { datasets, issues } = createAdamDatasets(trial, RET_CABO_2_PROTOCOL);
  for (const item of issues) if (item.severity !== 'warning') miss(null, `ADaM:${item.code}`, item.expected, { path: item.path.join('.'), value: item.value });

  const adslBy = new Map(datasets.adsl.map((row) => [row.SUBJID, row]));
  const recordBy = new Map(trial.subjects.map((record) => [record.subject.subjectId, record]));
  const primary = RET_CABO_2_ANALYSIS_PLAN.primaryEvaluator;
  const responders: boolean[] = [];
  for (const p of demo.plan.subjects) {
    const id = crfSubjectId(p.siteId, p.screeningNumber);
    const adsl = adslBy.get(id);
    const record = recordBy.get(id);
    if (adsl === undefined || record === undefined) {
      miss(id, 'enrolled subject', 'an ADSL row and a record', null);
      continue;
    }
    same(id, 'EFFFL', 'Y', adsl.EFFFL);
    const date = (day: number | null): string | null => (day === null ? null : studyDate(p.enrolmentDate, day));
    const rows = datasets.adrs.filter((row) => row.USUBJID === adsl.USUBJID);
    for (const [evaluator, planned] of [['IRC', p.irc], ['INVESTIGATOR', p.investigator]] as [string, PlannedReaderOutcome][]) {
      const bor: AdrsRow | undefined = rows.find((row) => row.PARAMCD === 'BOR' && row.EVALUATOR === evaluator);
      same(id, `BOR ${evaluator}`, planned.bestResponse, bor?.AVALC ?? null);
      same(id, `first response ${evaluator}`, date(planned.firstResponseDay), bor?.RSPDT ?? null);
      same(id, `progression ${evaluator}`, date(planned.progressionDay), bor?.PDDT ?? null);
      const discordant = rows.filter((row) => row.PARAMCD === 'OVRLRESP' && row.EVALUATOR === evaluator && row.DISCRFL !== 'N').map((row) => [row.ADT, row.RECCALL, row.AVALC]);
      same(id, `recorded calls ${evaluator}`, [], discordant);
      if (evaluator === primary) responders.push(bor?.RSPFL === 'Y');
    }
    const history = createDoseHistory({ adverseEvents: record.adverseEvents, dosing: record.dosing, labs: record.labs }, RET_CABO_2_REGIMEN);
    const checked = checkDosingLog({ ageYears: adsl.AGE ?? p.age, treatmentStartDate: history.treatmentStartDate, events: history.events }, RET_CABO_2_REGIMEN);
    if (!checked.ok) miss(id, 'dose-ladder input', [], checked.issues);
    else for (const deviation of checked.value) miss(id, `dose-ladder ${deviation.code}`, deviation.expectedMg, { date: deviation.date, givenMg: deviation.givenMg, message: deviation.message });
  }

  // Simon stage 1: the first n1 evaluable subjects (all are evaluable, in enrolment order) must have allowed stage 2.
  const design = RET_CABO_2_ANALYSIS_PLAN.design;
  if (design.kind === 'simon-two-stage' && responders.length >= design.n1) {
    const stageOne = responders.slice(0, design.n1).filter(Boolean).length;
    if (stageOne <= design.r1) miss(null, 'simon stage 1 responders', `more than ${design.r1}`, stageOne);
  }

  // Eligibility of every screened subject, in trial order.
  if (demo.screening.length !== trial.subjects.length) miss(null, 'screening records', trial.subjects.length, demo.screening.length);
  const failures = new Map(demo.plan.screenFailures.map((f) => [crfSubjectId(f.siteId, f.screeningNumber), f]));
  demo.screening.forEach((screening, index) => {
    const id = screening.subjectId ?? `#${index}`;
    if (trial.subjects[index]?.subject.subjectId !== screening.subjectId) miss(id, 'screening id', trial.subjects[index]?.subject.subjectId, screening.subjectId);
    const result = computeEligibility(screening, RET_CABO_2_ELIGIBILITY, screeningSchemaOnce());
    if (!result.ok) {
      miss(id, 'eligibility input', 'a valid screening record', result.issues);
      return;
    }
    const notMet = result.value.criteria.filter((c) => c.status !== 'met').map((c) => `${c.id} ${c.status}`);
    const failure = failures.get(id);
    same(id, 'eligibility', failure === undefined ? [] : [`${failure.failedCriterionId} not met`], notMet);
  });
  return out;
}
