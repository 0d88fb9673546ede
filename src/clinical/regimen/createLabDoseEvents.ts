import { computeCtcaeGrade } from '../ctcae/index.js';
import { parseIsoDate } from '../dates/index.js';
import { issue, success, type Issue, type Outcome } from '../../result/index.js';
import type { DoseHistoryEvent, RecoveryEvent, ToxicityEvent } from './doseStateMachine.js';
import type { CountRule } from './regimenDefinition.js';

/** One laboratory result as captured (any accepted unit; LLN and ULN in the same unit as the value). */
export interface LabDoseInput {
  readonly date: string;
  readonly analyte: string;
  readonly value: number;
  readonly unit: string;
  readonly lln?: number | null;
  readonly uln?: number | null;
}

/**
 * Dose-history events from haematology results alone, by the regimen's count rules (e.g. a label's "ANC
 * < 0.5 x10^9/L interrupts, resume one level lower at ANC >= 0.5"), whatever the attribution: such rules are
 * written on counts, so a count can hold a drug before (or without) an adverse-event form.
 *
 * Each value is converted to SI (10^9/L) and graded with the CTCAE v5.0 engine. Per analyte, results are
 * read in date order (the lowest value of a date when several sources report it) and only the crossings
 * become events: a 'toxicity' on the first result below the hold threshold of an episode, a 'recovery' on the
 * first result back at the resume threshold. Values in between add nothing, so one episode is one event
 * pair. An adverse-event form for the same episode adds a second hold while the drug is already held,
 * which the state machine does not charge again (one hold episode = one level), and any recovery of the
 * same category lifts both.
 *
 * Results that cannot be read (unknown unit, bad date) are skipped and returned as warnings; other analytes
 * are ignored. The events carry `category` and the count, so the state machine applies the count rules.
 */
export function createLabDoseEvents(labs: readonly LabDoseInput[], countRules: readonly CountRule[]): Outcome<readonly DoseHistoryEvent[]> {
  const warnings: Issue[] = [];
  const events: { date: string; event: DoseHistoryEvent }[] = [];
  for (const rule of countRules) {
    const lowestByDate = new Map<string, { value: number; grade: number | null }>();
    labs.forEach((lab, index) => {
      if (lab.analyte !== rule.analyte) return;
      if (typeof lab.date !== 'string' || parseIsoDate(lab.date) === null) {
        warnings.push(issue('bad-date', ['labs', index, 'date'], lab.date, 'a calendar date YYYY-MM-DD', 'warning'));
        return;
      }
      const graded = computeCtcaeGrade({ term: rule.term, value: lab.value, unit: lab.unit, lln: lab.lln ?? null, uln: lab.uln ?? null });
      if (!graded.ok) {
        for (const item of graded.issues) warnings.push(issue(item.code, ['labs', index, ...item.path], item.value, item.expected, 'warning'));
        return;
      }
      const previous = lowestByDate.get(lab.date);
      if (previous === undefined || graded.value.value < previous.value) lowestByDate.set(lab.date, { value: graded.value.value, grade: graded.value.grade });
    });
    let low = false;
    for (const [date, { value, grade }] of [...lowestByDate].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
      if (!low && value < rule.holdBelowX10e9PerL) {
        low = true;
        const event: ToxicityEvent = { type: 'toxicity', date, term: rule.term, grade: grade ?? 4, relatedTo: [], category: rule.category, [countField(rule)]: value };
        events.push({ date, event: Object.freeze(event) });
      } else if (low && value >= rule.resumeAtX10e9PerL) {
        low = false;
        const event: RecoveryEvent = { type: 'recovery', date, term: rule.term, grade: grade ?? 0, category: rule.category, [countField(rule)]: value };
        events.push({ date, event: Object.freeze(event) });
      }
    }
  }
  // Stable: same-day events keep the rule order.
  events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return success(Object.freeze(events.map((e) => e.event)), warnings);
}

function countField(rule: CountRule): 'ancX10e9PerL' | 'plateletsX10e9PerL' {
  return rule.count === 'anc' ? 'ancX10e9PerL' : 'plateletsX10e9PerL';
}
