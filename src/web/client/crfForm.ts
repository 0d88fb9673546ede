/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { z } from 'zod';
import type { FormDefinition } from '../../clinical/crf/index.js';
import { api, ApiError, newIdempotencyKey } from './api.js';
import { announce, clear, h } from './dom.js';
import { trackDirty } from './forms.js';
import { displayValue, renderForm, type PathIssue } from './formRenderer.js';
import type { ClientProtocol } from './protocol.js';
import type { RecordView } from './shell.js';

export interface CrfFormOptions {
  /** Prefix of the form's DOM ids ('lab', 'edit', ...). */
  readonly domId: string;
  readonly form: FormDefinition;
  readonly protocol: ClientProtocol;
  readonly subjectId: string;
  /** Values the system sets on every save of this form (e.g. the screening record's subject and site). */
  readonly assigned?: Readonly<Record<string, unknown>>;
  /** Draws what the clinical engines derive from the form as typed (valid or not) into the panel beside it. */
  readonly live?: (data: Record<string, unknown>, panel: HTMLElement, valid: boolean) => void;
  readonly saved?: (view: RecordView) => void;
  /** Correcting a saved record: its values prefill the form, a reason is asked, a stale version shows both versions. */
  readonly existing?: { readonly recordId: number; readonly version: number; readonly data: Readonly<Record<string, unknown>> };
  /** The text of the save button (default: 'Save <form label>'). */
  readonly saveLabel?: string;
}

