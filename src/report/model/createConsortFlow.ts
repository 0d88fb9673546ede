import type { AdamDatasets, AdslRow, ProtocolDefinition } from '../../clinical/index.js';
import { DISCONTINUATION_REASON_LABELS, reasonsPresent, screenFailureReason } from './createDispositionTable.js';
import { paperReference } from './protocolTerms.js';
import { population } from './reportTable.js';
import { reportFigure, type ReportFigure } from './reportFigure.js';

/** One box of the flow diagram: a count, the subjects in it, and the boxes that split it. */
export interface ConsortBox {
  readonly id: string;
  readonly label: string;
  readonly n: number;
  readonly subjects: readonly string[];
  /** Side boxes (exclusions, reasons) under this box. */
  readonly breakdown: readonly ConsortBox[];
}

export interface ConsortFlow {
  readonly screened: ConsortBox;
  /** With a breakdown by reason when ADSL carries SCRFREAS, else one 'Reason not recorded' box. */
  readonly screenFailures: ConsortBox;
  readonly enrolled: ConsortBox;
  readonly populations: readonly ConsortBox[];
  readonly discontinuedTreatment: ConsortBox;
  readonly ongoingTreatment: ConsortBox;
  readonly discontinuedStudy: ConsortBox;
  readonly ongoingStudy: ConsortBox;
}

export type ConsortFigure = ReportFigure<'consort', ConsortFlow>;

function box(id: string, label: string, rows: readonly AdslRow[], breakdown: readonly ConsortBox[] = []): ConsortBox {
  const subjects = Object.freeze(rows.map((r) => r.USUBJID).sort());
  return Object.freeze({ id, label, n: subjects.length, subjects, breakdown: Object.freeze([...breakdown]) });
}

/**
 * The CONSORT-style flow of subjects from ADSL. Box ids: 'screened', 'screen-failures' (with
 * 'screen-failure-<n>' by reason), 'enrolled', 'population:<ADSL flag>' per analysis set of the protocol,
 * 'discontinued-treatment' (with 'discontinued-treatment-<reason>'), 'ongoing-treatment',
 * 'discontinued-study' (with 'discontinued-study-<reason>'), 'ongoing-study'.
 */
export function createConsortFlow(datasets: Pick<AdamDatasets, 'adsl'>, protocol: ProtocolDefinition): ConsortFigure {
  const { adsl } = datasets;
  const failures = adsl.filter((r) => r.ENRLFL !== 'Y');
  const enrolled = adsl.filter((r) => r.ENRLFL === 'Y');
  const byReason = new Map<string, AdslRow[]>();
  for (const r of failures) {
    const reason = screenFailureReason(r) ?? 'Reason not recorded';
    byReason.set(reason, [...(byReason.get(reason) ?? []), r]);
  }
  const failureBoxes = [...byReason.entries()]
    .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
    .map(([reason, rows], i) => box(`screen-failure-${i + 1}`, reason, rows));
  const discontinued = (rows: readonly AdslRow[], status: 'EOTSTT' | 'EOSSTT', reasonKey: 'DCTREAS' | 'DCSREAS', id: string, label: string): ConsortBox => {
    const stopped = rows.filter((r) => r[status] === 'DISCONTINUED');
    const reasons = reasonsPresent(stopped.map((r) => r[reasonKey]));
    return box(
      id,
      label,
      stopped,
      reasons.map((reason) => box(`${id}-${reason}`, DISCONTINUATION_REASON_LABELS[reason], stopped.filter((r) => r[reasonKey] === reason))),
    );
  };
  const flow: ConsortFlow = Object.freeze({
    screened: box('screened', 'Screened', adsl),
    screenFailures: box('screen-failures', 'Screen failures', failures, failureBoxes),
    enrolled: box('enrolled', 'Enrolled', enrolled),
    populations: Object.freeze(protocol.analysisSets.map((set) => box(`population:${set.flag}`, set.name, enrolled.filter((r) => r[set.flag] === 'Y')))),
    discontinuedTreatment: discontinued(enrolled, 'EOTSTT', 'DCTREAS', 'discontinued-treatment', 'Discontinued treatment'),
    ongoingTreatment: box('ongoing-treatment', 'Ongoing treatment at data cutoff', enrolled.filter((r) => r.EOTSTT === 'ONGOING')),
    discontinuedStudy: discontinued(enrolled, 'EOSSTT', 'DCSREAS', 'discontinued-study', 'Discontinued study'),
    ongoingStudy: box('ongoing-study', 'Ongoing in the study at data cutoff', enrolled.filter((r) => r.EOSSTT === 'ONGOING')),
  });
  return reportFigure({
    figureKind: 'consort',
    id: 'f-consort',
    title: 'Patient disposition',
    population: population('Screened subjects', null, adsl.length),
    data: flow,
    paperReference: paperReference(protocol, 'f-consort'),
  });
}
