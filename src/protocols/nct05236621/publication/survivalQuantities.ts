import { CENSORING } from '../../../clinical/index.js';
import type { SubgroupDefinition } from '../../../clinical/index.js';
import { countAt, countQuantity, endpointRowsOf, notComputed, numberAt, survivalQuantity, type Quantity, type ReproductionContext } from '../../../reproduce/index.js';

const ENDPOINT_TABLES: Readonly<Record<string, { readonly paramcd: string; readonly table: string }>> = Object.freeze({
  pfs: { paramcd: 'PFS', table: 't-pfs' },
  os: { paramcd: 'OS', table: 't-os' },
  dor: { paramcd: 'DOR', table: 't-dor' },
  followup: { paramcd: 'FOLLOWUP', table: 't-os' },
});

/** Published stage names -> the plan's survival subgroup ids. */
const STAGE_SUBGROUPS: Readonly<Record<string, string>> = Object.freeze({ iss: 'iss', riss: 'riss' });

function survivalSubgroup(context: ReproductionContext, name: string): SubgroupDefinition | undefined {
  const id = STAGE_SUBGROUPS[name] as string | undefined;
  return id === undefined ? undefined : context.protocol.analysisPlan.survivalSubgroups.find((d) => d.id === id);
}

/**
 * km.<endpoint>.<group>.<median|rateN>: the report's Kaplan-Meier summary over the efficacy population
 * (responders for DoR), overall or in one stage; ADTTE times in months.
 */
function kmQuantity(context: ReproductionContext, id: string): Quantity {
  const parts = id.split('.');
  const endpoint = ENDPOINT_TABLES[parts[1]] as (typeof ENDPOINT_TABLES)[string] | undefined;
  if (endpoint === undefined) return notComputed(`no time-to-event endpoint '${parts[1]}'`);
  // km.followup.median has no group; the others read km.<endpoint>.<overall | iss.I | ...>.<statistic>
  const statistic = parts[parts.length - 1] === 'abstract' ? parts[parts.length - 2] : parts[parts.length - 1];
  const group = parts.slice(2, parts[parts.length - 1] === 'abstract' ? -2 : -1);
  let subjects = new Set(context.efficacy.map((r) => r.USUBJID));
  if (group.length === 2) {
    const definition = survivalSubgroup(context, group[0]);
    if (definition === undefined) return notComputed(`the protocol has no survival subgroup '${group[0]}'`);
    subjects = new Set(context.efficacy.filter((r) => String(r[definition.variable]) === group[1]).map((r) => r.USUBJID));
  } else if (group.length === 1 && group[0] !== 'overall') {
    return notComputed(`no group '${group[0]}'`);
  }
  const rows = endpointRowsOf(context, endpoint.paramcd, subjects);
  if (statistic === 'median') return survivalQuantity(context, rows, null);
  const rate = /^rate(\d+)$/.exec(statistic);
  return rate === null ? notComputed(`no statistic '${statistic}'`) : survivalQuantity(context, rows, Number(rate[1]));
}

/** logrank.<endpoint>.<name>_<A>_vs_<B>: the pairwise log-rank P the time-to-event table prints. */
function logRankQuantity(context: ReproductionContext, id: string): Quantity {
  const [, endpointKey, pair] = id.split('.');
  const endpoint = ENDPOINT_TABLES[endpointKey] as (typeof ENDPOINT_TABLES)[string] | undefined;
  const match = /^([a-z]+)_([A-Za-z]+)_vs_([A-Za-z]+)$/.exec(pair);
  const definition = match === null ? undefined : survivalSubgroup(context, match[1]);
  if (endpoint === undefined || match === null || definition === undefined) return notComputed(`no survival comparison for '${id}'`);
  return numberAt(context, endpoint.table, `logrank:${definition.id}:${match[2]}-vs-${match[3]}`, 'overall');
}

/** Kaplan-Meier medians and rates, median follow-up, log-rank P, and the PFS / OS event and censoring counts. */
export function survivalQuantities(context: ReproductionContext, ids: readonly string[]): Map<string, Quantity> {
  const out = new Map<string, Quantity>();
  for (const id of ids) {
    if (id.startsWith('km.')) out.set(id, kmQuantity(context, id));
    else if (id.startsWith('logrank.')) out.set(id, logRankQuantity(context, id));
  }
  const efficacyIds = new Set(context.efficacy.map((r) => r.USUBJID));
  const N = efficacyIds.size;
  const inStudy = (usubjid: string): boolean => context.adslById.get(usubjid)?.EOSSTT === 'ONGOING';
  const pfs = endpointRowsOf(context, 'PFS', efficacyIds);
  const os = endpointRowsOf(context, 'OS', efficacyIds);
  out.set('pfs.events.progression', countQuantity(pfs.filter((r) => r.CNSR === CENSORING.event && r.EVNTDESC === 'PROGRESSIVE DISEASE').length, N));
  out.set('pfs.events.death', countQuantity(pfs.filter((r) => r.CNSR === CENSORING.event && r.EVNTDESC === 'DEATH').length, N));
  // "Under follow-up": censored without an event (at the last adequate assessment, or at the origin without
  // one) and not lost to it: no withdrawal of consent (from treatment or study), not lost to follow-up.
  const withdrew = (usubjid: string): boolean => {
    const row = context.adslById.get(usubjid);
    return row?.DCTREAS === 'consent-withdrawn' || row?.DCSREAS === 'consent-withdrawn' || row?.DCSREAS === 'lost-to-follow-up';
  };
  out.set(
    'pfs.censored.followup',
    countQuantity(pfs.filter((r) => (r.CNSR === CENSORING.noEvent || r.CNSR === CENSORING.noAdequateAssessment) && !withdrew(r.USUBJID)).length, N),
  );
  out.set('os.deaths', countAt(context, 't-os', 'events', 'overall'));
  const osCensored = os.filter((r) => r.CNSR !== 0);
  out.set('os.censored.consent_withdrawn', countQuantity(osCensored.filter((r) => context.adslById.get(r.USUBJID)?.DCSREAS === 'consent-withdrawn').length, N));
  out.set('os.censored.followup', countQuantity(osCensored.filter((r) => inStudy(r.USUBJID)).length, N));
  return out;
}
