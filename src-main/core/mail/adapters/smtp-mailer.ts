// The mailer over SMTP with nodemailer, from the desk's SMTP settings. The password comes from the key
// store (or the settings file, where an administrator chose that); it is read when a mail is sent, so
// a changed password needs no restart.
import nodemailer from 'nodemailer';
import { MailError, type Mailer, type MailErrorCode } from '../mailer';

export interface SmtpSettings {
  host: string;
  port: number;
  /** true: TLS from the start (port 465); false: plain, upgraded with STARTTLS when the server offers it. */
  secure: boolean;
  user: string | null;
  from: string;
  /** Only for test servers without TLS: never upgrade with STARTTLS. */
  ignoreTls?: boolean;
}

/** Sorts nodemailer's error codes into what an operator can act on. */
function classify(error: unknown): MailErrorCode {
  const code = (error as { code?: string } | null)?.code ?? '';
  if (code === 'EAUTH') return 'auth_failed';
  if (code === 'EENVELOPE' || code === 'EMESSAGE') return 'rejected';
  return 'unreachable';
}

export function createSmtpMailer(settings: SmtpSettings, password: () => Promise<string | null>): Mailer {
  return {
    async send(message) {
      const pass = settings.user ? await password() : null;
      const transport = nodemailer.createTransport({
        host: settings.host,
        port: settings.port,
        secure: settings.secure,
        ignoreTLS: settings.ignoreTls === true,
        ...(settings.user ? { auth: { user: settings.user, pass: pass ?? '' } } : {}),
        connectionTimeout: 15_000,
        greetingTimeout: 15_000,
        socketTimeout: 30_000,
      });
      try {
        await transport.sendMail({ from: settings.from, ...message });
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new MailError(classify(error), `The mail server did not take the message: ${reason}`);
      } finally {
        transport.close();
      }
    },
  };
}
