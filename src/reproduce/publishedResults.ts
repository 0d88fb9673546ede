import { issue, type Issue } from '../result/index.js';

/** One published result as publication/published-results.json holds it (the fields the reproduction reads). */
export interface PublishedResult {
  readonly id: string;
  readonly section: string;
  readonly kind: string;
  readonly value?: number | null;
  readonly n?: number | null;
  readonly N?: number | null;
  readonly ciLower?: number | null;
  readonly ciUpper?: number | null;
  readonly min?: number;
  readonly max?: number;
  readonly unit?: string;
  readonly method?: string;
  readonly comparator?: string;
  readonly timepoint?: number;
  readonly text?: string;
  readonly p0?: number;
  readonly p1?: number;
  readonly alpha?: number;
  readonly power?: number;
  readonly dropout?: number;
}

/** A place where the paper contradicts itself (published-results.json) or misprints (published-findings.json). */
export interface PublishedInconsistency {
  readonly ids: readonly string[];
  readonly issue: string;
  readonly plausible: string;
}

export interface PublishedResults {
  readonly results: readonly PublishedResult[];
  readonly inconsistencies: readonly PublishedInconsistency[];
}

export interface PublishedFindings {
  readonly inconsistencies: readonly PublishedInconsistency[];
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isNumberOrNull = (value: unknown): boolean => value === undefined || value === null || (typeof value === 'number' && Number.isFinite(value));

function inconsistencyIssues(list: unknown, path: readonly (string | number)[]): Issue[] {
  if (!Array.isArray(list)) return [issue('not-an-array', [...path], list, 'an array of { ids, issue, plausible }')];
  const issues: Issue[] = [];
  list.forEach((entry: unknown, i) => {
    if (!isRecord(entry) || !Array.isArray(entry.ids) || !entry.ids.every((id) => typeof id === 'string')) {
      issues.push(issue('bad-inconsistency', [...path, i, 'ids'], isRecord(entry) ? entry.ids : entry, 'an array of result ids'));
    } else if (typeof entry.issue !== 'string' || typeof entry.plausible !== 'string') {
      issues.push(issue('bad-inconsistency', [...path, i], entry, 'text fields issue and plausible'));
    }
  });
  return issues;
}

/**
 * Checks the shape of the published results and findings: every result has a string id (unique), section
 * and kind, numeric fields are numbers or null, and the inconsistency lists name ids.
 */
export function publishedInputIssues(published: unknown, findings: unknown): Issue[] {
  const issues: Issue[] = [];
  if (!isRecord(published) || !Array.isArray(published.results)) {
    return [issue('not-published-results', ['published'], published, 'an object with results and inconsistencies (publication/published-results.json)')];
  }
  const seen = new Set<string>();
  published.results.forEach((entry: unknown, i) => {
    const path = ['published', 'results', i];
    if (!isRecord(entry) || typeof entry.id !== 'string' || entry.id === '') {
      issues.push(issue('bad-result', [...path, 'id'], isRecord(entry) ? entry.id : entry, 'a non-empty string id'));
      return;
    }
    if (seen.has(entry.id)) issues.push(issue('duplicate-id', [...path, 'id'], entry.id, 'each id once'));
    seen.add(entry.id);
    for (const key of ['section', 'kind'] as const) {
      if (typeof entry[key] !== 'string') issues.push(issue('bad-result', [...path, key], entry[key], 'a string'));
    }
    for (const key of ['value', 'n', 'N', 'ciLower', 'ciUpper', 'min', 'max'] as const) {
      if (!isNumberOrNull(entry[key])) issues.push(issue('bad-number', [...path, key], entry[key], 'a finite number or null'));
    }
  });
  issues.push(...inconsistencyIssues(published.inconsistencies, ['published', 'inconsistencies']));
  if (!isRecord(findings)) issues.push(issue('not-findings', ['findings'], findings, 'an object with inconsistencies (publication/published-findings.json)'));
  else issues.push(...inconsistencyIssues(findings.inconsistencies, ['findings', 'inconsistencies']));
  return issues;
}
