import { z } from 'zod';
import { parseIsoDate } from '../dates/index.js';
import { fieldText } from './fieldText.js';
import type { Codelist, FieldDefinition, FormDefinition, FormRow, FormRule, GroupField, ScalarField } from './formDefinition.js';

/**
 * The validator of a form, built from its metadata: the same schema checks a save in the EDC, a form typed
 * in the browser, a trial loaded from a file and the demo's generated records, so none of them can accept
 * what another refuses. Unknown keys are refused (a misspelt field is an error, not silently dropped);
 * hard limits refuse; soft limits are not checked here (they raise queries in the EDC).
 */

const DATE_MESSAGE = 'a real calendar date YYYY-MM-DD';

export const isoDateText = z.string({ error: DATE_MESSAGE }).refine((text) => parseIsoDate(text) !== null, { message: DATE_MESSAGE });

/** No NUL and no lone surrogate: text the database and every export can hold as it was typed. */
function wellFormedText(maxLength: number, label: string): z.ZodType<string> {
  return z
    .string({ error: `text (${label})` })
    .max(maxLength, { message: `at most ${maxLength} characters` })
    .refine((text) => !text.includes('\u0000'), { message: 'text without NUL characters' })
    .refine(isWellFormedText, { message: 'text without unpaired surrogate code units' });
}

/** No lone UTF-16 surrogate (String.prototype.isWellFormed is ES2024, beyond this project's lib). */
export function isWellFormedText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
      i++;
    } else if (unit >= 0xdc00 && unit <= 0xdfff) return false;
  }
  return true;
}

function codesOf(codelist: Codelist | undefined, id: string): [string, ...string[]] {
  if (codelist === undefined || codelist.items.length === 0) throw new Error(`code list '${id}' is not defined or empty`);
  const codes = codelist.items.map((item) => item.code);
  return [codes[0], ...codes.slice(1)];
}

function numberSchema(field: Extract<ScalarField, { type: 'number' | 'integer' }>): z.ZodType<number> {
  let schema = field.type === 'integer' ? z.int({ error: 'a whole number' }) : z.number({ error: 'a number' }).finite();
  const unit = field.unit === undefined ? '' : ` ${field.unit}`;
  if (field.hard?.min !== undefined) schema = schema.min(field.hard.min, { message: `>= ${field.hard.min}${unit} (${field.hard.note})` });
  if (field.hard?.max !== undefined) schema = schema.max(field.hard.max, { message: `<= ${field.hard.max}${unit} (${field.hard.note})` });
  return schema;
}

function scalarSchema(field: ScalarField, codelists: ReadonlyMap<string, Codelist>): z.ZodType {
  switch (field.type) {
    case 'text': {
      const base = wellFormedText(field.maxLength, field.label).refine((text) => text.trim() !== '', { message: 'a non-empty text' });
      const pattern = field.pattern;
      if (pattern === undefined) return base;
      // Compiled once per schema, not once per value checked (no g or y flag: test() keeps no state).
      const whole = new RegExp(`^(?:${pattern.source})$`);
      return base.refine((text) => whole.test(text), { message: pattern.description });
    }
    case 'date':
      return isoDateText;
    case 'number':
    case 'integer':
      return numberSchema(field);
    case 'boolean':
      return z.boolean({ error: 'true or false' });
    case 'code': {
      const codes = codesOf(codelists.get(field.codelist), field.codelist);
      return z.enum(codes, { error: `one of ${codes.join(', ')}` });
    }
    case 'text-list':
      return z
        .array(wellFormedText(field.maxLength, field.label).refine((text) => text.trim() !== '', { message: 'a non-empty text' }))
        .min(field.minItems, { message: `at least ${field.minItems} entries` })
        .max(field.maxItems, { message: `at most ${field.maxItems} entries` });
  }
}

export interface FormSchemaOptions {
  /** Optional fields also accept null as "not recorded" (the screening record's convention). */
  readonly allowNull?: boolean;
}

interface Context {
  readonly codelists: ReadonlyMap<string, Codelist>;
  readonly allowNull: boolean;
}

function objectSchema(fields: readonly FieldDefinition[], context: Context, rules: readonly FormRule[] = []): z.ZodType {
  const shape: Record<string, z.ZodType> = {};
  for (const field of fields) {
    const schema = fieldSchema(field, context);
    shape[field.key] = field.required ? schema : context.allowNull ? schema.nullish() : schema.optional();
  }
  const object = z.strictObject(shape);
  if (rules.length === 0) return object;
  return object.superRefine((row, ctx) => {
    for (const rule of rules) applyRule(rule, row, ctx);
  });
}

