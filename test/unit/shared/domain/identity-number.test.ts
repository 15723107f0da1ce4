import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  generateIdentityNumber,
  maskIdentityNumber,
  parseIdentityNumber,
  type IdentityCountry,
  type IdentityNumber,
  type IdentityNumberKind,
} from '../../../../src-shared/domain/identity-number';

const TODAY = new Date('2026-06-15T12:00:00Z');
const parse = (input: string, country: IdentityCountry, today = TODAY) =>
  parseIdentityNumber(input, country, { today });

function parsed(input: string, country: IdentityCountry): IdentityNumber {
  const result = parse(input, country);
  if (!result.ok) throw new Error(`${input} (${country}) was rejected: ${result.error.message}`);
  return result.value;
}

// Every check digit below was worked out by hand or with a separate script, not with the code under test.
describe('parseIdentityNumber accepts valid numbers', () => {
  it.each<[string, IdentityCountry, IdentityNumberKind, string, string, string]>([
    // input, country, kind, canonical, birthDate, display
    ['19121212-1212', 'SE', 'personnummer', '191212121212', '1912-12-12', '19121212-1212'],
    ['191212121212', 'SE', 'personnummer', '191212121212', '1912-12-12', '19121212-1212'],
    ['121212+1212', 'SE', 'personnummer', '191212121212', '1912-12-12', '19121212-1212'],
    // Without '+' the person is under 100, so in 2026 this is a child born in 2012.
    ['121212-1212', 'SE', 'personnummer', '201212121212', '2012-12-12', '20121212-1212'],
    ['1212121212', 'SE', 'personnummer', '201212121212', '2012-12-12', '20121212-1212'],
    [' 121212 - 1212\n', 'SE', 'personnummer', '201212121212', '2012-12-12', '20121212-1212'],
    ['811218-9876', 'SE', 'personnummer', '198112189876', '1981-12-18', '19811218-9876'],
    ['640823-3234', 'SE', 'personnummer', '196408233234', '1964-08-23', '19640823-3234'],
    ['000229-1235', 'SE', 'personnummer', '200002291235', '2000-02-29', '20000229-1235'],
    ['300101-1232', 'SE', 'personnummer', '193001011232', '1930-01-01', '19300101-1232'],
    ['260615-1237', 'SE', 'personnummer', '202606151237', '2026-06-15', '20260615-1237'],
    ['260616-1236', 'SE', 'personnummer', '192606161236', '1926-06-16', '19260616-1236'],
    ['701063-2391', 'SE', 'samordningsnummer', '197010632391', '1970-10-03', '19701063-2391'],
    ['810791-9873', 'SE', 'samordningsnummer', '198107919873', '1981-07-31', '19810791-9873'],
    ['070761-4285', 'DK', 'cpr', '0707614285', '1961-07-07', '070761-4285'],
    ['0707614285', 'DK', 'cpr', '0707614285', '1961-07-07', '070761-4285'],
    // Fails the old mod 11 check, which the CPR office stopped guaranteeing in 2007.
    ['070761-4286', 'DK', 'cpr', '0707614286', '1961-07-07', '070761-4286'],
    ['311299-3999', 'DK', 'cpr', '3112993999', '1999-12-31', '311299-3999'],
    ['290200-4321', 'DK', 'cpr', '2902004321', '2000-02-29', '290200-4321'],
    ['010137-9321', 'DK', 'cpr', '0101379321', '1937-01-01', '010137-9321'],
    ['010158-5321', 'DK', 'cpr', '0101585321', '1858-01-01', '010158-5321'],
    ['150626-4000', 'DK', 'cpr', '1506264000', '2026-06-15', '150626-4000'],
    ['01010750160', 'NO', 'fodselsnummer', '01010750160', '2007-01-01', '01010750160'],
    ['15076500565', 'NO', 'fodselsnummer', '15076500565', '1965-07-15', '15076500565'],
    ['17054026641', 'NO', 'fodselsnummer', '17054026641', '1940-05-17', '17054026641'],
    ['29029600013', 'NO', 'fodselsnummer', '29029600013', '1996-02-29', '29029600013'],
    ['29020050088', 'NO', 'fodselsnummer', '29020050088', '2000-02-29', '29020050088'],
    ['31129995044', 'NO', 'fodselsnummer', '31129995044', '1999-12-31', '31129995044'],
    ['01016060085', 'NO', 'fodselsnummer', '01016060085', '1860-01-01', '01016060085'],
    ['01012075002', 'NO', 'fodselsnummer', '01012075002', '2020-01-01', '01012075002'],
    ['15062650092', 'NO', 'fodselsnummer', '15062650092', '2026-06-15', '15062650092'],
    [' 170585 123 11 ', 'NO', 'fodselsnummer', '17058512311', '1985-05-17', '17058512311'],
    ['57058512305', 'NO', 'd_number', '57058512305', '1985-05-17', '57058512305'],
    ['71129912302', 'NO', 'd_number', '71129912302', '1999-12-31', '71129912302'],
  ])('%s (%s) is a %s', (input, country, kind, canonical, birthDate, display) => {
    expect(parsed(input, country)).toEqual({ country, kind, canonical, birthDate, display });
  });

  it('places a Swedish 10-digit number in the century that makes it the latest birth date not after today', () => {
    const in2010 = new Date('2010-01-01T00:00:00Z');
    expect(parse('121212-1212', 'SE', in2010)).toMatchObject({
      ok: true,
      value: { birthDate: '1912-12-12' },
    });
    expect(parse('121212+1212', 'SE', in2010)).toMatchObject({
      ok: true,
      value: { birthDate: '1812-12-12' },
    });
  });

  it('reads the canonical form it returns back to the same number', () => {
    for (const [input, country] of [
      ['701063-2391', 'SE'],
      ['070761-4285', 'DK'],
      ['57058512305', 'NO'],
    ] as const) {
      const value = parsed(input, country);
      expect(parsed(value.canonical, country)).toEqual(value);
      expect(parsed(value.display, country)).toEqual(value);
    }
  });
});

