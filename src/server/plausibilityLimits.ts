import {
  LAB_PLAUSIBILITY_LIMITS,
  LAB_PLAUSIBILITY_VERSION,
  doseLevelsMg,
  isLabAnalyte,
  type FieldDefinition,
  type FormDefinition,
  type FormRole,
  type LabAnalyte,
  type ProtocolDefinition,
} from '../clinical/index.js';

/**
 * The plausibility checks of a save, as data read by `checkPlausibility`, built from the protocol:
 * - every soft limit of a numeric field in the form metadata (a value outside is saved and raises a RANGE
 *   query naming field, value and limit);
 * - the laboratory analyte table of the units library (LAB_PLAUSIBILITY_LIMITS) on the lab form's result
 *   and the screening form's labs, converted from the unit entered: its plausible range is soft, its
 *   impossible bounds (e.g. haemoglobin above what packed red cells hold) hard, refusing the save;
 * - the dose levels of each drug of the regimen on the dosing form (another dose raises DOSE-LEVEL), the
 *   regimen's maximum number of cycles and cycle length;
 * - `not-future` on every date field of every form: an observation cannot be dated after today (the save is
 *   refused), except a planned date (PLANNED_DATES).
 * The hard limits of the form metadata are not here: they are part of each form's schema (createFormSchema), so the browser refuses
 * them too, and the server answers 422 naming the field, the value and the limit.
 *
 * Field paths are dotted paths in the form's data; `*` stands for every element of a repeating group
 * (`priorTherapyLines.*.startDate`). `when` and `convertFrom.unitField` name a sibling of the checked value.
 */

export type LimitSeverity = 'hard' | 'soft';

interface LimitBase {
  readonly formType: string;
  readonly field: string;
  readonly severity: LimitSeverity;
  /** Only values whose sibling `field` equals `equals` (e.g. a lab row of one analyte). */
  readonly when?: { readonly field: string; readonly equals: string };
  /** Why the limit is where it is. */
  readonly note: string;
  /** Where the limit comes from (the protocol's form metadata, the lab table, the regimen). */
  readonly source: string;
}

export interface RangeLimit extends LimitBase {
  readonly kind: 'range';
  /** The unit of low and high; null = none (counts, scores). */
  readonly unit: string | null;
  /** The value's unit is read from a sibling field and the value converted (src/clinical/units) into `unit`. */
  readonly convertFrom?: { readonly analyte: LabAnalyte; readonly unitField: string };
  readonly low?: number;
  readonly high?: number;
}

export interface AllowedValuesLimit extends LimitBase {
  readonly kind: 'allowed';
  readonly unit: string;
  readonly values: readonly number[];
}

export interface NotFutureLimit extends LimitBase {
  readonly kind: 'not-future';
  /** Days after "today" (the server's UTC date) still accepted: a site east of UTC is a day ahead. */
  readonly toleranceDays: number;
}

export type PlausibilityLimit = RangeLimit | AllowedValuesLimit | NotFutureLimit;

/** Date fields that hold a plan, not an observation: the screening form's planned enrolment date (createScreeningForm). */
const PLANNED_DATES: Readonly<Partial<Record<FormRole, readonly string[]>>> = Object.freeze({ screening: ['enrolmentDate'] });

/** Every scalar field of a form with its dotted path (groups as `key.*.field`, records as `key.field`). */
function* scalarFields(fields: readonly FieldDefinition[], prefix = ''): Generator<{ readonly path: string; readonly field: FieldDefinition }> {
  for (const field of fields) {
    const path = `${prefix}${field.key}`;
    if (field.type === 'group') yield* scalarFields(field.fields, `${path}.*.`);
    else if (field.type === 'record') yield* scalarFields(field.fields, `${path}.`);
    else yield { path, field };
  }
}

