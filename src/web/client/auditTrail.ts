/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The per-field history of a record from its audit trail, in plain words: who (by name), when (the
// reader's local time), which field (its label from the form's metadata), old -> new (codes shown by their
// labels, numbers with their unit), and why.
import { formLeaves, labelFieldPath } from './fieldLabels.js';
import { displayValue } from './formRenderer.js';
import type { ClientProtocol } from './protocol.js';
import { localTimeText } from './reviewText.js';
import { h } from './dom.js';

export interface HistoryEntry {
  readonly auditId: number | null;
  readonly action: 'create' | 'update' | 'delete';
  readonly oldData: unknown;
  readonly newData: unknown;
  readonly changedBy: string;
  readonly changedByName: string | null;
  readonly changedAt: string;
  readonly reason: string | null;
}

export interface FieldChange {
  readonly path: string;
  readonly label: string;
  readonly before: string;
  readonly after: string;
}

/** The fields one entry changed, each with its label and its values as a reader reads them. */
export function fieldChanges(protocol: ClientProtocol, formType: string, entry: HistoryEntry): readonly FieldChange[] {
  const form = protocol.form(formType);
  const before = formLeaves(entry.oldData ?? {});
  const after = formLeaves(entry.newData ?? {});
  const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
  return [...new Set([...before.keys(), ...after.keys()])]
    .filter((path) => !same(before.get(path), after.get(path)))
    .map((path) => {
      const { field, label } = labelFieldPath(form, path);
      const show = (value: unknown): string => (value === undefined ? '(empty)' : displayValue(protocol, field, value));
      return { path, label, before: show(before.get(path)), after: show(after.get(path)) };
    });
}

const who = (entry: HistoryEntry): string => (entry.changedByName === null ? entry.changedBy : `${entry.changedByName} (${entry.changedBy})`);

/** The history of one record, newest first: one line per changed field. */
export function recordHistoryView(protocol: ClientProtocol, formType: string, entries: readonly HistoryEntry[]): HTMLElement {
  const items = [...entries].reverse().map((entry) => {
    const changes = fieldChanges(protocol, formType, entry);
    const verb = entry.action === 'create' ? 'entered' : entry.action === 'delete' ? 'deleted the record' : 'changed';
    const head = h(
      'div',
      {},
      h('strong', {}, who(entry)),
      ` ${verb} `,
      h('span', { class: 'when' }, `on ${localTimeText(entry.changedAt)}`),
      entry.reason === null ? null : h('span', {}, ` — reason: ${entry.reason}`),
    );
    const lines =
      entry.action === 'delete'
        ? []
        : changes.map((c) =>
            h(
              'li',
              { 'data-history-field': c.path },
              h('span', { class: 'field-label' }, c.label),
              ': ',
              entry.action === 'create' ? h('span', {}, c.after) : h('span', {}, `${c.before} → ${c.after}`),
            ),
          );
    return h('li', { 'data-history-entry': entry.action }, head, lines.length === 0 ? (entry.action === 'update' ? h('div', { class: 'muted' }, 'no form value changed') : null) : h('ul', {}, ...lines));
  });
  return h('ul', { class: 'history-list' }, ...items);
}
