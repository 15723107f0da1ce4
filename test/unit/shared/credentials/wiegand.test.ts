import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesToHex } from '../../../../src-shared/credentials/credential.js';
import {
  decodeWiegand,
  decodeWiegandBits,
  encodeWiegand,
  encodeWiegandBits,
  WIEGAND_LAYOUTS,
  WIEGAND_TECHNOLOGIES,
  wiegandBitsToBytes,
} from '../../../../src-shared/credentials/wiegand.js';
import { hex, wiegandCardArb } from './arbitraries.js';

// Worked by hand from HID's layouts (bit 1 sent first; bytes are the frame right-aligned):
// - H10301 FC 1 CN 1: bits 2-13 = 00000001 0000 hold one 1, so the even parity bit 1 is 1; bits 14-25 =
//   000000000001 hold one 1, already odd, so bit 26 is 0. Frame 1 00000001 0000000000000001 0.
// - H10301 FC 123 (01111011) CN 45678 (1011001001101110): bits 2-13 hold 6 + 3 = 9 ones -> bit 1 = 1;
//   bits 14-25 (001001101110) hold 6 -> bit 26 = 1.
// - Corporate 1000 FC 1 CN 1: ones at bits 14 and 34. Bit 2 (even over 3-4, 6-7, ..., 33-34) sees bit 34
//   -> 1. Bit 35 (odd over 2-3, 5-6, ..., 32-33) sees bits 2 and 14 -> even -> 1. Bit 1 (odd over 2-35)
//   sees bits 2, 14, 34, 35 -> even -> 1.
// - H10302 CN 1: one 1 at bit 36; bits 2-19 hold none -> bit 1 = 0; bits 19-36 hold one -> bit 37 = 0.
// - H10304 FC 1 CN 1: ones at bits 17 and 36 -> bit 1 = 1 (bits 2-19 hold one), bit 37 = 0.
const KNOWN = [
  ['wiegand26', 1, 1, '10000000100000000000000010', '02020002'],
  ['wiegand26', 123, 45678, '10111101110110010011011101', '02f764dd'],
  ['wiegand26', 0, 0, '00000000000000000000000001', '00000001'],
  ['wiegand35', 1, 1, '11000000000001000000000000000000011', '0600200003'],
  ['wiegand35', 4095, 1048575, `10${'1'.repeat(32)}0`, '05fffffffe'],
  ['wiegand37_h10302', 0, 1, `${'0'.repeat(35)}10`, '0000000002'],
  ['wiegand37_h10304', 1, 1, `1${'0'.repeat(15)}1${'0'.repeat(18)}10`, '1000100002'],
] as const;

describe('known Wiegand frames', () => {
  it.each(KNOWN)('%s FC %i CN %i', (technology, facilityCode, cardNumber, bits, frameHex) => {
    expect(encodeWiegandBits(technology, { facilityCode, cardNumber })).toEqual({ ok: true, value: bits });
    const bytes = encodeWiegand(technology, { facilityCode, cardNumber });
    expect(bytes.ok && bytesToHex(bytes.value)).toBe(frameHex);
    expect(decodeWiegand(technology, hex(frameHex))).toEqual({
      ok: true,
      value: { facilityCode, cardNumber },
    });
  });
});

const popcountParity = (value: bigint): bigint => {
  let ones = 0n;
  for (let rest = value; rest > 0n; rest >>= 1n) ones += rest & 1n;
  return ones & 1n;
};

// An independent model: the frame as one integer, parity from masks written out from HID's text.
function reference26(facilityCode: number, cardNumber: number): bigint {
  const data = (BigInt(facilityCode) << 16n) | BigInt(cardNumber);
  const even = popcountParity(data >> 12n);
  const odd = 1n ^ popcountParity(data & 0xfffn);
  return (even << 25n) | (data << 1n) | odd;
}

function reference35(facilityCode: number, cardNumber: number): bigint {
  let frame = ((BigInt(facilityCode) << 20n) | BigInt(cardNumber)) << 1n;
  frame |= popcountParity(frame & 0x1b6db6db6n) << 33n; // bit 2: bits 3-4, 6-7, ..., 33-34
  frame |= 1n ^ popcountParity(frame & 0x36db6db6cn); // bit 35: bits 2-3, 5-6, ..., 32-33
  frame |= (1n ^ popcountParity(frame)) << 34n; // bit 1: bits 2-35
  return frame;
}

describe('encodeWiegand', () => {
  it('agrees with an independent model for 26 and 35 bits', () => {
    const frameValue = (
      technology: 'wiegand26' | 'wiegand35',
      card: { facilityCode: number; cardNumber: number },
    ) => {
      const bits = encodeWiegandBits(technology, card);
      return bits.ok ? BigInt(`0b${bits.value}`) : undefined;
    };
    fc.assert(
      fc.property(wiegandCardArb('wiegand26'), (card) => {
        expect(frameValue('wiegand26', card)).toBe(reference26(card.facilityCode, card.cardNumber));
      }),
    );
    fc.assert(
      fc.property(wiegandCardArb('wiegand35'), (card) => {
        expect(frameValue('wiegand35', card)).toBe(reference35(card.facilityCode, card.cardNumber));
      }),
    );
  });

  it.each([
    [
      'wiegand26',
      256,
      1,
      '26-bit Wiegand (H10301): facility code 256 does not fit in 8 bits (the largest is 255)',
    ],
    [
      'wiegand26',
      1,
      65536,
      '26-bit Wiegand (H10301): card number 65536 does not fit in 16 bits (the largest is 65535)',
    ],
    [
      'wiegand35',
      4096,
      1,
      '35-bit Wiegand (Corporate 1000): facility code 4096 does not fit in 12 bits (the largest is 4095)',
    ],
    [
      'wiegand37_h10302',
      1,
      1,
      '37-bit Wiegand (H10302): facility code 1 does not fit in this format, which has none',
    ],
    [
      'wiegand37_h10304',
      0,
      524288,
      '37-bit Wiegand (H10304): card number 524288 does not fit in 19 bits (the largest is 524287)',
    ],
    [
      'wiegand26',
      -1,
      1,
      '26-bit Wiegand (H10301): facility code -1 does not fit in 8 bits (the largest is 255)',
    ],
    [
      'wiegand26',
      1.5,
      1,
      '26-bit Wiegand (H10301): facility code 1.5 does not fit in 8 bits (the largest is 255)',
    ],
  ] as const)('%s FC %d CN %d is refused', (technology, facilityCode, cardNumber, message) => {
    expect(encodeWiegand(technology, { facilityCode, cardNumber })).toEqual({
      ok: false,
      error: { code: 'out_of_range', message },
    });
  });
});

