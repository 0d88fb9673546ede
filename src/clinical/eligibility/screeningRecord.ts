import type { z } from 'zod';
import { createFormSchema } from '../crf/index.js';
import type { Codelist, FormRow } from '../crf/index.js';
import { parseIsoDate } from '../dates/index.js';
import type { EligibilityCriteriaSet } from './eligibilityRule.js';
import { createScreeningForm, SCREENING_CODELISTS } from './screeningForm.js';

/**
 * The screening record the eligibility engine reads: one patient's data at screening, with the items every
 * protocol collects and the labs, disease measures and facts its criteria set declares. Produced by the EDC's
 * screening form (rendered from createScreeningForm), a protocol's demo generator and `trialkit eligibility`.
 *
 * Missing data convention: a field that is absent or null is "not recorded", and the criteria that need it
 * are "not evaluable" (never silently met). A recorded "no" is `false` (e.g. no unstable angina) or, for
 * counts, an explicit value (an empty `priorTherapyLines` array means no prior therapy).
 * Units are in the field names, except laboratory values, which carry their own unit and are converted
 * explicitly (src/clinical/units) before they are compared with a limit.
 */

/** A laboratory result as reported: value, unit, and the site's upper limit of normal in the same unit. */
export interface LabResult {
  readonly value: number;
  readonly unit: string;
  readonly upperLimitOfNormal?: number | null;
  readonly date?: string | null;
}

export interface AgentExposure {
  /** Lower-case generic name ('lenalidomide', 'carboplatin', 'radiotherapy', ...). */
  readonly agent: string;
  /** Cycles of this agent given in this line (consecutive, as the line is one regimen). */
  readonly cycles?: number | null;
}

export interface PriorTherapyLine {
  readonly agents: readonly AgentExposure[];
  readonly startDate?: string | null;
  /** Null while the line is still being given at screening. */
  readonly endDate?: string | null;
  /** On the protocol's response scale. */
  readonly bestResponse?: string | null;
  /** Date of documented progression on or after this line; null/absent when none is documented. */
  readonly progressionDate?: string | null;
  /** Days from the end of the line to progression (<= 0: progression during the line). Used when dates are not known. */
  readonly progressionDaysAfterEnd?: number | null;
  /** Investigator's refractory flag (no response, or progression on or within 60 days of the last dose). */
  readonly refractory?: boolean | null;
}

export interface ScreeningRecord {
  readonly subjectId?: string | null;
  readonly siteId?: string | null;
  readonly screeningDate: string;
  /** Planned or actual enrolment date; the reference for "within N months before enrolment". Defaults to the screening date. */
  readonly enrolmentDate?: string | null;
  readonly consentDate?: string | null;
  /** Age is taken from the birth date at the screening date when both are given. */
  readonly birthDate?: string | null;
  readonly ageYears?: number | null;
  readonly sex?: 'male' | 'female' | null;
  readonly weightKg?: number | null;
  readonly ecog?: number | null;
  /** Prior lines in chronological order (the last one is the most recent). */
  readonly priorTherapyLines?: readonly PriorTherapyLine[] | null;
  readonly labs?: Readonly<Record<string, LabResult | null | undefined>> | null;
  readonly measures?: Readonly<Record<string, number | null | undefined>> | null;
  readonly facts?: Readonly<Record<string, boolean | number | string | null | undefined>> | null;
}

/**
 * The validator of a criteria set's screening record: the screening form's schema (built from its metadata,
 * null = not recorded) plus the cross-checks of prior lines (end after start; days after end consistent
 * with the dates).
 */
export function createScreeningRecordSchema(set: EligibilityCriteriaSet, responseCodelist: Codelist): z.ZodType<ScreeningRecord> {
  const form = createScreeningForm(set, responseCodelist.id);
  const base = createFormSchema(form, [...SCREENING_CODELISTS, responseCodelist], { allowNull: true });
  return base.superRefine((row: FormRow, ctx) => {
    const record = row as unknown as ScreeningRecord;
    (record.priorTherapyLines ?? []).forEach((line, index) => {
      const end = line.endDate == null ? null : parseIsoDate(line.endDate);
      const progression = line.progressionDate == null ? null : parseIsoDate(line.progressionDate);
      if (end !== null && progression !== null && line.progressionDaysAfterEnd != null && progression - end !== line.progressionDaysAfterEnd)
        ctx.addIssue({
          code: 'custom',
          path: ['priorTherapyLines', index, 'progressionDaysAfterEnd'],
          input: line.progressionDaysAfterEnd,
          message: `${progression - end} (the days from endDate to progressionDate), or leave it out`,
        });
    });
  }) as unknown as z.ZodType<ScreeningRecord>;
}
