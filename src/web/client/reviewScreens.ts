/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { api, ApiError } from './api.js';
import { drawChart } from './chart.js';
import { announce, append, clear, h, table } from './dom.js';
import { fieldOptions, labelFieldPath } from './fieldLabels.js';
import { loadProtocol, type ClientProtocol } from './protocol.js';
import { dayText, localTimeText } from './reviewText.js';
import { ensureReviewStyles, labelStackedCells } from './reviewStyles.js';
import type { QueryRow, RecordRow, Shell, SubjectRow } from './shell.js';

const enc = encodeURIComponent;

function errorText(error: unknown): string {
  return error instanceof ApiError ? `${error.message}${error.issues.length > 0 ? `: ${error.issues.map((i) => `${i.path.join('.')} expected ${i.expected}`).join('; ')}` : ''}` : String(error);
}

/** A query's form label, field label and record, in the protocol's words. */
function queryPlace(protocol: ClientProtocol, q: QueryRow): { record: Node | string; field: string } {
  const form = q.formType === null ? undefined : protocol.form(q.formType);
  const record = q.recordId === null ? 'subject' : h('span', {}, form?.label ?? q.formType ?? 'record', h('span', { class: 'muted nowrap' }, ` #${q.recordId}`));
  const forms = form === undefined ? protocol.view.forms : [form];
  // a query on the subject alone may name a field of any form: the first form that has it names it
  const field = q.fieldPath === null ? '—' : (forms.map((f) => labelFieldPath(f, q.fieldPath ?? '')).find((l) => l.field !== undefined)?.label ?? q.fieldPath);
  return { record, field };
}

/** The data manager's actions on one query: close with a reason; reopen an answer with a reason; re-query a closed one. */
function dataManagerActions(q: QueryRow, rerender: () => void): HTMLElement {
  const id = `q${q.queryId}`;
  const status = h('span', { class: 'error', role: 'status', id: `${id}-error` });
  const fail = (error: unknown): void => void (status.textContent = errorText(error));
  if (q.status === 'closed') {
    const message = h('textarea', { id: `${id}-requery`, rows: '2', 'aria-describedby': `${id}-error` });
    const button = h('button', { type: 'button', class: 'secondary small', 'data-requery': String(q.queryId) }, 'Re-query');
    button.addEventListener('click', () => {
      const text = message.value.trim();
      if (text === '') {
        status.textContent = 'Write the new query first.';
        message.focus();
        return;
      }
      api('POST', '/queries', { subjectId: q.subjectId, message: text, ...(q.recordId === null ? {} : { recordId: q.recordId }), ...(q.fieldPath === null ? {} : { fieldPath: q.fieldPath }) })
        .then(() => {
          announce('New query raised on the same field');
          rerender();
        })
        .catch(fail);
    });
    return h('div', { class: 'query-actions' }, h('label', { for: message.id }, 'New query on the same field'), message, h('div', { class: 'buttons' }, button), status);
  }
  const reason = h('textarea', { id: `${id}-reason`, rows: '2', 'aria-describedby': `${id}-error` });
  const close = h('button', { type: 'button', class: 'secondary small', 'data-close': String(q.queryId) }, 'Close');
  const needReason = (): string | undefined => {
    const text = reason.value.trim();
    if (text !== '') return text;
    status.textContent = 'A reason is required.';
    reason.focus();
    return undefined;
  };
  close.addEventListener('click', () => {
    const text = needReason();
    if (text === undefined) return;
    api('POST', `/queries/${q.queryId}/close`, { version: q.version, reason: text })
      .then(() => {
        announce('Query closed');
        rerender();
      })
      .catch(fail);
  });
  const buttons = h('div', { class: 'buttons' }, close);
  if (q.status === 'answered') {
    const reopen = h('button', { type: 'button', class: 'secondary small', 'data-reopen': String(q.queryId) }, 'Reopen');
    reopen.addEventListener('click', () => {
      const text = needReason();
      if (text === undefined) return;
      api('POST', `/queries/${q.queryId}/reopen`, { version: q.version, reason: text })
        .then(() => {
          announce('Query reopened');
          rerender();
        })
        .catch(fail);
    });
    buttons.append(reopen);
  }
  return h('div', { class: 'query-actions' }, h('label', { for: reason.id }, q.status === 'answered' ? 'Reason (close or reopen)' : 'Reason for closing'), reason, buttons, status);
}

