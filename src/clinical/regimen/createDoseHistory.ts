import { RELATED_CATEGORIES, type AdverseEventForm, type DosingForm } from '../crf/index.js';
import type { Issue } from '../../result/index.js';
import { createLabDoseEvents, type LabDoseInput } from './createLabDoseEvents.js';
import type { DoseHistoryEvent } from './doseStateMachine.js';
import type { RegimenDefinition } from './regimenDefinition.js';

/** A subject's raw forms that bear on the dose: adverse events, dosing rows and (optionally) laboratory results. */
export interface DoseHistoryForms {
  readonly adverseEvents: readonly AdverseEventForm[];
  readonly dosing: readonly DosingForm[];
  readonly labs?: readonly LabDoseInput[];
}

export interface DoseHistory {
  /** Cycle 1 day 1: the earliest cycle 1 dosing row's start date; null before any cycle 1 row. */
  readonly treatmentStartDate: string | null;
  /** In date order, from cycle 1 day 1 on. */
  readonly events: readonly DoseHistoryEvent[];
  /** Laboratory results that could not be read (skipped). */
  readonly warnings: readonly Issue[];
}


/**
 * The dose history of one subject from raw CRFs, as the EDC's live dose proposal and the demo's ladder
 * check both read it:
 * - an adverse event: a 'toxicity' on its onset (term, grade, the drugs whose relationship is possible,
 *   probable or definite) and, when it has an end date, a 'recovery' to grade 0 on that date;
 * - haematology results: createLabDoseEvents by the regimen's count rules (whatever the attribution);
 * - a dosing row: a 'dose' of its drug on its start date, at the dose given (0 when no day was given),
 *   with its cycle (the row's start date is that cycle's day 1).
 * Same day: toxicity first, then recovery, then the day's doses (a result drawn on day 1 counts before
 * the dose). Events before cycle 1 day 1 (screening) do not modify the dose and are left out.
 */
export function createDoseHistory(forms: DoseHistoryForms, regimen: RegimenDefinition): DoseHistory {
  const treatmentStartDate = forms.dosing.filter((d) => d.cycle === 1).map((d) => d.startDate).sort()[0] ?? null;
  const events: { order: number; event: DoseHistoryEvent }[] = [];
  for (const ae of forms.adverseEvents) {
    const relatedTo = regimen.drugs.map((drug) => drug.id).filter((drug) => {
      const relationship = ae.relatedness[drug];
      return relationship !== undefined && RELATED_CATEGORIES.includes(relationship);
    });
    events.push({ order: 0, event: { type: 'toxicity', date: ae.onsetDate, term: ae.preferredTerm, grade: ae.grade, relatedTo } });
    if (ae.endDate !== undefined) events.push({ order: 1, event: { type: 'recovery', date: ae.endDate, term: ae.preferredTerm, grade: 0 } });
  }
  const fromStart = <T extends { readonly date: string }>(item: T): boolean => treatmentStartDate !== null && item.date >= treatmentStartDate;
  const labs = createLabDoseEvents((forms.labs ?? []).filter(fromStart), regimen.countRules);
  if (labs.ok) for (const event of labs.value) events.push({ order: event.type === 'toxicity' ? 0 : 1, event });
  for (const row of forms.dosing)
    events.push({ order: 2, event: { type: 'dose', date: row.startDate, drug: row.drug, mg: row.daysGiven > 0 ? row.doseGivenMg : 0, cycle: row.cycle } });
  const ordered = events
    .filter((e) => fromStart(e.event))
    .sort((a, b) => (a.event.date < b.event.date ? -1 : a.event.date > b.event.date ? 1 : a.order - b.order))
    .map((e) => Object.freeze(e.event));
  return Object.freeze({ treatmentStartDate, events: Object.freeze(ordered), warnings: Object.freeze([...labs.issues]) });
}
