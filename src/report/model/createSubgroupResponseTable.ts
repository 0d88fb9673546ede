import type { AdrsRow, AdslRow } from '../../clinical/index.js';
import { computeFisherExact2x2 } from '../../stats/index.js';
import { analysisPopulation } from './analysisPopulation.js';
import { bestResponses, diseaseControlled, responders } from './bestResponse.js';
import { countCell } from './countCell.js';
import { formatConfLevel, formatPValue } from './format.js';
import { rateCiCell } from './rateCells.js';
import type { ReportProtocol } from './reportProtocol.js';
import { cell, column, headingRow, reportTable, row, textCell, type ReportCell, type ReportRow, type ReportTable } from './reportTable.js';
import { subgroupMembers } from './subgroupMembers.js';

/** Two-sided Fisher P comparing the rate in two groups (numerators of group sizes nA, nB). */
export function fisherP(xA: number, nA: number, xB: number, nB: number): number | null {
  if (nA === 0 || nB === 0) return null;
  const outcome = computeFisherExact2x2({ a: xA, b: nA - xA, c: xB, d: nB - xB });
  return outcome.ok ? outcome.value.p : null;
}

/**
 * ORR and DCR by the IRC in each subgroup level of the protocol (paper Supplemental Table 2), with
 * Clopper-Pearson CIs and two-sided Fisher P for the pairs of levels the protocol lists.
 */
export function createSubgroupResponseTable(adsl: readonly AdslRow[], adrs: readonly AdrsRow[], protocol: ReportProtocol): ReportTable {
  const fas = analysisPopulation(adsl, 'FASFL');
  const { confLevel, p0 } = protocol;
  const bor = bestResponses(adrs, 'IRC', fas.ids);
  const responding = new Set(responders(bor));
  const controlled = new Set(diseaseControlled(bor));
  const rows: ReportRow[] = [];
  for (const definition of protocol.responseSubgroups) {
    rows.push(headingRow(definition.label));
    const members = subgroupMembers(fas.rows, definition);
    for (const level of members) {
      const ids = [...level.ids];
      const n = ids.length;
      const orr = ids.filter((id) => responding.has(id));
      const dcr = ids.filter((id) => controlled.has(id));
      rows.push(
        row(level.label, [
          cell(String(n), n, ids),
          countCell(orr, n),
          rateCiCell(orr, n, p0, confLevel),
          countCell(dcr, n),
          rateCiCell(dcr, n, p0, confLevel),
        ]),
      );
    }
    for (const [a, b] of definition.comparisons) {
      const ma = members.find((m) => m.value === a);
      const mb = members.find((m) => m.value === b);
      if (ma === undefined || mb === undefined) continue;
      const both = [...ma.ids, ...mb.ids];
      const pFor = (set: ReadonlySet<string>): ReportCell => {
        const p = fisherP([...ma.ids].filter((id) => set.has(id)).length, ma.ids.size, [...mb.ids].filter((id) => set.has(id)).length, mb.ids.size);
        return p === null ? textCell('NE') : cell(formatPValue(p), p, both);
      };
      rows.push(row(`${ma.label} vs ${mb.label}, Fisher P`, [textCell(''), textCell(''), pFor(responding), textCell(''), pFor(controlled)], 2));
    }
  }
  return reportTable({
    id: 't-subgroup-response',
    title: 'Response by subgroup, IRC assessment (full analysis set)',
    population: fas.population,
    stubLabel: 'Subgroup',
    columns: [
      column('n', 'n'),
      column('orr-n', 'ORR, n (%)'),
      column('orr-ci', `ORR (${formatConfLevel(confLevel)} CI)`),
      column('dcr-n', 'DCR, n (%)'),
      column('dcr-ci', `DCR (${formatConfLevel(confLevel)} CI)`),
    ],
    rows,
    footnotes: ['Exact (Clopper-Pearson) CIs; two-sided Fisher exact test between the two levels named; post hoc, not adjusted for multiplicity.'],
    abbreviations: ['ORR overall response rate', 'DCR disease control rate', 'ISS international staging system', 'R-ISS revised ISS', 'ASCT autologous stem cell transplantation'],
    paperReference: 'Supplemental Table 2',
  });
}
