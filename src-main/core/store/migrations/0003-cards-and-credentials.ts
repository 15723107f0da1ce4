import type { Migration } from './index';

export const migration0003: Migration = {
  version: 3,
  name: 'cards-and-credentials',
  up(db) {
    db.exec(`
      CREATE TABLE cards (
        id TEXT PRIMARY KEY,
        holder_id TEXT NOT NULL REFERENCES holders(id),
        kind TEXT NOT NULL,
        printed_number TEXT NOT NULL UNIQUE,
        state TEXT NOT NULL,
        valid_from TEXT,
        valid_until TEXT,
        block_reason TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX cards_holder ON cards(holder_id);

      -- A credential is its technology plus its raw bytes, bound to one card.
      CREATE TABLE credentials (
        id TEXT PRIMARY KEY,
        card_id TEXT NOT NULL REFERENCES cards(id),
        technology TEXT NOT NULL,
        bytes BLOB NOT NULL,
        bound_at TEXT NOT NULL,
        UNIQUE (technology, bytes)
      ) STRICT;
      CREATE INDEX credentials_card ON credentials(card_id);
    `);
  },
};
