import type { Migration } from './migrations.js';

/**
 * Migration 6: the audit chain leaves the commit's critical path; signed checkpoints of its head.
 *
 * Before, every committing writer took the chain lock, read the head and appended its chained rows, so
 * commits were serialised by the chain (the server benchmark: more clients only queued on that lock).
 * Now the AFTER trigger of each write appends the audit entry (row images, who, why, when: taken at the
 * write, in the writer's transaction, exactly as before) to audit_queue, a plain logged table: no lock,
 * no head read. One sealer at a time (sealAuditQueue.ts, under the chain lock) moves committed queue
 * entries into audit_log in queue order, chained as before (same hash content, so verifyAuditChain and
 * existing trails are unchanged), deletes them from the queue, and, in the same transaction, the server's
 * sealer signs a checkpoint of the new head with the trial's Ed25519 key (audit_checkpoints). This is
 * the design of transparency logs (Certificate Transparency, Trillian): leaves are queued, a sequencer
 * integrates them in batches and signs the tree head.
 *
 * A queued entry can leave the queue only into the chain: the delete guard requires the audit_log row
 * that carries its queue_id. audit_log, audit_checkpoints, audit_signing_keys and audit_log_identity are
 * append-only like audit_log always was. The triggers stop the application and its bugs; what a database
 * superuser can and cannot hide is decided by the signatures and the checks of verifyAuditTrail.ts
 * (README, "Tamper evidence").
 */
const sql = `
CREATE TABLE audit_queue (
  queue_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  table_name text NOT NULL,
  record_id text NOT NULL,
  action text NOT NULL CHECK (action IN ('create', 'update', 'delete')),
  old_value jsonb,
  new_value jsonb,
  changed_by text NOT NULL,
  changed_at timestamptz NOT NULL,
  reason text
);

-- the queue entry a chained row came from (null for rows chained before this migration); not hashed
ALTER TABLE audit_log ADD COLUMN queue_id bigint;
CREATE UNIQUE INDEX audit_log_queue_id ON audit_log (queue_id);

-- the commit-time chaining of migration 4 is replaced; its pending rows never outlive their transaction
DROP TRIGGER trialkit_audit_chain ON audit_pending;
DROP FUNCTION trialkit_audit_chain();
DROP TABLE audit_pending;

CREATE OR REPLACE FUNCTION trialkit_audit() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  old_value jsonb;
  new_value jsonb;
  audit_action text;
  rid text;
  who text := nullif(current_setting('trialkit.user', true), '');
  why text := nullif(current_setting('trialkit.reason', true), '');
BEGIN
  IF who IS NULL THEN
    RAISE EXCEPTION 'trialkit: % on % without a user (set trialkit.user through withAuditContext)', TG_OP, TG_TABLE_NAME
      USING ERRCODE = 'TKA01';
  END IF;
  IF TG_OP <> 'INSERT' THEN old_value := to_jsonb(OLD) - TG_ARGV[1]; END IF;
  IF TG_OP <> 'DELETE' THEN new_value := to_jsonb(NEW) - TG_ARGV[1]; END IF;
  rid := coalesce(new_value, old_value) ->> TG_ARGV[0];
  audit_action := CASE
    WHEN TG_OP = 'INSERT' THEN 'create'
    WHEN TG_OP = 'DELETE' THEN 'delete'
    WHEN coalesce((old_value ->> 'deleted')::boolean, false) = false AND coalesce((new_value ->> 'deleted')::boolean, false)
      THEN 'delete'
    ELSE 'update' END;
  INSERT INTO audit_queue (table_name, record_id, action, old_value, new_value, changed_by, changed_at, reason)
  VALUES (TG_TABLE_NAME, rid, audit_action, old_value, new_value, who, now(), why);
  RETURN NULL;
END;
$fn$;

CREATE FUNCTION trialkit_queue_guard() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'DELETE' AND EXISTS (SELECT 1 FROM audit_log a WHERE a.queue_id = OLD.queue_id) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'trialkit: audit_queue entry % can only leave the queue into the chain (% rejected)', OLD.queue_id, TG_OP
    USING ERRCODE = 'TKA03';
END;
$fn$;

CREATE TRIGGER trialkit_00_immutable BEFORE UPDATE OR DELETE ON audit_queue FOR EACH ROW EXECUTE FUNCTION trialkit_queue_guard();
CREATE TRIGGER trialkit_00_immutable_truncate BEFORE TRUNCATE ON audit_queue FOR EACH STATEMENT EXECUTE FUNCTION trialkit_reject_change('TKA03');

-- The log's name inside every signed checkpoint, so a checkpoint of one trial cannot stand for another's.
CREATE TABLE audit_log_identity (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  log_id text NOT NULL CHECK (log_id ~ '^[0-9a-f-]{36}$')
);
INSERT INTO audit_log_identity (log_id) VALUES (gen_random_uuid()::text);

-- Public halves of the keys that signed checkpoints (raw 32-byte Ed25519, base64). The private key never
-- enters the database; a verifier pins the public key it trusts from outside the database.
CREATE TABLE audit_signing_keys (
  key_id text PRIMARY KEY CHECK (key_id ~ '^[0-9a-f]{16}$'),
  public_key text NOT NULL CHECK (public_key ~ '^[A-Za-z0-9+/]{43}=$'),
  registered_at timestamptz NOT NULL DEFAULT now()
);

-- Signed heads of audit_log: the chain up to last_audit_id (tree_size rows) ends in head_hash.
CREATE TABLE audit_checkpoints (
  checkpoint_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tree_size bigint NOT NULL CHECK (tree_size >= 0),
  last_audit_id bigint NOT NULL CHECK (last_audit_id >= 0),
  head_hash text NOT NULL CHECK (head_hash ~ '^[0-9a-f]{64}$'),
  signed_at timestamptz NOT NULL,
  key_id text NOT NULL REFERENCES audit_signing_keys (key_id),
  signature text NOT NULL
);

CREATE TRIGGER trialkit_00_immutable BEFORE UPDATE OR DELETE ON audit_log_identity FOR EACH ROW EXECUTE FUNCTION trialkit_reject_change('TKA03');
CREATE TRIGGER trialkit_00_immutable_truncate BEFORE TRUNCATE ON audit_log_identity FOR EACH STATEMENT EXECUTE FUNCTION trialkit_reject_change('TKA03');
CREATE TRIGGER trialkit_00_immutable BEFORE UPDATE OR DELETE ON audit_signing_keys FOR EACH ROW EXECUTE FUNCTION trialkit_reject_change('TKA03');
CREATE TRIGGER trialkit_00_immutable_truncate BEFORE TRUNCATE ON audit_signing_keys FOR EACH STATEMENT EXECUTE FUNCTION trialkit_reject_change('TKA03');
CREATE TRIGGER trialkit_00_immutable BEFORE UPDATE OR DELETE ON audit_checkpoints FOR EACH ROW EXECUTE FUNCTION trialkit_reject_change('TKA03');
CREATE TRIGGER trialkit_00_immutable_truncate BEFORE TRUNCATE ON audit_checkpoints FOR EACH STATEMENT EXECUTE FUNCTION trialkit_reject_change('TKA03');
`;

export const auditQueueMigration: Migration = Object.freeze({ version: 6, name: 'audit queue, sealer and signed checkpoints', sql });
