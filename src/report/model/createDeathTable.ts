import { populationPhrase } from './populationPhrase.js';
import type { AdamDatasets, AdslRow, ProtocolDefinition } from '../../clinical/index.js';
import { DEATH_CAUSES, parseIsoDate } from '../../clinical/index.js';
import { baselinePopulation } from './analysisPopulation.js';
import { countCell } from './countCell.js';
import { abbreviationsFor, paperReference } from './protocolTerms.js';
import { column, headingRow, reportTable, row, type ReportTable } from './reportTable.js';

const CAUSE_LABELS: Readonly<Record<(typeof DEATH_CAUSES)[number], string>> = Object.freeze({
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
 * Deaths in the baseline population (usually intent-to-treat) up to the cutoff: by cause, on treatment (up to
 * the protocol's TEAE window after the last dose) or in follow-up, and early deaths (within the plan's
 * early-death window after the first dose, or after enrolment when never treated). Rows 'deaths', 'cause'
 * (heading), 'cause:<code>', 'cause:not-recorded', 'timing' (heading), 'timing:on-treatment',
 * 'timing:follow-up', 'timing:early'.
 */
export function createDeathTable(datasets: Pick<AdamDatasets, 'adsl'>, protocol: ProtocolDefinition): ReportTable {
  const base = baselinePopulation(datasets.adsl, protocol);
  const N = base.rows.length;
  const window = protocol.teaeWindowDaysAfterLastDose;
  const { earlyDeathDays } = protocol.analysisPlan;
  const dead = base.rows.filter((r) => r.DTHFL === 'Y');
  const ids = (rows: readonly AdslRow[]) => rows.map((r) => r.USUBJID);
  const onTreatment = dead.filter((r) => {
    const days = daysFrom(r.TRTEDT, r.DTHDT);
    return days !== null && days <= window;
  });
  const onTreatmentSet = new Set(onTreatment);
  const early = dead.filter((r) => {
    const days = daysFrom(r.TRTSDT ?? r.ENRLDT, r.DTHDT);
    return days !== null && days < earlyDeathDays;
  });
  const known = new Set<string>(DEATH_CAUSES);
  const causes = DEATH_CAUSES.filter((cause) => dead.some((r) => r.DTHCAUS === cause));
  const unrecorded = dead.filter((r) => r.DTHCAUS === null || !known.has(r.DTHCAUS));
  const title = `Deaths (${populationPhrase(base.population.name)})`;
  return reportTable({
    id: 't-deaths',
    title,
    population: base.population,
    stubLabel: 'Deaths',
    columns: [column('arm', protocol.identity.armLabel, N)],
    rows: [
      row('deaths', 'Deaths up to the data cutoff', [countCell(ids(dead), N)], 0),
      headingRow('cause', 'Primary cause'),
      ...causes.map((cause) => row(`cause:${cause}`, CAUSE_LABELS[cause], [countCell(ids(dead.filter((r) => r.DTHCAUS === cause)), N)], 2)),
      ...(unrecorded.length > 0 ? [row('cause:not-recorded', 'Not recorded', [countCell(ids(unrecorded), N)], 2)] : []),
      headingRow('timing', 'Timing'),
      row('timing:on-treatment', `On treatment (≤ ${window} days after the last dose)`, [countCell(ids(onTreatment), N)], 2),
      row('timing:follow-up', 'During follow-up', [countCell(ids(dead.filter((r) => !onTreatmentSet.has(r))), N)], 2),
      row('timing:early', `Within ${earlyDeathDays} days of the first dose`, [countCell(ids(early), N)], 2),
    ],
    footnotes: ['Causes as recorded on the death form.'],
    abbreviations: abbreviationsFor(protocol, [title]),
    paperReference: paperReference(protocol, 't-deaths'),
  });
}
