// Events flow from the desk to every connected screen over the same transport as method calls.
import { z } from 'zod';
import { cardPresented, readersOverview } from './readers';

export const deskEvents = {
  /**
   * The operator's session ended (idle timeout, logout elsewhere, or 'revoked': an administrator
   * disabled the account or set its password): go back to the idle/login screen.
   */
  'session.ended': z.object({ reason: z.enum(['idle', 'logout', 'revoked']) }),
  /** A card was presented to a reader and matched (or not). Sent to logged-in screens. */
  'card.presented': cardPresented,
  /**
   * A card was presented while this screen has no operator: only that it happened, so the login can
   * ask for a sign-in. Who the card belongs to never reaches a signed-out screen: `canUsePin` says
   * only whether this desk's organisation allows card and PIN, the same for every card.
   */
  'card.presentedSignedOut': z.strictObject({ canUsePin: z.boolean() }),
  /** A reader or reader service changed state. */
  'readers.changed': readersOverview,
} as const;

export type DeskEvents = typeof deskEvents;
export type DeskEventName = keyof DeskEvents;
export type DeskEventPayload<E extends DeskEventName> = z.output<DeskEvents[E]>;
