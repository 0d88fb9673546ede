/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// A subject's review state on its page, for every role that sees the subject: the lock banner (what is
// locked, up to which date, why and by whom), and per record its date, lock, source data verification
// (the monitor marks it), electronic signature (the investigator signs, re-entering the password, after
// reading what the signature means) and the per-field history (data manager, monitor); the casebook
// signature. Records a lock covers are read-only here before any save is tried.
import { api, ApiError } from './api.js';
import { recordHistoryView, type HistoryEntry } from './auditTrail.js';
import { announce, append, clear, h, table } from './dom.js';
import { loadProtocol, type ClientProtocol } from './protocol.js';
import { ensureReviewStyles, labelStackedCells } from './reviewStyles.js';
import { dayText, localTimeText } from './reviewText.js';
import type { Shell } from './shell.js';

const enc = encodeURIComponent;

interface SdvMark {
  readonly recordVersion: number;
  readonly cleared: boolean;
  readonly verifiedBy: string;
  readonly verifiedAt: string;
  readonly clearedBy: string | null;
  readonly clearedAt: string | null;
}

interface Signature {
  readonly signatureId: number;
  readonly scope: 'form' | 'casebook';
  readonly recordVersion: number | null;
  readonly meaning: string;
  readonly signerName: string;
  readonly signerRole: string;
  readonly signedAt: string;
  readonly invalidated: boolean;
  readonly invalidatedBy: string | null;
  readonly invalidatedAt: string | null;
}

interface ReviewRecord {
  readonly recordId: number;
  readonly formType: string;
  readonly visit: string | null;
  readonly version: number;
  readonly recordDate: string | null;
  /** The record's own date (its form's date field); null for an undated form. */
  readonly formDate: string | null;
  readonly lockedBy: number | null;
  readonly sdv: SdvMark | null;
  readonly signature: Signature | null;
}

interface Lock {
  readonly lockId: number;
  readonly scope: 'trial' | 'subject';
  readonly cutoffDate: string;
  readonly reason: string | null;
  readonly lockedBy: string;
  readonly lockedByName: string | null;
  readonly lockedAt: string;
}

interface SignatureMeaning {
  readonly id: string;
  readonly label: string;
  readonly statement: string;
}

export interface SubjectReview {
  readonly subjectId: string;
  readonly locks: readonly Lock[];
  readonly records: readonly ReviewRecord[];
  readonly casebookSignature: Signature | null;
  /** The protocol's meanings of a form and of a casebook signature (its signatureMeanings); the signer chooses when there are several. */
  readonly meanings: { readonly form: readonly SignatureMeaning[]; readonly casebook: readonly SignatureMeaning[] };
  readonly names: Readonly<Record<string, string>>;
}

const nameOf = (review: SubjectReview, userId: string | null): string => (userId === null ? '—' : (review.names[userId] ?? userId));

function errorText(error: unknown): string {
  return error instanceof ApiError ? error.message : String(error);
}

/** The lock banner: every active lock covering the subject, what it covers, why and by whom. */
export function lockBanner(review: SubjectReview): HTMLElement | null {
  if (review.locks.length === 0) return null;
  return h(
    'div',
    { class: 'lock-banner', role: 'status', id: 'lock-banner' },
    h('strong', {}, review.locks.some((l) => l.scope === 'trial') ? 'The trial is locked' : 'This subject is locked'),
    h(
      'ul',
      {},
      ...review.locks.map((lock) =>
        h(
          'li',
          { 'data-lock': String(lock.lockId) },
          `${lock.scope === 'trial' ? 'Trial lock' : 'Subject lock'}: data dated on or before ${dayText(lock.cutoffDate)} (and undated forms) cannot be entered or changed. `,
          `Locked by ${lock.lockedByName ?? lock.lockedBy} on ${localTimeText(lock.lockedAt)}${lock.reason === null ? '' : `, reason: ${lock.reason}`}.`,
        ),
      ),
    ),
    h('p', {}, 'Locked records below are read-only. Data dated after the cutoff can still be entered. Ask the data manager to unlock if a locked record must be corrected.'),
  );
}