describe('parseIdentityNumber rejects invalid numbers', () => {
  it.each<[string, IdentityCountry, 'format' | 'date' | 'checksum' | 'future']>([
    ['19121212+1212', 'SE', 'format'], // '+' only means something without the century
    ['121212/1212', 'SE', 'format'],
    ['121212--1212', 'SE', 'format'],
    ['12121-21212', 'SE', 'format'],
    ['121212\t1212', 'SE', 'format'],
    ['12121212', 'SE', 'format'],
    ['070761+4285', 'DK', 'format'],
    ['0707-614285', 'DK', 'format'],
    ['07076142851', 'DK', 'format'],
    ['0101075016', 'NO', 'format'],
    ['010107-50160', 'NO', 'format'],
    ['19121212-1213', 'SE', 'checksum'],
    ['121212-1213', 'SE', 'checksum'],
    ['701063-2392', 'SE', 'checksum'],
    ['17058512312', 'NO', 'checksum'],
    ['17058512321', 'NO', 'checksum'],
    ['17058512100', 'NO', 'checksum'], // individual number 121 would need a first check digit of 10
    ['191301-1233', 'SE', 'date'], // month 13
    ['191232-1237', 'SE', 'date'], // day 32
    ['000229+1235', 'SE', 'date'], // 1900 was not a leap year
    ['19000229-1235', 'SE', 'date'],
    ['17121212-1212', 'SE', 'date'], // before 1800
    ['320161-4285', 'DK', 'date'],
    ['011361-4285', 'DK', 'date'],
    ['000161-4285', 'DK', 'date'],
    ['290200-0321', 'DK', 'date'], // 7th digit 0: 1900, not a leap year
    ['32018512318', 'NO', 'date'],
    ['01138512394', 'NO', 'date'],
    ['29020010027', 'NO', 'date'], // individual number 100: 1900, not a leap year
    ['72018512301', 'NO', 'date'], // D-number with day 32
    ['17458512485', 'NO', 'date'], // H-number: month + 40
    ['17858512387', 'NO', 'date'], // synthetic test number: month + 80
    ['17058580007', 'NO', 'date'], // individual number 800 is never issued for 1940-1999
    ['20300101-1232', 'SE', 'future'],
    ['010136-9321', 'DK', 'future'],
    ['010157-5321', 'DK', 'future'],
    ['160626-4321', 'DK', 'future'],
    ['01013999984', 'NO', 'future'],
    ['16062650021', 'NO', 'future'],
  ])('%s (%s) fails with %s', (input, country, code) => {
    const result = parse(input, country);
    expect(result).toMatchObject({ ok: false, error: { code } });
    if (!result.ok) expect(result.error.message).toMatch(/^[A-Z].+\.$/);
  });

  const hostile: [string, string][] = [
    ['empty', ''],
    ['blank', '   '],
    ['10 kB', '1'.repeat(10_240)],
    ['22 characters', `121212-1212${' '.repeat(10)}0`],
    ['SQL', "1'; DROP TABLE holders; --"],
    ['HTML', '<script>alert(1)</script>'],
    ['Arabic-Indic digits', '١٢٣'],
    ['Arabic-Indic personnummer', '١٢١٢١٢-١٢١٢'],
    ['full-width digits', '１２１２１２１２１２'],
    ['null byte', '121212-1212\u0000'],
    ['only a null byte', '\u0000'],
    ['letters', '12121a-1212'],
  ];
  describe.each<IdentityCountry>(['SE', 'DK', 'NO'])('for %s', (country) => {
    it.each(hostile)('rejects %s input as format', (_name, input) => {
      expect(parse(input, country)).toMatchObject({ ok: false, error: { code: 'format' } });
    });
  });

  it('rejects what is not a string or not a country without throwing', () => {
    expect(parseIdentityNumber(null as unknown as string, 'SE')).toMatchObject({ error: { code: 'format' } });
    expect(parseIdentityNumber('121212-1212', 'FI' as IdentityCountry)).toMatchObject({
      error: { code: 'format' },
    });
    expect(parseIdentityNumber('121212-1212', 'toString' as IdentityCountry)).toMatchObject({ ok: false });
  });

  const anyText = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 30 }),
    fc.string({ unit: fc.constantFrom(...'0123456789 -+'), minLength: 8, maxLength: 16 }),
  );
  it('never throws, and accepts only numbers made of ASCII digits', () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom<IdentityCountry>('SE', 'DK', 'NO'), (input, country) => {
        const result = parse(input, country);
        if (result.ok) expect(result.value.canonical).toMatch(/^[0-9]+$/);
      }),
    );
  });
});

