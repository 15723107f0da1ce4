import type { Migration } from './index';

/**
 * Signing in with more than a password (docs/sign-in.md).
 *
 * - `operators`: the registered mobile number (E.164) for SMS codes; the national identity number
 *   (as `holders` keep it: country + canonical digits) that BankID and the operator's own cards are
 *   matched by, one operator per number; the PIN for card and PIN, hashed like a password.
 * - `operator_totp`: the authenticator secret, sealed with the key store's key (never plain text);
 *   `confirmed_at` is null while an enrolment waits for its first code; `last_step` is the last
 *   RFC 6238 time step accepted, so no code is ever accepted twice.
 * - `sms_codes`: one-time codes sent by SMS, only as salted hashes; a new code replaces the last.
 * - `bankid_orders`: every BankID order started (its cost is per order), for the policy screen's usage.
 * - `sign_in_policy`: the organisation's methods and its default; one row.
 */
export const migration0012: Migration = {
  version: 12,
  name: 'sign-in',
  up(db) {
    db.exec(`
      ALTER TABLE operators ADD COLUMN mobile_phone TEXT;
      ALTER TABLE operators ADD COLUMN identity_country TEXT;
      ALTER TABLE operators ADD COLUMN identity_number TEXT;
      ALTER TABLE operators ADD COLUMN pin_hash TEXT;
      ALTER TABLE operators ADD COLUMN pin_set_at TEXT;
      CREATE UNIQUE INDEX operators_identity ON operators(identity_country, identity_number)
        WHERE identity_number IS NOT NULL;

      CREATE TABLE operator_totp (
        operator_id TEXT PRIMARY KEY REFERENCES operators(id) ON DELETE CASCADE,
        secret_sealed BLOB NOT NULL,
        created_at TEXT NOT NULL,
        confirmed_at TEXT,
        last_step INTEGER NOT NULL DEFAULT 0
      ) STRICT;

      CREATE TABLE sms_codes (
        id TEXT PRIMARY KEY,
        operator_id TEXT NOT NULL REFERENCES operators(id) ON DELETE CASCADE,
        code_hash TEXT NOT NULL,
        salt TEXT NOT NULL,
        sent_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        -- 'open', 'used', 'replaced', 'exhausted'
        state TEXT NOT NULL DEFAULT 'open',
        gateway_id TEXT
      ) STRICT;
      CREATE INDEX sms_codes_operator ON sms_codes(operator_id, sent_at);
      CREATE INDEX sms_codes_sent ON sms_codes(sent_at);

      CREATE TABLE bankid_orders (
        id TEXT PRIMARY KEY,
        operator_id TEXT REFERENCES operators(id) ON DELETE SET NULL,
        started_at TEXT NOT NULL,
        -- 'pending', 'complete', 'failed', 'cancelled'
        outcome TEXT NOT NULL DEFAULT 'pending',
        hint_code TEXT
      ) STRICT;
      CREATE INDEX bankid_orders_started ON bankid_orders(started_at);

      CREATE TABLE sign_in_policy (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        methods TEXT NOT NULL,
        default_method TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT
      ) STRICT;
    `);
  },
};