/** Queries: the data manager raises, closes, reopens and re-queries; a site answers in place. Each row says where: record, visit, date, field. */
export async function renderQueries(shell: Shell): Promise<void> {
  ensureReviewStyles();
  const [{ queries }, protocol] = await Promise.all([api<{ queries: QueryRow[] }>('GET', '/queries'), loadProtocol()]);
  const role = shell.session.role;
  const isSite = role === 'investigator' || role === 'coordinator';
  const isDm = role === 'data_manager';
  const rerender = (): void => void renderQueries(shell).catch((error: unknown) => shell.error(error));
  const rows = queries.map((q) => {
    let action: Node | string = '—';
    if (isSite && q.status === 'open') {
      const id = `answer-${q.queryId}`;
      const input = h('textarea', { id, rows: '2' });
      const button = h('button', { type: 'button', class: 'small', 'data-answer': String(q.queryId) }, 'Answer');
      const status = h('span', { class: 'error', role: 'status' });
      button.addEventListener('click', () => {
        api('POST', `/queries/${q.queryId}/answer`, { version: q.version, answer: input.value })
          .then(() => {
            announce('Query answered');
            rerender();
          })
          .catch((error: unknown) => (status.textContent = errorText(error)));
      });
      action = h('div', { class: 'query-actions' }, h('label', { for: id, class: 'sr-only' }, `Answer to query ${q.queryId}`), input, h('div', { class: 'buttons' }, button), status);
    } else if (isDm) {
      action = dataManagerActions(q, rerender);
    }
    const place = queryPlace(protocol, q);
    const answer = h('div', {}, q.answer ?? '—', q.lastReason !== null && q.status !== 'answered' ? h('div', { class: 'muted', 'data-query-reason': String(q.queryId) }, `${q.status === 'closed' ? 'Closed' : 'Reopened'}: ${q.lastReason}`) : null);
    return [
      String(q.queryId),
      h('a', { href: `/subjects/${enc(q.subjectId)}`, 'data-link': true }, q.subjectId),
      place.record,
      q.visit ?? '—',
      h('span', { class: 'nowrap' }, dayText(q.recordDate)),
      place.field,
      q.message,
      h('span', { class: 'nowrap' }, localTimeText(q.createdAt), h('div', { class: 'muted' }, q.checkCode === null ? q.createdBy : `edit check ${q.checkCode}`)),
      h('span', { class: `status-badge ${q.status}`, 'data-query-status': q.status }, q.status),
      answer,
      action,
    ];
  });
  const headers = ['#', 'Subject', 'Record', 'Visit', 'Record date', 'Field', 'Query', 'Raised', 'Status', 'Answer', 'Action'];
  const list = labelStackedCells(table(headers, rows, 'Queries'), headers);
  list.classList.add('query-table');
  const content: Node[] = [queries.length === 0 ? h('p', { class: 'muted' }, 'No queries.') : h('div', { class: 'review-scroll' }, list)];
  if (isDm) content.unshift(await raiseQueryForm(protocol, rerender));
  shell.show('Queries', ...content);
}

