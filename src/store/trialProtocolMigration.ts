import type { Migration } from './migrations.js';

/**
 * Migration 5: the trial a database holds is recorded once: the protocol id and version of the definition
 * its data were captured under, and whether it is a synthetic (invented) trial. One row at most, written by
 * the first program that opens the database with a protocol (the server, the demo loader) and never changed
 * afterwards: a database is not re-purposed for another protocol, nor turned from synthetic into real. The
 * row is audited like every clinical table (who opened it, when); update, delete and truncate are refused
 * by the database (SQLSTATE TKP01).
 */
const sql = `
CREATE TABLE trial (
  -- one row: the key can only be true
  trial_key boolean PRIMARY KEY DEFAULT true CHECK (trial_key),
  protocol_id text NOT NULL CHECK (protocol_id ~ '^[a-z0-9][a-z0-9._-]*$'),
  protocol_version text NOT NULL CHECK (protocol_version <> ''),
  synthetic boolean NOT NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text NOT NULL
);

CREATE TRIGGER trialkit_00_set_once BEFORE UPDATE OR DELETE ON trial
  FOR EACH ROW EXECUTE FUNCTION trialkit_reject_change('TKP01');
CREATE TRIGGER trialkit_00_set_once_truncate BEFORE TRUNCATE ON trial
  FOR EACH STATEMENT EXECUTE FUNCTION trialkit_reject_change('TKP01');
CREATE TRIGGER trialkit_10_guard BEFORE INSERT ON trial FOR EACH ROW EXECUTE FUNCTION trialkit_guard('none');
CREATE TRIGGER trialkit_90_audit AFTER INSERT ON trial FOR EACH ROW EXECUTE FUNCTION trialkit_audit('protocol_id', '');
`;

export const trialProtocolMigration: Migration = Object.freeze({ version: 5, name: 'trial protocol recorded once', sql });
