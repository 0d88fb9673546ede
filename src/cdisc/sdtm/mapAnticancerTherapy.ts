import type { FieldDefinition, ProtocolDefinition, SdtmAnnotation, SubjectRecord } from '../../clinical/index.js';
import { issue, type Issue } from '../../result/index.js';
import { submissionValue } from './mapAnnotatedForms.js';
import { PRIOR_THERAPY_STANDARD_FIELDS } from './priorTherapyFields.js';
import type { SdtmRow, SuppEntry } from './sdtmRow.js';
import { toSdtmDtc } from './toSdtmDtc.js';

/**
 * Prior and subsequent anticancer therapy into CM (SDTMIG v3.4 CM): one record per agent of a line, the agents
 * of one line tied by CMGRPID, CMCAT telling prior from subsequent therapy and CMSCAT the kind (the forms collect
 * systemic lines only). What the line records beyond the agent and its dates (cycles, best response, refractory,
 * progression, and any field the protocol adds with a `qnam` annotation) has no CM variable and goes to SUPPCM on
 * every agent record of the line. Dates are written as recorded, partial dates truncated (toSdtmDtc); --DY only
 * for complete dates; CMSTRF/CMENRF place the dates against the study reference period when the known components
 * decide it. CMCAT and CMSCAT are sponsor-defined (CDISC has no codelist for them).
 */

export const CM_PRIOR_CATEGORY = 'PRIOR ANTI-CANCER THERAPY';
export const CM_SUBSEQUENT_CATEGORY = 'SUBSEQUENT ANTI-CANCER THERAPY';
export const CM_SYSTEMIC_SUBCATEGORY = 'SYSTEMIC THERAPY';


export interface TherapyContext {
  readonly studyId: string;
  readonly usubjid: string;
  readonly protocol: ProtocolDefinition;
  /** Study day of a complete ISO date. */
  readonly studyDay: (date: string | null) => number | null;
  /** First and last dose of study drug (RFSTDTC, RFENDTC), null when never dosed. */
  readonly reference: { readonly first: string | null; readonly last: string | null };
  readonly path: readonly (string | number)[];
}

/**
 * Where a (possibly partial) date falls against the study reference period (--STRF/--ENRF, C66728): BEFORE the
 * first dose, AFTER the last, DURING between; null when the known components cannot decide it.
 */
export function referencePeriodRelation(dtc: string | null, reference: TherapyContext['reference']): 'BEFORE' | 'DURING' | 'AFTER' | null {
  if (dtc === null || reference.first === null) return null;
  const last = reference.last ?? reference.first;
  // The earliest and latest calendar dates the known components allow (a day with no month says only the year).
  const known = dtc.includes('---') ? dtc.slice(0, 4) : dtc;
  const earliest = known.length === 4 ? `${known}-01-01` : known.length === 7 ? `${known}-01` : known;
  const latest = known.length === 4 ? `${known}-12-31` : known.length === 7 ? `${known}-31` : known;
  if (latest < reference.first) return 'BEFORE';
  if (earliest > last) return 'AFTER';
  return earliest >= reference.first && latest <= last ? 'DURING' : null;
}

interface Line {
  readonly category: string;
  readonly group: string;
  readonly agents: readonly string[];
  readonly start: string | undefined;
  readonly end: string | undefined;
  readonly supp: readonly Omit<SuppEntry, 'parent'>[];
  readonly path: readonly (string | number)[];
}

function annotationsOf(protocol: ProtocolDefinition, formId: string, key: string): readonly SdtmAnnotation[] {
  const entry = protocol.sdtm?.forms[formId]?.[key];
  if (entry === undefined) return [];
  return Array.isArray(entry) ? (entry as readonly SdtmAnnotation[]) : [entry as SdtmAnnotation];
}

