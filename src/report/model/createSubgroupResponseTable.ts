import { populationPhrase } from './populationPhrase.js';
import type { AdamDatasets, ProtocolDefinition } from '../../clinical/index.js';
import { computeFisherExact2x2 } from '../../stats/index.js';
import { formatConfLevel } from '../format/index.js';
import { efficacyPopulation } from './analysisPopulation.js';
import { bestResponses, diseaseControlled, responders } from './bestResponse.js';
import { countCell } from './countCell.js';
import { abbreviationsFor, paperReference, primaryEvaluator } from './protocolTerms.js';
import { proportionCell } from './rateCells.js';
import { cell, column, headingRow, reportTable, row, type ReportCell, type ReportRow, type ReportTable } from './reportTable.js';
import { EMPTY_VALUE, missingValue, pValue } from './reportValue.js';
import { subgroupMembers } from './subgroupMembers.js';

/** Two-sided Fisher P comparing the rate in two groups (numerators of group sizes nA, nB). */
export function fisherP(xA: number, nA: number, xB: number, nB: number): number | null {
  if (nA === 0 || nB === 0) return null;
  const outcome = computeFisherExact2x2({ a: xA, b: nA - xA, c: xB, d: nB - xB });
  return outcome.ok ? outcome.value.p : null;
}

/**
 * Objective response and disease control by the primary evaluator in each level of the plan's response
 * subgroups, with Clopper-Pearson CIs and two-sided Fisher P for the pairs of levels the plan lists. Rows:
 * '<subgroup id>' (heading), '<subgroup id>:<level>', '<subgroup id>:<a>-vs-<b>' (P). Columns 'n',
 * 'orr-n', 'orr-ci', 'dcr-n', 'dcr-ci'.
 */
export function createSubgroupResponseTable(datasets: Pick<AdamDatasets, 'adsl' | 'adrs'>, protocol: ProtocolDefinition): ReportTable {
  const fas = efficacyPopulation(datasets.adsl, protocol);
  const { confLevel, design } = protocol.analysisPlan;
  const evaluator = primaryEvaluator(protocol);
  const bor = bestResponses(datasets.adrs, evaluator.id, fas.ids);
  const responding = new Set(responders(bor));
  const controlled = new Set(diseaseControlled(bor));
  const rows: ReportRow[] = [];
  for (const definition of protocol.analysisPlan.responseSubgroups) {
    rows.push(headingRow(definition.id, definition.label));
    const members = subgroupMembers(fas.rows, definition);
    for (const level of members) {
      const ids = [...level.ids];
      const n = ids.length;
      const orr = ids.filter((id) => responding.has(id));
      const dcr = ids.filter((id) => controlled.has(id));
      rows.push(
        row(`${definition.id}:${level.value}`, level.label, [
          countCell(ids, null),
          countCell(orr, n),
          proportionCell(orr, n, design.p0, confLevel),
          countCell(dcr, n),
          proportionCell(dcr, n, design.p0, confLevel),
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
        return p === null ? cell(missingValue(`no subjects in ${ma.ids.size === 0 ? ma.label : mb.label}`)) : cell(pValue(p, 'fisher-exact-two-sided'), both);
      };
      const empty = cell(EMPTY_VALUE);
      rows.push(row(`${definition.id}:${a}-vs-${b}`, `${ma.label} vs ${mb.label}, Fisher P`, [empty, empty, pFor(responding), empty, pFor(controlled)], 2));
    }
  }
  const title = `Response by subgroup, ${evaluator.label} assessment (${populationPhrase(fas.population.name)})`;
  const level = formatConfLevel(confLevel);
  return reportTable({
    id: 't-subgroup-response',
    title,
    population: fas.population,
    stubLabel: 'Subgroup',
    columns: [column('n', 'n'), column('orr-n', 'ORR, n (%)'), column('orr-ci', `ORR (${level} CI)`), column('dcr-n', 'DCR, n (%)'), column('dcr-ci', `DCR (${level} CI)`)],
    rows,
    footnotes: ['Exact (Clopper-Pearson) CIs; two-sided Fisher exact test between the two levels named; post hoc, not adjusted for multiplicity.'],
    abbreviations: abbreviationsFor(protocol, [title, ...rows.map((r) => r.label)], ['ORR overall response rate', 'DCR disease control rate']),
    paperReference: paperReference(protocol, 't-subgroup-response'),
  });
}
