import type { DosingForm } from '../../../clinical/index.js';
import type { EnrolledPatientPlan } from './cohortPlanTypes.js';
import type { RenderedAdverseEvent } from './renderAdverseEvents.js';
import { studyDate } from '../../../demo/index.js';

/**
 * SYNTHETIC dosing log, one row per cycle and drug, following the regimen (pomalidomide days 1-21,
 * dexamethasone days 1, 8, 15, 22 of each cycle; the plan's cycle starts already carry its delays) and
 * the plan's modifications: pomalidomide reductions 4 -> 3 -> 2 -> 1 mg one level per cycle, each preceded
 * by a hold from the onset of the AE that caused it until it resolved (dexamethasone likewise before its
 * reduction); interruptions (a 7-day hold from
 * the onset of the AE, or days 15-21 when none falls in the cycle); delayed cycle starts; dexamethasone
 * from 40 mg (20 mg above 75 years), its reductions, skipped weekly doses and postponed doses.
 *
 * The last cycle: treatment stops on the plan's last pomalidomide day; when that is day 21 the cycle was
 * completed and dexamethasone's day-22 dose is given too. Nothing is dosed after the data cutoff.
 */

function cycleStarts(p: EnrolledPatientPlan): number[] {
  return p.assessmentDays.filter((day) => day === 1 || day <= p.treatment.lastDoseDay);
}

/** Pomalidomide level (mg/day) in a cycle. */
export function pomalidomideDoseMg(p: EnrolledPatientPlan, cycle: number): number {
  let dose = 4;
  for (const step of p.dosing.pomalidomideSteps) if (step.fromCycle <= cycle) dose = step.doseMg;
  return dose;
}

export function dexamethasoneDoseMg(p: EnrolledPatientPlan, cycle: number): number {
  let dose: number = p.dosing.dexamethasoneStartMg;
  for (const step of p.dosing.dexamethasoneSteps) if (step.fromCycle <= cycle) dose = step.doseMg;
  return dose;
}

/** Days of a cycle's pomalidomide window held for an AE (study days). */
function heldDays(p: EnrolledPatientPlan, cycle: number, start: number, nextStart: number | null, events: readonly RenderedAdverseEvent[]): Set<number> {
  const held = new Set<number>();
  const pomEnd = start + 20;
  // The plan's last dose day was dosed: a hold that reaches it stops the day before.
  const hold = (from: number, to: number): void => {
    for (let day = Math.max(from, start); day <= Math.min(to, pomEnd); day++) if (day !== p.treatment.lastDoseDay) held.add(day);
  };
  if (p.dosing.pomalidomideInterruptedCycles.includes(cycle)) {
    const ae = events.find((e) => e.form.actionTaken.pomalidomide === 'interrupted' && e.onsetDay >= start && e.onsetDay <= pomEnd);
    if (ae === undefined) hold(start + 14, pomEnd);
    else hold(ae.onsetDay, (ae.endDay ?? ae.onsetDay + 7) - 1);
  }
  // The cycle before a reduction: held from the onset of the AE that led to it until it resolved.
  if (nextStart !== null && p.dosing.pomalidomideSteps.some((step) => step.fromCycle === cycle + 1)) {
    const ae = events.find((e) => e.form.actionTaken.pomalidomide === 'dose-reduced' && e.onsetDay >= start && e.onsetDay < nextStart);
    if (ae !== undefined) hold(ae.onsetDay, (ae.endDay ?? nextStart) - 1);
  }
  return held;
}

/** Dexamethasone dosing days held in a cycle: from the onset of the AE behind a reduction until it resolved. */
function dexamethasoneHeld(p: EnrolledPatientPlan, cycle: number, start: number, nextStart: number | null, events: readonly RenderedAdverseEvent[]): (day: number) => boolean {
  if (nextStart === null || !p.dosing.dexamethasoneSteps.some((step) => step.fromCycle === cycle + 1)) return () => false;
  const ae = events.find((e) => e.form.actionTaken.dexamethasone === 'dose-reduced' && e.onsetDay >= start && e.onsetDay < nextStart);
  return ae === undefined ? () => false : (day) => day >= ae.onsetDay && day < (ae.endDay ?? nextStart);
}

/** `cutoffDay`: the last study day anything may be dosed (the data cutoff or the last contact). */
export function renderDosing(p: EnrolledPatientPlan, cutoffDay: number, events: readonly RenderedAdverseEvent[]): DosingForm[] {
  const starts = cycleStarts(p);
  const rows: DosingForm[] = [];
  const last = p.treatment.lastDoseDay;
  let previousPom = 4;
  let previousDex: number = p.dosing.dexamethasoneStartMg;
  starts.forEach((start, index) => {
    const cycle = index + 1;
    const nextStart = starts[index + 1] ?? null;
    const date = (day: number): string => studyDate(p.enrolmentDate, day);
    const pomDose = pomalidomideDoseMg(p, cycle);
    const held = heldDays(p, cycle, start, nextStart, events);
    const pomLast = Math.min(start + 20, last, cutoffDay);
    const given: number[] = [];
    for (let day = start; day <= pomLast; day++) if (!held.has(day)) given.push(day);
    const delayed = p.dosing.pomalidomideDelayedCycles.includes(cycle);
    const reduced = pomDose < previousPom;
    // An interruption the plan puts in this cycle is recorded even when the AE came on the last dose day.
    const interrupted = held.size > 0 || p.dosing.pomalidomideInterruptedCycles.includes(cycle);
    rows.push({
      cycle,
      drug: 'pomalidomide',
      startDate: date(start),
      endDate: date(given.at(-1) ?? start),
      plannedDoseMg: pomDose,
      plannedDays: 21,
      doseGivenMg: pomDose,
      daysGiven: given.length,
      delayed,
      interrupted,
      reduced,
      ...(delayed || interrupted || reduced ? { modificationReason: 'adverse-event' as const } : {}),
    });
    previousPom = pomDose;

    const dexDose = dexamethasoneDoseMg(p, cycle);
    const completed = last >= start + 20;
    const dexLast = Math.min(completed ? start + 21 : last, cutoffDay);
    const skipped = p.dosing.dexamethasoneSkippedDoseCycles.includes(cycle);
    const dexHeld = dexamethasoneHeld(p, cycle, start, nextStart, events);
    const planned = [0, 7, 14, 21].map((offset) => start + offset).filter((day) => day <= dexLast && !(skipped && day === start + 14));
    // The last dose day is dosed (the plan's last dose), as for pomalidomide.
    const dexDays = planned.filter((day) => !dexHeld(day) || day === p.treatment.lastDoseDay);
    const dexInterrupted = skipped || dexDays.length < planned.length;
    const dexDelayed = p.dosing.dexamethasoneDelayedCycles.includes(cycle);
    const dexReduced = dexDose < previousDex;
    rows.push({
      cycle,
      drug: 'dexamethasone',
      startDate: date(start),
      endDate: date(dexDays.at(-1) ?? start),
      plannedDoseMg: dexDose,
      plannedDays: 4,
      doseGivenMg: dexDose,
      daysGiven: dexDays.length,
      delayed: dexDelayed,
      interrupted: dexInterrupted,
      reduced: dexReduced,
      ...(dexDelayed || dexInterrupted || dexReduced ? { modificationReason: 'adverse-event' as const } : {}),
    });
    previousDex = dexDose;
  });
  return rows;
}
