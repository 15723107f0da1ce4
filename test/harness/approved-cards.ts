// Approved cards to produce, made the short way: a holder through the API (with an employer and a
// photo), then the card inserted as the approval would leave it. Ordering and approval are tested on
// their own; production starts where they end.
import { randomInt } from 'node:crypto';
import type { Db } from '../../src-main/core/store/database';
import { luhnCheckDigit } from '../../src-shared/domain/checksums';
import { makePng, photoInput } from './images';
import type { TypedConnection } from './test-desk';

export interface ApprovedCard {
  cardId: string;
  holderId: string;
  printedNumber: string;
}

const organisations = new WeakMap<Db, string>();

/** A Swedish personal identity number with a valid check digit, different for each serial. */
export function personalNumber(serial: number): string {
  const payload = `850315${String(serial % 1000).padStart(3, '0')}`;
  return `19${payload.slice(0, 6)}-${payload.slice(6)}${luhnCheckDigit(payload)}`;
}

/** ID06 style: two letters and ten digits, random enough that parallel runs never meet. */
export function printedNumber(): string {
  return `SE${String(randomInt(0, 1e10)).padStart(10, '0')}`;
}

let serial = randomInt(0, 500);

export async function approvedCard(
  admin: TypedConnection,
  db: Db,
  names: { givenName: string; familyName: string },
  options: { withPhoto?: boolean; printed?: string; kind?: 'id06' | 'access_card' | 'mobile_id' } = {},
): Promise<ApprovedCard> {
  let organisationId = organisations.get(db);
  if (!organisationId) {
    organisationId = (
      await admin.must('organisations.create', {
        name: 'Bygg & Anläggning AB',
        country: 'SE',
        number: '556036-0793',
      })
    ).id;
    organisations.set(db, organisationId);
  }
  const holder = await admin.must('holders.create', {
    ...names,
    identityCountry: 'SE',
    identityNumber: personalNumber(serial++),
    hasEid: true,
    organisationId,
    site: 'Kiruna',
    ...(options.withPhoto === false ? {} : { photo: photoInput(makePng(300, 400, [90, 130, 170])) }),
  });
  const cardId = crypto.randomUUID();
  const printed = options.printed ?? printedNumber();
  const now = new Date().toISOString();
  db.prepare(
    `INSERT INTO cards (id, holder_id, kind, printed_number, state, valid_from, valid_until, created_at, updated_at,
       site, state_changed_at) VALUES (?, ?, ?, ?, 'approved', ?, ?, ?, ?, ?, ?)`,
  ).run(
    cardId,
    holder.id,
    options.kind ?? 'id06',
    printed,
    '2026-11-24',
    '2031-11-23',
    now,
    now,
    'Kiruna',
    now,
  );
  return { cardId, holderId: holder.id, printedNumber: printed };
}
