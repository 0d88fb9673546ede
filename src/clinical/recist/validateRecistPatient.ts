import { issue, type Issue, type IssuePath } from '../../result/index.js';
import { parseIsoDate } from '../dates/index.js';
import { RECIST_NEW_LESION_VALUES, RECIST_NON_TARGET_STATUSES } from './recistInput.js';
import type { RecistThresholds } from './recistThresholds.js';
import { atLeast } from './tolerantCompare.js';

// The data problems of one patient's input, each with its path (e.g. ['assessments', 2, 'lesions', 1,
// 'diameterMm']), the value and what was expected. Values are read defensively (the input may be any JSON),
// and every problem is reported, not only the first. Any issue here stops the derivation for the patient:
// an unknown lesion, a misfiled measurement or dates out of order make the sums and intervals meaningless.

type Fields = Record<string, unknown>;

interface BaselineLesionFacts {
  readonly kind: 'target' | 'non-target';
  readonly nodal: boolean;
}

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isDiameter(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function quoted(values: readonly string[]): string {
  return values.map((v) => `'${v}'`).join(', ');
}

/** The lesion ids of the baseline, for the message of an unknown id (at most 10 named). */
function knownIds(lesions: ReadonlyMap<string, BaselineLesionFacts>): string {
  const ids = [...lesions.keys()];
  const shown = ids.slice(0, 10).join(', ');
  return ids.length > 10 ? `${shown}, ...` : shown;
}

function validateBaselineLesion(
  raw: unknown,
  path: IssuePath,
  thresholds: RecistThresholds,
  issues: Issue[],
): { id: string | null; facts: BaselineLesionFacts | null; organ: string | null } {
  if (!isObject(raw)) {
    issues.push(issue('not-an-object', path, raw, 'a lesion { id, kind, nodal, diameterMm }'));
    return { id: null, facts: null, organ: null };
  }
  const id = typeof raw.id === 'string' && raw.id.trim() !== '' ? raw.id : null;
  if (id === null) issues.push(issue('invalid-lesion-id', [...path, 'id'], raw.id, 'a non-empty text id'));
  const kind = raw.kind === 'target' || raw.kind === 'non-target' ? raw.kind : null;
  if (kind === null) issues.push(issue('invalid-lesion-kind', [...path, 'kind'], raw.kind, "'target' or 'non-target'"));
  const nodal = typeof raw.nodal === 'boolean' ? raw.nodal : null;
  if (nodal === null) issues.push(issue('not-a-boolean', [...path, 'nodal'], raw.nodal, 'true for a lymph node, false otherwise'));
  let organ: string | null = null;
  if (raw.organ !== undefined && raw.organ !== null) {
    if (typeof raw.organ === 'string' && raw.organ.trim() !== '') organ = raw.organ.trim().toLowerCase();
    else issues.push(issue('invalid-organ', [...path, 'organ'], raw.organ, 'an organ name (or omit the field)'));
  }

  const diameterPath = [...path, 'diameterMm'];
  const diameter = raw.diameterMm;
  if (kind === 'target') {
    if (!isDiameter(diameter)) {
      issues.push(issue('not-a-number', diameterPath, diameter, 'the baseline diameter of a target lesion in mm (a number)'));
    } else if (nodal !== null) {
      const minimum = nodal ? thresholds.measurableNodeShortAxisMm : thresholds.measurableLesionMm;
      if (!atLeast(diameter, minimum)) {
        const expected = nodal
          ? `a short axis >= ${minimum} mm for a target lymph node (a node of ${thresholds.nodeNormalShortAxisMm} to < ${minimum} mm is non-target, < ${thresholds.nodeNormalShortAxisMm} mm is normal)`
          : `a longest diameter >= ${minimum} mm for a target lesion (a smaller one is non-target)`;
        issues.push(issue('not-measurable', diameterPath, diameter, expected));
      }
    }
  } else if (kind === 'non-target' && diameter !== undefined && diameter !== null && !(isDiameter(diameter) && diameter >= 0)) {
    issues.push(issue('not-a-number', diameterPath, diameter, 'a diameter in mm >= 0, null, or no field (optional for a non-target lesion)'));
  }
  return { id, facts: kind === null || nodal === null ? null : { kind, nodal }, organ };
}

/** At most N target lesions in all and M per organ (every lymph node counts as the organ 'lymph nodes'). */
function validateTargetCounts(
  targets: readonly { index: number; id: string | null; nodal: boolean; organ: string | null }[],
  thresholds: RecistThresholds,
  issues: Issue[],
): void {
  targets.forEach((target, k) => {
    if (k >= thresholds.maxTargetLesions) {
      issues.push(
        issue('too-many-target-lesions', ['baseline', 'lesions', target.index, 'kind'], 'target', `at most ${thresholds.maxTargetLesions} target lesions in all (record lesion ${target.id ?? '?'} as non-target)`),
      );
    }
  });
  const perOrgan = new Map<string, number>();
  for (const target of targets) {
    const organ = target.nodal ? 'lymph nodes' : target.organ;
    if (organ === null) continue;
    const count = (perOrgan.get(organ) ?? 0) + 1;
    perOrgan.set(organ, count);
    if (count > thresholds.maxTargetLesionsPerOrgan) {
      const where = target.nodal ? ['baseline', 'lesions', target.index, 'nodal'] : ['baseline', 'lesions', target.index, 'organ'];
      const value = target.nodal ? true : organ;
      const expected = target.nodal
        ? `at most ${thresholds.maxTargetLesionsPerOrgan} target lymph nodes (all lymph nodes are one organ); follow the others as non-target`
        : `at most ${thresholds.maxTargetLesionsPerOrgan} target lesions per organ; follow the others as non-target`;
      issues.push(issue('too-many-targets-in-organ', where, value, expected));
    }
  }
}

function validateBaseline(raw: unknown, thresholds: RecistThresholds, issues: Issue[]): { day: number | null; lesions: Map<string, BaselineLesionFacts> } {
  const lesions = new Map<string, BaselineLesionFacts>();
  if (!isObject(raw)) {
    issues.push(issue('not-an-object', ['baseline'], raw, 'the baseline { date, lesions: [...] }'));
    return { day: null, lesions };
  }
  const day = typeof raw.date === 'string' ? parseIsoDate(raw.date) : null;
  if (day === null) issues.push(issue('invalid-date', ['baseline', 'date'], raw.date, 'a calendar date YYYY-MM-DD'));
  if (!Array.isArray(raw.lesions)) {
    issues.push(issue('not-an-array', ['baseline', 'lesions'], raw.lesions, 'an array of the baseline lesions'));
    return { day, lesions };
  }
  if (raw.lesions.length === 0) {
    issues.push(issue('no-baseline-disease', ['baseline', 'lesions'], raw.lesions, 'at least one lesion at baseline (RECIST assesses existing disease)'));
  }
  const targets: { index: number; id: string | null; nodal: boolean; organ: string | null }[] = [];
  (raw.lesions as unknown[]).forEach((item, index) => {
    const path = ['baseline', 'lesions', index];
    const { id, facts, organ } = validateBaselineLesion(item, path, thresholds, issues);
    if (id !== null && lesions.has(id)) {
      issues.push(issue('duplicate-lesion-id', [...path, 'id'], id, 'a lesion id used once at baseline'));
    } else if (id !== null && facts !== null) {
      lesions.set(id, facts);
    }
    if (facts?.kind === 'target') targets.push({ index, id, nodal: facts.nodal, organ });
  });
  validateTargetCounts(targets, thresholds, issues);
  return { day, lesions };
}

function validateLesionResult(raw: unknown, path: IssuePath, baseline: ReadonlyMap<string, BaselineLesionFacts>, seen: Set<string>, issues: Issue[]): void {
  if (!isObject(raw)) {
    issues.push(issue('not-an-object', path, raw, 'a lesion result { id, diameterMm } (target) or { id, status } (non-target)'));
    return;
  }
  const id = raw.id;
  const facts = typeof id === 'string' ? baseline.get(id) : undefined;
  if (typeof id !== 'string' || facts === undefined) {
    issues.push(issue('unknown-lesion', [...path, 'id'], id, `the id of a baseline lesion (${knownIds(baseline)}); a lesion first seen after baseline is a new lesion (newLesion)`));
    return;
  }
  if (seen.has(id)) {
    issues.push(issue('duplicate-lesion', [...path, 'id'], id, 'one result per lesion at each assessment'));
    return;
  }
  seen.add(id);
  if (facts.kind === 'target') {
    if (raw.status !== undefined) {
      issues.push(issue('status-on-target-lesion', [...path, 'status'], raw.status, `a diameterMm, not a status, for target lesion ${id} (0 = disappeared, null = not evaluated)`));
    }
    const diameter = raw.diameterMm;
    if (diameter === undefined) {
      issues.push(issue('missing-diameter', [...path, 'diameterMm'], diameter, `the diameter of target lesion ${id} in mm (0 = disappeared, null = not evaluated)`));
    } else if (diameter !== null && !(isDiameter(diameter) && diameter >= 0)) {
      issues.push(issue('not-a-number', [...path, 'diameterMm'], diameter, `a diameter in mm >= 0 for target lesion ${id} (null = not evaluated)`));
    }
  } else {
    if (raw.diameterMm !== undefined) {
      issues.push(issue('diameter-on-non-target-lesion', [...path, 'diameterMm'], raw.diameterMm, `a status, not a diameter, for non-target lesion ${id}: ${quoted(RECIST_NON_TARGET_STATUSES)}`));
    }
    if (typeof raw.status !== 'string' || !(RECIST_NON_TARGET_STATUSES as readonly string[]).includes(raw.status)) {
      issues.push(issue('invalid-status', [...path, 'status'], raw.status, `the status of non-target lesion ${id}: ${quoted(RECIST_NON_TARGET_STATUSES)}`));
    }
  }
}

function validateAssessment(raw: unknown, index: number, baseline: ReadonlyMap<string, BaselineLesionFacts>, issues: Issue[]): void {
  const path = ['assessments', index];
  if (!isObject(raw)) {
    issues.push(issue('not-an-object', path, raw, 'an assessment { date, lesions: [...], newLesion }'));
    return;
  }
  if (typeof raw.newLesion !== 'string' || !(RECIST_NEW_LESION_VALUES as readonly string[]).includes(raw.newLesion)) {
    issues.push(issue('invalid-new-lesion', [...path, 'newLesion'], raw.newLesion, quoted(RECIST_NEW_LESION_VALUES)));
  }
  if (!Array.isArray(raw.lesions)) {
    issues.push(issue('not-an-array', [...path, 'lesions'], raw.lesions, 'an array with one result per baseline lesion'));
    return;
  }
  const seen = new Set<string>();
  (raw.lesions as unknown[]).forEach((item, m) => validateLesionResult(item, [...path, 'lesions', m], baseline, seen, issues));
  for (const [id, facts] of baseline) {
    if (seen.has(id)) continue;
    const how = facts.kind === 'target' ? '{ "diameterMm": null } when not evaluated' : '{ "status": "not-evaluated" } when not evaluated';
    issues.push(issue('missing-lesion', [...path, 'lesions'], id, `a result for baseline lesion ${id} (${how})`));
  }
}

/** The date of assessment `index`: a real date, after baseline, after the previous one. Returns its day. */
function validateDate(raw: Fields, index: number, baselineDay: number | null, previous: number | null, issues: Issue[]): number | null {
  const path = ['assessments', index, 'date'];
  const day = typeof raw.date === 'string' ? parseIsoDate(raw.date) : null;
  if (day === null) {
    issues.push(issue('invalid-date', path, raw.date, 'a calendar date YYYY-MM-DD'));
    return previous;
  }
  if (baselineDay !== null && day <= baselineDay) {
    issues.push(issue('assessment-not-after-baseline', path, raw.date, 'a date after the baseline date'));
  }
  if (previous !== null && day === previous) {
    issues.push(issue('duplicate-date', path, raw.date, 'one assessment per date (merge same-day scans into one assessment)'));
  } else if (previous !== null && day < previous) {
    issues.push(issue('unsorted-dates', path, raw.date, 'assessments in increasing date order'));
  }
  return day;
}

/** Every data problem of one patient's RECIST input (empty when it can be derived). */
export function validateRecistPatient(input: unknown, thresholds: RecistThresholds): Issue[] {
  const issues: Issue[] = [];
  if (!isObject(input)) return [issue('not-an-object', [], input, 'a patient { baseline, assessments }')];
  const baseline = validateBaseline(input.baseline, thresholds, issues);
  if (!Array.isArray(input.assessments)) {
    issues.push(issue('not-an-array', ['assessments'], input.assessments, 'an array of assessments (may be empty)'));
    return issues;
  }
  let previous: number | null = null;
  (input.assessments as unknown[]).forEach((item, index) => {
    if (isObject(item)) previous = validateDate(item, index, baseline.day, previous, issues);
    validateAssessment(item, index, baseline.lesions, issues);
  });
  return issues;
}