/** A signature as it is shown with the record: printed name, role, date and time, meaning; or why it no longer stands. */
export function signatureBlock(review: SubjectReview, signature: Signature): HTMLElement {
  return h(
    'div',
    { class: `signature-block${signature.invalidated ? ' invalidated' : ''}`, 'data-signature': signature.invalidated ? 'invalidated' : 'valid' },
    h('div', {}, h('strong', {}, `Signed by ${signature.signerName}`), ` (${signature.signerRole}) on ${localTimeText(signature.signedAt)}${signature.recordVersion === null ? '' : `, version ${signature.recordVersion}`}`),
    h('div', { class: 'muted' }, `Meaning: “${signature.meaning}”`),
    signature.invalidated ? h('div', {}, h('strong', {}, 'No longer valid:'), ` the signed data changed (${nameOf(review, signature.invalidatedBy)}, ${localTimeText(signature.invalidatedAt ?? '')}).`) : null,
  );
}

/**
 * The signing step: what the signature means (the protocol's words: stated when there is one meaning, chosen
 * among radio buttons when there are several, none preselected), the password entered again, then Sign (or Cancel).
 */
function signingBox(meanings: readonly SignatureMeaning[], idBase: string, sign: (password: string, meaning: string) => Promise<void>, cancel: () => void): HTMLElement {
  const passwordId = `${idBase}-password`;
  const input = h('input', { id: passwordId, type: 'password', autocomplete: 'current-password', 'aria-describedby': `${idBase}-error` });
  const error = h('span', { class: 'error', role: 'status', id: `${idBase}-error` });
  const confirm = h('button', { type: 'submit', 'data-confirm-sign': idBase }, 'Sign');
  const back = h('button', { type: 'button', class: 'secondary' }, 'Cancel');
  back.addEventListener('click', cancel);
  let chosen: SignatureMeaning | undefined = meanings.length === 1 ? meanings[0] : undefined;
  const statement = h('p', { id: `${idBase}-statement`, 'aria-live': 'polite' });
  const state = (): void => {
    clear(statement);
    if (chosen === undefined) append(statement, h('span', { class: 'muted' }, 'Choose what your signature means.'));
    else append(statement, h('strong', {}, 'By signing you state: '), `“${chosen.statement}”`);
  };
  state();
  const choice =
    meanings.length < 2
      ? null
      : h(
          'fieldset',
          { class: 'meaning-choice' },
          h('legend', {}, 'Meaning of this signature'),
          ...meanings.map((meaning) => {
            const id = `${idBase}-meaning-${meaning.id}`;
            const radio = h('input', { type: 'radio', name: `${idBase}-meaning`, id, value: meaning.id, 'data-meaning': meaning.id });
            radio.addEventListener('change', () => {
              chosen = meaning;
              error.textContent = '';
              state();
            });
            return h('div', {}, radio, ' ', h('label', { for: id }, meaning.label));
          }),
        );
  const form = h(
    'form',
    { class: 'confirm-box', 'aria-label': 'Electronic signature' },
    choice,
    statement,
    h('p', { class: 'muted' }, 'Your electronic signature is the legally binding equivalent of your handwritten signature. Enter your password to sign.'),
    h('label', { for: passwordId }, 'Password '),
    input,
    ' ',
    confirm,
    ' ',
    back,
    h('div', {}, error),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (chosen === undefined) {
      error.textContent = 'Choose what your signature means.';
      form.querySelector<HTMLInputElement>('input[type="radio"]')?.focus();
      return;
    }
    if (input.value === '') {
      error.textContent = 'Enter your password to sign.';
      input.focus();
      return;
    }
    confirm.disabled = true;
    sign(input.value, chosen.id).catch((e: unknown) => {
      confirm.disabled = false;
      input.value = '';
      error.textContent = errorText(e);
      input.focus();
    });
  });
  window.setTimeout(() => (choice === null ? input : (choice.querySelector('input') ?? input)).focus(), 0);
  return form;
}