/** Raise a query on a subject, on one of its records, on one field of that record's form (listed by label from the metadata). */
async function raiseQueryForm(protocol: ClientProtocol, done: () => void): Promise<HTMLElement> {
  const { subjects } = await api<{ subjects: SubjectRow[] }>('GET', '/subjects');
  const subject = h('select', { id: 'q-subject' }, ...subjects.map((s) => h('option', { value: s.subjectId }, s.subjectId)));
  const record = h('select', { id: 'q-record' });
  const field = h('select', { id: 'q-field' });
  let records: RecordRow[] = [];
  const fillFields = (): void => {
    clear(field);
    field.append(h('option', { value: '' }, '(the whole record)'));
    const chosen = records.find((r) => String(r.recordId) === record.value);
    if (chosen === undefined) {
      // a query on the subject alone may name a field of any of its forms (e.g. a screening weight)
      for (const form of protocol.view.forms) field.append(h('optgroup', { label: form.label }, ...fieldOptions(form).map((o) => h('option', { value: o.path }, o.label))));
      return;
    }
    const form = protocol.form(chosen.formType);
    if (form === undefined) return;
    for (const option of fieldOptions(form)) field.append(h('option', { value: option.path }, option.label));
  };
  const fillRecords = async (): Promise<void> => {
    records = subject.value === '' ? [] : (await api<{ records: RecordRow[] }>('GET', `/subjects/${enc(subject.value)}/records`)).records;
    clear(record);
    record.append(h('option', { value: '' }, '(the subject, no record)'));
    for (const r of records) {
      const form = protocol.form(r.formType);
      const date = form?.dateField === undefined ? undefined : r.data[form.dateField];
      record.append(h('option', { value: String(r.recordId) }, `${form?.label ?? r.formType} #${r.recordId}${r.visit === null ? '' : `, ${r.visit}`}${typeof date === 'string' ? `, ${dayText(date)}` : ''}`));
    }
    fillFields();
  };
  subject.addEventListener('change', () => void fillRecords().catch(() => undefined));
  record.addEventListener('change', fillFields);
  await fillRecords();
  const form = h(
    'form',
    { id: 'raise-query', class: 'card' },
    h('h3', {}, 'Raise a query'),
    h(
      'div',
      { class: 'grid' },
      h('div', { class: 'field' }, h('label', { for: 'q-subject' }, 'Subject'), subject),
      h('div', { class: 'field' }, h('label', { for: 'q-record' }, 'Record'), record),
      h('div', { class: 'field' }, h('label', { for: 'q-field' }, 'Field'), field),
      h('div', { class: 'field' }, h('label', { for: 'q-message' }, 'Query'), h('textarea', { id: 'q-message', rows: '2', 'aria-describedby': 'q-error' }), h('span', { id: 'q-error', class: 'error', role: 'status' })),
    ),
    h('button', { type: 'submit' }, 'Raise query'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const value = (id: string): string => (form.querySelector<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(`#${id}`)?.value ?? '').trim();
    const recordId = value('q-record');
    const fieldPath = value('q-field');
    api('POST', '/queries', { subjectId: value('q-subject'), message: value('q-message'), ...(recordId === '' ? {} : { recordId: Number(recordId) }), ...(fieldPath === '' ? {} : { fieldPath }) })
      .then(() => {
        announce('Query raised');
        done();
      })
      .catch((error: unknown) => {
        const target = form.querySelector('#q-error');
        if (target !== null) target.textContent = errorText(error);
      });
  });
  return form;
}

interface LockRow {
  readonly lockId: number;
  readonly scope: 'trial' | 'subject';
  readonly subjectId: string | null;
  readonly cutoffDate: string;
  readonly released: boolean;
  readonly version: number;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly reason: string | null;
  readonly releaseReason: string | null;
}

/** A confirmation step: what will happen in words, then Confirm or Cancel (nothing is sent before Confirm). */
function confirmStep(id: string, lines: readonly string[], confirmLabel: string, onConfirm: () => Promise<void>, onCancel: () => void): HTMLElement {
  const error = h('span', { class: 'error', role: 'status', id: `${id}-error` });
  const confirm = h('button', { type: 'button', id: `${id}-confirm` }, confirmLabel);
  const cancel = h('button', { type: 'button', class: 'secondary', id: `${id}-cancel` }, 'Cancel');
  confirm.addEventListener('click', () => {
    confirm.disabled = true;
    onConfirm().catch((e: unknown) => {
      confirm.disabled = false;
      error.textContent = errorText(e);
    });
  });
  cancel.addEventListener('click', onCancel);
  const box = h('div', { class: 'confirm-box', role: 'alertdialog', 'aria-labelledby': `${id}-title`, id }, h('p', { id: `${id}-title` }, h('strong', {}, lines[0])), ...lines.slice(1).map((line) => h('p', {}, line)), confirm, ' ', cancel, h('div', {}, error));
  window.setTimeout(() => confirm.focus(), 0);
  return box;
}

