import { issue, type Issue, type IssuePath } from '../result/index.js';
import type { SqlClient } from '../store/index.js';
import { HttpError } from './httpError.js';
import { latestScreening } from './liveLogic.js';
import type { ServedProtocol } from './servedProtocol.js';

/**
 * The cross-form date rule of a study procedure: a form marked `notBeforeConsent` in its metadata (a visit's
 * labs, a dose, an assessment) cannot be dated before the subject's informed consent, read from the latest
 * screening record (its consent date, else its screening date). Refused with 422 naming the form's date
 * field, its value and the consent date. A subject with no screening record has no consent date to compare
 * with: nothing is checked. An adverse event before consent is medical history, not impossible: it raises
 * the AE-BEFORE-CONSENT query instead (liveLogic.ts).
 *
 * `findBeforeConsent` answers the issue as data (path `[...at, dateField]`), so a bulk import can name every
 * refused row of a file before anything is written; `checkNotBeforeConsent` refuses a single save with it.
 */
export async function findBeforeConsent(
  client: SqlClient,
  protocol: ServedProtocol,
  subjectId: string,
  formType: string,
  data: Readonly<Record<string, unknown>>,
  at: IssuePath = ['data'],
): Promise<Issue | undefined> {
  const form = protocol.forms.get(formType);
  if (form?.notBeforeConsent !== true || form.dateField === undefined) return undefined;
  const date = data[form.dateField];
  if (typeof date !== 'string') return undefined;
  const screening = await latestScreening(client, subjectId, protocol);
  const consent = screening?.consentDate ?? screening?.screeningDate ?? null;
  if (typeof consent !== 'string' || date >= consent) return undefined;
  return issue('before-consent', [...at, form.dateField], date, `a date on or after ${consent}, the informed consent of subject ${subjectId}: no study procedure precedes consent`);
}

export async function checkNotBeforeConsent(client: SqlClient, protocol: ServedProtocol, subjectId: string, formType: string, data: Readonly<Record<string, unknown>>): Promise<void> {
  const found = await findBeforeConsent(client, protocol, subjectId, formType, data);
  if (found === undefined) return;
  throw new HttpError(422, 'before-consent', `the ${formType} form is dated ${String(found.value)}, before the informed consent of subject ${subjectId}`, { issues: [found] });
}
