import type { Issue } from '../../result/index.js';
import { issue } from '../../result/index.js';
import type { DosingForm, TrialData } from '../crf/index.js';
import type { DayNumber } from '../dates/index.js';
import type { ProtocolDefinition } from '../protocol/index.js';
import type { AdslRow } from './createAdsl.js';
import type { Derivation } from './derivation.js';
import { dayOf, finishDerivation, flag, readDate, readOnStudyDate } from './derivation.js';

/**
 * ADEX parameters, one row per subject, drug and parameter (EXTRT = the drug id; 'ALL' for the regimen as a
 * whole). Doses in the drug's unit per administration; intensities per cycle of the regimen.
 */
export const ADEX_PARAMETERS = Object.freeze({
  CYCLES: 'Cycles with at least one dose',
  TRTDURD: 'Duration of treatment (days, first to last dose)',
  STDOSE: 'Starting dose',
  CUMDOSE: 'Cumulative dose',
  PLCUMDOS: 'Planned cumulative dose (cycles started, up to the cutoff)',
  DI: 'Dose intensity per cycle',
  PDI: 'Planned dose intensity per cycle',
  RDI: 'Relative dose intensity (%)',
  LOWDOSE: 'Lowest dose given',
  DOSEGVN: 'A dose level given (one row per distinct level)',
  REDUCFL: 'Dose reduced below the starting dose',
  DELAYFL: 'Cycle delayed',
  INTRPFL: 'Doses interrupted within a cycle',
  ADJFL: 'Dose adjusted (reduced or interrupted)',
  ANYADJFL: 'Any adjustment (reduced, interrupted or delayed)',
} as const);

export type AdexParamcd = keyof typeof ADEX_PARAMETERS;

export interface AdexRow {
  readonly STUDYID: string;
  readonly USUBJID: string;
  /** Drug id of the regimen, or 'ALL' for the regimen as a whole. */
  readonly EXTRT: string;
  readonly PARAMCD: AdexParamcd;
  readonly PARAM: string;
  /** Numeric value (doses, counts, intensities); null for flags. */
  readonly AVAL: number | null;
  /** Y/N for flags; null otherwise. */
  readonly AVALC: string | null;
  readonly AVALU: string | null;
}

interface ReceivedRow {
  readonly form: DosingForm;
  readonly start: DayNumber;
}

type Emit = (extrt: string, paramcd: AdexParamcd, aval: number | null, avalc: string | null, unit: string | null) => void;

/** The drug's dose days (1-based days of the cycle) of a cycle starting on `start` that fall on or before the cutoff. */
const doseDaysUpToCutoff = (doseDays: readonly number[], start: number, cutoff: DayNumber): number => doseDays.filter((day) => start + day - 1 <= cutoff).length;

/**
 * Cumulative and relative dose intensity follow the usual SAS/ADaM exposure convention: the analysis data
 * end at the data cutoff (a record running past it is truncated there, as ADEX's AENDT would be), so a
 * dose given after the cutoff is not counted, and a cycle in progress at the cutoff is planned only for
 * its planned dose days up to the cutoff. RDI = 100 x cumulative dose / planned cumulative dose over the
 * same cycles; it exceeds 100% only when more was given than planned. The form records how many days a dose
 * was given, not which: a record running past the cutoff is taken to have given its doses on the drug's
 * dose days in order, so only those up to the cutoff count.
 */
function drugRows(drug: string, doseDays: readonly number[], unit: string, rows: readonly ReceivedRow[], cutoff: DayNumber, cycleLengthDays: number, emit: Emit): void {
  const sorted = [...rows].sort((a, b) => a.form.cycle - b.form.cycle || a.start - b.start);
  const first = sorted[0];
  const startingDose = first === undefined ? null : first.form.plannedDoseMg;
  const cycles = new Set(sorted.map((row) => row.form.cycle)).size;
  const cumulative = sorted.reduce((sum, row) => sum + row.form.doseGivenMg * Math.min(row.form.daysGiven, doseDaysUpToCutoff(doseDays, row.start, cutoff)), 0);
  const plannedDays = first === undefined ? 0 : first.form.plannedDays;
  const cycleStarts = new Map<number, number>();
  for (const row of sorted) cycleStarts.set(row.form.cycle, Math.min(cycleStarts.get(row.form.cycle) ?? row.start, row.start));
  const planned = startingDose === null ? 0 : [...cycleStarts.values()].reduce((sum, start) => sum + startingDose * Math.min(plannedDays, doseDaysUpToCutoff(doseDays, start, cutoff)), 0);
  let intensity: number | null = null;
  if (first !== undefined) {
    const lastStart = Math.max(...sorted.map((row) => row.start));
    const periodDays = Math.min(lastStart + cycleLengthDays, cutoff + 1) - first.start;
    intensity = periodDays > 0 ? (cumulative / periodDays) * cycleLengthDays : null;
  }
  const plannedIntensity = startingDose === null ? null : startingDose * plannedDays;
  const doses = [...new Set(sorted.map((row) => row.form.doseGivenMg))].sort((a, b) => b - a);
  const reduced = startingDose !== null && sorted.some((row) => row.form.doseGivenMg < startingDose);
  const delayed = sorted.some((row) => row.form.delayed);
  const interrupted = sorted.some((row) => row.form.interrupted);
  emit(drug, 'CYCLES', cycles, null, 'cycles');
  emit(drug, 'STDOSE', startingDose, null, unit);
  emit(drug, 'CUMDOSE', cumulative, null, unit);
  emit(drug, 'PLCUMDOS', planned, null, unit);
  emit(drug, 'DI', intensity, null, `${unit}/${cycleLengthDays} days`);
  emit(drug, 'PDI', plannedIntensity, null, `${unit}/${cycleLengthDays} days`);
  emit(drug, 'RDI', planned > 0 ? (cumulative / planned) * 100 : null, null, '%');
  emit(drug, 'LOWDOSE', doses.length === 0 ? null : Math.min(...doses), null, unit);
  for (const dose of doses) emit(drug, 'DOSEGVN', dose, null, unit);
  emit(drug, 'REDUCFL', null, flag(reduced), null);
  emit(drug, 'DELAYFL', null, flag(delayed), null);
  emit(drug, 'INTRPFL', null, flag(interrupted), null);
  emit(drug, 'ADJFL', null, flag(reduced || interrupted), null);
  emit(drug, 'ANYADJFL', null, flag(reduced || interrupted || delayed), null);
}

