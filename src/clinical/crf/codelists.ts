import { z } from 'zod';
import { parseIsoDate } from '../dates/index.js';

/**
 * Code lists of the case report forms: the closed answers a site picks from in the EDC. Each is a zod
 * enum so the same list validates input and types the records. Raw answers only: nothing here is derived.
 */

/** A calendar date as the EDC stores it, 'YYYY-MM-DD'; impossible dates (2022-02-30) are rejected. */
export const isoDateSchema = z
  .string()
  .refine((text) => parseIsoDate(text) !== null, { message: 'a real calendar date YYYY-MM-DD' });

export const SEX = ['M', 'F'] as const;
export const sexSchema = z.enum(SEX);

/** ECOG performance status 0-4 (5 = dead is never entered on a form). */
export const ecogSchema = z.number().int().min(0).max(4);

/** Heavy-chain isotype of the myeloma protein at study entry; 'light-chain' = Bence Jones only. */
export const MYELOMA_SUBTYPES = ['IgG', 'IgA', 'IgD', 'IgM', 'IgE', 'light-chain', 'non-secretory'] as const;
export const myelomaSubtypeSchema = z.enum(MYELOMA_SUBTYPES);

export const LIGHT_CHAIN_TYPES = ['kappa', 'lambda'] as const;
export const lightChainTypeSchema = z.enum(LIGHT_CHAIN_TYPES);

/** A FISH probe result as the lab reports it. */
export const FISH_RESULTS = ['positive', 'negative', 'not-done'] as const;
export const fishResultSchema = z.enum(FISH_RESULTS);

export const IMMUNOFIXATION_RESULTS = ['positive', 'negative'] as const;
export const immunofixationSchema = z.enum(IMMUNOFIXATION_RESULTS);

/** IMWG 2016 response categories as recorded by a person (prior-line best response, investigator/IRC calls). */
export const RESPONSE_CATEGORIES = ['sCR', 'CR', 'VGPR', 'PR', 'MR', 'SD', 'PD', 'NE'] as const;
export const responseCategorySchema = z.enum(RESPONSE_CATEGORIES);

/** Who measured: 'central' = the central laboratory the IRC reads; 'local' = the site laboratory the investigator reads. */
export const DATA_SOURCES = ['central', 'local'] as const;
export const dataSourceSchema = z.enum(DATA_SOURCES);

export const EVALUATORS = ['investigator', 'irc'] as const;
export const evaluatorSchema = z.enum(EVALUATORS);

export const STUDY_DRUGS = ['pomalidomide', 'dexamethasone'] as const;
export const studyDrugSchema = z.enum(STUDY_DRUGS);

export const DOSE_MODIFICATION_REASONS = ['adverse-event', 'patient-decision', 'logistic', 'other'] as const;
export const doseModificationReasonSchema = z.enum(DOSE_MODIFICATION_REASONS);

/** Causality scale of the AE form; 'possible' and stronger count as related. */
export const RELATIONSHIPS = ['not-related', 'unlikely', 'possible', 'probable', 'definite'] as const;
export const relationshipSchema = z.enum(RELATIONSHIPS);
export const RELATED_CATEGORIES: readonly (typeof RELATIONSHIPS)[number][] = ['possible', 'probable', 'definite'];

/** Action taken with a study drug because of the AE (CDISC AEACN, in words). */
export const AE_ACTIONS = ['none', 'dose-reduced', 'interrupted', 'withdrawn', 'not-applicable'] as const;
export const aeActionSchema = z.enum(AE_ACTIONS);

export const AE_OUTCOMES = ['recovered', 'recovering', 'not-recovered', 'recovered-with-sequelae', 'fatal', 'unknown'] as const;
export const aeOutcomeSchema = z.enum(AE_OUTCOMES);

/** CTCAE grade as recorded by the investigator on the AE form (1-5). */
export const aeGradeSchema = z.number().int().min(1).max(5);

/** Reasons on the end-of-treatment and end-of-study forms. */
export const DISCONTINUATION_REASONS = [
  'progressive-disease',
  'consent-withdrawn',
  'adverse-event',
  'investigator-decision',
  'death',
  'protocol-violation',
  'lost-to-follow-up',
  'completed',
  'sponsor-decision',
  'other',
] as const;
export const discontinuationReasonSchema = z.enum(DISCONTINUATION_REASONS);

export const DEATH_CAUSES = ['progressive-disease', 'adverse-event', 'other', 'unknown'] as const;
export const deathCauseSchema = z.enum(DEATH_CAUSES);

export const VITAL_STATUSES = ['alive', 'dead'] as const;
export const vitalStatusSchema = z.enum(VITAL_STATUSES);

export const LAB_SOURCES = DATA_SOURCES;

export type Sex = z.infer<typeof sexSchema>;
export type MyelomaSubtype = z.infer<typeof myelomaSubtypeSchema>;
export type LightChainType = z.infer<typeof lightChainTypeSchema>;
export type FishResult = z.infer<typeof fishResultSchema>;
export type ImmunofixationResult = z.infer<typeof immunofixationSchema>;
export type ResponseCategory = z.infer<typeof responseCategorySchema>;
export type DataSource = z.infer<typeof dataSourceSchema>;
export type Evaluator = z.infer<typeof evaluatorSchema>;
export type StudyDrug = z.infer<typeof studyDrugSchema>;
export type DoseModificationReason = z.infer<typeof doseModificationReasonSchema>;
export type Relationship = z.infer<typeof relationshipSchema>;
export type AeAction = z.infer<typeof aeActionSchema>;
export type AeOutcome = z.infer<typeof aeOutcomeSchema>;
export type DiscontinuationReason = z.infer<typeof discontinuationReasonSchema>;
export type DeathCause = z.infer<typeof deathCauseSchema>;
export type VitalStatus = z.infer<typeof vitalStatusSchema>;
