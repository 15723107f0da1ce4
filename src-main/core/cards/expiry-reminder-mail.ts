// The reminder that a card is about to expire, in the desk's mail language: plain text and HTML.
import type { Language } from '../../../src-shared/domain/languages';
import type { MailMessage } from '../mail/mailer';

const WORDS: Record<
  Language,
  { subject: string; body: (n: string, d: string) => string; locale: string; hello: (name: string) => string }
> = {
  sv: {
    subject: 'Ditt kort går snart ut',
    hello: (name) => `Hej ${name},`,
    body: (n, d) =>
      `Ditt kort ${n} gäller till och med ${d}. Kontakta receptionen i god tid om du behöver ett nytt.`,
    locale: 'sv-SE',
  },
  da: {
    subject: 'Dit kort udløber snart',
    hello: (name) => `Hej ${name}`,
    body: (n, d) =>
      `Dit kort ${n} gælder til og med ${d}. Kontakt receptionen i god tid, hvis du har brug for et nyt.`,
    locale: 'da-DK',
  },
  nb: {
    subject: 'Kortet ditt utløper snart',
    hello: (name) => `Hei ${name},`,
    body: (n, d) =>
      `Kortet ditt ${n} gjelder til og med ${d}. Ta kontakt med resepsjonen i god tid hvis du trenger et nytt.`,
    locale: 'nb-NO',
  },
  en: {
    subject: 'Your card expires soon',
    hello: (name) => `Hello ${name},`,
    body: (n, d) =>
      `Your card ${n} is valid until ${d}. Contact the reception desk in good time if you need a new one.`,
    locale: 'en-GB',
  },
};

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function expiryReminderMail(r: {
  to: string;
  language: Language;
  holderName: string;
  printedNumber: string;
  validUntil: string;
}): MailMessage {
  const w = WORDS[r.language];
  const date = new Intl.DateTimeFormat(w.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${r.validUntil}T00:00:00Z`),
  );
  const lines = [w.hello(r.holderName), w.body(r.printedNumber, date)];
  return {
    to: r.to,
    subject: w.subject,
    text: `${lines.join('\n\n')}\n`,
    html: `<!doctype html><html lang="${r.language}"><body style="font-family: sans-serif">${lines
      .map((l) => `<p>${escapeHtml(l)}</p>`)
      .join('')}</body></html>`,
  };
}
