import type { SqlClient } from './sqlClient.js';

export interface SiteRow {
  readonly siteId: string;
  readonly name: string;
  readonly version: number;
}

interface Row {
  site_id: string;
  name: string;
  version: number;
}

const toSite = (row: Row): SiteRow => Object.freeze({ siteId: row.site_id, name: row.name, version: row.version });

/** Every site, or only `siteId` when the caller is scoped to one site. */
export async function listSites(client: SqlClient, siteId: string | null): Promise<readonly SiteRow[]> {
  const { rows } = await client.query<Row>('SELECT site_id, name, version FROM sites WHERE ($1::text IS NULL OR site_id = $1) ORDER BY site_id', [siteId]);
  return rows.map(toSite);
}

export async function insertSite(tx: SqlClient, site: { readonly siteId: string; readonly name: string }): Promise<SiteRow> {
  const { rows } = await tx.query<Row>('INSERT INTO sites (site_id, name) VALUES ($1, $2) RETURNING site_id, name, version', [site.siteId, site.name]);
  return toSite(rows[0]);
}
