// A DeskClient for renderer tests: answers from handlers given per method, records every call, and
// emits events on demand.
import type { DeskClient } from '../../../src-shared/api/client';
import type { DeskEventName, DeskEventPayload } from '../../../src-shared/api/events';
import type { MethodInput, MethodName, MethodOutput, SessionStatus } from '../../../src-shared/api/methods';
import { fail, ok, type Result } from '../../../src-shared/api/result';

export type Handlers = {
  [M in MethodName]?: (input: MethodInput<M>) => Result<MethodOutput<M>> | Promise<Result<MethodOutput<M>>>;
};

export interface FakeDesk {
  client: DeskClient;
  calls: { method: MethodName; input: unknown }[];
  handlers: Handlers;
  emit<E extends DeskEventName>(event: E, payload: DeskEventPayload<E>): void;
  callsOf(method: MethodName): unknown[];
}

export function fakeDeskClient(handlers: Handlers = {}): FakeDesk {
  const calls: FakeDesk['calls'] = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const client: DeskClient = {
    async call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>> {
      calls.push({ method, input });
      const handler = handlers[method] as ((input: MethodInput<M>) => Result<MethodOutput<M>>) | undefined;
      if (handler) return handler(input);
      if (method === 'session.keepAlive' || method === 'session.logout')
        return ok({}) as Result<MethodOutput<M>>;
      return fail('unknown_method', `No fake for ${method}.`);
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      const untyped = listener as (payload: unknown) => void;
      set.add(untyped);
      return () => set.delete(untyped);
    },
  };
  return {
    client,
    calls,
    handlers,
    emit(event, payload) {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
    callsOf: (method) => calls.filter((c) => c.method === method).map((c) => c.input),
  };
}

export const ADMIN = {
  id: '0190a0b0-0000-7000-8000-000000000001',
  username: 'admin',
  displayName: 'Astrid Admin',
  roles: ['admin' as const],
  language: 'en' as const,
};

export const RECEPTION = {
  id: '0190a0b0-0000-7000-8000-000000000002',
  username: 'rita',
  displayName: 'Rita Reception',
  roles: ['reception' as const],
  language: 'sv' as const,
};

export function status(
  operator: typeof ADMIN | typeof RECEPTION | null,
  idleTimeoutSeconds = 300,
  signIn: SessionStatus['signIn'] = { methods: ['password', 'totp'], defaultMethod: 'password' },
): { ok: true; value: SessionStatus } {
  return {
    ok: true,
    value: {
      needsFirstAdmin: false,
      operator,
      desk: { id: 'desk-1', name: 'Reception A' },
      idleTimeoutSeconds,
      signIn,
    },
  };
}

/** A password the organisation accepts alone: `session.login` answers signed in. */
export function signedIn(operator: typeof ADMIN | typeof RECEPTION) {
  return ok({ step: 'signedIn' as const, operator });
}
