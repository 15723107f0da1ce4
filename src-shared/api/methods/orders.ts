// Ordering cards and mobile visual IDs, and the four-eyes decision on each order (DESIGN.md flow 2).
import { z } from 'zod';
import {
  ORDER_CARD_KINDS,
  ORDER_INCLUDES,
  ORDER_KINDS,
  ORDER_STATES,
  REPLACEMENT_REASONS,
} from '../../domain/order-rules';
import { CARD_ADMINS } from '../../domain/roles';
import { method } from '../method-spec';
import { cardKind, cardState, country, photoInput } from '../schemas';
import { emailAddress, id, personName, phoneNumber, plainText } from '../text';

export const orderKind = z.enum(ORDER_KINDS);
export const orderIncludes = z.enum(ORDER_INCLUDES);
export const orderCardKind = z.enum(ORDER_CARD_KINDS);
export const orderState = z.enum(ORDER_STATES);
export const replacementReason = z.enum(REPLACEMENT_REASONS);

/** What the orderer enters; the core checks every field with src-shared/domain/order-rules.ts. */
export const orderPlaceInput = z.strictObject({
  holderId: id,
  kind: orderKind,
  /** replacement only: why the old card goes; it is blocked for this reason in the same operation. */
  replacementReason: replacementReason.nullable().optional(),
  /** replacement: the card it replaces. */
  replacesCardId: id.nullable().optional(),
  /** renewal: the card it continues. */
  renewsCardId: id.nullable().optional(),
  includes: orderIncludes,
  cardKind: orderCardKind,
  givenName: personName(),
  familyName: personName(),
  /** The operator compared the names with the holder's ID document, letter by letter. */
  namesConfirmed: z.boolean(),
  identityCountry: country,
  identityNumber: z.string().max(40),
  organisationId: id,
  email: emailAddress.nullable().optional(),
  phone: phoneNumber,
  validUntil: z.iso.date(),
  site: plainText(80),
  photo: photoInput,
  /** When the photo was taken: the camera's capture time, or the file's lastModified. */
  photoTakenAt: z.iso.datetime({ offset: true }),
});
export type OrderPlaceInput = z.infer<typeof orderPlaceInput>;

const operatorRef = z.object({ id, displayName: z.string() });

export const orderCard = z.object({
  id,
  kind: cardKind,
  state: cardState,
  printedNumber: z.string(),
  validFrom: z.string().nullable(),
  validUntil: z.string().nullable(),
});

export const orderSummary = z.object({
  id,
  holderId: id,
  holderGivenName: z.string(),
  holderFamilyName: z.string(),
  kind: orderKind,
  replacementReason: replacementReason.nullable(),
  includes: orderIncludes,
  cardKind: orderCardKind,
  validUntil: z.string(),
  site: z.string(),
  state: orderState,
  orderedBy: operatorRef,
  orderedAt: z.string(),
  decidedBy: operatorRef.nullable(),
  decidedAt: z.string().nullable(),
  /** The rejection's reason or the cancellation's note. */
  decisionNote: z.string().nullable(),
  /** Placed by the operator asking. */
  isMine: z.boolean(),
  /** The cards made at approval, physical first. */
  cards: z.array(orderCard),
});
export type OrderSummary = z.infer<typeof orderSummary>;

const organisationRef = z.object({ id, name: z.string(), country, number: z.string() });

/** The holder's data exactly as the orderer entered and confirmed it. */
export const orderEntered = z.object({
  givenName: z.string(),
  familyName: z.string(),
  namesConfirmed: z.boolean(),
  identityCountry: country,
  identityNumber: z.string(),
  organisation: organisationRef,
  email: z.string().nullable(),
  phone: z.string(),
  photoTakenAt: z.string(),
});
export type OrderEntered = z.infer<typeof orderEntered>;

export const orderHistoryEntry = z.object({
  at: z.string(),
  action: z.string(),
  operator: operatorRef.nullable(),
  recordType: z.string(),
  recordId: z.string(),
});

export const orderDetail = orderSummary.extend({
  replacesCardId: id.nullable(),
  renewsCardId: id.nullable(),
  entered: orderEntered,
  photo: z.object({ mime: z.string(), width: z.int(), height: z.int(), takenAt: z.string() }),
  /** The holder's record as it is now, for the side-by-side comparison. */
  holder: z.object({
    givenName: z.string(),
    familyName: z.string(),
    identityCountry: country,
    identityNumber: z.string(),
    organisation: organisationRef.nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    hasPhoto: z.boolean(),
  }),
  /** Whether the operator asking may approve or reject it now (four eyes, state, role). */
  canDecide: z.boolean(),
  canCancel: z.boolean(),
  history: z.array(orderHistoryEntry),
});
export type OrderDetail = z.infer<typeof orderDetail>;

export const orderListInput = z.strictObject({
  /** Orders placed by someone else, waiting for a decision: the approver's queue. */
  waitingForMe: z.boolean().optional(),
  /** Orders the operator placed. */
  mine: z.boolean().optional(),
  /** Rejected orders, with their reasons. */
  rejected: z.boolean().optional(),
  state: orderState.optional(),
  holderId: id.optional(),
  page: z.int().min(0).max(100_000).optional(),
  pageSize: z.int().min(1).max(100).optional(),
});

/** The desk's order rules the form checks as the operator types (settings.json can change them). */
export const orderRules = z.object({
  photoMaxAgeMonths: z.int(),
  accessCardMaxYears: z.int(),
  id06MaxYears: z.int(),
  cardNumberPrefix: z.string(),
});
export type OrderRules = z.infer<typeof orderRules>;

export const orderMethods = {
  'orders.rules': method(z.strictObject({}), orderRules, CARD_ADMINS),
  'orders.place': method(orderPlaceInput, orderDetail, CARD_ADMINS),
  'orders.list': method(
    orderListInput,
    z.object({ items: z.array(orderSummary), total: z.int().min(0), page: z.int(), pageSize: z.int() }),
    CARD_ADMINS,
  ),
  'orders.get': method(z.strictObject({ id }), orderDetail, CARD_ADMINS),
  'orders.photo': method(
    z.strictObject({ id }),
    z.object({ mime: z.string(), base64: z.string() }),
    CARD_ADMINS,
  ),
  'orders.cancel': method(
    z.strictObject({ id, note: plainText(500).nullable().optional() }),
    orderDetail,
    CARD_ADMINS,
  ),
  'orders.approve': method(z.strictObject({ id }), orderDetail, CARD_ADMINS),
  'orders.reject': method(z.strictObject({ id, reason: plainText(500) }), orderDetail, CARD_ADMINS),
} as const;
