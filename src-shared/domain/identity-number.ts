// National identity numbers of Sweden, Denmark and Norway: parse and validate what a person types,
// mask it for display (DESIGN.md section 9) and generate valid ones for demo data.
// Calendar dates (a birth date, `today`) are read in UTC so a result never depends on the machine's
// time zone: pass `new Date('1990-05-17')` or `Date.UTC(...)` for a day.

import { isLuhnValid, luhnCheckDigit, mod11CheckDigit } from './checksums';

export type IdentityCountry = 'SE' | 'DK' | 'NO';
export type IdentityNumberKind = 'personnummer' | 'samordningsnummer' | 'cpr' | 'fodselsnummer' | 'd_number';

export interface IdentityNumber {
  country: IdentityCountry;
  kind: IdentityNumberKind;
  /** Digits only, as issued (a samordningsnummer or D-number keeps its shifted day); SE always 12 digits. */
  canonical: string;
  /** The real birth date, YYYY-MM-DD. */
  birthDate: string;
  /** SE `YYYYMMDD-NNNN`, DK `DDMMYY-NNNN`, NO `DDMMYYNNNNN`. */
  display: string;
}

export type IdentityNumberErrorCode = 'format' | 'date' | 'checksum' | 'future';
export interface IdentityNumberError {
  code: IdentityNumberErrorCode;
  message: string;
}
export type IdentityNumberResult =
  { ok: true; value: IdentityNumber } | { ok: false; error: IdentityNumberError };

interface CalendarDate {
  year: number;
  month: number;
  day: number;
}
type Failure = { ok: false; error: IdentityNumberError };
type Parsed = { ok: true; kind: IdentityNumberKind; canonical: string; birth: CalendarDate; display: string };

const MAX_INPUT_LENGTH = 20;
/** Skatteverket's samordningsnummer adds 60 to the day; Norway's D-number adds 40. */
const SAMORDNING_DAY_OFFSET = 60;
const D_NUMBER_DAY_OFFSET = 40;
/** The earliest birth year accepted for a 12-digit Swedish number (personnummer began in 1947). */
const EARLIEST_SWEDISH_YEAR = 1800;
const DAY_OFFSETS: Partial<Record<IdentityNumberKind, number>> = {
  samordningsnummer: SAMORDNING_DAY_OFFSET,
  d_number: D_NUMBER_DAY_OFFSET,
};
const NO_WEIGHTS_K1 = [3, 7, 6, 1, 8, 9, 4, 5, 2] as const;
const NO_WEIGHTS_K2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2] as const;

const FORMAT_MESSAGES: Record<IdentityCountry, string> = {
  SE: 'A Swedish personnummer is written YYMMDD-NNNN, YYMMDD+NNNN, YYYYMMDD-NNNN or as 10 or 12 digits.',
  DK: 'A Danish CPR number is written DDMMYY-SSSS or as 10 digits.',
  NO: 'A Norwegian fødselsnummer is 11 digits, DDMMYYIIIKK.',
};

function fail(code: IdentityNumberErrorCode, message: string): Failure {
  return { ok: false, error: { code, message } };
}

/**
 * Parses a national identity number. Whitespace around and spaces inside are ignored; any other
 * character, or more than 20 characters, is a 'format' error.
 */
export function parseIdentityNumber(
  input: string,
  country: IdentityCountry,
  options: { today?: Date } = {},
): IdentityNumberResult {
  // Checked at runtime as well: this is the edge where untyped input arrives.
  if (typeof input !== 'string' || !Object.hasOwn(FORMAT_MESSAGES, country)) {
    return fail('format', 'Expected an identity number as text for SE, DK or NO.');
  }
  const trimmed = input.trim();
  if (trimmed.length > MAX_INPUT_LENGTH) return fail('format', FORMAT_MESSAGES[country]);
  const compact = trimmed.replaceAll(' ', '');
  const today = utcCalendarDate(options.today ?? new Date());
  if (today === undefined) return fail('format', 'The current date given is not a valid date.');

  const parsed =
    country === 'SE'
      ? parseSwedish(compact, today)
      : country === 'DK'
        ? parseDanish(compact)
        : parseNorwegian(compact);
  if (!parsed.ok) return parsed;
  if (compareDates(parsed.birth, today) > 0) {
    return fail('future', 'The birth date in this identity number is in the future.');
  }
  const { kind, canonical, display } = parsed;
  return { ok: true, value: { country, kind, canonical, birthDate: isoDate(parsed.birth), display } };
}

