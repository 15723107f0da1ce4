import { describe, expect, it } from 'vitest';
import { parseAtr, type Atr, type AtrErrorCode } from '../../../../src-shared/credentials/atr';

function hex(text: string): Uint8Array {
  return Uint8Array.from(text.trim().split(/\s+/), (pair) => Number.parseInt(pair, 16));
}

function parsed(text: string): Atr {
  const result = parseAtr(hex(text));
  if (!result.ok) throw new Error(`expected ${text} to parse: ${result.error.message}`);
  return result.value;
}

function errorCode(bytes: Uint8Array): AtrErrorCode {
  const result = parseAtr(bytes);
  if (result.ok) throw new Error('expected an error');
  return result.error.code;
}

describe('parseAtr: contactless storage cards (PC/SC part 3)', () => {
  it.each([
    ['3B 8F 80 01 80 4F 0C A0 00 00 03 06 03 00 01 00 00 00 00 6A', 'mifare_classic_1k', 'MIFARE Classic 1K'],
    ['3B 8F 80 01 80 4F 0C A0 00 00 03 06 03 00 02 00 00 00 00 69', 'mifare_classic_4k', 'MIFARE Classic 4K'],
    ['3B 8F 80 01 80 4F 0C A0 00 00 03 06 03 00 03 00 00 00 00 68', 'mifare_ultralight', 'MIFARE Ultralight'],
    ['3B 8F 80 01 80 4F 0C A0 00 00 03 06 03 00 26 00 00 00 00 4D', 'mifare_mini', 'MIFARE Mini'],
    [
      '3B 8F 80 01 80 4F 0C A0 00 00 03 06 03 00 3A 00 00 00 00 51',
      'mifare_ultralight_c',
      'MIFARE Ultralight C',
    ],
    ['3B 8F 80 01 80 4F 0C A0 00 00 03 06 11 00 3B 00 00 00 00 42', 'felica', 'FeliCa'],
  ])('%s is %s', (text, cardType, cardName) => {
    const atr = parsed(text);
    expect(atr.cardType).toBe(cardType);
    expect(atr.cardName).toBe(cardName);
    expect(atr.isContactless).toBe(true);
    expect(atr.protocols).toEqual([0, 1]);
    expect(atr.historicalBytes).toHaveLength(15);
    expect(atr.tck).toBe(hex(text).at(-1));
  });

  it('reads the standard byte and names an unmapped card name code', () => {
    const atr = parsed('3B 8F 80 01 80 4F 0C A0 00 00 03 06 0B 00 12 00 00 00 00 71');
    expect(atr.cardType).toBe('storage_card');
    expect(atr.cardName).toBe('contactless storage card (PC/SC card name 0012)');
    expect(atr.storage).toEqual({ standard: 0x0b, standardName: 'ISO 15693 part 3', cardNameCode: 0x12 });
  });
});

describe('parseAtr: ISO 14443-4 cards', () => {
  it('names MIFARE DESFire from its single historical byte 80', () => {
    const atr = parsed('3B 81 80 01 80 80');
    expect(atr).toMatchObject({
      cardType: 'desfire',
      cardName: 'MIFARE DESFire',
      isContactless: true,
      tck: 0x80,
    });
    expect(atr.historicalBytes).toEqual(Uint8Array.of(0x80));
    expect(atr.interfaceBytes).toEqual([{ td: 0x80 }, { td: 0x01 }]);
  });

  it('takes other historical bytes for a generic ISO 14443-4 card', () => {
    // A Java Card whose ATS carries "JCOP41V22" style historical bytes.
    const body = hex('3B 88 80 01 4A 43 4F 50 34 31 56 32');
    const tck = body.subarray(1).reduce((sum, byte) => sum ^ byte, 0);
    const atr = parsed([...body, tck].map((byte) => byte.toString(16)).join(' '));
    expect(atr.cardType).toBe('iso14443_4');
    expect(new TextDecoder().decode(atr.historicalBytes)).toBe('JCOP41V2');
  });
});

