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

/** One item of the report's layout, made when asked: a table (null: left out, e.g. no second evaluator) or a figure. */
type ItemMaker = { readonly kind: 'table'; readonly make: () => ReportTable | null } | { readonly kind: 'figure'; readonly make: () => ReportFigureModel };

const table = (make: () => ReportTable | null): ItemMaker => ({ kind: 'table', make });
const figure = (make: () => ReportFigureModel): ItemMaker => ({ kind: 'figure', make });

/**
 * The report's sections in CSR order (disposition, baseline, exposure, efficacy, safety, listings), each
 * item still to be made: which items there are follows from the protocol alone, so the figures can be made
 * (and drawn) before the tables (createReportFigures).
 */
function reportLayout(datasets: AdamDatasets, protocol: ProtocolDefinition): readonly { readonly id: string; readonly title: string; readonly items: readonly ItemMaker[] }[] {
  const plan = protocol.analysisPlan;
  const survival = plan.timeToEventEndpoints.flatMap((spec) => [
    table(() => createTimeToEventTable(datasets, protocol, spec)),
    figure(() => createKaplanMeierFigure(datasets, protocol, spec)),
    ...plan.survivalSubgroups.map((subgroup) => figure(() => createKaplanMeierFigure(datasets, protocol, spec, subgroup))),
  ]);
  const efficacy = [
    table(() => createBestResponseTable(datasets, protocol)),
    table(() => createResponseConcordanceTable(datasets, protocol)),
    table(() => createResponseRateTable(datasets, protocol)),
    figure(() => createResponseBarsFigure(datasets, protocol)),
    ...plan.responseSubgroups.map((subgroup) => figure(() => createResponseBarsFigure(datasets, protocol, subgroup))),
    table(() => createSubgroupResponseTable(datasets, protocol)),
    figure(() => createForestFigure(datasets, protocol)),
    ...(protocol.response.parameters.length === 0 ? [] : [figure(() => createWaterfallFigure(datasets, protocol))]),
    figure(() => createSwimmerFigure(datasets, protocol)),
    ...survival,
    table(() => createSubsequentTherapyTable(datasets, protocol)),
  ];
  return [
    {
      id: 'disposition',
      title: 'Study patients: disposition',
      items: [figure(() => createConsortFlow(datasets, protocol)), table(() => createDispositionTable(datasets, protocol)), table(() => createProtocolDeviationTable(datasets, protocol))],
    },
    { id: 'baseline', title: 'Demographic and other baseline characteristics', items: [table(() => createBaselineTable(datasets, protocol)), table(() => createBaselineContinuousTable(datasets, protocol))] },
    { id: 'exposure', title: 'Extent of exposure', items: [table(() => createExposureTable(datasets, protocol)), table(() => createExposureSummaryTable(datasets, protocol))] },
    { id: 'efficacy', title: 'Efficacy evaluation', items: efficacy },
    {
      id: 'safety',
      title: 'Safety evaluation',
      items: [
        table(() => createTeaeOverviewTable(datasets, protocol)),
        table(() => createTeaeBySocTable(datasets, protocol)),
        table(() => createTeaeMaxGradeTable(datasets, protocol)),
        table(() => createRelatedAeTable(datasets, protocol)),
        table(() => createAeOfInterestTable(datasets, protocol)),
        table(() => createDeathTable(datasets, protocol)),
        table(() => createLabShiftTable(datasets, protocol)),
        table(() => createSaeListing(datasets, protocol)),
      ],
    },
    // Subject data listings (ICH E3 16.2) that no section above holds; empty sections are left out.
    { id: 'listings', title: 'Subject data listings', items: findDeviationForm(protocol.forms) === undefined ? [] : [table(() => createProtocolDeviationListing(datasets, protocol))] },
  ];
}

/** The report's figures made ahead of its tables (createReportFigures), with what they were made from. */
export interface ReportFigures {
  readonly datasets: AdamDatasets;
  readonly protocol: ProtocolDefinition;
  /** In report order, numbered as the report numbers them. */
  readonly figures: readonly ReportFigureModel[];
}

/**
 * The report's figures alone, numbered and in order as createReportModel gives them, for a caller that
 * draws them while the tables are computed (writeReport): pass the result to createReportModel, which then
 * uses these figures instead of making them again.
 */
export function createReportFigures(datasets: AdamDatasets, protocol: ProtocolDefinition): ReportFigures {
  const made = reportLayout(datasets, protocol).flatMap((section) => section.items.flatMap((item) => (item.kind === 'figure' ? [item.make()] : [])));
  const figures = made.map((item, i) => Object.freeze({ ...item, number: `Figure ${i + 1}` }) as ReportFigureModel);
  return Object.freeze({ datasets, protocol, figures: Object.freeze(figures) });
}

/**
 * Every table, listing and figure of the report, computed from the analysis datasets and the protocol's
 * analysis plan, in CSR order (disposition, baseline, exposure, efficacy, safety), numbered, each with its
 * population. Nothing about a particular trial is written here: populations, evaluators, the response scale,
 * the regimen's drugs, subgroups, endpoints, landmarks and thresholds all come from `protocol`.
 * `figures`: createReportFigures of the same datasets and protocol, used as they are (figures made from
 * other datasets or another protocol are not used: the figures are made here).
 */
export function createReportModel(datasets: AdamDatasets, protocol: ProtocolDefinition, figures?: ReportFigures): ReportModel {
  const steps = reportModelSteps(datasets, protocol, figures);
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
  }
}

/**
 * createReportModel one item at a time: the generator yields after each item and returns the model. A caller that lets other work run between the steps (the
 * report writer rasterises the figures drawn meanwhile on other threads) drives it; the model is the same.
 */
export function* reportModelSteps(datasets: AdamDatasets, protocol: ProtocolDefinition, figures?: ReportFigures): Generator<undefined, ReportModel, void> {
  const ready = figures !== undefined && figures.datasets === datasets && figures.protocol === protocol ? figures.figures : null;
  let nextFigure = 0;
  const made: { id: string; title: string; items: ReportItem[] }[] = [];
  for (const section of reportLayout(datasets, protocol)) {
    const items: ReportItem[] = [];
    for (const item of section.items) {
      if (item.kind === 'figure') {
        items.push(ready === null ? item.make() : ready[nextFigure]);
        nextFigure += 1;
        yield;
        continue;
      }
      const table = item.make();
      if (table !== null) items.push(table);
      yield;
    }
    if (items.length > 0) made.push({ id: section.id, title: section.title, items });
  }
  const sections = numberItems(made);
  return Object.freeze({ sections: Object.freeze(sections), items: Object.freeze(sections.flatMap((s) => s.items)) });
}
