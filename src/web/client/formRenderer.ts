/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Any case report form rendered from its metadata (GET /protocol): every field type (text, dates, numbers
// with units and limits, yes/no, codes shown by their labels and stored as codes, lists of texts), records
// as fieldsets, repeating groups with rows added and removed, help text, and each issue of the schema placed
// next to its field. No form is written by hand.
import type { CodeField, FieldDefinition, FormDefinition, GroupField, RecordField, TextListField } from '../../clinical/crf/index.js';
import { clear, h } from './dom.js';
import { decimalMarkOf, formatDate, parseDateText, parseDecimalText } from './inputText.js';
import type { ClientProtocol } from './protocol.js';

/** An issue of a form: the path of its value in the form's JSON and what was expected. */
export interface PathIssue {
  readonly path: readonly (string | number)[];
  readonly expected: string;
  /** The issue's code (the server's: 'missing-field', 'out-of-range', ...). */
  readonly code?: string;
  /** The value refused, when there was one. */
  readonly value?: unknown;
  /** The value is absent (a required field left empty). */
  readonly missing?: boolean;
  /** Already in plain words (what the typed text could not be read as): shown as it is. */
  readonly message?: string;
}

/** Dates inside a message as a site reads them (DD-MMM-YYYY). */
const datesIn = (text: string): string => text.replace(/\b\d{4}-\d{2}-\d{2}\b/g, formatDate);

/**
 * An issue in plain words for the field it is shown next to: what to do, the limit and why, never the
 * schema's shorthand ("expected a number").
 */
export function plainWords(item: PathIssue, label: string, type: string | null): string {
  if (item.message !== undefined) return item.message;
  const said = datesIn(item.expected);
  const value = item.value === undefined || item.value === null ? '' : typeof item.value === 'string' ? datesIn(item.value) : typeof item.value === 'number' || typeof item.value === 'boolean' ? String(item.value) : '';
  if (item.missing === true || item.code === 'missing-field') {
    if (said.startsWith('a value when ')) return `Enter ${label}: it is needed ${said.slice('a value '.length)}.`;
    return `${type === 'code' ? 'Choose' : 'Enter'} ${label}: it is required.`;
  }
  const limit = /^(>=|<=|>|<) ?(.*?)(?: \((.*)\))?$/.exec(said);
  if (limit !== null && /^-?\d/.test(limit[2])) {
    const words = { '>=': 'at least', '<=': 'at most', '>': 'more than', '<': 'less than' }[limit[1]] ?? limit[1];
    return `${value === '' ? 'This value' : value} is not possible here: it must be ${words} ${limit[2]}${limit[3] === undefined ? '' : ` (${limit[3]})`}.`;
  }
  if (said === 'a number' || said.startsWith('a value of type number')) return 'Enter a number, e.g. 12.5.';
  if (said === 'a whole number') return 'Enter a whole number (no decimals).';
  if (said.startsWith('one of ')) return 'Choose one of the answers in the list.';
  if (said === 'a real calendar date YYYY-MM-DD') return 'Write the date as day-month-year with the month in letters, e.g. 06-DEC-2026.';
  if (said.startsWith('no value when ')) return `Leave ${label} empty ${said.slice('no value '.length)}.`;
  if (said.startsWith('a date on or after ')) return `The date must be on or after ${said.slice('a date on or after '.length)}.`;
  return `${value === '' ? '' : `${value}: `}must be ${said}.`.replace(/^m/, (m) => (value === '' ? 'M' : m));
}

export type Path = readonly (string | number)[];

/** The DOM id of a field at a path of a form ('lab', ['value'] -> 'lab-value'; a group row: 'screening-priorTherapyLines-0-startDate'). */
export const fieldId = (domId: string, path: Path): string => `${domId}-${path.map(String).join('-').replace(/[^A-Za-z0-9-]/g, '-')}`;

interface FieldNode {
  readonly element: HTMLElement;
  /** The value as the form's JSON holds it; undefined = not recorded (left out). */
  read(): unknown;
}

interface Context {
  readonly domId: string;
  readonly protocol: ClientProtocol;
  /** What typed text could not be read (a date, a number), by path, in plain words; refreshed on every read. */
  readonly problems: Map<string, { readonly path: Path; readonly message: string }>;
  readonly decimalMark: '.' | ',';
}

/** Notes (or clears) the plain-words problem of a field's typed text. */
function noteProblem(ctx: Context, path: Path, message: string | null): void {
  const key = path.map(String).join('.');
  if (message === null) ctx.problems.delete(key);
  else ctx.problems.set(key, { path, message });
}

function describedBy(id: string, extra: boolean): string {
  return extra ? `${id}-error ${id}-help` : `${id}-error`;
}

/** What the field expects, from its metadata: the help text, the unit and the hard limits. */
function helpText(field: FieldDefinition): string | null {
  const parts: string[] = [];
  if (field.help !== undefined) parts.push(field.help);
  if (field.type === 'number' || field.type === 'integer') {
    const { hard } = field;
    // "at least 0" says nothing a site does not know: a bare non-negative limit is not spelled out
    if (hard !== undefined && !(hard.max === undefined && hard.min === 0)) {
      const unit = field.unit === undefined ? '' : ` ${field.unit}`;
      const range = hard.min !== undefined && hard.max !== undefined ? `${hard.min} to ${hard.max}${unit}` : hard.min !== undefined ? `at least ${hard.min}${unit}` : `at most ${String(hard.max)}${unit}`;
      parts.push(`${range}${field.type === 'integer' ? ', whole number' : ''}`);
    } else if (field.type === 'integer') parts.push('whole number');
  }
  if (field.type === 'text' && field.pattern !== undefined) parts.push(field.pattern.description);
  return parts.length === 0 ? null : parts.join('; ');
}

function label(id: string, field: FieldDefinition): HTMLElement {
  const unit = (field.type === 'number' || field.type === 'integer') && field.unit !== undefined ? h('span', { class: 'unit' }, ` (${field.unit})`) : null;
  return h('label', { for: id }, field.label, unit, field.required ? h('span', { class: 'required', 'aria-hidden': 'true' }, ' *') : null);
}

function wrap(id: string, field: FieldDefinition, control: HTMLElement, wide = false): HTMLElement {
  const help = helpText(field);
  return h(
    'div',
    { class: `field${wide ? ' wide' : ''}`, 'data-field': field.key },
    label(id, field),
    control,
    help === null ? null : h('span', { id: `${id}-help`, class: 'help' }, help),
    h('span', { id: `${id}-error`, class: 'error', role: 'status' }),
  );
}

function common(id: string, path: Path, field: FieldDefinition): Record<string, string | boolean | undefined> {
  return {
    id,
    name: path.map(String).join('.'),
    'data-path': path.map(String).join('.'),
    'data-type': field.type,
    'aria-describedby': describedBy(id, helpText(field) !== null),
    'aria-required': field.required ? 'true' : undefined,
  };
}

const asText = (value: unknown): string => (value === undefined || value === null ? '' : typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value));

