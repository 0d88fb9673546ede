import { booleanField, codeField, dateField, groupField, integerField, numberField, opt, recordField, textField } from '../crf/index.js';
import type { Codelist, FieldDefinition, FormDefinition } from '../crf/index.js';
import type { EligibilityCriteriaSet, ScreeningFact } from './eligibilityRule.js';

/**
 * The screening form of a criteria set, as metadata: the items every protocol collects plus the labs,
 * disease measures and facts its criteria read. The EDC renders and validates it like any other form, so a
 * criteria set can never read an item the form does not collect.
 */

export const SCREENING_CODELISTS: readonly Codelist[] = Object.freeze([
  Object.freeze({ id: 'SCRSEX', label: 'Sex', items: Object.freeze([Object.freeze({ code: 'male', label: 'Male' }), Object.freeze({ code: 'female', label: 'Female' })]) }),
]);

function factField(fact: ScreeningFact): FieldDefinition {
  const common = fact.help === undefined ? {} : { help: fact.help };
  switch (fact.type) {
    case 'boolean':
      return opt(booleanField(fact.key, fact.label, common));
    case 'date':
      return opt(dateField(fact.key, fact.label, common));
    case 'integer':
      return opt(
        integerField(fact.key, fact.label, {
          ...common,
          ...(fact.min === undefined && fact.max === undefined ? {} : { hard: { ...(fact.min === undefined ? {} : { min: fact.min }), ...(fact.max === undefined ? {} : { max: fact.max }), note: 'the scale of the item' } }),
        }),
      );
  }
}

export function createScreeningForm(set: EligibilityCriteriaSet, responseCodelistId: string): FormDefinition {
  const items = set.screening;
  const lab = (key: string, label: string) =>
    opt(
      recordField(key, label, [
        numberField('value', 'Result', { hard: { min: 0, note: 'a count or concentration cannot be negative' } }),
        textField('unit', 'Unit', 40),
        opt(numberField('upperLimitOfNormal', 'Upper limit of normal', { hard: { min: 0, note: 'a normal range cannot be negative' } })),
        opt(dateField('date', 'Sample date')),
      ]),
    );
  const line = [
    groupField('agents', 'Agents', [textField('agent', 'Agent (generic name)', 100), opt(integerField('cycles', 'Cycles', { hard: { min: 0, max: 1000, note: 'a number of cycles' } }))], { minItems: 1, maxItems: 10 }),
    opt(dateField('startDate', 'Start date')),
    opt(dateField('endDate', 'End date', { help: 'Leave empty while the line is still given' })),
    opt(codeField('bestResponse', 'Best response', responseCodelistId)),
    opt(dateField('progressionDate', 'Date of progression')),
    opt(integerField('progressionDaysAfterEnd', 'Days from the end of the line to progression', { help: '0 or less: progression during the line; used when the dates are not known' })),
    opt(booleanField('refractory', 'Refractory')),
  ];
  const fields: FieldDefinition[] = [
    opt(textField('subjectId', 'Subject', 40, { origin: 'assigned' })),
    opt(textField('siteId', 'Site', 20, { origin: 'assigned' })),
    dateField('screeningDate', 'Screening date'),
    opt(dateField('enrolmentDate', 'Planned enrolment date')),
    opt(dateField('consentDate', 'Informed consent date')),
    opt(dateField('birthDate', 'Date of birth')),
    opt(numberField('ageYears', 'Age (if no birth date)', { unit: 'years', hard: { min: 0, max: 130, note: 'an age in years' } })),
    opt(codeField('sex', 'Sex', 'SCRSEX')),
    opt(numberField('weightKg', 'Weight', { unit: 'kg', hard: { min: 0.5, max: 500, note: 'a body weight' }, soft: { min: 20, max: 300, note: 'adult body weight outside 20-300 kg is exceptional' } })),
    opt(integerField('ecog', 'ECOG performance status', { hard: { min: 0, max: 5, note: 'ECOG 0-5' } })),
    opt(
      groupField('priorTherapyLines', 'Prior lines of therapy (oldest first)', line, {
        minItems: 0,
        maxItems: 50,
        ascending: { field: 'startDate', note: 'lines in chronological order' },
        rules: [{ kind: 'date-order', earlier: 'startDate', later: 'endDate', note: 'a line ends after it starts' }],
      }),
    ),
    opt(recordField('labs', 'Screening laboratory', items.labs.map((item) => lab(item.key, item.label)))),
    opt(
      recordField(
        'measures',
        'Disease measurements',
        items.measures.map((m) => opt(numberField(m.key, m.label, { unit: m.unit, hard: { min: 0, note: 'a measurement cannot be negative' }, ...(m.softMax === undefined ? {} : { soft: { max: m.softMax, note: m.softNote ?? 'exceptional' } }) }))),
      ),
    ),
    opt(
      recordField('facts', 'History and other criteria', items.facts.map(factField), {
        rules: items.factRules.map((rule) => ({ kind: 'absent-when' as const, field: rule.dateFact, when: { field: rule.onlyWhen, equals: false }, note: `no ${rule.dateFact} when ${rule.onlyWhen} is false` })),
      }),
    ),
  ];
  return Object.freeze({
    id: 'screening',
    label: 'Screening and eligibility',
    role: 'screening',
    cardinality: 'one',
    description: `The items the eligibility criteria of ${set.protocol} (${set.version}) read; empty = not recorded.`,
    fields: Object.freeze(fields),
    rules: Object.freeze([]),
    dateField: 'screeningDate',
  });
}