function parseSwedish(compact: string, today: CalendarDate): Parsed | Failure {
  const match = /^([0-9]{2})?([0-9]{6})([-+]?)([0-9]{4})$/.exec(compact);
  const [, century, date = '', separator, serial = ''] = match ?? [];
  if (match === null || (century !== undefined && separator === '+')) {
    return fail('format', FORMAT_MESSAGES.SE);
  }
  // The check digit covers the 10-digit form YYMMDDNNNC only, never the century.
  if (!isLuhnValid(date + serial)) return fail('checksum', 'The check digit of this personnummer is wrong.');

  const yy = Number(date.slice(0, 2));
  const month = Number(date.slice(2, 4));
  const dayField = Number(date.slice(4, 6));
  const isSamordning = dayField > SAMORDNING_DAY_OFFSET;
  const day = isSamordning ? dayField - SAMORDNING_DAY_OFFSET : dayField;
  const year =
    century !== undefined
      ? Number(century) * 100 + yy
      : swedishYear(yy, month, day, separator === '+', today);
  const birth = { year, month, day };
  if (!isValidDate(birth) || year < EARLIEST_SWEDISH_YEAR) {
    return fail('date', 'The birth date in this personnummer does not exist.');
  }
  const canonical = `${year}${date.slice(2)}${serial}`;
  return {
    ok: true,
    kind: isSamordning ? 'samordningsnummer' : 'personnummer',
    canonical,
    birth,
    display: `${canonical.slice(0, 8)}-${serial}`,
  };
}

/**
 * The 10-digit form has no century: '-' means the person is under 100 (the latest such year that is
 * not after today), '+' means 100 or older (a century earlier).
 */
function swedishYear(yy: number, month: number, day: number, isCentenarian: boolean, today: CalendarDate) {
  let year = today.year - (today.year % 100) + yy;
  if (compareDates({ year, month, day }, today) > 0) year -= 100;
  return isCentenarian ? year - 100 : year;
}

// The CPR office has issued numbers that fail the old mod 11 check since 2007 (it ran out of them
// for some birth dates), so the number has no check digit: only the format and the date are checked.
function parseDanish(compact: string): Parsed | Failure {
  if (!/^[0-9]{6}-?[0-9]{4}$/.test(compact)) return fail('format', FORMAT_MESSAGES.DK);
  const digits = compact.replace('-', '');
  const yy = Number(digits.slice(4, 6));
  const birth = {
    year: danishCentury(Number(digits[6]), yy) + yy,
    month: Number(digits.slice(2, 4)),
    day: Number(digits.slice(0, 2)),
  };
  if (!isValidDate(birth)) return fail('date', 'The birth date in this CPR number does not exist.');
  return {
    ok: true,
    kind: 'cpr',
    canonical: digits,
    birth,
    display: `${digits.slice(0, 6)}-${digits.slice(6)}`,
  };
}

/** The CPR office's rule: the first digit of the serial number tells the century of the birth year. */
function danishCentury(seventhDigit: number, yy: number): number {
  if (seventhDigit <= 3) return 1900;
  if (seventhDigit === 4 || seventhDigit === 9) return yy <= 36 ? 2000 : 1900;
  return yy <= 57 ? 2000 : 1800;
}

function parseNorwegian(compact: string): Parsed | Failure {
  if (!/^[0-9]{11}$/.test(compact)) return fail('format', FORMAT_MESSAGES.NO);
  if (norwegianCheckDigits(compact.slice(0, 9)) !== compact.slice(9)) {
    return fail('checksum', 'The check digits of this fødselsnummer are wrong.');
  }
  const dayField = Number(compact.slice(0, 2));
  const yy = Number(compact.slice(4, 6));
  const isDNumber = dayField > D_NUMBER_DAY_OFFSET;
  const century = norwegianCentury(Number(compact.slice(6, 9)), yy);
  if (century === undefined) {
    return fail('date', 'The individual number of this fødselsnummer does not fit its birth year.');
  }
  // Month + 40 (H-numbers) and month + 80 (Skatteetaten's synthetic test numbers) fail here on purpose.
  const birth = {
    year: century + yy,
    month: Number(compact.slice(2, 4)),
    day: isDNumber ? dayField - D_NUMBER_DAY_OFFSET : dayField,
  };
  if (!isValidDate(birth)) return fail('date', 'The birth date in this fødselsnummer does not exist.');
  return {
    ok: true,
    kind: isDNumber ? 'd_number' : 'fodselsnummer',
    canonical: compact,
    birth,
    display: compact,
  };
}

/**
 * Both mod 11 check digits for the first nine digits, or undefined when a check digit would be 10.
 * Numbers issued from 1 January 2032 use a new control calculation (the first check accepts remainders
 * 0 to 3) and a new reading of the birth date (skatteetaten.no, "Nye fødselsnummer og d-nummer fra
 * 2032"): this implements the rule in force until then.
 */