function codeNode(ctx: Context, field: CodeField, path: Path, initial: unknown): FieldNode {
  const id = fieldId(ctx.domId, path);
  const list = ctx.protocol.codelist(field.codelist);
  const empty = field.required ? '— choose —' : 'not recorded';
  const select = h(
    'select',
    common(id, path, field),
    h('option', { value: '' }, empty),
    ...(list?.items ?? []).map((item) => h('option', { value: item.code, selected: item.code === initial }, item.label === item.code ? item.code : `${item.label}`)),
  );
  return { element: wrap(id, field, select), read: () => (select.value === '' ? undefined : select.value) };
}

/** A typed number (the locale's decimal comma accepted); text that cannot be read stays text and its problem is noted. */
function numberText(ctx: Context, path: Path, text: string): number | string | undefined {
  const trimmed = text.trim();
  noteProblem(ctx, path, null);
  if (trimmed === '') return undefined;
  const read = parseDecimalText(trimmed, ctx.decimalMark);
  if (read.ok) return read.value;
  noteProblem(ctx, path, read.message);
  return trimmed;
}

/** A typed date as ISO; text that is not a date stays text and its problem is noted. */
function dateText(ctx: Context, path: Path, text: string): string | undefined {
  const trimmed = text.trim();
  noteProblem(ctx, path, null);
  if (trimmed === '') return undefined;
  const read = parseDateText(trimmed);
  if (read.ok) return read.value;
  noteProblem(ctx, path, read.message);
  return trimmed;
}

