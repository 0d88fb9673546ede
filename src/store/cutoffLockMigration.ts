import type { Migration } from './migrations.js';

/**
 * Migration 7: a lock certifies the data up to its cutoff date, as documented, and no more.
 *
 * Before, an active lock refused every write to its subject (or to every subject), whatever the date of
 * the data, so a trial locked at a past interim cutoff could not take the visits that came after it. Now
 * a lock refuses a write when the row it writes (before or after the change) is dated on or before the
 * lock's cutoff:
 * - a CRF record is dated by the earliest calendar date ('YYYY-MM-DD', anywhere in its data) it holds,
 *   because a record that holds any date up to the cutoff carries data from the certified period (an AE
 *   with onset before the cutoff and resolution after it is certified data); a record without any date
 *   (e.g. demographics) counts as dated before every cutoff, so the lock covers it;
 * - a query is dated by the record it is raised on, or, raised on the subject alone, by the day it is
 *   written;
 * - a subject row holds no clinical date: registering a subject or moving its status is dated by the
 *   day the write is made (UTC), so a lock whose cutoff is today or later refuses it.
 * An update is refused when the old or the new row is covered (a record cannot be moved out of, or into,
 * the certified period). Dates are compared as dates: 'YYYY-MM-DD' text in the forms.
 *
 * Every guarded write (sites and users too, not only subject data) now takes the shared lock that a lock
 * or a snapshot takes exclusively, so a snapshot sees every write whose audit entry precedes its own and
 * none after it (the offline check of a snapshot replays the trail up to its entry, snapshotEvidence.ts).
 */
const sql = `
CREATE FUNCTION trialkit_data_date(data jsonb) RETURNS date LANGUAGE sql STABLE AS $fn$
  SELECT min((v #>> '{}')::date)
  FROM jsonb_path_query(data, 'strict $.**') AS v
  WHERE jsonb_typeof(v) = 'string' AND (v #>> '{}') ~ '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$'
$fn$;

-- The date that decides whether a lock covers a row of a lockable table; NULL = undated, covered by every lock.
CREATE FUNCTION trialkit_row_date(table_name text, row_value jsonb) RETURNS date LANGUAGE plpgsql STABLE AS $fn$
DECLARE
  record_data jsonb;
BEGIN
  IF table_name = 'crf_records' THEN
    RETURN trialkit_data_date(row_value -> 'data');
  ELSIF table_name = 'queries' AND row_value ->> 'record_id' IS NOT NULL THEN
    SELECT r.data INTO record_data FROM crf_records r WHERE r.record_id = (row_value ->> 'record_id')::bigint;
    RETURN trialkit_data_date(record_data);
  END IF;
  RETURN (now() AT TIME ZONE 'UTC')::date;
END;
$fn$;

CREATE OR REPLACE FUNCTION trialkit_guard() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  who text := nullif(current_setting('trialkit.user', true), '');
  why text := nullif(current_setting('trialkit.reason', true), '');
  image jsonb;
  subject text;
  row_date date;
  cutoff date;
  old_row jsonb;
  patch jsonb;
BEGIN
  IF who IS NULL THEN
    RAISE EXCEPTION 'trialkit: % on % without a user (set trialkit.user through withAuditContext)', TG_OP, TG_TABLE_NAME
      USING ERRCODE = 'TKA01';
  END IF;
  IF TG_OP <> 'INSERT' AND why IS NULL THEN
    RAISE EXCEPTION 'trialkit: % on % without a reason for change (trialkit.reason)', TG_OP, TG_TABLE_NAME
      USING ERRCODE = 'TKA02';
  END IF;
  IF TG_TABLE_NAME = 'locks' THEN
    -- waits for in-flight writes; later writers wait for this transaction
    PERFORM pg_advisory_xact_lock(7302, hashtext(current_schema()));
  ELSE
    PERFORM pg_advisory_xact_lock_shared(7302, hashtext(current_schema()));
  END IF;
  IF TG_ARGV[0] = 'subject' THEN
    FOR image IN
      SELECT i FROM unnest(ARRAY[
        CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END,
        CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END]) AS i
      WHERE i IS NOT NULL
    LOOP
      subject := image ->> 'subject_id';
      IF EXISTS (SELECT 1 FROM locks l WHERE NOT l.released AND (l.scope = 'trial' OR l.subject_id = subject)) THEN
        row_date := trialkit_row_date(TG_TABLE_NAME, image);
        SELECT max(l.cutoff_date) INTO cutoff FROM locks l
          WHERE NOT l.released AND (l.scope = 'trial' OR l.subject_id = subject) AND (row_date IS NULL OR row_date <= l.cutoff_date);
        IF cutoff IS NOT NULL THEN
          RAISE EXCEPTION 'trialkit: % on % rejected: subject % is locked up to % and the row is dated %', TG_OP, TG_TABLE_NAME, subject, cutoff,
            coalesce(row_date::text, 'nowhere (undated data is covered by every lock)')
            USING ERRCODE = 'TKL01';
        END IF;
      END IF;
    END LOOP;
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  IF TG_OP = 'INSERT' THEN
    patch := jsonb_build_object('created_by', who, 'created_at', now(), 'updated_by', who, 'updated_at', now(), 'version', 1);
  ELSE
    old_row := to_jsonb(OLD);
    patch := jsonb_build_object('created_by', old_row -> 'created_by', 'created_at', old_row -> 'created_at',
      'updated_by', who, 'updated_at', now(), 'version', (old_row ->> 'version')::integer + 1);
  END IF;
  -- jsonb_populate_record sets only the keys that are columns of this table
  NEW := jsonb_populate_record(NEW, patch);
  RETURN NEW;
END;
$fn$;
`;

export const cutoffLockMigration: Migration = Object.freeze({ version: 7, name: 'locks cover data dated up to the cutoff', sql });
