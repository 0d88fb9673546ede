import type { AdslRow, ResponseCategory } from '../clinical/index.js';
import type { ResponseBarsFigure, SubgroupDefinition } from '../report/index.js';
import { countQuantity, estimateQuantity, notComputed, type Quantity } from './quantity.js';
import { cellValue, countFromCell, proportionFromCount } from './quantityReaders.js';
import { modelRow, modelTable, type ReproductionContext } from './reproductionContext.js';

/** Published subgroup names -> the ADSL variable of the protocol's subgroup and the level values. */
const SUBGROUPS: Readonly<Record<string, { readonly variable: keyof AdslRow; readonly levels: Readonly<Record<string, string>> }>> = Object.freeze({
  iss: { variable: 'ISS', levels: { I: 'I', II: 'II', III: 'III' } },
  riss: { variable: 'RISS', levels: { I: 'I', II: 'II', III: 'III' } },
  cyto: { variable: 'CYTORISK', levels: { high: 'HIGH', standard: 'STANDARD' } },
  anti_cd38: { variable: 'PRCD38FL', levels: { yes: 'Y', no: 'N' } },
  asct: { variable: 'PRASCTFL', levels: { yes: 'Y', no: 'N' } },
});

const BEST_RESPONSE_LABELS: Readonly<Record<string, string>> = Object.freeze({
  cr: 'Complete response (CR)',
  vgpr: 'Very good partial response (VGPR)',
  pr: 'Partial response (PR)',
  mr: 'Minimal response (MR)',
  sd: 'Stable disease (SD)',
  pd: 'Progressive disease (PD)',
});

const CATEGORY: Readonly<Record<string, ResponseCategory>> = Object.freeze({ cr: 'CR', vgpr: 'VGPR', pr: 'PR', mr: 'MR', sd: 'SD', pd: 'PD' });

/** Agents of subsequent anti-myeloma therapy the paper counts, matched on the CRF new-therapy forms. */
const SUBSEQUENT: Readonly<Record<string, RegExp>> = Object.freeze({
  'subsequent.anti_cd38': /daratumumab|isatuximab/i,
  'subsequent.selinexor': /selinexor/i,
  'subsequent.car_t': /car-?t/i,
  'subsequent.talquetamab': /talquetamab/i,
});

function subgroupOf(context: ReproductionContext, name: string): SubgroupDefinition | undefined {
  const spec = SUBGROUPS[name] as (typeof SUBGROUPS)[string] | undefined;
  return spec === undefined ? undefined : context.protocol.responseSubgroups.find((d) => d.variable === spec.variable);
}

function levelLabel(definition: SubgroupDefinition, value: string): string | undefined {
  return definition.levels.find((l) => l.value === value)?.label;
}

/** subgroup.<name>.<level>.<endpoint> from the subgroup response table, the response bars and ADRS. */
function subgroupQuantity(context: ReproductionContext, id: string): Quantity {
  const [, name, levelKey, endpoint] = id.split('.');
  const definition = subgroupOf(context, name);
  const value = SUBGROUPS[name]?.levels[levelKey] as string | undefined;
  if (definition === undefined || value === undefined) return notComputed(`the protocol has no response subgroup for '${name}.${levelKey}'`);
  const label = levelLabel(definition, value);
  if (label === undefined) return notComputed(`subgroup ${definition.id} has no level ${value}`);
  const table = modelTable(context, 't-subgroup-response');
  if (endpoint === 'orr' || endpoint === 'dcr') {
    const size = cellValue(table, 't-subgroup-response', definition.label, label, 0);
    if (typeof size !== 'number') return size;
    const count = countFromCell(table, 't-subgroup-response', definition.label, label, endpoint === 'orr' ? 1 : 3, size);
    // Percent-only entries ("35.4% with prior ASCT") compare the percentage; the others carry the exact CI.
    return name === 'asct' ? count : proportionFromCount(count, context.protocol.confLevel);
  }
  const category = CATEGORY[endpoint] as ResponseCategory | undefined;
  if (category === undefined) return notComputed(`no rule for the subgroup endpoint '${endpoint}'`);
  const members = new Set(context.fas.filter((r) => String(r[definition.variable]) === value).map((r) => r.USUBJID));
  const bars = context.model.items.find((item): item is ResponseBarsFigure => item.kind === 'figure' && item.id === `f-response-${definition.id}`);
  const segment = bars?.data.bars.find((b) => b.id === value)?.segments.find((s) => s.category === category);
  if (segment !== undefined) return countQuantity(segment.count, members.size);
  // The bars stack responders only; MR and SD are counted from ADRS.
  const hits = context.datasets.adrs.filter((r) => r.PARAMCD === 'BOR' && r.EVALUATOR === 'IRC' && members.has(r.USUBJID) && r.AVALC === category);
  return countQuantity(new Set(hits.map((r) => r.USUBJID)).size, members.size);
}

