/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// A laboratory draw entered as one grid: the values the draw shares (sample date, visit, laboratory) once,
// then one row per analyte the protocol collects with its result, its unit (the units the converter accepts
// for it, its SI unit first) and its normal range; the plausibility limits of the analyte beside it. Saved in
// one request (POST /subjects/:id/lab-panels), all analytes or none, the server's refusals placed on their cells.
import type { CodeField, FormDefinition } from '../../clinical/crf/index.js';
import { convertLabValue, isLabAnalyte, labPlausibilityLimit } from '../../clinical/units/index.js';
import { api, ApiError, newIdempotencyKey } from './api.js';
import { announce, clear, h } from './dom.js';
import { focusFirstError, trackDirty } from './forms.js';
import { plainWords, renderForm, type PathIssue } from './formRenderer.js';
import { decimalMarkOf, parseDecimalText } from './inputText.js';
import type { ClientProtocol } from './protocol.js';
import type { RecordView } from './shell.js';

/** The lab form's fields that differ per analyte of a draw (the standard lab form's); the others are the draw's. */
const ROW_KEYS: readonly string[] = ['analyte', 'value', 'unit', 'lln', 'uln'];
const NUMBER_KEYS: readonly string[] = ['value', 'lln', 'uln'];

interface PanelRow {
  readonly analyte: string;
  readonly inputs: Readonly<Record<string, HTMLInputElement | HTMLSelectElement>>;
  readonly errors: Readonly<Record<string, HTMLElement>>;
}

/** The analyte's limits in words: where a value raises a query, where it is refused (in its SI unit). */
function limitsText(analyte: string): string {
  if (!isLabAnalyte(analyte)) return '';
  const limit = labPlausibilityLimit(analyte);
  if (limit === undefined) return '';
  const range = limit.low !== undefined && limit.high !== undefined ? `${limit.low}–${limit.high}` : limit.high !== undefined ? `up to ${limit.high}` : `from ${String(limit.low)}`;
  const impossible = limit.impossible?.high !== undefined ? `; refused above ${limit.impossible.high}` : limit.impossible?.low !== undefined ? `; refused below ${limit.impossible.low}` : '';
  return `plausible ${range} ${limit.unit}${impossible}`;
}

export interface LabPanelOptions {
  readonly form: FormDefinition;
  readonly protocol: ClientProtocol;
  readonly subjectId: string;
  readonly initial?: Readonly<Record<string, unknown>>;
  readonly saved?: (views: readonly RecordView[]) => void;
  readonly next?: () => void;
}

