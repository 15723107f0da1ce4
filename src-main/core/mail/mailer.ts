// The port for sending e-mail (DESIGN.md section 3): invitations for mobile IDs, reminders. The real
// adapter speaks SMTP (adapters/smtp-mailer.ts); tests give it a real SMTP server.

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface Mailer {
  /** Resolves once the server accepted the message; rejects with a MailError saying why not. */
  send(message: MailMessage): Promise<void>;
}

export type MailErrorCode =
  /** No mail server is set up for this desk. */
  | 'not_configured'
  /** The server could not be reached (down, wrong host or port, refused). */
  | 'unreachable'
  /** The server refused the login. */
  | 'auth_failed'
  /** The server refused the message or a recipient. */
  | 'rejected';

export class MailError extends Error {
  constructor(
    readonly code: MailErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'MailError';
  }
}

/** A desk without mail settings: every send says so, and the invitation waits to be resent. */
export const unconfiguredMailer: Mailer = {
  send: () =>
    Promise.reject(
      new MailError('not_configured', 'No mail server is set up for this desk (settings: smtp).'),
    ),
};