/** Locks and snapshots: lock the trial or a subject at a cutoff with a reason, unlock with a reason, each after a confirmation; take a snapshot of a lock. */
export async function renderLocks(shell: Shell): Promise<void> {
  ensureReviewStyles();
  const [{ locks }, { snapshots }] = await Promise.all([
    api<{ locks: LockRow[] }>('GET', '/locks'),
    api<{ snapshots: { snapshotId: number; name: string; contentHash: string }[] }>('GET', '/snapshots'),
  ]);
  const canWrite = shell.session.role === 'data_manager';
  const rerender = (): void => void renderLocks(shell).catch((error: unknown) => shell.error(error));
  const rows = locks.map((lock) => {
    let action: Node | string = lock.released ? `released${lock.releaseReason === null ? '' : `: ${lock.releaseReason}`}` : 'active';
    if (canWrite && !lock.released) {
      const reasonId = `release-reason-${lock.lockId}`;
      const reason = h('input', { id: reasonId, type: 'text', 'aria-describedby': `${reasonId}-error` });
      const error = h('span', { id: `${reasonId}-error`, class: 'error', role: 'status' });
      const step = h('div', {});
      const button = h('button', { type: 'button', class: 'secondary small', 'data-release': String(lock.lockId) }, 'Unlock…');
      button.addEventListener('click', () => {
        const text = reason.value.trim();
        if (text === '') {
          error.textContent = 'A reason for unlocking is required.';
          reason.focus();
          return;
        }
        error.textContent = '';
        clear(step);
        step.append(
          confirmStep(
            `confirm-release-${lock.lockId}`,
            [
              `Unlock ${lock.scope === 'trial' ? 'the trial' : `subject ${lock.subjectId ?? ''}`} (lock #${lock.lockId}, cutoff ${dayText(lock.cutoffDate)})?`,
              'Sites can then change data dated on or before the cutoff again; the unlock and its reason are kept in the audit trail.',
              `Reason: ${text}`,
            ],
            'Confirm unlock',
            async () => {
              await api('POST', `/locks/${lock.lockId}/release`, { version: lock.version, reason: text });
              announce('Lock released');
              rerender();
            },
            () => clear(step),
          ),
        );
      });
      const snap = h('button', { type: 'button', class: 'secondary small', 'data-snapshot': String(lock.lockId) }, 'Snapshot');
      snap.addEventListener('click', () => {
        api('POST', '/snapshots', { name: `lock ${lock.lockId} at ${lock.cutoffDate}`, cutoffDate: lock.cutoffDate, lockId: lock.lockId })
          .then(rerender)
          .catch((e: unknown) => (error.textContent = errorText(e)));
      });
      action = h('div', { class: 'query-actions' }, h('label', { for: reasonId }, 'Reason for unlocking'), reason, h('div', { class: 'buttons' }, button, snap), error, step);
    }
    return [
      String(lock.lockId),
      lock.scope,
      lock.subjectId ?? '—',
      h('span', { class: 'nowrap' }, dayText(lock.cutoffDate)),
      h('div', {}, lock.reason ?? '—', h('div', { class: 'muted' }, `${lock.createdBy}, ${localTimeText(lock.createdAt)}`)),
      h('span', { 'data-lock-state': lock.released ? 'released' : 'active' }, action),
    ];
  });
  const content: Node[] = [];
  if (canWrite) content.push(await lockForm(rerender));
  const lockHeaders = ['#', 'Scope', 'Subject', 'Cutoff', 'Reason', 'State'];
  const lockTable = labelStackedCells(table(lockHeaders, rows, 'Locks'), lockHeaders);
  lockTable.classList.add('query-table');
  content.push(h('h3', {}, 'Locks'), locks.length === 0 ? h('p', { class: 'muted' }, 'No locks.') : h('div', { class: 'review-scroll' }, lockTable));
  content.push(h('h3', {}, 'Snapshots'), snapshots.length === 0 ? h('p', { class: 'muted' }, 'No snapshots.') : table(['#', 'Name', 'Content hash (SHA-256)'], snapshots.map((s) => [String(s.snapshotId), s.name, h('code', {}, s.contentHash)]), 'Snapshots'));
  shell.show('Locks and snapshots', ...content);
}

