import { isLabAnalyte } from '../../clinical/index.js';
import type { AdamDatasets, ProtocolDefinition, TrialData } from '../../clinical/index.js';
import { issue, type Issue } from '../../result/index.js';
import { createSubmissionDataset, syntheticLabel, type SubmissionDataset, type ValueLevelSpec, type VariableSpec } from '../dataset/index.js';
import { adlbPerParameter, adrsPerParameter, adttePerParameter } from './adamParameterMetadata.js';
import type { DefineCodelist, DefineDatasetClass } from '../define/index.js';
import { AE_OUTCOME_TERMS, CL_AGEU, CL_NY, CL_OUT, CL_RACE, CL_SEX, LAB_TESTS } from '../sdtm/index.js';
import { sasDateFromIso, type XptValue } from '../xpt/index.js';
import { numberAnalysisRecords, traceAdcm, traceAdlb, traceAdrs, traceAdtte, type SdtmSourceRows } from './traceSources.js';
import { ADAE_VARIABLES, ADCM_VARIABLES, ADEX_VARIABLES, ADLB_VARIABLES, ADRS_VARIABLES, ADSL_VARIABLES, ADTR_VARIABLES, ADTTE_VARIABLES, type AdamVariableMeta } from './adamVariables.js';

/**
 * The ADaM datasets trialkit derives (createAdamDatasets: ADSL, ADRS, ADTR, ADTTE, ADAE, ADLB, ADEX, ADCM) as
 * submission datasets (ADaMIG 1.3): ISO dates become SAS dates shown with DATE9., lists become comma-separated
 * text, EVALUATOR is EVAL, ADLB's analyte keys become the LBTESTCD of SDTM, and ADSL gains the required RACE, ARM, ACTARM and
 * TRT01P/TRT01A. Nothing is re-derived here: the values are the derivations' own.
 */

export const ADAMIG_STANDARD_ID = 'STD.ADAMIG.1.3';

type Row = Record<string, XptValue>;

interface DatasetPlan {
  readonly name: string;
  readonly label: string;
  readonly class: DefineDatasetClass;
  readonly subClass?: string;
  readonly structure: string;
  readonly keys: readonly string[];
  readonly table: Readonly<Record<string, AdamVariableMeta>>;
}

/** CDISC codelists of ADaM variables copied from SDTM (flags ending in FL take No Yes Response). */
const CODELISTS: Readonly<Record<string, DefineCodelist>> = { SEX: CL_SEX, AGEU: CL_AGEU, RACE: CL_RACE, AESER: CL_NY, AEOUT: CL_OUT };

const label40 = (text: string): string => (text.length <= 40 ? text : `${text.slice(0, 37)}...`);

function toCell(value: unknown, meta: AdamVariableMeta): XptValue {
  if (value === null || value === undefined) return null;
  if (meta.kind === 'sasdate') return typeof value === 'string' ? sasDateFromIso(value) : null;
  if (Array.isArray(value)) return value.length === 0 ? null : value.join(', ');
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'Y' : 'N';
  return null;
}

function build(
  plan: DatasetPlan,
  rows: readonly object[],
  extras: Readonly<Record<string, AdamVariableMeta>>,
  order: readonly string[],
  issues: Issue[],
  synthetic: boolean,
  perParameter: Readonly<Record<string, readonly ValueLevelSpec[]>> = {},
): SubmissionDataset {
  const table = { ...plan.table, ...extras };
  const names = [...new Set([...(rows.length === 0 ? order : order.filter((name) => rows.some((row) => name in row))), ...rows.flatMap((row) => Object.keys(row))])];
  const unknown = names.filter((name) => table[name] === undefined);
  for (const name of unknown) issues.push(issue('adam-unknown-variable', ['adam', plan.name, name], name, `a variable with XPT metadata in adamVariables.ts (left out of ${plan.name.toLowerCase()}.xpt)`, 'warning'));
  const known = names.filter((name) => table[name] !== undefined);
  const variables: VariableSpec[] = known.map((name) => {
    const meta = table[name];
    const codelist = CODELISTS[name] ?? (/FL$/.test(name) && meta.kind === 'text' ? CL_NY : undefined);
    return {
      name,
      label: meta.label,
      kind: meta.kind,
      origin: meta.origin ?? 'derived',
      ...(meta.derivation === undefined ? {} : { derivation: meta.derivation }),
      ...(meta.required === true ? { required: true } : {}),
      ...(codelist === undefined ? {} : { codelist }),
      ...(perParameter[name] === undefined ? {} : { valueLevel: perParameter[name] }),
    };
  });
  const cells: Row[] = rows.map((row) => Object.fromEntries(known.map((name) => [name, toCell((row as Record<string, unknown>)[name], table[name])])));
  return createSubmissionDataset({
    name: plan.name,
    label: syntheticLabel(plan.label, synthetic),
    class: plan.class,
    ...(plan.subClass === undefined ? {} : { subClass: plan.subClass }),
    structure: plan.structure,
    repeating: plan.name !== 'ADSL',
    standardId: ADAMIG_STANDARD_ID,
    keys: plan.keys,
    variables: variables.map((v) => (plan.keys.includes(v.name) || ['PARAMCD', 'PARAM', 'AVAL', 'CNSR'].includes(v.name) ? { ...v, required: true } : v)),
    rows: cells,
  });
}

