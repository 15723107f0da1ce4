// The stored shape of an order and what the operations and views read from it.
import type { IdentityCountry } from '../../../src-shared/domain/identity-number';
import type {
  OrderCardKind,
  OrderIncludes,
  OrderKind,
  OrderState,
  ReplacementReason,
} from '../../../src-shared/domain/order-rules';
import type { Db } from '../store/database';

export interface OrderRow {
  id: string;
  holder_id: string;
  kind: OrderKind;
  replacement_reason: ReplacementReason | null;
  replaces_card_id: string | null;
  includes: OrderIncludes;
  card_kind: OrderCardKind;
  valid_until: string;
  site: string;
  data: string;
  state: OrderState;
  ordered_by: string;
  ordered_at: string;
  decided_by: string | null;
  decided_at: string | null;
  decision_note: string | null;
  card_id: string | null;
  mobile_card_id: string | null;
  updated_at: string;
}

/** orders.data: the holder's data exactly as the orderer entered and confirmed it. */
export interface OrderData {
  givenName: string;
  familyName: string;
  namesConfirmed: true;
  identityCountry: IdentityCountry;
  /** Canonical digits. */
  identityNumber: string;
  organisation: { id: string; name: string; country: IdentityCountry; number: string };
  email: string | null;
  phone: string;
  photoTakenAt: string;
  renewsCardId: string | null;
}

export function orderRow(db: Db, id: string): OrderRow | undefined {
  return db.prepare('SELECT * FROM orders WHERE id = ?').get(id) as OrderRow | undefined;
}

export function orderData(row: OrderRow): OrderData {
  return JSON.parse(row.data) as OrderData;
}
