import { issue, type Issue } from '../result/index.js';
import type { StoreError } from '../store/index.js';

const camel = (column: string): string => column.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());

/** Named constraints of migration 1 and the request field each one is about. */
const NAMED_CHECKS: Readonly<Record<string, { readonly field: string; readonly expected: string }>> = {
  users_site_role: { field: 'siteId', expected: 'a site for an investigator or coordinator, none for a trial-wide role' },
  subjects_site_prefix: { field: 'subjectId', expected: "a subject id that starts with its site id ('<site>-<number>')" },
  subjects_screening_number: { field: 'screeningNumber', expected: 'a screening number not yet used at this site' },
  locks_scope_subject: { field: 'subjectId', expected: 'a subject exactly when the scope is subject' },
  locks_one_active: { field: 'scope', expected: 'no active lock of the same scope and subject' },
};

/**
 * The request fields behind a constraint the database refused, from PostgreSQL's detail ('Key
 * (site_id)=(X9) is not present in table "sites".') or the constraint's name, as issues with the field in
 * the API's spelling (siteId); empty when the error does not say.
 */
export function storeErrorIssues(error: StoreError): Issue[] {
  const key = /^Key \((.+)\)=\((.*)\) (is not present in table "([^"]+)"|already exists)/.exec(error.detail ?? '');
  if (key !== null) {
    const columns = key[1].split(', ');
    const values = columns.length === 1 ? [key[2]] : key[2].split(', ');
    const missing = key[4];
    return columns.map((column, index) =>
      issue(
        error.code === 'foreign-key-violation' ? 'unknown-reference' : 'already-exists',
        [camel(column)],
        values[index] ?? key[2],
        missing !== undefined ? `the id of an existing row of ${missing}` : 'a value not yet taken',
      ),
    );
  }
  const constraint = error.constraint ?? '';
  const named = NAMED_CHECKS[constraint];
  if (named !== undefined) return [issue(error.code === 'unique-violation' ? 'already-exists' : 'check', [named.field], undefined, named.expected)];
  const column = error.table !== undefined && constraint.startsWith(`${error.table}_`) && constraint.endsWith('_check') ? constraint.slice(error.table.length + 1, -'_check'.length) : undefined;
  return column === undefined || column === '' ? [] : [issue('check', [camel(column)], undefined, `a value the database accepts for ${column}`)];
}
