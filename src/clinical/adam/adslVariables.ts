import type { AeGroup } from '../protocol/index.js';

/** An ADSL value: text (incl. Y/N flags and ISO dates), a number, or null (not known / not applicable). */
export type AdslValue = string | number | null;

/** The ADSL variables every protocol's ADSL has; a protocol adds its analysis-set flags, prior-therapy flags and disease variables. */
export const ADSL_CORE_VARIABLES: readonly string[] = Object.freeze([
  'STUDYID', 'USUBJID', 'SUBJID', 'SITEID', 'ENRLFL', 'SCRFREAS', 'CONSDT', 'ENRLDT', 'TRTSDT', 'TRTEDT', 'BRTHDT', 'AGE', 'AGEU', 'AGEGR1',
  'SEX', 'ECOGBL', 'WEIGHTBL', 'HEIGHTBL', 'DIAGDT', 'DIAGDURM', 'PRLINES', 'EOTSTT', 'EOTDT', 'DCTREAS', 'EOSSTT', 'EOSDT', 'DCSREAS',
  'DTHFL', 'DTHDT', 'DTHCAUS', 'LSTALVDT', 'NTRTDT', 'DCUTDT',
]);

function key(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The normalised terms of each group, made once per protocol's groups: a large trial has tens of thousands of AEs. */
interface GroupKeys {
  readonly id: string;
  readonly preferredTerms: ReadonlySet<string>;
  readonly systemOrganClasses: ReadonlySet<string>;
}

const groupKeysOf = new WeakMap<readonly AeGroup[], readonly GroupKeys[]>();

function keysOf(groups: readonly AeGroup[]): readonly GroupKeys[] {
  let keys = groupKeysOf.get(groups);
  if (keys === undefined) {
    keys = groups.map((group) => ({ id: group.id, preferredTerms: new Set(group.preferredTerms.map(key)), systemOrganClasses: new Set(group.systemOrganClasses.map(key)) }));
    groupKeysOf.set(groups, keys);
  }
  return keys;
}

/** Ids of the AE groups of interest an AE belongs to (by preferred term or system organ class, case-insensitive). */
export function aeGroupsOf(preferredTerm: string, systemOrganClass: string | undefined, groups: readonly AeGroup[]): string[] {
  const term = key(preferredTerm);
  const soc = systemOrganClass === undefined ? null : key(systemOrganClass);
  const ids: string[] = [];
  for (const group of keysOf(groups)) if (group.preferredTerms.has(term) || (soc !== null && group.systemOrganClasses.has(soc))) ids.push(group.id);
  return ids;
}

/** Agent names compare case- and space-insensitively ('Daratumumab ' = 'daratumumab'). */
export function normaliseAgent(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, ' ');
}
