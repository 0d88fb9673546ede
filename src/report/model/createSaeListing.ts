import { populationPhrase } from './populationPhrase.js';
import type { AdaeRow, AdamDatasets, ProtocolDefinition } from '../../clinical/index.js';
import { safetyPopulation } from './analysisPopulation.js';
import { abbreviationsFor, paperReference } from './protocolTerms.js';
import { cell, column, reportTable, row, textCell, type ReportTable } from './reportTable.js';
import { dateValue, EMPTY_VALUE, numberValue } from './reportValue.js';

/**
 * Listing of every serious adverse event of the safety population (one row per event, key
 * '<USUBJID>:<AESEQ>'), by subject and onset: term, system organ class, onset date and study day, grade,
 * the drugs of the regimen it is related to, the action taken with each drug ('action:<drug id>'), outcome
 * and whether it is treatment-emergent.
 */
export function createSaeListing(datasets: Pick<AdamDatasets, 'adsl' | 'adae'>, protocol: ProtocolDefinition): ReportTable {
  const safety = safetyPopulation(datasets.adsl, protocol);
  const drugs = protocol.regimen.drugs;
  const drugLabel = new Map(drugs.map((d) => [d.id, d.label]));
  // Codes print as the labels of the protocol's code lists ('not-recovered' -> 'Not recovered/not resolved').
  const labelsOf = (id: string) => new Map((protocol.codelists.find((c) => c.id === id)?.items ?? []).map((item) => [item.code, item.label]));
  const actionLabel = labelsOf('AEACN');
  const outcomeLabel = labelsOf('AEOUT');
  const events = datasets.adae
    .filter((r) => safety.ids.has(r.USUBJID) && r.AESER === 'Y')
    .slice()
    .sort((a, b) => a.USUBJID.localeCompare(b.USUBJID) || a.ASTDT.localeCompare(b.ASTDT) || a.AESEQ - b.AESEQ);
  const text = (value: string, r: AdaeRow) => textCell(value, [r.USUBJID]);
  const title = `Listing of serious adverse events (${populationPhrase(safety.population.name)})`;
  return reportTable({
    id: 'l-sae',
    title,
    population: safety.population,
    stubLabel: 'Subject',
    columns: [
      column('term', 'Preferred term'),
      column('soc', 'System organ class'),
      column('onset', 'Onset date'),
      column('day', 'Study day'),
      column('grade', 'CTCAE grade'),
      column('related', 'Related to'),
      ...drugs.map((d) => column(`action:${d.id}`, `Action with ${d.label.toLowerCase()}`)),
      column('outcome', 'Outcome'),
      column('teae', 'Treatment-emergent'),
    ],
    rows: events.map((r) =>
      row(
        `${r.USUBJID}:${r.AESEQ}`,
        r.USUBJID,
        [
          text(r.AEDECOD, r),
          text(r.AEBODSYS ?? '', r),
          cell(dateValue(r.ASTDT), [r.USUBJID]),
          r.ASTDY === null ? cell(EMPTY_VALUE) : cell(numberValue(r.ASTDY, { decimals: 0 }), [r.USUBJID]),
          cell(numberValue(r.AETOXGR, { decimals: 0 }), [r.USUBJID]),
          text(r.RELDRUGS.length === 0 ? 'None' : r.RELDRUGS.map((id) => drugLabel.get(id) ?? id).join(', '), r),
          ...drugs.map((d) => {
            const action = r.AEACNS[d.id] as string | undefined;
            return text(action === undefined ? '' : (actionLabel.get(action) ?? action), r);
          }),
          text(outcomeLabel.get(r.AEOUT) ?? r.AEOUT, r),
          text(r.TRTEMFL === 'Y' ? 'Yes' : 'No', r),
        ],
        0,
      ),
    ),
    footnotes: ['Study day 1 is the day of the first dose. Related: possibly, probably or definitely.'],
    abbreviations: abbreviationsFor(protocol, [title], ['CTCAE Common Terminology Criteria for Adverse Events']),
    paperReference: paperReference(protocol, 'l-sae'),
  });
}
