import type { PriorTherapyForm, PriorTherapyLine } from '../../../clinical/index.js';
import type { PriorTherapyPlan } from './cohortPlanTypes.js';
import type { SeededRandom } from '../../../demo/index.js';
import { dayNumberOf, shiftDate } from '../../../demo/index.js';

export interface RenderedPriorTherapy {
  readonly forms: PriorTherapyForm[];
  readonly screening: PriorTherapyLine[];
}

const DAYS_PER_MONTH = 365.25 / 12;

/** Diagnosis date for a planned time since diagnosis (months) before the enrolment date. */
export function diagnosisDateOf(enrolmentDate: string, monthsSinceDiagnosis: number): string {
  return shiftDate(enrolmentDate, -Math.round(monthsSinceDiagnosis * DAYS_PER_MONTH));
}

/**
 * SYNTHETIC prior lines between the diagnosis and the screening visit. Line 1 is the induction with
 * bortezomib and lenalidomide (plus dexamethasone when planned, melphalan and ASCT when planned) given
 * for at least two cycles, which is what the eligibility criterion asks; the other planned agents are
 * spread over the later lines, an anti-CD38 antibody in the most recent one. The last line ends
 * `progressionDaysAfterLastLine` days before the documented progression (<= 0: progression on it), a few
 * days before screening.
 */
export function renderPriorTherapy(
  prior: PriorTherapyPlan,
  diagnosisDate: string,
  screeningDate: string,
  random: SeededRandom,
  lenalidomideCyclesOverride: number | null = null,
  progressionAfterEndOverride: number | null = null,
): RenderedPriorTherapy {
  const lines = Math.max(1, prior.lines);
  const gapDays = progressionAfterEndOverride ?? prior.progressionDaysAfterLastLine;
  const progressionOffset = -random.int(3, 20) - Math.max(0, -gapDays);
  const lastProgression = shiftDate(screeningDate, progressionOffset);
  const lastEndOffset = progressionOffset - gapDays;
  const diagnosisOffset = dayOffset(screeningDate, diagnosisDate);
  const firstStart = diagnosisOffset + 14;
  const weights = Array.from({ length: lines }, (_, k) => (k === 0 ? 2 : 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const lastStartFor = (span: number): number => firstStart + weights.slice(0, -1).reduce((sum, weight) => sum + Math.round((span * weight) / total), 0);
  let span = Math.max(lines, lastEndOffset - firstStart);
  // The last line must start before it ends and before the progression on it (a short history with a
  // long progression on the last line): then the lines share the time up to the day before that instead.
  const latestLastStart = Math.min(lastEndOffset, progressionOffset) - 1;
  if (lastStartFor(span) > latestLastStart) span = Math.max(lines, latestLastStart - firstStart);

  const regimens: string[][] = Array.from({ length: lines }, () => []);
  regimens[0].push('bortezomib');
  if (lenalidomideCyclesOverride === null) regimens[0].push('lenalidomide');
  if (prior.agents.includes('dexamethasone')) regimens[0].push('dexamethasone');
  if (prior.asct) regimens[0].push('melphalan');
  const rest = prior.agents.filter((agent) => !['bortezomib', 'lenalidomide', 'dexamethasone', 'melphalan'].includes(agent) && agent !== prior.antiCd38);
  rest.forEach((agent, k) => regimens[lines === 1 ? 0 : 1 + (k % (lines - 1))].push(agent));
  if (prior.antiCd38 !== null) regimens[lines - 1].push(prior.antiCd38);
  if (lenalidomideCyclesOverride !== null) regimens[Math.min(1, lines - 1)].push('lenalidomide');
  const backbone = ['lenalidomide', 'bortezomib'];
  regimens.forEach((regimen, k) => {
    if (regimen.length === 0) regimen.push(backbone[k % 2]);
    if (prior.agents.includes('dexamethasone') && !regimen.includes('dexamethasone')) regimen.push('dexamethasone');
  });

  const forms: PriorTherapyForm[] = [];
  const screening: PriorTherapyLine[] = [];
  let cursor = firstStart;
  for (let k = 0; k < lines; k++) {
    const segment = Math.round((span * weights[k]) / total);
    const start = cursor;
    const end = k === lines - 1 ? lastEndOffset : start + Math.max(1, Math.round(segment * 0.85));
    cursor = start + segment;
    const cycles = Math.max(k === 0 ? 2 : 1, Math.floor((end - start) / 28));
    // Never before the line started (lines squeezed into a short history leave less than two days to the next one).
    const progression = k === lines - 1 ? lastProgression : shiftDate(screeningDate, Math.max(start, Math.min(end + 10, cursor - 2)));
    const bestResponse = k === 0 ? random.pick(['VGPR', 'PR', 'CR'] as const) : random.pick(['PR', 'MR', 'SD'] as const);
    const refractory = k === lines - 1 ? true : random.chance(0.4);
    const agentCycles = (agent: string): number => (agent === 'lenalidomide' && lenalidomideCyclesOverride !== null ? lenalidomideCyclesOverride : agent === 'melphalan' ? 1 : cycles);
    const asct = k === 0 && prior.asct;
    forms.push({
      lineNumber: k + 1,
      agents: [...regimens[k]],
      cycles,
      startDate: shiftDate(screeningDate, start),
      endDate: shiftDate(screeningDate, end),
      asct,
      bestResponse,
      refractory,
      progressionDate: progression,
    });
    screening.push({
      agents: [...regimens[k].map((agent) => ({ agent, cycles: agentCycles(agent) })), ...(asct ? [{ agent: 'ASCT', cycles: null }] : [])],
      startDate: shiftDate(screeningDate, start),
      endDate: shiftDate(screeningDate, end),
      bestResponse,
      progressionDate: progression,
      refractory,
    });
  }
  return { forms, screening };
}

/** Days from `from` to `to` (negative when `to` is earlier); both are dates the renderer wrote. */
function dayOffset(from: string, to: string): number {
  return dayNumberOf(to) - dayNumberOf(from);
}