function metadataLimits(protocol: ProtocolDefinition, form: FormDefinition): PlausibilityLimit[] {
  const source = `${protocol.id} ${protocol.version} form metadata`;
  const planned = PLANNED_DATES[form.role] ?? [];
  const out: PlausibilityLimit[] = [];
  for (const { path, field } of scalarFields(form.fields)) {
    if ((field.type === 'number' || field.type === 'integer') && field.soft !== undefined) {
      out.push({
        kind: 'range',
        formType: form.id,
        field: path,
        unit: field.unit ?? null,
        ...(field.soft.min === undefined ? {} : { low: field.soft.min }),
        ...(field.soft.max === undefined ? {} : { high: field.soft.max }),
        severity: 'soft',
        note: field.soft.note,
        source,
      });
    }
    if (field.type === 'date' && !planned.includes(path)) {
      out.push({ kind: 'not-future', formType: form.id, field: path, toleranceDays: 1, severity: 'hard', note: 'a recorded observation cannot be dated after today', source });
    }
  }
  return out;
}

/**
 * A lab value entered with its own unit, checked against the analyte's row of the lab table: its
 * impossible bounds refuse the save (hard), its plausible bounds raise a query (soft).
 */
function labValueLimits(formType: string, field: string, analyte: LabAnalyte, when?: RangeLimit['when']): RangeLimit[] {
  const row = LAB_PLAUSIBILITY_LIMITS.find((r) => r.analyte === analyte);
  if (row === undefined) return [];
  const base = { kind: 'range' as const, formType, field, ...(when === undefined ? {} : { when }), unit: row.unit, convertFrom: { analyte, unitField: 'unit' }, source: LAB_PLAUSIBILITY_VERSION };
  const soft: RangeLimit = { ...base, ...(row.low === undefined ? {} : { low: row.low }), ...(row.high === undefined ? {} : { high: row.high }), severity: 'soft', note: row.note };
  const { impossible } = row;
  if (impossible === undefined) return [soft];
  const hard: RangeLimit = {
    ...base,
    ...(impossible.low === undefined ? {} : { low: impossible.low }),
    ...(impossible.high === undefined ? {} : { high: impossible.high }),
    severity: 'hard',
    note: impossible.note,
  };
  return [hard, soft];
}

function labLimits(protocol: ProtocolDefinition, form: FormDefinition): PlausibilityLimit[] {
  if (form.role === 'lab') {
    return protocol.labAnalytes.flatMap((analyte) => labValueLimits(form.id, 'value', analyte, { field: 'analyte', equals: analyte }));
  }
  if (form.role === 'screening') {
    return protocol.eligibility.screening.labs.flatMap((lab) => (isLabAnalyte(lab.analyte) ? labValueLimits(form.id, `labs.${lab.key}.value`, lab.analyte) : []));
  }
  return [];
}

function doseLimits(protocol: ProtocolDefinition, form: FormDefinition): PlausibilityLimit[] {
  if (form.role !== 'dosing') return [];
  const { regimen } = protocol;
  const source = `${protocol.id} ${protocol.version} regimen (${regimen.source})`;
  const out: PlausibilityLimit[] = [];
  for (const drug of regimen.drugs) {
    const levels = doseLevelsMg(drug);
    const note = `the dose levels of ${drug.label}; another dose is a deviation to confirm`;
    const when = { field: 'drug', equals: drug.id };
    out.push({ kind: 'allowed', formType: form.id, field: 'plannedDoseMg', when, unit: drug.doseUnit, values: levels, severity: 'soft', note, source });
    out.push({ kind: 'allowed', formType: form.id, field: 'doseGivenMg', when, unit: drug.doseUnit, values: [...levels, 0], severity: 'soft', note: `${note}; 0 = held`, source });
  }
  out.push({ kind: 'range', formType: form.id, field: 'cycle', unit: 'cycle', high: regimen.maxCycles, severity: 'soft', note: `at most ${regimen.maxCycles} cycles (${regimen.maxTreatmentDays} days of treatment)`, source });
  out.push({ kind: 'range', formType: form.id, field: 'daysGiven', unit: 'days', high: regimen.cycleLengthDays, severity: 'soft', note: `a cycle has ${regimen.cycleLengthDays} days`, source });
  return out;
}

/** The plausibility limits of every form of a protocol (built once per protocol). */
export function createPlausibilityLimits(protocol: ProtocolDefinition): readonly PlausibilityLimit[] {
  return deepFreeze(protocol.forms.flatMap((form) => [...metadataLimits(protocol, form), ...labLimits(protocol, form), ...doseLimits(protocol, form)]));
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
