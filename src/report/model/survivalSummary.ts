import type { AdtteRow } from '../../clinical/index.js';
import { computeKaplanMeier, computeSurvivalAt, computeSurvivalQuantiles } from '../../stats/index.js';
import type { KaplanMeierCurve, SurvivalAtTime, SurvivalQuantile } from '../../stats/index.js';
import { rememberedGrouping } from './groupRows.js';
import { sortIds } from './reportTable.js';

/** Kaplan-Meier summary of one endpoint in one group, times in months (ADTTE AVALM). */
export interface SurvivalSummary {
  readonly subjects: readonly string[];
  readonly eventSubjects: readonly string[];
  readonly censoredSubjects: readonly string[];
  /** null when the group is empty. */
  readonly curve: KaplanMeierCurve | null;
  readonly median: SurvivalQuantile | null;
  readonly landmarks: readonly SurvivalAtTime[];
}

/**
 * Each ADTTE's rows by parameter, in ADTTE order, made once per dataset: the model asks for an endpoint's
 * rows dozens of times (each table, figure, subgroup), and a 10,000-subject ADTTE has 64,000 rows.
 */
const rowsByParameter = rememberedGrouping<AdtteRow>((row) => row.PARAMCD);

function parameterRows(adtte: readonly AdtteRow[], paramcd: string): readonly AdtteRow[] {
  return rowsByParameter(adtte).get(paramcd) ?? [];
}

/** The ADTTE rows of one parameter for the given subjects, one per subject. */
export function endpointRows(adtte: readonly AdtteRow[], paramcd: string, subjects: ReadonlySet<string>): AdtteRow[] {
  return parameterRows(adtte, paramcd).filter((row) => subjects.has(row.USUBJID));
}

/**
 * KM curve (log-log pointwise CI, as SAS LIFETEST and the paper), Brookmeyer-Crowley median and landmark
 * rates. Times are ADTTE's AVALM (months); status is 1 - (CNSR > 0).
 */
export function summarizeSurvival(rows: readonly AdtteRow[], landmarkMonths: readonly number[], confLevel: number): SurvivalSummary {
  const subjects = Object.freeze(sortIds(rows.map((r) => r.USUBJID)));
  const eventSubjects = Object.freeze(sortIds(rows.filter((r) => r.CNSR === 0).map((r) => r.USUBJID)));
  const censoredSubjects = Object.freeze(sortIds(rows.filter((r) => r.CNSR !== 0).map((r) => r.USUBJID)));
  if (rows.length === 0) return Object.freeze({ subjects, eventSubjects, censoredSubjects, curve: null, median: null, landmarks: Object.freeze([]) });
  const fitted = computeKaplanMeier({
    time: rows.map((r) => r.AVALM),
    status: rows.map((r) => (r.CNSR === 0 ? 1 : 0)),
    confType: 'log-log',
    confLevel,
  });
  // ADTTE times are finite and >= 0 by construction, so the fit cannot fail on them.
  if (!fitted.ok) return Object.freeze({ subjects, eventSubjects, censoredSubjects, curve: null, median: null, landmarks: Object.freeze([]) });
  const curve = fitted.value;
  const quantiles = computeSurvivalQuantiles(curve, [0.5]);
  const at = computeSurvivalAt(curve, landmarkMonths);
  return Object.freeze({
    subjects,
    eventSubjects,
    censoredSubjects,
    curve,
    median: quantiles.ok ? quantiles.value[0] : null,
    landmarks: at.ok ? at.value : Object.freeze([]),
  });
}
