import { createAeOfInterestTable } from './createAeOfInterestTable.js';
import { createBaselineContinuousTable } from './createBaselineContinuousTable.js';
import { createBaselineTable } from './createBaselineTable.js';
import { createBestResponseTable } from './createBestResponseTable.js';
import { createConsortFlow, type ConsortFigure } from './createConsortFlow.js';
import { createDeathTable } from './createDeathTable.js';
import { createDispositionTable } from './createDispositionTable.js';
import { createExposureSummaryTable } from './createExposureSummaryTable.js';
import { createExposureTable } from './createExposureTable.js';
import { createForestFigure, type ForestFigure } from './createForestFigure.js';
import { createKaplanMeierFigure, type KaplanMeierFigure } from './createKaplanMeierFigure.js';
import { createLabShiftTable } from './createLabShiftTable.js';
import { createProtocolDeviationListing } from './createProtocolDeviationListing.js';
import { createProtocolDeviationTable } from './createProtocolDeviationTable.js';
import { createRelatedAeTable } from './createRelatedAeTable.js';
import { createResponseBarsFigure, type ResponseBarsFigure } from './createResponseBarsFigure.js';
import { createResponseConcordanceTable } from './createResponseConcordanceTable.js';
import { createResponseRateTable } from './createResponseRateTable.js';
import { createSaeListing } from './createSaeListing.js';
import { createSubgroupResponseTable } from './createSubgroupResponseTable.js';
import { createSubsequentTherapyTable } from './createSubsequentTherapyTable.js';
import { createSwimmerFigure, type SwimmerFigure } from './createSwimmerFigure.js';
import { createTeaeBySocTable } from './createTeaeBySocTable.js';
import { createTeaeMaxGradeTable } from './createTeaeMaxGradeTable.js';
import { createTeaeOverviewTable } from './createTeaeOverviewTable.js';
import { createTimeToEventTable } from './createTimeToEventTable.js';
import { createWaterfallFigure, type WaterfallFigure } from './createWaterfallFigure.js';
import { findDeviationForm, type AdamDatasets, type ProtocolDefinition } from '../../clinical/index.js';
import type { AggregateEditionNote } from './aggregateEdition.js';
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
 * Every table, listing and figure of the report, computed from the analysis datasets and the protocol's
 * analysis plan, in CSR order (disposition, baseline, exposure, efficacy, safety), numbered, each with its
 * population. Nothing about a particular trial is written here: populations, evaluators, the response scale,
 * the regimen's drugs, subgroups, endpoints, landmarks and thresholds all come from `protocol`.
 */
export function createReportModel(datasets: AdamDatasets, protocol: ProtocolDefinition): ReportModel {
  const plan = protocol.analysisPlan;
  const survival: ReportItem[] = plan.timeToEventEndpoints.flatMap((spec) => [
    createTimeToEventTable(datasets, protocol, spec),
    createKaplanMeierFigure(datasets, protocol, spec),
    ...plan.survivalSubgroups.map((subgroup) => createKaplanMeierFigure(datasets, protocol, spec, subgroup)),
  ]);
  const concordance = createResponseConcordanceTable(datasets, protocol);
  const efficacy: ReportItem[] = [
    createBestResponseTable(datasets, protocol),
    ...(concordance === null ? [] : [concordance]),
    createResponseRateTable(datasets, protocol),
    createResponseBarsFigure(datasets, protocol),
    ...plan.responseSubgroups.map((subgroup) => createResponseBarsFigure(datasets, protocol, subgroup)),
    createSubgroupResponseTable(datasets, protocol),
    createForestFigure(datasets, protocol),
    ...(protocol.response.parameters.length === 0 ? [] : [createWaterfallFigure(datasets, protocol)]),
    createSwimmerFigure(datasets, protocol),
    ...survival,
    createSubsequentTherapyTable(datasets, protocol),
  ];
  const sections = numberItems([
    {
      id: 'disposition',
      title: 'Study patients: disposition',
      items: [
        createConsortFlow(datasets, protocol),
        createDispositionTable(datasets, protocol),
        createProtocolDeviationTable(datasets, protocol),
      ],
    },
    { id: 'baseline', title: 'Demographic and other baseline characteristics', items: [createBaselineTable(datasets, protocol), createBaselineContinuousTable(datasets, protocol)] },
    { id: 'exposure', title: 'Extent of exposure', items: [createExposureTable(datasets, protocol), createExposureSummaryTable(datasets, protocol)] },
    { id: 'efficacy', title: 'Efficacy evaluation', items: efficacy },
    {
      id: 'safety',
      title: 'Safety evaluation',
      items: [
        createTeaeOverviewTable(datasets, protocol),
        createTeaeBySocTable(datasets, protocol),
        createTeaeMaxGradeTable(datasets, protocol),
        createRelatedAeTable(datasets, protocol),
        createAeOfInterestTable(datasets, protocol),
        createDeathTable(datasets, protocol),
        createLabShiftTable(datasets, protocol),
        createSaeListing(datasets, protocol),
      ],
    },
    // Subject data listings (ICH E3 16.2) that no section above holds; empty sections are left out.
    { id: 'listings', title: 'Subject data listings', items: findDeviationForm(protocol.forms) === undefined ? [] : [createProtocolDeviationListing(datasets, protocol)] },
  ].filter((section) => section.items.length > 0));
  return Object.freeze({ sections: Object.freeze(sections), items: Object.freeze(sections.flatMap((s) => s.items)) });
}
