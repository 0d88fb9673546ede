import { z } from 'zod';
import { parseIsoDate } from '../dates/index.js';
import type { Codelist } from './formDefinition.js';

/**
 * The closed answers of the standard oncology forms, shared by every protocol: each is a code list (the
 * metadata the EDC, the web app and define.xml read) and a zod enum (the type the derivations read).
 * Disease-specific lists (a myeloma isotype, a tumour's histology, a response scale) belong to a protocol
 * or to the standard it chooses, not here. Raw answers only: nothing here is derived.
 */

/** A calendar date as the EDC stores it, 'YYYY-MM-DD'; impossible dates (2022-02-30) are rejected. */
export const isoDateSchema = z.string().refine((text) => parseIsoDate(text) !== null, { message: 'a real calendar date YYYY-MM-DD' });

function codelist(id: string, label: string, items: readonly (readonly [string, string])[], source?: string): Codelist {
  return Object.freeze({
    id,
    label,
    items: Object.freeze(items.map(([code, text]) => Object.freeze({ code, label: text }))),
    ...(source === undefined ? {} : { source }),
  });
}

export const SEX = ['M', 'F'] as const;
export const sexSchema = z.enum(SEX);

/** Who measured or read: 'central' = the central laboratory or reader the IRC uses; 'local' = the site's. */
export const DATA_SOURCES = ['central', 'local'] as const;
export const dataSourceSchema = z.enum(DATA_SOURCES);

export const EVALUATORS = ['investigator', 'irc'] as const;
export const evaluatorSchema = z.enum(EVALUATORS);

export const DOSE_MODIFICATION_REASONS = ['adverse-event', 'patient-decision', 'logistic', 'other'] as const;

/** Causality scale of the AE form; 'possible' and stronger count as related. */
export const RELATIONSHIPS = ['not-related', 'unlikely', 'possible', 'probable', 'definite'] as const;
export const RELATED_CATEGORIES: readonly (typeof RELATIONSHIPS)[number][] = ['possible', 'probable', 'definite'];

/** Action taken with a study drug because of the AE (CDISC AEACN, in words). */
export const AE_ACTIONS = ['none', 'dose-reduced', 'interrupted', 'withdrawn', 'not-applicable'] as const;

export const AE_OUTCOMES = ['recovered', 'recovering', 'not-recovered', 'recovered-with-sequelae', 'fatal', 'unknown'] as const;

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

export const DEATH_CAUSES = ['progressive-disease', 'adverse-event', 'other', 'unknown'] as const;

export const VITAL_STATUSES = ['alive', 'dead'] as const;

const CT = 'CDISC Controlled Terminology 2023-12-15 (concepts; codes as trialkit stores them)';

/** The standard code lists, with the words a site reads. */
export const STANDARD_CODELISTS: readonly Codelist[] = Object.freeze([
  codelist('SEX', 'Sex', [['M', 'Male'], ['F', 'Female']], `${CT}, SEX`),
  codelist('DATASRC', 'Data source', [['central', 'Central laboratory / reader'], ['local', 'Site laboratory / reader']]),
  codelist('EVALUATOR', 'Evaluator', [['investigator', 'Investigator'], ['irc', 'Independent review committee']], `${CT}, EVAL`),
  codelist('DOSEMODR', 'Reason for dose modification', [['adverse-event', 'Adverse event'], ['patient-decision', 'Patient decision'], ['logistic', 'Logistic reason'], ['other', 'Other']]),
  codelist('AEREL', 'Causality', [['not-related', 'Not related'], ['unlikely', 'Unlikely related'], ['possible', 'Possibly related'], ['probable', 'Probably related'], ['definite', 'Definitely related']]),
  codelist(
    'AEACN',
    'Action taken with study drug',
    [['none', 'Dose not changed'], ['dose-reduced', 'Dose reduced'], ['interrupted', 'Drug interrupted'], ['withdrawn', 'Drug withdrawn'], ['not-applicable', 'Not applicable']],
    `${CT}, ACN`,
  ),
  codelist(
    'AEOUT',
    'Outcome of adverse event',
    [['recovered', 'Recovered/resolved'], ['recovering', 'Recovering/resolving'], ['not-recovered', 'Not recovered/not resolved'], ['recovered-with-sequelae', 'Recovered/resolved with sequelae'], ['fatal', 'Fatal'], ['unknown', 'Unknown']],
    `${CT}, OUT`,
  ),
  codelist(
    'DCREAS',
    'Reason for discontinuation',
    [
      ['progressive-disease', 'Progressive disease'],
      ['consent-withdrawn', 'Withdrawal by subject'],
      ['adverse-event', 'Adverse event'],
      ['investigator-decision', 'Physician decision'],
      ['death', 'Death'],
      ['protocol-violation', 'Protocol violation'],
      ['lost-to-follow-up', 'Lost to follow-up'],
      ['completed', 'Completed'],
      ['sponsor-decision', 'Study terminated by sponsor'],
      ['other', 'Other'],
    ],
    `${CT}, NCOMPLT`,
  ),
  codelist('DTHCAUS', 'Cause of death', [['progressive-disease', 'Progressive disease'], ['adverse-event', 'Adverse event'], ['other', 'Other'], ['unknown', 'Unknown']]),
  codelist('VITAL', 'Vital status', [['alive', 'Alive'], ['dead', 'Dead']]),
  codelist('NY', 'No/Yes', [['no', 'No'], ['yes', 'Yes']], `${CT}, NY`),
]);

export type Sex = z.infer<typeof sexSchema>;
export type DataSource = z.infer<typeof dataSourceSchema>;
export type Evaluator = z.infer<typeof evaluatorSchema>;
export type DoseModificationReason = (typeof DOSE_MODIFICATION_REASONS)[number];
export type Relationship = (typeof RELATIONSHIPS)[number];
export type AeAction = (typeof AE_ACTIONS)[number];
export type AeOutcome = (typeof AE_OUTCOMES)[number];
export type DiscontinuationReason = (typeof DISCONTINUATION_REASONS)[number];
export type DeathCause = (typeof DEATH_CAUSES)[number];
export type VitalStatus = (typeof VITAL_STATUSES)[number];
