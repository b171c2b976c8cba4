/*
 * The history file's schema, versioned like snapshots and reports: PRAGMA user_version is the schema
 * version and `HISTORY_MIGRATIONS[n]` takes a file from version n to n + 1 (0: a new, empty file).
 * PRAGMA application_id marks the file as keysweep's, so a foreign SQLite database is refused, never
 * written into. Identities are stored once (a 16-byte digest, interned rule and account numbers); each
 * scan adds one small row per finding identity present, so new, fixed, reopened and time to fix are exact.
 */

/** "KSWH" */
export const HISTORY_APPLICATION_ID = 0x4b535748;

const SCHEMA_V1 = `
CREATE TABLE rules (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE accounts (
  id INTEGER PRIMARY KEY,
  account_id TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL
);
-- One row per finding identity ever seen: the report's fingerprint (finding id, 16 bytes).
CREATE TABLE identities (
  id INTEGER PRIMARY KEY,
  digest BLOB NOT NULL UNIQUE,
  rule INTEGER NOT NULL REFERENCES rules(id),
  account INTEGER NOT NULL REFERENCES accounts(id),
  resource TEXT NOT NULL,
  subject TEXT NOT NULL
);
CREATE TABLE scans (
  id INTEGER PRIMARY KEY,
  taken_at TEXT NOT NULL,
  taken_ms INTEGER NOT NULL,
  recorded_from TEXT NOT NULL,
  tool_version TEXT NOT NULL,
  source TEXT NOT NULL,
  organization_id TEXT,
  complete INTEGER NOT NULL,
  findings INTEGER NOT NULL,
  critical INTEGER NOT NULL,
  high INTEGER NOT NULL,
  medium INTEGER NOT NULL,
  low INTEGER NOT NULL,
  info INTEGER NOT NULL,
  waived INTEGER NOT NULL
);
CREATE INDEX scans_by_time ON scans(taken_ms, id);
-- Per scan and account: coverage and the migration counts (null: not known for that scan).
CREATE TABLE scan_accounts (
  scan INTEGER NOT NULL REFERENCES scans(id),
  account INTEGER NOT NULL REFERENCES accounts(id),
  status TEXT NOT NULL,
  ou_path TEXT NOT NULL,
  iam_users INTEGER,
  human_iam_users INTEGER,
  identity_center_users INTEGER,
  active_keys INTEGER,
  keys_over_limit INTEGER NOT NULL,
  root_credentials INTEGER NOT NULL,
  critical INTEGER NOT NULL,
  high INTEGER NOT NULL,
  medium INTEGER NOT NULL,
  low INTEGER NOT NULL,
  info INTEGER NOT NULL,
  PRIMARY KEY (scan, account)
) WITHOUT ROWID;
-- One row per scan and finding identity present in it. severity: 0 critical … 4 info; state: 0 open, 1 waived.
CREATE TABLE scan_findings (
  scan INTEGER NOT NULL,
  identity INTEGER NOT NULL,
  severity INTEGER NOT NULL,
  state INTEGER NOT NULL,
  PRIMARY KEY (scan, identity)
) WITHOUT ROWID;
`;

/** `HISTORY_MIGRATIONS[n]`: SQL taking a history file from schema version n to n + 1. */
export const HISTORY_MIGRATIONS: Readonly<Record<number, string>> = {
  0: SCHEMA_V1,
};

export const HISTORY_SCHEMA_VERSION = 1;
