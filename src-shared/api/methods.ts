// The desk API contract: every method, its input and output schema, and who may call it.
// Both transports (Electron IPC and the web host's WebSocket) carry exactly these methods, and the
// core dispatcher enforces `access` — the screens only hide what an operator cannot do anyway.
import type { z } from 'zod';
import { auditMethods } from './methods/audit';
import { cardMethods } from './methods/cards';
import { holderMethods } from './methods/holders';
import { mobileIdMethods } from './methods/mobile-ids';
import { operatorMethods } from './methods/operators';
import { orderMethods } from './methods/orders';
import { organisationMethods } from './methods/organisations';
import { productionMethods } from './methods/production';
import { readerMethods } from './methods/readers';
import { reportMethods } from './methods/reports';
import { sessionMethods, setupMethods } from './methods/session';
import { factorMethods, signInMethods } from './methods/sign-in';

export type { Access, MethodSpec } from './method-spec';
export { sessionStatus, type SessionStatus } from './methods/session';

/** Each namespace's methods are in methods/<namespace>.ts; this is the whole contract. */
export const methods = {
  ...sessionMethods,
  ...setupMethods,
  ...signInMethods,
  ...factorMethods,
  ...holderMethods,
  ...organisationMethods,
  ...cardMethods,
  ...orderMethods,
  ...mobileIdMethods,
  ...readerMethods,
  ...operatorMethods,
  ...auditMethods,
  ...productionMethods,
  ...reportMethods,
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
export type MethodParsedInput<M extends MethodName> = z.output<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>;

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(methods, name);
}
