// Reads for the order screens: the queues (waiting for my approval, mine, rejected), one order with
// what was entered beside the holder's record as it is now, its cards and its history.
import type { OrderDetail, OrderSummary } from '../../../src-shared/api/methods/orders';
import { decideTransition, type Actor } from '../../../src-shared/domain/card-lifecycle';
import type { CardKind, CardState } from '../../../src-shared/domain/card-states';
import { parseIdentityNumber, type IdentityCountry } from '../../../src-shared/domain/identity-number';
import type { OrderState } from '../../../src-shared/domain/order-rules';
import { toOrganisation, type OrganisationRow } from '../organisations/organisation-rows';
import type { Db } from '../store/database';
import { orderData, type OrderRow } from './order-rows';

export interface OrderFilter {
  waitingForMe?: boolean;
  mine?: boolean;
  rejected?: boolean;
  state?: OrderState;
  holderId?: string;
}

type ListedRow = OrderRow & {
  given_name: string;
  family_name: string;
  ordered_by_name: string;
  decided_by_name: string | null;
};

interface CardRow {
  id: string;
  order_id: string;
  kind: CardKind;
  state: CardState;
  printed_number: string;
  valid_from: string | null;
  valid_until: string | null;
}

const LISTED = `SELECT o.*, h.given_name, h.family_name, ob.display_name AS ordered_by_name,
    db_.display_name AS decided_by_name
  FROM orders o JOIN holders h ON h.id = o.holder_id JOIN operators ob ON ob.id = o.ordered_by
  LEFT JOIN operators db_ ON db_.id = o.decided_by`;

function identityDisplay(country: IdentityCountry, canonical: string): string {
  const parsed = parseIdentityNumber(canonical, country);
  return parsed.ok ? parsed.value.display : canonical;
}

