import type { SqlClient } from './sqlClient.js';
import { StoreError } from './storeError.js';
import { withAuditContext } from './withAuditContext.js';

/** The protocol a database's trial was captured under (migration 5), as recorded when it was first opened. */
export interface TrialProtocol {
  /** The protocol's registry key (its folder id under src/protocols). */
  readonly protocolId: string;
  readonly protocolVersion: string;
  /** An invented trial (a demo): everything derived from it says SYNTHETIC. */
  readonly synthetic: boolean;
  readonly createdAt: Date;
  readonly createdBy: string;
}

/** What a program opening the database wants it to hold; `synthetic` unset = either (the server). */
export interface TrialProtocolRequest {
  readonly protocolId: string;
  readonly protocolVersion: string;
  readonly synthetic?: boolean;
}

interface Row {
  protocol_id: string;
  protocol_version: string;
  synthetic: boolean;
  created_at: Date;
  created_by: string;
}

const toTrialProtocol = (row: Row): TrialProtocol =>
  Object.freeze({ protocolId: row.protocol_id, protocolVersion: row.protocol_version, synthetic: row.synthetic, createdAt: row.created_at, createdBy: row.created_by });

/** The recorded protocol, or undefined for a database no protocol has opened yet. */
export async function getTrialProtocol(client: SqlClient): Promise<TrialProtocol | undefined> {
  const { rows } = await client.query<Row>('SELECT protocol_id, protocol_version, synthetic, created_at, created_by FROM trial');
  return rows.length === 0 ? undefined : toTrialProtocol(rows[0]);
}

/** Why `recorded` cannot be opened as `wanted`, or undefined when it can. */
export function trialProtocolMismatch(recorded: TrialProtocol, wanted: TrialProtocolRequest): string | undefined {
  const held = `protocol ${recorded.protocolId} version ${recorded.protocolVersion}`;
  if (recorded.protocolId !== wanted.protocolId)
    return `this database holds the trial of ${held}; it cannot be opened as protocol ${wanted.protocolId} (use a database of its own)`;
  if (recorded.protocolVersion !== wanted.protocolVersion)
    return `this database holds data captured under ${held}; this trialkit defines version ${wanted.protocolVersion} (moving data between protocol versions is not supported)`;
  if (wanted.synthetic !== undefined && recorded.synthetic !== wanted.synthetic)
    return recorded.synthetic
      ? `this database holds a SYNTHETIC trial of ${held}; real data do not go into it`
      : `this database holds a real (not synthetic) trial of ${held}; a synthetic trial is not loaded into it`;
  return undefined;
}

/**
 * Opens the database for a protocol: records it when no protocol has (in an audited transaction as `user`),
 * and otherwise checks that the recorded one is the same protocol and version (and synthetic flag, when
 * asked). A mismatch is a StoreError 'protocol-mismatch' naming both: nothing is written.
 */
export async function openTrialProtocol(client: SqlClient, wanted: TrialProtocolRequest, user: string): Promise<TrialProtocol> {
  const recorded = await withAuditContext(client, { user }, async (tx) => {
    // concurrent openers: the first insert wins, the others read its row
    await tx.query('INSERT INTO trial (protocol_id, protocol_version, synthetic) VALUES ($1, $2, $3) ON CONFLICT (trial_key) DO NOTHING', [
      wanted.protocolId,
      wanted.protocolVersion,
      wanted.synthetic ?? false,
    ]);
    return getTrialProtocol(tx);
  });
  if (recorded === undefined) throw new StoreError('database', 'the trial row could not be read back after it was recorded');
  const mismatch = trialProtocolMismatch(recorded, wanted);
  if (mismatch !== undefined) throw new StoreError('protocol-mismatch', mismatch);
  return recorded;
}
