// Check-digit arithmetic shared by the identity number and organisation number validators. Callers
// pass ASCII digit strings they have already checked; anything else is a programming error and throws.

const ASCII_DIGITS = /^[0-9]+$/;

function toDigits(digits: string): number[] {
  if (!ASCII_DIGITS.test(digits)) throw new RangeError('Expected a non-empty string of ASCII digits.');
  return Array.from(digits, Number);
}

/** The Luhn (mod 10) check digit to append to `payload`: doubling starts at its rightmost digit. */
export function luhnCheckDigit(payload: string): number {
  const digits = toDigits(payload);
  let sum = 0;
  for (let i = digits.length - 1, double = true; i >= 0; i--, double = !double) {
    const digit = digits[i] ?? 0;
    const term = double ? digit * 2 : digit;
    sum += term > 9 ? term - 9 : term;
  }
  return (10 - (sum % 10)) % 10;
}

/** Whether the last digit of `digits` is the Luhn check digit of the digits before it. */
export function isLuhnValid(digits: string): boolean {
  if (!ASCII_DIGITS.test(digits) || digits.length < 2) return false;
  return luhnCheckDigit(digits.slice(0, -1)) === Number(digits.slice(-1));
}

/** The weighted digit sum of `digits` modulo 11; there must be exactly one weight per digit. */
export function mod11(digits: string, weights: readonly number[]): number {
  const values = toDigits(digits);
  if (values.length !== weights.length) {
    throw new RangeError(`Expected ${weights.length} digits, got ${values.length}.`);
  }
  return values.reduce((sum, digit, i) => sum + digit * (weights[i] ?? 0), 0) % 11;
}

/**
 * The mod 11 check digit for `payload`: 11 minus the remainder, where 11 becomes 0. Returns undefined
 * when that would be 10 (remainder 1): such a payload is never issued (Norwegian fødselsnummer and
 * organisasjonsnummer; the Danish CVR rule "weighted sum including the check digit ≡ 0" is the same).
 */
export function mod11CheckDigit(payload: string, weights: readonly number[]): number | undefined {
  const remainder = mod11(payload, weights);
  if (remainder === 0) return 0;
  return remainder === 1 ? undefined : 11 - remainder;
}
