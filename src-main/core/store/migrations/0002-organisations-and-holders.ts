import type { Migration } from './index';

export const migration0002: Migration = {
  version: 2,
  name: 'organisations-and-holders',
  up(db) {
    db.exec(`
      CREATE TABLE organisations (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        country TEXT NOT NULL,
        number TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (country, number)
      ) STRICT;

      CREATE TABLE holders (
        id TEXT PRIMARY KEY,
        given_name TEXT NOT NULL,
        family_name TEXT NOT NULL,
        identity_country TEXT NOT NULL,
        identity_number TEXT NOT NULL,
        birth_date TEXT NOT NULL,
        email TEXT,
        phone TEXT,
        organisation_id TEXT REFERENCES organisations(id),
        has_eid INTEGER NOT NULL,
        site TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (identity_country, identity_number)
      ) STRICT;
      CREATE INDEX holders_identity_number ON holders(identity_number);
      CREATE INDEX holders_organisation ON holders(organisation_id);

      CREATE TABLE holder_photos (
        holder_id TEXT PRIMARY KEY REFERENCES holders(id) ON DELETE CASCADE,
        mime TEXT NOT NULL,
        bytes BLOB NOT NULL,
        sha256 TEXT NOT NULL
      ) STRICT;

      -- Name search as you type: tokens without diacritics, prefix indexes for 1-3 characters.
      -- Contentless: rowid is holders.rowid, and the text lives only in holders.
      CREATE VIRTUAL TABLE holder_names USING fts5(
        name,
        content = '',
        contentless_delete = 1,
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '1 2 3'
      );
    `);
  },
};
