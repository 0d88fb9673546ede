/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { api, ApiError } from './api.js';
import { drawChart } from './chart.js';
import { announce, append, h, table } from './dom.js';
import type { QueryRow, Shell, SubjectRow } from './shell.js';

const enc = encodeURIComponent;

function errorText(error: unknown): string {
  return error instanceof ApiError ? `${error.message}${error.issues.length > 0 ? `: ${error.issues.map((i) => `${i.path.join('.')} expected ${i.expected}`).join('; ')}` : ''}` : String(error);
}

/** Queries: the data manager raises and closes, a site answers in place. */
export async function renderQueries(shell: Shell): Promise<void> {
  const { queries } = await api<{ queries: QueryRow[] }>('GET', '/queries');
  const role = shell.session.role;
  const isSite = role === 'investigator' || role === 'coordinator';
  const isDm = role === 'data_manager';
  const rerender = (): void => void renderQueries(shell).catch((error: unknown) => shell.error(error));
  const rows = queries.map((q) => {
    let action: Node | string = '—';
    if (isSite && q.status === 'open') {
      const id = `answer-${q.queryId}`;
      const input = h('textarea', { id, rows: '2', cols: '30' });
      const button = h('button', { type: 'button', 'data-answer': String(q.queryId) }, 'Answer');
      const status = h('span', { class: 'error', role: 'status' });
      button.addEventListener('click', () => {
        api('POST', `/queries/${q.queryId}/answer`, { version: q.version, answer: input.value })
          .then(() => {
            announce('Query answered');
            rerender();
          })
          .catch((error: unknown) => (status.textContent = errorText(error)));
      });
      action = h('div', {}, h('label', { for: id, class: 'sr-only' }, `Answer to query ${q.queryId}`), input, button, status);
    } else if (isDm && q.status !== 'closed') {
      const button = h('button', { type: 'button', class: 'secondary', 'data-close': String(q.queryId) }, 'Close');
      button.addEventListener('click', () => {
        api('POST', `/queries/${q.queryId}/close`, { version: q.version, reason: 'resolved' })
          .then(rerender)
          .catch((error: unknown) => shell.error(error));
      });
      action = button;
    }
    return [String(q.queryId), h('a', { href: `/subjects/${enc(q.subjectId)}`, 'data-link': true }, q.subjectId), q.fieldPath ?? '—', q.message, h('span', { 'data-query-status': q.status }, q.status), q.answer ?? '—', action];
  });
  const content: Node[] = [queries.length === 0 ? h('p', { class: 'muted' }, 'No queries.') : table(['#', 'Subject', 'Field', 'Query', 'Status', 'Answer', 'Action'], rows, 'Queries')];
  if (isDm) content.unshift(await raiseQueryForm(shell, rerender));
  shell.show('Queries', ...content);
}

async function raiseQueryForm(shell: Shell, done: () => void): Promise<HTMLElement> {
  const { subjects } = await api<{ subjects: SubjectRow[] }>('GET', '/subjects');
  const form = h(
    'form',
    { id: 'raise-query', class: 'card' },
    h('h3', {}, 'Raise a query'),
    h(
      'div',
      { class: 'grid' },
      h('div', { class: 'field' }, h('label', { for: 'q-subject' }, 'Subject'), h('select', { id: 'q-subject' }, ...subjects.map((s) => h('option', { value: s.subjectId }, s.subjectId)))),
      h('div', { class: 'field' }, h('label', { for: 'q-field' }, 'Field (optional)'), h('input', { id: 'q-field', type: 'text' })),
      h('div', { class: 'field' }, h('label', { for: 'q-message' }, 'Query'), h('textarea', { id: 'q-message', rows: '2', 'aria-describedby': 'q-error' }), h('span', { id: 'q-error', class: 'error', role: 'status' })),
    ),
    h('button', { type: 'submit' }, 'Raise query'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const value = (id: string): string => (form.querySelector<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(`#${id}`)?.value ?? '').trim();
    const field = value('q-field');
    api('POST', '/queries', { subjectId: value('q-subject'), message: value('q-message'), ...(field === '' ? {} : { fieldPath: field }) })
      .then(() => {
        announce('Query raised');
        done();
      })
      .catch((error: unknown) => {
        const target = form.querySelector('#q-error');
        if (target !== null) target.textContent = errorText(error);
      });
  });
  void shell;
  return form;
}

