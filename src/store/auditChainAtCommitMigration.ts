import type { Migration } from './migrations.js';

/**
 * Migration 4: the audit chain is extended when a transaction commits instead of at each write.
 *
 * Before, the AFTER trigger of each write took the chain lock and appended the chained audit row at once,
 * so the lock was held from a transaction's first write until its COMMIT: across every round trip the
 * client made in between and the commit's WAL flush. Every writer of the database queued behind it (the
 * server benchmark showed the backends waiting on this advisory lock while its holder sat idle in
 * transaction). Now the AFTER trigger records the audit row's content (row images, who, why, when:
 * taken at the time of the write, in the same transaction, exactly as before) in audit_pending, and a
 * deferred constraint trigger moves the pending rows into audit_log, in write order, chained under the
 * lock, while the transaction commits. The lock is then held for that step and the commit only.
 *
 * audit_pending is UNLOGGED: a pending row lives only inside its own, still open transaction (it is
 * deleted when chained, and a crash aborts that transaction anyway). The hash content and audit_log are
 * unchanged, so verifyAuditChain and existing trails are unaffected. As before, the chain expects READ
 * COMMITTED (each statement sees the last committed audit row once the lock is held). One visible
 * difference: a transaction's own audit rows appear in audit_log when it commits, so a read of audit_log
 * inside a writing transaction (createSnapshot's auditHeadHash) sees the trail as last committed.
 */
const sql = `
CREATE UNLOGGED TABLE audit_pending (
  pending_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  table_name text NOT NULL,
  record_id text NOT NULL,
  action text NOT NULL,
  old_value jsonb,
  new_value jsonb,
  changed_by text NOT NULL,
  changed_at timestamptz NOT NULL,
  reason text
);

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
  INSERT INTO audit_pending (table_name, record_id, action, old_value, new_value, changed_by, changed_at, reason)
  VALUES (TG_TABLE_NAME, rid, audit_action, old_value, new_value, who, now(), why);
  RETURN NULL;
END;
$fn$;

-- Runs at COMMIT for each pending row, in the order the rows were written.
CREATE FUNCTION trialkit_audit_chain() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  prev text;
  next_id bigint;
  content text;
BEGIN
  -- one writer at a time extends the chain; READ COMMITTED makes the next statement see the last committed row
  PERFORM pg_advisory_xact_lock(7301, hashtext(current_schema()));
  SELECT a.hash INTO prev FROM audit_log a ORDER BY a.audit_id DESC LIMIT 1;
  prev := coalesce(prev, repeat('0', 64));
  next_id := nextval(pg_get_serial_sequence('audit_log', 'audit_id'));
  content := jsonb_build_array(next_id, NEW.table_name, NEW.record_id, NEW.action, NEW.old_value, NEW.new_value, NEW.changed_by,
    to_char(NEW.changed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), NEW.reason)::text;
  INSERT INTO audit_log (audit_id, table_name, record_id, action, old_value, new_value, changed_by, changed_at, reason, prev_hash, hash)
  VALUES (next_id, NEW.table_name, NEW.record_id, NEW.action, NEW.old_value, NEW.new_value, NEW.changed_by, NEW.changed_at, NEW.reason, prev,
    encode(sha256(convert_to(prev || content, 'UTF8')), 'hex'));
  DELETE FROM audit_pending WHERE pending_id = NEW.pending_id;
  RETURN NULL;
END;
$fn$;

CREATE CONSTRAINT TRIGGER trialkit_audit_chain AFTER INSERT ON audit_pending
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION trialkit_audit_chain();
`;

export const auditChainAtCommitMigration: Migration = Object.freeze({ version: 4, name: 'audit chain extended at commit', sql });
