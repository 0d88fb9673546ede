import { issue, type Issue, type IssuePath } from '../../result/index.js';
import { ADSL_CORE_VARIABLES } from '../adam/index.js';
import type { Codelist, FieldDefinition, FormDefinition } from '../crf/index.js';
import type { EligibilityRule } from '../eligibility/index.js';
import { doseLadderMg, startingDoseMg } from '../regimen/index.js';
import { isLabAnalyte } from '../units/index.js';
import type { ProtocolDefinition } from './protocolDefinition.js';

/**
 * Consistency of a protocol definition: every reference resolves (a field's code list, a visit's forms, an
 * endpoint's evaluator, an analysis's endpoint, population and subgroup variables, a criterion's screening
 * items, a regimen's ladders) and every CDISC name fits its limits. Each fault is an issue with the path of
 * the fault in the definition (`forms[3].fields[2].codelist`), so `trialkit protocol check` can say where.
 */
export function checkProtocol(protocol: ProtocolDefinition): readonly Issue[] {
  const issues: Issue[] = [];
  const add = (path: IssuePath, value: unknown, expected: string, code = 'protocol-inconsistent'): void => {
    issues.push(issue(code, path, value, expected));
  };
  checkForms(protocol, add);
  checkSchedule(protocol, add);
  checkResponse(protocol, add);
  checkEndpoints(protocol, add);
  checkAnalysis(protocol, add);
  checkRegimen(protocol, add);
  checkEligibility(protocol, add);
  checkSignatureMeanings(protocol, add);
  protocol.labAnalytes.forEach((analyte, i) => {
    if (!isLabAnalyte(analyte)) add(['labAnalytes', i], analyte, 'a laboratory analyte trialkit knows (src/clinical/units)');
  });
  return Object.freeze(issues);
}

type Add = (path: IssuePath, value: unknown, expected: string, code?: string) => void;

function checkFields(fields: readonly FieldDefinition[], codelists: ReadonlyMap<string, Codelist>, path: IssuePath, add: Add): void {
  const keys = new Set<string>();
  fields.forEach((field, i) => {
    const at = [...path, i];
    if (keys.has(field.key)) add([...at, 'key'], field.key, 'a field key used once in the form');
    keys.add(field.key);
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(field.key)) add([...at, 'key'], field.key, 'a key of letters, digits and _');
    if (field.type === 'code' && !codelists.has(field.codelist)) add([...at, 'codelist'], field.codelist, `a code list of the protocol (${[...codelists.keys()].join(', ')})`);
    if (field.type === 'group' || field.type === 'record') checkFields(field.fields, codelists, [...at, 'fields'], add);
  });
}

function checkForms(protocol: ProtocolDefinition, add: Add): void {
  const codelists = new Map<string, Codelist>();
  protocol.codelists.forEach((list, i) => {
    if (codelists.has(list.id)) add(['codelists', i, 'id'], list.id, 'a code list id used once');
    if (list.items.length === 0) add(['codelists', i, 'items'], list.items, 'at least one code');
    codelists.set(list.id, list);
  });
  const ids = new Set<string>();
  const roles = new Map<string, number>();
  protocol.forms.forEach((form: FormDefinition, i) => {
    if (ids.has(form.id)) add(['forms', i, 'id'], form.id, 'a form id used once');
    ids.add(form.id);
    if (form.role !== 'disease') roles.set(form.role, (roles.get(form.role) ?? 0) + 1);
    checkFields(form.fields, codelists, ['forms', i, 'fields'], add);
    const keys = new Set(form.fields.map((field) => field.key));
    if (form.dateField !== undefined && !keys.has(form.dateField)) add(['forms', i, 'dateField'], form.dateField, `a field of form ${form.id}`);
    if (form.visitField !== undefined && !keys.has(form.visitField)) add(['forms', i, 'visitField'], form.visitField, `a field of form ${form.id}`);
    form.rules.forEach((rule, j) => {
      const named = rule.kind === 'date-order' ? [rule.earlier, rule.later] : rule.kind === 'required-when-different' ? [rule.field, rule.left, rule.right] : [rule.field, rule.when.field];
      for (const name of named) if (!keys.has(name)) add(['forms', i, 'rules', j], name, `a field of form ${form.id}`);
    });
  });
  for (const role of ['screening', 'demographics', 'dosing', 'adverse-event', 'disposition'] as const) {
    if ((roles.get(role) ?? 0) !== 1) add(['forms'], roles.get(role) ?? 0, `exactly one form of role '${role}'`);
  }
}