function fieldSchema(field: FieldDefinition, context: Context): z.ZodType {
  if (field.type === 'record') return objectSchema(field.fields, context, field.rules);
  if (field.type !== 'group') return scalarSchema(field, context.codelists);
  const { uniqueKey, ascending } = field;
  return z
    .array(objectSchema(field.fields, context, field.rules))
    .min(field.minItems, { message: `at least ${field.minItems} entries` })
    .max(field.maxItems, { message: `at most ${field.maxItems} entries` })
    .superRefine((rows, ctx) => {
      groupIssues(rows as readonly Record<string, unknown>[], uniqueKey, ascending, (issue) => ctx.addIssue({ code: 'custom', ...issue }));
    });
}

interface RowIssue {
  readonly path: (string | number)[];
  readonly input: unknown;
  readonly message: string;
}

/** A group's list checks (a key used once, dates in order), shared by the schema and the fast check. */
function groupIssues(rows: readonly Record<string, unknown>[], uniqueKey: string | undefined, ascending: GroupField['ascending'], add: (issue: RowIssue) => void): void {
  const seen = new Set<unknown>();
  let previous: string | null = null;
  rows.forEach((record, index) => {
    if (uniqueKey !== undefined) {
      const value = record[uniqueKey];
      if (value !== undefined && seen.has(value)) add({ path: [index, uniqueKey], input: value, message: `a ${uniqueKey} used once in the list` });
      seen.add(value);
    }
    if (ascending !== undefined) {
      const date = record[ascending.field];
      if (typeof date !== 'string' || parseIsoDate(date) === null) return;
      if (previous !== null && date < previous) add({ path: [index, ascending.field], input: date, message: `a date on or after the previous entry's ${previous} (${ascending.note})` });
      previous = date;
    }
  });
}

function applyRule(rule: FormRule, row: Record<string, unknown>, ctx: z.RefinementCtx): void {
  const problem = ruleIssue(rule, row);
  if (problem !== null) ctx.addIssue({ code: 'custom', ...problem });
}

/** What a row-level rule finds wrong with a row, or null (shared by the schema and the fast check). */
function ruleIssue(rule: FormRule, row: Record<string, unknown>): RowIssue | null {
  switch (rule.kind) {
    case 'date-order': {
      const earlier = row[rule.earlier];
      const later = row[rule.later];
      if (typeof earlier === 'string' && typeof later === 'string' && parseIsoDate(earlier) !== null && parseIsoDate(later) !== null && later < earlier)
        return { path: [rule.later], input: later, message: `a date on or after ${rule.earlier} ${earlier} (${rule.note})` };
      return null;
    }
    case 'required-when':
      if (row[rule.when.field] === rule.when.equals && (row[rule.field] === undefined || row[rule.field] === null))
        return { path: [rule.field], input: undefined, message: `a value when ${rule.when.field} is ${String(rule.when.equals)} (${rule.note})` };
      return null;
    case 'required-when-different':
      if (row[rule.left] !== row[rule.right] && row[rule.field] === undefined)
        return {
          path: [rule.field],
          input: undefined,
          message: `a value when ${rule.left} (${fieldText(row[rule.left])}) differs from ${rule.right} (${row[rule.right] === undefined ? 'none' : fieldText(row[rule.right])}) (${rule.note})`,
        };
      return null;
    case 'absent-when':
      if (row[rule.when.field] === rule.when.equals && row[rule.field] !== undefined && row[rule.field] !== null)
        return { path: [rule.field], input: row[rule.field], message: `no value when ${rule.when.field} is ${String(rule.when.equals)} (${rule.note})` };
      return null;
  }
}

/** The zod schema of one form from its definition and the protocol's code lists. */
export function createFormSchema(form: FormDefinition, codelists: readonly Codelist[], options: FormSchemaOptions = {}): z.ZodType<FormRow> {
  const context: Context = { codelists: new Map(codelists.map((list) => [list.id, list])), allowNull: options.allowNull ?? false };
  return objectSchema(form.fields, context, form.rules) as unknown as z.ZodType<FormRow>;
}

/** The schemas of every form of a protocol, by form id (built once per protocol). */
export function createFormSchemas(forms: readonly FormDefinition[], codelists: readonly Codelist[]): ReadonlyMap<string, z.ZodType<FormRow>> {
  return new Map(forms.map((form) => [form.id, createFormSchema(form, codelists)]));
}

/**
 * A check of one value that accepts only what the zod schema accepts and returns what it would return
 * (objects with their keys in the form's order, lists copied: an object already so is returned itself, not
 * a copy, so the caller hands its input over), or undefined when the value is
 * wrong or unusual (null, an explicit undefined, an object of another prototype): the caller then runs the
 * schema, which gives the issues. Loading a trial checks about a million rows; this skips zod's per-field
 * result objects for the rows that are fine, and zod still words every problem.
 */
type FastCheck = (value: unknown) => unknown;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function fastTextCheck(maxLength: number, pattern: RegExp | null): (value: unknown) => boolean {
  return (value) =>
    typeof value === 'string' && value.length <= maxLength && !value.includes('\u0000') && isWellFormedText(value) && value.trim() !== '' && (pattern === null || pattern.test(value));
}

