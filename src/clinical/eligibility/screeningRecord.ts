import { z } from 'zod';
import { parseIsoDate } from '../dates/index.js';

/**
 * The screening record the eligibility engine reads: one patient's data at screening for NCT05236621.
 * Produced by the demo-trial generator, the server's screening form and `trialkit eligibility`.
 *
 * Missing data convention: a field that is absent or null is "not recorded", and the criteria that need it
 * are "not evaluable" (never silently met). A recorded "no" is `false` (e.g. no unstable angina) or, for
 * counts, an explicit value (an empty `priorTherapyLines` array means no prior therapy).
 * Units are in the field names, except laboratory values, which carry their own unit and are converted
 * explicitly (src/clinical/units) before they are compared with a limit.
 */

const DATE_TEXT = 'a calendar date written YYYY-MM-DD';
const isoDate = z
  .string({ error: DATE_TEXT })
  .refine((text) => parseIsoDate(text) !== null, { message: DATE_TEXT });

/** Whole numbers (ECOG, grades, cycles): zod's own message would say only "number". */
const wholeNumber = (): z.ZodInt => z.int({ error: 'a whole number' });

/** A laboratory result as reported: value, unit, and the site's upper limit of normal in the same unit. */
export const labResultSchema = z.strictObject({
  value: z.number().nonnegative(),
  unit: z.string().min(1),
  upperLimitOfNormal: z.number().positive().nullish(),
  date: isoDate.nullish(),
});

export const agentExposureSchema = z.strictObject({
  /** Lower-case generic name ('lenalidomide', 'bortezomib', 'ixazomib', 'dexamethasone', 'ASCT', ...). */
  agent: z.string().min(1),
  /** Cycles of this agent given in this line (consecutive, as the line is one regimen). */
  cycles: wholeNumber().nonnegative().nullish(),
});

export const IMWG_RESPONSES = ['sCR', 'CR', 'VGPR', 'PR', 'MR', 'SD', 'PD', 'NE'] as const;

export const priorTherapyLineSchema = z
  .strictObject({
    agents: z.array(agentExposureSchema).min(1),
    startDate: isoDate.nullish(),
    /** Null while the line is still being given at screening. */
    endDate: isoDate.nullish(),
    bestResponse: z.enum(IMWG_RESPONSES).nullish(),
    /** Date of documented progression on or after this line; null/absent when none is documented. */
    progressionDate: isoDate.nullish(),
    /** Days from the end of the line to progression (<= 0: progression during the line). Used when dates are not known. */
    progressionDaysAfterEnd: wholeNumber().nullish(),
    /** Investigator's refractory flag (IMWG: no response, or progression on or within 60 days of the last dose). */
    refractory: z.boolean().nullish(),
  })
  .superRefine((line, ctx) => {
    const start = line.startDate == null ? null : parseIsoDate(line.startDate);
    const end = line.endDate == null ? null : parseIsoDate(line.endDate);
    const progression = line.progressionDate == null ? null : parseIsoDate(line.progressionDate);
    if (start !== null && end !== null && end < start)
      ctx.addIssue({ code: 'custom', path: ['endDate'], input: line.endDate, message: `an end date on or after the start date ${line.startDate}` });
    if (end !== null && progression !== null && line.progressionDaysAfterEnd != null && progression - end !== line.progressionDaysAfterEnd)
      ctx.addIssue({
        code: 'custom',
        path: ['progressionDaysAfterEnd'],
        input: line.progressionDaysAfterEnd,
        message: `${progression - end} (the days from endDate to progressionDate), or leave it out`,
      });
  });