describe('parseAtr: contact ISO 7816 cards', () => {
  it('walks TA1..TD1, TD2 and TA3, TB3 of a JCOP card (T=1, with TCK)', () => {
    const atr = parsed('3B F8 18 00 FF 81 31 FE 45 4A 43 4F 50 76 32 34 31 43');
    expect(atr.cardType).toBe('iso7816');
    expect(atr.isContactless).toBe(false);
    expect(atr.interfaceBytes).toEqual([
      { ta: 0x18, tb: 0x00, tc: 0xff, td: 0x81 },
      { td: 0x31 },
      { ta: 0xfe, tb: 0x45 },
    ]);
    expect(atr.protocols).toEqual([1, 1]);
    expect(new TextDecoder().decode(atr.historicalBytes)).toBe('JCOPv241');
    expect(atr.tck).toBe(0x43);
  });

  it('has no TCK when only T=0 is offered', () => {
    const atr = parsed('3B 02 14 50');
    expect(atr).toMatchObject({ cardType: 'iso7816', protocols: [0], convention: 'direct' });
    expect(atr.tck).toBeUndefined();
    expect(atr.historicalBytes).toEqual(Uint8Array.of(0x14, 0x50));
  });

  it('accepts the inverse convention (TS 3F)', () => {
    const atr = parsed('3F 65 25 08 33 04 20 90 00');
    expect(atr.convention).toBe('inverse');
    expect(atr.interfaceBytes).toEqual([{ tb: 0x25, tc: 0x08 }]);
    expect(atr.historicalBytes).toEqual(hex('33 04 20 90 00'));
  });

  it('does not take a contact card that only looks similar for a contactless one', () => {
    // T0 = 8F but TD1 = 81 (T=1): not the reader-built layout.
    const body = hex('3B 8F 81 01 80 4F 0C A0 00 00 03 06 03 00 01 00 00 00 00');
    const tck = body.subarray(1).reduce((sum, byte) => sum ^ byte, 0);
    const result = parseAtr(Uint8Array.of(...body, tck));
    expect(result.ok && result.value.cardType).toBe('iso7816');
  });
});

describe('parseAtr: malformed ATRs give an error value', () => {
  it.each<[string, Uint8Array, AtrErrorCode]>([
    ['empty', new Uint8Array(0), 'too_short'],
    ['one byte', hex('3B'), 'too_short'],
    ['34 bytes', new Uint8Array(34).fill(0x3b), 'too_long'],
    ['a bad TS', hex('3A 00'), 'invalid_ts'],
    ['garbage', hex('FF FF FF FF'), 'invalid_ts'],
    ['TD1 announced but missing', hex('3B 80'), 'truncated'],
    ['TB1 announced but missing after TA1', hex('3B 30 11'), 'truncated'],
    ['TD2 missing', hex('3B 81 80'), 'truncated'],
    ['historical bytes missing', hex('3B 8F 80 01 80 4F 0C'), 'truncated'],
    ['TCK missing', hex('3B 81 80 01 80'), 'truncated'],
    ['a bad TCK', hex('3B 81 80 01 80 81'), 'bad_checksum'],
    [
      'a flipped bit in a MIFARE ATR',
      hex('3B 8F 80 01 80 4F 0C A0 00 00 03 06 03 00 01 00 00 00 01 6A'),
      'bad_checksum',
    ],
    ['trailing bytes', hex('3B 02 14 50 00'), 'trailing_bytes'],
  ])('%s', (_name, bytes, code) => {
    expect(errorCode(bytes)).toBe(code);
    const result = parseAtr(bytes);
    expect(result.ok === false && result.error.message.length).toBeGreaterThan(10);
  });

  it('never throws on random input', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let run = 0; run < 5000; run += 1) {
      const bytes = Uint8Array.from({ length: Math.floor(random() * 40) }, () => Math.floor(random() * 256));
      if (bytes.length > 0 && random() < 0.7) bytes[0] = 0x3b;
      expect(() => parseAtr(bytes)).not.toThrow();
    }
  });

  it('does not keep a reference to the caller buffer', () => {
    const bytes = hex('3B 81 80 01 80 80');
    const result = parseAtr(bytes);
    bytes[5] = 0;
    const atr = result.ok ? result.value : null;
    expect(atr?.bytes[5]).toBe(0x80);
  });
});
