import { addDays, cycleDay, exampleSubject, exampleTrial } from '../../../clinical/index.js';
import type { AdverseEventForm, DataSource, DosingForm, FormRow, SubjectRecord, TrialData } from '../../../clinical/index.js';
import { NCT05236621_PROTOCOL } from '../protocol.js';

/**
 * Test fixtures of NCT05236621: a plausible enrolled subject (61-year-old man, IgG kappa, two prior lines,
 * stable disease, three 28-day cycles of pomalidomide 4 mg days 1-21 and dexamethasone 40 mg days 1, 8, 15,
 * 22) that each test bends to its case through `overrides`. Not used by the product.
 */

const CYCLE = 28;

/** Date of day `day` of 28-day cycle `cycle` (cycle 1 day 1 = `firstDose`). */
export function nctCycleDay(firstDose: string, cycle: number, day = 1): string {
  return cycleDay(firstDose, cycle, day, CYCLE);
}

export interface ExampleDosingOptions {
  /** Pomalidomide mg/day per cycle (default 4 mg in every cycle). */
  readonly pomalidomideMg?: readonly number[];
  /** Dexamethasone mg per weekly dose per cycle (default 40 mg). */
  readonly dexamethasoneMg?: readonly number[];
  /** Cycles (1-based) flagged as delayed / interrupted on the pomalidomide log. */
  readonly delayedCycles?: readonly number[];
  readonly interruptedCycles?: readonly number[];
}

/** A dosing log for `cycles` cycles starting on `firstDose`: pomalidomide days 1-21, dexamethasone days 1, 8, 15, 22. */
export function exampleDosing(firstDose: string, cycles: number, options: ExampleDosingOptions = {}): DosingForm[] {
  const rows: DosingForm[] = [];
  let previousPom = 4;
  let previousDex = 40;
  for (let cycle = 1; cycle <= cycles; cycle++) {
    const pom = options.pomalidomideMg?.[cycle - 1] ?? 4;
    const dex = options.dexamethasoneMg?.[cycle - 1] ?? 40;
    const start = nctCycleDay(firstDose, cycle);
    const delayed = options.delayedCycles?.includes(cycle) ?? false;
    const interrupted = options.interruptedCycles?.includes(cycle) ?? false;
    rows.push({
      cycle,
      drug: 'pomalidomide',
      startDate: start,
      endDate: nctCycleDay(firstDose, cycle, 21),
      plannedDoseMg: pom,
      plannedDays: 21,
      doseGivenMg: pom,
      daysGiven: interrupted ? 14 : 21,
      delayed,
      interrupted,
      reduced: pom < previousPom,
      ...(pom < previousPom || delayed || interrupted ? { modificationReason: 'adverse-event' as const } : {}),
    });
    rows.push({
      cycle,
      drug: 'dexamethasone',
      startDate: start,
      endDate: nctCycleDay(firstDose, cycle, 22),
      plannedDoseMg: dex,
      plannedDays: 4,
      doseGivenMg: dex,
      daysGiven: 4,
      delayed: false,
      interrupted: false,
      reduced: dex < previousDex,
    });
    previousPom = pom;
    previousDex = dex;
  }
  return rows;
}

/**
 * Disease assessments on day 1 of cycles 1, 2, 3, ...: `serumMProteinGPerL[0]` is the cycle 1 day 1
 * (baseline) value. `null` leaves that visit unmeasured (a not-evaluable assessment).
 */
export function exampleAssessments(firstDose: string, serumMProteinGPerL: readonly (number | null)[], source: DataSource = 'central'): FormRow[] {
  return serumMProteinGPerL.map((value, index) => ({
    date: nctCycleDay(firstDose, index + 1),
    visit: `C${index + 1}D1`,
    source,
    ...(value === null ? {} : { serumMProteinGPerL: value, serumImmunofixation: 'positive' }),
  }));
}

let aeSequence = 0;

