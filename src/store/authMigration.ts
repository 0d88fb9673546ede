import type { Migration } from './migrations.js';

/**
 * Migration 3: what the server needs to let people in. Credentials and sessions live outside the audit
 * trail on purpose: a password hash or a session token copied into the append-only trail could never be
 * erased. Who may log in (users.active, users.role) stays audited in users. Only hashes are stored: a
 * session token is kept as its sha256, so a copy of the database opens no session.
 */
const sql = `
CREATE TABLE credentials (
  user_id text PRIMARY KEY REFERENCES users (user_id),
  password_hash text NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
  updated_at timestamptz NOT NULL
);

CREATE TABLE sessions (
  token_hash text PRIMARY KEY CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  user_id text NOT NULL REFERENCES users (user_id),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_by_user ON sessions (user_id);

-- Failed logins per (login name as typed, client address): the name may not exist, so no foreign key.
CREATE TABLE login_throttle (
  login_name text NOT NULL,
  client_address text NOT NULL,
  failures integer NOT NULL,
  window_start timestamptz NOT NULL,
  blocked_until timestamptz,
  PRIMARY KEY (login_name, client_address)
);

-- Server-side secrets generated once per database (e.g. the key that blinds subject ids for the IRC).
CREATE TABLE server_keys (
  name text PRIMARY KEY,
  value text NOT NULL CHECK (length(value) >= 32)
);
INSERT INTO server_keys (name, value) VALUES ('irc-blinding', replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''));
`;

export const authMigration: Migration = Object.freeze({ version: 3, name: 'credentials, sessions, login throttle', sql });
