import type { Card } from '../../../src-shared/api/schemas';
import { toBlockReason } from '../../../src-shared/domain/block-reasons';
import type { Db } from '../store/database';

interface CardRow {
  id: string;
  holder_id: string;
  kind: Card['kind'];
  printed_number: string;
  state: Card['state'];
  valid_from: string | null;
  valid_until: string | null;
  block_reason: string | null;
  order_id: string | null;
  physical_card_id: string | null;
  site: string | null;
  state_changed_at: string | null;
  production_error: string | null;
}
interface CredentialRow {
  id: string;
  card_id: string;
  technology: string;
  bytes: Buffer;
  bound_at: string;
  retired_at: string | null;
}

/** The stored JSON of a failed production attempt; anything unreadable reads as no error recorded. */
function parseProductionError(stored: string | null): Card['productionError'] {
  if (!stored) return null;
  try {
    const value = JSON.parse(stored) as Card['productionError'];
    return value && typeof value.code === 'string' && typeof value.at === 'string'
      ? { code: value.code, params: value.params ?? {}, at: value.at }
      : null;
  } catch {
    return null;
  }
}

/** Cards matching `where` with their credentials, newest first. */
function readCards(db: Db, where: string, params: string[]): Card[] {
  const cards = db
    .prepare(`SELECT * FROM cards WHERE ${where} ORDER BY created_at DESC`)
    .all(...params) as CardRow[];
  if (cards.length === 0) return [];
  const credentials = db
    .prepare(
      `SELECT * FROM credentials WHERE card_id IN (${cards.map(() => '?').join(',')}) ORDER BY bound_at`,
    )
    .all(...cards.map((c) => c.id)) as CredentialRow[];
  return cards.map((c) => ({
    id: c.id,
    holderId: c.holder_id,
    kind: c.kind,
    printedNumber: c.printed_number,
    state: c.state,
    validFrom: c.valid_from,
    validUntil: c.valid_until,
    blockReason: toBlockReason(c.block_reason),
    credentials: credentials
      .filter((r) => r.card_id === c.id)
      .map((r) => ({
        id: r.id,
        technology: r.technology,
        hex: r.bytes.toString('hex').toUpperCase(),
        boundAt: r.bound_at,
        retiredAt: r.retired_at,
      })),
    orderId: c.order_id,
    physicalCardId: c.physical_card_id,
    site: c.site,
    stateChangedAt: c.state_changed_at,
    productionError: parseProductionError(c.production_error),
  }));
}

/** Cards with their credentials for the given holders, newest first, keyed by holder id. */
export function cardsOfHolders(db: Db, holderIds: string[]): Map<string, Card[]> {
  const byHolder = new Map<string, Card[]>();
  if (holderIds.length === 0) return byHolder;
  const cards = readCards(db, `holder_id IN (${holderIds.map(() => '?').join(',')})`, holderIds);
  for (const card of cards) {
    const list = byHolder.get(card.holderId) ?? [];
    list.push(card);
    byHolder.set(card.holderId, list);
  }
  return byHolder;
}

/** One card with its credentials. */
export function cardById(db: Db, id: string): Card | undefined {
  return readCards(db, 'id = ?', [id])[0];
}

export interface ReadyCardRow {
  card: Card;
  holder: { id: string; givenName: string; familyName: string; employerName: string | null };
  readySince: string | null;
}

/** Cards ready for pick-up, oldest first (they have waited longest), optionally for one holder. */
export function readyCards(db: Db, holderId: string | null, limit: number): ReadyCardRow[] {
  const rows = db
    .prepare(
      `SELECT c.id, c.holder_id AS holderId, c.state_changed_at AS since, h.given_name AS givenName,
              h.family_name AS familyName, o.name AS employerName
       FROM cards c JOIN holders h ON h.id = c.holder_id LEFT JOIN organisations o ON o.id = h.organisation_id
       WHERE c.state = 'ready' AND (? IS NULL OR c.holder_id = ?)
       ORDER BY c.state_changed_at, c.id LIMIT ?`,
    )
    .all(holderId, holderId, limit) as {
    id: string;
    holderId: string;
    since: string | null;
    givenName: string;
    familyName: string;
    employerName: string | null;
  }[];
  return rows.map((r) => ({
    card: cardById(db, r.id)!,
    holder: {
      id: r.holderId,
      givenName: r.givenName,
      familyName: r.familyName,
      employerName: r.employerName,
    },
    readySince: r.since,
  }));
}

export interface BlockView {
  id: string;
  reason: NonNullable<Card['blockReason']>;
  note: string | null;
  blockedAt: string;
  blockedBy: string | null;
  liftedAt: string | null;
  liftedBy: string | null;
  liftNote: string | null;
  /** How many cards this block stopped (the card and its mobile IDs). */
  cardCount: number;
}

/** Every block that stopped this card, newest first, with who placed and who lifted it. */
export function blocksOfCard(db: Db, cardId: string): BlockView[] {
  const rows = db
    .prepare(
      `SELECT b.id, b.reason, b.note, b.blocked_at AS blockedAt, ob.display_name AS blockedBy,
              b.lifted_at AS liftedAt, ol.display_name AS liftedBy, b.lift_note AS liftNote,
              (SELECT count(*) FROM block_cards x WHERE x.block_id = b.id) AS cardCount
       FROM block_cards bc JOIN blocks b ON b.id = bc.block_id
       LEFT JOIN operators ob ON ob.id = b.blocked_by LEFT JOIN operators ol ON ol.id = b.lifted_by
       WHERE bc.card_id = ? ORDER BY b.blocked_at DESC, b.id DESC`,
    )
    .all(cardId) as (Omit<BlockView, 'reason'> & { reason: string })[];
  return rows.map((r) => ({ ...r, reason: toBlockReason(r.reason) ?? 'other' }));
}
