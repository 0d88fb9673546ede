import { populationPhrase } from './populationPhrase.js';
import type { AdamDatasets, DrugDefinition, ProtocolDefinition } from '../../clinical/index.js';
import { adexParameters, type AdexParameters } from './adexParameters.js';
import { formatConfLevel } from '../format/index.js';
import { safetyPopulation } from './analysisPopulation.js';
import { countCell } from './countCell.js';
import { medianRangeCell } from './medianRangeCell.js';
import { endpointOfKind, paperReference } from './protocolTerms.js';
import { cell, column, headingRow, reportTable, row, type ReportCell, type ReportRow, type ReportTable } from './reportTable.js';
import { missingValue, timeMedianValue } from './reportValue.js';
import { endpointRows, summarizeSurvival } from './survivalSummary.js';

function drugRows(adex: AdexParameters, drug: DrugDefinition, N: number): ReportRow[] {
  const flagged = (paramcd: string) => [...adex.firstBySubject(drug.id, paramcd).values()].filter((r) => r.AVALC === 'Y').map((r) => r.USUBJID);
  const starting = new Map([...adex.firstBySubject(drug.id, 'STDOSE').values()].map((r) => [r.USUBJID, r.AVAL]));
  // Subjects ever given each dose below their own starting dose (ADEX DOSEGVN: one row per level given).
  const below = new Map<number, Set<string>>();
  for (const r of adex.rowsOf(drug.id, 'DOSEGVN')) {
    if (r.AVAL === null) continue;
    const start = starting.get(r.USUBJID);
    if (start === null || start === undefined || !(r.AVAL < start)) continue;
    const set = below.get(r.AVAL) ?? new Set<string>();
    set.add(r.USUBJID);
    below.set(r.AVAL, set);
  }
  const levels = [...below.keys()].sort((a, b) => b - a);
  const rdi = adex.firstBySubject(drug.id, 'RDI');
  const key = (part: string) => `${drug.id}:${part}`;
  return [
    headingRow(drug.id, drug.label),
    row(key('rdi'), 'Relative dose intensity, %, median (range)', [medianRangeCell([...rdi.values()].map((r) => ({ id: r.USUBJID, value: r.AVAL })), '%')]),
    row(key('any-adjustment'), 'Any adjustment (dose adjustment or delay), n (%)', [countCell(flagged('ANYADJFL'), N)]),
    row(key('dose-adjustment'), 'Dose adjustment (reduction or interruption), n (%)', [countCell(flagged('ADJFL'), N)]),
    row(key('reduction'), 'Dose reduction, n (%)', [countCell(flagged('REDUCFL'), N)]),
    ...levels.map((dose) => row(key(`dose:${dose}`), `Ever at ${dose} ${drug.doseUnit}`, [countCell(below.get(dose) ?? [], N)], 2)),
    row(key('interruption'), 'Dose interruption, n (%)', [countCell(flagged('INTRPFL'), N)]),
    row(key('delay'), 'Delayed cycle, n (%)', [countCell(flagged('DELAYFL'), N)]),
  ];
}

/**
 * Says how relative dose intensity is derived (ADEX: cumulative over planned cumulative dose, both ending at
 * the data cutoff), and when, and for how many subjects, it exceeds 100%: only a dose given above the planned
 * one can make it so.
 */
function relativeDoseIntensityNote(exposed: AdexParameters): string {
  const above = new Set(exposed.parameterRows('RDI').filter((r) => r.AVAL !== null && r.AVAL > 100).map((r) => r.USUBJID));
  const definition =
    'Relative dose intensity: cumulative dose received over the dose planned for the cycles started, both up to the data cutoff (doses after it are not counted; a cycle in progress is planned only for its dose days up to the cutoff).';
  if (above.size === 0) return definition;
  return `${definition} It exceeds 100% for ${above.size} ${above.size === 1 ? 'subject' : 'subjects'}, who received more than the planned dose.`;
}

/**
 * Extent of exposure and dose modifications (safety population): Kaplan-Meier median treatment duration
 * with its CI (the protocol's treatment-duration endpoint, censored while ongoing), cycles received, and per
 * drug of the regimen (ADEX, one row per subject, drug and parameter) the relative dose intensity and the
 * subjects with adjustments, reductions by dose level, interruptions and delays. Row keys: 'duration',
 * 'cycles', then '<drug id>' (heading) and '<drug id>:rdi', ':any-adjustment', ':dose-adjustment',
 * ':reduction', ':dose:<level>', ':interruption', ':delay'.
 */
export function createExposureTable(datasets: Pick<AdamDatasets, 'adsl' | 'adex' | 'adtte'>, protocol: ProtocolDefinition): ReportTable {
  const safety = safetyPopulation(datasets.adsl, protocol);
  const parameters = adexParameters(datasets.adex, safety.ids);
  const N = safety.rows.length;
  const { confLevel } = protocol.analysisPlan;
  const durationEndpoint = endpointOfKind(protocol, 'treatment-duration');
  let durationCell: ReportCell = cell(missingValue('the protocol has no treatment-duration endpoint'));
  if (durationEndpoint !== undefined) {
    const duration = summarizeSurvival(endpointRows(datasets.adtte, durationEndpoint.paramcd, safety.ids), [], confLevel);
    const median = duration.median;
    durationCell =
      median === null
        ? cell(missingValue(duration.subjects.length === 0 ? 'no treated subjects' : 'the Kaplan-Meier fit failed'))
        : cell(timeMedianValue({ estimate: median.estimate, lower: median.lower, upper: median.upper, confLevel, method: 'kaplan-meier' }), duration.subjects);
  }
  const cycles = [...parameters.firstBySubject('ALL', 'CYCLES').values()];
  return reportTable({
    id: 't-exposure',
    title: `Treatment exposure and dose modifications (${populationPhrase(safety.population.name)})`,
    population: safety.population,
    stubLabel: 'Exposure',
    columns: [column('arm', protocol.identity.armLabel, N)],
    rows: [
      row('duration', `Duration of treatment, months, Kaplan-Meier median (${formatConfLevel(confLevel)} CI)`, [durationCell], 0),
      row('cycles', 'Cycles received, median (range)', [medianRangeCell(cycles.map((r) => ({ id: r.USUBJID, value: r.AVAL })))], 0),
      ...protocol.regimen.drugs.flatMap((drug) => drugRows(parameters, drug, N)),
    ],
    footnotes: [
      'Treatment duration: first to last dose, censored at the last dose for subjects still on treatment at the cutoff.',
      relativeDoseIntensityNote(parameters),
    ],
    paperReference: paperReference(protocol, 't-exposure'),
  });
}
