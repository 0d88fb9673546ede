import type { AdamDatasets, AdslRow, DiscontinuationReason, ProtocolDefinition } from '../../clinical/index.js';
import { countCell, subjectsWhere } from './countCell.js';
import { paperReference } from './protocolTerms.js';
import { column, headingRow, population, reportTable, row, type ReportRow, type ReportTable } from './reportTable.js';

/** Words for the end-of-treatment / end-of-study reasons of the CRF code list. */
export const DISCONTINUATION_REASON_LABELS: Readonly<Record<DiscontinuationReason, string>> = Object.freeze({
  'progressive-disease': 'Progressive disease',
  'consent-withdrawn': 'Withdrawal of informed consent',
  'adverse-event': 'Treatment-emergent adverse event',
  'investigator-decision': "Investigator's discretion",
  death: 'Death',
  'protocol-violation': 'Major protocol violation',
  'lost-to-follow-up': 'Lost to follow-up',
  completed: 'Completed',
  'sponsor-decision': 'Sponsor decision',
  other: 'Other',
});

/** Reasons present in `rows`, in code-list order. */
export function reasonsPresent(reasons: readonly (DiscontinuationReason | null)[]): DiscontinuationReason[] {
  const present = new Set(reasons.filter((reason): reason is DiscontinuationReason => reason !== null));
  return (Object.keys(DISCONTINUATION_REASON_LABELS) as DiscontinuationReason[]).filter((reason) => present.has(reason));
}

/** Screen-failure reason when the ADSL row carries one (SCRFREAS), else null. */
export function screenFailureReason(row: AdslRow): string | null {
  return row.SCRFREAS !== null && row.SCRFREAS !== '' ? row.SCRFREAS : null;
}

/**
 * Subject disposition (CSR 10.1): screened, screen failures, enrolled, the protocol's analysis sets, treatment
 * and study status with discontinuation reasons. Percentages of the enrolled subjects. Row keys: README.md.
 */
export function createDispositionTable(datasets: Pick<AdamDatasets, 'adsl'>, protocol: ProtocolDefinition): ReportTable {
  const { adsl } = datasets;
  const enrolled = adsl.filter((r) => r.ENRLFL === 'Y');
  const N = enrolled.length;
  const count = (predicate: (r: AdslRow) => boolean) => countCell(subjectsWhere(enrolled, predicate), N);
  const status = (prefix: 'treatment' | 'study', state: 'EOTSTT' | 'EOSSTT', reasonKey: 'DCTREAS' | 'DCSREAS'): ReportRow[] => [
    row(`${prefix}:ongoing`, 'Ongoing at data cutoff', [count((r) => r[state] === 'ONGOING')]),
    row(`${prefix}:completed`, 'Completed', [count((r) => r[state] === 'COMPLETED')]),
    row(`${prefix}:discontinued`, 'Discontinued', [count((r) => r[state] === 'DISCONTINUED')]),
    ...reasonsPresent(enrolled.filter((r) => r[state] === 'DISCONTINUED').map((r) => r[reasonKey])).map((reason) =>
      row(`${prefix}:discontinued:${reason}`, DISCONTINUATION_REASON_LABELS[reason], [count((r) => r[state] === 'DISCONTINUED' && r[reasonKey] === reason)], 2),
    ),
  ];
  const rows = [
    row('screened', 'Screened', [countCell(adsl.map((r) => r.USUBJID), null)], 0),
    row('screen-failures', 'Screen failures', [countCell(subjectsWhere(adsl, (r) => r.ENRLFL !== 'Y'), null)], 0),
    row('enrolled', 'Enrolled', [countCell(enrolled.map((r) => r.USUBJID), null)], 0),
    headingRow('populations', 'Analysis populations'),
    ...protocol.analysisSets.map((set) => row(`population:${set.flag}`, set.name, [count((r) => r[set.flag] === 'Y')])),
    headingRow('treatment', 'Study treatment'),
    ...status('treatment', 'EOTSTT', 'DCTREAS'),
    row('treatment:never-treated', 'Never treated', [count((r) => r.EOTSTT === null)]),
    headingRow('study', 'Study'),
    ...status('study', 'EOSSTT', 'DCSREAS'),
  ];
  return reportTable({
    id: 't-disposition',
    title: 'Subject disposition',
    population: population('Enrolled subjects', 'ENRLFL', N),
    stubLabel: 'Disposition',
    columns: [column('arm', protocol.identity.armLabel, N)],
    rows,
    footnotes: ['Percentages are of the enrolled subjects. Status as of the data cutoff.'],
    paperReference: paperReference(protocol, 't-disposition'),
  });
}
