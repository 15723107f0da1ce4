import { z } from 'zod';
import { CREDENTIAL_TECHNOLOGIES } from '../credentials/credential';
import { BLOCK_REASONS } from '../domain/block-reasons';
import { CARD_KINDS, CARD_STATES } from '../domain/card-states';
import { ROLES } from '../domain/roles';
import { LANGUAGES } from '../domain/languages';
import { emailAddress, id, personName, phoneNumber, plainText } from './text';

/** Photos: JPEG or PNG, at most this many bytes once decoded (stated in the UI). */
export const PHOTO_MAX_BYTES = 1024 * 1024;
/** Base64 of anything larger than this is refused before decoding; the photo check gives the clear error. */
const PHOTO_BASE64_MAX_CHARS = 8 * 1024 * 1024;

export const role = z.enum(ROLES);
export const language = z.enum(LANGUAGES);
export const country = z.enum(['SE', 'DK', 'NO']);

export const photoInput = z.strictObject({
  mime: z.string().max(100),
  base64: z.string().max(PHOTO_BASE64_MAX_CHARS, 'The photo is far too large.'),
});

export const operatorSelf = z.object({
  id,
  username: z.string(),
  displayName: z.string(),
  roles: z.array(role),
  language,
});
export type OperatorSelf = z.infer<typeof operatorSelf>;

export const username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,40}$/, '3–40 characters: letters a–z, digits, dot, hyphen, underscore.');
export const password = z.string().min(1, 'Required.').max(200, 'At most 200 characters.');

export const organisation = z.object({
  id,
  name: z.string(),
  country,
  number: z.string(),
  numberDisplay: z.string(),
});
export type Organisation = z.infer<typeof organisation>;

export const organisationInput = z.strictObject({
  name: plainText(120),
  country,
  number: z.string().max(40),
});

export const credentialView = z.object({
  id,
  technology: z.string(),
  hex: z.string(),
  boundAt: z.string(),
  /** Set when a new chip replaced this one: kept for the history, it no longer opens anything. */
  retiredAt: z.string().nullable(),
});

export const cardState = z.enum(CARD_STATES);
export const cardKind = z.enum(CARD_KINDS);
export const blockReason = z.enum(BLOCK_REASONS);
export const credentialTechnology = z.enum(CREDENTIAL_TECHNOLOGIES);

export const card = z.object({
  id,
  holderId: id,
  kind: cardKind,
  printedNumber: z.string(),
  state: cardState,
  validFrom: z.string().nullable(),
  validUntil: z.string().nullable(),
  blockReason: blockReason.nullable(),
  credentials: z.array(credentialView),
  /** The order the card was made from; null for cards registered before ordering existed. */
  orderId: id.nullable(),
  /** A mobile visual ID's physical card. */
  physicalCardId: id.nullable(),
  site: z.string().nullable(),
  stateChangedAt: z.string().nullable(),
  /** The last failed print or batch, until production succeeds: what went wrong, in codes. */
  productionError: z
    .object({
      code: z.string(),
      params: z.record(z.string(), z.union([z.string(), z.number()])),
      at: z.string(),
    })
    .nullable(),
});
export type Card = z.infer<typeof card>;

export const holderSummary = z.object({
  id,
  givenName: z.string(),
  familyName: z.string(),
  employerName: z.string().nullable(),
  identityNumber: z.string(),
  birthDate: z.string(),
  cardNumbers: z.array(z.string()),
  hasPhoto: z.boolean(),
});
export type HolderSummary = z.infer<typeof holderSummary>;

export const holderDetail = holderSummary.extend({
  identityCountry: country,
  /** True when identityNumber is shown masked to this operator. */
  isIdentityNumberMasked: z.boolean(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  organisation: organisation.nullable(),
  hasEid: z.boolean(),
  site: z.string().nullable(),
  cards: z.array(card),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type HolderDetail = z.infer<typeof holderDetail>;

export const holderFields = {
  givenName: personName(),
  familyName: personName(),
  identityCountry: country,
  identityNumber: z.string().max(40),
  email: emailAddress.nullable().optional(),
  phone: phoneNumber.nullable().optional(),
  organisationId: id.nullable().optional(),
  hasEid: z.boolean(),
  site: plainText(80).nullable().optional(),
};
export const holderCreateInput = z.strictObject({ ...holderFields, photo: photoInput.optional() });
export type HolderCreateInput = z.infer<typeof holderCreateInput>;
export const holderUpdateInput = z.strictObject({
  id,
  ...holderFields,
  /** Absent: keep the photo. null: remove it. */
  photo: photoInput.nullable().optional(),
});
export type HolderUpdateInput = z.infer<typeof holderUpdateInput>;

/** An operator's national identity number: BankID finds them by it, and their own cards carry it. */
export const operatorIdentityInput = z.strictObject({ country, number: z.string().trim().min(1).max(20) });

export const operatorView = z.object({
  id,
  username: z.string(),
  displayName: z.string(),
  roles: z.array(role),
  language,
  isDisabled: z.boolean(),
  createdAt: z.string(),
  /** E.164, for SMS codes; null when none is registered. */
  mobilePhone: z.string().nullable(),
  /** Shown as written (`YYYYMMDD-NNNN`): only administrators see operators. */
  identity: z.object({ country, display: z.string() }).nullable(),
  hasTotp: z.boolean(),
  hasPin: z.boolean(),
});
export type OperatorView = z.infer<typeof operatorView>;

export const operatorCreateInput = z.strictObject({
  username,
  displayName: personName(),
  password,
  roles: z.array(role).min(1, 'Give at least one role.').max(ROLES.length),
  language,
  mobilePhone: phoneNumber.nullable().optional(),
  identity: operatorIdentityInput.nullable().optional(),
});
export const operatorUpdateInput = z.strictObject({
  id,
  displayName: personName().optional(),
  roles: z.array(role).min(1, 'Give at least one role.').max(ROLES.length).optional(),
  language: language.optional(),
  isDisabled: z.boolean().optional(),
  password: password.optional(),
  mobilePhone: phoneNumber.nullable().optional(),
  identity: operatorIdentityInput.nullable().optional(),
});

export const cardRegisterInput = z.strictObject({
  holderId: id,
  kind: cardKind,
  printedNumber: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{4,32}$/, '4–32 letters, digits or hyphens, as printed on the card.'),
  validUntil: z.iso.date().nullable().optional(),
});