export const screeningRecordSchema = z
  .strictObject({
    subjectId: z.string().nullish(),
    siteId: z.string().nullish(),
    screeningDate: isoDate,
    /** Planned or actual enrolment date; the reference for "MI within 12 months before enrolment". Defaults to the screening date. */
    enrolmentDate: isoDate.nullish(),
    consentDate: isoDate.nullish(),
    /** Age is taken from the birth date at the screening date when both are given. */
    birthDate: isoDate.nullish(),
    ageYears: z.number().min(0).max(130).nullish(),
    sex: z.enum(['male', 'female']).nullish(),
    weightKg: z.number().positive().max(500).nullish(),
    ecog: wholeNumber().min(0).max(5).nullish(),
    diagnosis: z
      .strictObject({
        /** Relapsed and refractory MM per the Chinese guideline for the diagnosis and management of MM (2020 revision). */
        rrmmPerChinese2020Guideline: z.boolean().nullish(),
      })
      .nullish(),
    /** Prior lines in chronological order (the last one is the most recent). */
    priorTherapyLines: z.array(priorTherapyLineSchema).nullish(),
    labs: z
      .strictObject({
        anc: labResultSchema.nullish(),
        platelets: labResultSchema.nullish(),
        totalBilirubin: labResultSchema.nullish(),
        alt: labResultSchema.nullish(),
        ast: labResultSchema.nullish(),
        creatinine: labResultSchema.nullish(),
      })
      .nullish(),
    disease: z
      .strictObject({
        serumMProteinGPerL: z.number().nonnegative().nullish(),
        urineMProteinMgPer24h: z.number().nonnegative().nullish(),
        /** Involved serum free light chain (mg/L). */
        involvedFlcMgPerL: z.number().nonnegative().nullish(),
        /** Involved/uninvolved (kappa/lambda) ratio; normal 0.26-1.65. */
        flcRatio: z.number().positive().nullish(),
      })
      .nullish(),
    exclusionFacts: z
      .strictObject({
        intolerance: z
          .strictObject({ thalidomide: z.boolean().nullish(), lenalidomide: z.boolean().nullish(), pomalidomide: z.boolean().nullish() })
          .nullish(),
        hypersensitivity: z
          .strictObject({
            proteasomeInhibitors: z.boolean().nullish(),
            dexamethasone: z.boolean().nullish(),
            otherIngredients: z.boolean().nullish(),
          })
          .nullish(),
        /** CTCAE v5 grade of peripheral neuropathy (0 = none). */
        peripheralNeuropathyGrade: wholeNumber().min(0).max(5).nullish(),
        /** New York Heart Association functional class 1-4 (class 1 also for no heart disease). */
        nyhaClass: wholeNumber().min(1).max(4).nullish(),
        priorMyocardialInfarction: z.boolean().nullish(),
        /** Date of the most recent myocardial infarction. */
        myocardialInfarctionDate: isoDate.nullish(),
        unstableOrPoorlyControlledAngina: z.boolean().nullish(),
      })
      .nullish(),
  })
  .superRefine((record, ctx) => {
    const lines = record.priorTherapyLines ?? [];
    let previous: number | null = null;
    lines.forEach((line, index) => {
      const start = line.startDate == null ? null : parseIsoDate(line.startDate);
      if (start === null) return;
      if (previous !== null && start < previous)
        ctx.addIssue({
          code: 'custom',
          path: ['priorTherapyLines', index, 'startDate'],
          input: line.startDate,
          message: 'lines in chronological order (a start date on or after the previous line\'s)',
        });
      previous = start;
    });
    const mi = record.exclusionFacts;
    if (mi?.priorMyocardialInfarction === false && mi.myocardialInfarctionDate != null)
      ctx.addIssue({
        code: 'custom',
        path: ['exclusionFacts', 'myocardialInfarctionDate'],
        input: mi.myocardialInfarctionDate,
        message: 'no date when priorMyocardialInfarction is false',
      });
  });

export type ScreeningRecord = z.infer<typeof screeningRecordSchema>;
export type LabResult = z.infer<typeof labResultSchema>;
export type PriorTherapyLine = z.infer<typeof priorTherapyLineSchema>;
export type LabKey = keyof NonNullable<ScreeningRecord['labs']>;
