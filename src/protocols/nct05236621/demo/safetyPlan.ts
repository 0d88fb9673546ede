import type { AdverseEventPlan, DosingPlan } from './cohortPlanTypes.js';
import type { SeededRandom } from '../../../demo/index.js';
import { holdsDrug, type RegimenDrug } from './regimenDrugs.js';

/**
 * Dosing modifications and adverse events that realise the paper's dosing paragraph, Table 2, Table 3
 * and the TRAEs of interest exactly. Subject sets are chosen first (who has a related grade >= 3 event,
 * who was reduced, who stopped a drug for an AE, ...) with the set sizes of the paper, then records are
 * written so each set is exactly the subjects whose records qualify.
 *
 * The records also follow the dose-modification ladder as src/clinical/regimen reads it (pomalidomide
 * label: ANC < 0.5 or platelets < 25 x10^9/L, or another related grade 3-4 non-haematological toxicity,
 * interrupts and the drug resumes one level lower; dexamethasone-related grade 3-4 likewise for
 * dexamethasone). Every event that holds a drug is either the driver of one of the subject's reductions
 * (onset inside the cycle before the reduced cycle, recovered by its start: one episode, one level) or
 * comes after the subject's last cycle start (the drug is not given again). So: grade 4 neutropenia or
 * thrombocytopenia only as a reduction driver (grade 3 elsewhere, which needs no action), related grade 3
 * non-haematological TRAEs only in reduced subjects, and each dexamethasone reduction driven by a
 * dexamethasone-related grade 3 hyperglycaemia in a subject whose published counts it cannot change.
 */

export interface SafetyInput {
  /** Start day of every cycle on the subject's schedule (cycle c starts on cycleStartDays[c - 1]). */
  readonly cycleStartDays: readonly number[];
  readonly lastDoseDay: number;
  /** Cycle number whose start was delayed (pomalidomide and dexamethasone), 0 = none. */
  readonly delayedCycle: number;
  readonly discontinued: boolean;
  readonly discontinuedForAdverseEvent: boolean;
  readonly treatmentEmergentDeath: 'cardiac' | 'organ-failure' | 'progression' | null;
  readonly deathDay: number | null;
  readonly age: number;
  readonly noPostBaseline: boolean;
}

export interface SafetyPlan {
  readonly dosing: DosingPlan;
  readonly adverseEvents: AdverseEventPlan[];
}

/** Table 3: preferred term, subjects with the TRAE at any grade, at grade >= 3. */
export const TABLE3_TRAES: readonly (readonly [string, number, number])[] = [
  ['neutrophil count decreased', 59, 44],
  ['white blood cell count decreased', 56, 27],
  ['platelet count decreased', 43, 16],
  ['anemia', 29, 17],
  ['lymphocyte count decreased', 29, 12],
  ['pneumonia', 10, 9],
  ['fatigue', 10, 2],
  ['pruritus', 10, 0],
  ['astriction', 9, 0],
  ['hyperuricemia', 8, 0],
  ['hypokalemia', 8, 1],
  ['pneumonitis', 6, 3],
  ['hypoproteinemia', 5, 1],
  ['upper respiratory tract infection', 5, 0],
  ['fever', 5, 0],
  ['blood bilirubin increased', 5, 0],
];

/** TRAEs of interest (Results: safety), all grade 1-2 here. */
export const TRAES_OF_INTEREST: readonly (readonly [string, number])[] = [
  ['peripheral neuropathy', 3],
  ['venous thrombosis limb', 2],
  ['thrombosis', 2],
  ['deep vein thrombosis', 1],
  ['pulmonary embolism', 1],
];

const HEMATOLOGIC = new Set(['neutrophil count decreased', 'white blood cell count decreased', 'platelet count decreased', 'anemia', 'lymphocyte count decreased']);
const UNRELATED_TERMS = ['hypertension', 'insomnia', 'back pain', 'cough', 'diarrhoea', 'hyperglycaemia', 'herpes zoster'];