export function createOrderViews(db: Db) {
  function cardsOf(orderIds: string[]): Map<string, CardRow[]> {
    const byOrder = new Map<string, CardRow[]>();
    if (orderIds.length === 0) return byOrder;
    const rows = db
      .prepare(
        `SELECT id, order_id, kind, state, printed_number, valid_from, valid_until FROM cards
         WHERE order_id IN (${orderIds.map(() => '?').join(',')}) ORDER BY kind = 'mobile_id', created_at`,
      )
      .all(...orderIds) as CardRow[];
    for (const row of rows) byOrder.set(row.order_id, [...(byOrder.get(row.order_id) ?? []), row]);
    return byOrder;
  }

  function summary(row: ListedRow, cards: CardRow[], operatorId: string): OrderSummary {
    return {
      id: row.id,
      holderId: row.holder_id,
      holderGivenName: row.given_name,
      holderFamilyName: row.family_name,
      kind: row.kind,
      replacementReason: row.replacement_reason,
      includes: row.includes,
      cardKind: row.card_kind,
      validUntil: row.valid_until,
      site: row.site,
      state: row.state,
      orderedBy: { id: row.ordered_by, displayName: row.ordered_by_name },
      orderedAt: row.ordered_at,
      decidedBy: row.decided_by ? { id: row.decided_by, displayName: row.decided_by_name ?? '' } : null,
      decidedAt: row.decided_at,
      decisionNote: row.decision_note,
      isMine: row.ordered_by === operatorId,
      cards: cards.map((c) => ({
        id: c.id,
        kind: c.kind,
        state: c.state,
        printedNumber: c.printed_number,
        validFrom: c.valid_from,
        validUntil: c.valid_until,
      })),
    };
  }

  function history(order: OrderRow, cardIds: string[]): OrderDetail['history'] {
    const ids = [order.id, ...cardIds];
    const rows = db
      .prepare(
        `SELECT a.at, a.action, a.operator_id, a.record_type, a.record_id, op.display_name FROM audit_events a
         LEFT JOIN operators op ON op.id = a.operator_id
         WHERE (a.record_type = 'order' AND a.record_id = ?)
            OR (a.record_type = 'card' AND a.record_id IN (${cardIds.map(() => '?').join(',') || "''"}))
         ORDER BY a.seq`,
      )
      .all(...ids) as {
      at: string;
      action: string;
      operator_id: string | null;
      record_type: string;
      record_id: string;
      display_name: string | null;
    }[];
    return rows.map((r) => ({
      at: r.at,
      action: r.action,
      operator: r.operator_id ? { id: r.operator_id, displayName: r.display_name ?? '' } : null,
      recordType: r.record_type,
      recordId: r.record_id,
    }));
  }

  return {
    list(filter: OrderFilter, operatorId: string, page: number, pageSize: number) {
      const where: string[] = [];
      const params: (string | number)[] = [];
      if (filter.waitingForMe) {
        where.push(`o.state = 'ordered' AND o.ordered_by <> ?`);
        params.push(operatorId);
      }
      if (filter.mine) {
        where.push('o.ordered_by = ?');
        params.push(operatorId);
      }
      if (filter.rejected) where.push(`o.state = 'rejected'`);
      if (filter.state) {
        where.push('o.state = ?');
        params.push(filter.state);
      }
      if (filter.holderId) {
        where.push('o.holder_id = ?');
        params.push(filter.holderId);
      }
      const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
      const { total } = db.prepare(`SELECT count(*) AS total FROM orders o ${clause}`).get(...params) as {
        total: number;
      };
      const rows = db
        .prepare(`${LISTED} ${clause} ORDER BY o.ordered_at DESC, o.id DESC LIMIT ? OFFSET ?`)
        .all(...params, pageSize, page * pageSize) as ListedRow[];
      const cards = cardsOf(rows.map((r) => r.id));
      return {
        items: rows.map((r) => summary(r, cards.get(r.id) ?? [], operatorId)),
        total,
        page,
        pageSize,
      };
    },

    detail(id: string, operatorId: string, actors: readonly Actor[]): OrderDetail | undefined {
      const row = db.prepare(`${LISTED} WHERE o.id = ?`).get(id) as ListedRow | undefined;
      if (!row) return undefined;
      const cards = cardsOf([id]).get(id) ?? [];
      const data = orderData(row);
      const photo = db
        .prepare('SELECT mime, width, height, taken_at FROM order_photos WHERE order_id = ?')
        .get(id) as { mime: string; width: number; height: number; taken_at: string };
      const holder = db.prepare('SELECT * FROM holders WHERE id = ?').get(row.holder_id) as {
        given_name: string;
        family_name: string;
        identity_country: IdentityCountry;
        identity_number: string;
        organisation_id: string | null;
        email: string | null;
        phone: string | null;
      };
      const organisation = holder.organisation_id
        ? (db
            .prepare('SELECT * FROM organisations WHERE id = ?')
            .get(holder.organisation_id) as OrganisationRow)
        : undefined;
      const hasPhoto =
        db.prepare('SELECT 1 FROM holder_photos WHERE holder_id = ?').get(row.holder_id) !== undefined;
      const isOrderer = row.ordered_by === operatorId;
      const decide = (action: 'approve' | 'cancel', state: CardState) =>
        decideTransition({ line: 'physical', state, action, actors, isOrderer }).ok;
      const physical = cards.find((c) => c.kind !== 'mobile_id');
      return {
        ...summary(row, cards, operatorId),
        replacesCardId: row.replaces_card_id,
        renewsCardId: data.renewsCardId,
        entered: {
          givenName: data.givenName,
          familyName: data.familyName,
          namesConfirmed: data.namesConfirmed,
          identityCountry: data.identityCountry,
          identityNumber: identityDisplay(data.identityCountry, data.identityNumber),
          organisation: {
            id: data.organisation.id,
            name: data.organisation.name,
            country: data.organisation.country,
            number: toOrganisation({ ...data.organisation, created_at: '', updated_at: '' }).numberDisplay,
          },
          email: data.email,
          phone: data.phone,
          photoTakenAt: data.photoTakenAt,
        },
        photo: { mime: photo.mime, width: photo.width, height: photo.height, takenAt: photo.taken_at },
        holder: {
          givenName: holder.given_name,
          familyName: holder.family_name,
          identityCountry: holder.identity_country,
          identityNumber: identityDisplay(holder.identity_country, holder.identity_number),
          organisation: organisation
            ? { ...toOrganisation(organisation), number: toOrganisation(organisation).numberDisplay }
            : null,
          email: holder.email,
          phone: holder.phone,
          hasPhoto,
        },
        canDecide: decide('approve', row.state),
        canCancel: decide('cancel', row.state) && (!physical || decide('cancel', physical.state)),
        history: history(
          row,
          cards.map((c) => c.id),
        ),
      };
    },

    photo(id: string): { mime: string; base64: string } | undefined {
      const row = db.prepare('SELECT mime, bytes FROM order_photos WHERE order_id = ?').get(id) as
        { mime: string; bytes: Buffer } | undefined;
      return row ? { mime: row.mime, base64: row.bytes.toString('base64') } : undefined;
    },
  };
}
