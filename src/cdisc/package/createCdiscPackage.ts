import { createAdamDatasets } from '../../clinical/index.js';
import type { ProtocolDefinition, TrialData } from '../../clinical/index.js';
import { failure, issue, success, type Issue, type Outcome } from '../../result/index.js';
import { ADAMIG_STANDARD_ID, aeSeqKey, createAdamSubmission } from '../adam/index.js';
import type { SubmissionDataset } from '../dataset/index.js';
import { createDefineXml, xptDatasetFromDefine, type DefineCodelist, type DefinePackage, type DefineStandard } from '../define/index.js';
import { createSdtmDatasets, SDTM_CT, SDTMIG_STANDARD_ID } from '../sdtm/index.js';
import { createXpt } from '../xpt/index.js';

/**
 * The CDISC submission package of a trial: `sdtm/` (the SDTM tabulations as XPT v5 files, define.xml, the
 * stylesheet) and `adam/` (the ADaM analysis datasets, define.xml, the stylesheet), as file path -> bytes. Pure:
 * the caller stamps the creation time, passes the stylesheet's bytes and writes the files. A package from a
 * synthetic trial says SYNTHETIC in every define.xml (study name and description) and every dataset label.
 * No annotated CRF or reviewer's guide is written (none exists to point to): define.xml names no documents.
 */

export const STYLESHEET_FILE = 'define2-1.xsl';

export interface CdiscPackageOptions {
  /** ISO 8601 date-time stamped in define.xml, e.g. 2026-12-06T12:00:00. */
  readonly creationDateTime: string;
  /** The same instant for the XPT headers. */
  readonly timestamp: Date;
  /** The bytes of data/cdisc/define2-1.xsl, copied beside each define.xml. */
  readonly stylesheet?: Uint8Array;
  /** e.g. { name: 'trialkit', version: '0.1.0' }. */
  readonly sourceSystem?: { readonly name: string; readonly version: string };
}

export interface CdiscPackage {
  /** 'sdtm/dm.xpt', 'sdtm/define.xml', 'adam/adsl.xpt', ... -> bytes. */
  readonly files: ReadonlyMap<string, Uint8Array>;
  readonly sdtm: readonly SubmissionDataset[];
  readonly adam: readonly SubmissionDataset[];
  /** What the mappings and derivations met: bad records (left out) and warnings (values changed or not mapped). */
  readonly issues: readonly Issue[];
  /** Fields of the protocol's forms the SDTM package does not hold, as form.path. */
  readonly unmapped: readonly string[];
}

function definePackage(model: 'SDTM' | 'ADaM', datasets: readonly SubmissionDataset[], trial: TrialData, protocol: ProtocolDefinition, options: CdiscPackageOptions, standards: readonly DefineStandard[]): DefinePackage {
  const synthetic = trial.synthetic ? 'SYNTHETIC ' : '';
  const oid = `${trial.protocolId}`.replace(/[^A-Za-z0-9._-]/g, '_');
  const codelists = new Map<string, DefineCodelist>();
  for (const dataset of datasets) for (const codelist of dataset.codelists) codelists.set(codelist.id, codelist);
  const usedStandards = standards.filter((s) => s.type === 'IG' || [...codelists.values()].some((c) => c.standardId === s.id));
  return {
    model,
    fileOid: `trialkit.${oid}.${model}`,
    creationDateTime: options.creationDateTime,
    originator: 'trialkit',
    ...(options.sourceSystem === undefined ? {} : { sourceSystem: options.sourceSystem }),
    context: trial.synthetic ? 'Other' : 'Submission',
    study: {
      oid: `STUDY.${oid}`,
      name: `${synthetic}${protocol.identity.registryId}`,
      description: `${trial.synthetic ? 'SYNTHETIC DATA (an invented trial, not for submission). ' : ''}${protocol.identity.title}`,
      protocolName: protocol.identity.registryId,
    },
    metaDataVersion: {
      oid: `MDV.${oid}.${model}`,
      name: `${synthetic}${model} ${model === 'SDTM' ? 'tabulations' : 'analysis datasets'} of ${protocol.identity.registryId} (protocol version ${trial.protocolVersion}, data cutoff ${trial.dataCutoffDate})`,
      description: `Written by trialkit from the trial's case report forms under protocol definition ${protocol.id} ${protocol.version}.${trial.synthetic ? ' SYNTHETIC.' : ''}`,
    },
    standards: usedStandards,
    datasets: datasets.map((d) => d.define),
    codelists: [...codelists.values()],
    methods: datasets.flatMap((d) => d.methods),
    comments: datasets.flatMap((d) => d.comments),
  };
}