/** The key of `aeSeq`: a subject and the AE number recorded on the form. */
export function aeSeqKey(usubjid: string, aespid: string): string {
  return `${usubjid}\u0000${aespid}`;
}

/** The protocol's own ADSL variables: analysis-set flags, prior-therapy flags, subject variables. */
function adslExtras(protocol: ProtocolDefinition): Record<string, AdamVariableMeta> {
  const extras: Record<string, AdamVariableMeta> = {};
  for (const set of protocol.analysisSets) extras[set.flag] = { label: label40(`${set.name} Flag`), kind: 'text', origin: 'derived', derivation: set.description, required: true };
  for (const group of protocol.priorTherapyGroups) extras[group.flag] = { label: label40(group.label), kind: 'text', origin: 'derived', derivation: `Y when a prior line contains one of: ${group.agents.join(', ')}` };
  for (const variable of protocol.subjectVariables.variables) extras[variable.name] = { label: label40(variable.label), kind: variable.type === 'number' ? 'float' : 'text', origin: 'derived', derivation: variable.derivation };
  return extras;
}

/** The ADaM submission datasets of a trial's derived datasets. */
export function createAdamSubmission(
  datasets: AdamDatasets,
  trial: TrialData,
  protocol: ProtocolDefinition,
  /** SDTM AE.AESEQ by USUBJID and AE.AESPID (the form's AE number), so ADAE points at its AE record. */
  aeSeq: ReadonlyMap<string, number> = new Map(),
  /** The SDTM records ADLB and ADRS trace to (SRCDOM/SRCVAR/SRCSEQ); without them those stay null. */
  sources: SdtmSourceRows = { LB: [], RS: [] },
): { readonly datasets: readonly SubmissionDataset[]; readonly issues: readonly Issue[] } {
  const issues: Issue[] = [];
  const arm = protocol.identity.armLabel;
  const synthetic = trial.synthetic;
  // ADSL holds the enrolled subjects (ADaMIG allows leaving screen failures out): a screen failure has no
  // treatment, often no demographics, and is described by DM (ARMNRS) and DS.
  const adsl = datasets.adsl
    .filter((row) => row.ENRLFL === 'Y')
    .map((row) => {
      const treated = row.TRTSDT !== null;
      return { ...row, RACE: 'NOT REPORTED', ARM: arm, ACTARM: treated ? arm : 'ASSIGNED, NOT TREATED', TRT01P: arm, TRT01A: treated ? arm : null };
    });
  const adslOrder = Object.keys(ADSL_VARIABLES);
  const adlb = datasets.adlb.map((row) => {
    const test = isLabAnalyte(row.PARAMCD) ? LAB_TESTS[row.PARAMCD] : undefined;
    return { ...row, PARAMCD: test?.code ?? row.PARAMCD, PARAM: test === undefined ? row.PARAMCD : `${test.test} (${row.AVALU})` };
  });
  const adae = datasets.adae.map((row) => {
    const { AERELS: _rels, AEACNS: _acns, AESEQ: formSequence, ...rest } = row;
    const aespid = String(formSequence);
    const { STUDYID, USUBJID, ...others } = rest;
    return { STUDYID, USUBJID, AESEQ: aeSeq.get(aeSeqKey(row.USUBJID, aespid)) ?? null, AESPID: aespid, ...others, AEOUT: AE_OUTCOME_TERMS[row.AEOUT] };
  });
  // EVALUATOR has nine characters: the XPT name is EVAL.
  const withEval = <T extends { readonly EVALUATOR: string | null }>(rows: readonly T[]) =>
    rows.map((row) => {
      const { EVALUATOR, ...rest } = row;
      return { STUDYID: (row as unknown as Row).STUDYID, USUBJID: (row as unknown as Row).USUBJID, ...rest, EVAL: EVALUATOR };
    });
  // ASEQ and the source of each BDS record (traceSources.ts), on the rows before they become XPT cells.
  const adrs: Record<string, unknown>[] = withEval(datasets.adrs);
  const adtte: Record<string, unknown>[] = withEval(datasets.adtte);
  const adlbRows: Record<string, unknown>[] = adlb.map((row) => ({ ...row }));
  for (const rows of [adrs, adtte, adlbRows]) numberAnalysisRecords(rows);
  traceAdlb(adlbRows, sources);
  traceAdrs(adrs, sources, protocol);
  traceAdtte(adtte, adrs, adsl);
  // ADCM (subsequent anticancer therapy) carries CM's identifiers when the package has CM.
  const adcm: Record<string, unknown>[] = datasets.adcm.map((row) => ({ ...row }));
  if (sources.CM !== undefined) {
    const unmatched = traceAdcm(adcm, sources);
    if (unmatched > 0) issues.push(issue('adcm-no-cm-record', ['adam', 'ADCM'], unmatched, 'every ADCM record matched to its SDTM CM record (CMSEQ left missing)', 'warning'));
  }
  const bds = (name: string, label: string, structure: string, keys: readonly string[], table: DatasetPlan['table'], subClass?: string): DatasetPlan => ({
    name,
    label,
    class: 'BASIC DATA STRUCTURE',
    ...(subClass === undefined ? {} : { subClass }),
    structure,
    keys,
    table,
  });
  const out = [
    build({ name: 'ADSL', label: 'Subject-Level Analysis Dataset', class: 'SUBJECT LEVEL ANALYSIS DATASET', structure: 'One record per enrolled subject', keys: ['STUDYID', 'USUBJID'], table: ADSL_VARIABLES }, adsl, adslExtras(protocol), adslOrder, issues, synthetic),
    build(bds('ADRS', 'Response Analysis Dataset', 'One record per subject per parameter per evaluator per assessment', ['STUDYID', 'USUBJID', 'PARAMCD', 'EVAL', 'ADT'], ADRS_VARIABLES), adrs, {}, Object.keys(ADRS_VARIABLES), issues, synthetic, adrsPerParameter(protocol)),
    build(bds('ADTR', 'Tumor/Disease Measurement Analysis', 'One record per subject per parameter per evaluator per assessment', ['STUDYID', 'USUBJID', 'PARAMCD', 'EVAL', 'ADT'], ADTR_VARIABLES), withEval(datasets.adtr), {}, Object.keys(ADTR_VARIABLES), issues, synthetic),
    build(bds('ADTTE', 'Time-to-Event Analysis Dataset', 'One record per subject per parameter', ['STUDYID', 'USUBJID', 'PARAMCD'], ADTTE_VARIABLES, 'TIME-TO-EVENT'), adtte, {}, Object.keys(ADTTE_VARIABLES), issues, synthetic, adttePerParameter(protocol)),
    build({ name: 'ADAE', label: 'Adverse Events Analysis Dataset', class: 'OCCURRENCE DATA STRUCTURE', subClass: 'ADVERSE EVENT', structure: 'One record per subject per adverse event', keys: ['STUDYID', 'USUBJID', 'AESEQ'], table: ADAE_VARIABLES }, adae, {}, Object.keys(ADAE_VARIABLES), issues, synthetic),
    build(bds('ADLB', 'Laboratory Analysis Dataset', 'One record per subject per parameter per laboratory per date', ['STUDYID', 'USUBJID', 'PARAMCD', 'LBSRC', 'ADT'], ADLB_VARIABLES), adlbRows, {}, Object.keys(ADLB_VARIABLES), issues, synthetic, adlbPerParameter(adlbRows)),
    build({ name: 'ADCM', label: 'Concomitant Meds Analysis Dataset', class: 'OCCURRENCE DATA STRUCTURE', structure: 'One record per subject per agent of a subsequent anticancer therapy', keys: ['STUDYID', 'USUBJID', 'CMSEQ'], table: ADCM_VARIABLES }, adcm, {}, Object.keys(ADCM_VARIABLES), issues, synthetic),
    build(bds('ADEX', 'Exposure Analysis Dataset', 'One record per subject per drug per parameter', ['STUDYID', 'USUBJID', 'EXTRT', 'PARAMCD'], ADEX_VARIABLES), datasets.adex, {}, Object.keys(ADEX_VARIABLES), issues, synthetic),
  ];
  return Object.freeze({ datasets: Object.freeze(out), issues: Object.freeze([...issues, ...out.flatMap((d) => d.issues)]) });
}
