import type { Migration } from './migrations.js';

/**
 * Migration 11: the triggers of the EDC's hottest statements (a CRF record's first entry, the sealer's
 * removal of chained queue entries) do per statement what they did per row, with the same outcome; the
 * sealer's round runs in the database (trialkit_seal_queue).
 *
 * Under load the server inserts the records of a group of saves in one statement, and the sealer removes
 * hundreds of chained entries from audit_queue in one statement; row triggers ran a PL/pgSQL function per
 * row (per record: the generic guard's row images and jsonb round trip, the audit entry, the signature
 * check; per removed entry: an index lookup), about a third of PostgreSQL's CPU per save in the server
 * benchmark. Now:
 * - the guard of a record's INSERT (trialkit_guard_record_insert) checks the same things as trialkit_guard
 *   (a user is set; the shared lock a lock or snapshot takes exclusively; no active lock covers the row's
 *   date, with the same message) and sets the same columns, assigned directly instead of through jsonb;
 * - the audit entries of inserted records are written by one statement trigger from the transition table,
 *   in record_id order (the order the rows were inserted, record_id coming from the column's sequence),
 *   with the same content as trialkit_audit writes (action 'create', the new row image, who, when, why);
 * - casebook signatures of the subjects that got records are invalidated by one statement trigger, each
 *   subject's reason naming its first new record, as the row trigger's first firing did;
 * - a queue entry still leaves audit_queue only into the chain: an AFTER DELETE statement trigger refuses
 *   (TKA03, the statement undone) a removal of any entry without its audit_log row, naming the first such
 *   entry. UPDATE stays refused per row, TRUNCATE per statement.
 * Updates and deletes of records keep their row triggers (trialkit_guard, trialkit_audit, the SDV and
 * signature triggers): they are one row at a time in the EDC. One ordering differs, inside a single
 * statement of several records only: every signature invalidation it causes is audited before its records'
 * creation entries, where the row triggers interleaved them; each entry's content is unchanged.
 */
