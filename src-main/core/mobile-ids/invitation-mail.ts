// The invitation e-mail for a mobile visual ID, in the holder's language where known, else the desk's:
// plain text and HTML with the same words. The code is shown grouped, large in the HTML, so it can be
// typed without mistakes.
import { groupActivationCode } from '../../../src-shared/domain/activation-code';
import type { Language } from '../../../src-shared/domain/languages';
import type { MailMessage } from '../mail/mailer';

export interface Invitation {
  to: string;
  language: Language;
  holderName: string;
  code: string;
  /** ISO time the code stops working. */
  expiresAt: string;
}

interface Words {
  subject: string;
  greeting: (name: string) => string;
  body: string;
  codeLabel: string;
  validUntil: (date: string) => string;
  oneTime: string;
  notYou: string;
  locale: string;
}

const WORDS: Record<Language, Words> = {
  sv: {
    subject: 'Ditt mobila ID-kort: aktiveringskod',
    greeting: (name) => `Hej ${name},`,
    body: 'Ett mobilt ID-kort har beställts åt dig. Ange koden nedan när du aktiverar det i din telefon.',
    codeLabel: 'Aktiveringskod',
    validUntil: (date) => `Koden gäller till och med ${date}.`,
    oneTime: 'Koden kan bara användas en gång. Behöver du en ny kod, kontakta receptionen.',
    notYou: 'Om du inte väntade dig det här meddelandet kan du bortse från det.',
    locale: 'sv-SE',
  },
  da: {
    subject: 'Dit mobile ID-kort: aktiveringskode',
    greeting: (name) => `Hej ${name}`,
    body: 'Der er bestilt et mobilt ID-kort til dig. Indtast koden herunder, når du aktiverer det på din telefon.',
    codeLabel: 'Aktiveringskode',
    validUntil: (date) => `Koden gælder til og med ${date}.`,
    oneTime: 'Koden kan kun bruges én gang. Har du brug for en ny kode, så kontakt receptionen.',
    notYou: 'Hvis du ikke ventede denne besked, kan du se bort fra den.',
    locale: 'da-DK',
  },
  nb: {
    subject: 'Ditt mobile ID-kort: aktiveringskode',
    greeting: (name) => `Hei ${name},`,
    body: 'Det er bestilt et mobilt ID-kort til deg. Skriv inn koden nedenfor når du aktiverer det på telefonen.',
    codeLabel: 'Aktiveringskode',
    validUntil: (date) => `Koden gjelder til og med ${date}.`,
    oneTime: 'Koden kan bare brukes én gang. Trenger du en ny kode, ta kontakt med resepsjonen.',
    notYou: 'Hvis du ikke ventet denne meldingen, kan du se bort fra den.',
    locale: 'nb-NO',
  },
  en: {
    subject: 'Your mobile ID card: activation code',
    greeting: (name) => `Hello ${name},`,
    body: 'A mobile ID card has been ordered for you. Enter the code below when you activate it on your phone.',
    codeLabel: 'Activation code',
    validUntil: (date) => `The code works until ${date}.`,
    oneTime: 'The code can be used only once. If you need a new code, ask at the reception desk.',
    notYou: 'If you did not expect this message, you can ignore it.',
    locale: 'en-GB',
  },
};

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function invitationMail(invitation: Invitation): MailMessage {
  const w = WORDS[invitation.language];
  const code = groupActivationCode(invitation.code);
  const date = new Intl.DateTimeFormat(w.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(invitation.expiresAt),
  );
  const text = [
    w.greeting(invitation.holderName),
    '',
    w.body,
    '',
    `${w.codeLabel}: ${code}`,
    '',
    w.validUntil(date),
    w.oneTime,
    '',
    w.notYou,
    '',
  ].join('\n');
  const p = (s: string) => `<p>${escapeHtml(s)}</p>`;
  const html = [
    `<!doctype html><html lang="${invitation.language}"><body style="font-family: sans-serif; font-size: 16px">`,
    p(w.greeting(invitation.holderName)),
    p(w.body),
    `<p>${escapeHtml(w.codeLabel)}:</p>`,
    `<p style="font-family: monospace; font-size: 28px; letter-spacing: 0.15em; font-weight: bold">${code}</p>`,
    p(w.validUntil(date)),
    p(w.oneTime),
    `<p style="color: #666">${escapeHtml(w.notYou)}</p>`,
    '</body></html>',
  ].join('\n');
  return { to: invitation.to, subject: w.subject, text, html };
}
