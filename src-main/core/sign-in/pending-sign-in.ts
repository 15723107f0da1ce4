import type { SignInMethod } from '../../../src-shared/domain/sign-in';

/**
 * A sign-in past its first step, kept on the connection (one screen) until its second step succeeds,
 * the person goes back, or PENDING_SIGN_IN_TTL_MS passes. Nothing of it reaches the screen.
 */
export interface PendingSignIn {
  operatorId: string;
  /** The operator's session epoch when the password was checked: a reset meanwhile ends it. */
  epoch: number;
  /** 'password': the password was right; 'enrol': it was, and the operator must set up an app first. */
  after: 'password' | 'enrol';
  startedAt: number;
}

/** A card tapped while the screen had no operator, for card and PIN: the core's own record of it. */
export interface TappedCard {
  /** The card the credential matched, or null for an unknown credential (the PIN is then refused). */
  cardId: string | null;
  at: number;
}

/** Sign-in methods as the audit log names them. */
export type SignedInWith = Exclude<SignInMethod, 'password'> | 'password';
