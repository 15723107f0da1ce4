// The one door into the core: validate the input against the contract, check who is calling,
// run the service, and answer with a value. Nothing is written when any step refuses.
import type { z } from 'zod';
import { isMethodName, methods, type Access } from '../../../src-shared/api/methods';
import { fail, ok, type FieldIssue, type Result } from '../../../src-shared/api/result';
import type { Role } from '../../../src-shared/domain/roles';
import type { Session } from '../auth/sessions';
import type { PendingSignIn, TappedCard } from '../sign-in/pending-sign-in';
import { DomainError } from '../ops/domain-error';
import type { Handlers } from './handlers';

export interface Connection {
  session: Session | null;
  /** A sign-in waiting for its second step (sign-in/pending-sign-in.ts); null when none. */
  signIn?: PendingSignIn | null;
  /** The card last tapped while this screen had no operator, for card and PIN. */
  tappedCard?: TappedCard | null;
  /** The screen's address as its transport saw it (BankID's endUserIp); absent: this computer. */
  remoteAddress?: string;
}

export interface Logger {
  error(message: string, error?: unknown): void;
}

function issuesOf(error: z.ZodError): FieldIssue[] {
  // String() per segment: a Symbol key would make join() throw.
  return error.issues
    .slice(0, 20)
    .map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

/** A name for the logs that never runs the caller's code (toString, valueOf, proxy traps). */
function describeMethod(method: unknown): string {
  return typeof method === 'string' ? JSON.stringify(method.slice(0, 60)) : `of type ${typeof method}`;
}

function isAllowed(access: Exclude<Access, 'public'>, roles: readonly Role[]): boolean {
  return access === 'operator' || access.some((role) => roles.includes(role));
}

export function createDispatcher(
  handlers: Handlers,
  sessions: { current(s: Session | null): Session | null; touch(s: Session): void },
  logger: Logger,
) {
  async function answer(
    connection: Connection,
    method: unknown,
    rawInput: unknown,
  ): Promise<Result<unknown>> {
    if (!isMethodName(method)) return fail('unknown_method', `There is no method ${describeMethod(method)}.`);
    const spec = methods[method];
    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) return fail('bad_request', 'Some fields are not valid.', issuesOf(parsed.error));

    if (spec.access !== 'public') {
      // current() reads the operator's record as it is now: a disabled operator, a reset password
      // or a narrowed role takes effect at this call, not at the next login.
      const session = sessions.current(connection.session);
      if (!session) {
        connection.session = null;
        return fail('unauthenticated', 'Log in first.');
      }
      if (!isAllowed(spec.access, session.roles)) {
        return fail('forbidden', `Your role may not do this (${method}).`);
      }
      sessions.touch(session);
    }

    try {
      const handler = handlers[method] as (input: unknown, connection: Connection) => unknown;
      const value = await handler(parsed.data, connection);
      // The output schema strips anything a handler returned beyond the contract.
      return ok(spec.output.parse(value));
    } catch (error) {
      if (error instanceof DomainError) return fail(error.code, error.message, error.issues, error.params);
      report(`${method} failed`, error);
      return fail('internal', 'Something went wrong on this desk. The operation was not saved.');
    }
  }

  function report(message: string, error: unknown): void {
    try {
      logger.error(message, error);
    } catch {
      // A failing logger must not turn an answer into a rejection.
    }
  }

  return async function dispatch(
    connection: Connection,
    method: unknown,
    rawInput: unknown,
  ): Promise<Result<unknown>> {
    try {
      return await answer(connection, method, rawInput);
    } catch (error) {
      // Only the caller's own values get here (a proxy or getter that throws while the input is
      // parsed): whatever is sent, the caller gets an answer and the desk keeps running.
      report('a call could not be read', error);
      return fail('bad_request', 'The request could not be read.');
    }
  };
}

export type Dispatch = ReturnType<typeof createDispatcher>;
