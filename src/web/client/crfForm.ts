/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { z } from 'zod';
import type { FormDefinition } from '../../clinical/crf/index.js';
import { api, ApiError, newIdempotencyKey } from './api.js';
import { announce, clear, h } from './dom.js';
import { focusFirstError, trackDirty } from './forms.js';
import { displayValue, plainWords, renderForm, type PathIssue } from './formRenderer.js';
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
  /** Values a new form starts with (the visit it is entered for). */
  readonly initial?: Readonly<Record<string, unknown>>;
  /** The form may be kept incomplete, as a draft of the server (a new record, not a correction). */
  readonly drafts?: {
    /** The visit the draft belongs to. */
    readonly visit?: string;
    /** The draft being continued: its values prefill the form; a complete save finishes it. */
    readonly existing?: { readonly recordId: number; readonly version: number };
    readonly kept?: () => void;
  };
  /** 'Save and next form': called after a save made with that button. */
  readonly next?: () => void;
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

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node: unknown = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

/** The schema's issues with the value each is about (absent = a required field left empty). */
export function zodPathIssues(error: z.ZodError, input?: unknown): PathIssue[] {
  return error.issues.map((item) => {
    const value = input === undefined ? undefined : valueAt(input, item.path);
    return { path: item.path.map((key) => (typeof key === 'number' ? key : String(key))), expected: item.message, code: item.code, ...(value === undefined ? { missing: input !== undefined } : { value }) };
  });
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
  const initial = existing?.data ?? options.initial;
  const rendered = renderForm({ domId, form: definition, protocol, ...(initial === undefined ? {} : { initial }), skipAssigned: options.assigned !== undefined });
  let draft = options.drafts?.existing;
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
  const button = h('button', { type: 'submit', 'data-action': 'save' }, options.saveLabel ?? `Save ${definition.label}`);
  const nextButton = options.next === undefined ? null : h('button', { type: 'submit', 'data-action': 'save-next', id: `${domId}-save-next` }, 'Save and next form');
  const draftButton = options.drafts === undefined || existing !== undefined ? null : h('button', { type: 'submit', class: 'secondary', 'data-action': 'draft', id: `${domId}-keep-draft`, formnovalidate: true }, 'Save as incomplete');
  const buttons = [button, nextButton, draftButton].filter((b): b is HTMLButtonElement => b !== null);
  // the action bar stays at the bottom of the window on a long form (sticky), with the error summary in it
  form.append(h('div', { class: 'actions' }, errors, ...buttons));
  const panel = h('div', { id: `${domId}-live`, 'aria-live': 'polite', class: 'live-panel' });
  const result = h('div', { id: `${domId}-result`, 'aria-live': 'polite' });
  const dirty = trackDirty(form);
  let touched = false;

  const data = (): Record<string, unknown> => ({ ...rendered.read(), ...options.assigned });
  /** The typed text's problems first (a date or number that cannot be read), then the schema's on the other fields. */
  const issuesOf = (value: Record<string, unknown>, partial: boolean): { issues: PathIssue[]; parsed: Record<string, unknown> | undefined } => {
    const typed = rendered.inputIssues();
    const taken = new Set(typed.map((i) => i.path.join('.')));
    const parsed = schema.safeParse(value);
    const schemaIssues = parsed.success ? [] : zodPathIssues(parsed.error, value).filter((i) => !taken.has(i.path.join('.')) && !(partial && i.missing === true));
    return { issues: [...typed, ...schemaIssues], parsed: parsed.success && typed.length === 0 ? parsed.data : undefined };
  };
  const validate = (): { value: Record<string, unknown>; valid: boolean } => {
    const value = data();
    const { issues, parsed } = issuesOf(value, false);
    // before the first edit, an empty form is not an error to shout about
    if (touched) rendered.showIssues(issues);
    return parsed !== undefined ? { value: parsed, valid: true } : { value, valid: false };
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
  const keepDraft = (): void => {
    const value = data();
    const { issues } = issuesOf(value, true);
    rendered.showIssues(issues);
    if (issues.length > 0) {
      errors.append(h('p', { class: 'error' }, `An incomplete form is kept with what is entered so far, but ${issues.length === 1 ? 'one value' : `${issues.length} values`} cannot be kept as typed: correct the marked ${issues.length === 1 ? 'field' : 'fields'}.`));
      announce('The form has errors');
      focusFirstError(form);
      return;
    }
    for (const b of buttons) b.disabled = true;
    const visit = options.drafts?.visit;
    const request =
      draft === undefined
        ? api<{ record: { recordId: number; version: number } }>('POST', `/subjects/${encodeURIComponent(options.subjectId)}/drafts`, { formType: definition.id, ...(visit === undefined ? {} : { visit }), data: value }, newIdempotencyKey())
        : api<{ record: { recordId: number; version: number } }>('PUT', `/drafts/${draft.recordId}`, { version: draft.version, data: value }, newIdempotencyKey());
    request
      .then((kept) => {
        draft = { recordId: kept.record.recordId, version: kept.record.version };
        dirty.clean();
        announce(`${definition.label} kept as incomplete`);
        clear(result);
        result.append(h('p', { class: 'banner', id: `${domId}-draft-kept` }, `${definition.label} kept as incomplete (draft ${kept.record.recordId}): finish it from this visit when the rest is known.`));
        options.drafts?.kept?.();
      })
      .catch((error: unknown) => showRefusal(error))
      .finally(() => {
        for (const b of buttons) b.disabled = false;
      });
  };
  const showRefusal = (error: unknown): void => {
    if (error instanceof ApiError) {
      const unplaced = rendered.showIssues(error.issues, ['data']);
      errors.append(
        h('p', { class: 'error' }, unplaced.length === error.issues.length ? error.message : `Not saved: correct the marked ${error.issues.length - unplaced.length === 1 ? 'field' : 'fields'}.`),
        ...unplaced.map((i) => h('p', { class: 'error' }, `${i.path.join('.')}: ${plainWords(i, String(i.path.at(-1) ?? 'this field'), null)}`)),
      );
      focusFirstError(form);
    } else errors.append(h('p', { class: 'error' }, String(error)));
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    touched = true;
    const action = (event.submitter)?.getAttribute('data-action') ?? 'save';
    clear(errors);
    if (action === 'draft') {
      keepDraft();
      return;
    }
    const { value, valid } = validate();
    if (!valid) {
      const count = form.querySelectorAll('[aria-invalid="true"]').length;
      errors.append(h('p', { class: 'error' }, `Not saved: correct the ${count === 1 ? 'marked field' : `${count} marked fields`}.`));
      announce('The form has errors');
      focusFirstError(form);
      return;
    }
    for (const b of buttons) b.disabled = true;
    const reason = form.querySelector<HTMLInputElement>(`#${domId}-reason`)?.value ?? '';
    const body = existing !== undefined ? { version, reason, data: value } : draft !== undefined ? { version: draft.version, data: value } : { formType: definition.id, data: value };
    // the same save pressed twice (or retried after a lost answer) carries the same key: the server answers the first save again
    const sent = JSON.stringify(body);
    if (saveKey?.body !== sent) saveKey = { body: sent, key: newIdempotencyKey() };
    const request =
      existing !== undefined
        ? api<RecordView>('PUT', `/records/${existing.recordId}`, body, saveKey.key)
        : draft !== undefined
          ? api<RecordView>('POST', `/drafts/${draft.recordId}/complete`, body, saveKey.key)
          : api<RecordView>('POST', `/subjects/${encodeURIComponent(options.subjectId)}/records`, body, saveKey.key);
    request
      .then((view) => {
        dirty.clean();
        draft = undefined;
        announce(`${definition.label} saved`);
        clear(result);
        result.append(
          h('p', { class: 'banner good' }, `${definition.label} saved (record ${view.record.recordId}).`),
          ...view.editChecks.map((check) => h('p', { class: 'banner bad', 'data-check': check.checkCode }, `Edit check ${check.checkCode} on ${check.fieldPath}: ${check.message} (raised as a query)`)),
        );
        options.saved?.(view);
        // what the save derived (a response, a proposal) may change the live panel
        refresh();
        if (action === 'save-next') options.next?.();
      })
      .catch(async (error: unknown) => {
        if (error instanceof ApiError && error.code === 'version-conflict' && existing !== undefined) {
          const current = await api<RecordView>('GET', `/records/${existing.recordId}`);
          version = current.record.version;
          errors.append(conflictView(protocol, definition, value, current.record.data, version));
          button.textContent = `Save my version over version ${version}`;
          return;
        }
        showRefusal(error);
      })
      .finally(() => {
        for (const b of buttons) b.disabled = false;
      });
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
