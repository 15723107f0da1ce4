import type { Migration } from './index';

/**
 * What the card administration reports need to answer in under a second at a million cards
 * (src-main/core/reports/reports-views.ts; measured by test/bench/reports.bench.ts):
 *
 * - `cards_expiry`: cards by last valid day, then state and holder, so "expiring within N days" pages
 *   in date order straight from the index, and a name or employer filter checks each card's holder
 *   from the index too (no lookup of the card's row).
 * - `cards_state_changed`: the production, pick-up and invitation queues, oldest first.
 * - `orders_decided`: rejected orders by when they were rejected.
 * - `blocks_in_force`: blocks not lifted, by when they were placed (and reason): a lifted block no
 *   longer stops its card and is left out of the index altogether.
 * - `active_card_counts` and `active_card_lapses`: active cards counted by employer and kind, and the
 *   same by last valid day, kept by triggers on every change of a card or of a holder's employer.
 *   "Active cards per organisation" (what ID06 bills by) is then a sum over a few thousand rows, less
 *   the active cards whose last valid day has passed and that nothing has marked expired yet (a range
 *   of the second table), instead of a join of a million cards with their holders, which took over a
 *   minute on a loaded machine. An unknown employer is '', an open-ended validity '9999-12-31'.
 */
export const migration0011: Migration = {
  version: 11,
  name: 'report-indexes',
  up(db) {
    db.exec(`
      CREATE INDEX cards_expiry ON cards(valid_until, state, holder_id);
      CREATE INDEX cards_state_changed ON cards(state, state_changed_at);
      CREATE INDEX orders_decided ON orders(state, decided_at);
      CREATE INDEX blocks_in_force ON blocks(blocked_at, reason) WHERE lifted_at IS NULL;

      CREATE TABLE active_card_counts (
        organisation_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        cards INTEGER NOT NULL,
        PRIMARY KEY (organisation_id, kind)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE active_card_lapses (
        valid_until TEXT NOT NULL,
        organisation_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        cards INTEGER NOT NULL,
        PRIMARY KEY (valid_until, organisation_id, kind)
      ) STRICT, WITHOUT ROWID;

      INSERT INTO active_card_lapses (valid_until, organisation_id, kind, cards)
        SELECT coalesce(c.valid_until, '9999-12-31'), coalesce(h.organisation_id, ''), c.kind, count(*)
        FROM cards c JOIN holders h ON h.id = c.holder_id
        WHERE c.state = 'active'
        GROUP BY 1, 2, 3;
      INSERT INTO active_card_counts (organisation_id, kind, cards)
        SELECT organisation_id, kind, sum(cards) FROM active_card_lapses WHERE true GROUP BY 1, 2;

      CREATE TRIGGER active_card_counts_card_added AFTER INSERT ON cards WHEN NEW.state = 'active'
      BEGIN
        INSERT INTO active_card_counts (organisation_id, kind, cards) VALUES ((SELECT coalesce(organisation_id, '') FROM holders WHERE id = NEW.holder_id), NEW.kind, 1)
          ON CONFLICT DO UPDATE SET cards = cards + 1;
        INSERT INTO active_card_lapses (valid_until, organisation_id, kind, cards)
          VALUES (coalesce(NEW.valid_until, '9999-12-31'), (SELECT coalesce(organisation_id, '') FROM holders WHERE id = NEW.holder_id), NEW.kind, 1)
          ON CONFLICT DO UPDATE SET cards = cards + 1;
      END;

      CREATE TRIGGER active_card_counts_card_removed AFTER DELETE ON cards WHEN OLD.state = 'active'
      BEGIN
        UPDATE active_card_counts SET cards = cards - 1 WHERE organisation_id = (SELECT coalesce(organisation_id, '') FROM holders WHERE id = OLD.holder_id) AND kind = OLD.kind;
        UPDATE active_card_lapses SET cards = cards - 1
          WHERE valid_until = coalesce(OLD.valid_until, '9999-12-31') AND organisation_id = (SELECT coalesce(organisation_id, '') FROM holders WHERE id = OLD.holder_id)
            AND kind = OLD.kind;
      END;

      CREATE TRIGGER active_card_counts_card_changed
        AFTER UPDATE OF state, kind, valid_until, holder_id ON cards
        WHEN OLD.state = 'active' OR NEW.state = 'active'
      BEGIN
        UPDATE active_card_counts SET cards = cards - 1
          WHERE OLD.state = 'active' AND organisation_id = (SELECT coalesce(organisation_id, '') FROM holders WHERE id = OLD.holder_id) AND kind = OLD.kind;
        UPDATE active_card_lapses SET cards = cards - 1
          WHERE OLD.state = 'active' AND valid_until = coalesce(OLD.valid_until, '9999-12-31')
            AND organisation_id = (SELECT coalesce(organisation_id, '') FROM holders WHERE id = OLD.holder_id) AND kind = OLD.kind;
        INSERT INTO active_card_counts (organisation_id, kind, cards)
          SELECT (SELECT coalesce(organisation_id, '') FROM holders WHERE id = NEW.holder_id), NEW.kind, 1 WHERE NEW.state = 'active'
          ON CONFLICT DO UPDATE SET cards = cards + 1;
        INSERT INTO active_card_lapses (valid_until, organisation_id, kind, cards)
          SELECT coalesce(NEW.valid_until, '9999-12-31'), (SELECT coalesce(organisation_id, '') FROM holders WHERE id = NEW.holder_id), NEW.kind, 1 WHERE NEW.state = 'active'
          ON CONFLICT DO UPDATE SET cards = cards + 1;
      END;

      CREATE TRIGGER active_card_counts_employer_changed AFTER UPDATE OF organisation_id ON holders
        WHEN OLD.organisation_id IS NOT NEW.organisation_id
      BEGIN
        UPDATE active_card_counts SET cards = cards - (
            SELECT count(*) FROM cards c
            WHERE c.holder_id = NEW.id AND c.state = 'active' AND c.kind = active_card_counts.kind)
          WHERE organisation_id = coalesce(OLD.organisation_id, '');
        INSERT INTO active_card_counts (organisation_id, kind, cards)
          SELECT coalesce(NEW.organisation_id, ''), c.kind, count(*)
          FROM cards c WHERE c.holder_id = NEW.id AND c.state = 'active'
          GROUP BY c.kind
          ON CONFLICT DO UPDATE SET cards = cards + excluded.cards;
        UPDATE active_card_lapses SET cards = cards - (
            SELECT count(*) FROM cards c
            WHERE c.holder_id = NEW.id AND c.state = 'active' AND c.kind = active_card_lapses.kind
              AND coalesce(c.valid_until, '9999-12-31') = active_card_lapses.valid_until)
          WHERE organisation_id = coalesce(OLD.organisation_id, '')
            AND valid_until IN (SELECT coalesce(valid_until, '9999-12-31') FROM cards
                                WHERE holder_id = NEW.id AND state = 'active');
        INSERT INTO active_card_lapses (valid_until, organisation_id, kind, cards)
          SELECT coalesce(c.valid_until, '9999-12-31'), coalesce(NEW.organisation_id, ''), c.kind, count(*)
          FROM cards c WHERE c.holder_id = NEW.id AND c.state = 'active'
          GROUP BY 1, 3
          ON CONFLICT DO UPDATE SET cards = cards + excluded.cards;
      END;
    `);
  },
};