function checkSchedule(protocol: ProtocolDefinition, add: Add): void {
  const ids = new Set(protocol.forms.map((form) => form.id));
  protocol.schedule.visits.forEach((visit, i) => {
    visit.forms.forEach((form, j) => {
      if (!ids.has(form)) add(['schedule', 'visits', i, 'forms', j], form, `a form of the protocol (visit ${visit.id})`);
    });
  });
  if (!(protocol.schedule.responseAssessmentEveryDays > 0)) add(['schedule', 'responseAssessmentEveryDays'], protocol.schedule.responseAssessmentEveryDays, 'a positive number of days');
  if (!(protocol.schedule.responseAssessmentWindowDays >= 0)) add(['schedule', 'responseAssessmentWindowDays'], protocol.schedule.responseAssessmentWindowDays, 'zero or more days');
}

function checkResponse(protocol: ProtocolDefinition, add: Add): void {
  const forms = new Map(protocol.forms.map((form) => [form.id, form]));
  protocol.response.assessmentForms.forEach((id, i) => {
    const form = forms.get(id);
    if (form === undefined) add(['response', 'assessmentForms', i], id, 'a form of the protocol');
    else if (form.role !== 'disease') add(['response', 'assessmentForms', i], id, `a form of role 'disease' (is '${form.role}')`);
  });
  const evaluatorIds = new Set<string>();
  protocol.response.evaluators.forEach((evaluator, i) => {
    if (evaluatorIds.has(evaluator.id)) add(['response', 'evaluators', i, 'id'], evaluator.id, 'an evaluator id used once');
    evaluatorIds.add(evaluator.id);
  });
  const scale = protocol.response.scale;
  const codes = scale.categories.map((c) => c.code);
  if (!codes.includes(scale.progression)) add(['response', 'scale', 'progression'], scale.progression, `a category of ${scale.name}`);
  if (!codes.includes(scale.notEvaluable)) add(['response', 'scale', 'notEvaluable'], scale.notEvaluable, `a category of ${scale.name}`);
  protocol.response.parameters.forEach((parameter, i) => {
    if (!/^[A-Z][A-Z0-9]{0,7}$/.test(parameter.code)) add(['response', 'parameters', i, 'code'], parameter.code, 'an ADaM PARAMCD: 1-8 upper-case letters or digits');
  });
}

function checkEndpoints(protocol: ProtocolDefinition, add: Add): void {
  const evaluators = new Set(protocol.response.evaluators.map((e) => e.id));
  const seen = new Set<string>();
  protocol.endpoints.forEach((endpoint, i) => {
    if (seen.has(endpoint.paramcd)) add(['endpoints', i, 'paramcd'], endpoint.paramcd, 'a PARAMCD used once');
    seen.add(endpoint.paramcd);
    if (!/^[A-Z][A-Z0-9]{0,7}$/.test(endpoint.paramcd)) add(['endpoints', i, 'paramcd'], endpoint.paramcd, 'an ADaM PARAMCD: 1-8 upper-case letters or digits');
    const needsEvaluator = endpoint.kind === 'progression-free-survival' || endpoint.kind === 'duration-of-response' || endpoint.kind === 'time-to-response';
    if (needsEvaluator && (endpoint.evaluator === undefined || !evaluators.has(endpoint.evaluator)))
      add(['endpoints', i, 'evaluator'], endpoint.evaluator, `an evaluator of the response criteria (${[...evaluators].join(', ')})`);
  });
}

function adslVariables(protocol: ProtocolDefinition): Set<string> {
  return new Set([
    ...ADSL_CORE_VARIABLES,
    ...protocol.analysisSets.map((set) => set.flag),
    ...protocol.priorTherapyGroups.map((group) => group.flag),
    ...protocol.subjectVariables.variables.map((variable) => variable.name),
  ]);
}

