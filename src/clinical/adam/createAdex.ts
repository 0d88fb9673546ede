import type { Issue } from '../../result/index.js';
import { issue } from '../../result/index.js';
import type { DosingForm, StudyDrug, TrialData } from '../crf/index.js';
import type { DayNumber } from '../dates/index.js';
import type { AdslRow } from './createAdsl.js';
import type { Derivation, Flag } from './derivation.js';
import { dayOf, finishDerivation, flag, readOnStudyDate, readDate } from './derivation.js';

/** Cycle length of the regimen: pomalidomide days 1-21 and dexamethasone days 1, 8, 15, 22 of 28. */
export const CYCLE_DAYS = 28;

/** Exposure to one drug. Doses in mg; intensities in mg per 28 days. */
export interface DrugExposure {
  /** Cycles with at least one dose of the drug. */
  readonly cycles: number;
  readonly startingDoseMg: number | null;
  readonly cumulativeDoseMg: number;
  /** Planned cumulative dose: starting dose x planned dosing days, over the cycles started. */
  readonly plannedCumulativeDoseMg: number;
  /** Cumulative dose / (days from first cycle start to the end of the last cycle started, cut off) x 28. */
  readonly doseIntensityMgPer28d: number | null;
  /** Starting dose x planned dosing days per 28-day cycle. */
  readonly plannedDoseIntensityMgPer28d: number | null;
  /** doseIntensity / plannedDoseIntensity. */
  readonly relativeDoseIntensity: number | null;
  /** A dose below the starting dose was given. */
  readonly reduced: Flag;
  readonly lowestDoseMg: number | null;
  /** Distinct doses given, highest first (e.g. [4, 3, 2]). */
  readonly dosesGivenMg: readonly number[];
  readonly delayed: Flag;
  readonly interrupted: Flag;
  /** Dose adjustment: reduced or interrupted. */
  readonly doseAdjusted: Flag;
  /** Any adjustment: dose adjustment or delay. */
  readonly anyAdjustment: Flag;
}

export interface AdexRow {
  readonly STUDYID: string;
  readonly USUBJID: string;
  /** Cycles with at least one dose of any study drug. */
  readonly CYCLES: number;
  /** Days from first to last dose, both counted. */
  readonly TRTDURD: number | null;
  readonly POM: DrugExposure;
  readonly DEX: DrugExposure;
}

interface ReceivedRow {
  readonly form: DosingForm;
  readonly start: DayNumber;
}

function exposure(rows: readonly ReceivedRow[], cutoff: DayNumber): DrugExposure {
  const sorted = [...rows].sort((a, b) => a.form.cycle - b.form.cycle || a.start - b.start);
  const first = sorted[0];
  const startingDose = first === undefined ? null : first.form.plannedDoseMg;
  const cycles = new Set(sorted.map((row) => row.form.cycle)).size;
  const cumulative = sorted.reduce((sum, row) => sum + row.form.doseGivenMg * row.form.daysGiven, 0);
  const plannedDays = first === undefined ? 0 : first.form.plannedDays;
  const planned = startingDose === null ? 0 : startingDose * plannedDays * cycles;
  let intensity: number | null = null;
  if (first !== undefined) {
    const lastStart = Math.max(...sorted.map((row) => row.start));
    const periodDays = Math.min(lastStart + CYCLE_DAYS, cutoff + 1) - first.start;
    intensity = periodDays > 0 ? (cumulative / periodDays) * CYCLE_DAYS : null;
  }
  const plannedIntensity = startingDose === null ? null : startingDose * plannedDays;
  const doses = [...new Set(sorted.map((row) => row.form.doseGivenMg))].sort((a, b) => b - a);
  const reduced = startingDose !== null && sorted.some((row) => row.form.doseGivenMg < startingDose);
  const delayed = sorted.some((row) => row.form.delayed);
  const interrupted = sorted.some((row) => row.form.interrupted);
  return Object.freeze({
    cycles,
    startingDoseMg: startingDose,
    cumulativeDoseMg: cumulative,
    plannedCumulativeDoseMg: planned,
    doseIntensityMgPer28d: intensity,
    plannedDoseIntensityMgPer28d: plannedIntensity,
    relativeDoseIntensity: intensity !== null && plannedIntensity !== null && plannedIntensity > 0 ? intensity / plannedIntensity : null,
    reduced: flag(reduced),
    lowestDoseMg: doses.length === 0 ? null : Math.min(...doses),
    dosesGivenMg: Object.freeze(doses),
    delayed: flag(delayed),
    interrupted: flag(interrupted),
    doseAdjusted: flag(reduced || interrupted),
    anyAdjustment: flag(reduced || interrupted || delayed),
  });
}

/**
 * ADEX: exposure per subject of the safety set, from the dosing log up to the cutoff. A reduction is read
 * from the doses (a dose given below the cycle-1 planned dose), not from the form's tick box; a tick box
 * that disagrees with the doses is reported as a warning.
 */
export function createAdex(trial: TrialData, adsl: readonly AdslRow[]): Derivation<AdexRow> {
  const issues: Issue[] = [];
  const cutoff = readDate(trial.dataCutoffDate, ['dataCutoffDate'], issues);
  if (cutoff === null) return finishDerivation([], issues);
  const bySubject = new Map(adsl.map((row) => [row.SUBJID, row]));
  const out: AdexRow[] = [];
  trial.subjects.forEach((record, subjectIndex) => {
    const subject = bySubject.get(record.subject.subjectId);
    if (subject === undefined || subject.SAFFL !== 'Y') return;
    const enrolment = dayOf(subject.ENRLDT);
    const received: Record<StudyDrug, ReceivedRow[]> = { pomalidomide: [], dexamethasone: [] };
    const previousDose: Partial<Record<StudyDrug, number>> = {};
    const ordered = record.dosing.map((form, index) => ({ form, index })).sort((a, b) => a.form.cycle - b.form.cycle);
    for (const { form, index } of ordered) {
      const path = ['subjects', subjectIndex, 'dosing', index] as const;
      const start = readOnStudyDate(form.startDate, [...path, 'startDate'], enrolment, []);
      if (start === null || start > cutoff || form.doseGivenMg <= 0 || form.daysGiven <= 0) continue;
      const previous = previousDose[form.drug];
      if (previous !== undefined && form.reduced !== form.doseGivenMg < previous) {
        issues.push(
          issue('reduction-flag-mismatch', [...path, 'reduced'], form.reduced, `reduced = ${String(form.doseGivenMg < previous)} (dose ${form.doseGivenMg} mg after ${previous} mg)`, 'warning'),
        );
      }
      previousDose[form.drug] = form.doseGivenMg;
      received[form.drug].push({ form, start });
    }
    const first = dayOf(subject.TRTSDT);
    const last = dayOf(subject.TRTEDT);
    out.push({
      STUDYID: subject.STUDYID,
      USUBJID: subject.USUBJID,
      CYCLES: new Set([...received.pomalidomide, ...received.dexamethasone].map((row) => row.form.cycle)).size,
      TRTDURD: first !== null && last !== null ? last - first + 1 : null,
      POM: exposure(received.pomalidomide, cutoff),
      DEX: exposure(received.dexamethasone, cutoff),
    });
  });
  return finishDerivation(out, issues);
}