/** Disables the site's correction of every record a lock covers (the list is redrawn after saves, so this follows it). */
function keepLockedReadOnly(root: HTMLElement, review: SubjectReview): void {
  const locked = new Set(review.records.filter((r) => r.lockedBy !== null).map((r) => String(r.recordId)));
  if (locked.size === 0) return;
  const apply = (): void => {
    for (const button of root.ownerDocument.querySelectorAll<HTMLButtonElement>('[data-correct]')) {
      if (!locked.has(button.dataset.correct ?? '') || button.disabled) continue;
      button.disabled = true;
      button.textContent = 'Locked';
      button.title = 'A lock covers this record: it is read-only';
    }
  };
  apply();
  new MutationObserver(apply).observe(root.ownerDocument.getElementById('main') ?? root.ownerDocument.body, { childList: true, subtree: true });
}

/**
 * The review section of a subject's page (the subject screen calls this once): filled when the review
 * state arrives, redrawn after each review action.
 */
export function subjectReviewSection(shell: Shell, subjectId: string): HTMLElement {
  ensureReviewStyles();
  const section = h('section', { class: 'card', id: 'review', 'aria-labelledby': 'review-title' }, h('h3', { id: 'review-title' }, 'Review: locks, verification, signatures'));
  const banner = h('div', { id: 'lock-slot' });
  const draw = async (): Promise<void> => {
    const [review, protocol] = await Promise.all([api<SubjectReview>('GET', `/subjects/${enc(subjectId)}/review`), loadProtocol()]);
    const lock = lockBanner(review);
    clear(banner);
    if (lock !== null) banner.append(lock);
    clear(section);
    append(section, h('h3', { id: 'review-title' }, 'Review: locks, verification, signatures'), ...reviewContent(shell, protocol, review, () => void draw().catch((e: unknown) => shell.error(e))));
    keepLockedReadOnly(section, review);
  };
  draw().catch((error: unknown) => shell.error(error));
  // the banner goes to the top of the page, above the timeline and the forms
  window.setTimeout(() => {
    const title = document.getElementById('screen-title');
    title?.parentElement?.insertBefore(banner, title.nextSibling);
  }, 0);
  return section;
}

