import type { FieldDefinition, FormDefinition } from '../clinical/index.js';

/**
 * The field paths a form's metadata defines, as queries and edit checks name them: dotted keys, a record's
 * fields as `key.field`, a repeating group's entries as `key.<index>.field` (or `key.*.field` for every
 * entry). A query may name a whole group or record too (`lesions`, `relatedness`).
 */
export function isFormFieldPath(form: FormDefinition, path: string): boolean {
  let fields: readonly FieldDefinition[] | undefined = form.fields;
  const segments = path.split('.');
  for (let i = 0; i < segments.length; i += 1) {
    const field: FieldDefinition | undefined = fields?.find((f) => f.key === segments[i]);
    if (field === undefined) return false;
    if (i === segments.length - 1) return true;
    if (field.type === 'group') {
      // the entry: an index from 0 below the group's maximum, or '*'
      const entry = segments[i + 1];
      if (entry !== '*' && !(/^(0|[1-9][0-9]{0,5})$/.test(entry) && Number(entry) < field.maxItems)) return false;
      i += 1;
      if (i === segments.length - 1) return true;
      fields = field.fields;
    } else if (field.type === 'record') {
      fields = field.fields;
    } else {
      return false;
    }
  }
  return false;
}

/** The paths of a form's fields, for an answer naming what a query may be raised on (groups as `key.*.field`). */
export function formFieldPaths(form: FormDefinition): readonly string[] {
  const out: string[] = [];
  const walk = (fields: readonly FieldDefinition[], prefix: string): void => {
    for (const field of fields) {
      const path = `${prefix}${field.key}`;
      if (field.type === 'group') walk(field.fields, `${path}.*.`);
      else if (field.type === 'record') walk(field.fields, `${path}.`);
      else out.push(path);
    }
  };
  walk(form.fields, '');
  return out;
}
