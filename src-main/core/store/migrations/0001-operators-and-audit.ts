import type { Migration } from './index';

export const migration0001: Migration = {
  version: 1,
  name: 'operators-and-audit',
  up(db) {
    db.exec(`
      CREATE TABLE desk_meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE operators (
        id TEXT PRIMARY KEY,
        username TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        roles TEXT NOT NULL,
        language TEXT NOT NULL,
        is_disabled INTEGER NOT NULL DEFAULT 0,
        failed_logins INTEGER NOT NULL DEFAULT 0,
        locked_until TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      -- Operations waiting for the hub. Payloads never hold secrets (password hashes stay local).
      CREATE TABLE outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        op_id TEXT NOT NULL UNIQUE,
        type TEXT NOT NULL,
        hlc TEXT NOT NULL,
        desk_id TEXT NOT NULL,
        operator_id TEXT,
        payload TEXT NOT NULL,
        created_at TEXT NOT NULL,
        pushed_at TEXT
      ) STRICT;

      -- Hash-chained: hash = sha256(prev_hash || canonical event); see ops/audit.ts.
      CREATE TABLE audit_events (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        at TEXT NOT NULL,
        hlc TEXT NOT NULL,
        desk_id TEXT NOT NULL,
        operator_id TEXT,
        action TEXT NOT NULL,
        record_type TEXT,
        record_id TEXT,
        details TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
      CREATE INDEX audit_events_record ON audit_events(record_type, record_id);
    `);
  },
};
