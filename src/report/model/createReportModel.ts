import { createAeOfInterestTable } from './createAeOfInterestTable.js';
import { createBaselineTable } from './createBaselineTable.js';
import { createBestResponseTable } from './createBestResponseTable.js';
import { createConsortFlow, type ConsortFigure } from './createConsortFlow.js';
import { createDeathTable } from './createDeathTable.js';
import { createDispositionTable } from './createDispositionTable.js';
import { createExposureTable } from './createExposureTable.js';
import { createForestFigure, type ForestFigure } from './createForestFigure.js';
import { createKaplanMeierFigure, type KaplanMeierFigure } from './createKaplanMeierFigure.js';
import { createRelatedAeTable } from './createRelatedAeTable.js';
import { createResponseBarsFigure, type ResponseBarsFigure } from './createResponseBarsFigure.js';
import { createResponseConcordanceTable } from './createResponseConcordanceTable.js';
import { createResponseRateTable } from './createResponseRateTable.js';
import { createSaeListing } from './createSaeListing.js';
import { createSubgroupResponseTable } from './createSubgroupResponseTable.js';
import { createSwimmerFigure, type SwimmerFigure } from './createSwimmerFigure.js';
import { createTeaeOverviewTable } from './createTeaeOverviewTable.js';
import { createTimeToEventTable } from './createTimeToEventTable.js';
import { createWaterfallFigure, type WaterfallFigure } from './createWaterfallFigure.js';
import type { AggregateEditionNote } from './aggregateEdition.js';
import type { ReportDatasets } from './reportDatasets.js';
import type { ReportProtocol } from './reportProtocol.js';
import type { ReportTable } from './reportTable.js';

export type ReportFigureModel = ConsortFigure | KaplanMeierFigure | ResponseBarsFigure | ForestFigure | SwimmerFigure | WaterfallFigure;
export type ReportItem = ReportTable | ReportFigureModel;

export interface ReportSection {
  readonly id: string;
  /** CSR (ICH E3) heading. */
  readonly title: string;
  readonly items: readonly ReportItem[];
}

export interface ReportModel {
  readonly sections: readonly ReportSection[];
  /** Every item in order, for renderers that do not need the sections. */
  readonly items: readonly ReportItem[];
  /** Set on the aggregate edition only (createAggregateEdition): what it leaves out. Absent: the full edition. */
  readonly aggregate?: AggregateEditionNote;
}

/** 'Table n', 'Listing n' (ids 'l-...') and 'Figure n', each counted in order of appearance. */
function numberItems(sections: readonly { id: string; title: string; items: readonly ReportItem[] }[]): ReportSection[] {
  const counters = { Table: 0, Listing: 0, Figure: 0 };
  return sections.map((section) =>
    Object.freeze({
      id: section.id,
      title: section.title,
      items: Object.freeze(
        section.items.map((item): ReportItem => {
          const kind = item.kind === 'figure' ? 'Figure' : item.id.startsWith('l-') ? 'Listing' : 'Table';
          counters[kind] += 1;
          return Object.freeze({ ...item, number: `${kind} ${counters[kind]}` });
        }),
      ),
    }),
  );
}

/**
 * Every table, listing and figure of the report, computed from the analysis datasets and the protocol
 * description, in CSR order (disposition, baseline, exposure, efficacy, safety), numbered, each with its
 * population.
 */
export function createReportModel(datasets: ReportDatasets, protocol: ReportProtocol): ReportModel {
  const { adsl, adrs, adtte, adae, adex } = datasets;
  const km = (paramcd: string, endpoint: string, ref: string | null) => {
    const base = { paramcd, endpoint, atRiskEveryMonths: protocol.atRiskEveryMonths, confLevel: protocol.confLevel };
    return [
      createKaplanMeierFigure(adsl, adtte, { ...base, id: `f-km-${paramcd.toLowerCase()}`, title: `Kaplan-Meier curve of ${endpoint.toLowerCase()}`, paperReference: ref }),
      ...protocol.survivalSubgroups.map((subgroup) =>
        createKaplanMeierFigure(
          adsl,
          adtte,
          { ...base, id: `f-km-${paramcd.toLowerCase()}-${subgroup.id}`, title: `Kaplan-Meier curves of ${endpoint.toLowerCase()} by ${subgroup.label}` },
          subgroup,
        ),
      ),
    ];
  };
  const efficacy: ReportItem[] = [
    createBestResponseTable(adsl, adrs, protocol.confLevel),
    createResponseConcordanceTable(adsl, adrs, protocol.confLevel),
    createResponseRateTable(adsl, adrs, protocol),
    createResponseBarsFigure(adsl, adrs, null, 'f-response-overall', 'IRC-assessed response to treatment in overall patients', 'Fig. 2A'),
    ...protocol.responseSubgroups.map((subgroup) =>
      createResponseBarsFigure(adsl, adrs, subgroup, `f-response-${subgroup.id}`, `IRC-assessed response to treatment by ${subgroup.label}`),
    ),
    createSubgroupResponseTable(adsl, adrs, protocol),
    createForestFigure(adsl, adrs, protocol),
    ...(datasets.diseaseMeasurements === undefined ? [] : [createWaterfallFigure(adsl, adrs, datasets.diseaseMeasurements, protocol.mProteinParameters)]),
    createSwimmerFigure(adsl, adrs, adtte, protocol.swimmerMaxLanes),
    createTimeToEventTable(adsl, adtte, protocol, { paramcd: 'PFS', id: 't-pfs', title: 'Progression-free survival by IRC (full analysis set)', endpointLabel: 'Progression-free survival', landmarkMonths: protocol.landmarkMonths, paperReference: 'Fig. 4' }),
    ...km('PFS', 'Progression-free survival', 'Fig. 4'),
    createTimeToEventTable(adsl, adtte, protocol, { paramcd: 'OS', id: 't-os', title: 'Overall survival (full analysis set)', endpointLabel: 'Overall survival', landmarkMonths: protocol.landmarkMonths, withFollowUp: true, paperReference: 'Fig. 5' }),
    ...km('OS', 'Overall survival', 'Fig. 5'),
    createTimeToEventTable(adsl, adtte, protocol, { paramcd: 'DOR', id: 't-dor', title: 'Duration of response by IRC (responders)', endpointLabel: 'Duration of response', landmarkMonths: protocol.dorLandmarkMonths }),
    ...km('DOR', 'Duration of response', 'Fig. 3'),
  ];
  const sections = numberItems([
    { id: 'disposition', title: 'Study patients: disposition', items: [createConsortFlow(adsl), createDispositionTable(adsl, protocol.armLabel)] },
    { id: 'baseline', title: 'Demographic and other baseline characteristics', items: [createBaselineTable(adsl, protocol.armLabel)] },
    { id: 'exposure', title: 'Extent of exposure', items: [createExposureTable(adsl, adex, adtte, protocol)] },
    { id: 'efficacy', title: 'Efficacy evaluation', items: efficacy },
    {
      id: 'safety',
      title: 'Safety evaluation',
      items: [
        createTeaeOverviewTable(adsl, adae, protocol),
        createRelatedAeTable(adsl, adae, protocol),
        createAeOfInterestTable(adsl, adae, protocol),
        createDeathTable(adsl, protocol),
        createSaeListing(adsl, adae, protocol),
      ],
    },
  ]);
  return Object.freeze({ sections: Object.freeze(sections), items: Object.freeze(sections.flatMap((s) => s.items)) });
}
