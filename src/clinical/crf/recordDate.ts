import type { FormDefinition } from './formDefinition.js';

/**
 * The date a record's form names as its own (`dateField`: a screening date, a lab's sample date), as the
 * record holds it; undefined for a form without a date field (demographics), or when the record has none.
 */
export function recordDateOf(form: FormDefinition | undefined, data: Readonly<Record<string, unknown>>): string | undefined {
  const value = form?.dateField === undefined ? undefined : data[form.dateField];
  return typeof value === 'string' ? value : undefined;
}
