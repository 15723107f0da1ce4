import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  generateOrganisationNumber,
  parseOrganisationNumber,
  type OrganisationCountry,
} from '../../../../src-shared/domain/organisation-number';

// Every check digit below was worked out by hand or with a separate script, not with the code under test.
describe('parseOrganisationNumber accepts valid numbers', () => {
  it.each<[string, OrganisationCountry, string, string]>([
    // input, country, canonical, display
    ['556016-0680', 'SE', '5560160680', '556016-0680'],
    ['5560125790', 'SE', '5560125790', '556012-5790'],
    ['556036-0793', 'SE', '5560360793', '556036-0793'],
    ['16556016-0680', 'SE', '5560160680', '556016-0680'],
    ['165560160680', 'SE', '5560160680', '556016-0680'],
    [' 556016 - 0680 ', 'SE', '5560160680', '556016-0680'],
    ['212000-1421', 'SE', '2120001421', '212000-1421'],
    // Sole traders use their personnummer or samordningsnummer.
    ['811218-9876', 'SE', '8112189876', '811218-9876'],
    ['19811218-9876', 'SE', '8112189876', '811218-9876'],
    ['121212+1212', 'SE', '1212121212', '121212-1212'],
    ['701063-2391', 'SE', '7010632391', '701063-2391'],
    ['24256790', 'DK', '24256790', '24256790'],
    ['22756214', 'DK', '22756214', '22756214'],
    ['61126228', 'DK', '61126228', '61126228'],
    ['10150817', 'DK', '10150817', '10150817'],
    ['2425 6790', 'DK', '24256790', '24256790'],
    ['923609016', 'NO', '923609016', '923 609 016'],
    ['974760673', 'NO', '974760673', '974 760 673'],
    ['984851006', 'NO', '984851006', '984 851 006'],
    [' 974 760 673\n', 'NO', '974760673', '974 760 673'],
  ])('%s (%s)', (input, country, canonical, display) => {
    expect(parseOrganisationNumber(input, country)).toEqual({
      ok: true,
      value: { country, canonical, display },
    });
  });
});

describe('parseOrganisationNumber rejects invalid numbers', () => {
  it.each<[string, OrganisationCountry, 'format' | 'checksum']>([
    ['556016-068', 'SE', 'format'],
    ['556016+0680', 'SE', 'format'], // only a personnummer may have '+'
    ['5513011238', 'SE', 'format'], // third digit 1 but no personnummer: month 13
    ['556016--0680', 'SE', 'format'],
    ['17556016-0680', 'SE', 'format'],
    ['556016-0681', 'SE', 'checksum'],
    ['16556016-0681', 'SE', 'checksum'],
    ['811218-9877', 'SE', 'checksum'],
    ['19811218-9877', 'SE', 'checksum'],
    ['01234567', 'DK', 'format'], // a CVR number never starts with 0
    ['2425679', 'DK', 'format'],
    ['242567901', 'DK', 'format'],
    ['DK24256790', 'DK', 'format'],
    ['24256791', 'DK', 'checksum'],
    ['92360901', 'NO', 'format'],
    ['9236090166', 'NO', 'format'],
    ['923-609-016', 'NO', 'format'],
    ['923609017', 'NO', 'checksum'],
    ['900000090', 'NO', 'checksum'], // remainder 1: no check digit fits
  ])('%s (%s) fails with %s', (input, country, code) => {
    const result = parseOrganisationNumber(input, country);
    expect(result).toMatchObject({ ok: false, error: { code } });
    if (!result.ok) expect(result.error.message).toMatch(/^[A-Z].+\.$/);
  });

  const hostile: [string, string][] = [
    ['empty', ''],
    ['blank', '  \t '],
    ['10 kB', '9'.repeat(10_240)],
    ['SQL', "1'; DROP TABLE organisations; --"],
    ['HTML', '<img src=x onerror=alert(1)>'],
    ['Arabic-Indic digits', '١٢٣'],
    ['Arabic-Indic CVR', '٢٤٢٥٦٧٩٠'],
    ['null byte', '24256790\u0000'],
    ['letters', '92360901x'],
  ];
  describe.each<OrganisationCountry>(['SE', 'DK', 'NO'])('for %s', (country) => {
    it.each(hostile)('rejects %s input as format', (_name, input) => {
      expect(parseOrganisationNumber(input, country)).toMatchObject({ ok: false, error: { code: 'format' } });
    });
  });

  it('rejects what is not a string or not a country without throwing', () => {
    expect(parseOrganisationNumber(undefined as unknown as string, 'NO')).toMatchObject({
      error: { code: 'format' },
    });
    expect(parseOrganisationNumber('24256790', 'FI' as OrganisationCountry)).toMatchObject({
      error: { code: 'format' },
    });
  });

  it('never throws, and accepts only numbers made of ASCII digits', () => {
    const anyText = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 30 }),
      fc.string({ unit: fc.constantFrom(...'0123456789 -+'), minLength: 7, maxLength: 14 }),
    );
    fc.assert(
      fc.property(anyText, fc.constantFrom<OrganisationCountry>('SE', 'DK', 'NO'), (input, country) => {
        const result = parseOrganisationNumber(input, country);
        if (result.ok) expect(result.value.canonical).toMatch(/^[0-9]+$/);
      }),
    );
  });
});

describe('generateOrganisationNumber', () => {
  const generated = fc.record({
    country: fc.constantFrom<OrganisationCountry>('SE', 'DK', 'NO'),
    serial: fc.integer(),
  });

  it('generates the same valid number for the same serial', () => {
    fc.assert(
      fc.property(generated, ({ country, serial }) => {
        const number = generateOrganisationNumber(country, serial);
        expect(generateOrganisationNumber(country, serial)).toBe(number);
        expect(parseOrganisationNumber(number, country)).toMatchObject({
          ok: true,
          value: { canonical: number },
        });
      }),
    );
  });

  it('gives distinct numbers for consecutive serials, skipping those without a check digit', () => {
    for (const country of ['SE', 'DK', 'NO'] as const) {
      const numbers = Array.from({ length: 50 }, (_, serial) => generateOrganisationNumber(country, serial));
      expect(new Set(numbers).size).toBeGreaterThan(40);
    }
    expect(generateOrganisationNumber('SE', 160)).toBe('5560001603');
    expect(generateOrganisationNumber('DK', 0)).toBe('30000005');
    expect(generateOrganisationNumber('NO', 0)).toBe('900000006');
    expect(generateOrganisationNumber('NO', 9)).toBe('900000103'); // 90000009 has remainder 1: skipped
    expect(() => generateOrganisationNumber('NO', Number.NaN)).toThrow(RangeError);
  });

  it('rejects any single changed digit', () => {
    fc.assert(
      fc.property(generated, fc.nat(), fc.integer({ min: 1, max: 9 }), ({ country, serial }, at, delta) => {
        const number = generateOrganisationNumber(country, serial);
        const i = at % number.length;
        const changed = `${number.slice(0, i)}${(Number(number[i]) + delta) % 10}${number.slice(i + 1)}`;
        expect(parseOrganisationNumber(changed, country).ok).toBe(false);
      }),
    );
  });
});
