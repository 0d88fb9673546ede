import { createAdamDatasets, type AdamDatasets, type AdslRow, type ProtocolDefinition, type TrialData } from '../clinical/index.js';
import { createReportModel, type ReportModel } from '../report/model/index.js';
import type { Issue } from '../result/index.js';

/** The trial, its protocol, its analysis datasets (derived once) and the report model over them: what every id reads. */
export interface ReproductionContext {
  readonly trial: TrialData;
  readonly protocol: ProtocolDefinition;
  readonly datasets: AdamDatasets;
  /** Issues the derivations reported (a bad record is skipped, the rest derived). */
  readonly derivationIssues: readonly Issue[];
  readonly model: ReportModel;
  /** ADSL rows of the plan's efficacy population (what the efficacy tables and figures are over). */
  readonly efficacy: readonly AdslRow[];
  readonly adslById: ReadonlyMap<string, AdslRow>;
}

export function createReproductionContext(trial: TrialData, protocol: ProtocolDefinition): ReproductionContext {
  const { datasets, issues } = createAdamDatasets(trial, protocol);
  const flag = protocol.analysisPlan.efficacyPopulation;
  return Object.freeze({
    trial,
    protocol,
    datasets,
    derivationIssues: issues,
    model: createReportModel(datasets, protocol),
    efficacy: Object.freeze(datasets.adsl.filter((r) => r[flag] === 'Y')),
    adslById: new Map(datasets.adsl.map((r) => [r.USUBJID, r])),
  });
}