/** Lock the trial or one subject: cutoff and reason, then a confirmation that says what the lock will do. */
async function lockForm(done: () => void): Promise<HTMLElement> {
  const { subjects } = await api<{ subjects: SubjectRow[] }>('GET', '/subjects');
  const scope = h('select', { id: 'lock-scope' }, h('option', { value: 'trial' }, 'the whole trial'), ...subjects.map((s) => h('option', { value: s.subjectId }, `subject ${s.subjectId}`)));
  const step = h('div', { id: 'lock-step' });
  const form = h(
    'form',
    { id: 'lock-form', class: 'card' },
    h('h3', {}, 'Lock data'),
    h(
      'div',
      { class: 'grid' },
      h('div', { class: 'field' }, h('label', { for: 'lock-scope' }, 'Lock'), scope),
      h('div', { class: 'field' }, h('label', { for: 'lock-cutoff' }, 'Data cutoff'), h('input', { id: 'lock-cutoff', type: 'date', 'aria-describedby': 'lock-error' })),
      h('div', { class: 'field' }, h('label', { for: 'lock-reason' }, 'Reason for locking'), h('input', { id: 'lock-reason', type: 'text', 'aria-describedby': 'lock-error' })),
    ),
    h('span', { id: 'lock-error', class: 'error', role: 'status' }),
    h('div', {}, h('button', { type: 'submit' }, 'Lock…')),
    step,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const cutoff = form.querySelector<HTMLInputElement>('#lock-cutoff')?.value ?? '';
    const reason = (form.querySelector<HTMLInputElement>('#lock-reason')?.value ?? '').trim();
    const error = form.querySelector('#lock-error');
    const missing = [cutoff === '' ? 'a data cutoff' : null, reason === '' ? 'a reason' : null].filter((x) => x !== null);
    if (missing.length > 0) {
      if (error !== null) error.textContent = `Enter ${missing.join(' and ')}.`;
      form.querySelector<HTMLInputElement>(cutoff === '' ? '#lock-cutoff' : '#lock-reason')?.focus();
      return;
    }
    if (error !== null) error.textContent = '';
    const trial = scope.value === 'trial';
    clear(step);
    step.append(
      confirmStep(
        'confirm-lock',
        [
          `Lock ${trial ? 'the whole trial' : `subject ${scope.value}`} up to ${dayText(cutoff)}?`,
          `Nobody can then enter or change data dated on or before ${dayText(cutoff)} (undated forms included)${trial ? ' for any subject' : ''}; sites see a lock banner and read-only records. Data dated later can still be entered.`,
          `Reason: ${reason}`,
        ],
        'Confirm lock',
        async () => {
          await api('POST', '/locks', { scope: trial ? 'trial' : 'subject', ...(trial ? {} : { subjectId: scope.value }), cutoffDate: cutoff, reason });
          announce(trial ? 'Trial locked' : 'Subject locked');
          done();
        },
        () => clear(step),
      ),
    );
  });
  return form;
}

/** The sponsor's and data manager's dashboard: subjects by site and status from the aggregate endpoint. */
export async function renderDashboard(shell: Shell): Promise<void> {
  const { subjectsBySite, queriesByStatus } = await api<{ subjectsBySite: Record<string, Record<string, number>>; queriesByStatus: Record<string, number> }>('GET', '/summary');
  const statuses = ['screening', 'screen_failure', 'enrolled', 'on_treatment', 'follow_up', 'off_study'];
  const sites = Object.keys(subjectsBySite).sort();
  const chart = h('div', { class: 'chart', role: 'img', 'aria-label': `Enrolled subjects by site: ${sites.map((s) => `${s} ${['enrolled', 'on_treatment', 'follow_up', 'off_study'].reduce((n, status) => n + (subjectsBySite[s][status] ?? 0), 0)}`).join(', ')}` });
  const values = sites.flatMap((site) => statuses.map((status) => ({ site, status: status.replace('_', ' '), n: subjectsBySite[site][status] ?? 0 }))).filter((v) => v.n > 0);
  const content: Node[] = [
    h('h3', {}, 'Subjects by site and status'),
    chart,
    table(['Site', ...statuses.map((s) => s.replace('_', ' '))], sites.map((site) => [site, ...statuses.map((s) => String(subjectsBySite[site][s] ?? 0))]), 'Subjects by site'),
    h('h3', {}, 'Queries'),
    h('p', {}, Object.entries(queriesByStatus).map(([status, n]) => `${status}: ${n}`).join(', ') || 'none'),
    h('p', { class: 'muted' }, 'ORR/DCR with confidence intervals, Kaplan-Meier, forest, swimmer and safety summaries come from the report (trialkit report); serving them here is not done yet.'),
  ];
  shell.show('Dashboard', ...content);
  if (values.length > 0) {
    await drawChart(chart, { width: 420, height: 160, data: { values }, mark: 'bar', encoding: { y: { field: 'site', type: 'nominal', title: 'Site' }, x: { field: 'n', type: 'quantitative', title: 'Subjects', axis: { tickMinStep: 1, format: 'd' } }, color: { field: 'status', type: 'nominal', title: 'Status' } } });
  } else append(chart, 'No subjects yet.');
}