interface MutableEvent {
  term: string;
  relatedToDexamethasone?: boolean;
  actionDexamethasone?: 'dose-reduced';
  worstGrade: 1 | 2 | 3 | 4 | 5;
  relatedToPomalidomide: boolean;
  serious: boolean;
  onsetDay: number;
  action: 'none' | 'dose-reduced' | 'interrupted' | 'withdrawn';
  ledToStudyDiscontinuation: boolean;
  fatal: boolean;
}

export function safetyPlan(random: SeededRandom, subjects: readonly SafetyInput[], scale = 1): SafetyPlan[] {
  const n = subjects.length;
  const c = (count: number): number => Math.round(count * scale);
  const all = Array.from({ length: n }, (_, i) => i);
  const cyclesStarted = subjects.map((s) => s.cycleStartDays.filter((d) => d <= s.lastDoseDay).length);
  const take = (pool: readonly number[], count: number, exclude: ReadonlySet<number> = new Set()): number[] =>
    random.shuffle(pool.filter((i) => !exclude.has(i))).slice(0, count);

  // --- Dosing (Results: "Dosage and modification"). ---
  const delayed = all.filter((i) => subjects[i].delayedCycle > 0);
  const delayedSet = new Set(delayed);
  const multiCycle = all.filter((i) => cyclesStarted[i] >= 2);
  const reduced = [...take(multiCycle.filter((i) => delayedSet.has(i)), c(6)), ...take(multiCycle.filter((i) => !delayedSet.has(i)), c(18))];
  const reducedSet = new Set(reduced);
  const interruptedOnly = [
    ...take(delayed, c(4), reducedSet),
    ...take(all.filter((i) => !delayedSet.has(i) && !subjects[i].noPostBaseline), c(6), reducedSet),
  ];
  const pomAdjusted = new Set([...reduced, ...interruptedOnly, ...delayed]);
  const toTwo = new Set(take(reduced.filter((i) => cyclesStarted[i] >= 3), c(4)));
  const toOne = new Set(take([...toTwo].filter((i) => cyclesStarted[i] >= 4), c(1)));
  const reductionCycle = new Map<number, number[]>();
  for (const i of reduced) {
    const last = cyclesStarted[i];
    const steps = 1 + (toTwo.has(i) ? 1 : 0) + (toOne.has(i) ? 1 : 0);
    const first = random.int(2, Math.max(2, last - steps + 1));
    reductionCycle.set(i, Array.from({ length: steps }, (_, k) => first + k));
  }
  const interruptCycle = new Map(interruptedOnly.map((i) => [i, random.int(1, Math.max(1, cyclesStarted[i]))] as const));
  // Dexamethasone: delayed 20 = the 18 delayed cycle starts + 2 postponed weekly doses; adjusted 22 (11
  // reduced 40 -> 20 mg, 11 with skipped doses), 8 of them among the delayed, so 34 with any adjustment.
  const dexDelayedOnly = take(multiCycle, c(2), delayedSet);
  const dexDelayed = [...delayed, ...dexDelayedOnly];
  const dexDelayedSet = new Set(dexDelayed);
  // A dexamethasone reduction needs a dexamethasone-related grade 3 AE (the ladder); in a subject already
  // reduced on pomalidomide it changes no published count (already grade >= 3 and dose-adjusted), so the
  // adjusted subjects are drawn from them first and the reduced ones among them.
  const reducedFirst = (pool: readonly number[], count: number): number[] => {
    const shuffled = random.shuffle(pool);
    return [...shuffled.filter((i) => reducedSet.has(i)), ...shuffled.filter((i) => !reducedSet.has(i))].slice(0, count);
  };
  const dexAdjusted = [
    ...reducedFirst(dexDelayed.filter((i) => cyclesStarted[i] >= 2 && subjects[i].age <= 75), c(8)),
    ...reducedFirst(multiCycle.filter((i) => !dexDelayedSet.has(i) && subjects[i].age <= 75), c(14)),
  ];
  const dexReduced = new Set(reducedFirst(dexAdjusted, c(11)));

  // --- Adverse-event subject sets (Table 2). ---
  const teDeaths = all.filter((i) => subjects[i].treatmentEmergentDeath !== null);
  const aeStoppers = all.filter((i) => subjects[i].discontinuedForAdverseEvent);
  const noAe = take(all.filter((i) => subjects[i].noPostBaseline && !pomAdjusted.has(i)), Math.max(0, c(1)));
  const fixedRelated = new Set([...pomAdjusted, ...aeStoppers, ...teDeaths, ...noAe]);
  const unrelatedOnly = take(all, c(3), fixedRelated);
  const notRelated = new Set([...noAe, ...unrelatedOnly]);
  const related = all.filter((i) => !notRelated.has(i));
  const mustBeGrade3 = new Set([...reduced, ...aeStoppers, ...teDeaths]);
  const related3 = new Set([...mustBeGrade3, ...take(related, Math.max(0, c(62) - mustBeGrade3.size), mustBeGrade3)]);

  const events: MutableEvent[][] = all.map(() => []);
  const onset = (i: number, hematologic: boolean): number => {
    const last = Math.max(1, subjects[i].lastDoseDay);
    return hematologic ? random.int(Math.min(8, last), Math.min(last, 84)) : random.int(1, last);
  };
  const add = (i: number, e: Partial<MutableEvent> & { term: string; worstGrade: MutableEvent['worstGrade'] }): MutableEvent => {
    const record: MutableEvent = {
      relatedToPomalidomide: true,
      serious: false,
      onsetDay: onset(i, HEMATOLOGIC.has(e.term)),
      action: 'none',
      ledToStudyDiscontinuation: false,
      fatal: false,
      ...e,
    };
    events[i].push(record);
    return record;
  };

  // Grade >= 3 TRAEs cover related3 exactly: uncovered members first, the largest terms first.
  const covered3 = new Set<number>();
  const highTerms = TABLE3_TRAES.filter(([, , g3]) => g3 > 0).slice().sort((a, b) => b[2] - a[2]);
  const holders = new Map<string, Set<number>>();
  for (const [term, , g3] of highTerms) {
    // A related grade 3 non-haematological TRAE interrupts pomalidomide (label), so only subjects whose
    // dosing has a reduction carry one; reduced subjects get a neutropenia first (a possible driver).
    const pool = HEMATOLOGIC.has(term) ? [...related3] : [...related3].filter((i) => reducedSet.has(i));
    const first = term === 'neutrophil count decreased' ? (i: number): boolean => reducedSet.has(i) : (): boolean => false;
    const uncovered = random.shuffle(pool.filter((i) => !covered3.has(i)));
    const rest = random.shuffle(pool.filter((i) => covered3.has(i)));
    const chosen = [...uncovered.filter(first), ...uncovered.filter((i) => !first(i)), ...rest].slice(0, c(g3));
    holders.set(term, new Set(chosen));
    for (const i of chosen) {
      covered3.add(i);
      const grade = HEMATOLOGIC.has(term) && term !== 'anemia' && random.chance(0.35) ? 4 : 3;
      add(i, { term, worstGrade: grade });
    }
  }
  // Grade 1-2 TRAEs: subjects without any related event first.
  const coveredAny = new Set(covered3);
  const lowPool = [...TABLE3_TRAES.map(([term, any, g3]) => [term, any - g3] as const), ...TRAES_OF_INTEREST];
  for (const [term, count] of lowPool) {
    const has = holders.get(term) ?? new Set<number>();
    const uncovered = random.shuffle(related.filter((i) => !coveredAny.has(i) && !has.has(i)));
    const rest = random.shuffle(related.filter((i) => coveredAny.has(i) && !has.has(i)));
    const chosen = [...uncovered, ...rest].slice(0, c(count));
    holders.set(term, new Set([...has, ...chosen]));
    for (const i of chosen) {
      coveredAny.add(i);
      add(i, { term, worstGrade: random.chance(0.55) ? 1 : 2 });
    }
  }

  // Unrelated grade >= 3 only (8): 2 unrelated-only subjects and 6 related subjects without a related
  // grade >= 3 event; 7 of the 8 are serious; 5 are pneumonia (abstract: 15 pneumonia TEAEs = 10 TRAEs + 5)
  // and 1 a neutrophil count decrease (abstract: 45 grade >= 3 = 44 TRAEs + 1).
  const pneumoniaHolders = holders.get('pneumonia') ?? new Set<number>();
  const neutrophilHolders = holders.get('neutrophil count decreased') ?? new Set<number>();
  const lowRelated = related.filter((i) => !related3.has(i) && !pneumoniaHolders.has(i));
  const group8 = [...unrelatedOnly.slice(0, c(2)), ...take(lowRelated, c(6))];
  const neutroCandidates = new Set(take(group8.filter((i) => !neutrophilHolders.has(i)), c(1)));
  let pneumoniaLeft = c(5);
  group8.forEach((i, k) => {
    const term = neutroCandidates.has(i) ? 'neutrophil count decreased' : pneumoniaLeft-- > 0 ? 'pneumonia' : random.pick(UNRELATED_TERMS);
    add(i, { term, worstGrade: 3, relatedToPomalidomide: false, serious: k < c(7) });
  });
  for (const i of unrelatedOnly.slice(c(2))) add(i, { term: 'insomnia', worstGrade: 1, relatedToPomalidomide: false });

  // Treatment-emergent deaths (4, none related).
  for (const i of teDeaths) {
    const cause = subjects[i].treatmentEmergentDeath;
    const day = subjects[i].deathDay ?? subjects[i].lastDoseDay;
    if (cause === 'cardiac') {
      add(i, { term: 'acute myocardial ischaemia', worstGrade: 4, relatedToPomalidomide: false, serious: true, onsetDay: Math.max(1, day - 3) });
      add(i, { term: 'cardiac failure', worstGrade: 5, relatedToPomalidomide: false, serious: true, onsetDay: day, fatal: true });
    } else if (cause === 'organ-failure') {
      add(i, { term: 'multiple organ dysfunction syndrome', worstGrade: 5, relatedToPomalidomide: false, serious: true, onsetDay: day, fatal: true });
    } else {
      add(i, { term: 'disease progression', worstGrade: 5, relatedToPomalidomide: false, serious: true, onsetDay: day, fatal: true });
    }
  }

  // Related serious (30): one related grade >= 3 event each, pneumonia first.
  const seriousPool = [...related3].filter((i) => !teDeaths.includes(i));
  const withPneumonia = random.shuffle(seriousPool.filter((i) => events[i].some((e) => e.term === 'pneumonia' && e.relatedToPomalidomide && e.worstGrade >= 3)));
  const seriousRelated = [...withPneumonia, ...random.shuffle(seriousPool.filter((i) => !withPneumonia.includes(i)))].slice(0, c(30));
  for (const i of seriousRelated) {
    const record = events[i].find((e) => e.relatedToPomalidomide && e.worstGrade >= 3 && e.term === 'pneumonia') ?? events[i].find((e) => e.relatedToPomalidomide && e.worstGrade >= 3);
    if (record !== undefined) record.serious = true;
  }

  // Actions on pomalidomide.
  const freeRelated = (i: number, minGrade = 1): MutableEvent | undefined =>
    events[i].find((e) => e.relatedToPomalidomide && e.action === 'none' && e.worstGrade >= minGrade && !e.fatal);
  const cloneLike = (i: number, minGrade = 1): MutableEvent => {
    const base = events[i].find((e) => e.relatedToPomalidomide && e.worstGrade >= minGrade) ?? events[i].find((e) => e.relatedToPomalidomide);
    if (base === undefined) return add(i, { term: 'fatigue', worstGrade: 1 });
    return add(i, { term: base.term, worstGrade: base.worstGrade, relatedToPomalidomide: true });
  };
  const cycleStart = (i: number, cycle: number): number => subjects[i].cycleStartDays[Math.max(0, cycle - 1)];
  for (const i of reduced) {
    const record = freeRelated(i, 3) ?? cloneLike(i, 3);
    record.action = 'dose-reduced';
    const cycle = (reductionCycle.get(i) as number[])[0];
    record.onsetDay = Math.max(2, cycleStart(i, cycle) - random.int(4, 14));
  }
  const unrelatedDriven = new Set(take([...interruptedOnly, ...delayed].filter((i) => !reducedSet.has(i) && !aeStoppers.includes(i)), c(2)));
  for (const i of [...interruptedOnly, ...delayed.filter((d) => !reducedSet.has(d) && !interruptedOnly.includes(d))]) {
    const cycle = interruptCycle.get(i) ?? subjects[i].delayedCycle - 1;
    const day = Math.max(2, cycleStart(i, Math.max(1, cycle)) + random.int(5, 18));
    if (unrelatedDriven.has(i)) {
      add(i, { term: 'herpes zoster', worstGrade: 2, relatedToPomalidomide: false, action: 'interrupted', onsetDay: day });
    } else {
      const record = freeRelated(i) ?? cloneLike(i);
      record.action = 'interrupted';
      record.onsetDay = Math.min(day, Math.max(1, subjects[i].lastDoseDay));
    }
  }
  for (const i of aeStoppers) {
    const record = freeRelated(i, 3) ?? cloneLike(i, 3);
    record.action = 'withdrawn';
    record.ledToStudyDiscontinuation = true;
    record.onsetDay = Math.max(1, subjects[i].lastDoseDay - random.int(0, 3));
  }
  // Study drug stopped for an AE without leaving the study (23: 21 related, 2 unrelated), among subjects
  // whose treatment ended for another reason (the AE is recorded with the drug withdrawn at the end).
  const withdrawPool = random.shuffle(all.filter((i) => subjects[i].discontinued && !subjects[i].discontinuedForAdverseEvent && subjects[i].treatmentEmergentDeath === null));
  let relatedLeft = c(21);
  let unrelatedLeft = c(2);
  for (const i of withdrawPool) {
    if (relatedLeft > 0) {
      const record = freeRelated(i);
      if (record === undefined) continue;
      record.action = 'withdrawn';
      record.onsetDay = Math.max(1, subjects[i].lastDoseDay - random.int(0, 5));
      relatedLeft -= 1;
    } else if (unrelatedLeft > 0 && !events[i].some((e) => e.action === 'withdrawn')) {
      add(i, { term: random.pick(UNRELATED_TERMS.slice(0, 5)), worstGrade: 2, relatedToPomalidomide: false, action: 'withdrawn', onsetDay: Math.max(1, subjects[i].lastDoseDay - random.int(0, 5)) });
      unrelatedLeft -= 1;
    }
    if (relatedLeft === 0 && unrelatedLeft === 0) break;
  }

  // --- The dose-modification ladder (see the header). ---
  const dexCycles = new Map(dexAdjusted.map((i) => [i, random.int(2, Math.max(2, cyclesStarted[i]))] as const));
  const holds = (e: MutableEvent, drug: RegimenDrug): boolean =>
    holdsDrug({ type: 'toxicity', date: '', term: e.term, grade: e.worstGrade, relatedTo: [...(e.relatedToPomalidomide ? ['pomalidomide'] : []), ...(e.relatedToDexamethasone === true ? ['dexamethasone'] : [])] }, drug);
  const countTerm = (e: MutableEvent): boolean => e.term === 'neutrophil count decreased' || e.term === 'platelet count decreased';
  /** A day strictly inside the cycle before `cycle` (after its start row), `before` days before `cycle` starts at most. */
  const inCycleBefore = (i: number, cycle: number, before: number): number => Math.max(cycleStart(i, cycle - 1) + 1, cycleStart(i, cycle) - before);
  for (const i of all) {
    const lastRowStart = Math.max(...subjects[i].cycleStartDays.filter((d, k) => k === 0 || d <= subjects[i].lastDoseDay));
    // Pomalidomide: one driver per reduction step, in the cycle before it.
    const stepCycles = reductionCycle.get(i) ?? [];
    const drivers: MutableEvent[] = [];
    if (stepCycles.length > 0) {
      const reducing = events[i].find((e) => e.action === 'dose-reduced') as MutableEvent;
      let driver = reducing;
      if (!holds(driver, 'pomalidomide') && countTerm(driver)) driver.worstGrade = 4;
      if (!holds(driver, 'pomalidomide')) {
        // The reducing record cannot hold pomalidomide (e.g. a lymphopenia): a related grade 3 neutropenia or
        // non-haematological TRAE of the subject drives it instead.
        const other = events[i].find((e) => e !== reducing && e.relatedToPomalidomide && e.worstGrade >= 3 && e.worstGrade <= 4 && (countTerm(e) || holds(e, 'pomalidomide')) && e.action === 'none');
        if (other !== undefined) {
          reducing.action = 'none';
          other.action = 'dose-reduced';
          if (countTerm(other)) other.worstGrade = 4;
          driver = other;
        }
      }
      driver.onsetDay = inCycleBefore(i, stepCycles[0], random.int(4, 14));
      drivers.push(driver);
      for (const cycle of stepCycles.slice(1)) {
        const again = add(i, { term: driver.term, worstGrade: driver.worstGrade, relatedToPomalidomide: driver.relatedToPomalidomide, action: 'dose-reduced' });
        again.onsetDay = inCycleBefore(i, cycle, random.int(4, 14));
        drivers.push(again);
      }
    }
    // Dexamethasone: a related grade 3 hyperglycaemia in the cycle before the reduction.
    if (dexReduced.has(i)) {
      const dexCycle = dexCycles.get(i) as number;
      const driver = add(i, { term: 'hyperglycaemia', worstGrade: 3, relatedToPomalidomide: false, relatedToDexamethasone: true, actionDexamethasone: 'dose-reduced' });
      driver.onsetDay = inCycleBefore(i, dexCycle, random.int(3, 10));
      drivers.push(driver);
    }
    // Every other event that would hold a drug: a count term drops to grade 3 (no action by the label); the
    // rest joins the first pomalidomide episode, or comes after the last cycle start.
    for (const e of events[i]) {
      if (drivers.includes(e) || e.fatal) continue;
      if (!holds(e, 'pomalidomide') && !holds(e, 'dexamethasone')) continue;
      if (countTerm(e) && e.worstGrade === 4) {
        e.worstGrade = 3;
        continue;
      }
      const first = drivers.find((d) => d.action === 'dose-reduced');
      if (first !== undefined && e.action !== 'withdrawn') {
        // Same day as the driver: one episode (a later onset could follow the driver's recovery).
        e.onsetDay = first.onsetDay;
      } else {
        const last = subjects[i].lastDoseDay;
        e.onsetDay = Math.max(e.onsetDay, last > lastRowStart ? last : last + 1);
      }
    }
  }

  return all.map((i): SafetyPlan => {
    const s = subjects[i];
    const dexStart: 40 | 20 = s.age > 75 ? 20 : 40;
    const steps = (reductionCycle.get(i) ?? []).map((cycle, k) => ({ fromCycle: cycle, doseMg: (3 - k) as 3 | 2 | 1 }));
    const dexCycle = dexCycles.get(i) ?? 0;
    return {
      dosing: Object.freeze({
        pomalidomideSteps: Object.freeze(steps.map((step) => Object.freeze(step))),
        pomalidomideDelayedCycles: Object.freeze(s.delayedCycle > 0 ? [s.delayedCycle] : []),
        pomalidomideInterruptedCycles: Object.freeze(interruptCycle.has(i) ? [interruptCycle.get(i) as number] : []),
        dexamethasoneStartMg: dexStart,
        dexamethasoneSteps: Object.freeze(dexReduced.has(i) ? [Object.freeze({ fromCycle: dexCycle, doseMg: 20 })] : []),
        dexamethasoneSkippedDoseCycles: Object.freeze(dexAdjusted.includes(i) && !dexReduced.has(i) ? [dexCycle] : []),
        dexamethasoneDelayedCycles: Object.freeze(
          s.delayedCycle > 0 ? [s.delayedCycle] : dexDelayedOnly.includes(i) ? [random.int(1, Math.max(1, cyclesStarted[i]))] : [],
        ),
      }),
      // Onsets stay in the treatment-emergent window (day 1 to 28 days after the last dose).
      adverseEvents: events[i]
        .map((e) => ({ ...e, onsetDay: Math.min(Math.max(1, e.onsetDay), s.lastDoseDay + 28) }))
        .sort((a, b) => a.onsetDay - b.onsetDay),
    };
  });
}
