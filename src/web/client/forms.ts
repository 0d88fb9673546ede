/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { h } from './dom.js';

/**
 * Forms as data: each field names its dotted path in the JSON the server's zod schema reads
 * ('labs.anc.value'), so a schema issue's path finds its field on the client and on the server alike.
 */
export interface FieldSpec {
  readonly path: string;
  readonly label: string;
  readonly kind: 'text' | 'date' | 'number' | 'int' | 'select' | 'bool' | 'tri' | 'agents';
  readonly options?: readonly string[];
  readonly unit?: string;
  readonly value?: string;
  readonly hint?: string;
}

export const fieldId = (formId: string, path: string): string => `${formId}-${path.replace(/[^A-Za-z0-9]/g, '-')}`;

export function renderField(formId: string, spec: FieldSpec): HTMLElement {
  const id = fieldId(formId, spec.path);
  const errorId = `${id}-error`;
  const describedBy = spec.unit === undefined && spec.hint === undefined ? errorId : `${errorId} ${id}-unit`;
  const common = { id, name: spec.path, 'aria-describedby': describedBy, 'data-path': spec.path, 'data-kind': spec.kind };
  let control: HTMLElement;
  if (spec.kind === 'select' || spec.kind === 'tri') {
    const options = spec.kind === 'tri' ? ['', 'yes', 'no'] : ['', ...(spec.options ?? [])];
    control = h(
      'select',
      common,
      ...options.map((option) => h('option', { value: option, selected: option === (spec.value ?? '') }, option === '' ? (spec.kind === 'tri' ? 'not recorded' : '—') : option)),
    );
  } else if (spec.kind === 'bool') {
    control = h('input', { ...common, type: 'checkbox', checked: spec.value === 'true' });
  } else {
    const type = spec.kind === 'date' ? 'date' : spec.kind === 'number' || spec.kind === 'int' ? 'text' : 'text';
    const inputMode = spec.kind === 'number' ? 'decimal' : spec.kind === 'int' ? 'numeric' : undefined;
    control = h('input', { ...common, type, inputmode: inputMode, value: spec.value, autocomplete: 'off' });
  }
  return h(
    'div',
    { class: 'field' },
    h('label', { for: id }, spec.label, spec.unit === undefined ? null : h('span', { class: 'unit' }, ` (${spec.unit})`)),
    control,
    spec.unit === undefined && spec.hint === undefined ? null : h('span', { id: `${id}-unit`, class: 'unit' }, spec.hint ?? `unit: ${spec.unit ?? ''}`),
    h('span', { id: errorId, class: 'error', role: 'status' }),
  );
}

function setAt(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node: Record<string, unknown> = target;
  keys.forEach((key, index) => {
    if (index === keys.length - 1) {
      node[key] = value;
      return;
    }
    const next = node[key];
    if (next === undefined || next === null || typeof next !== 'object') {
      const created: Record<string, unknown> = /^\d+$/.test(keys[index + 1]) ? ([] as unknown as Record<string, unknown>) : {};
      node[key] = created;
      node = created;
    } else node = next as Record<string, unknown>;
  });
}

function parseAgents(text: string): { agent: string; cycles: number | null }[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const match = /^(.*?)\s+(\d+)$/.exec(part);
      return match === null ? { agent: part, cycles: null } : { agent: match[1].trim(), cycles: Number(match[2]) };
    });
}

/** The JSON a form holds: empty fields are left out (not recorded); text that is not a number stays text so the schema names it. */
export function readForm(form: HTMLFormElement): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const control of form.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[data-path]')) {
    const path = control.dataset.path ?? '';
    const kind = control.dataset.kind;
    if (kind === 'bool') {
      setAt(out, path, (control as HTMLInputElement).checked);
      continue;
    }
    const text = control.value.trim();
    if (text === '') continue;
    if (kind === 'number' || kind === 'int') setAt(out, path, Number.isFinite(Number(text)) ? Number(text) : text);
    else if (kind === 'tri') setAt(out, path, text === 'yes');
    else if (kind === 'agents') setAt(out, path, parseAgents(text));
    else setAt(out, path, text);
  }
  return out;
}

export interface PathIssue {
  readonly path: readonly (string | number)[];
  readonly expected: string;
}

/** Shows each issue next to its field (aria-invalid + message); the ones without a field are returned. */
export function showIssues(form: HTMLFormElement, formId: string, issues: readonly PathIssue[], prefix: readonly string[] = []): PathIssue[] {
  for (const control of form.querySelectorAll<HTMLElement>('[data-path]')) {
    control.removeAttribute('aria-invalid');
    const error = document.getElementById(`${control.id}-error`);
    if (error !== null) error.textContent = '';
  }
  const unplaced: PathIssue[] = [];
  for (const item of issues) {
    const path = item.path.map(String);
    const local = prefix.every((p, i) => path[i] === p) ? path.slice(prefix.length) : path;
    // an issue inside a structured field (an agent of a line) belongs to the field that holds it
    let control: HTMLElement | null = null;
    for (let n = local.length; n > 0 && control === null; n--) control = document.getElementById(fieldId(formId, local.slice(0, n).join('.')));
    if (control === null) {
      unplaced.push(item);
      continue;
    }
    control.setAttribute('aria-invalid', 'true');
    const error = document.getElementById(`${control.id}-error`);
    if (error !== null) error.textContent = error.textContent === '' ? `expected ${item.expected}` : `${error.textContent}; ${item.expected}`;
  }
  return unplaced;
}

/** Unsaved edits: a dirty form warns before the page or the screen is left. */
let dirtyForms = 0;
export function trackDirty(form: HTMLFormElement): { clean(): void } {
  let dirty = false;
  form.addEventListener('input', () => {
    if (!dirty) dirtyForms++;
    dirty = true;
  });
  return {
    clean() {
      if (dirty) dirtyForms--;
      dirty = false;
    },
  };
}
export const hasUnsavedChanges = (): boolean => dirtyForms > 0;
export function resetDirtyTracking(): void {
  dirtyForms = 0;
}

window.addEventListener('beforeunload', (event) => {
  if (hasUnsavedChanges()) event.preventDefault();
});
