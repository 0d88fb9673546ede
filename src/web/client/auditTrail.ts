/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { api } from './api.js';
import { append, clear, h, table } from './dom.js';
import type { RecordRow } from './shell.js';

interface AuditEntry {
  readonly auditId: number;
  readonly action: 'create' | 'update' | 'delete';
  readonly oldValue: unknown;
  readonly newValue: unknown;
  readonly changedBy: string;
  readonly changedAt: string;
  readonly reason: string | null;
}

function formData(row: unknown): Record<string, unknown> {
  if (row === null || typeof row !== 'object') return {};
  const data = (row as Record<string, unknown>).data;
  return data !== null && typeof data === 'object' ? (data as Record<string, unknown>) : {};
}

/** Every leaf of a form as dotted path -> value ('labs.anc.value' -> 1.8), so a change reads field by field. */
export function leaves(value: unknown, prefix = '', out: Map<string, unknown> = new Map()): Map<string, unknown> {
  if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) leaves(inner, prefix === '' ? key : `${prefix}.${key}`, out);
  } else out.set(prefix, value);
  return out;
}

const show = (value: unknown): string => (value === undefined ? '∅' : JSON.stringify(value));

/** Field by field: what each audited change did to the form's values. */
function changes(entry: AuditEntry): HTMLElement {
  const before = leaves(formData(entry.oldValue));
  const after = leaves(formData(entry.newValue));
  const keys = [...new Set([...before.keys(), ...after.keys()])].filter((k) => show(before.get(k)) !== show(after.get(k)));
  if (keys.length === 0) return h('span', {}, 'no form field changed');
  return h('ul', { class: 'values' }, ...keys.map((k) => h('li', {}, `${k}: ${show(before.get(k))} → ${show(after.get(k))}`)));
}

/** The data manager's view of a subject's records, each with its audit trail (who, when, why, old → new). */
export function auditSection(records: readonly RecordRow[]): HTMLElement {
  const target = h('div', { id: 'audit-trail', 'aria-live': 'polite' });
  const rows = records.map((record) => {
    const button = h('button', { type: 'button', class: 'secondary', 'data-audit': String(record.recordId) }, 'Audit trail');
    button.addEventListener('click', () => {
      api<{ entries: AuditEntry[] }>('GET', `/records/${record.recordId}/audit`)
        .then(({ entries }) => {
          clear(target);
          append(
            target,
            h('h4', {}, `Audit trail of record ${record.recordId} (${record.formType})`),
            table(['When', 'Who', 'Action', 'Reason', 'Changes'], entries.map((e) => [e.changedAt, e.changedBy, e.action, e.reason ?? '—', changes(e)]), `Audit trail of record ${record.recordId}`),
          );
        })
        .catch((error: unknown) => (target.textContent = String(error)));
    });
    return [String(record.recordId), record.formType, record.visit ?? '—', String(record.version), button];
  });
  return h('section', { class: 'card' }, h('h3', {}, 'Records'), records.length === 0 ? h('p', { class: 'muted' }, 'No records.') : table(['Record', 'Form', 'Visit', 'Version', ''], rows, 'Records'), target);
}
