import type { Migration } from './index';

/**
 * Invitations for mobile visual IDs: a one-time activation code, stored only as its hash, valid for a
 * week; a new code for the same mobile ID supersedes the old one. Whether the e-mail went out is kept
 * beside it, so a failed send is shown and retried, never lost. Reminders of a coming expiry are kept
 * the same way, one per card and end date.
 */
export const migration0010: Migration = {
  version: 10,
  name: 'invitations',
  up(db) {
    db.exec(`
      CREATE TABLE invitations (
        id TEXT PRIMARY KEY,
        card_id TEXT NOT NULL REFERENCES cards(id),
        email TEXT NOT NULL,
        language TEXT NOT NULL,
        -- scrypt$<salt hex>$<hash hex>: the code itself is never stored
        code_hash TEXT NOT NULL,
        created_by TEXT REFERENCES operators(id),
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        -- a newer code for the same mobile ID replaced this one
        superseded_at TEXT,
        used_at TEXT,
        sent_at TEXT,
        -- JSON { code, params, at } of the last failed send; cleared when a send succeeds
        send_error TEXT,
        send_attempts INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX invitations_card ON invitations(card_id, created_at);
      CREATE INDEX invitations_unsent ON invitations(sent_at, superseded_at);

      -- Reminders to holders that a card is about to expire: one per card and end date, so a renewed
      -- card (a later end date) gets its own.
      CREATE TABLE expiry_reminders (
        card_id TEXT NOT NULL REFERENCES cards(id),
        valid_until TEXT NOT NULL,
        email TEXT NOT NULL,
        language TEXT NOT NULL,
        created_at TEXT NOT NULL,
        sent_at TEXT,
        send_error TEXT,
        send_attempts INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (card_id, valid_until)
      ) STRICT;
    `);
  },
};
