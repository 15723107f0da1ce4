// The port for Swedish BankID's Relying Party API v6 (https://developers.bankid.com). Adapter:
// adapters/bankid-rp-client.ts (HTTPS with the relying party's client certificate). Tests run it
// against a local HTTPS server that follows the v6 fields and checks the client certificate.

export interface BankIdAuthOrder {
  orderRef: string;
  autoStartToken: string;
  qrStartToken: string;
  /** Never leaves the core: the QR content is computed from it each second (bankid-qr.ts). */
  qrStartSecret: string;
}

export interface BankIdUser {
  personalNumber: string;
  name: string;
  givenName: string;
  surname: string;
}

/** /collect's answer; hint codes are strings because BankID may add new ones. */
export type BankIdCollect =
  | { status: 'pending'; hintCode: string }
  | { status: 'failed'; hintCode: string }
  | { status: 'complete'; user: BankIdUser };

export interface BankIdClient {
  auth(input: { endUserIp: string }): Promise<BankIdAuthOrder>;
  collect(orderRef: string): Promise<BankIdCollect>;
  cancel(orderRef: string): Promise<void>;
}

export type BankIdErrorKind =
  /** Not reachable, TLS refused (a wrong or expired certificate), or a timeout. */
  | 'unreachable'
  /** An error answer: `errorCode` says which (alreadyInProgress, invalidParameters, unauthorized…). */
  | 'refused'
  /** An answer that does not follow the API: treated as a failure, never trusted. */
  | 'malformed';

export class BankIdError extends Error {
  constructor(
    readonly kind: BankIdErrorKind,
    message: string,
    /** BankID's own errorCode for 'refused'. */
    readonly errorCode?: string,
  ) {
    super(message);
    this.name = 'BankIdError';
  }
}
