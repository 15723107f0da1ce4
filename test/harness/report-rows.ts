// Hand-made rows for report tests: organisations, holders, cards, orders and blocks written straight
// into a desk's tables, each with the values a test needs to know the right answer. The orders,
// production and blocking operations are not needed to read what they leave behind.
import { randomUUID } from 'node:crypto';
import { searchableName } from '../../src-main/core/holders/holder-search';
import type { Db } from '../../src-main/core/store/database';

const AT = '2026-11-01T08:00:00.000Z';

export interface HolderRow {
  givenName: string;
  familyName: string;
  organisationId?: string | null;
  email?: string | null;
  site?: string | null;
}

export interface CardRow {
  holderId: string;
  kind?: 'access_card' | 'id06' | 'smart_card' | 'mobile_id';
  state: string;
  validUntil?: string | null;
  stateChangedAt?: string;
  site?: string | null;
  printedNumber?: string;
  productionError?: string | null;
}

export interface OrderRow {
  holderId: string;
  state: 'ordered' | 'approved' | 'rejected' | 'cancelled';
  orderedBy: string;
  orderedAt: string;
  decidedBy?: string | null;
  decidedAt?: string | null;
  note?: string | null;
  kind?: 'new' | 'replacement' | 'renewal';
  includes?: 'physical' | 'mobile' | 'both';
  cardKind?: 'id06' | 'access_card';
  site?: string;
}

export interface BlockRow {
  cardId: string;
  reason: string;
  note?: string | null;
  blockedBy: string | null;
  deskId: string;
  blockedAt: string;
  liftedAt?: string | null;
}

export function reportRows(db: Db) {
  let serial = 0;
  const next = () => (serial += 1);
  return {
    operatorId(username: string): string {
      return db.prepare('SELECT id FROM operators WHERE username = ?').pluck().get(username) as string;
    },
    organisation(name: string, country = 'SE'): string {
      const id = randomUUID();
      db.prepare(
        'INSERT INTO organisations (id, name, country, number, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
      ).run(id, name, country, `55600${String(next()).padStart(5, '0')}`, AT, AT);
      return id;
    },
    holder(h: HolderRow): string {
      const id = randomUUID();
      const n = next();
      const inserted = db
        .prepare(
          `INSERT INTO holders (id, given_name, family_name, identity_country, identity_number, birth_date, email,
             phone, organisation_id, has_eid, site, created_at, updated_at)
           VALUES (?, ?, ?, 'SE', ?, '1980-01-01', ?, NULL, ?, 1, ?, ?, ?)`,
        )
        .run(
          id,
          h.givenName,
          h.familyName,
          `19800101${String(n).padStart(4, '0')}`,
          h.email ?? null,
          h.organisationId ?? null,
          h.site ?? null,
          AT,
          AT,
        );
      db.prepare('INSERT INTO holder_names (rowid, name) VALUES (?, ?)').run(
        inserted.lastInsertRowid,
        searchableName(h.givenName, h.familyName),
      );
      return id;
    },
    card(c: CardRow): string {
      const id = randomUUID();
      db.prepare(
        `INSERT INTO cards (id, holder_id, kind, printed_number, state, valid_from, valid_until, block_reason,
           created_at, updated_at, site, state_changed_at, production_error)
         VALUES (?, ?, ?, ?, ?, '2025-01-01', ?, NULL, ?, ?, ?, ?, ?)`,
      ).run(
        id,
        c.holderId,
        c.kind ?? 'id06',
        c.printedNumber ?? `AB${String(next()).padStart(10, '0')}`,
        c.state,
        c.validUntil === undefined ? '2029-12-31' : c.validUntil,
        AT,
        AT,
        c.site ?? null,
        c.stateChangedAt ?? AT,
        c.productionError ?? null,
      );
      return id;
    },
    order(o: OrderRow): string {
      const id = randomUUID();
      db.prepare(
        `INSERT INTO orders (id, holder_id, kind, includes, card_kind, valid_until, site, data, state, ordered_by,
           ordered_at, decided_by, decided_at, decision_note, updated_at)
         VALUES (?, ?, ?, ?, ?, '2030-12-31', ?, '{}', ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        id,
        o.holderId,
        o.kind ?? 'new',
        o.includes ?? 'physical',
        o.cardKind ?? 'id06',
        o.site ?? 'HQ',
        o.state,
        o.orderedBy,
        o.orderedAt,
        o.decidedBy ?? null,
        o.decidedAt ?? null,
        o.note ?? null,
        o.orderedAt,
      );
      return id;
    },
    block(b: BlockRow): string {
      const id = randomUUID();
      db.prepare(
        `INSERT INTO blocks (id, card_id, reason, note, blocked_by, desk_id, blocked_at, lifted_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(id, b.cardId, b.reason, b.note ?? null, b.blockedBy, b.deskId, b.blockedAt, b.liftedAt ?? null);
      db.prepare("INSERT INTO block_cards (block_id, card_id, state_before) VALUES (?, ?, 'active')").run(
        id,
        b.cardId,
      );
      if (!b.liftedAt)
        db.prepare("UPDATE cards SET state = 'blocked', block_reason = ? WHERE id = ?").run(
          b.reason,
          b.cardId,
        );
      return id;
    },
  };
}
