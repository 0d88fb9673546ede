import type { ReportModel } from '../report/model/index.js';

const NO_SUBJECTS: readonly string[] = Object.freeze([]);

/** The key of the object that stands for a number JSON cannot write (NaN, an infinity, -0): no model object has it. */
const NUMBER_KEY = '\u0000number';

/**
 * The model without its subject lists (what withoutSubjectLists copies) as JSON text, made in one pass and
 * posted to the DOCX thread as one string: for a 10,000-subject model about half the main thread's time
 * of the copy and its structured clone. A number JSON cannot write as it is (a p-value not computed is NaN)
 * is written as an object that parseModelJson turns back into it. Null when JSON would not carry the model
 * exactly: an undefined value, a value of another type, an object with its own toJSON (a Date), or an
 * object that has the number's key; the caller then posts the copy.
 */
export function modelJsonWithoutSubjectLists(model: ReportModel): string | null {
  let exact = true;
  const json = JSON.stringify(model, function (this: Record<string, unknown>, key: string, value: unknown) {
    if (value !== this[key] && !(typeof value === 'number' && Number.isNaN(value))) exact = false;
    switch (typeof value) {
      case 'string':
      case 'boolean':
        return value;
      case 'number':
        if (Number.isFinite(value) && !Object.is(value, -0)) return value;
        return { [NUMBER_KEY]: Object.is(value, -0) ? '-0' : String(value) };
      case 'object':
        if (value === null) return value;
        if (key === 'subjects' && Array.isArray(value)) return NO_SUBJECTS;
        if (Object.hasOwn(value, NUMBER_KEY)) exact = false;
        return value;
      default:
        exact = false;
        return null;
    }
  });
  return exact ? json : null;
}

/** The model modelJsonWithoutSubjectLists wrote, its numbers as they were. */
export function parseModelJson(json: string): ReportModel {
  return JSON.parse(json, (_key, value: unknown) =>
    value !== null && typeof value === 'object' && Object.hasOwn(value, NUMBER_KEY) ? Number((value as Record<string, string>)[NUMBER_KEY]) : value,
  ) as ReportModel;
}
