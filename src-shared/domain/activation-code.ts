// A mobile ID's one-time activation code as people read and type it: 10 characters of Crockford's
// base 32 (50 bits), shown in two groups of five ("7KQ2M-X9D4T"). Letters that look alike (I, L, O, U)
// are not used, and typing them is forgiven: I and L read as 1, O as 0; case, spaces and hyphens do
// not matter.

export const ACTIVATION_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const ACTIVATION_CODE_LENGTH = 10;
/** 5 bits per character. */
export const ACTIVATION_CODE_BITS = ACTIVATION_CODE_LENGTH * 5;
/** How long an invitation's code works (NIST SP 800-63A allows 7 days for enrolment codes). */
export const INVITATION_VALID_DAYS = 7;

/** The code from `bytes` (at least ACTIVATION_CODE_LENGTH of them; 5 bits of each are used). */
export function activationCodeFrom(bytes: Uint8Array): string {
  if (bytes.length < ACTIVATION_CODE_LENGTH) throw new RangeError('Not enough random bytes.');
  let code = '';
  for (let i = 0; i < ACTIVATION_CODE_LENGTH; i++) code += ACTIVATION_CODE_ALPHABET[bytes[i]! & 31];
  return code;
}

/** "7KQ2MX9D4T" → "7KQ2M-X9D4T". */
export function groupActivationCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** What a person typed, as the code it stands for, or null when it cannot be one. */
export function normaliseActivationCode(typed: string): string | null {
  const code = typed.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  if (code.length !== ACTIVATION_CODE_LENGTH) return null;
  return [...code].every((c) => ACTIVATION_CODE_ALPHABET.includes(c)) ? code : null;
}
