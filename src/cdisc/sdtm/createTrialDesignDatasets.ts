import type { EligibilityRule, ProtocolDefinition, TrialData, TrialSummaryNullFlavor, TrialSummaryValue, VisitDefinition } from '../../clinical/index.js';
import { issue, type Issue } from '../../result/index.js';
import { createSubmissionDataset, syntheticLabel, type SubmissionDataset } from '../dataset/index.js';
import type { SdtmRow } from './sdtmRow.js';
import { SDTM_CT } from './sdtmTerminology.js';
import { TA_SPEC, TE_SPEC, TI_SPEC, TS_SPEC, TV_SPEC, type DomainSpec } from './sdtmVariables.js';
import { TPHASE_TERMS, TRIAL_SUMMARY_PARAMETERS, TS_CT_TERMS } from './trialSummaryTerminology.js';

/**
 * The SDTM trial design datasets of a protocol (SDTMIG 3.4 section 7): TS (trial summary), TE and TA (the
 * elements of the single arm, in the order of the schedule's epochs), TV (the planned visits of the schedule) and
 * TI (the eligibility criteria). Everything comes from the protocol definition: its identity, eligibility,
 * regimen, schedule and the trial summary facts of `protocol.sdtm.trialSummary`; from the trial data only what TS
 * asks of the data (ACTSUB, SSTDTC, DCUTDTC) and how many repeats of an open-ended visit the subjects reached.
 * A TS parameter no source gives is written with TSVALNF NI, never guessed.
 */

export const SDTM_VERSION = '2.0';
export const SDTMIG_VERSION = '3.4';
/** DM.ARMCD of the single arm (createSdtmDatasets writes the same). */
export const SINGLE_ARM_CODE = 'ARM1';

type Stated = readonly (string | TrialSummaryValue)[] | { readonly nullFlavor: TrialSummaryNullFlavor; readonly why: string };

interface TsEntry {
  readonly values: readonly TrialSummaryValue[];
  readonly nullFlavor?: TrialSummaryNullFlavor;
}

const text = (values: readonly string[]): TsEntry => ({ values: values.map((value) => ({ value })) });
const nf = (nullFlavor: TrialSummaryNullFlavor): TsEntry => ({ values: [], nullFlavor });

function ageRule(rules: readonly EligibilityRule[]): { minYears: number; maxYears?: number } | undefined {
  for (const rule of rules) {
    if (rule.type === 'age') return rule;
    if (rule.type === 'all-of') {
      const inner = ageRule(rule.rules);
      if (inner !== undefined) return inner;
    }
  }
  return undefined;
}

/** What the generic definition says of a parameter, before the protocol's own facts. */
function derivedEntry(code: string, trial: TrialData, protocol: ProtocolDefinition): TsEntry | undefined {
  const identity = protocol.identity;
  const enrolled = trial.subjects.filter((s) => !s.subject.screenFailure);
  const age = ageRule(protocol.eligibility.criteria.filter((c) => c.kind === 'inclusion').map((c) => c.rule));
  switch (code) {
    case 'TITLE':
      return text([identity.title]);
    case 'TPHASE': {
      const term = TPHASE_TERMS[identity.phase.replace(/^phase\s*/i, '').trim().toUpperCase()];
      return term === undefined ? undefined : text([term]);
    }
    case 'INDIC':
      return text([identity.indication]);
    case 'SPONSOR':
      return text([identity.sponsor]);
    case 'REGID':
      return /^NCT\d{8}$/.test(identity.registryId)
        ? { values: [{ value: identity.registryId, code: { code: identity.registryId, dictionary: 'ClinicalTrials.gov' } }] }
        : undefined;
    case 'TRT':
      return text(protocol.regimen.drugs.filter((d) => d.role === 'investigational').map((d) => d.label));
    case 'AGEMIN':
      return age === undefined ? undefined : text([`P${age.minYears}Y`]);
    case 'AGEMAX':
      if (age === undefined) return undefined;
      return age.maxYears === undefined ? nf('PINF') : text([`P${age.maxYears}Y`]);
    case 'FCNTRY':
      return protocol.sdtm?.country === undefined ? undefined : { values: [{ value: protocol.sdtm.country, code: { code: protocol.sdtm.country, dictionary: 'ISO 3166-1 Alpha-3' } }] };
    // The definition models one arm (identity.armLabel, DM.ARMCD ARM1).
    case 'NARMS':
      return text(['1']);
    case 'ACTSUB':
      return text([String(enrolled.length)]);
    case 'SSTDTC': {
      // FDA Study Data Technical Conformance Guide: the earliest informed consent of an enrolled subject.
      const first = enrolled.map((s) => s.subject.consentDate).sort()[0];
      return first === undefined ? undefined : text([first]);
    }
    case 'DCUTDTC':
      return text([trial.dataCutoffDate]);
    case 'DCUTDESC':
      return text(['DATA CUTOFF OF THE ANALYSIS']);
    case 'SDTIGVER':
      return text([SDTMIG_VERSION]);
    case 'SDTMVER':
      return text([SDTM_VERSION]);
    default:
      return undefined;
  }
}

