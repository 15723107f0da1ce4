// The desk API contract: every method, its input and output schema, and who may call it.
// Both transports (Electron IPC and the web host's WebSocket) carry exactly these methods, and the
// core dispatcher enforces `access` — the screens only hide what an operator cannot do anyway.
import { z } from 'zod';
import type { Role } from '../domain/roles';
import {
  card,
  cardRegisterInput,
  holderCreateInput,
  holderDetail,
  holderSummary,
  holderUpdateInput,
  language,
  operatorCreateInput,
  operatorSelf,
  operatorUpdateInput,
  operatorView,
  organisation,
  organisationInput,
  password,
  username,
} from './schemas';
import { id, personName } from './text';
import { cardPresented, readerProfileView, readerSettings, readersOverview } from './readers';

/** 'public': no login needed. 'operator': any logged-in operator. Otherwise: any of these roles. */
export type Access = 'public' | 'operator' | readonly Role[];

export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  access: Access;
}

function method<I extends z.ZodType, O extends z.ZodType>(
  input: I,
  output: O,
  access: Access,
): MethodSpec<I, O> {
  return { input, output, access };
}

const empty = z.strictObject({});
const ALL_STAFF: readonly Role[] = ['reception', 'card_admin', 'it_admin', 'admin'];
const CARD_ADMINS: readonly Role[] = ['card_admin', 'admin'];
const ADMINS: readonly Role[] = ['admin'];
/** Reception binds a new card's chip by tapping it when handing it over (DESIGN.md flow 3). */
const CARD_HANDLERS: readonly Role[] = ['reception', 'card_admin', 'admin'];

export const sessionStatus = z.object({
  needsFirstAdmin: z.boolean(),
  operator: operatorSelf.nullable(),
  desk: z.object({ id: z.string(), name: z.string() }),
  idleTimeoutSeconds: z.number(),
});
export type SessionStatus = z.infer<typeof sessionStatus>;

export const methods = {
  'session.status': method(empty, sessionStatus, 'public'),
  'session.login': method(z.strictObject({ username, password }), operatorSelf, 'public'),
  'session.logout': method(empty, empty, 'operator'),
  /** Sent while the operator is active, so the core's idle timer matches what the person does. */
  'session.keepAlive': method(empty, empty, 'operator'),
  'session.setLanguage': method(z.strictObject({ language }), operatorSelf, 'operator'),
  'setup.createFirstAdmin': method(
    z.strictObject({ username, displayName: personName(), password, language }),
    operatorSelf,
    'public',
  ),

  'holders.search': method(
    z.strictObject({
      query: z.string().max(100, 'At most 100 characters.'),
      limit: z.int().min(1).max(50).optional(),
    }),
    z.object({
      items: z.array(holderSummary),
      /** How many matched, counted up to a cap (cheap at a million holders)… */
      total: z.int().min(0),
      /** …and whether more than `total` did: the screen then says "more than". */
      isMore: z.boolean(),
    }),
    ALL_STAFF,
  ),
  'holders.get': method(z.strictObject({ id }), holderDetail, ALL_STAFF),
  'holders.photo': method(
    z.strictObject({ id }),
    z.object({ mime: z.string(), base64: z.string() }).nullable(),
    ALL_STAFF,
  ),
  'holders.create': method(holderCreateInput, holderDetail, CARD_ADMINS),
  'holders.update': method(holderUpdateInput, holderDetail, CARD_ADMINS),

  'organisations.list': method(empty, z.object({ items: z.array(organisation) }), ALL_STAFF),
  'organisations.create': method(organisationInput, organisation, CARD_ADMINS),
  'organisations.update': method(organisationInput.extend({ id }), organisation, CARD_ADMINS),

  'cards.register': method(cardRegisterInput, card, CARD_ADMINS),
  'cards.bindCredential': method(
    z.strictObject({
      cardId: id,
      technology: z.string().max(40),
      hex: z.string().regex(/^[0-9A-Fa-f]{2,64}$/, 'Hex digits, two per byte.'),
    }),
    card,
    CARD_HANDLERS,
  ),

  'readers.list': method(empty, readersOverview, ALL_STAFF),
  'readers.settings': method(
    empty,
    z.object({ settings: readerSettings, profiles: z.array(readerProfileView) }),
    ALL_STAFF,
  ),
  'readers.configure': method(readerSettings, readerSettings, ADMINS),
  /** A keyboard-wedge reader's burst, detected by the screen, handed to the core pipeline. */
  'readers.wedgeRead': method(z.strictObject({ text: z.string().min(1).max(64) }), cardPresented, ALL_STAFF),

  'operators.list': method(empty, z.object({ items: z.array(operatorView) }), ADMINS),
  'operators.create': method(operatorCreateInput, operatorView, ADMINS),
  'operators.update': method(operatorUpdateInput, operatorView, ADMINS),
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
export type MethodParsedInput<M extends MethodName> = z.output<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>;

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(methods, name);
}
