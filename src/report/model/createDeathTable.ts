import type { AdslRow, DeathCause } from '../../clinical/index.js';
import { DEATH_CAUSES, parseIsoDate, TEAE_WINDOW_DAYS_AFTER_LAST_DOSE } from '../../clinical/index.js';
import { analysisPopulation } from './analysisPopulation.js';
import { countCell } from './countCell.js';
import type { ReportProtocol } from './reportProtocol.js';
import { column, headingRow, reportTable, row, type ReportTable } from './reportTable.js';

const CAUSE_LABELS: Readonly<Record<DeathCause, string>> = Object.freeze({
  'progressive-disease': 'Disease progression',
  'adverse-event': 'Adverse event',
  other: 'Other',
  unknown: 'Unknown',
});

function daysFrom(start: string | null, end: string | null): number | null {
  const a = start === null ? null : parseIsoDate(start);
  const b = end === null ? null : parseIsoDate(end);
  return a === null || b === null ? null : b - a;
}

/**
 * Deaths in the intent-to-treat population up to the cutoff: by cause, on treatment (up to the TEAE
 * window after the last dose) or in follow-up, and early deaths (within the protocol's early-death
 * window after the first dose, or after enrolment when never treated).
 */
export function createDeathTable(adsl: readonly AdslRow[], protocol: ReportProtocol): ReportTable {
  const itt = analysisPopulation(adsl, 'ITTFL');
  const N = itt.rows.length;
  const dead = itt.rows.filter((r) => r.DTHFL === 'Y');
  const ids = (rows: readonly AdslRow[]) => rows.map((r) => r.USUBJID);
  const onTreatment = dead.filter((r) => {
    const days = daysFrom(r.TRTEDT, r.DTHDT);
    return days !== null && days <= TEAE_WINDOW_DAYS_AFTER_LAST_DOSE;
  });
  const onTreatmentSet = new Set(onTreatment);
  const early = dead.filter((r) => {
    const days = daysFrom(r.TRTSDT ?? r.ENRLDT, r.DTHDT);
    return days !== null && days < protocol.earlyDeathDays;
  });
  const causes = DEATH_CAUSES.filter((cause) => dead.some((r) => r.DTHCAUS === cause));
  return reportTable({
    id: 't-deaths',
    title: 'Deaths (intent-to-treat population)',
    population: itt.population,
    stubLabel: 'Deaths',
    columns: [column('arm', protocol.armLabel, N)],
    rows: [
      row('Deaths up to the data cutoff', [countCell(ids(dead), N)], 0),
      headingRow('Primary cause'),
      ...causes.map((cause) => row(CAUSE_LABELS[cause], [countCell(ids(dead.filter((r) => r.DTHCAUS === cause)), N)], 2)),
      ...(dead.some((r) => r.DTHCAUS === null) ? [row('Not recorded', [countCell(ids(dead.filter((r) => r.DTHCAUS === null)), N)], 2)] : []),
      headingRow('Timing'),
      row(`On treatment (≤ ${TEAE_WINDOW_DAYS_AFTER_LAST_DOSE} days after the last dose)`, [countCell(ids(onTreatment), N)], 2),
      row('During follow-up', [countCell(ids(dead.filter((r) => !onTreatmentSet.has(r))), N)], 2),
      row(`Within ${protocol.earlyDeathDays} days of the first dose`, [countCell(ids(early), N)], 2),
    ],
    footnotes: ['Causes as recorded on the death form.'],
  });
}
