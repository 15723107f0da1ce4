// Logging in and out, and setting up a new desk's first administrator.
import { z } from 'zod';
import { empty, method } from '../method-spec';
import { language, operatorSelf, password, username } from '../schemas';
import { personName } from '../text';
import { signInMethod, signInStep } from './sign-in';

export const sessionStatus = z.object({
  needsFirstAdmin: z.boolean(),
  operator: operatorSelf.nullable(),
  desk: z.object({ id: z.string(), name: z.string() }),
  idleTimeoutSeconds: z.number(),
  /** What the sign-in screen offers: the organisation's methods, its default first. */
  signIn: z.object({ methods: z.array(signInMethod), defaultMethod: signInMethod }),
});
export type SessionStatus = z.infer<typeof sessionStatus>;

export const sessionMethods = {
  'session.status': method(empty, sessionStatus, 'public'),
  /** The password: signed in, or the next step (docs/sign-in.md). */
  'session.login': method(z.strictObject({ username, password }), signInStep, 'public'),
  'session.logout': method(empty, empty, 'operator'),
  /** Sent while the operator is active, so the core's idle timer matches what the person does. */
  'session.keepAlive': method(empty, empty, 'operator'),
  'session.setLanguage': method(z.strictObject({ language }), operatorSelf, 'operator'),
} as const;

export const setupMethods = {
  'setup.createFirstAdmin': method(
    z.strictObject({ username, displayName: personName(), password, language }),
    operatorSelf,
    'public',
  ),
} as const;