function checkAnalysis(protocol: ProtocolDefinition, add: Add): void {
  const plan = protocol.analysisPlan;
  const endpoints = new Set(protocol.endpoints.map((e) => e.paramcd));
  const sets = new Set(protocol.analysisSets.map((s) => s.flag));
  const variables = adslVariables(protocol);
  const evaluators = new Set(protocol.response.evaluators.map((e) => e.id));
  if (!evaluators.has(plan.primaryEvaluator)) add(['analysisPlan', 'primaryEvaluator'], plan.primaryEvaluator, `an evaluator of the response criteria (${[...evaluators].join(', ')})`);
  if (!sets.has(plan.efficacyPopulation)) add(['analysisPlan', 'efficacyPopulation'], plan.efficacyPopulation, `an analysis set flag (${[...sets].join(', ')})`);
  if (!sets.has(plan.safetyPopulation)) add(['analysisPlan', 'safetyPopulation'], plan.safetyPopulation, `an analysis set flag (${[...sets].join(', ')})`);
  plan.timeToEventEndpoints.forEach((item, i) => {
    if (!endpoints.has(item.paramcd)) add(['analysisPlan', 'timeToEventEndpoints', i, 'paramcd'], item.paramcd, `an endpoint of the protocol (${[...endpoints].join(', ')})`);
  });
  for (const [name, list] of [['responseSubgroups', plan.responseSubgroups], ['survivalSubgroups', plan.survivalSubgroups]] as const) {
    list.forEach((subgroup, i) => {
      if (!variables.has(subgroup.variable)) add(['analysisPlan', name, i, 'variable'], subgroup.variable, 'an ADSL variable of the protocol');
      const levels = new Set(subgroup.levels.map((level) => level.value));
      subgroup.comparisons.forEach((pair, j) => {
        for (const value of pair) if (!levels.has(value)) add(['analysisPlan', name, i, 'comparisons', j], value, `a level of subgroup ${subgroup.id}`);
      });
    });
  }
  plan.baselineCharacteristics.forEach((row, i) => {
    if (row.kind === 'heading') return;
    if (row.kind === 'flags') {
      row.flags.forEach((item, j) => {
        if (!variables.has(item.variable)) add(['analysisPlan', 'baselineCharacteristics', i, 'flags', j, 'variable'], item.variable, 'an ADSL variable of the protocol');
      });
      return;
    }
    if (!variables.has(row.variable)) add(['analysisPlan', 'baselineCharacteristics', i, 'variable'], row.variable, 'an ADSL variable of the protocol');
  });
  const design = plan.design;
  if (!(design.p0 > 0 && design.p0 < design.p1 && design.p1 < 1)) add(['analysisPlan', 'design'], { p0: design.p0, p1: design.p1 }, '0 < p0 < p1 < 1');
  if (design.kind === 'simon-two-stage' && !(design.r1 < design.n1 && design.n1 < design.n && design.r1 <= design.r && design.r < design.n))
    add(['analysisPlan', 'design'], { n1: design.n1, r1: design.r1, n: design.n, r: design.r }, 'r1 < n1 < n, r1 <= r < n');
  protocol.subjectVariables.variables.forEach((variable, i) => {
    if (!/^[A-Z][A-Z0-9_]{0,7}$/.test(variable.name)) add(['subjectVariables', 'variables', i, 'name'], variable.name, 'an ADaM name: 1-8 upper-case letters, digits or _');
    if (ADSL_CORE_VARIABLES.includes(variable.name)) add(['subjectVariables', 'variables', i, 'name'], variable.name, 'a name not already an ADSL core variable');
  });
}

function checkRegimen(protocol: ProtocolDefinition, add: Add): void {
  const regimen = protocol.regimen;
  const ids = new Set<string>();
  regimen.drugs.forEach((drug, i) => {
    if (ids.has(drug.id)) add(['regimen', 'drugs', i, 'id'], drug.id, 'a drug id used once');
    ids.add(drug.id);
    drug.doseDays.forEach((day, j) => {
      if (!Number.isInteger(day) || day < 1 || day > regimen.cycleLengthDays) add(['regimen', 'drugs', i, 'doseDays', j], day, `a day of the ${regimen.cycleLengthDays}-day cycle`);
    });
    const starts = [drug.startingDose.mg, ...(drug.startingDose.byAge === undefined ? [] : [drug.startingDose.byAge.mg])];
    for (const mg of starts) {
      try {
        doseLadderMg(drug, mg);
      } catch {
        add(['regimen', 'drugs', i, 'laddersMg'], drug.laddersMg, `a ladder holding the starting dose ${mg} ${drug.doseUnit}`);
      }
    }
    if (startingDoseMg(drug, 0) !== drug.startingDose.mg) add(['regimen', 'drugs', i, 'startingDose'], drug.startingDose, 'a starting dose');
  });
  if (!regimen.drugs.some((drug) => drug.role === 'investigational')) add(['regimen', 'drugs'], regimen.drugs.map((d) => d.id), 'at least one investigational drug');
  protocol.analysisSets.forEach((set, i) => {
    if (set.rule.kind !== 'enrolled' && set.rule.drugs !== 'any')
      set.rule.drugs.forEach((drug, j) => {
        if (!ids.has(drug)) add(['analysisSets', i, 'rule', 'drugs', j], drug, `a drug of the regimen (${[...ids].join(', ')})`);
      });
  });
}

