import { z } from 'zod';

// Control characters, bidirectional overrides and angle brackets have no place in a name, an
// address or a note at a reception desk; rejecting them stops spoofed names and markup at the edge.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069<>]/;
const PERSON_NAME = /^[\p{L}\p{M}][\p{L}\p{M} .'\u2019-]*$/u;

export function plainText(max: number) {
  return z
    .string()
    .transform((s) => s.normalize('NFC').trim())
    .pipe(
      z
        .string()
        .min(1, 'Required.')
        .max(max, `At most ${max} characters.`)
        .refine(
          (s) => !FORBIDDEN.test(s),
          'Contains characters that are not allowed (control characters or < >).',
        ),
    );
}

export function personName() {
  return plainText(100).pipe(
    z.string().regex(PERSON_NAME, 'Only letters, spaces, hyphens, apostrophes and full stops.'),
  );
}

export const emailAddress = z
  .string()
  .trim()
  .max(254, 'At most 254 characters.')
  .pipe(z.email('Not a valid e-mail address.'));

export const phoneNumber = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 ()-]{4,22}$/, 'Digits, spaces and an optional leading +, like +46 70 123 45 67.');

export const id = z.string().regex(/^[0-9a-f-]{36}$/, 'Not a valid id.');