function statedEntry(stated: Stated): TsEntry {
  if ('nullFlavor' in stated) return nf(stated.nullFlavor);
  return { values: stated.map((value) => (typeof value === 'string' ? { value } : value)) };
}

function createTsRows(trial: TrialData, protocol: ProtocolDefinition, issues: Issue[]): SdtmRow[] {
  const stated = protocol.sdtm?.trialSummary ?? {};
  const known = new Set(TRIAL_SUMMARY_PARAMETERS.map((p) => p.code));
  for (const code of Object.keys(stated)) {
    if (!known.has(code)) issues.push(issue('ts-unknown-parameter', ['protocol', 'sdtm', 'trialSummary', code], code, `a TSPARMCD trialkit writes (${[...known].join(', ')})`));
  }
  const rows: SdtmRow[] = [];
  for (const parameter of TRIAL_SUMMARY_PARAMETERS) {
    const own = stated[parameter.code];
    const entry = own !== undefined ? statedEntry(own) : (derivedEntry(parameter.code, trial, protocol) ?? nf('NI'));
    const base = { STUDYID: trial.protocolId, DOMAIN: 'TS', TSPARMCD: parameter.code, TSPARM: parameter.label };
    if (entry.values.length === 0) {
      rows.push({ ...base, TSSEQ: 1, TSVAL: null, TSVALNF: entry.nullFlavor ?? 'NI', TSVALCD: null, TSVCDREF: null, TSVCDVER: null });
      continue;
    }
    entry.values.forEach((value, k) => {
      let code = value.code;
      if (code === undefined && parameter.ct === true) {
        const nci = TS_CT_TERMS[parameter.code]?.[value.value];
        if (nci === undefined) issues.push(issue('ts-not-ct', ['protocol', 'sdtm', 'trialSummary', parameter.code, k], value.value, `a CDISC CT term of ${parameter.code} (${Object.keys(TS_CT_TERMS[parameter.code] ?? {}).join(', ')}); written without TSVALCD`, 'warning'));
        else code = { code: nci, dictionary: 'CDISC CT', version: SDTM_CT.version };
      }
      rows.push({
        ...base,
        TSSEQ: k + 1,
        TSVAL: value.value,
        TSVALNF: null,
        TSVALCD: code?.code ?? null,
        TSVCDREF: code?.dictionary ?? (parameter.iso8601 === true ? 'ISO 8601' : null),
        TSVCDVER: code?.version ?? null,
      });
    });
  }
  return rows;
}

type Epoch = 'SCREENING' | 'TREATMENT' | 'FOLLOW-UP';

const EPOCH_OF: Readonly<Record<VisitDefinition['kind'], Epoch>> = {
  screening: 'SCREENING',
  treatment: 'TREATMENT',
  'response-assessment': 'TREATMENT',
  'end-of-treatment': 'TREATMENT',
  'follow-up': 'FOLLOW-UP',
};