export function labPanelForm(options: LabPanelOptions): HTMLElement {
  const { form: lab, protocol } = options;
  const domId = 'panel';
  const decimalMark = decimalMarkOf(navigator.languages);
  const sharedForm: FormDefinition = { ...lab, fields: lab.fields.filter((f) => !ROW_KEYS.includes(f.key)), rules: [] };
  const shared = renderForm({ domId, form: sharedForm, protocol, ...(options.initial === undefined ? {} : { initial: options.initial }) });
  const analyteField = lab.fields.find((f): f is CodeField => f.key === 'analyte' && f.type === 'code');
  const rowFields = lab.fields.filter((f) => ROW_KEYS.includes(f.key) && f.key !== 'analyte');
  const rows: PanelRow[] = protocol.view.labAnalytes.map((known) => {
    const inputs: Record<string, HTMLInputElement | HTMLSelectElement> = {};
    const errors: Record<string, HTMLElement> = {};
    for (const field of rowFields) {
      const id = `${domId}-${known.code}-${field.key}`;
      errors[field.key] = h('span', { id: `${id}-error`, class: 'error', role: 'status' });
      const label = `${protocol.label(analyteField?.codelist ?? '', known.code)}: ${field.label}`;
      inputs[field.key] =
        field.key === 'unit'
          ? h('select', { id, 'data-analyte': known.code, 'data-key': field.key, 'aria-label': label, 'aria-describedby': `${id}-error` }, ...[known.standardUnit, ...known.acceptedUnits.filter((u) => u !== known.standardUnit)].map((u) => h('option', { value: u }, u)))
          : h('input', { id, type: 'text', inputmode: 'decimal', autocomplete: 'off', 'data-analyte': known.code, 'data-key': field.key, 'aria-label': label, 'aria-describedby': `${id}-error` });
    }
    return { analyte: known.code, inputs, errors };
  });
  const table = h(
    'table',
    { class: 'lab-panel', id: `${domId}-grid` },
    h('caption', { class: 'sr-only' }, 'Results of the draw, one row per analyte'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Analyte'), ...rowFields.map((f) => h('th', { scope: 'col' }, f.label)), h('th', { scope: 'col' }, 'Limits'))),
    h(
      'tbody',
      {},
      ...rows.map((row) =>
        h(
          'tr',
          { 'data-row': row.analyte },
          h('th', { scope: 'row' }, protocol.label(analyteField?.codelist ?? '', row.analyte)),
          ...rowFields.map((f) => h('td', {}, row.inputs[f.key], row.errors[f.key])),
          h('td', { class: 'limits' }, limitsText(row.analyte)),
        ),
      ),
    ),
  );
  const errors = h('div', { id: `${domId}-errors`, role: 'alert' });
  const result = h('div', { id: `${domId}-result`, 'aria-live': 'polite' });
  const save = h('button', { type: 'submit', 'data-action': 'save' }, 'Save the panel');
  const next = options.next === undefined ? null : h('button', { type: 'submit', 'data-action': 'save-next', id: `${domId}-save-next` }, 'Save and next form');
  const element = h('form', { id: domId, novalidate: true, 'aria-labelledby': `${domId}-title`, 'data-form-type': lab.id }, shared.element, h('div', { class: 'grid-scroll' }, table), h('div', { class: 'actions' }, errors, save, next));
  const dirty = trackDirty(element);

  const clearMarks = (): void => {
    for (const row of rows) {
      for (const [key, input] of Object.entries(row.inputs)) {
        input.removeAttribute('aria-invalid');
        row.errors[key].textContent = '';
      }
    }
  };
  const mark = (row: PanelRow, key: string, words: string): void => {
    const input = row.inputs[key] as HTMLElement | undefined;
    input?.setAttribute('aria-invalid', 'true');
    const error = row.errors[key] as HTMLElement | undefined;
    if (error !== undefined) error.textContent = error.textContent === '' ? words : `${error.textContent} ${words}`;
  };
  /** The filled rows as lab results, with what could not be read marked on its cell. */
  const read = (): { results: Record<string, unknown>[]; sent: PanelRow[]; problems: number } => {
    const results: Record<string, unknown>[] = [];
    const sent: PanelRow[] = [];
    let problems = 0;
    for (const row of rows) {
      const numbers = NUMBER_KEYS.filter((k) => row.inputs[k] !== undefined && row.inputs[k].value.trim() !== '');
      if (numbers.length === 0) continue;
      const out: Record<string, unknown> = { analyte: row.analyte };
      for (const key of numbers) {
        const read = parseDecimalText(row.inputs[key].value, decimalMark);
        if (read.ok) out[key] = read.value;
        else {
          mark(row, key, read.message);
          problems++;
        }
      }
      if (!numbers.includes('value')) {
        mark(row, 'value', 'Enter the result, or clear the normal range of this analyte.');
        problems++;
      }
      out.unit = row.inputs.unit.value;
      // a value the analyte's SI limit refuses is said here too (the server refuses it the same way)
      const limit = isLabAnalyte(row.analyte) ? labPlausibilityLimit(row.analyte) : undefined;
      if (typeof out.value === 'number' && limit?.impossible !== undefined && isLabAnalyte(row.analyte)) {
        const si = convertLabValue(row.analyte, out.value, String(out.unit), limit.unit);
        if (si.ok && ((limit.impossible.high !== undefined && si.value.value > limit.impossible.high) || (limit.impossible.low !== undefined && si.value.value < limit.impossible.low))) {
          mark(row, 'value', `${String(out.value)} ${String(out.unit)} is not possible: ${limit.impossible.note}.`);
          problems++;
        }
      }
      results.push(out);
      sent.push(row);
    }
    return { results, sent, problems };
  };
  const focusFirst = (): void => focusFirstError(element);

  element.addEventListener('submit', (event) => {
    event.preventDefault();
    const action = (event.submitter)?.getAttribute('data-action') ?? 'save';
    clear(errors);
    clearMarks();
    const common = shared.read();
    const typed = shared.inputIssues();
    const { results, sent, problems } = read();
    const missing: PathIssue[] = sharedForm.fields.filter((f) => f.required && common[f.key] === undefined).map((f) => ({ path: [f.key], expected: 'a value', missing: true }));
    shared.showIssues([...typed, ...missing.filter((m) => !typed.some((t) => t.path.join('.') === m.path.join('.')))]);
    if (results.length === 0) errors.append(h('p', { class: 'error' }, 'Enter the result of at least one analyte.'));
    const count = problems + typed.length + missing.length;
    if (count > 0 || results.length === 0) {
      if (count > 0) errors.append(h('p', { class: 'error' }, `Not saved: correct the ${count === 1 ? 'marked field' : `${count} marked fields`}.`));
      announce('The panel has errors');
      focusFirst();
      return;
    }
    save.disabled = true;
    if (next !== null) next.disabled = true;
    api<{ records: RecordView[] }>('POST', `/subjects/${encodeURIComponent(options.subjectId)}/lab-panels`, { shared: common, results }, newIdempotencyKey())
      .then((answer) => {
        dirty.clean();
        announce(`Panel of ${answer.records.length} results saved`);
        clear(result);
        const grades = answer.records.flatMap((view) => ((view.derived?.ctcae ?? []) as { term: string; grade: number | null }[]).filter((g) => g.grade !== null && g.grade > 0).map((g) => `${g.term}: grade ${String(g.grade)}`));
        result.append(
          h('p', { class: 'banner good', id: 'panel-saved' }, `Panel saved: ${answer.records.length} results in one save (records ${answer.records.map((v) => v.record.recordId).join(', ')}).${grades.length === 0 ? '' : ` CTCAE: ${grades.join('; ')}.`}`),
          ...answer.records.flatMap((view) => view.editChecks.map((check) => h('p', { class: 'banner bad', 'data-check': check.checkCode }, `${String(view.record.data.analyte)}: ${check.message} (raised as a query)`))),
        );
        for (const row of rows) for (const key of NUMBER_KEYS) if (row.inputs[key] !== undefined) row.inputs[key].value = '';
        options.saved?.(answer.records);
        if (action === 'save-next') options.next?.();
      })
      .catch((error: unknown) => {
        if (!(error instanceof ApiError)) {
          errors.append(h('p', { class: 'error' }, String(error)));
          return;
        }
        const sharedIssues = error.issues.filter((i) => i.path[0] === 'shared').map((i) => ({ ...i, path: i.path.slice(1) }));
        const unplaced = shared.showIssues(sharedIssues);
        for (const item of error.issues.filter((i) => i.path[0] === 'results')) {
          const row = sent[Number(item.path[1])] as PanelRow | undefined;
          const key = String(item.path[2]);
          if (row === undefined || row.inputs[key] === undefined) unplaced.push(item);
          else mark(row, key, plainWords(item, key, 'number'));
        }
        errors.append(h('p', { class: 'error' }, `Not saved: ${error.message}`), ...unplaced.map((i) => h('p', { class: 'error' }, `${i.path.join('.')}: ${plainWords(i, String(i.path.at(-1)), null)}`)));
        focusFirst();
      })
      .finally(() => {
        save.disabled = false;
        if (next !== null) next.disabled = false;
      });
  });
  return h(
    'section',
    { class: 'card', 'data-crf': `${lab.id}-panel` },
    h('h3', { id: `${domId}-title` }, `${lab.label}: panel of one draw`),
    h('p', { class: 'muted' }, 'One row per analyte: fill the results of this draw and leave the others empty. Every result is saved in one save, or none.'),
    element,
    result,
  );
}
