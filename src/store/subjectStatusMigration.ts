import type { Migration } from './migrations.js';

/**
 * Migration 8: the subject's states as the protocol's calendar has them: screening -> screen_failure |
 * enrolled -> on_treatment -> follow_up -> off_study (the server's SUBJECT_STATUS_MOVES says which moves a
 * site may record). 'on_treatment' is new (enrolled, first dose given); 'follow_up' is the state that was
 * called 'off_treatment' (treatment ended, the subject still followed for progression and survival).
 *
 * A subject already 'off_treatment' is renamed 'follow_up' here, audited like any write (who =
 * 'system:migration', with the reason below), so the trail still replays to the table. The guard trigger is
 * set aside for this one statement only: a rename of a state is not a change of certified data, and a lock
 * whose cutoff is today or later (a subject row is dated by the day of its write) must not stop the
 * database from opening; the statement sets the version and stamps the guard would set.
 */
const sql = `
ALTER TABLE subjects DROP CONSTRAINT subjects_status_check;
SELECT set_config('trialkit.user', 'system:migration', true);
SELECT set_config('trialkit.reason', 'migration 8: the state off_treatment is now called follow_up', true);
ALTER TABLE subjects DISABLE TRIGGER trialkit_10_guard;
UPDATE subjects SET status = 'follow_up', version = version + 1, updated_by = 'system:migration', updated_at = now()
  WHERE status = 'off_treatment';
ALTER TABLE subjects ENABLE TRIGGER trialkit_10_guard;
SELECT set_config('trialkit.user', '', true);
SELECT set_config('trialkit.reason', '', true);
ALTER TABLE subjects ADD CONSTRAINT subjects_status_check
  CHECK (status IN ('screening', 'screen_failure', 'enrolled', 'on_treatment', 'follow_up', 'off_study'));
`;

export const subjectStatusMigration: Migration = Object.freeze({ version: 8, name: 'subject states: on treatment, follow-up', sql });
