import { issue, type Issue } from '../result/index.js';
import { HttpError } from './httpError.js';
import { findTextIssues } from './requestLimits.js';
import type { ServedProtocol } from './servedProtocol.js';
import { zodIssues } from './zodIssues.js';

/**
 * A form saved incomplete, to be finished later. The crf_records table has no status column, and a
 * migration is not this change's to make, so a draft is a row of crf_records under a form type no protocol
 * may define ('draft'), with an explicit status and the form it is a draft of: every reader of clinical data
 * goes by the protocol's form types (assembleSubjectRecord leaves unknown types out), so a draft never reaches
 * a derivation, an edit check or an analysis, while it is stored, audited, site-scoped and covered by locks
 * like every record. Finishing a draft saves the real record and deletes the draft in one transaction.
 */
export const DRAFT_FORM_TYPE = 'draft';

export interface DraftData {
  readonly status: 'draft';
  /** The form this is a draft of (a form id of the protocol). */
  readonly formType: string;
  /** The values entered so far: each one valid by the form's metadata; required ones may still be missing. */
  readonly data: Readonly<Record<string, unknown>>;
}

export function isDraftData(value: unknown): value is DraftData {
  return value !== null && typeof value === 'object' && (value as { status?: unknown }).status === 'draft' && typeof (value as { formType?: unknown }).formType === 'string';
}

/**
 * Checks a draft by the form's own schema: a value that is present must be valid (type, code list, hard
 * limit, text length, a rule between two present values); a value still missing is what makes it a draft.
 * Refused: 422 naming each field under `data`, as a complete save would.
 */
export function reviewDraft(protocol: ServedProtocol, formType: string, data: Readonly<Record<string, unknown>>): DraftData {
  const form = protocol.forms.get(formType);
  const schema = protocol.schema(formType);
  if (form === undefined || schema === undefined || form.role === 'screening' || formType === DRAFT_FORM_TYPE) {
    throw new HttpError(422, 'unknown-form', `no form '${formType}' can be kept as a draft`, {
      issues: [issue('unknown-form', ['formType'], formType, `a form of protocol ${protocol.definition.id} other than the screening record`)],
    });
  }
  const parsed = schema.safeParse(data, { reportInput: true });
  const present: Issue[] = parsed.success ? [] : zodIssues(parsed.error, data, ['data']).filter((item) => item.value !== undefined);
  const text = findTextIssues(data, { formType, prefix: ['data'] });
  const issues = [...present, ...text];
  if (issues.length > 0) throw new HttpError(422, 'invalid-input', `the ${formType} draft holds a value that is not valid`, { issues });
  return { status: 'draft', formType, data };
}