function reviewContent(shell: Shell, protocol: ClientProtocol, review: SubjectReview, redraw: () => void): Node[] {
  const role = shell.session.role;
  const isMonitor = role === 'monitor';
  const isInvestigator = role === 'investigator';
  const seesHistory = role === 'data_manager' || role === 'monitor';
  const detail = h('div', { id: 'review-detail', 'aria-live': 'polite' });
  const rows = review.records.map((record) => {
    const form = protocol.form(record.formType);
    const sdv = record.sdv;
    const sdvCell = h(
      'div',
      { 'data-sdv': sdv === null ? 'none' : sdv.cleared ? 'cleared' : 'verified' },
      sdv === null
        ? h('span', { class: 'muted' }, 'not verified')
        : sdv.cleared
          ? h('span', { class: 'status-badge cleared', title: `verified version ${sdv.recordVersion} by ${nameOf(review, sdv.verifiedBy)}` }, `cleared: changed by ${nameOf(review, sdv.clearedBy)} ${localTimeText(sdv.clearedAt ?? '')}`)
          : h('span', { class: 'status-badge verified' }, `verified by ${nameOf(review, sdv.verifiedBy)}, ${localTimeText(sdv.verifiedAt)}`),
    );
    if (isMonitor && (sdv === null || sdv.cleared) && record.lockedBy === null) {
      const button = h('button', { type: 'button', class: 'secondary small', 'data-verify': String(record.recordId) }, 'Mark verified');
      button.addEventListener('click', () => {
        api('POST', `/records/${record.recordId}/sdv`, { version: record.version })
          .then(() => {
            announce(`Record ${record.recordId} marked source-data verified`);
            redraw();
          })
          .catch((e: unknown) => shell.error(e));
      });
      sdvCell.append(' ', button);
    }
    const signatureCell = h('div', {}, record.signature === null ? h('span', { class: 'muted' }, 'not signed') : signatureBlock(review, record.signature));
    if (isInvestigator && (record.signature === null || record.signature.invalidated) && record.lockedBy === null) {
      const button = h('button', { type: 'button', class: 'small', 'data-sign': String(record.recordId) }, 'Sign');
      button.addEventListener('click', () => {
        clear(detail);
        detail.append(
          h('h4', {}, `Sign ${form?.label ?? record.formType} #${record.recordId}, version ${record.version}`),
          signingBox(
            review.meanings.form,
            `sign-${record.recordId}`,
            async (password, meaning) => {
              await api('POST', `/records/${record.recordId}/signature`, { version: record.version, password, meaning });
              announce(`Record ${record.recordId} signed`);
              redraw();
            },
            () => clear(detail),
          ),
        );
        detail.scrollIntoView({ block: 'nearest' });
      });
      signatureCell.append(' ', button);
    }
    const actions: Node[] = [];
    if (seesHistory) {
      const button = h('button', { type: 'button', class: 'secondary small', 'data-history': String(record.recordId) }, 'History');
      button.addEventListener('click', () => {
        api<{ entries: HistoryEntry[] }>('GET', `/records/${record.recordId}/history`)
          .then(({ entries }) => {
            clear(detail);
            append(detail, h('h4', {}, `History of ${form?.label ?? record.formType} #${record.recordId}`), recordHistoryView(protocol, record.formType, entries));
          })
          .catch((e: unknown) => shell.error(e));
      });
      actions.push(button);
    }
    return [
      h('span', {}, form?.label ?? record.formType, h('span', { class: 'muted nowrap' }, ` #${record.recordId}`)),
      record.visit ?? '—',
      h('span', { class: 'nowrap' }, record.formDate === null ? '—' : dayText(record.formDate)),
      String(record.version),
      record.lockedBy === null ? h('span', { class: 'muted' }, 'open') : h('span', { class: 'status-badge locked', 'data-locked': String(record.recordId) }, 'locked'),
      sdvCell,
      signatureCell,
      h('div', {}, ...actions),
    ];
  });
  const headers = ['Record', 'Visit', 'Date', 'Version', 'Lock', 'Source data verification', 'Signature', ''];
  const list = table(headers, rows, 'Review state of the records');
  list.classList.add('review-table');
  labelStackedCells(list, headers);
  const casebook = h('div', { id: 'casebook-signature' }, h('h4', {}, 'Casebook signature'));
  if (review.casebookSignature === null) casebook.append(h('p', { class: 'muted' }, 'The casebook is not signed.'));
  else casebook.append(signatureBlock(review, review.casebookSignature));
  const locked = review.records.some((r) => r.lockedBy !== null);
  if (isInvestigator && (review.casebookSignature === null || review.casebookSignature.invalidated) && review.records.length > 0 && !locked) {
    const area = h('div', {});
    const button = h('button', { type: 'button', id: 'sign-casebook' }, 'Sign the casebook');
    button.addEventListener('click', () => {
      clear(area);
      area.append(
        signingBox(
          review.meanings.casebook,
          'sign-casebook',
          async (password, meaning) => {
            await api('POST', `/subjects/${enc(review.subjectId)}/signature`, { password, meaning });
            announce('Casebook signed');
            redraw();
          },
          () => clear(area),
        ),
      );
    });
    casebook.append(button, area);
  }
  return [review.records.length === 0 ? h('p', { class: 'muted' }, 'No records.') : list, detail, casebook];
}
