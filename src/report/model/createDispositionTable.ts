import type { AdslRow, DiscontinuationReason } from '../../clinical/index.js';
import { countCell, subjectsWhere } from './countCell.js';
import { cell, column, headingRow, population, reportTable, row, type ReportTable } from './reportTable.js';

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
 * Subject disposition (CSR 10.1): screened, screen failures, enrolled, the analysis populations, treatment
 * and study status with discontinuation reasons. Percentages of the enrolled (ITT) subjects.
 */
export function createDispositionTable(adsl: readonly AdslRow[], armLabel: string): ReportTable {
  const enrolled = adsl.filter((r) => r.ENRLFL === 'Y');
  const N = enrolled.length;
  const screened = adsl.map((r) => r.USUBJID);
  const count = (predicate: (r: AdslRow) => boolean) => countCell(subjectsWhere(enrolled, predicate), N);
  const rows = [
    row('Screened', [cell(String(screened.length), screened.length, screened)], 0),
    row('Screen failures', [cell(String(adsl.length - N), adsl.length - N, subjectsWhere(adsl, (r) => r.ENRLFL !== 'Y'))], 0),
    row('Enrolled', [cell(String(N), N, enrolled.map((r) => r.USUBJID))], 0),
    headingRow('Analysis populations'),
    row('Intent-to-treat', [count((r) => r.ITTFL === 'Y')]),
    row('Full analysis set', [count((r) => r.FASFL === 'Y')]),
    row('Safety set', [count((r) => r.SAFFL === 'Y')]),
    headingRow('Study treatment'),
    row('Ongoing at data cutoff', [count((r) => r.EOTSTT === 'ONGOING')]),
    row('Completed', [count((r) => r.EOTSTT === 'COMPLETED')]),
    row('Discontinued', [count((r) => r.EOTSTT === 'DISCONTINUED')]),
    ...reasonsPresent(enrolled.filter((r) => r.EOTSTT === 'DISCONTINUED').map((r) => r.DCTREAS)).map((reason) =>
      row(DISCONTINUATION_REASON_LABELS[reason], [count((r) => r.EOTSTT === 'DISCONTINUED' && r.DCTREAS === reason)], 2),
    ),
    row('Never treated', [count((r) => r.EOTSTT === null)]),
    headingRow('Study'),
    row('Ongoing at data cutoff', [count((r) => r.EOSSTT === 'ONGOING')]),
    row('Completed', [count((r) => r.EOSSTT === 'COMPLETED')]),
    row('Discontinued', [count((r) => r.EOSSTT === 'DISCONTINUED')]),
    ...reasonsPresent(enrolled.filter((r) => r.EOSSTT === 'DISCONTINUED').map((r) => r.DCSREAS)).map((reason) =>
      row(DISCONTINUATION_REASON_LABELS[reason], [count((r) => r.EOSSTT === 'DISCONTINUED' && r.DCSREAS === reason)], 2),
    ),
  ];
  return reportTable({
    id: 't-disposition',
    title: 'Subject disposition',
    population: population('Enrolled subjects', 'ENRLFL', N),
    stubLabel: 'Disposition',
    columns: [column('arm', armLabel, N)],
    rows,
    footnotes: ['Percentages are of the enrolled subjects. Status as of the data cutoff.'],
    paperReference: 'Fig. 1',
  });
}
