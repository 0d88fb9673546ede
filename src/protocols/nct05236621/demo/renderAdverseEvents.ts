import { findCtcaeSystemOrganClass } from '../../../clinical/index.js';
import type { AdverseEventForm, Relationship } from '../../../clinical/index.js';
import type { EnrolledPatientPlan } from './cohortPlanTypes.js';
import type { SeededRandom } from '../../../demo/index.js';
import { studyDate } from '../../../demo/index.js';
import { holdsDrug, type RegimenDrug } from './regimenDrugs.js';

/** A rendered AE with its study days, for the labs and the dosing log that must agree with it. */
export interface RenderedAdverseEvent {
  readonly form: AdverseEventForm;
  /** Lower-case preferred term as planned. */
  readonly term: string;
  readonly onsetDay: number;
  /** Study day of recovery; null when ongoing at the last contact. */
  readonly endDay: number | null;
}

/**
 * The CTCAE v5.0 term the demo's coder gives a planned (verbatim) term that is not one itself, so that every
 * demo AE has a CTCAE term and its system organ class (CTCAE v5.0, NCI 27 Nov 2017). The verbatim stays the
 * reported term: the paper's own terms ('astriction', a translation of constipation; 'hypoproteinemia';
 * the thromboses it lists one by one) are what its tables print and what the reproduction counts.
 */
const CTCAE_TERMS: Readonly<Record<string, string>> = {
  astriction: 'Constipation',
  hypoproteinemia: 'Hypoalbuminemia',
  'peripheral neuropathy': 'Peripheral sensory neuropathy',
  thrombosis: 'Thromboembolic event',
  'venous thrombosis limb': 'Thromboembolic event',
  'deep vein thrombosis': 'Thromboembolic event',
  'pulmonary embolism': 'Thromboembolic event',
  'acute myocardial ischaemia': 'Acute coronary syndrome',
  'cardiac failure': 'Heart failure',
  'multiple organ dysfunction syndrome': 'Multi-organ failure',
  pneumonia: 'Lung infection',
  'upper respiratory tract infection': 'Upper respiratory infection',
  'herpes zoster': 'Shingles',
  'white blood cell count decreased': 'White blood cell decreased',
};

/** The planned AEs with onset on or before the subject's last contact (death, last known alive) and the cutoff. */
export function observableAdverseEvents(p: EnrolledPatientPlan): EnrolledPatientPlan['adverseEvents'] {
  const lastContact = Math.min(p.os.day, p.cutoffDay);
  return p.adverseEvents.filter((ae) => ae.onsetDay <= lastContact);
}

/** The coded term of a planned term: its CTCAE v5.0 term, else the term with a capital first letter ('Neutrophil count decreased'). */
export function preferredTermOf(term: string): string {
  return CTCAE_TERMS[term] ?? term.charAt(0).toUpperCase() + term.slice(1);
}

/**
 * The planned adverse events as the investigator records them: onset, CTCAE grade (the planned worst
 * grade), seriousness, causality (related = 'possible' or 'probable'), the action on pomalidomide (the
 * regimen stops with it, so a withdrawal withdraws dexamethasone too), outcome and end date. An AE
 * recovers 5-20 days after onset (an interrupting one after 7 days, a reducing one by the start of the
 * reduced cycle) unless that falls after `lastContactDay` (death, the last contact or the cutoff): then it
 * is ongoing. `lastContactDay` is a study day.
 */
export function renderAdverseEvents(p: EnrolledPatientPlan, lastContactDay: number, random: SeededRandom): RenderedAdverseEvent[] {
  // An AE the plan dates after the last contact (or the cutoff) was never reported: uncalibrated plans
  // can date one up to 28 days after the last dose regardless of the cutoff.
  return observableAdverseEvents(p).map((ae, index): RenderedAdverseEvent => {
    let duration = random.int(5, 20);
    // A hold ends when the AE resolves: a 7-day interruption, or (an AE that holds a drug by the ladder,
    // e.g. the one behind a reduction) by the start of the next cycle, which resumes one level lower.
    if (ae.action === 'interrupted') duration = 7;
    const relatedTo: RegimenDrug[] = [...(ae.relatedToPomalidomide ? ['pomalidomide' as const] : []), ...(ae.relatedToDexamethasone === true ? ['dexamethasone' as const] : [])];
    const toxicity = { type: 'toxicity', date: '', term: ae.term, grade: ae.worstGrade, relatedTo } as const;
    const resume = p.assessmentDays.find((day) => day > ae.onsetDay && day <= p.treatment.lastDoseDay);
    if (!ae.fatal && resume !== undefined && (holdsDrug(toxicity, 'pomalidomide') || holdsDrug(toxicity, 'dexamethasone')))
      duration = Math.min(duration, resume - ae.onsetDay);
    const recovers = !ae.fatal && ae.onsetDay + duration <= lastContactDay;
    const endDay = ae.fatal ? ae.onsetDay : recovers ? ae.onsetDay + duration : null;
    const relationship: Relationship = ae.relatedToPomalidomide ? (random.chance(0.6) ? 'possible' : 'probable') : random.chance(0.5) ? 'not-related' : 'unlikely';
    const preferredTerm = preferredTermOf(ae.term);
    const soc = findCtcaeSystemOrganClass(preferredTerm)?.systemOrganClass;
    const form: AdverseEventForm = {
      sequence: index + 1,
      reportedTerm: ae.term,
      preferredTerm,
      ...(soc === undefined ? {} : { systemOrganClass: soc }),
      onsetDate: studyDate(p.enrolmentDate, ae.onsetDay),
      ...(endDay === null ? {} : { endDate: studyDate(p.enrolmentDate, endDay) }),
      grade: ae.worstGrade,
      serious: ae.serious,
      relatedness: { pomalidomide: relationship, dexamethasone: ae.relatedToDexamethasone === true ? 'probable' : 'not-related' },
      actionTaken: { pomalidomide: ae.action, dexamethasone: ae.action === 'withdrawn' ? 'withdrawn' : (ae.actionDexamethasone ?? 'none') },
      ledToStudyDiscontinuation: ae.ledToStudyDiscontinuation,
      outcome: ae.fatal ? 'fatal' : recovers ? 'recovered' : 'not-recovered',
    };
    return { form, term: ae.term, onsetDay: ae.onsetDay, endDay };
  });
}
