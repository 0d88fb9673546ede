import type { AdexRow, AdslRow, AdtteRow, DrugExposure } from '../../clinical/index.js';
import { analysisPopulation } from './analysisPopulation.js';
import { countCell } from './countCell.js';
import { formatConfLevel, formatMedianCi } from './format.js';
import { medianRangeCell } from './medianRangeCell.js';
import type { ReportProtocol } from './reportProtocol.js';
import { cell, column, headingRow, reportTable, row, textCell, type ReportRow, type ReportTable } from './reportTable.js';
import { endpointRows, summarizeSurvival } from './survivalSummary.js';

function drugRows(adex: readonly AdexRow[], pick: (row: AdexRow) => DrugExposure, label: string, unit: string): ReportRow[] {
  const N = adex.length;
  const ids = (test: (e: DrugExposure) => boolean) => adex.filter((r) => test(pick(r))).map((r) => r.USUBJID);
  const below = (e: DrugExposure): number[] => (e.startingDoseMg === null ? [] : e.dosesGivenMg.filter((dose) => dose < (e.startingDoseMg ?? 0)));
  const reducedLevels = [...new Set(adex.flatMap((r) => below(pick(r))))].sort((a, b) => b - a);
  return [
    headingRow(label),
    row('Relative dose intensity, %, median (range)', [
      medianRangeCell(
        adex.map((r) => {
          const intensity = pick(r).relativeDoseIntensity;
          return { id: r.USUBJID, value: intensity === null ? null : intensity * 100 };
        }),
      ),
    ]),
    row('Any adjustment (dose adjustment or delay), n (%)', [countCell(ids((e) => e.anyAdjustment === 'Y'), N)]),
    row('Dose adjustment (reduction or interruption), n (%)', [countCell(ids((e) => e.doseAdjusted === 'Y'), N)]),
    row('Dose reduction, n (%)', [countCell(ids((e) => e.reduced === 'Y'), N)]),
    ...reducedLevels.map((dose) =>
      row(`Ever at ${dose} ${unit}`, [countCell(ids((e) => below(e).includes(dose)), N)], 2),
    ),
    row('Dose interruption, n (%)', [countCell(ids((e) => e.interrupted === 'Y'), N)]),
    row('Delayed cycle, n (%)', [countCell(ids((e) => e.delayed === 'Y'), N)]),
  ];
}

/**
 * Extent of exposure and dose modifications (safety set): Kaplan-Meier median treatment duration with its
 * CI (ADTTE TRTDUR: censored while ongoing), cycles received, relative dose intensity, and per drug the
 * subjects with adjustments, reductions by dose level, interruptions and delays (ADEX).
 */
export function createExposureTable(adsl: readonly AdslRow[], adex: readonly AdexRow[], adtte: readonly AdtteRow[], protocol: ReportProtocol): ReportTable {
  const safety = analysisPopulation(adsl, 'SAFFL');
  const exposed = adex.filter((r) => safety.ids.has(r.USUBJID));
  const N = safety.rows.length;
  const duration = summarizeSurvival(endpointRows(adtte, 'TRTDUR', safety.ids), [], protocol.confLevel);
  const median = duration.median;
  return reportTable({
    id: 't-exposure',
    title: 'Treatment exposure and dose modifications (safety set)',
    population: safety.population,
    stubLabel: 'Exposure',
    columns: [column('arm', protocol.armLabel, N)],
    rows: [
      row(
        `Duration of treatment, months, Kaplan-Meier median (${formatConfLevel(protocol.confLevel)} CI)`,
        [median === null ? textCell('NE') : cell(formatMedianCi(median.estimate, median.lower, median.upper, protocol.confLevel), median.estimate, duration.subjects)],
        0,
      ),
      row('Cycles received, median (range)', [medianRangeCell(exposed.map((r) => ({ id: r.USUBJID, value: r.CYCLES })))], 0),
      ...drugRows(exposed, (r) => r.POM, protocol.investigationalDrugLabel, 'mg/day'),
      ...drugRows(exposed, (r) => r.DEX, protocol.companionDrugLabel, 'mg/dose'),
    ],
    footnotes: [
      'Treatment duration: first to last dose, censored at the last dose for subjects still on treatment at the cutoff.',
      'Relative dose intensity: delivered over planned dose per 28-day cycle.',
    ],
  });
}
