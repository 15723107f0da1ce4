// The SMS that carries a sign-in code, in the operator's language. Every letter is in the GSM 03.38
// alphabet (å, ä, ö, æ, ø included) and the text stays under 160 characters: one SMS part, one cost.
import type { Language } from '../../../src-shared/domain/languages';
import { SMS_CODE_TTL_MS } from '../../../src-shared/domain/sign-in';

/** "12345678" as "1234 5678": easier to read off a phone and type. */
export function groupSmsCode(code: string): string {
  return code.replace(/(.{4})(?=.)/g, '$1 ');
}

export function smsCodeText(language: Language, code: string): string {
  const grouped = groupSmsCode(code);
  const minutes = Math.round(SMS_CODE_TTL_MS / 60_000);
  switch (language) {
    case 'sv':
      return `Din inloggningskod till Frontdesk ID är ${grouped}. Den gäller i ${minutes} minuter. Dela den inte med någon.`;
    case 'da':
      return `Din engangskode til Frontdesk ID er ${grouped}. Den gælder i ${minutes} minutter. Del den ikke med nogen.`;
    case 'nb':
      return `Engangskoden din til Frontdesk ID er ${grouped}. Den gjelder i ${minutes} minutter. Ikke del den med noen.`;
    case 'en':
      return `Your Frontdesk ID sign-in code is ${grouped}. It is valid for ${minutes} minutes. Do not share it with anyone.`;
  }
}
