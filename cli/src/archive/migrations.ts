/**
 * The archive's schema, one step per version: `MIGRATIONS[n]` takes a database of version `n` to
 * version `n + 1`. A released step is never changed; a change of schema is a new step.
 */
export const MIGRATIONS: readonly string[] = [
  // 0 → 1
  `
  CREATE TABLE works (
    id INTEGER PRIMARY KEY,
    type TEXT NOT NULL,
    user_id INTEGER NOT NULL,
    title TEXT NOT NULL,
    create_date TEXT NOT NULL,
    tags TEXT NOT NULL,
    ai_type INTEGER NOT NULL,
    restriction TEXT NOT NULL,
    page_count INTEGER NOT NULL,
    archived_at TEXT NOT NULL
  );
  CREATE TABLE files (
    work_id INTEGER NOT NULL REFERENCES works (id) ON DELETE CASCADE,
    size TEXT NOT NULL,
    page INTEGER NOT NULL,
    path TEXT NOT NULL,
    bytes INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    downloaded_at TEXT NOT NULL,
    PRIMARY KEY (work_id, size, page)
  ) WITHOUT ROWID;
  CREATE INDEX files_by_time ON files (downloaded_at);
  CREATE TABLE claims (
    work_id INTEGER NOT NULL,
    size TEXT NOT NULL,
    pid INTEGER NOT NULL,
    host TEXT NOT NULL,
    claimed_at TEXT NOT NULL,
    PRIMARY KEY (work_id, size)
  ) WITHOUT ROWID;
  `,
];

/** The schema version this version of the command writes. */
export const SCHEMA_VERSION = MIGRATIONS.length;