/** SUPPCM entries of the fields a protocol adds to the prior-therapy form and annotates with a `qnam`. */
function extensionQualifiers(protocol: ProtocolDefinition, values: Readonly<Record<string, unknown>>): Omit<SuppEntry, 'parent'>[] {
  const form = protocol.forms.find((f) => f.role === 'prior-therapy');
  if (form === undefined) return [];
  const out: Omit<SuppEntry, 'parent'>[] = [];
  for (const field of form.fields.filter((f: FieldDefinition) => !PRIOR_THERAPY_STANDARD_FIELDS.includes(f.key))) {
    const value = values[field.key];
    if (value === undefined || value === null) continue;
    for (const annotation of annotationsOf(protocol, form.id, field.key)) {
      if (annotation.qnam === undefined || (annotation.domain !== undefined && annotation.domain !== 'CM')) continue;
      const text = submissionValue(annotation, value as never, field, protocol);
      if (text !== null) out.push({ qnam: annotation.qnam, qlabel: annotation.qlabel ?? annotation.qnam, qval: text, qorig: 'CRF' });
    }
  }
  return out;
}

/** The CM records (and their SUPPCM entries) of one subject's prior and subsequent anticancer therapy. */
export function mapAnticancerTherapy(record: SubjectRecord, context: TherapyContext): { readonly rows: SdtmRow[]; readonly supp: SuppEntry[]; readonly issues: Issue[] } {
  const lines: Line[] = [];
  record.priorTherapies.forEach((line, k) => {
    const supp: Omit<SuppEntry, 'parent'>[] = [];
    if (line.cycles !== undefined) supp.push({ qnam: 'CMNCYC', qlabel: 'Number of Cycles Given in the Line', qval: String(line.cycles), qorig: 'CRF' });
    if (line.bestResponse !== undefined) supp.push({ qnam: 'CMBESTRS', qlabel: 'Best Response on the Line', qval: line.bestResponse, qorig: 'CRF' });
    supp.push({ qnam: 'CMREFRAC', qlabel: 'Refractory to the Line', qval: line.refractory ? 'Y' : 'N', qorig: 'CRF' });
    if (line.progressionDate !== undefined) {
      const progression = toSdtmDtc(line.progressionDate);
      if (progression.dtc !== null) supp.push({ qnam: 'CMPRGDTC', qlabel: 'Date of Progression on the Line', qval: progression.dtc, qorig: 'CRF' });
    }
    supp.push(...extensionQualifiers(context.protocol, line));
    lines.push({ category: CM_PRIOR_CATEGORY, group: `PRIOR LINE ${line.lineNumber}`, agents: line.agents, start: line.startDate, end: line.endDate, supp, path: [...context.path, 'priorTherapies', k] });
  });
  record.newTherapies.forEach((therapy, k) => {
    lines.push({ category: CM_SUBSEQUENT_CATEGORY, group: `SUBSEQUENT ${k + 1}`, agents: therapy.agents, start: therapy.startDate, end: undefined, supp: [], path: [...context.path, 'newTherapies', k] });
  });

  const rows: SdtmRow[] = [];
  const supp: SuppEntry[] = [];
  const issues: Issue[] = [];
  for (const line of lines) {
    const start = toSdtmDtc(line.start);
    const end = toSdtmDtc(line.end);
    if (!start.valid) issues.push(issue('sdtm-date', [...line.path, 'startDate'], line.start, 'an ISO 8601 date, complete or partial (YYYY-MM-DD, YYYY-MM, YYYY)'));
    if (!end.valid) issues.push(issue('sdtm-date', [...line.path, 'endDate'], line.end, 'an ISO 8601 date, complete or partial (YYYY-MM-DD, YYYY-MM, YYYY)'));
    for (const agent of line.agents) {
      const row: SdtmRow = {
        STUDYID: context.studyId,
        DOMAIN: 'CM',
        USUBJID: context.usubjid,
        CMGRPID: line.group,
        CMTRT: agent.toUpperCase(),
        CMCAT: line.category,
        CMSCAT: CM_SYSTEMIC_SUBCATEGORY,
        CMSTDTC: start.dtc,
        CMENDTC: end.dtc,
        CMSTDY: start.complete ? context.studyDay(start.dtc) : null,
        CMENDY: end.complete ? context.studyDay(end.dtc) : null,
        CMSTRF: referencePeriodRelation(start.dtc, context.reference),
        CMENRF: referencePeriodRelation(end.dtc, context.reference),
      };
      rows.push(row);
      for (const entry of line.supp) supp.push({ parent: row, ...entry });
    }
  }
  return { rows, supp, issues };
}
