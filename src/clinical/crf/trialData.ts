import { z } from 'zod';
import { failure, issue, success } from '../../result/index.js';
import type { Issue, Outcome } from '../../result/index.js';
import { isoDateSchema } from './codelists.js';
import { siteSchema, subjectRecordSchema } from './forms.js';

/** The whole trial as captured: protocol id, data cutoff (an input, never the clock), sites, subjects. */
export const trialDataSchema = z
  .object({
    protocolId: z.string().min(1),
    dataCutoffDate: isoDateSchema,
    sites: z.array(siteSchema),
    subjects: z.array(subjectRecordSchema),
  })
  .superRefine((trial, ctx) => {
    const siteIds = new Set(trial.sites.map((site) => site.siteId));
    const seen = new Set<string>();
    trial.subjects.forEach((record, index) => {
      const { subjectId, siteId, enrolmentDate, screenFailure } = record.subject;
      if (seen.has(subjectId)) {
        ctx.addIssue({ code: 'custom', path: ['subjects', index, 'subject', 'subjectId'], message: 'a subject id used once', input: subjectId });
      }
      seen.add(subjectId);
      if (!siteIds.has(siteId)) {
        ctx.addIssue({ code: 'custom', path: ['subjects', index, 'subject', 'siteId'], message: 'a site id listed in sites', input: siteId });
      }
      if (!screenFailure && enrolmentDate === undefined) {
        ctx.addIssue({ code: 'custom', path: ['subjects', index, 'subject', 'enrolmentDate'], message: 'an enrolment date for an enrolled subject', input: enrolmentDate });
      }
      if (screenFailure && enrolmentDate !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['subjects', index, 'subject', 'enrolmentDate'], message: 'no enrolment date for a screen failure', input: enrolmentDate });
      }
    });
  });

export type TrialData = z.infer<typeof trialDataSchema>;
/** What a producer may write: arrays that default to empty may be left out. */
export type TrialDataInput = z.input<typeof trialDataSchema>;

/**
 * Checks a raw trial export against the CRF model. Every problem becomes an issue whose path points at
 * the field, e.g. `subjects[3].labs[12].unit`; nothing is coerced.
 */
export function validateTrialData(input: unknown): Outcome<TrialData> {
  const parsed = trialDataSchema.safeParse(input, { reportInput: true });
  if (parsed.success) return success(Object.freeze(parsed.data));
  const issues: Issue[] = parsed.error.issues.map((item) =>
    issue(
      `crf-${item.code}`,
      item.path.filter((part): part is string | number => typeof part !== 'symbol'),
      'input' in item ? item.input : undefined,
      item.message,
    ),
  );
  return failure(issues);
}