function scalarNode(ctx: Context, field: FieldDefinition, path: Path, initial: unknown): FieldNode {
  const id = fieldId(ctx.domId, path);
  switch (field.type) {
    case 'code':
      return codeNode(ctx, field, path, initial);
    case 'boolean': {
      if (field.required) {
        const input = h('input', { ...common(id, path, field), type: 'checkbox', checked: initial === true });
        return { element: wrap(id, field, input), read: () => input.checked };
      }
      const select = h(
        'select',
        common(id, path, field),
        h('option', { value: '' }, 'not recorded'),
        h('option', { value: 'yes', selected: initial === true }, 'Yes'),
        h('option', { value: 'no', selected: initial === false }, 'No'),
      );
      return { element: wrap(id, field, select), read: () => (select.value === '' ? undefined : select.value === 'yes') };
    }
    case 'date': {
      // text, not the browser's date picker: its display follows the machine's locale (05/06 is May or June);
      // here it is always DD-MMM-YYYY, and ISO is stored
      const input = h('input', { ...common(id, path, field), type: 'text', class: 'date', placeholder: 'DD-MMM-YYYY', autocomplete: 'off', spellcheck: 'false', value: typeof initial === 'string' ? formatDate(initial) : asText(initial) });
      input.addEventListener('change', () => {
        const read = parseDateText(input.value);
        if (read.ok) input.value = formatDate(read.value);
      });
      return { element: wrap(id, field, input), read: () => dateText(ctx, path, input.value) };
    }
    case 'number':
    case 'integer': {
      const shown = typeof initial === 'number' && ctx.decimalMark === ',' ? String(initial).replace('.', ',') : asText(initial);
      const input = h('input', { ...common(id, path, field), type: 'text', inputmode: field.type === 'integer' ? 'numeric' : 'decimal', autocomplete: 'off', value: shown });
      return { element: wrap(id, field, input), read: () => numberText(ctx, path, input.value) };
    }
    case 'text': {
      const attrs = { ...common(id, path, field), maxlength: String(field.maxLength), autocomplete: 'off' };
      const input = field.multiline === true ? h('textarea', { ...attrs, rows: '3' }, asText(initial)) : h('input', { ...attrs, type: 'text', value: asText(initial) });
      return { element: wrap(id, field, input, field.multiline === true), read: () => (input.value.trim() === '' ? undefined : input.value) };
    }
    case 'text-list':
      return textListNode(ctx, field, path, initial);
    default:
      throw new Error(`no renderer for field type ${field.type}`);
  }
}

/** A list of texts: one input per entry, entries added and removed. */
function textListNode(ctx: Context, field: TextListField, path: Path, initial: unknown): FieldNode {
  const id = fieldId(ctx.domId, path);
  const rows = h('div', { class: 'text-list', id, 'data-path': path.map(String).join('.'), 'data-type': field.type, tabindex: '-1' });
  const inputs: HTMLInputElement[] = [];
  const add = (value: string): void => {
    const index = inputs.length;
    const input = h('input', { type: 'text', id: fieldId(ctx.domId, [...path, index]), 'data-path': [...path, index].map(String).join('.'), maxlength: String(field.maxLength), value, 'aria-label': `${field.label} ${index + 1}`, autocomplete: 'off' });
    inputs.push(input);
    rows.append(h('div', { class: 'list-row' }, input));
  };
  const values = Array.isArray(initial) ? initial.map(asText) : [];
  for (const value of values.length > 0 ? values : Array.from({ length: Math.max(1, field.minItems) }, () => '')) add(value);
  const more = h('button', { type: 'button', class: 'secondary small', 'data-add': path.map(String).join('.') }, `Add ${field.label.toLowerCase()}`);
  more.addEventListener('click', () => {
    if (inputs.length < field.maxItems) add('');
    inputs.at(-1)?.focus();
  });
  const element = h('div', { class: 'field wide', 'data-field': field.key }, h('label', { for: id }, field.label, field.required ? h('span', { class: 'required', 'aria-hidden': 'true' }, ' *') : null), rows, more, h('span', { id: `${id}-error`, class: 'error', role: 'status' }));
  return {
    element,
    read: () => {
      const entries = inputs.map((i) => i.value.trim()).filter((v) => v !== '');
      return entries.length === 0 && !field.required ? undefined : entries;
    },
  };
}

function recordNode(ctx: Context, field: RecordField | { readonly fields: readonly FieldDefinition[]; readonly required: boolean }, path: Path, initial: unknown, legend: string | null): FieldNode {
  const values = initial !== null && typeof initial === 'object' && !Array.isArray(initial) ? (initial as Record<string, unknown>) : {};
  const children = field.fields.map((child) => ({ key: child.key, node: fieldNode(ctx, child, [...path, child.key], values[child.key]) }));
  const scalars = children.filter((c) => !(c.node.element instanceof HTMLFieldSetElement));
  const nested = children.filter((c) => c.node.element instanceof HTMLFieldSetElement);
  const inner = [h('div', { class: 'grid' }, ...scalars.map((c) => c.node.element)), ...nested.map((c) => c.node.element)];
  const element =
    legend === null
      ? h('div', { class: 'record' }, ...inner)
      : h('fieldset', { id: fieldId(ctx.domId, path), 'data-path': path.map(String).join('.'), 'data-type': 'record' }, h('legend', {}, legend), ...inner, h('span', { id: `${fieldId(ctx.domId, path)}-error`, class: 'error', role: 'status' }));
  return {
    element,
    read: () => {
      const out: Record<string, unknown> = {};
      for (const { key, node } of children) {
        const value = node.read();
        if (value !== undefined) out[key] = value;
      }
      return Object.keys(out).length === 0 && !field.required ? undefined : out;
    },
  };
}

