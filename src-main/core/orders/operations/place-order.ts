// order.place: an order for an existing holder, checked field by field before it exists. A replacement
// blocks the card it replaces in this same operation: if the block is refused, no order exists either.
import type { OrderPlaceInput } from '../../../../src-shared/api/methods/orders';
import type { Actor } from '../../../../src-shared/domain/card-lifecycle';
import type { CardKind, CardState } from '../../../../src-shared/domain/card-states';
import type { IdentityCountry } from '../../../../src-shared/domain/identity-number';
import { parseIdentityNumber } from '../../../../src-shared/domain/identity-number';
import { orderProblems, type OrderProblem } from '../../../../src-shared/domain/order-rules';
import { applyBlock } from '../../cards/apply-block';
import type { Photo } from '../../holders/photo';
import { DomainError } from '../../ops/domain-error';
import { defineOperation, type OperationScope } from '../../ops/operations';
import type { OrganisationRow } from '../../organisations/organisation-rows';
import type { OrderData } from '../order-rows';
import type { OrderSettings } from '../order-settings';

export interface PlaceOrderPayload {
  input: OrderPlaceInput;
  photo: Photo & { width: number; height: number };
  settings: OrderSettings;
  actors: readonly Actor[];
  operatorId: string;
  deskId: string;
}

/** States a card may be renewed from: in the holder's hands, or just run out. */
const RENEWABLE: readonly CardState[] = ['active', 'suspended', 'expired', 'ready'];

export function refuseOrder(problems: OrderProblem[]): never {
  throw new DomainError(
    'order_invalid',
    `The order cannot be placed: ${problems.map((p) => `${p.path} (${p.code})`).join(', ')}.`,
    problems.map((p) => ({
      path: p.path,
      message: p.code,
      code: p.code,
      ...(p.params ? { params: p.params } : {}),
    })),
  );
}

interface HolderFacts {
  identity_country: IdentityCountry;
  identity_number: string;
  employment_ends: string | null;
}

function holderCard(scope: OperationScope, holderId: string, cardId: string) {
  return scope.db
    .prepare('SELECT id, kind, state FROM cards WHERE id = ? AND holder_id = ?')
    .get(cardId, holderId) as { id: string; kind: CardKind; state: CardState } | undefined;
}

/** The checks that need the desk's records: the card replaced or renewed belongs to this holder. */
function cardProblems(scope: OperationScope, input: OrderPlaceInput): OrderProblem[] {
  const problems: OrderProblem[] = [];
  if (input.kind === 'replacement' && input.replacesCardId) {
    const card = holderCard(scope, input.holderId, input.replacesCardId);
    if (!card || card.kind === 'mobile_id')
      problems.push({ path: 'replacesCardId', code: 'card_not_holders' });
  }
  if (input.kind === 'renewal' && input.renewsCardId) {
    const card = holderCard(scope, input.holderId, input.renewsCardId);
    if (!card || card.kind === 'mobile_id') problems.push({ path: 'renewsCardId', code: 'card_not_holders' });
    else if (!RENEWABLE.includes(card.state))
      problems.push({ path: 'renewsCardId', code: 'card_not_renewable' });
  }
  return problems;
}

export const placeOrder = defineOperation<PlaceOrderPayload, string>('order.place', (scope, payload) => {
  const { db, now } = scope;
  const { input, photo, settings } = payload;
  const holder = db
    .prepare('SELECT identity_country, identity_number, employment_ends FROM holders WHERE id = ?')
    .get(input.holderId) as HolderFacts | undefined;
  if (!holder)
    throw new DomainError('not_found', 'No such holder.', [{ path: 'holderId', message: 'Unknown.' }]);
  const organisation = db.prepare('SELECT * FROM organisations WHERE id = ?').get(input.organisationId) as
    OrganisationRow | undefined;

  const problems = [
    ...orderProblems(
      {
        ...input,
        photo: {
          mime: photo.mime,
          width: photo.width,
          height: photo.height,
          bytes: photo.bytes.length,
          takenAt: input.photoTakenAt,
        },
      },
      {
        now: Date.parse(now),
        photoMaxAgeMonths: settings.photoMaxAgeMonths,
        accessCardMaxYears: settings.accessCardMaxYears,
        holder: {
          identityCountry: holder.identity_country,
          identityNumber: holder.identity_number,
          employmentEnds: holder.employment_ends,
        },
        isKnownOrganisation: () => organisation !== undefined,
      },
    ),
    ...cardProblems(scope, input),
  ];
  if (problems.length > 0) refuseOrder(problems);

  const id = scope.newId();
  const block =
    input.kind === 'replacement'
      ? applyBlock(scope, {
          cardId: input.replacesCardId!,
          reason: input.replacementReason!,
          note: null,
          actors: payload.actors,
          operatorId: payload.operatorId,
          deskId: payload.deskId,
        })
      : null;

  const identity = parseIdentityNumber(input.identityNumber, input.identityCountry);
  const data: OrderData = {
    givenName: input.givenName,
    familyName: input.familyName,
    namesConfirmed: true,
    identityCountry: input.identityCountry,
    identityNumber: identity.ok ? identity.value.canonical : holder.identity_number,
    organisation: {
      id: organisation!.id,
      name: organisation!.name,
      country: organisation!.country,
      number: organisation!.number,
    },
    email: input.email ?? null,
    phone: input.phone,
    photoTakenAt: new Date(input.photoTakenAt).toISOString(),
    renewsCardId: input.kind === 'renewal' ? input.renewsCardId! : null,
  };
  const order = {
    id,
    holderId: input.holderId,
    kind: input.kind,
    replacementReason: input.kind === 'replacement' ? input.replacementReason! : null,
    replacesCardId: input.kind === 'replacement' ? input.replacesCardId! : null,
    includes: input.includes,
    cardKind: input.cardKind,
    validUntil: input.validUntil,
    site: input.site,
  };
  db.prepare(
    `INSERT INTO orders (id, holder_id, kind, replacement_reason, replaces_card_id, includes, card_kind, valid_until,
       site, data, state, ordered_by, ordered_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ordered', ?, ?, ?)`,
  ).run(
    id,
    order.holderId,
    order.kind,
    order.replacementReason,
    order.replacesCardId,
    order.includes,
    order.cardKind,
    order.validUntil,
    order.site,
    JSON.stringify(data),
    payload.operatorId,
    now,
    now,
  );
  db.prepare(
    `INSERT INTO order_photos (order_id, mime, bytes, sha256, width, height, taken_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, photo.mime, photo.bytes, photo.sha256, photo.width, photo.height, data.photoTakenAt);

  return {
    result: id,
    recordType: 'order',
    recordId: id,
    audit: {
      kind: order.kind,
      includes: order.includes,
      cardKind: order.cardKind,
      ...(block ? { blockId: block.blockId, blockedCardIds: block.cards.map((c) => c.id) } : {}),
    },
    outbox: {
      ...order,
      data,
      photo: {
        mime: photo.mime,
        sha256: photo.sha256,
        width: photo.width,
        height: photo.height,
        base64: photo.bytes.toString('base64'),
      },
      block: block ? { id: block.blockId, cardIds: block.cards.map((c) => c.id) } : null,
    },
  };
});
