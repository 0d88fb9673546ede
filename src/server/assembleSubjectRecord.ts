import { SUBJECT_RECORD_KEYS, type FormRow, type SubjectForm, type SubjectRecord } from '../clinical/index.js';
import { ircResponseCalls } from './ircResponseCalls.js';
import type { ServedProtocol } from './servedProtocol.js';

/** A stored CRF record as the assembly reads it: its form type and data, in the order saved. */
export interface StoredForm {
  readonly formType: string;
  /** The form's JSON object as the save stored it (validated by its schema then). */
  readonly data: unknown;
}

/**
 * One subject's stored records as the clinical engines read them (a SubjectRecord): each record goes where
 * its form's role puts it (SUBJECT_RECORD_KEYS: demographics, labs, dosing, ...; a 'one' form keeps its
 * latest record), a form of role 'disease' into diseaseForms under its id, the IRC's adjudications of single
 * assessments into the response calls (as the IRC's recorded calls). Every disease form of the protocol is
 * listed, empty when the subject has none. The screening record is the
 * eligibility engine's, not part of the subject record; a record of a form type the protocol does not define
 * is left out (the save path never stores one).
 */
export function assembleSubjectRecord(subject: SubjectForm, records: readonly StoredForm[], protocol: ServedProtocol): SubjectRecord {
  const out: Record<string, unknown> = { subject, disposition: {}, diseaseForms: {} };
  for (const placement of Object.values(SUBJECT_RECORD_KEYS)) if (!placement.one) out[placement.key] = [];
  // every disease form of the protocol is there, empty when the subject has no record of it (as the
  // standard repeating forms are)
  const disease: Record<string, FormRow[]> = Object.fromEntries([...protocol.forms.values()].filter((f) => f.role === 'disease').map((f) => [f.id, []]));
  const adjudications: Record<string, unknown>[] = [];
  for (const record of records) {
    const form = protocol.forms.get(record.formType);
    if (form === undefined) continue;
    if (form.role === 'disease') {
      (disease[form.id] ??= []).push(record.data as FormRow);
      continue;
    }
    if (form.role === 'adjudication') {
      adjudications.push(record.data as Record<string, unknown>);
      continue;
    }
    const placement = SUBJECT_RECORD_KEYS[form.role];
    if (placement === undefined) continue;
    if (placement.one) out[placement.key] = record.data;
    else (out[placement.key] as unknown[]).push(record.data);
  }
  out.diseaseForms = disease;
  out.responseCalls = [...(out.responseCalls as unknown[]), ...ircResponseCalls(adjudications)];
  return out as unknown as SubjectRecord;
}
