import type { SqlClient } from './sqlClient.js';

/**
 * Which of `subjectIds` exist (within `siteId` when not null), in one round trip: a bulk import checks
 * every row's subject before it writes anything.
 */
export async function existingSubjectIds(client: SqlClient, subjectIds: readonly string[], siteId: string | null): Promise<ReadonlySet<string>> {
  if (subjectIds.length === 0) return new Set();
  const { rows } = await client.query<{ subject_id: string }>(
    // the ids travel as JSON text: the two engines serialise a JS array parameter differently
    'SELECT subject_id FROM subjects WHERE subject_id IN (SELECT jsonb_array_elements_text($1::jsonb)) AND ($2::text IS NULL OR site_id = $2)',
    [JSON.stringify([...new Set(subjectIds)]), siteId],
  );
  return new Set(rows.map((row) => row.subject_id));
}