/** An adverse event (grade 2 neutropenia, probably related to pomalidomide) with `overrides`. */
export function exampleAdverseEvent(onsetDate: string, overrides: Partial<AdverseEventForm> = {}): AdverseEventForm {
  aeSequence += 1;
  return {
    sequence: aeSequence,
    reportedTerm: 'low neutrophils',
    preferredTerm: 'Neutrophil count decreased',
    onsetDate,
    grade: 2,
    serious: false,
    relatedness: { pomalidomide: 'probable', dexamethasone: 'not-related' },
    actionTaken: { pomalidomide: 'none', dexamethasone: 'none' },
    ledToStudyDiscontinuation: false,
    outcome: 'recovered',
    ...overrides,
  };
}

export interface NctSubjectOptions {
  readonly siteId?: string;
  readonly enrolmentDate?: string;
  readonly birthDate?: string;
  readonly cycles?: number;
  /** Central and local serum M-protein per cycle-day-1 visit (default 30 g/L throughout: stable disease). */
  readonly serumMProteinGPerL?: readonly (number | null)[];
  readonly overrides?: Partial<SubjectRecord>;
  /** Disease forms replacing the defaults, by form id. */
  readonly diseaseForms?: Readonly<Record<string, readonly FormRow[]>>;
}

/** One enrolled NCT05236621 subject '<site>-<sequence>' whose first dose is on the enrolment date. */
export function nctSubject(sequence: number, options: NctSubjectOptions = {}): SubjectRecord {
  const enrolment = options.enrolmentDate ?? '2021-06-01';
  const mProtein = options.serumMProteinGPerL ?? [30, 30, 30, 30];
  const base = exampleSubject(sequence, { ...(options.siteId === undefined ? {} : { siteId: options.siteId }), enrolmentDate: enrolment, ...(options.birthDate === undefined ? {} : { birthDate: options.birthDate }) });
  const record: SubjectRecord = {
    ...base,
    diagnosis: { diagnosisDate: addDays(enrolment, -1096), subtype: 'IgG', lightChainType: 'kappa' },
    priorTherapies: [
      {
        lineNumber: 1,
        agents: ['bortezomib', 'lenalidomide', 'dexamethasone'],
        cycles: 8,
        startDate: addDays(enrolment, -1050),
        endDate: addDays(enrolment, -800),
        asct: false,
        bestResponse: 'VGPR',
        refractory: false,
        progressionDate: addDays(enrolment, -600),
      },
      {
        lineNumber: 2,
        agents: ['lenalidomide', 'dexamethasone', 'cyclophosphamide'],
        cycles: 6,
        startDate: addDays(enrolment, -580),
        endDate: addDays(enrolment, -40),
        asct: false,
        bestResponse: 'PR',
        refractory: true,
        progressionDate: addDays(enrolment, -40),
      },
    ],
    labs: [{ date: enrolment, visit: 'C1D1', analyte: 'neutrophils', value: 2.5, unit: '10^9/L', lln: 2.0, uln: 7.5, source: 'local' }],
    dosing: exampleDosing(enrolment, options.cycles ?? 3),
    diseaseForms: {
      baselineDisease: [
        {
          sampleDate: addDays(enrolment, -5),
          beta2MicroglobulinMgPerL: 3.0,
          albuminGPerL: 38,
          ldhUPerL: 200,
          ldhUlnUPerL: 250,
          fish: { del17p: 'negative', t4_14: 'negative', t14_16: 'negative', gain1q21: 'positive', del13q: 'negative' },
        },
      ],
      diseaseAssessment: [...exampleAssessments(enrolment, mProtein, 'central'), ...exampleAssessments(enrolment, mProtein, 'local')],
      boneMarrow: [],
      protocolDeviation: [],
      ...options.diseaseForms,
    },
  };
  return { ...record, ...options.overrides };
}

/** A trial of NCT05236621 holding `subjects`, cut off on `dataCutoffDate`. */
export function nctTrial(subjects: readonly SubjectRecord[], dataCutoffDate = '2022-12-01'): TrialData {
  return exampleTrial(subjects, { id: NCT05236621_PROTOCOL.identity.registryId, version: NCT05236621_PROTOCOL.version }, dataCutoffDate);
}