describe.each(WIEGAND_TECHNOLOGIES)('%s frames', (technology) => {
  const layout = WIEGAND_LAYOUTS[technology];

  it('round-trip facility code and card number', () => {
    fc.assert(
      fc.property(wiegandCardArb(technology), (card) => {
        const bytes = encodeWiegand(technology, card);
        expect(bytes.ok).toBe(true);
        if (bytes.ok) expect(decodeWiegand(technology, bytes.value)).toEqual({ ok: true, value: card });
      }),
    );
  });

  it('are refused with any one bit flipped, naming a parity bit', () => {
    const flip = fc.tuple(wiegandCardArb(technology), fc.integer({ min: 0, max: layout.bitLength - 1 }));
    fc.assert(
      fc.property(flip, ([card, position]) => {
        const bits = encodeWiegandBits(technology, card);
        if (!bits.ok) throw new Error(bits.error.message);
        const flipped = [...bits.value]
          .map((bit, i) => (i === position ? (bit === '0' ? '1' : '0') : bit))
          .join('');
        const result = decodeWiegandBits(technology, flipped);
        expect(result.ok).toBe(false);
        if (!result.ok) {
          expect(result.error.code).toBe('parity');
          expect(result.error.message).toMatch(
            /parity bit \(bit \d+\) is [01] but bits .* have an (even|odd) number of ones/,
          );
        }
      }),
    );
  });

  it('are refused as bytes with any one bit flipped, padding bits included', () => {
    const flip = fc.tuple(
      wiegandCardArb(technology),
      fc.nat({ max: Math.ceil(layout.bitLength / 8) * 8 - 1 }),
    );
    fc.assert(
      fc.property(flip, ([card, bit]) => {
        const bytes = encodeWiegand(technology, card);
        if (!bytes.ok) throw new Error(bytes.error.message);
        const flipped = Uint8Array.from(bytes.value);
        flipped[Math.floor(bit / 8)]! ^= 0x80 >> (bit % 8);
        const result = decodeWiegand(technology, flipped);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(['parity', 'out_of_range']).toContain(result.error.code);
      }),
    );
  });

  it('must be the right number of bits and bytes', () => {
    expect(decodeWiegandBits(technology, '0'.repeat(layout.bitLength - 1)).ok).toBe(false);
    expect(decodeWiegandBits(technology, '0'.repeat(layout.bitLength + 1)).ok).toBe(false);
    const bytes = new Uint8Array(Math.ceil(layout.bitLength / 8) + 1);
    const result = decodeWiegand(technology, bytes);
    expect(!result.ok && result.error.code).toBe('invalid_length');
  });
});

describe('parity messages', () => {
  it('say which parity bit failed and why', () => {
    expect(decodeWiegandBits('wiegand26', '00000000100000000000000010')).toEqual({
      ok: false,
      error: {
        code: 'parity',
        message:
          '26-bit Wiegand (H10301): the leading even parity bit (bit 1) is 0 but bits 2-13 have an odd number of ones',
      },
    });
    const trailing = decodeWiegandBits('wiegand26', '10000000100000000000000011');
    expect(!trailing.ok && trailing.error.message).toBe(
      '26-bit Wiegand (H10301): the trailing odd parity bit (bit 26) is 1 but bits 14-25 have an odd number of ones',
    );
  });

  it('Corporate 1000 checks bit 2, then bit 35, then bit 1', () => {
    const valid = '11000000000001000000000000000000011';
    const flipAt = (position: number) =>
      [...valid].map((bit, i) => (i === position - 1 ? (bit === '0' ? '1' : '0') : bit)).join('');
    const messageFor = (position: number) => {
      const result = decodeWiegandBits('wiegand35', flipAt(position));
      return result.ok ? '' : result.error.message;
    };
    expect(messageFor(2)).toContain('the second even parity bit (bit 2)');
    expect(messageFor(35)).toContain('the trailing odd parity bit (bit 35)');
    expect(messageFor(1)).toContain('the leading odd parity bit (bit 1)');
    expect(messageFor(5)).toContain('bit 35'); // bit 5 is covered by bit 35 and bit 1, not bit 2
  });

  it('refuses bits set above a right-aligned frame', () => {
    const result = decodeWiegand('wiegand26', hex('06020002'));
    expect(!result.ok && result.error.code).toBe('out_of_range');
    expect(() => wiegandBitsToBytes('wiegand26', '1'.repeat(40))).toThrow(RangeError);
  });
});
