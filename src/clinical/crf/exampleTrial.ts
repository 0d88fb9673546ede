import { formatIsoDate, parseIsoDate } from '../dates/index.js';
import type { DataSource } from './codelists.js';
import type { DiseaseAssessmentForm, DosingForm, SubjectRecord } from './forms.js';
import type { TrialData } from './trialData.js';

/**
 * Test-fixture builders: a minimal valid trial that each test bends to the case it checks. Defaults are a
 * plausible enrolled subject (61-year-old man, IgG kappa, two prior lines, stable disease, three cycles);
 * every form can be replaced through `overrides`.
 */

/** 'YYYY-MM-DD' plus `days` (may be negative). Throws on a bad date: fixtures are written by hand. */
export function addDays(date: string, days: number): string {
  const day = parseIsoDate(date);
  if (day === null) throw new Error(`fixture date ${date} is not YYYY-MM-DD`);
  return formatIsoDate(day + days);
}

/** Date of day `day` of cycle `cycle` (28-day cycles, cycle 1 day 1 = `firstDose`). */
export function cycleDay(firstDose: string, cycle: number, day = 1): string {
  return addDays(firstDose, (cycle - 1) * 28 + (day - 1));
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

/** A dosing log for `cycles` 28-day cycles starting on `firstDose`: pomalidomide days 1-21, dexamethasone days 1, 8, 15, 22. */
export function exampleDosing(firstDose: string, cycles: number, options: ExampleDosingOptions = {}): DosingForm[] {
  const rows: DosingForm[] = [];
  let previousPom = 4;
  let previousDex = 40;
  for (let cycle = 1; cycle <= cycles; cycle++) {
    const pom = options.pomalidomideMg?.[cycle - 1] ?? 4;
    const dex = options.dexamethasoneMg?.[cycle - 1] ?? 40;
    const start = cycleDay(firstDose, cycle);
    const delayed = options.delayedCycles?.includes(cycle) ?? false;
    const interrupted = options.interruptedCycles?.includes(cycle) ?? false;
    rows.push({
      cycle,
      drug: 'pomalidomide',
      startDate: start,
      endDate: cycleDay(firstDose, cycle, 21),
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
      endDate: cycleDay(firstDose, cycle, 22),
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
export function exampleAssessments(
  firstDose: string,
  serumMProteinGPerL: readonly (number | null)[],
  source: DataSource = 'central',
): DiseaseAssessmentForm[] {
  return serumMProteinGPerL.map((value, index) => ({
    date: cycleDay(firstDose, index + 1),
    visit: `C${index + 1}D1`,
    source,
    ...(value === null ? {} : { serumMProteinGPerL: value, serumImmunofixation: 'positive' as const }),
  }));
}

export interface ExampleSubjectOptions {
  readonly siteId?: string;
  readonly enrolmentDate?: string;
  readonly birthDate?: string;
  readonly cycles?: number;
  /** Central and local serum M-protein per cycle-day-1 visit (default 30 g/L throughout: stable disease). */
  readonly serumMProteinGPerL?: readonly (number | null)[];
  readonly overrides?: Partial<SubjectRecord>;
}

/** One enrolled subject '<site>-<sequence>' whose first dose is on the enrolment date. */
export function exampleSubject(sequence: number, options: ExampleSubjectOptions = {}): SubjectRecord {
  const siteId = options.siteId ?? '01';
  const enrolment = options.enrolmentDate ?? '2021-06-01';
  const cycles = options.cycles ?? 3;
  const mProtein = options.serumMProteinGPerL ?? [30, 30, 30, 30];
  const subjectId = `${siteId}-${String(sequence).padStart(3, '0')}`;
  const base: SubjectRecord = {
    subject: {
      subjectId,
      siteId,
      screeningNumber: `S${siteId}${String(sequence).padStart(3, '0')}`,
      consentDate: addDays(enrolment, -7),
      enrolmentDate: enrolment,
      screenFailure: false,
    },
    demographics: { birthDate: options.birthDate ?? '1960-01-15', sex: 'M', weightKg: 70, heightCm: 170, ecog: 1 },
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
    baselineDisease: {
      sampleDate: addDays(enrolment, -5),
      beta2MicroglobulinMgPerL: 3.0,
      albuminGPerL: 38,
      ldhUPerL: 200,
      ldhUlnUPerL: 250,
      fish: { del17p: 'negative', t4_14: 'negative', t14_16: 'negative', gain1q21: 'positive', del13q: 'negative' },
    },
    labs: [
      { date: enrolment, visit: 'C1D1', analyte: 'neutrophils', value: 2.5, unit: '10^9/L', lln: 2.0, uln: 7.5, source: 'local' },
    ],
    diseaseAssessments: [...exampleAssessments(enrolment, mProtein, 'central'), ...exampleAssessments(enrolment, mProtein, 'local')],
    boneMarrow: [],
    dosing: exampleDosing(enrolment, cycles),
    adverseEvents: [],
    responseCalls: [],
    newTherapies: [],
    disposition: {},
    survivalContacts: [],
  };
  return { ...base, ...options.overrides };
}

/** A trial holding `subjects`, with one site per distinct site id, cut off on `dataCutoffDate`. */
export function exampleTrial(subjects: readonly SubjectRecord[], dataCutoffDate = '2022-12-01'): TrialData {
  const siteIds = [...new Set(subjects.map((record) => record.subject.siteId))];
  return {
    protocolId: 'POM-RRMM-001',
    dataCutoffDate,
    sites: siteIds.map((siteId) => ({ siteId, name: `Site ${siteId}` })),
    subjects: [...subjects],
  };
}