/** fisher.<orr|dcr>.<name>_I_vs_III: the two-sided Fisher P the subgroup table prints. */
function fisherQuantity(context: ReproductionContext, id: string): Quantity {
  const [, endpoint, pair] = id.split('.');
  const match = /^([a-z_0-9]+)_([A-Za-z]+)_vs_([A-Za-z]+)$/.exec(pair);
  const definition = match === null ? undefined : subgroupOf(context, match[1]);
  if (match === null || definition === undefined) return notComputed(`no subgroup comparison for '${pair}'`);
  const [a, b] = [levelLabel(definition, match[2]), levelLabel(definition, match[3])];
  if (a === undefined || b === undefined) return notComputed(`subgroup ${definition.id} has no levels ${match[2]} and ${match[3]}`);
  const p = cellValue(modelTable(context, 't-subgroup-response'), 't-subgroup-response', definition.label, `${a} vs ${b}, Fisher P`, endpoint === 'orr' ? 2 : 4);
  return typeof p === 'number' ? estimateQuantity(p) : p;
}

/** Response (Fig. 2, Supplemental Tables 1-2), responders' outcome, subgroups, and subsequent therapy. */
export function efficacyQuantities(context: ReproductionContext, ids: readonly string[]): Map<string, Quantity> {
  const out = new Map<string, Quantity>();
  const { confLevel } = context.protocol;
  const rates = modelTable(context, 't-response-rate');
  out.set('efficacy.orr.overall', proportionFromCount(countFromCell(rates, 't-response-rate', 'Overall response rate (PR or better)', 'n (%)', 0), confLevel));
  out.set('efficacy.dcr.overall', proportionFromCount(countFromCell(rates, 't-response-rate', 'Disease control rate (MR or better, or SD)', 'n (%)', 0), confLevel));

  const best = modelTable(context, 't-best-response');
  const heading = 'Best confirmed overall response, n (%)';
  for (const [key, label] of Object.entries(BEST_RESPONSE_LABELS)) out.set(`efficacy.bor.${key}`, countFromCell(best, 't-best-response', heading, label, 0));
  // The paper splits NE into "without definitive assessments" and "no post-baseline assessment".
  const fasIds = new Set(context.fas.map((r) => r.USUBJID));
  const noPostBaseline = new Set(
    context.datasets.adrs.filter((r) => r.PARAMCD === 'BOR' && r.EVALUATOR === 'IRC' && r.NOPBFL === 'Y' && fasIds.has(r.USUBJID)).map((r) => r.USUBJID),
  );
  const ne = best === undefined ? undefined : modelRow(best, heading, 'Not evaluable (NE)')?.cells[0];
  const N = context.fas.length;
  out.set('efficacy.bor.ne', ne === undefined ? notComputed("the best-response table has no 'Not evaluable (NE)' row") : countQuantity(ne.subjects.filter((s) => !noPostBaseline.has(s)).length, N));
  out.set('efficacy.bor.no_postbaseline', countQuantity(noPostBaseline.size, N));

  // Responders' outcome: the DoR table's events (progression or death); censored for new therapy (CNSR 3) or still followed.
  const dor = modelTable(context, 't-dor');
  const events = countFromCell(dor, 't-dor', null, 'Events, n (%)', 0);
  const censored = countFromCell(dor, 't-dor', null, 'Censored, n (%)', 0);
  const dorRows = context.datasets.adtte.filter((r) => r.PARAMCD === 'DOR' && fasIds.has(r.USUBJID));
  const newTherapy = dorRows.filter((r) => r.CNSR === 3).length;
  out.set('efficacy.responders.progressed', events);
  out.set('efficacy.responders.new_therapy', censored.kind === 'count' ? countQuantity(newTherapy, censored.N) : censored);
  out.set('efficacy.responders.followup', censored.kind === 'count' ? countQuantity(censored.n - newTherapy, censored.N) : censored);

  for (const id of ids) {
    if (id.startsWith('subgroup.')) out.set(id, subgroupQuantity(context, id));
    else if (id.startsWith('fisher.')) out.set(id, fisherQuantity(context, id));
  }

  // ADaM keeps only the date of new therapy (NTRTDT); the agents are on the CRF new-therapy forms.
  const enrolled = new Set(context.datasets.adsl.filter((r) => r.ENRLFL === 'Y').map((r) => r.SUBJID));
  const cutoff = context.trial.dataCutoffDate;
  for (const [id, pattern] of Object.entries(SUBSEQUENT)) {
    const subjects = context.trial.subjects.filter(
      (s) => enrolled.has(s.subject.subjectId) && s.newTherapies.some((t) => t.startDate <= cutoff && t.agents.some((a) => pattern.test(a))),
    );
    out.set(id, countQuantity(subjects.length));
  }
  return out;
}