/** The two versions side by side, field by field, the differences marked: nothing is lost silently. */
function conflictView(protocol: ClientProtocol, form: FormDefinition, mine: Record<string, unknown>, theirs: Readonly<Record<string, unknown>>, version: number): HTMLElement {
  const rows = form.fields.map((f) => {
    const a = displayValue(protocol, f, mine[f.key]);
    const b = displayValue(protocol, f, theirs[f.key]);
    return h('tr', { class: a === b ? '' : 'differs' }, h('th', { scope: 'row' }, f.label), h('td', {}, a), h('td', {}, b), h('td', {}, a === b ? '' : 'differs'));
  });
  return h(
    'div',
    { class: 'banner bad', role: 'alert', id: 'conflict' },
    h('p', {}, `Someone saved this record while you were editing it (now version ${version}). Both versions are below; nothing has been overwritten.`),
    h('table', {}, h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Field'), h('th', { scope: 'col' }, 'Your version'), h('th', { scope: 'col' }, `Saved version ${version}`), h('th', { scope: 'col' }, ''))), h('tbody', {}, ...rows)),
  );
}

export function zodPathIssues(error: z.ZodError): PathIssue[] {
  return error.issues.map((item) => ({ path: item.path.map((key) => (typeof key === 'number' ? key : String(key))), expected: item.message }));
}

/**
 * A CRF form rendered from its metadata: checked as it is typed with the schema built from the same
 * metadata (createFormSchema, the server's own function), a live panel, save (or correction with a reason)
 * with the server's issues placed next to their fields, and a stale version shown side by side.
 */
export function crfForm(options: CrfFormOptions): HTMLElement {
  const { domId, existing, form: definition, protocol } = options;
  let version = existing?.version ?? 0;
  const schema = protocol.schema(definition);
  const rendered = renderForm({ domId, form: definition, protocol, ...(existing === undefined ? {} : { initial: existing.data }), skipAssigned: options.assigned !== undefined });
  const form = h('form', { id: domId, novalidate: true, 'aria-labelledby': `${domId}-title`, 'data-form-type': definition.id }, rendered.element);
  if (existing !== undefined) {
    form.append(
      h(
        'div',
        { class: 'field wide' },
        h('label', { for: `${domId}-reason` }, 'Reason for change (kept in the audit trail)'),
        h('input', { id: `${domId}-reason`, type: 'text', 'aria-describedby': `${domId}-reason-error` }),
        h('span', { id: `${domId}-reason-error`, class: 'error', role: 'status' }),
      ),
    );
  }
  const errors = h('div', { id: `${domId}-errors`, role: 'alert' });
  const button = h('button', { type: 'submit' }, options.saveLabel ?? `Save ${definition.label}`);
  form.append(errors, button);
  const panel = h('div', { id: `${domId}-live`, 'aria-live': 'polite', class: 'live-panel' });
  const result = h('div', { id: `${domId}-result`, 'aria-live': 'polite' });
  const dirty = trackDirty(form);
  let touched = false;

  const data = (): Record<string, unknown> => ({ ...rendered.read(), ...options.assigned });
  const validate = (): { value: Record<string, unknown>; valid: boolean } => {
    const value = data();
    const parsed = schema.safeParse(value);
    // before the first edit, an empty form is not an error to shout about
    if (touched) rendered.showIssues(parsed.success ? [] : zodPathIssues(parsed.error));
    return parsed.success ? { value: parsed.data, valid: true } : { value, valid: false };
  };
  const refresh = (): void => {
    const { value, valid } = validate();
    if (options.live === undefined) return;
    clear(panel);
    options.live(value, panel, valid);
  };
  form.addEventListener('input', () => refresh());
  form.addEventListener('change', () => refresh());
  form.addEventListener('focusout', () => {
    touched = true;
  });
  let saveKey: { readonly body: string; readonly key: string } | undefined;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    touched = true;
    const { value, valid } = validate();
    clear(errors);
    if (!valid) {
      errors.append(h('p', { class: 'error' }, 'Correct the marked fields.'));
      announce('The form has errors');
      return;
    }
    button.disabled = true;
    const reason = form.querySelector<HTMLInputElement>(`#${domId}-reason`)?.value ?? '';
    const body = existing === undefined ? { formType: definition.id, data: value } : { version, reason, data: value };
    // the same save pressed twice (or retried after a lost answer) carries the same key: the server answers the first save again
    const sent = JSON.stringify(body);
    if (saveKey?.body !== sent) saveKey = { body: sent, key: newIdempotencyKey() };
    const request =
      existing === undefined
        ? api<RecordView>('POST', `/subjects/${encodeURIComponent(options.subjectId)}/records`, body, saveKey.key)
        : api<RecordView>('PUT', `/records/${existing.recordId}`, body, saveKey.key);
    request
      .then((view) => {
        dirty.clean();
        announce(`${definition.label} saved`);
        clear(result);
        result.append(
          h('p', { class: 'banner good' }, `${definition.label} saved (record ${view.record.recordId}).`),
          ...view.editChecks.map((check) => h('p', { class: 'banner bad', 'data-check': check.checkCode }, `Edit check ${check.checkCode} on ${check.fieldPath}: ${check.message} (raised as a query)`)),
        );
        options.saved?.(view);
        // what the save derived (a response, a proposal) may change the live panel
        refresh();
      })
      .catch(async (error: unknown) => {
        if (error instanceof ApiError && error.code === 'version-conflict' && existing !== undefined) {
          const current = await api<RecordView>('GET', `/records/${existing.recordId}`);
          version = current.record.version;
          errors.append(conflictView(protocol, definition, value, current.record.data, version));
          button.textContent = `Save my version over version ${version}`;
          return;
        }
        if (error instanceof ApiError) {
          const unplaced = rendered.showIssues(error.issues, ['data']);
          errors.append(h('p', { class: 'error' }, error.message), ...unplaced.map((i) => h('p', { class: 'error' }, `${i.path.join('.')}: expected ${i.expected}`)));
        } else errors.append(h('p', { class: 'error' }, String(error)));
      })
      .finally(() => (button.disabled = false));
  });
  queueMicrotask(refresh);
  return h(
    'section',
    { class: 'card', 'data-crf': definition.id },
    h('h3', { id: `${domId}-title` }, existing === undefined ? definition.label : `Correct record ${existing.recordId}: ${definition.label}`),
    h('p', { class: 'muted' }, definition.description),
    h('div', { class: options.live === undefined ? '' : 'layout-2' }, h('div', {}, form, result), options.live === undefined ? null : panel),
  );
}