/** The elements of the single arm, one per epoch the schedule has, in the schedule's order. */
function createElements(protocol: ProtocolDefinition): { readonly etcd: string; readonly element: string; readonly epoch: Epoch; readonly start: string; readonly end: string; readonly duration: string | null }[] {
  const epochs = [...new Set(protocol.schedule.visits.map((v) => EPOCH_OF[v.kind]))];
  const screening = protocol.schedule.visits.find((v) => v.kind === 'screening');
  const cycle = protocol.regimen.cycleLengthDays;
  return epochs.map((epoch) => {
    if (epoch === 'SCREENING') {
      return {
        etcd: 'SCRN',
        element: 'Screening',
        epoch,
        start: 'Informed consent',
        end: `Enrolment, at most ${screening?.windowDays ?? 0} days after the screening assessments`,
        duration: null,
      };
    }
    if (epoch === 'TREATMENT') {
      return {
        etcd: 'TRT',
        element: protocol.identity.armLabel,
        epoch,
        start: 'First dose of study treatment',
        end: `End of treatment (progression, unacceptable toxicity, withdrawal or at most ${protocol.regimen.maxCycles} cycles of ${cycle} days)`,
        duration: null,
      };
    }
    return { etcd: 'FU', element: 'Follow-up', epoch, start: 'End of treatment', end: 'Death, loss to follow-up, withdrawal of consent or end of study', duration: null };
  });
}

/** The planned study day of the n-th repeat of a visit, when the schedule fixes it relative to day 1. */
function plannedDay(visit: VisitDefinition, n: number): number | null {
  if (visit.everyDays === undefined) return null;
  if (visit.kind === 'treatment') return 1 + (n - 1) * visit.everyDays;
  if (visit.kind === 'response-assessment') return 1 + n * visit.everyDays;
  return null;
}

function startRule(visit: VisitDefinition, n: number | null): string {
  const window = `window +/- ${visit.windowDays} days`;
  if (visit.kind === 'screening') return `Within ${visit.windowDays} days before the first dose`;
  if (visit.kind === 'end-of-treatment') return `At the end of treatment (${window})`;
  if (n === null || visit.everyDays === undefined) return `${visit.label} (${window})`;
  if (visit.kind === 'treatment') return `Day ${1 + (n - 1) * visit.everyDays} from the first dose: every ${visit.everyDays} days from cycle 1 day 1 (${window})`;
  if (visit.kind === 'response-assessment') return `Day ${1 + n * visit.everyDays} from the first dose: every ${visit.everyDays} days from cycle 1 day 1 (${window})`;
  return `Every ${visit.everyDays} days after the end of treatment, repeat ${n} (${window})`;
}

/**
 * The planned visits with the VISITNUM of computeVisit (schedule position x 1000, + n for a repeat). An
 * open-ended repeating visit (treatment until progression) is listed from repeat 1 up to the highest repeat a
 * subject reached, so every planned VISITNUM of the subject domains is in TV.
 */
function createTvRows(trial: TrialData, protocol: ProtocolDefinition, observedVisitNums: ReadonlySet<number>): SdtmRow[] {
  const rows: SdtmRow[] = [];
  const base = { STUDYID: trial.protocolId, DOMAIN: 'TV', ARMCD: SINGLE_ARM_CODE, ARM: protocol.identity.armLabel };
  protocol.schedule.visits.forEach((visit, index) => {
    const visitnum = (index + 1) * 1000;
    if (!visit.id.includes('{n}')) {
      rows.push({ ...base, VISITNUM: visitnum, VISIT: visit.id, VISITDY: plannedDay(visit, 1), TVSTRL: startRule(visit, null), TVENRL: null });
      return;
    }
    const reached = [...observedVisitNums].filter((n) => n > visitnum && n < visitnum + 1000).map((n) => n - visitnum);
    const last = Math.max(1, ...reached);
    for (let n = 1; n <= last; n += 1) {
      rows.push({ ...base, VISITNUM: visitnum + n, VISIT: visit.id.replace('{n}', String(n)).toUpperCase(), VISITDY: plannedDay(visit, n), TVSTRL: startRule(visit, n), TVENRL: null });
    }
  });
  return rows;
}

