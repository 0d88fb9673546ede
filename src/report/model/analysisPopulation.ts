import type { AdslRow, ProtocolDefinition } from '../../clinical/index.js';
import { population, type ReportPopulation } from './reportTable.js';

export interface AnalysisPopulation {
  readonly population: ReportPopulation;
  readonly rows: readonly AdslRow[];
  readonly ids: ReadonlySet<string>;
}

const computed = new WeakMap<readonly AdslRow[], WeakMap<ProtocolDefinition, Map<string, AnalysisPopulation>>>();

/**
 * The ADSL rows of one analysis population (an ADSL flag of the protocol), with its name and N. Made once
 * per ADSL, protocol and flag: every table asks for its population, and a large trial's ADSL has
 * thousands of rows to filter and a set of their ids to build each time. Only a frozen ADSL (a derived
 * one) is remembered: a list that can still change is filtered each time.
 */
export function analysisPopulation(adsl: readonly AdslRow[], protocol: ProtocolDefinition, flag: string): AnalysisPopulation {
  if (!Object.isFrozen(adsl)) return createAnalysisPopulation(adsl, protocol, flag);
  let byProtocol = computed.get(adsl);
  if (byProtocol === undefined) computed.set(adsl, (byProtocol = new WeakMap<ProtocolDefinition, Map<string, AnalysisPopulation>>()));
  let byFlag = byProtocol.get(protocol);
  if (byFlag === undefined) byProtocol.set(protocol, (byFlag = new Map<string, AnalysisPopulation>()));
  let made = byFlag.get(flag);
  if (made === undefined) {
    made = createAnalysisPopulation(adsl, protocol, flag);
    byFlag.set(flag, made);
  }
  return made;
}

function createAnalysisPopulation(adsl: readonly AdslRow[], protocol: ProtocolDefinition, flag: string): AnalysisPopulation {
  const rows = adsl.filter((row) => row[flag] === 'Y');
  const name = protocol.analysisSets.find((set) => set.flag === flag)?.name ?? flag;
  return Object.freeze({
    population: population(name, flag, rows.length),
    rows: Object.freeze(rows),
    ids: new Set(rows.map((row) => row.USUBJID)),
  });
}

/** The ADSL flag of the baseline characteristics and deaths: the plan's, else the set of every enrolled subject, else the efficacy population. */
export function baselinePopulationFlag(protocol: ProtocolDefinition): string {
  const plan = protocol.analysisPlan;
  return plan.baselinePopulation ?? protocol.analysisSets.find((set) => set.rule.kind === 'enrolled')?.flag ?? plan.efficacyPopulation;
}

export function efficacyPopulation(adsl: readonly AdslRow[], protocol: ProtocolDefinition): AnalysisPopulation {
  return analysisPopulation(adsl, protocol, protocol.analysisPlan.efficacyPopulation);
}

export function safetyPopulation(adsl: readonly AdslRow[], protocol: ProtocolDefinition): AnalysisPopulation {
  return analysisPopulation(adsl, protocol, protocol.analysisPlan.safetyPopulation);
}

export function baselinePopulation(adsl: readonly AdslRow[], protocol: ProtocolDefinition): AnalysisPopulation {
  return analysisPopulation(adsl, protocol, baselinePopulationFlag(protocol));
}
