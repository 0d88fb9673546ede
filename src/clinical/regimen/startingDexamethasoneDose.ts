import { PROTOCOL_REGIMEN, type RegimenDefinition } from './protocolRegimen.js';

/** Starting dexamethasone dose for an age: 40 mg, or 20 mg when older than 75 (see protocolRegimen.ts for the > vs >= choice). */
export function startingDexamethasoneMg(ageYears: number, regimen: RegimenDefinition = PROTOCOL_REGIMEN): number {
  const dex = regimen.dexamethasone;
  return ageYears > dex.elderlyOlderThanYears ? dex.elderlyStartMg : dex.startMg;
}

/** The reduction ladder that starts at `startMg` (40 -> 20 -> 10, or 20 -> 12 -> 8). */
export function dexamethasoneLadderMg(startMg: number, regimen: RegimenDefinition = PROTOCOL_REGIMEN): readonly number[] {
  const ladder = regimen.dexamethasone.laddersMg[startMg];
  if (ladder === undefined) throw new RangeError(`no dexamethasone ladder starts at ${startMg} mg`);
  return ladder;
}
