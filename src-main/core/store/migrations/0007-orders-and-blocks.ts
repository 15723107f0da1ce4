import type { Migration } from './index';

/**
 * Card administration (docs/card-lifecycle.md): orders with what the orderer entered and the photo,
 * the link from a card to its order and a mobile ID to its physical card, blocks as records of their
 * own (the cards each one stopped and the state they had, so an unblock lifts exactly that), and chips
 * retired when a card gets a new one. Nothing here is ever deleted: history stays.
 */
export const migration0007: Migration = {
  version: 7,
  name: 'orders-and-blocks',
  up(db) {
    db.exec(`
      ALTER TABLE holders ADD COLUMN employment_ends TEXT;

      CREATE TABLE orders (
        id TEXT PRIMARY KEY,
        holder_id TEXT NOT NULL REFERENCES holders(id),
        -- new | replacement | renewal
        kind TEXT NOT NULL,
        -- replacement only: lost | stolen | damaged; the replaced card is blocked in the same operation
        replacement_reason TEXT,
        replaces_card_id TEXT REFERENCES cards(id),
        -- physical | mobile | both
        includes TEXT NOT NULL,
        -- the physical card's kind (id06 | access_card), also for a mobile-only order's look
        card_kind TEXT NOT NULL,
        valid_until TEXT NOT NULL,
        site TEXT NOT NULL,
        -- JSON: the holder's data exactly as the orderer entered and confirmed it
        data TEXT NOT NULL,
        -- ordered | approved | rejected | cancelled: the decision; the cards carry their own state after
        state TEXT NOT NULL,
        ordered_by TEXT NOT NULL REFERENCES operators(id),
        ordered_at TEXT NOT NULL,
        decided_by TEXT REFERENCES operators(id),
        decided_at TEXT,
        -- the rejection's reason or the cancellation's note, shown to the orderer
        decision_note TEXT,
        card_id TEXT REFERENCES cards(id),
        mobile_card_id TEXT REFERENCES cards(id),
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX orders_state ON orders(state, ordered_at);
      CREATE INDEX orders_holder ON orders(holder_id);
      CREATE INDEX orders_ordered_by ON orders(ordered_by, state);

      CREATE TABLE order_photos (
        order_id TEXT PRIMARY KEY REFERENCES orders(id),
        mime TEXT NOT NULL,
        bytes BLOB NOT NULL,
        sha256 TEXT NOT NULL,
        width INTEGER NOT NULL,
        height INTEGER NOT NULL,
        taken_at TEXT NOT NULL
      ) STRICT;

      ALTER TABLE cards ADD COLUMN order_id TEXT REFERENCES orders(id);
      -- a mobile visual ID's physical card: blocking that card blocks its mobile IDs too
      ALTER TABLE cards ADD COLUMN physical_card_id TEXT REFERENCES cards(id);
      ALTER TABLE cards ADD COLUMN site TEXT;
      ALTER TABLE cards ADD COLUMN state_changed_at TEXT;
      -- JSON { code, params, at } of the last failed print or batch; cleared when production succeeds
      ALTER TABLE cards ADD COLUMN production_error TEXT;
      UPDATE cards SET state_changed_at = updated_at;
      CREATE INDEX cards_state ON cards(state, valid_until);
      CREATE INDEX cards_valid_until ON cards(valid_until);
      CREATE INDEX cards_physical ON cards(physical_card_id);

      CREATE TABLE blocks (
        id TEXT PRIMARY KEY,
        -- the card the operator blocked; block_cards lists every card it stopped (its mobile IDs too)
        card_id TEXT NOT NULL REFERENCES cards(id),
        reason TEXT NOT NULL,
        note TEXT,
        blocked_by TEXT REFERENCES operators(id),
        desk_id TEXT NOT NULL,
        blocked_at TEXT NOT NULL,
        lifted_by TEXT REFERENCES operators(id),
        lifted_at TEXT,
        lift_note TEXT
      ) STRICT;
      CREATE INDEX blocks_card ON blocks(card_id);
      CREATE INDEX blocks_at ON blocks(blocked_at, reason);

      CREATE TABLE block_cards (
        block_id TEXT NOT NULL REFERENCES blocks(id),
        card_id TEXT NOT NULL REFERENCES cards(id),
        state_before TEXT NOT NULL,
        PRIMARY KEY (block_id, card_id)
      ) STRICT;
      CREATE INDEX block_cards_card ON block_cards(card_id);

      -- A replaced chip stays in the history but no longer opens anything: its match keys are removed.
      ALTER TABLE credentials ADD COLUMN retired_at TEXT;
      ALTER TABLE credentials ADD COLUMN retired_reason TEXT;
    `);
  },
};
