// Field paths ('labs.anc.value', 'lesions.1.diameterMm') read as the form's own labels, for the query list
// and the per-field history: the data manager reads "Lesions, row 2: Diameter", never a JSON path.
import type { FieldDefinition, FormDefinition } from '../../clinical/crf/index.js';

export interface LabelledPath {
  /** The field the path ends on (undefined when the path names nothing of the form). */
  readonly field: FieldDefinition | undefined;
  /** The path in the form's words: labels of the fields, groups' rows counted from 1. */
  readonly label: string;
}

/**
 * The field at a dotted path of a form, with the path in the form's labels. A path the form does not
 * define (an old record, a renamed field) keeps its unknown segments as written, so nothing is hidden.
 */
export function labelFieldPath(form: FormDefinition | undefined, path: string): LabelledPath {
  const segments = path.split('.');
  const words: string[] = [];
  let fields: readonly FieldDefinition[] | undefined = form?.fields;
  let field: FieldDefinition | undefined;
  for (let i = 0; i < segments.length; i += 1) {
    field = fields?.find((f) => f.key === segments[i]);
    if (field === undefined) return { field: undefined, label: [...words, segments.slice(i).join('.')].join(': ') };
    if (field.type === 'group') {
      const entry = segments[i + 1];
      if (entry === undefined) {
        words.push(field.label);
        break;
      }
      words.push(entry === '*' ? `${field.label}, every row` : /^\d+$/.test(entry) ? `${field.label}, row ${Number(entry) + 1}` : `${field.label}, ${entry}`);
      i += 1;
      fields = field.fields;
      if (i === segments.length - 1) break;
    } else if (field.type === 'record') {
      words.push(field.label);
      fields = field.fields;
    } else {
      words.push(field.label);
      if (i < segments.length - 1) return { field: undefined, label: [...words, segments.slice(i + 1).join('.')].join(': ') };
    }
  }
  return { field, label: words.join(': ') };
}

/** Every leaf of a form's data as dotted path -> value ('labs.anc.value' -> 1.8), so a change reads field by field. */
export function formLeaves(value: unknown, prefix = '', out: Map<string, unknown> = new Map()): Map<string, unknown> {
  if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) formLeaves(inner, prefix === '' ? key : `${prefix}.${key}`, out);
  } else if (prefix !== '') out.set(prefix, value);
  return out;
}

/** The fields a query may name, as path and label: scalar fields, a record's fields, a group's fields in every row ('key.*.field'). */
export function fieldOptions(form: FormDefinition): readonly { readonly path: string; readonly label: string }[] {
  const out: { path: string; label: string }[] = [];
  const walk = (fields: readonly FieldDefinition[], prefix: string, words: string): void => {
    for (const field of fields) {
      const path = `${prefix}${field.key}`;
      const label = words === '' ? field.label : `${words}: ${field.label}`;
      if (field.type === 'group') walk(field.fields, `${path}.*.`, `${field.label}, every row`);
      else if (field.type === 'record') walk(field.fields, `${path}.`, label);
      else out.push({ path, label });
    }
  };
  walk(form.fields, '', '');
  return out;
}