/**
 * ADEX: exposure per subject of the safety set, from the dosing log up to the cutoff, one row per drug of
 * the regimen and parameter. A reduction is read from the doses (a dose given below the cycle-1 planned
 * dose), not from the form's tick box; a tick box that disagrees with the doses is reported as a warning.
 */
export function createAdex(trial: TrialData, protocol: ProtocolDefinition, adsl: readonly AdslRow[]): Derivation<AdexRow> {
  const issues: Issue[] = [];
  const cutoff = readDate(trial.dataCutoffDate, ['dataCutoffDate'], issues);
  if (cutoff === null) return finishDerivation([], issues);
  const safety = protocol.analysisPlan.safetyPopulation;
  const bySubject = new Map(adsl.map((row) => [row.SUBJID, row]));
  const drugs = protocol.regimen.drugs;
  const out: AdexRow[] = [];
  trial.subjects.forEach((record, subjectIndex) => {
    const subject = bySubject.get(record.subject.subjectId);
    if (subject === undefined || subject[safety] !== 'Y') return;
    const emit: Emit = (EXTRT, PARAMCD, AVAL, AVALC, AVALU) =>
      out.push({ STUDYID: subject.STUDYID, USUBJID: subject.USUBJID, EXTRT, PARAMCD, PARAM: ADEX_PARAMETERS[PARAMCD], AVAL, AVALC, AVALU });
    const enrolment = dayOf(subject.ENRLDT);
    const received = new Map<string, ReceivedRow[]>(drugs.map((drug) => [drug.id, []]));
    const previousDose = new Map<string, number>();
    const ordered = record.dosing.map((form, index) => ({ form, index })).sort((a, b) => a.form.cycle - b.form.cycle);
    for (const { form, index } of ordered) {
      const path = ['subjects', subjectIndex, 'dosing', index] as const;
      const start = readOnStudyDate(form.startDate, [...path, 'startDate'], enrolment, []);
      if (start === null || start > cutoff || form.doseGivenMg <= 0 || form.daysGiven <= 0) continue;
      const previous = previousDose.get(form.drug);
      if (previous !== undefined && form.reduced !== form.doseGivenMg < previous) {
        issues.push(issue('reduction-flag-mismatch', [...path, 'reduced'], form.reduced, `reduced = ${String(form.doseGivenMg < previous)} (dose ${form.doseGivenMg} mg after ${previous} mg)`, 'warning'));
      }
      previousDose.set(form.drug, form.doseGivenMg);
      received.get(form.drug)?.push({ form, start });
    }
    const first = dayOf(subject.TRTSDT);
    const last = dayOf(subject.TRTEDT);
    emit('ALL', 'CYCLES', new Set([...received.values()].flat().map((row) => row.form.cycle)).size, null, 'cycles');
    emit('ALL', 'TRTDURD', first !== null && last !== null ? last - first + 1 : null, null, 'days');
    for (const drug of drugs) drugRows(drug.id, drug.doseDays, drug.doseUnit, received.get(drug.id) ?? [], cutoff, protocol.regimen.cycleLengthDays, emit);
  });
  return finishDerivation(out, issues);
}

/** The value of one ADEX parameter for a subject and drug (the first row; DOSEGVN has several). */
export function adexValue(rows: readonly AdexRow[], usubjid: string, extrt: string, paramcd: AdexParamcd): AdexRow | undefined {
  return rows.find((row) => row.USUBJID === usubjid && row.EXTRT === extrt && row.PARAMCD === paramcd);
}
