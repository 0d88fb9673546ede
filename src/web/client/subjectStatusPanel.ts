/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The subject's state on its page, and the moves the site may record from it (SUBJECT_STATUS_MOVES, the
// table the server's POST /subjects/:id/status enforces): each move asks for the reason the audit trail
// keeps, then says in words what it does and is sent only on Confirm. The server decides (an enrolment
// needs an eligible screening; a stale version answers 409); its refusal is shown in the box.
import { SUBJECT_STATUS_MOVES, type SubjectLifecycleStatus } from '../../clinical/subject/index.js';
import { api, ApiError } from './api.js';
import { announce, append, clear, h } from './dom.js';
import type { Shell, SubjectRow } from './shell.js';

const enc = encodeURIComponent;

/** The state in words, as a site coordinator says it. */
export const SUBJECT_STATE_WORDS: Readonly<Record<SubjectLifecycleStatus, string>> = Object.freeze({
  screening: 'in screening',
  screen_failure: 'screen failure',
  enrolled: 'enrolled',
  on_treatment: 'on treatment',
  follow_up: 'in follow-up',
  off_study: 'off study',
});

interface MoveWords {
  /** The button. */
  readonly action: string;
  /** What the move does, for the confirmation. */
  readonly effect: string;
  /** A reason a site often gives, shown as the field's placeholder (never sent unless typed). */
  readonly example: string;
}

const MOVE_WORDS: Readonly<Record<SubjectLifecycleStatus, MoveWords>> = Object.freeze({
  screening: { action: 'Re-screen…', effect: 'The subject returns to screening: a new screening form decides eligibility; the earlier screening stays in the audit trail.', example: 'e.g. re-screened after the washout period' },
  screen_failure: { action: 'Record screen failure…', effect: 'The subject is not enrolled. A screen failure can later be re-screened.', example: 'e.g. inclusion criterion 3 not met' },
  enrolled: { action: 'Enrol…', effect: 'The subject is enrolled; the server checks that the latest screening meets every eligibility criterion.', example: 'e.g. eligible at screening, consent signed' },
  on_treatment: { action: 'Start treatment…', effect: 'The subject is on study treatment from now on.', example: 'e.g. first dose given at cycle 1 day 1' },
  follow_up: { action: 'Move to follow-up…', effect: 'Study treatment has ended; the subject is followed for survival and new therapy.', example: 'e.g. treatment ended: disease progression' },
  off_study: { action: 'Take off study…', effect: 'The subject leaves the study. This is final: no further move is possible.', example: 'e.g. consent withdrawn, lost to follow-up, death' },
});

const errorText = (error: unknown): string => {
  if (!(error instanceof ApiError)) return String(error);
  const first = error.issues[0];
  return first === undefined ? error.message : `${error.message}: expected ${first.expected}`;
};

/**
 * The state and its moves, for the roles that may record them (`canMove`); other roles see the state only.
 * `moved` runs after the server recorded a move (the page is drawn again).
 */
export function subjectStatusPanel(shell: Shell, subject: SubjectRow, canMove: boolean, moved: (subject: SubjectRow) => void): HTMLElement {
  const moves = SUBJECT_STATUS_MOVES[subject.status];
  const area = h('div', { id: 'status-move-area' });
  const buttons = canMove
    ? moves.map((status) => {
        const button = h('button', { type: 'button', class: status === 'off_study' || status === 'screen_failure' ? 'secondary small' : 'small', 'data-move': status }, MOVE_WORDS[status].action);
        button.addEventListener('click', () => {
          clear(area);
          area.append(moveBox(shell, subject, status, moved, () => clear(area)));
        });
        return button;
      })
    : [];
  return h(
    'div',
    { class: 'status-moves', id: 'status-moves' },
    h('span', {}, 'Subject status: ', h('strong', { id: 'subject-status', 'data-state': subject.status }, SUBJECT_STATE_WORDS[subject.status])),
    canMove && moves.length === 0 ? h('span', { class: 'muted' }, ' (final)') : null,
    ...buttons.flatMap((button) => [' ', button]),
    area,
  );
}

/** One move: the reason (required: the audit trail keeps it), then what it does, then Confirm or Cancel. */
function moveBox(shell: Shell, subject: SubjectRow, status: SubjectLifecycleStatus, moved: (subject: SubjectRow) => void, cancel: () => void): HTMLElement {
  const words = MOVE_WORDS[status];
  const reasonId = 'status-move-reason';
  const reason = h('input', { id: reasonId, type: 'text', maxlength: '500', placeholder: words.example, 'aria-describedby': 'status-move-error', autocomplete: 'off' });
  const error = h('div', { class: 'error', role: 'status', id: 'status-move-error' });
  const confirm = h('button', { type: 'submit', id: 'status-move-confirm' }, `Confirm: ${SUBJECT_STATE_WORDS[status]}`);
  const back = h('button', { type: 'button', class: 'secondary', id: 'status-move-cancel' }, 'Cancel');
  back.addEventListener('click', cancel);
  reason.addEventListener('input', () => {
    if (reason.value.trim() !== '') error.textContent = '';
  });
  const form = h(
    'form',
    { class: 'confirm-box', role: 'alertdialog', 'aria-labelledby': 'status-move-title', id: 'status-move', 'data-to': status },
    h('p', { id: 'status-move-title' }, h('strong', {}, `Change subject ${subject.subjectId} from ${SUBJECT_STATE_WORDS[subject.status]} to ${SUBJECT_STATE_WORDS[status]}?`)),
    h('p', {}, words.effect),
    h('label', { for: reasonId }, 'Reason (kept in the audit trail) '),
    reason,
    h('div', { class: 'buttons' }, confirm, ' ', back),
    error,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = reason.value.trim();
    if (text === '') {
      error.textContent = 'Enter the reason for this change.';
      reason.focus();
      return;
    }
    confirm.disabled = true;
    const send = async (): Promise<void> => {
      // the version read now: a move recorded meanwhile by someone else is refused (409), not overwritten
      const fresh = await api<SubjectRow>('GET', `/subjects/${enc(subject.subjectId)}`);
      const changed = await api<SubjectRow>('POST', `/subjects/${enc(subject.subjectId)}/status`, { status, version: fresh.version, reason: text });
      announce(`Subject ${subject.subjectId} is now ${SUBJECT_STATE_WORDS[changed.status]}`);
      moved(changed);
    };
    send().catch((e: unknown) => {
      confirm.disabled = false;
      clear(error);
      append(error, errorText(e));
      if (!(e instanceof ApiError)) shell.error(e);
      reason.focus();
    });
  });
  window.setTimeout(() => reason.focus(), 0);
  return form;
}
