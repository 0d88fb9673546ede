import type { AdaeRow, AdslRow } from '../../clinical/index.js';
import { analysisPopulation } from './analysisPopulation.js';
import type { ReportProtocol } from './reportProtocol.js';
import { cell, column, reportTable, row, textCell, type ReportTable } from './reportTable.js';

/** Listing of every serious adverse event of the safety set (one row per event), by subject and onset. */
export function createSaeListing(adsl: readonly AdslRow[], adae: readonly AdaeRow[], protocol: ReportProtocol): ReportTable {
  const safety = analysisPopulation(adsl, 'SAFFL');
  const events = adae
    .filter((r) => safety.ids.has(r.USUBJID) && r.AESER === 'Y')
    .slice()
    .sort((a, b) => a.USUBJID.localeCompare(b.USUBJID) || a.ASTDT.localeCompare(b.ASTDT) || a.AESEQ - b.AESEQ);
  const bySubject = (r: AdaeRow) => [r.USUBJID];
  const text = (value: string, r: AdaeRow) => cell(value, null, bySubject(r));
  return reportTable({
    id: 'l-sae',
    title: 'Listing of serious adverse events (safety population)',
    population: safety.population,
    stubLabel: 'Subject',
    columns: [
      column('term', 'Preferred term'),
      column('soc', 'System organ class'),
      column('onset', 'Onset date'),
      column('day', 'Study day'),
      column('grade', 'CTCAE grade'),
      column('related', `Related to ${protocol.investigationalDrugLabel.toLowerCase()}`),
      column('action', 'Action with study drug'),
      column('outcome', 'Outcome'),
      column('teae', 'Treatment-emergent'),
    ],
    rows: events.map((r) =>
      row(
        r.USUBJID,
        [
          text(r.AEDECOD, r),
          text(r.AEBODSYS ?? '', r),
          text(r.ASTDT, r),
          r.ASTDY === null ? textCell('') : cell(String(r.ASTDY), r.ASTDY, bySubject(r)),
          cell(String(r.AETOXGR), r.AETOXGR, bySubject(r)),
          text(r.RELPOMFL === 'Y' ? 'Yes' : 'No', r),
          text(r.AEACNPOM, r),
          text(r.AEOUT, r),
          text(r.TRTEMFL === 'Y' ? 'Yes' : 'No', r),
        ],
        0,
      ),
    ),
    footnotes: ['Study day 1 is the day of the first dose.'],
  });
}
