import { parseIsoDate, type DayNumber } from '../dates/index.js';
import { issue, type Issue } from '../../result/index.js';
import type { DoseHistoryEvent } from './doseStateMachine.js';
import { TOXICITY_CATEGORIES, type RegimenDefinition, type ToxicityCategory } from './regimenDefinition.js';

/** The plain input shared by computeDoseDecision and checkDosingLog. */
export interface DoseHistoryInput {
  /** Age at enrolment (sets age-dependent starting doses). */
  readonly ageYears: number;
  /** Cycle 1 day 1; enables the dosing-day calendar and the 2-year limit. */
  readonly treatmentStartDate?: string | null;
  /** In date order; same-day events in the order they happened. */
  readonly events: readonly DoseHistoryEvent[];
}

const CATEGORIES: readonly ToxicityCategory[] = TOXICITY_CATEGORIES;

function isNonNegative(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

/** Checks the history as plain data; returns the issues (path e.g. ['events', 3, 'grade']) and the event days. */
export function validateDoseHistory(input: DoseHistoryInput, regimen: RegimenDefinition): { issues: Issue[]; startDay: DayNumber | null } {
  const issues: Issue[] = [];
  const DRUGS = regimen.drugs.map((drug) => drug.id);
  const isDrug = (value: unknown): value is string => typeof value === 'string' && DRUGS.includes(value);
  if (typeof input.ageYears !== 'number' || !Number.isFinite(input.ageYears) || input.ageYears < 0 || input.ageYears > 130)
    issues.push(issue('bad-age', ['ageYears'], input.ageYears, 'age at enrolment in years, 0-130'));
  let startDay: DayNumber | null = null;
  if (input.treatmentStartDate !== undefined && input.treatmentStartDate !== null) {
    startDay = typeof input.treatmentStartDate === 'string' ? parseIsoDate(input.treatmentStartDate) : null;
    if (startDay === null) issues.push(issue('bad-date', ['treatmentStartDate'], input.treatmentStartDate, 'a calendar date YYYY-MM-DD'));
  }
  if (!Array.isArray(input.events)) {
    issues.push(issue('bad-events', ['events'], input.events, 'an array of events in date order'));
    return { issues, startDay };
  }
  let previous: DayNumber | null = null;
  input.events.forEach((event: DoseHistoryEvent, index) => {
    const at = (field: string): (string | number)[] => ['events', index, field];
    const day = typeof event.date === 'string' ? parseIsoDate(event.date) : null;
    if (day === null) issues.push(issue('bad-date', at('date'), event.date, 'a calendar date YYYY-MM-DD'));
    else {
      if (previous !== null && day < previous) issues.push(issue('events-out-of-order', at('date'), event.date, 'events in date order'));
      if (startDay !== null && day < startDay)
        issues.push(issue('event-before-treatment', at('date'), event.date, `a date on or after the treatment start ${input.treatmentStartDate}`));
      previous = day;
    }
    switch (event.type) {
      case 'toxicity':
      case 'recovery': {
        if (typeof event.term !== 'string' || event.term.trim() === '') issues.push(issue('missing-term', at('term'), event.term, 'a CTCAE term'));
        const maxGrade = event.type === 'toxicity' ? 5 : 4;
        const minGrade = event.type === 'toxicity' ? 1 : 0;
        if (!Number.isInteger(event.grade) || event.grade < minGrade || event.grade > maxGrade)
          issues.push(issue('bad-grade', at('grade'), event.grade, `a CTCAE grade ${minGrade}-${maxGrade}`));
        if (event.category !== undefined && !CATEGORIES.includes(event.category))
          issues.push(issue('unknown-category', at('category'), event.category, `one of ${CATEGORIES.join(', ')}`));
        if (event.ancX10e9PerL !== undefined && !isNonNegative(event.ancX10e9PerL))
          issues.push(issue('bad-number', at('ancX10e9PerL'), event.ancX10e9PerL, 'ANC in 10^9/L, >= 0'));
        if (event.plateletsX10e9PerL !== undefined && !isNonNegative(event.plateletsX10e9PerL))
          issues.push(issue('bad-number', at('plateletsX10e9PerL'), event.plateletsX10e9PerL, 'platelets in 10^9/L, >= 0'));
        if (event.type === 'toxicity' && (!Array.isArray(event.relatedTo) || !(event.relatedTo as readonly unknown[]).every(isDrug)))
          issues.push(issue('bad-relatedness', at('relatedTo'), event.relatedTo, `a list of drugs from ${DRUGS.join(', ')} (empty when unrelated)`));
        break;
      }
      case 'dose':
        if (!isDrug(event.drug)) issues.push(issue('unknown-drug', at('drug'), event.drug, `one of ${DRUGS.join(', ')}`));
        if (!isNonNegative(event.mg)) issues.push(issue('bad-dose', at('mg'), event.mg, 'a dose in mg, >= 0'));
        if (event.cycle !== undefined && (!Number.isInteger(event.cycle) || event.cycle < 1))
          issues.push(issue('bad-cycle', at('cycle'), event.cycle, 'a cycle number >= 1'));
        break;
      default:
        issues.push(issue('unknown-event', at('type'), (event as { type?: unknown }).type, "'toxicity', 'recovery' or 'dose'"));
    }
  });
  return { issues, startDay };
}