function fastScalarCheck(field: ScalarField, codelists: ReadonlyMap<string, Codelist>): FastCheck {
  const none = undefined;
  switch (field.type) {
    case 'text': {
      const ok = fastTextCheck(field.maxLength, field.pattern === undefined ? null : new RegExp(`^(?:${field.pattern.source})$`));
      return (value) => (ok(value) ? value : none);
    }
    case 'date':
      return (value) => (typeof value === 'string' && parseIsoDate(value) !== null ? value : none);
    case 'number':
    case 'integer': {
      const min = field.hard?.min;
      const max = field.hard?.max;
      const integer = field.type === 'integer';
      return (value) =>
        typeof value === 'number' && Number.isFinite(value) && (!integer || Number.isSafeInteger(value)) && (min === undefined || value >= min) && (max === undefined || value <= max)
          ? value
          : none;
    }
    case 'boolean':
      return (value) => (typeof value === 'boolean' ? value : none);
    case 'code': {
      const codes = new Set(codesOf(codelists.get(field.codelist), field.codelist));
      return (value) => (typeof value === 'string' && codes.has(value) ? value : none);
    }
    case 'text-list': {
      const ok = fastTextCheck(field.maxLength, null);
      const { minItems, maxItems } = field;
      return (value) => {
        if (!Array.isArray(value) || value.length < minItems || value.length > maxItems) return none;
        for (const item of value as unknown[]) if (!ok(item)) return none;
        return [...(value as unknown[])];
      };
    }
  }
}

function fastObjectCheck(fields: readonly FieldDefinition[], codelists: ReadonlyMap<string, Codelist>, rules: readonly FormRule[] = []): FastCheck {
  const keys = fields.map((field) => field.key);
  const indexOf = new Map(keys.map((key, i) => [key, i]));
  const required = fields.map((field) => field.required);
  const checks = fields.map((field) => fastFieldCheck(field, codelists));
  return (value) => {
    if (!isPlainObject(value)) return undefined;
    // Whether the object's own keys come in the form's order, as the schema's result has them.
    let inOrder = true;
    let last = -1;
    for (const key in value) {
      const index = indexOf.get(key);
      if (index === undefined || key === '__proto__') return undefined;
      if (index < last) inOrder = false;
      last = index;
    }
    // A row the schema would return as it came (its keys in order, no list to copy) is the row itself: a
    // 10,000-subject trial has millions, and copying them cost about a fifth of its loading. The copy is
    // begun at the first key whose value the check changed (the keys before it are the row's own values).
    let copy: Record<string, unknown> | null = inOrder ? null : {};
    for (let i = 0; i < keys.length; i += 1) {
      const key = keys[i];
      if (!(key in value)) {
        if (required[i]) return undefined;
        continue;
      }
      const result = checks[i](value[key]);
      if (result === undefined) return undefined;
      if (copy === null && result !== value[key]) {
        copy = {};
        for (let j = 0; j < i; j += 1) if (keys[j] in value) copy[keys[j]] = value[keys[j]];
      }
      if (copy !== null) copy[key] = result;
    }
    const out = copy ?? value;
    for (const rule of rules) if (ruleIssue(rule, out) !== null) return undefined;
    return out;
  };
}

function fastFieldCheck(field: FieldDefinition, codelists: ReadonlyMap<string, Codelist>): FastCheck {
  if (field.type === 'record') return fastObjectCheck(field.fields, codelists, field.rules);
  if (field.type !== 'group') return fastScalarCheck(field, codelists);
  const row = fastObjectCheck(field.fields, codelists, field.rules);
  const { minItems, maxItems, uniqueKey, ascending } = field;
  return (value) => {
    if (!Array.isArray(value)) return undefined;
    const rows: Record<string, unknown>[] = [];
    for (const item of value as unknown[]) {
      const checked = row(item);
      if (checked === undefined) return undefined;
      rows.push(checked as Record<string, unknown>);
    }
    if (rows.length < minItems || rows.length > maxItems) return undefined;
    let fine = true;
    groupIssues(rows, uniqueKey, ascending, () => {
      fine = false;
    });
    return fine ? rows : undefined;
  };
}

/**
 * The fast checks of every form of a protocol, by form id: each returns the row as createFormSchema's
 * schema would parse it, or undefined when that schema must be run (to refuse the row with its issues).
 */
export function createFastFormChecks(forms: readonly FormDefinition[], codelists: readonly Codelist[]): ReadonlyMap<string, (row: unknown) => FormRow | undefined> {
  const lists = new Map(codelists.map((list) => [list.id, list]));
  return new Map(forms.map((form) => [form.id, fastObjectCheck(form.fields, lists, form.rules) as (row: unknown) => FormRow | undefined]));
}
