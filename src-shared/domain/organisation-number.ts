// Organisation numbers of employers: Swedish organisationsnummer, Danish CVR and Norwegian
// organisasjonsnummer, each with its check digit; plus a generator of valid ones for demo data.

import { isLuhnValid, luhnCheckDigit, mod11, mod11CheckDigit } from './checksums';
import { parseIdentityNumber } from './identity-number';

export type OrganisationCountry = 'SE' | 'DK' | 'NO';

export interface OrganisationNumber {
  country: OrganisationCountry;
  /** Digits only: SE 10, DK 8, NO 9. */
  canonical: string;
  /** SE `NNNNNN-NNNN`, DK `NNNNNNNN`, NO `NNN NNN NNN`. */
  display: string;
}

export type OrganisationNumberErrorCode = 'format' | 'checksum';
export interface OrganisationNumberError {
  code: OrganisationNumberErrorCode;
  message: string;
}
export type OrganisationNumberResult =
  { ok: true; value: OrganisationNumber } | { ok: false; error: OrganisationNumberError };

const MAX_INPUT_LENGTH = 20;
const CVR_WEIGHTS = [2, 7, 6, 5, 4, 3, 2, 1] as const;
const NO_WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2] as const;

const FORMAT_MESSAGES: Record<OrganisationCountry, string> = {
  SE: 'A Swedish organisationsnummer is written NNNNNN-NNNN or as 10 digits.',
  DK: 'A Danish CVR number is 8 digits and does not start with 0.',
  NO: 'A Norwegian organisasjonsnummer is 9 digits.',
};
const CHECKSUM_MESSAGES: Record<OrganisationCountry, string> = {
  SE: 'The check digit of this organisationsnummer is wrong.',
  DK: 'This CVR number fails its check (modulus 11).',
  NO: 'The check digit of this organisasjonsnummer is wrong.',
};

function fail(code: OrganisationNumberErrorCode, country: OrganisationCountry): OrganisationNumberResult {
  const message = code === 'format' ? FORMAT_MESSAGES[country] : CHECKSUM_MESSAGES[country];
  return { ok: false, error: { code, message } };
}

function success(country: OrganisationCountry, canonical: string, display: string): OrganisationNumberResult {
  return { ok: true, value: { country, canonical, display } };
}

/**
 * Parses an organisation number. Whitespace around and spaces inside are ignored; any other
 * character, or more than 20 characters, is a 'format' error.
 */
export function parseOrganisationNumber(
  input: string,
  country: OrganisationCountry,
): OrganisationNumberResult {
  // Checked at runtime as well: this is the edge where untyped input arrives.
  if (typeof input !== 'string' || !Object.hasOwn(FORMAT_MESSAGES, country)) {
    return {
      ok: false,
      error: { code: 'format', message: 'Expected an organisation number as text for SE, DK or NO.' },
    };
  }
  const trimmed = input.trim();
  if (trimmed.length > MAX_INPUT_LENGTH) return fail('format', country);
  const compact = trimmed.replaceAll(' ', '');
  switch (country) {
    case 'SE':
      return parseSwedish(compact);
    case 'DK':
      return parseDanish(compact);
    case 'NO':
      return parseNorwegian(compact);
  }
}

// Skatteverket writes legal entities in 12 digits with the prefix 16. A legal entity's third digit is
// at least 2, so it can never be mistaken for a personnummer (whose third digit is the month's first).
// A sole trader has no number of their own and uses their personnummer or samordningsnummer.
function parseSwedish(compact: string): OrganisationNumberResult {
  const match = /^(?:16)?([0-9]{6})-?([0-9]{4})$/.exec(compact);
  if (match !== null) {
    const digits = `${match[1] ?? ''}${match[2] ?? ''}`;
    if (!isLuhnValid(digits)) return fail('checksum', 'SE');
    if (Number(digits[2]) >= 2 || parseIdentityNumber(digits, 'SE').ok) return swedishSuccess(digits);
    return fail('format', 'SE');
  }
  // Any other accepted form must be a sole trader's personnummer (YYYYMMDD-NNNN, YYMMDD+NNNN).
  const person = parseIdentityNumber(compact, 'SE');
  if (person.ok) return swedishSuccess(person.value.canonical.slice(2));
  return fail(person.error.code === 'checksum' ? 'checksum' : 'format', 'SE');
}

function swedishSuccess(digits: string): OrganisationNumberResult {
  return success('SE', digits, `${digits.slice(0, 6)}-${digits.slice(6)}`);
}

function parseDanish(compact: string): OrganisationNumberResult {
  if (!/^[1-9][0-9]{7}$/.test(compact)) return fail('format', 'DK');
  return mod11(compact, CVR_WEIGHTS) === 0 ? success('DK', compact, compact) : fail('checksum', 'DK');
}

function parseNorwegian(compact: string): OrganisationNumberResult {
  if (!/^[0-9]{9}$/.test(compact)) return fail('format', 'NO');
  if (mod11CheckDigit(compact.slice(0, 8), NO_WEIGHTS) !== Number(compact[8])) return fail('checksum', 'NO');
  return success('NO', compact, `${compact.slice(0, 3)} ${compact.slice(3, 6)} ${compact.slice(6)}`);
}

/**
 * A valid organisation number (canonical form) for demo data and tests. The same serial always gives
 * the same number; serials wrap around, and one that would need a check digit of 10 takes the next.
 * SE numbers look like an aktiebolag's (556…), NO numbers start with 9 like those Brønnøysund issues.
 */
export function generateOrganisationNumber(country: OrganisationCountry, serial: number): string {
  if (!Number.isSafeInteger(serial)) throw new RangeError('The serial must be an integer.');
  if (country === 'SE') {
    const payload = `556${pad(wrap(serial, 1_000_000), 6)}`;
    return `${payload}${luhnCheckDigit(payload)}`;
  }
  const [prefix, weights, count] =
    country === 'DK'
      ? (['3', CVR_WEIGHTS.slice(0, 7), 1_000_000] as const)
      : (['9', NO_WEIGHTS, 10_000_000] as const);
  const start = wrap(serial, count);
  for (let step = 0; step < count; step++) {
    const payload = `${prefix}${pad((start + step) % count, String(count - 1).length)}`;
    const check = mod11CheckDigit(payload, weights);
    if (check !== undefined) return `${payload}${check}`;
  }
  throw new RangeError(`No valid ${country} organisation number.`);
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function wrap(value: number, modulus: number): number {
  return ((value % modulus) + modulus) % modulus;
}
