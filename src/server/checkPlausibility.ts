import { convertLabValue, formatIsoDate, parseIsoDate } from '../clinical/index.js';
import { issue, type Issue } from '../result/index.js';
import type { EditCheckFinding } from './liveLogic.js';
import { type AllowedValuesLimit, type NotFutureLimit, type PlausibilityLimit, type RangeLimit } from './plausibilityLimits.js';

export interface PlausibilityResult {
  /** Values outside a hard limit: the save is refused (422) with these issues, paths under `data`. */
  readonly rejected: readonly Issue[];
  /** Values outside a soft limit: saved, and raised as queries (check code RANGE or DOSE-LEVEL). */
  readonly findings: readonly EditCheckFinding[];
}

interface Located {
  readonly path: readonly (string | number)[];
  readonly value: unknown;
  readonly parent: Readonly<Record<string, unknown>>;
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object';

/** Every present value at a field path (`*` = each array element or object key) with its parent object. */
function locate(data: unknown, field: CompiledField): Located[] {
  if (!field.wildcard) return locateExact(data, field.segments);
  let frontier: { path: (string | number)[]; node: unknown; parent: Record<string, unknown> | undefined }[] = [{ path: [], node: data, parent: undefined }];
  for (const segment of field.segments) {
    const next: typeof frontier = [];
    for (const item of frontier) {
      if (!isObject(item.node)) continue;
      const keys: (string | number)[] = segment !== '*' ? [segment] : Array.isArray(item.node) ? item.node.map((_v, i) => i) : Object.keys(item.node);
      for (const key of keys) {
        if (typeof key === 'string' && !Object.prototype.hasOwnProperty.call(item.node, key)) continue;
        next.push({ path: [...item.path, key], node: (item.node as Record<string | number, unknown>)[key], parent: item.node });
      }
    }
    frontier = next;
  }
  return frontier.filter((f) => f.node !== undefined && f.node !== null && f.parent !== undefined).map((f) => ({ path: f.path, value: f.node, parent: f.parent ?? {} }));
}

// a path without `*` names at most one value: walked directly, with nothing built for a value that is absent
function locateExact(data: unknown, segments: readonly string[]): Located[] {
  let node = data;
  let parent: Record<string, unknown> | undefined;
  for (const segment of segments) {
    if (!isObject(node) || !Object.prototype.hasOwnProperty.call(node, segment)) return [];
    parent = node;
    node = node[segment];
  }
  return node === undefined || node === null || parent === undefined ? [] : [{ path: segments, value: node, parent }];
}

interface CompiledField {
  readonly segments: readonly string[];
  readonly wildcard: boolean;
}

interface CompiledLimit {
  readonly limit: PlausibilityLimit;
  readonly field: CompiledField;
}

// a protocol's limits by form type with their paths split, made once per limits table (every save checks one form)
const compiledTables = new WeakMap<readonly PlausibilityLimit[], ReadonlyMap<string, readonly CompiledLimit[]>>();

function limitsOfForm(limits: readonly PlausibilityLimit[], formType: string): readonly CompiledLimit[] {
  let byForm = compiledTables.get(limits);
  if (byForm === undefined) {
    const built = new Map<string, CompiledLimit[]>();
    for (const limit of limits) {
      const segments = limit.field.split('.');
      const list = built.get(limit.formType) ?? [];
      list.push({ limit, field: { segments, wildcard: segments.includes('*') } });
      built.set(limit.formType, list);
    }
    byForm = built;
    // a table that can still change is read afresh at every call
    if (Object.isFrozen(limits)) compiledTables.set(limits, byForm);
  }
  return byForm.get(formType) ?? [];
}

const fieldName = (path: readonly (string | number)[]): string => path.join('.');

function bounds(low: number | undefined, high: number | undefined, unit: string | null): string {
  const u = unit === null ? '' : ` ${unit}`;
  if (low !== undefined && high !== undefined) return `between ${low} and ${high}${u}`;
  if (low !== undefined) return `>= ${low}${u}`;
  return `<= ${String(high)}${u}`;
}

/** The limits in the unit the value was entered in, when it differs from the limit's unit. */
function boundsAsEntered(limit: RangeLimit, enteredUnit: string): string {
  const { convertFrom } = limit;
  if (convertFrom === undefined || limit.unit === null) return bounds(limit.low, limit.high, limit.unit);
  const back = (x: number | undefined): number | undefined => {
    if (x === undefined) return undefined;
    const outcome = convertLabValue(convertFrom.analyte, x, limit.unit ?? '', enteredUnit);
    return outcome.ok ? outcome.value.value : undefined;
  };
  const canonical = bounds(limit.low, limit.high, limit.unit);
  const low = back(limit.low);
  const high = back(limit.high);
  if ((limit.low !== undefined && low === undefined) || (limit.high !== undefined && high === undefined)) return canonical;
  const entered = bounds(low, high, enteredUnit);
  return entered === canonical ? canonical : `${entered} (${canonical})`;
}

function checkRange(limit: RangeLimit, at: Located, out: { rejected: Issue[]; findings: EditCheckFinding[] }): void {
  if (typeof at.value !== 'number' || !Number.isFinite(at.value)) return;
  let value = at.value;
  let enteredUnit = limit.unit ?? '';
  if (limit.convertFrom !== undefined && limit.unit !== null) {
    const unit = at.parent[limit.convertFrom.unitField];
    if (typeof unit !== 'string') return;
    const converted = convertLabValue(limit.convertFrom.analyte, value, unit, limit.unit);
    // an unknown unit is the unit check's finding (LAB-UNIT), not a range problem
    if (!converted.ok) return;
    value = converted.value.value;
    enteredUnit = unit;
  }
  const outside = (limit.low !== undefined && value < limit.low) || (limit.high !== undefined && value > limit.high);
  if (!outside) return;
  const expected = `${boundsAsEntered(limit, enteredUnit)}: ${limit.note} (${limit.source})`;
  if (limit.severity === 'hard') {
    out.rejected.push(issue('out-of-range', ['data', ...at.path], at.value, expected));
  } else {
    const shown = enteredUnit === '' ? String(at.value) : `${at.value} ${enteredUnit}`;
    out.findings.push({ checkCode: 'RANGE', fieldPath: fieldName(at.path), message: `${fieldName(at.path)} ${shown} is outside the plausible range, expected ${expected}: please confirm at source` });
  }
}

function checkAllowed(limit: AllowedValuesLimit, at: Located, out: { rejected: Issue[]; findings: EditCheckFinding[] }): void {
  if (typeof at.value !== 'number' || limit.values.includes(at.value)) return;
  const expected = `one of ${limit.values.join(', ')} ${limit.unit}: ${limit.note}`;
  if (limit.severity === 'hard') out.rejected.push(issue('not-allowed', ['data', ...at.path], at.value, expected));
  else out.findings.push({ checkCode: 'DOSE-LEVEL', fieldPath: fieldName(at.path), message: `${fieldName(at.path)} ${at.value} ${limit.unit} is not a dose level, expected ${expected}` });
}

function checkNotFuture(limit: NotFutureLimit, at: Located, todayDay: number, today: string, out: { rejected: Issue[]; findings: EditCheckFinding[] }): void {
  if (typeof at.value !== 'string') return;
  const day = parseIsoDate(at.value);
  if (day === null || day <= todayDay + limit.toleranceDays) return;
  const expected = `a date on or before ${formatIsoDate(todayDay + limit.toleranceDays)} (today is ${today}): ${limit.note}`;
  if (limit.severity === 'hard') out.rejected.push(issue('future-date', ['data', ...at.path], at.value, expected));
  else out.findings.push({ checkCode: 'DATE-FUTURE', fieldPath: fieldName(at.path), message: `${fieldName(at.path)} ${at.value} is in the future, expected ${expected}` });
}

/**
 * The per-field plausibility checks of one validated form (after its zod schema): every limit of the
 * protocol's table (createPlausibilityLimits) for `formType` applied to every value at its field path.
 * `today` (YYYY-MM-DD) is passed in by the caller (the server's clock), so the check never reads the clock.
 */
export function checkPlausibility(formType: string, data: unknown, today: string, limits: readonly PlausibilityLimit[]): PlausibilityResult {
  const todayDay = parseIsoDate(today);
  if (todayDay === null) throw new Error(`checkPlausibility: today must be YYYY-MM-DD, got ${JSON.stringify(today)}`);
  const out: { rejected: Issue[]; findings: EditCheckFinding[] } = { rejected: [], findings: [] };
  for (const { limit, field } of limitsOfForm(limits, formType)) {
    for (const at of locate(data, field)) {
      if (limit.when !== undefined && at.parent[limit.when.field] !== limit.when.equals) continue;
      if (limit.kind === 'range') checkRange(limit, at, out);
      else if (limit.kind === 'allowed') checkAllowed(limit, at, out);
      else checkNotFuture(limit, at, todayDay, today, out);
    }
  }
  return { rejected: out.rejected, findings: out.findings };
}