interface LockRow {
  readonly lockId: number;
  readonly scope: 'trial' | 'subject';
  readonly subjectId: string | null;
  readonly cutoffDate: string;
  readonly released: boolean;
  readonly version: number;
}

/** Locks and snapshots: lock the trial at a cutoff, unlock with a reason, take a snapshot of a lock. */
export async function renderLocks(shell: Shell): Promise<void> {
  const [{ locks }, { snapshots }] = await Promise.all([
    api<{ locks: LockRow[] }>('GET', '/locks'),
    api<{ snapshots: { snapshotId: number; name: string; contentHash: string }[] }>('GET', '/snapshots'),
  ]);
  const canWrite = shell.session.role === 'data_manager';
  const rerender = (): void => void renderLocks(shell).catch((error: unknown) => shell.error(error));
  const rows = locks.map((lock) => {
    let action: Node | string = lock.released ? 'released' : 'active';
    if (canWrite && !lock.released) {
      const reasonId = `release-reason-${lock.lockId}`;
      const reason = h('input', { id: reasonId, type: 'text', 'aria-describedby': `${reasonId}-error` });
      const error = h('span', { id: `${reasonId}-error`, class: 'error', role: 'status' });
      const button = h('button', { type: 'button', class: 'secondary', 'data-release': String(lock.lockId) }, 'Unlock');
      button.addEventListener('click', () => {
        api('POST', `/locks/${lock.lockId}/release`, { version: lock.version, reason: reason.value })
          .then(rerender)
          .catch((e: unknown) => (error.textContent = errorText(e)));
      });
      const snap = h('button', { type: 'button', class: 'secondary', 'data-snapshot': String(lock.lockId) }, 'Snapshot');
      snap.addEventListener('click', () => {
        api('POST', '/snapshots', { name: `lock ${lock.lockId} at ${lock.cutoffDate}`, cutoffDate: lock.cutoffDate, lockId: lock.lockId })
          .then(rerender)
          .catch((e: unknown) => (error.textContent = errorText(e)));
      });
      action = h('div', {}, h('label', { for: reasonId }, 'Reason for unlocking '), reason, button, snap, error);
    }
    return [String(lock.lockId), lock.scope, lock.subjectId ?? '—', lock.cutoffDate, h('span', { 'data-lock-state': lock.released ? 'released' : 'active' }, action)];
  });
  const lockForm = canWrite
    ? h(
        'form',
        { id: 'lock-form', class: 'card' },
        h('h3', {}, 'Lock the trial'),
        h('div', { class: 'field' }, h('label', { for: 'lock-cutoff' }, 'Data cutoff'), h('input', { id: 'lock-cutoff', type: 'date', 'aria-describedby': 'lock-error' })),
        h('div', { class: 'field' }, h('label', { for: 'lock-reason' }, 'Reason for locking'), h('input', { id: 'lock-reason', type: 'text', 'aria-describedby': 'lock-error' }), h('span', { id: 'lock-error', class: 'error', role: 'status' })),
        h('button', { type: 'submit' }, 'Lock'),
      )
    : null;
  lockForm?.addEventListener('submit', (event) => {
    event.preventDefault();
    const cutoff = lockForm.querySelector<HTMLInputElement>('#lock-cutoff')?.value ?? '';
    const reason = lockForm.querySelector<HTMLInputElement>('#lock-reason')?.value ?? '';
    api('POST', '/locks', { scope: 'trial', cutoffDate: cutoff, reason })
      .then(() => {
        announce('Trial locked');
        rerender();
      })
      .catch((e: unknown) => {
        const target = lockForm.querySelector('#lock-error');
        if (target !== null) target.textContent = errorText(e);
      });
  });
  const content: Node[] = [];
  if (lockForm !== null) content.push(lockForm);
  content.push(h('h3', {}, 'Locks'), locks.length === 0 ? h('p', { class: 'muted' }, 'No locks.') : table(['#', 'Scope', 'Subject', 'Cutoff', 'State'], rows, 'Locks'));
  content.push(h('h3', {}, 'Snapshots'), snapshots.length === 0 ? h('p', { class: 'muted' }, 'No snapshots.') : table(['#', 'Name', 'Content hash (SHA-256)'], snapshots.map((s) => [String(s.snapshotId), s.name, h('code', {}, s.contentHash)]), 'Snapshots'));
  shell.show('Locks and snapshots', ...content);
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