function checkEligibility(protocol: ProtocolDefinition, add: Add): void {
  const items = protocol.eligibility.screening;
  const labs = new Set(items.labs.map((lab) => lab.key));
  const measures = new Set(items.measures.map((m) => m.key));
  const facts = new Map(items.facts.map((f) => [f.key, f.type]));
  const visit = (rule: EligibilityRule, path: IssuePath): void => {
    switch (rule.type) {
      case 'ordinal-range':
        if (rule.fact !== 'ecog' && facts.get(rule.fact) !== 'integer') add([...path, 'fact'], rule.fact, "'ecog' or an integer screening fact");
        return;
      case 'facts':
        rule.facts.forEach((fact, i) => {
          if (facts.get(fact) !== 'boolean') add([...path, 'facts', i], fact, 'a yes/no screening fact');
        });
        return;
      case 'measure':
        if (!measures.has(rule.measure)) add([...path, 'measure'], rule.measure, 'a screening measure');
        return;
      case 'measure-with-abnormal-ratio':
        if (!measures.has(rule.measure)) add([...path, 'measure'], rule.measure, 'a screening measure');
        if (!measures.has(rule.ratio)) add([...path, 'ratio'], rule.ratio, 'a screening measure');
        return;
      case 'lab':
      case 'lab-times-uln':
      case 'creatinine-clearance':
        if (!labs.has(rule.lab)) add([...path, 'lab'], rule.lab, 'a screening lab');
        return;
      case 'no-recent-event':
        if (facts.get(rule.historyFact) !== 'boolean') add([...path, 'historyFact'], rule.historyFact, 'a yes/no screening fact');
        if (facts.get(rule.dateFact) !== 'date') add([...path, 'dateFact'], rule.dateFact, 'a date screening fact');
        return;
      case 'any-of':
      case 'all-of':
        rule.rules.forEach((sub, i) => visit(sub, [...path, 'rules', i]));
        return;
      default:
        return;
    }
  };
  const ids = new Set<string>();
  protocol.eligibility.criteria.forEach((criterion, i) => {
    if (ids.has(criterion.id)) add(['eligibility', 'criteria', i, 'id'], criterion.id, 'a criterion id used once');
    ids.add(criterion.id);
    visit(criterion.rule, ['eligibility', 'criteria', i, 'rule']);
  });
}

/** A statement longer than this would not be read before signing; the signatures table keeps any length. */
const MAX_STATEMENT_CHARS = 600;

function checkSignatureMeanings(protocol: ProtocolDefinition, add: Add): void {
  for (const scope of ['form', 'casebook'] as const) {
    const meanings = protocol.signatureMeanings[scope];
    if (meanings.length === 0) add(['signatureMeanings', scope], meanings, `at least one meaning of a ${scope} signature`);
    const ids = new Set<string>();
    meanings.forEach((meaning, i) => {
      const at = ['signatureMeanings', scope, i];
      if (!/^[A-Za-z][A-Za-z0-9_-]{0,39}$/.test(meaning.id)) add([...at, 'id'], meaning.id, 'an id of 1-40 letters, digits, - and _, starting with a letter');
      if (ids.has(meaning.id)) add([...at, 'id'], meaning.id, `a meaning id used once among the ${scope} meanings`);
      ids.add(meaning.id);
      if (meaning.label.trim() === '' || meaning.label.length > 60) add([...at, 'label'], meaning.label, 'a label of 1-60 characters');
      const statement = meaning.statement.trim();
      if (statement.length < 20 || statement.length > MAX_STATEMENT_CHARS) add([...at, 'statement'], meaning.statement, `a statement of 20-${MAX_STATEMENT_CHARS} characters: what the signer states`);
    });
  }
}
