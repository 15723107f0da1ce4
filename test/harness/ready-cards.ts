// Cards as the ordering and production steps leave them, written straight into a test desk's database:
// a holder's card ready for pick-up with its printed number, or a mobile ID invited for a physical
// card. Tests of hand-over and blocking start here without placing orders.
import type { Db } from '../../src-main/core/store/database';
import type { CardState } from '../../src-shared/domain/card-states';
import { generateIdentityNumber } from '../../src-shared/domain/identity-number';
import { photoInput } from './images';
import type { TypedConnection } from './test-desk';

let serial = 0;

/** A holder with a photo (and an e-mail address unless told otherwise), created through the API. */
export async function createHolder(
  admin: TypedConnection,
  names: { givenName: string; familyName: string; email?: string | null } = {
    givenName: 'Karin',
    familyName: 'Lindqvist',
  },
): Promise<string> {
  serial += 1;
  const holder = await admin.must('holders.create', {
    givenName: names.givenName,
    familyName: names.familyName,
    identityCountry: 'SE',
    identityNumber: generateIdentityNumber('SE', new Date('1986-05-20'), 500 + serial),
    email: names.email === undefined ? `${names.givenName.toLowerCase()}.${serial}@example.se` : names.email,
    hasEid: true,
    photo: photoInput(),
  });
  return holder.id;
}

export interface InsertedCard {
  holderId: string;
  kind?: 'access_card' | 'id06' | 'mobile_id';
  printedNumber: string;
  state?: CardState;
  validFrom?: string | null;
  validUntil?: string | null;
  physicalCardId?: string | null;
  site?: string | null;
}

/** Inserts a card in the given state (default: ready for pick-up) and returns its id. */
export function insertCard(db: Db, card: InsertedCard): string {
  serial += 1;
  const id = `00000000-0000-7000-8000-${String(serial).padStart(12, '0')}`;
  const now = new Date(Date.now() - 60_000).toISOString();
  db.prepare(
    `INSERT INTO cards (id, holder_id, kind, printed_number, state, valid_from, valid_until, created_at, updated_at,
                        physical_card_id, site, state_changed_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    card.holderId,
    card.kind ?? 'id06',
    card.printedNumber,
    card.state ?? 'ready',
    card.validFrom ?? null,
    card.validUntil === undefined ? '2030-12-31' : card.validUntil,
    now,
    now,
    card.physicalCardId ?? null,
    card.site ?? null,
    now,
  );
  return id;
}

/** A physical card ready for pick-up and, when asked, a mobile ID of it (invited, or as given). */
export function insertReadyCard(
  db: Db,
  holderId: string,
  printedNumber: string,
  mobile?: { state?: CardState },
): { cardId: string; mobileId: string | null } {
  const cardId = insertCard(db, { holderId, printedNumber });
  const mobileId = mobile
    ? insertCard(db, {
        holderId,
        kind: 'mobile_id',
        printedNumber: `${printedNumber}-M`,
        state: mobile.state ?? 'invited',
        physicalCardId: cardId,
      })
    : null;
  return { cardId, mobileId };
}