function writeFolder(
  folder: string,
  model: 'SDTM' | 'ADaM',
  datasets: readonly SubmissionDataset[],
  pkg: DefinePackage,
  options: CdiscPackageOptions,
  files: Map<string, Uint8Array>,
  issues: Issue[],
): void {
  const encoder = new TextEncoder();
  for (const dataset of datasets) {
    const bytes = createXpt(xptDatasetFromDefine(dataset.define, dataset.rows), { timestamp: options.timestamp });
    if (!bytes.ok) {
      issues.push(...bytes.issues.map((i) => ({ ...i, path: [folder, dataset.define.file, ...i.path] })));
      continue;
    }
    files.set(`${folder}/${dataset.define.file}`, bytes.value);
  }
  const xml = createDefineXml(pkg, { stylesheetHref: STYLESHEET_FILE });
  if (!xml.ok) issues.push(...xml.issues.map((i) => ({ ...i, path: [folder, 'define.xml', ...i.path] })));
  else files.set(`${folder}/define.xml`, encoder.encode(xml.value));
  if (options.stylesheet !== undefined) files.set(`${folder}/${STYLESHEET_FILE}`, options.stylesheet);
  if (datasets.length === 0) issues.push(issue('empty-package', [folder], model, 'at least one dataset'));
}

/**
 * SDTM and ADaM of a trial under its protocol, as files. Fails (errors as data) only when a file cannot be
 * written (an XPT or define.xml the writers refuse); records the mappings could not use are issues of the
 * package, which is still written.
 */
export function createCdiscPackage(trial: TrialData, protocol: ProtocolDefinition, options: CdiscPackageOptions): Outcome<CdiscPackage> {
  const sdtm = createSdtmDatasets(trial, protocol);
  const ae = sdtm.datasets.find((d) => d.define.name === 'AE');
  const aeSeq = new Map<string, number>();
  for (const row of ae?.rows ?? []) if (typeof row.AESEQ === 'number') aeSeq.set(aeSeqKey(String(row.USUBJID), String(row.AESPID)), row.AESEQ);
  const derived = createAdamDatasets(trial, protocol);
  const rowsOf = (name: string) => sdtm.datasets.find((d) => d.define.name === name)?.rows ?? [];
  const adam = createAdamSubmission(derived.datasets, trial, protocol, aeSeq, { LB: rowsOf('LB'), RS: rowsOf('RS'), CM: rowsOf('CM') });
  const files = new Map<string, Uint8Array>();
  const writeIssues: Issue[] = [];
  const sdtmStandards: DefineStandard[] = [{ id: SDTMIG_STANDARD_ID, name: 'SDTMIG', type: 'IG', version: '3.4', status: 'Final' }, SDTM_CT];
  const adamStandards: DefineStandard[] = [{ id: ADAMIG_STANDARD_ID, name: 'ADaMIG', type: 'IG', version: '1.3', status: 'Final' }, SDTM_CT];
  writeFolder('sdtm', 'SDTM', sdtm.datasets, definePackage('SDTM', sdtm.datasets, trial, protocol, options, sdtmStandards), options, files, writeIssues);
  writeFolder('adam', 'ADaM', adam.datasets, definePackage('ADaM', adam.datasets, trial, protocol, options, adamStandards), options, files, writeIssues);
  if (writeIssues.some((i) => i.severity === 'error')) return failure(writeIssues);
  return success(
    Object.freeze({
      files,
      sdtm: sdtm.datasets,
      adam: adam.datasets,
      issues: Object.freeze([...sdtm.issues, ...derived.issues, ...adam.issues, ...writeIssues]),
      unmapped: sdtm.unmapped,
    }),
  );
}
