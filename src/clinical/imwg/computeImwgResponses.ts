import type { Outcome } from '../../result/index.js';
import { issue } from '../../result/index.js';
import { computeImwgResponse, type ImwgResult } from './computeImwgResponse.js';
import type { ImwgPatientInput } from './imwgMeasurements.js';
import { IMWG_2016_TRIAL, type ImwgRuleSet } from './imwgRuleSet.js';

/**
 * Many patients at once: one Outcome per patient, in input order, so one patient's bad data never stops
 * the others. Issue paths are prefixed with the patient's index (e.g. [2, 'assessments', 1, 'date']).
 */
export function computeImwgResponses(
  patients: readonly ImwgPatientInput[],
  ruleSet: ImwgRuleSet = IMWG_2016_TRIAL,
): readonly Outcome<ImwgResult>[] {
  return Object.freeze(
    patients.map((patient, index) => {
      const outcome = computeImwgResponse(patient, ruleSet);
      const issues = Object.freeze(
        outcome.issues.map((item) => issue(item.code, [index, ...item.path], item.value, item.expected, item.severity)),
      );
      return outcome.ok ? { ok: true as const, value: outcome.value, issues } : { ok: false as const, issues };
    }),
  );
}
