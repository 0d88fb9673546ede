import type { AdslRow, SubgroupDefinition } from '../../clinical/index.js';

/** The value of a subgroup variable as a label, null when missing. */
export function subgroupValue(row: AdslRow, definition: SubgroupDefinition): string | null {
  const value = row[definition.variable];
  return value === null || value === undefined ? null : String(value);
}

/** Each level's subjects among `rows`, in the definition's order. */
export function subgroupMembers(
  rows: readonly AdslRow[],
  definition: SubgroupDefinition,
): readonly { readonly value: string; readonly label: string; readonly rows: readonly AdslRow[]; readonly ids: ReadonlySet<string> }[] {
  return definition.levels.map((level) => {
    const members = rows.filter((row) => subgroupValue(row, definition) === level.value);
    return { value: level.value, label: level.label, rows: members, ids: new Set(members.map((r) => r.USUBJID)) };
  });
}
