import type { Issue } from '../../result/index.js';
import type { TrialData } from '../crf/index.js';
import { parseIsoDate, studyDay } from '../dates/index.js';
import type { ProtocolDefinition } from '../protocol/index.js';
import type { AdslRow } from './createAdsl.js';
import type { Derivation, Flag } from './derivation.js';
import { dayOf, finishDerivation, flag, readDate } from './derivation.js';

/**
 * ADTR: the measurements behind the response (e.g. the sum of target lesion diameters, a serum M-protein)
 * per enrolled subject, evaluator, parameter and date, with the baseline and the change from it. What the
 * waterfall plot and the IRC's trajectory read; the protocol's response binding says what is measured.
 */
export interface AdtrRow {
  readonly STUDYID: string;
  readonly USUBJID: string;
  readonly EVALUATOR: string;
  readonly PARAMCD: string;
  readonly PARAM: string;
  readonly AVALU: string;
  readonly ADT: string;
  /** Study day relative to the first dose (day 1; baseline <= 1). */
  readonly ADY: number;
  readonly AVISIT: string | null;
  readonly AVAL: number;
  /** Baseline record: the last value of the parameter on or before the first dose. */
  readonly ABLFL: Flag;
  readonly BASE: number | null;
  readonly CHG: number | null;
  /** Percent change from baseline; null when the baseline is 0 or missing. */
  readonly PCHG: number | null;
}

export function createAdtr(trial: TrialData, protocol: ProtocolDefinition, adsl: readonly AdslRow[]): Derivation<AdtrRow> {
  const issues: Issue[] = [];
  const cutoff = readDate(trial.dataCutoffDate, ['dataCutoffDate'], issues);
  if (cutoff === null) return finishDerivation([], issues);
  const bySubject = new Map(adsl.map((row) => [row.SUBJID, row]));
  const parameters = new Map(protocol.response.parameters.map((p) => [p.code, p]));
  const rows: AdtrRow[] = [];
  for (const record of trial.subjects) {
    const subject = bySubject.get(record.subject.subjectId);
    if (subject === undefined || subject.ENRLFL !== 'Y') continue;
    const reference = dayOf(subject.TRTSDT) ?? dayOf(subject.ENRLDT);
    if (reference === null) continue;
    for (const evaluator of protocol.response.evaluators) {
      const points = protocol.response
        .measurements(record, evaluator.source)
        .map((point) => ({ point, day: parseIsoDate(point.date) }))
        .filter((item): item is { point: (typeof item)['point']; day: number } => item.day !== null && item.day <= cutoff)
        .sort((a, b) => a.day - b.day);
      for (const [code, parameter] of parameters) {
        const series = points.filter((item) => item.point.parameter === code);
        const baseline = series.filter((item) => item.day <= reference).at(-1);
        const base = baseline?.point.value ?? null;
        for (const item of series) {
          const change = base === null ? null : item.point.value - base;
          rows.push({
            STUDYID: subject.STUDYID,
            USUBJID: subject.USUBJID,
            EVALUATOR: evaluator.id,
            PARAMCD: code,
            PARAM: parameter.label,
            AVALU: parameter.unit,
            ADT: item.point.date,
            ADY: studyDay(item.day, reference),
            AVISIT: item.point.visit,
            AVAL: item.point.value,
            ABLFL: flag(item === baseline),
            BASE: base,
            CHG: change,
            PCHG: change === null || base === null || base === 0 ? null : (change / base) * 100,
          });
        }
      }
    }
  }
  return finishDerivation(rows, issues);
}
