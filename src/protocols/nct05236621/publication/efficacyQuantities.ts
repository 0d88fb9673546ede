import type { SubgroupDefinition } from '../../../clinical/index.js';
import { findFigure } from '../../../report/model/index.js';
import { cellSubjects, countAt, countQuantity, notComputed, numberAt, proportionFromCount, type Quantity, type ReproductionContext } from '../../../reproduce/index.js';

/** Published subgroup names -> the plan's response subgroup id and the level values. */
const SUBGROUPS: Readonly<Record<string, { readonly id: string; readonly levels: Readonly<Record<string, string>> }>> = Object.freeze({
  iss: { id: 'iss', levels: { I: 'I', II: 'II', III: 'III' } },
  riss: { id: 'riss', levels: { I: 'I', II: 'II', III: 'III' } },
  cyto: { id: 'cytogenetics', levels: { high: 'HIGH', standard: 'STANDARD' } },
  anti_cd38: { id: 'anti-cd38', levels: { yes: 'Y', no: 'N' } },
  asct: { id: 'asct', levels: { yes: 'Y', no: 'N' } },
});

const BEST_RESPONSE: Readonly<Record<string, string>> = Object.freeze({ cr: 'CR', vgpr: 'VGPR', pr: 'PR', mr: 'MR', sd: 'SD', pd: 'PD' });

/** Agents of subsequent anti-myeloma therapy the paper counts, matched on the CRF new-therapy forms. */
const SUBSEQUENT: Readonly<Record<string, RegExp>> = Object.freeze({
  'subsequent.anti_cd38': /daratumumab|isatuximab/i,
  'subsequent.selinexor': /selinexor/i,
  'subsequent.car_t': /car-?t/i,
  'subsequent.talquetamab': /talquetamab/i,
});

const IRC = 'irc';

function subgroupOf(context: ReproductionContext, name: string): SubgroupDefinition | undefined {
  const spec = SUBGROUPS[name] as (typeof SUBGROUPS)[string] | undefined;
  return spec === undefined ? undefined : context.protocol.analysisPlan.responseSubgroups.find((d) => d.id === spec.id);
}

/** subgroup.<name>.<level>.<endpoint> from the subgroup response table, the response bars and ADRS. */
function subgroupQuantity(context: ReproductionContext, id: string): Quantity {
  const [, name, levelKey, endpoint] = id.split('.');
  const definition = subgroupOf(context, name);
  const value = SUBGROUPS[name]?.levels[levelKey] as string | undefined;
  if (definition === undefined || value === undefined) return notComputed(`the protocol has no response subgroup for '${name}.${levelKey}'`);
  if (!definition.levels.some((l) => l.value === value)) return notComputed(`subgroup ${definition.id} has no level ${value}`);
  const rowKey = `${definition.id}:${value}`;
  if (endpoint === 'orr' || endpoint === 'dcr') {
    const size = countAt(context, 't-subgroup-response', rowKey, 'n');
    if (size.kind !== 'count') return size;
    const count = countAt(context, 't-subgroup-response', rowKey, `${endpoint}-n`, { N: size.n });
    if (count.kind !== 'count') return count;
    const overSize = countQuantity(count.n, size.n);
    // Percent-only entries ("35.4% with prior ASCT") compare the percentage; the others carry the exact CI.
    return name === 'asct' ? overSize : proportionFromCount(overSize, context.protocol.analysisPlan.confLevel);
  }
  const category = BEST_RESPONSE[endpoint] as string | undefined;
  if (category === undefined) return notComputed(`no rule for the subgroup endpoint '${endpoint}'`);
  const members = new Set(context.efficacy.filter((r) => String(r[definition.variable]) === value).map((r) => r.USUBJID));
  const bars = findFigure(context.model, `f-response-${definition.id}`, 'response-bars');
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
  return numberAt(context, 't-subgroup-response', `${definition.id}:${match[2]}-vs-${match[3]}`, endpoint === 'orr' ? 'orr-ci' : 'dcr-ci');
}

/** Response (Fig. 2, Supplemental Tables 1-2), responders' outcome, subgroups, and subsequent therapy. */
export function efficacyQuantities(context: ReproductionContext, ids: readonly string[]): Map<string, Quantity> {
  const out = new Map<string, Quantity>();
  const { confLevel } = context.protocol.analysisPlan;
  out.set('efficacy.orr.overall', proportionFromCount(countAt(context, 't-response-rate', 'orr:count', IRC), confLevel));
  out.set('efficacy.dcr.overall', proportionFromCount(countAt(context, 't-response-rate', 'dcr:count', IRC), confLevel));

  for (const [key, code] of Object.entries(BEST_RESPONSE)) out.set(`efficacy.bor.${key}`, countAt(context, 't-best-response', `category:${code}`, IRC));
  // The paper splits NE into "without definitive assessments" and "no post-baseline assessment".
  const fasIds = new Set(context.efficacy.map((r) => r.USUBJID));
  const noPostBaseline = new Set(
    context.datasets.adrs.filter((r) => r.PARAMCD === 'BOR' && r.EVALUATOR === 'IRC' && r.NOPBFL === 'Y' && fasIds.has(r.USUBJID)).map((r) => r.USUBJID),
  );
  const ne = cellSubjects(context, 't-best-response', 'category:NE', IRC);
  const N = context.efficacy.length;
  out.set('efficacy.bor.ne', typeof ne === 'string' ? notComputed(ne) : countQuantity(ne.filter((s) => !noPostBaseline.has(s)).length, N));
  out.set('efficacy.bor.no_postbaseline', countQuantity(noPostBaseline.size, N));

  // Responders' outcome: the DoR table's events (progression or death); censored for new therapy (CNSR 3) or still followed.
  const events = countAt(context, 't-dor', 'events', 'overall');
  const censored = countAt(context, 't-dor', 'censored', 'overall');
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