/** A repeating group: one fieldset per row, rows added and removed (the rows after a removed one move up). */
function groupNode(ctx: Context, field: GroupField, path: Path, initial: unknown): FieldNode {
  const id = fieldId(ctx.domId, path);
  const container = h('div', { class: 'group-rows' });
  const compact = field.fields.length <= 3 && field.fields.every((f) => f.type !== 'group' && f.type !== 'record' && f.type !== 'text-list' && !(f.type === 'text' && f.multiline === true));
  const status = h('span', { id: `${id}-error`, class: 'error', role: 'status' });
  let rows: FieldNode[] = [];
  const render = (values: readonly unknown[]): void => {
    clear(container);
    rows = values.map((value, index) => {
      const node = recordNode(ctx, { fields: field.fields, required: true }, [...path, index], value, null);
      const remove = h('button', { type: 'button', class: 'secondary small', 'data-remove': `${path.map(String).join('.')}.${index}`, 'aria-label': `Remove row ${index + 1} of ${field.label}` }, 'Remove');
      remove.addEventListener('click', () => {
        const current = rows.map((r) => r.read());
        current.splice(index, 1);
        render(current);
        container.dispatchEvent(new Event('input', { bubbles: true }));
        (container.querySelector<HTMLElement>('input, select') ?? more).focus();
      });
      const attrs = { id: fieldId(ctx.domId, [...path, index]), 'data-path': [...path, index].map(String).join('.') };
      // a row of a few plain fields reads as one line (an agent and its cycles); a larger row is a fieldset of its own
      const row = compact
        ? h('div', { ...attrs, class: 'group-row compact', role: 'group', 'aria-label': `${field.label}, row ${index + 1}` }, h('span', { class: 'row-number', 'aria-hidden': 'true' }, `${index + 1}.`), node.element, field.minItems > index ? null : remove)
        : h('fieldset', { ...attrs, class: 'group-row' }, h('legend', {}, `Row ${index + 1}`), node.element, field.minItems > index ? null : remove);
      container.append(row);
      return node;
    });
  };
  const more = h('button', { type: 'button', class: 'secondary small', id: `${id}-add`, 'data-add': path.map(String).join('.'), 'aria-label': `Add a row to ${field.label}` }, '+ Add a row');
  more.addEventListener('click', () => {
    if (rows.length >= field.maxItems) return;
    const current = rows.map((r) => r.read());
    render([...current, {}]);
    container.dispatchEvent(new Event('input', { bubbles: true }));
    container.querySelectorAll<HTMLElement>(':scope > .group-row').item(rows.length - 1).querySelector<HTMLElement>('input, select')?.focus();
  });
  const start: readonly unknown[] = Array.isArray(initial) ? (initial as readonly unknown[]) : [];
  render(start.length >= field.minItems ? start : [...start, ...Array.from({ length: field.minItems - start.length }, () => ({}))]);
  const help = helpText(field);
  const element = h(
    'fieldset',
    { class: 'group', id, 'data-path': path.map(String).join('.'), 'data-type': 'group', tabindex: '-1' },
    h('legend', {}, field.label, field.required ? h('span', { class: 'required', 'aria-hidden': 'true' }, ' *') : null),
    help === null ? null : h('p', { class: 'help' }, help),
    container,
    more,
    status,
  );
  return {
    element,
    read: () => {
      const values = rows.map((r) => r.read() ?? {});
      return values.length === 0 && !field.required ? undefined : values;
    },
  };
}

function fieldNode(ctx: Context, field: FieldDefinition, path: Path, initial: unknown): FieldNode {
  if (field.type === 'group') return groupNode(ctx, field, path, initial);
  if (field.type === 'record') return recordNode(ctx, field, path, initial, field.label);
  return scalarNode(ctx, field, path, initial);
}

export interface RenderedForm {
  readonly element: HTMLElement;
  /** The form's JSON as entered: a field left empty is left out (not recorded). */
  read(): Record<string, unknown>;
  /** What the last read could not read (a date, a number), in plain words, by path. */
  inputIssues(): PathIssue[];
  /** Places each issue next to its field (aria-invalid + message); returns the ones that have no field. */
  showIssues(issues: readonly PathIssue[], prefix?: readonly (string | number)[]): PathIssue[];
}