function norwegianCheckDigits(firstNine: string): string | undefined {
  const k1 = mod11CheckDigit(firstNine, NO_WEIGHTS_K1);
  if (k1 === undefined) return undefined;
  const k2 = mod11CheckDigit(`${firstNine}${k1}`, NO_WEIGHTS_K2);
  return k2 === undefined ? undefined : `${k1}${k2}`;
}

/** Skatteetaten's rule: the individual number tells the century; some combinations are never issued. */
function norwegianCentury(individual: number, yy: number): number | undefined {
  if (individual <= 499) return 1900;
  if (individual <= 749 && yy >= 54) return 1800;
  if (yy <= 39) return 2000;
  if (individual >= 900) return 1900;
  return undefined;
}

/** The number with everything after the birth date hidden: SE `YYYYMMDD-****`, DK `DDMMYY-****`, NO `DDMMYY*****`. */
export function maskIdentityNumber(value: IdentityNumber): string {
  switch (value.country) {
    case 'SE':
      return `${value.canonical.slice(0, 8)}-****`;
    case 'DK':
      return `${value.canonical.slice(0, 6)}-****`;
    case 'NO':
      return `${value.canonical.slice(0, 6)}*****`;
  }
}

const KINDS: Record<IdentityCountry, readonly [IdentityNumberKind, ...IdentityNumberKind[]]> = {
  SE: ['personnummer', 'samordningsnummer'],
  DK: ['cpr'],
  NO: ['fodselsnummer', 'd_number'],
};

/**
 * A valid number (canonical form) for a birth date, for demo data and tests. The same arguments always
 * give the same number; `serial` picks the individual digits and wraps around when it runs past them.
 * Throws a RangeError for a kind of another country or a birth year the country's numbers cannot hold.
 * A birth date after today gives a number that parseIdentityNumber rejects as 'future'.
 */
export function generateIdentityNumber(
  country: IdentityCountry,
  birthDate: Date,
  serial: number,
  kind: IdentityNumberKind = KINDS[country][0],
): string {
  const birth = utcCalendarDate(birthDate);
  if (birth === undefined) throw new RangeError('The birth date is not a valid date.');
  if (!KINDS[country].includes(kind)) {
    throw new RangeError(`A ${country} identity number cannot be a ${kind}.`);
  }
  if (!Number.isSafeInteger(serial)) throw new RangeError('The serial must be an integer.');
  const { year } = birth;
  const yy = pad(year % 100, 2);
  const mm = pad(birth.month, 2);
  const dayOffset = DAY_OFFSETS[kind] ?? 0;
  const dd = pad(birth.day + dayOffset, 2);

  if (country === 'SE') {
    if (year < EARLIEST_SWEDISH_YEAR || year > 9999) throw new RangeError(`No personnummer for ${year}.`);
    const payload = `${yy}${mm}${dd}${pad(wrap(serial, 1000), 3)}`;
    return `${Math.floor(year / 100)}${payload}${luhnCheckDigit(payload)}`;
  }
  const centuryStart = year - (year % 100);
  if (country === 'DK') {
    const seventhDigits = range(10).filter((digit) => danishCentury(digit, year % 100) === centuryStart);
    if (seventhDigits.length === 0) throw new RangeError(`No CPR number for ${year}.`);
    const index = wrap(serial, seventhDigits.length * 1000);
    return `${dd}${mm}${yy}${seventhDigits[Math.floor(index / 1000)]}${pad(index % 1000, 3)}`;
  }
  const individuals = range(1000).filter(
    (individual) => norwegianCentury(individual, year % 100) === centuryStart,
  );
  if (individuals.length === 0) throw new RangeError(`No fødselsnummer for ${year}.`);
  // About one individual number in six gives a check digit of 10 and is never issued: serial n
  // selects the n-th issuable number of the day, so distinct serials give distinct numbers.
  const issuable = individuals
    .map((individual) => `${dd}${mm}${yy}${pad(individual, 3)}`)
    .map((firstNine) => ({ firstNine, checkDigits: norwegianCheckDigits(firstNine) }))
    .filter((candidate) => candidate.checkDigits !== undefined);
  const chosen = issuable[wrap(serial, issuable.length)];
  if (chosen) return `${chosen.firstNine}${chosen.checkDigits}`;
  throw new RangeError(`No valid fødselsnummer for ${isoDate(birth)}.`);
}

function utcCalendarDate(date: Date): CalendarDate | undefined {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) return undefined;
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function isValidDate({ year, month, day }: CalendarDate): boolean {
  if (!Number.isInteger(year) || month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return day <= daysInMonth;
}

function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

function isoDate({ year, month, day }: CalendarDate): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function wrap(value: number, modulus: number): number {
  return ((value % modulus) + modulus) % modulus;
}

function range(length: number): number[] {
  return Array.from({ length }, (_, i) => i);
}