describe('maskIdentityNumber', () => {
  it('shows the birth date part and hides the rest', () => {
    expect(maskIdentityNumber(parsed('19121212-1212', 'SE'))).toBe('19121212-****');
    expect(maskIdentityNumber(parsed('701063-2391', 'SE'))).toBe('19701063-****');
    expect(maskIdentityNumber(parsed('070761-4285', 'DK'))).toBe('070761-****');
    expect(maskIdentityNumber(parsed('17058512311', 'NO'))).toBe('170585*****');
  });
});

const KINDS: [IdentityCountry, IdentityNumberKind, Date][] = [
  ['SE', 'personnummer', new Date('1800-01-01T00:00:00Z')],
  ['SE', 'samordningsnummer', new Date('1800-01-01T00:00:00Z')],
  ['DK', 'cpr', new Date('1858-01-01T00:00:00Z')],
  ['NO', 'fodselsnummer', new Date('1854-01-01T00:00:00Z')],
  ['NO', 'd_number', new Date('1854-01-01T00:00:00Z')],
];
const generatedCase = fc.constantFrom(...KINDS).chain(([country, kind, min]) =>
  fc.record({
    country: fc.constant(country),
    kind: fc.constant(kind),
    birth: fc.date({ min, max: TODAY, noInvalidDate: true }),
    serial: fc.integer(),
  }),
);

describe('generateIdentityNumber', () => {
  it('generates numbers that parse back with the same kind and birth date', () => {
    fc.assert(
      fc.property(generatedCase, ({ country, kind, birth, serial }) => {
        const number = generateIdentityNumber(country, birth, serial, kind);
        expect(generateIdentityNumber(country, birth, serial, kind)).toBe(number);
        expect(parsed(number, country)).toMatchObject({
          kind,
          canonical: number,
          birthDate: birth.toISOString().slice(0, 10),
        });
      }),
    );
  });

  it('defaults to the ordinary kind and gives different numbers for nearby serials', () => {
    const birth = new Date('1985-05-17');
    expect(generateIdentityNumber('SE', birth, 123)).toBe('198505171234');
    expect(generateIdentityNumber('NO', birth, 0)).toMatch(/^170585/);
    expect(generateIdentityNumber('DK', birth, 1001)).toBe('1705851001');
    const serials = [0, 1, 2, 3, 4, 5].map((serial) => generateIdentityNumber('NO', birth, serial));
    expect(new Set(serials).size).toBeGreaterThan(4);
  });

  it('refuses impossible requests', () => {
    expect(() => generateIdentityNumber('SE', new Date('1985-05-17'), 1, 'cpr')).toThrow(RangeError);
    expect(() => generateIdentityNumber('NO', new Date('1850-05-17'), 1)).toThrow(RangeError);
    expect(() => generateIdentityNumber('DK', new Date('2070-05-17'), 1)).toThrow(RangeError);
    expect(() => generateIdentityNumber('SE', new Date('nonsense'), 1)).toThrow(RangeError);
    expect(() => generateIdentityNumber('SE', new Date('1985-05-17'), 1.5)).toThrow(RangeError);
  });
});

describe('properties of valid numbers', () => {
  const validNumber = generatedCase.map(({ country, kind, birth, serial }) => ({
    country,
    number: generateIdentityNumber(country, birth, serial, kind),
  }));

  // The Swedish check digit covers YYMMDDNNNC only: a changed century can be another valid number.
  it('rejects any single changed digit of a Swedish or Norwegian number', () => {
    const checked = validNumber.filter(({ country }) => country !== 'DK');
    fc.assert(
      fc.property(checked, fc.nat(), fc.integer({ min: 1, max: 9 }), ({ country, number }, at, delta) => {
        const first = country === 'SE' ? 2 : 0;
        const i = first + (at % (number.length - first));
        const changed = `${number.slice(0, i)}${(Number(number[i]) + delta) % 10}${number.slice(i + 1)}`;
        expect(parse(changed, country).ok).toBe(false);
      }),
    );
  });

  it('masks so that nothing of the hidden digits shows', () => {
    fc.assert(
      fc.property(generatedCase, fc.integer(), ({ country, kind, birth, serial }, otherSerial) => {
        const value = parsed(generateIdentityNumber(country, birth, serial, kind), country);
        const other = parsed(generateIdentityNumber(country, birth, otherSerial, kind), country);
        const mask = maskIdentityNumber(value);
        expect(mask.endsWith('****')).toBe(true);
        expect(mask).toHaveLength(value.display.length);
        expect(mask).toBe(maskIdentityNumber(other));
      }),
    );
  });
});