export interface RenderFormOptions {
  /** Prefix of every control's id (one per form on the page). */
  readonly domId: string;
  readonly form: FormDefinition;
  readonly protocol: ClientProtocol;
  /** Values of a saved record (a correction). */
  readonly initial?: Readonly<Record<string, unknown>>;
  /** Fields the system assigns (origin 'assigned'): not rendered, set by the caller. */
  readonly skipAssigned?: boolean;
  /** The decimal mark typed numbers may use (default: the browser's locale's). */
  readonly decimalMark?: '.' | ',';
}

/** The fields of a form, rendered from its metadata. */
export function renderForm(options: RenderFormOptions): RenderedForm {
  const { domId, form, protocol } = options;
  const ctx: Context = { domId, protocol, problems: new Map(), decimalMark: options.decimalMark ?? decimalMarkOf(typeof navigator === 'undefined' ? undefined : navigator.languages) };
  const fields = form.fields.filter((f) => !(options.skipAssigned === true && f.origin === 'assigned'));
  const root = recordNode(ctx, { fields, required: true }, [], options.initial ?? {}, null);
  const element = h('div', { class: 'crf-fields', 'data-form': form.id }, root.element);
  return {
    element,
    read: () => (root.read() as Record<string, unknown> | undefined) ?? {},
    inputIssues: () => [...ctx.problems.values()].map((p) => ({ path: p.path, expected: p.message, message: p.message })),
    showIssues: (issues, prefix = []) => placeIssues(element, domId, issues, prefix),
  };
}

/** Each issue next to the deepest field its path reaches; the rest are returned. */
export function placeIssues(scope: HTMLElement, domId: string, issues: readonly PathIssue[], prefix: readonly (string | number)[] = []): PathIssue[] {
  for (const control of scope.querySelectorAll<HTMLElement>('[data-path]')) {
    control.removeAttribute('aria-invalid');
    const error = document.getElementById(`${control.id}-error`);
    if (error !== null) error.textContent = '';
  }
  const unplaced: PathIssue[] = [];
  for (const item of issues) {
    const path = item.path.map(String);
    const local = prefix.every((p, i) => path[i] === String(p)) ? path.slice(prefix.length) : path;
    let control: HTMLElement | null = null;
    for (let n = local.length; n > 0 && control === null; n--) control = scope.querySelector<HTMLElement>(`#${CSS.escape(fieldId(domId, local.slice(0, n)))}`);
    if (control === null) {
      unplaced.push(item);
      continue;
    }
    control.setAttribute('aria-invalid', 'true');
    const error = document.getElementById(`${control.id}-error`);
    const fieldLabel = (document.querySelector(`label[for="${CSS.escape(control.id)}"]`)?.firstChild?.textContent ?? control.closest('fieldset')?.querySelector('legend')?.firstChild?.textContent ?? 'this field').trim();
    const words = plainWords(item, fieldLabel, control.getAttribute('data-type'));
    if (error !== null && !error.textContent.includes(words)) error.textContent = error.textContent === '' ? words : `${error.textContent} ${words}`;
  }
  return unplaced;
}

/** A value as a site reads it: a code by its label, yes/no, a list joined. */
export function displayValue(protocol: ClientProtocol, field: FieldDefinition | undefined, value: unknown): string {
  if (value === undefined || value === null) return '—';
  if (field?.type === 'date' && typeof value === 'string') return formatDate(value);
  if (field?.type === 'code') return protocol.label(field.codelist, value);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (field?.type === 'number' || field?.type === 'integer') return `${asText(value)}${field.unit === undefined ? '' : ` ${field.unit}`}`;
  if (field?.type === 'record' && typeof value === 'object') {
    return field.fields
      .map((child) => [child, (value as Record<string, unknown>)[child.key]] as const)
      .filter(([, v]) => v !== undefined)
      .map(([child, v]) => `${child.label}: ${displayValue(protocol, child, v)}`)
      .join('; ');
  }
  if (field?.type === 'group' && Array.isArray(value)) {
    // each row by its values in field order: 'T1 Lung 25 mm; T2 Liver 30 mm'
    return (value as readonly Record<string, unknown>[])
      .map((row) => field.fields.map((child) => displayValue(protocol, child, row[child.key])).filter((text) => text !== '—').join(' '))
      .join('; ');
  }
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : asText(v))).join(', ');
  return asText(value);
}
