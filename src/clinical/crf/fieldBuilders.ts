import type {
  BooleanField,
  CodeField,
  DateField,
  FieldDefinition,
  FieldLimit,
  GroupField,
  NumberField,
  RecordField,
  TextField,
  TextListField,
} from './formDefinition.js';

/**
 * Short builders for form metadata, so a form definition reads like the paper CRF it describes. Every
 * builder returns a frozen field; `opt` marks a field that may be left out.
 */

interface Common {
  readonly help?: string;
  readonly required?: boolean;
  readonly origin?: 'collected' | 'assigned';
}

const withCommon = <T extends object>(base: T, common: Common): T & { required: boolean } =>
  Object.freeze({ ...base, required: common.required ?? true, ...(common.help === undefined ? {} : { help: common.help }), ...(common.origin === undefined ? {} : { origin: common.origin }) });

export const textField = (key: string, label: string, maxLength: number, common: Common & Pick<TextField, 'pattern' | 'multiline'> = {}): TextField =>
  withCommon({ type: 'text' as const, key, label, maxLength, ...(common.pattern === undefined ? {} : { pattern: common.pattern }), ...(common.multiline === undefined ? {} : { multiline: common.multiline }) }, common);

export const dateField = (key: string, label: string, common: Common = {}): DateField => withCommon({ type: 'date' as const, key, label }, common);

export interface NumberOptions extends Common {
  readonly unit?: string;
  readonly hard?: FieldLimit;
  readonly soft?: FieldLimit;
}

function numeric(type: 'number' | 'integer', key: string, label: string, options: NumberOptions): NumberField {
  return withCommon(
    {
      type,
      key,
      label,
      ...(options.unit === undefined ? {} : { unit: options.unit }),
      ...(options.hard === undefined ? {} : { hard: Object.freeze({ ...options.hard }) }),
      ...(options.soft === undefined ? {} : { soft: Object.freeze({ ...options.soft }) }),
    },
    options,
  );
}

export const numberField = (key: string, label: string, options: NumberOptions = {}): NumberField => numeric('number', key, label, options);
export const integerField = (key: string, label: string, options: NumberOptions = {}): NumberField => numeric('integer', key, label, options);
export const booleanField = (key: string, label: string, common: Common = {}): BooleanField => withCommon({ type: 'boolean' as const, key, label }, common);
export const codeField = (key: string, label: string, codelist: string, common: Common = {}): CodeField => withCommon({ type: 'code' as const, key, label, codelist }, common);

export const textListField = (key: string, label: string, options: Common & { maxLength: number; minItems: number; maxItems: number }): TextListField =>
  withCommon({ type: 'text-list' as const, key, label, maxLength: options.maxLength, minItems: options.minItems, maxItems: options.maxItems }, options);

export const groupField = (
  key: string,
  label: string,
  fields: readonly FieldDefinition[],
  options: Common & Pick<GroupField, 'minItems' | 'maxItems' | 'uniqueKey' | 'ascending' | 'rules'>,
): GroupField =>
  withCommon(
    {
      type: 'group' as const,
      key,
      label,
      fields: Object.freeze([...fields]),
      minItems: options.minItems,
      maxItems: options.maxItems,
      ...(options.uniqueKey === undefined ? {} : { uniqueKey: options.uniqueKey }),
      ...(options.ascending === undefined ? {} : { ascending: options.ascending }),
      ...(options.rules === undefined ? {} : { rules: options.rules }),
    },
    options,
  );

export const recordField = (key: string, label: string, fields: readonly FieldDefinition[], common: Common & Pick<RecordField, 'rules'> = {}): RecordField =>
  withCommon({ type: 'record' as const, key, label, fields: Object.freeze([...fields]), ...(common.rules === undefined ? {} : { rules: common.rules }) }, common);

/** Marks a field optional (may be left out: not recorded). */
export function opt<T extends FieldDefinition>(field: T): T {
  return Object.freeze({ ...field, required: false }) as unknown as T;
}