const sql = `
CREATE FUNCTION trialkit_guard_record_insert() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  who text := nullif(current_setting('trialkit.user', true), '');
  row_date date;
  cutoff date;
BEGIN
  IF who IS NULL THEN
    RAISE EXCEPTION 'trialkit: % on % without a user (set trialkit.user through withAuditContext)', TG_OP, TG_TABLE_NAME
      USING ERRCODE = 'TKA01';
  END IF;
  PERFORM pg_advisory_xact_lock_shared(7302, hashtext(current_schema()));
  IF EXISTS (SELECT 1 FROM locks l WHERE NOT l.released AND (l.scope = 'trial' OR l.subject_id = NEW.subject_id)) THEN
    row_date := trialkit_data_date(NEW.data);
    SELECT max(l.cutoff_date) INTO cutoff FROM locks l
      WHERE NOT l.released AND (l.scope = 'trial' OR l.subject_id = NEW.subject_id) AND (row_date IS NULL OR row_date <= l.cutoff_date);
    IF cutoff IS NOT NULL THEN
      RAISE EXCEPTION 'trialkit: % on % rejected: subject % is locked up to % and the row is dated %', TG_OP, TG_TABLE_NAME, NEW.subject_id, cutoff,
        coalesce(row_date::text, 'nowhere (undated data is covered by every lock)')
        USING ERRCODE = 'TKL01';
    END IF;
  END IF;
  NEW.created_by := who;
  NEW.created_at := now();
  NEW.updated_by := who;
  NEW.updated_at := now();
  NEW.version := 1;
  RETURN NEW;
END;
$fn$;

CREATE FUNCTION trialkit_audit_records_inserted() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  who text := nullif(current_setting('trialkit.user', true), '');
  why text := nullif(current_setting('trialkit.reason', true), '');
BEGIN
  IF who IS NULL THEN
    RAISE EXCEPTION 'trialkit: % on % without a user (set trialkit.user through withAuditContext)', TG_OP, TG_TABLE_NAME
      USING ERRCODE = 'TKA01';
  END IF;
  INSERT INTO audit_queue (table_name, record_id, action, old_value, new_value, changed_by, changed_at, reason)
  SELECT TG_TABLE_NAME, n.record_id::text, 'create', NULL, to_jsonb(n), who, now(), why
  FROM inserted n
  ORDER BY n.record_id;
  RETURN NULL;
END;
$fn$;

CREATE FUNCTION trialkit_invalidate_signatures_inserted() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  why text := nullif(current_setting('trialkit.reason', true), '');
  added record;
BEGIN
  FOR added IN
    SELECT n.subject_id, min(n.record_id) AS record_id FROM inserted n
    -- a probe of the valid signatures' index per new record, not a join over every signature (OFFSET 0)
    WHERE EXISTS (SELECT 1 FROM signatures s WHERE s.subject_id = n.subject_id AND NOT s.invalidated AND s.record_id IS NULL OFFSET 0)
    GROUP BY n.subject_id
    ORDER BY min(n.record_id)
  LOOP
    -- a first entry needs no reason, but the invalidation it causes is an update and is audited with one
    IF why IS NULL THEN
      PERFORM set_config('trialkit.reason', format('signed data changed: record %s of subject %s was added', added.record_id, added.subject_id), true);
    END IF;
    UPDATE signatures s SET invalidated = true WHERE s.subject_id = added.subject_id AND NOT s.invalidated AND s.record_id IS NULL;
    IF why IS NULL THEN
      PERFORM set_config('trialkit.reason', '', true);
    END IF;
  END LOOP;
  RETURN NULL;
END;
$fn$;

DROP TRIGGER trialkit_10_guard ON crf_records;
CREATE TRIGGER trialkit_10_guard BEFORE UPDATE OR DELETE ON crf_records FOR EACH ROW EXECUTE FUNCTION trialkit_guard('subject');
CREATE TRIGGER trialkit_10_guard_insert BEFORE INSERT ON crf_records FOR EACH ROW EXECUTE FUNCTION trialkit_guard_record_insert();
DROP TRIGGER trialkit_51_invalidate_signatures_new ON crf_records;
CREATE TRIGGER trialkit_51_invalidate_signatures_new AFTER INSERT ON crf_records REFERENCING NEW TABLE AS inserted
  FOR EACH STATEMENT EXECUTE FUNCTION trialkit_invalidate_signatures_inserted();
DROP TRIGGER trialkit_90_audit ON crf_records;
CREATE TRIGGER trialkit_90_audit AFTER UPDATE OR DELETE ON crf_records FOR EACH ROW EXECUTE FUNCTION trialkit_audit('record_id', '');
CREATE TRIGGER trialkit_90_audit_insert AFTER INSERT ON crf_records REFERENCING NEW TABLE AS inserted
  FOR EACH STATEMENT EXECUTE FUNCTION trialkit_audit_records_inserted();

CREATE FUNCTION trialkit_queue_delete_guard() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  stray bigint;
BEGIN
  -- OFFSET 0 keeps the check a probe of audit_log_queue_id per removed entry: as an anti-join the planner
  -- hashed the whole of audit_log at every round, a cost that grew with the trail
  SELECT r.queue_id INTO stray FROM removed r
  WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.queue_id = r.queue_id OFFSET 0)
  ORDER BY r.queue_id LIMIT 1;
  IF stray IS NOT NULL THEN
    RAISE EXCEPTION 'trialkit: audit_queue entry % can only leave the queue into the chain (DELETE rejected)', stray
      USING ERRCODE = 'TKA03';
  END IF;
  RETURN NULL;
END;
$fn$;

DROP TRIGGER trialkit_00_immutable ON audit_queue;
CREATE TRIGGER trialkit_00_immutable BEFORE UPDATE ON audit_queue FOR EACH ROW EXECUTE FUNCTION trialkit_queue_guard();
CREATE TRIGGER trialkit_00_immutable_delete AFTER DELETE ON audit_queue REFERENCING OLD TABLE AS removed
  FOR EACH STATEMENT EXECUTE FUNCTION trialkit_queue_delete_guard();

-- One round of the sealer (sealAuditQueue.ts): the queued entries this transaction sees, at most max_entries,
-- moved into audit_log in queue order and chained: audit_id continues from the head, prev_hash is the
-- previous row's hash, hash = sha256(prev_hash || content) over UTF-8, content exactly as verifyAuditChain
-- reads it back (auditContentSql). Hashed here rather than in the server, so an entry's images are not sent
-- to the server and back; the server still signs the head it is given, and verifyAuditChain recomputes
-- every hash outside the database.
CREATE FUNCTION trialkit_seal_queue(max_entries integer) RETURNS TABLE (sealed integer, last_audit_id bigint, head_hash text)
LANGUAGE plpgsql AS $fn$
DECLARE
  head_id bigint;
  prev text;
  entry record;
  queue_ids bigint[] := '{}';
  audit_ids bigint[] := '{}';
  prev_hashes text[] := '{}';
  hashes text[] := '{}';
  moved integer;
  removed integer;
BEGIN
  PERFORM pg_advisory_xact_lock(7301, hashtext(current_schema()));
  SELECT a.audit_id, a.hash INTO head_id, prev FROM audit_log a ORDER BY a.audit_id DESC LIMIT 1;
  head_id := coalesce(head_id, 0);
  prev := coalesce(prev, repeat('0', 64));
  FOR entry IN
    SELECT q.queue_id, head_id + row_number() OVER (ORDER BY q.queue_id) AS audit_id,
      jsonb_build_array(head_id + row_number() OVER (ORDER BY q.queue_id), q.table_name, q.record_id, q.action, q.old_value, q.new_value, q.changed_by,
        to_char(q.changed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), q.reason)::text AS content
    FROM (SELECT * FROM audit_queue ORDER BY queue_id LIMIT max_entries) q
    ORDER BY q.queue_id
  LOOP
    queue_ids := queue_ids || entry.queue_id;
    audit_ids := audit_ids || entry.audit_id;
    prev_hashes := prev_hashes || prev;
    prev := encode(sha256(convert_to(prev || entry.content, 'UTF8')), 'hex');
    hashes := hashes || prev;
  END LOOP;
  IF cardinality(queue_ids) = 0 THEN
    RETURN QUERY SELECT 0, head_id, prev;
    RETURN;
  END IF;
  INSERT INTO audit_log (audit_id, table_name, record_id, action, old_value, new_value, changed_by, changed_at, reason, prev_hash, hash, queue_id)
  SELECT s.audit_id, q.table_name, q.record_id, q.action, q.old_value, q.new_value, q.changed_by, q.changed_at, q.reason, s.prev_hash, s.hash, q.queue_id
  FROM unnest(queue_ids, audit_ids, prev_hashes, hashes) AS s(queue_id, audit_id, prev_hash, hash)
  JOIN audit_queue q ON q.queue_id = s.queue_id
  ORDER BY s.audit_id;
  GET DIAGNOSTICS moved = ROW_COUNT;
  DELETE FROM audit_queue q USING unnest(queue_ids) AS s(queue_id) WHERE q.queue_id = s.queue_id;
  GET DIAGNOSTICS removed = ROW_COUNT;
  IF moved <> cardinality(queue_ids) OR removed <> cardinality(queue_ids) THEN
    RAISE EXCEPTION 'trialkit: sealing moved % and removed % of % queued audit entries', moved, removed, cardinality(queue_ids);
  END IF;
  RETURN QUERY SELECT cardinality(queue_ids), audit_ids[cardinality(audit_ids)], prev;
END;
$fn$;
`;

export const recordInsertTriggersMigration: Migration = Object.freeze({ version: 11, name: 'record inserts and queue removals checked per statement', sql });
