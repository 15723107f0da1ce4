// Approved cards to produce, made the short way: a holder through the API (with an employer and a
// photo), then the card inserted as the approval would leave it. Ordering and approval are tested on
// their own; production starts where they end.
import { randomInt } from 'node:crypto';
import type { Db } from '../../src-main/core/store/database';
import { generateIdentityNumber } from '../../src-shared/domain/identity-number';
import { makePng, photoInput } from './images';
import { insertCard } from './ready-cards';
import type { TypedConnection } from './test-desk';

export interface ApprovedCard {
  cardId: string;
  holderId: string;
  printedNumber: string;
}

const organisations = new WeakMap<Db, string>();

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
    identityNumber: generateIdentityNumber('SE', new Date('1985-03-15'), serial++ % 1000),
    hasEid: true,
    organisationId,
    site: 'Kiruna',
    ...(options.withPhoto === false ? {} : { photo: photoInput(makePng(300, 400, [90, 130, 170])) }),
  });
  const printed = options.printed ?? printedNumber();
  const cardId = insertCard(db, {
    holderId: holder.id,
    kind: options.kind ?? 'id06',
    printedNumber: printed,
    state: 'approved',
    validFrom: '2026-11-24',
    validUntil: '2031-11-23',
    site: 'Kiruna',
  });
  return { cardId, holderId: holder.id, printedNumber: printed };
}
