// BankID orders of the screens that are signing in, one per connection.
import type { BankIdUser } from './bankid-client';

export type BankIdPoll =
  | { status: 'pending'; hintCode: string; qr: string | null }
  | { status: 'failed'; hintCode: string }
  | { status: 'complete'; user: BankIdUser };

export interface BankIdOrders {
  readonly isConfigured: boolean;
  /**
   * Starts an order for this connection, cancelling any it had. `operatorId`: the operator whose
   * password was right (the step after a password), or null (BankID on its own). Throws DomainError
   * 'bankid_not_configured' or 'bankid_unavailable'.
   */
  start(
    connection: object,
    input: { endUserIp: string; sameDevice: boolean; operatorId: string | null },
  ): Promise<{ autoStartToken: string | null }>;
  /**
   * The order's state now, from the last /collect (run every 2 s in the background); the QR content
   * is for this second. Throws DomainError 'bankid_not_started'. A finished order is forgotten once
   * it has been read as complete or failed.
   */
  poll(connection: object): BankIdPoll;
  /** Cancels this connection's order at BankID, if it has one. */
  cancel(connection: object): Promise<void>;
  /** Orders started since this ISO time, for the policy screen's usage. */
  startedSince(iso: string): number;
  /** Stops every background /collect (desk close). */
  close(): Promise<void>;
}
