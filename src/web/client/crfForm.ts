/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { z } from 'zod';
import { api, ApiError } from './api.js';
import { announce, clear, h } from './dom.js';
import { readForm, renderField, showIssues, trackDirty, type FieldSpec, type PathIssue } from './forms.js';
import type { RecordView } from './shell.js';

export interface CrfFormOptions {
  readonly formId: string;
  readonly formType: string;
  readonly subjectId: string;
  readonly title: string;
  readonly fields: readonly FieldSpec[];
  /** The CRF's zod schema: the server validates the same form with the same schema. */
  readonly schema: z.ZodType;
  /** Draws what the clinical engines derive from the form as typed (valid or not). */
  readonly live: (data: Record<string, unknown>, panel: HTMLElement) => void;
  readonly saved: (view: RecordView) => void;
  /** Correcting a saved record: its values prefill the form, a reason is asked, a stale version shows both versions. */
  readonly existing?: { readonly recordId: number; readonly version: number; readonly data: Readonly<Record<string, unknown>> };
}

function asFieldValue(spec: FieldSpec, value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (spec.kind === 'tri') return value === true ? 'yes' : 'no';
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
}

const show = (value: unknown): string => (value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value));

/** The two versions side by side, field by field, the differences marked: nothing is lost silently. */
function conflictView(fields: readonly FieldSpec[], mine: Record<string, unknown>, theirs: Readonly<Record<string, unknown>>, version: number): HTMLElement {
  const rows = fields.map((f) => {
    const a = show(mine[f.path]);
    const b = show(theirs[f.path]);
    return h('tr', { class: a === b ? '' : 'differs' }, h('th', { scope: 'row' }, f.label), h('td', {}, a), h('td', {}, b), h('td', {}, a === b ? '' : 'differs'));
  });
  return h(
    'div',
    { class: 'banner bad', role: 'alert', id: 'conflict' },
    h('p', {}, `Someone saved this record while you were editing it (now version ${version}). Both versions are below; nothing has been overwritten.`),
    h('table', {}, h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Field'), h('th', { scope: 'col' }, 'Your version'), h('th', { scope: 'col' }, `Saved version ${version}`), h('th', { scope: 'col' }, ''))), h('tbody', {}, ...rows)),
  );
}

function zodPathIssues(error: z.ZodError): PathIssue[] {
  return error.issues.map((item) => ({ path: item.path.map((key) => (typeof key === 'number' ? key : String(key))), expected: item.message }));
}

/** A CRF form: client-side validation with the CRF schema, a live panel, save with the server's issues placed next to their fields. */
export function crfForm(options: CrfFormOptions): HTMLElement {
  const { formId, existing } = options;
  let version = existing?.version ?? 0;
  const form = h('form', { id: formId, novalidate: true, 'aria-labelledby': `${formId}-title` });
  const fields = existing === undefined ? options.fields : options.fields.map((f) => ({ ...f, value: asFieldValue(f, existing.data[f.path]) ?? f.value }));
  form.append(h('div', { class: 'grid' }, ...fields.map((f) => renderField(formId, f))));
  if (existing !== undefined) {
    form.append(
      h(
        'div',
        { class: 'field' },
        h('label', { for: `${formId}-reason` }, 'Reason for change (kept in the audit trail)'),
        h('input', { id: `${formId}-reason`, type: 'text', 'aria-describedby': `${formId}-reason-error` }),
        h('span', { id: `${formId}-reason-error`, class: 'error', role: 'status' }),
      ),
    );
  }
  const errors = h('div', { id: `${formId}-errors`, role: 'alert' });
  const button = h('button', { type: 'submit' }, `Save ${options.title.toLowerCase()}`);
  form.append(errors, button);
  const panel = h('div', { id: `${formId}-live`, 'aria-live': 'polite', class: 'live-panel' });
  const result = h('div', { id: `${formId}-result`, 'aria-live': 'polite' });
  const dirty = trackDirty(form);
  let touched = false;

  const validate = (): Record<string, unknown> | null => {
    const data = readForm(form);
    const parsed = options.schema.safeParse(data);
    // before the first edit, an empty form is not an error to shout about
    if (touched) showIssues(form, formId, parsed.success ? [] : zodPathIssues(parsed.error));
    return parsed.success ? (parsed.data as Record<string, unknown>) : null;
  };
  const refresh = (): void => {
    const data = validate();
    clear(panel);
    options.live(data ?? readForm(form), panel);
  };
  form.addEventListener('input', () => refresh());
  form.addEventListener('change', () => refresh());
  form.addEventListener('focusout', () => {
    touched = true;
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    touched = true;
    const data = validate();
    clear(errors);
    if (data === null) {
      errors.append(h('p', { class: 'error' }, 'Correct the marked fields.'));
      announce('The form has errors');
      return;
    }
    button.disabled = true;
    const reason = form.querySelector<HTMLInputElement>(`#${formId}-reason`)?.value ?? '';
    const request =
      existing === undefined
        ? api<RecordView>('POST', `/subjects/${encodeURIComponent(options.subjectId)}/records`, { formType: options.formType, data })
        : api<RecordView>('PUT', `/records/${existing.recordId}`, { version, reason, data });
    request
      .then((view) => {
        dirty.clean();
        announce(`${options.title} saved`);
        clear(result);
        result.append(
          h('p', { class: 'banner good' }, `${options.title} saved (record ${view.record.recordId}).`),
          ...view.editChecks.map((check) => h('p', { class: 'banner bad' }, `Edit check ${check.checkCode} on ${check.fieldPath}: ${check.message} (raised as a query)`)),
        );
        options.saved(view);
      })
      .catch(async (error: unknown) => {
        if (error instanceof ApiError && error.code === 'version-conflict' && existing !== undefined) {
          const current = await api<RecordView>('GET', `/records/${existing.recordId}`);
          version = current.record.version;
          errors.append(conflictView(options.fields, data, current.record.data, version));
          button.textContent = `Save my version over version ${version}`;
          return;
        }
        if (error instanceof ApiError) {
          const unplaced = showIssues(form, formId, error.issues, ['data']);
          errors.append(h('p', { class: 'error' }, error.message), ...unplaced.map((i) => h('p', { class: 'error' }, `${i.path.join('.')}: expected ${i.expected}`)));
        } else errors.append(h('p', { class: 'error' }, String(error)));
      })
      .finally(() => (button.disabled = false));
  });
  queueMicrotask(refresh);
  return h('section', { class: 'card' }, h('h3', { id: `${formId}-title` }, options.title), h('div', { class: 'layout-2' }, h('div', {}, form, result), panel));
}
