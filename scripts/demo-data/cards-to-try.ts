import type { PresentedStatus } from '../../src-shared/api/readers';
import type { Card } from '../../src-shared/api/schemas';
import { toBlockReason } from '../../src-shared/domain/block-reasons';
import { cardStatus } from '../../src-shared/domain/card-status';
import { fullName } from '../../src-shared/domain/full-name';
import type { Db } from '../../src-main/core/store/database';

export interface CardToTry {
  status: PresentedStatus;
  /** The chip's UID as `npm run card -- tap` takes it. */
  uid: string;
  holder: string;
  printedNumber: string;
}

interface Row {
  bytes: Buffer;
  state: Card['state'];
  valid_from: string | null;
  valid_until: string | null;
  block_reason: string | null;
  printed_number: string;
  given_name: string;
  family_name: string;
  has_photo: number;
}

const WANTED: readonly PresentedStatus[] = ['active', 'blocked', 'expired'];

/**
 * One card of each status reception should see at a demo (green, red, red with a date), read back
 * from the desk database as the desk will decide it on `today`: the demo data's UIDs are random, so a
 * person following the README needs to be told which ones to tap. Holders with a photo come first.
 */
export function cardsToTry(db: Db, today: string): CardToTry[] {
  const rows = db
    .prepare(
      `SELECT r.bytes, c.state, c.valid_from, c.valid_until, c.block_reason, c.printed_number,
              h.given_name, h.family_name, EXISTS (SELECT 1 FROM holder_photos p WHERE p.holder_id = h.id) AS has_photo
       FROM credentials r JOIN cards c ON c.id = r.card_id JOIN holders h ON h.id = c.holder_id
       ORDER BY r.rowid LIMIT 2000`,
    )
    .all() as Row[];
  rows.sort((a, b) => b.has_photo - a.has_photo);
  const found = new Map<PresentedStatus, CardToTry>();
  for (const row of rows) {
    const { status } = cardStatus(
      {
        state: row.state,
        validFrom: row.valid_from,
        validUntil: row.valid_until,
        blockReason: toBlockReason(row.block_reason),
      },
      today,
    );
    if (!WANTED.includes(status) || found.has(status)) continue;
    found.set(status, {
      status,
      uid: row.bytes.toString('hex').toUpperCase(),
      holder: fullName({ givenName: row.given_name, familyName: row.family_name }),
      printedNumber: row.printed_number,
    });
  }
  return WANTED.flatMap((status) => found.get(status) ?? []);
}
