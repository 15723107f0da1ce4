// The port for sending an SMS (DESIGN.md section 3). Adapter: adapters/elks-sms-gateway.ts (46elks'
// POST /a1/sms). Tests run it against a local HTTP server that speaks the same API.

export interface SmsMessage {
  /** E.164, e.g. +46701234572. */
  to: string;
  text: string;
}

export interface SmsGateway {
  /** Resolves with the gateway's id for the message once the gateway has accepted it. */
  send(message: SmsMessage): Promise<{ id: string }>;
  /** For the desk's status and logs: the gateway's base URL, never its credentials. */
  describe(): string;
}

export type SmsGatewayErrorKind =
  /** Not reachable: refused connection, timeout, TLS failure. */
  | 'unreachable'
  /** The gateway answered with an error (bad credentials, no credit, a 5xx). */
  | 'refused'
  /** The gateway says the number cannot receive SMS. */
  | 'bad_number';

export class SmsGatewayError extends Error {
  constructor(
    readonly kind: SmsGatewayErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'SmsGatewayError';
  }
}
