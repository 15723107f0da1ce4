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