/**
 * The criterion as TI states it: a protocol writes every criterion as a condition of entry ("No prior X"), while
 * IETEST of an exclusion criterion names what excludes ("Prior X"), so a leading "No " of an exclusion is dropped.
 */
export function exclusionTest(text: string): string {
  const match = /^No\s+(.+)$/s.exec(text);
  return match === null ? text : `${match[1].charAt(0).toUpperCase()}${match[1].slice(1)}`;
}

/** TI: the protocol's criteria in its order, IETESTCD INCL01 ... / EXCL01 ... (the criterion ids exceed 8 characters). */
function createTiRows(trial: TrialData, protocol: ProtocolDefinition): SdtmRow[] {
  const counters = { inclusion: 0, exclusion: 0 };
  return protocol.eligibility.criteria.map((criterion) => {
    counters[criterion.kind] += 1;
    const prefix = criterion.kind === 'inclusion' ? 'INCL' : 'EXCL';
    return {
      STUDYID: trial.protocolId,
      DOMAIN: 'TI',
      IETESTCD: `${prefix}${String(counters[criterion.kind]).padStart(2, '0')}`,
      IETEST: criterion.kind === 'exclusion' ? exclusionTest(criterion.text) : criterion.text,
      IECAT: criterion.kind.toUpperCase(),
      TIVERS: protocol.eligibility.version,
    };
  });
}

function dataset(spec: DomainSpec, rows: readonly SdtmRow[], trial: TrialData, standardId: string): SubmissionDataset {
  return createSubmissionDataset({
    name: spec.name,
    label: syntheticLabel(spec.label, trial.synthetic, spec.shortLabel),
    domain: spec.name,
    class: spec.class,
    structure: spec.structure,
    repeating: true,
    standardId,
    keys: spec.keys,
    variables: spec.variables,
    rows,
  });
}

export interface TrialDesignDatasets {
  readonly datasets: readonly SubmissionDataset[];
  readonly issues: readonly Issue[];
}

/** TA, TE, TI, TS, TV of a trial under its protocol; `observedVisitNums` are the VISITNUMs of the subject domains. */
export function createTrialDesignDatasets(trial: TrialData, protocol: ProtocolDefinition, observedVisitNums: ReadonlySet<number>, standardId: string): TrialDesignDatasets {
  const issues: Issue[] = [];
  const elements = createElements(protocol);
  const te = elements.map((e) => ({ STUDYID: trial.protocolId, DOMAIN: 'TE', ETCD: e.etcd, ELEMENT: e.element, TESTRL: e.start, TEENRL: e.end, TEDUR: e.duration }));
  const ta = elements.map((e, k) => ({
    STUDYID: trial.protocolId,
    DOMAIN: 'TA',
    ARMCD: SINGLE_ARM_CODE,
    ARM: protocol.identity.armLabel,
    TAETORD: k + 1,
    ETCD: e.etcd,
    ELEMENT: e.element,
    TABRANCH: null,
    TATRANS: null,
    EPOCH: e.epoch,
  }));
  const ts = createTsRows(trial, protocol, issues);
  const datasets = [
    dataset(TA_SPEC, ta, trial, standardId),
    dataset(TE_SPEC, te, trial, standardId),
    dataset(TI_SPEC, createTiRows(trial, protocol), trial, standardId),
    dataset(TS_SPEC, ts, trial, standardId),
    dataset(TV_SPEC, createTvRows(trial, protocol, observedVisitNums), trial, standardId),
  ];
  // The datasets' own issues (text made ASCII, cut) are gathered with every other dataset's by createSdtmDatasets.
  return { datasets, issues };
}
