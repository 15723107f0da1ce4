// Wiegand frame layouts (HID's public format descriptions), encoding facility code + card number into
// a frame with its parity bits, and decoding a frame back while checking every parity bit.
//
// Bits are numbered 1..n in transmission order, as HID's documents number them: bit 1 is sent first.
// A Wiegand credential's bytes are the whole frame, parity included, RIGHT-aligned: the frame read as
// an unsigned integer (bit 1 most significant, bit n the least), big-endian in ceil(n/8) bytes, with
// the spare high bits of the first byte zero. So 26 bits are 4 bytes, 35 and 37 bits are 5 bytes, and
// the hex of the bytes is the "raw hex" many readers and tools print.

import { bigIntToBytes, bytesToBigInt, fail, ok, type Result } from './credential.js';

export const WIEGAND_TECHNOLOGIES = [
  'wiegand26',
  'wiegand35',
  'wiegand37_h10302',
  'wiegand37_h10304',
] as const;
export type WiegandTechnology = (typeof WIEGAND_TECHNOLOGIES)[number];

export function isWiegandTechnology(technology: string): technology is WiegandTechnology {
  return (WIEGAND_TECHNOLOGIES as readonly string[]).includes(technology);
}

interface WiegandField {
  /** First bit (1-based, transmission order) and width. */
  start: number;
  length: number;
}

interface ParityBit {
  position: number;
  kind: 'even' | 'odd';
  /** The bits this parity bit covers (1-based), not including itself. */
  covers: readonly number[];
  /** For messages: "the leading even parity bit (bit 1)". */
  name: string;
  /** For messages: "bits 2-13". */
  coverage: string;
}

export interface WiegandLayout {
  technology: WiegandTechnology;
  label: string;
  bitLength: number;
  facilityCode?: WiegandField;
  cardNumber: WiegandField;
  /** In the order they are computed: a later parity bit may cover an earlier one. */
  parityBits: readonly ParityBit[];
}

export interface WiegandCard {
  /** 0 for layouts without a facility code (H10302). */
  facilityCode: number;
  cardNumber: number;
}

const range = (from: number, to: number): number[] =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

// H10302 and H10304 share this parity: even over bits 2-19, odd over bits 19-36 (bit 19 is in both).
const parity37: readonly ParityBit[] = [
  {
    position: 1,
    kind: 'even',
    covers: range(2, 19),
    name: 'the leading even parity bit (bit 1)',
    coverage: 'bits 2-19',
  },
  {
    position: 37,
    kind: 'odd',
    covers: range(19, 36),
    name: 'the trailing odd parity bit (bit 37)',
    coverage: 'bits 19-36',
  },
];

export const WIEGAND_LAYOUTS: Readonly<Record<WiegandTechnology, WiegandLayout>> = {
  wiegand26: {
    technology: 'wiegand26',
    label: '26-bit Wiegand (H10301)',
    bitLength: 26,
    facilityCode: { start: 2, length: 8 },
    cardNumber: { start: 10, length: 16 },
    parityBits: [
      {
        position: 1,
        kind: 'even',
        covers: range(2, 13),
        name: 'the leading even parity bit (bit 1)',
        coverage: 'bits 2-13',
      },
      {
        position: 26,
        kind: 'odd',
        covers: range(14, 25),
        name: 'the trailing odd parity bit (bit 26)',
        coverage: 'bits 14-25',
      },
    ],
  },
  // HID Corporate 1000 35-bit: bit 2 even over bits 3-4, 6-7, …, 33-34; bit 35 odd over bits 2-3,
  // 5-6, …, 32-33; bit 1 odd over bits 2-35 (so it is computed last and covers the other two).
  wiegand35: {
    technology: 'wiegand35',
    label: '35-bit Wiegand (Corporate 1000)',
    bitLength: 35,
    facilityCode: { start: 3, length: 12 },
    cardNumber: { start: 15, length: 20 },
    parityBits: [
      {
        position: 2,
        kind: 'even',
        covers: range(3, 34).filter((bit) => bit % 3 !== 2),
        name: 'the second even parity bit (bit 2)',
        coverage: 'bits 3-4, 6-7, ..., 33-34',
      },
      {
        position: 35,
        kind: 'odd',
        covers: range(2, 33).filter((bit) => bit % 3 !== 1),
        name: 'the trailing odd parity bit (bit 35)',
        coverage: 'bits 2-3, 5-6, ..., 32-33',
      },
      {
        position: 1,
        kind: 'odd',
        covers: range(2, 35),
        name: 'the leading odd parity bit (bit 1)',
        coverage: 'bits 2-35',
      },
    ],
  },
  wiegand37_h10302: {
    technology: 'wiegand37_h10302',
    label: '37-bit Wiegand (H10302)',
    bitLength: 37,
    cardNumber: { start: 2, length: 35 },
    parityBits: parity37,
  },
  wiegand37_h10304: {
    technology: 'wiegand37_h10304',
    label: '37-bit Wiegand (H10304)',
    bitLength: 37,
    facilityCode: { start: 2, length: 16 },
    cardNumber: { start: 18, length: 19 },
    parityBits: parity37,
  },
};

/** The frame's bits, index 0 = bit 1. */
type Bits = number[];

const countOnes = (bits: Bits, positions: readonly number[]): number =>
  positions.reduce((sum, position) => sum + (bits[position - 1] ?? 0), 0);

function parityValue(bits: Bits, parity: ParityBit): number {
  const ones = countOnes(bits, parity.covers) % 2;
  return parity.kind === 'even' ? ones : 1 - ones;
}

function writeField(bits: Bits, field: WiegandField, value: number): void {
  for (let i = 0; i < field.length; i++) {
    bits[field.start - 1 + i] = Math.floor(value / 2 ** (field.length - 1 - i)) % 2;
  }
}

function readField(bits: Bits, field: WiegandField): number {
  let value = 0;
  for (let i = 0; i < field.length; i++) value = value * 2 + (bits[field.start - 1 + i] ?? 0);
  return value;
}

export const maxFieldValue = (field: WiegandField): number => 2 ** field.length - 1;

/** The frame bits of a card (FC + CN), with every parity bit set. */
export function encodeWiegandBits(technology: WiegandTechnology, card: WiegandCard): Result<string> {
  const layout = WIEGAND_LAYOUTS[technology];
  const fields: Array<[string, WiegandField | undefined, number]> = [
    ['facility code', layout.facilityCode, card.facilityCode],
    ['card number', layout.cardNumber, card.cardNumber],
  ];
  for (const [name, field, value] of fields) {
    const max = field ? maxFieldValue(field) : 0;
    if (!Number.isSafeInteger(value) || value < 0 || value > max) {
      const room = field ? `${field.length} bits (the largest is ${max})` : 'this format, which has none';
      return fail('out_of_range', `${layout.label}: ${name} ${value} does not fit in ${room}`);
    }
  }
  const bits: Bits = new Array<number>(layout.bitLength).fill(0);
  if (layout.facilityCode) writeField(bits, layout.facilityCode, card.facilityCode);
  writeField(bits, layout.cardNumber, card.cardNumber);
  for (const parity of layout.parityBits) bits[parity.position - 1] = parityValue(bits, parity);
  return ok(bits.join(''));
}

/** Reads a frame bit string, checking its length and every parity bit. */
export function decodeWiegandBits(technology: WiegandTechnology, frame: string): Result<WiegandCard> {
  const layout = WIEGAND_LAYOUTS[technology];
  if (!/^[01]*$/u.test(frame)) return fail('invalid_character', `${layout.label}: a frame is only 0s and 1s`);
  if (frame.length !== layout.bitLength) {
    return fail(
      'invalid_length',
      `${layout.label}: the frame has ${frame.length} bits, not ${layout.bitLength}`,
    );
  }
  const bits: Bits = Array.from(frame, Number);
  for (const parity of layout.parityBits) {
    const actual = bits[parity.position - 1] ?? 0;
    if (actual !== parityValue(bits, parity)) {
      const ones = countOnes(bits, parity.covers) % 2 === 0 ? 'an even' : 'an odd';
      return fail(
        'parity',
        `${layout.label}: ${parity.name} is ${actual} but ${parity.coverage} have ${ones} number of ones`,
      );
    }
  }
  return ok({
    facilityCode: layout.facilityCode ? readField(bits, layout.facilityCode) : 0,
    cardNumber: readField(bits, layout.cardNumber),
  });
}

export const wiegandByteLength = (technology: WiegandTechnology): number =>
  Math.ceil(WIEGAND_LAYOUTS[technology].bitLength / 8);

/** Frame bits → credential bytes (right-aligned, see the top of this file). */
export function wiegandBitsToBytes(technology: WiegandTechnology, frame: string): Uint8Array {
  const bytes = bigIntToBytes(BigInt(`0b${frame}`), wiegandByteLength(technology));
  if (!bytes) throw new RangeError(`frame of ${frame.length} bits is longer than ${technology} allows`);
  return bytes;
}

/** Credential bytes → frame bits, refusing the wrong byte count or bits set above the frame. */
export function wiegandBytesToBits(technology: WiegandTechnology, bytes: Uint8Array): Result<string> {
  const layout = WIEGAND_LAYOUTS[technology];
  const byteLength = wiegandByteLength(technology);
  if (bytes.length !== byteLength) {
    return fail('invalid_length', `${layout.label}: the frame is ${byteLength} bytes, not ${bytes.length}`);
  }
  const value = bytesToBigInt(bytes);
  if (value >> BigInt(layout.bitLength) !== 0n) {
    return fail(
      'out_of_range',
      `${layout.label}: bits are set above the ${layout.bitLength} frame bits (the frame is right-aligned)`,
    );
  }
  return ok(value.toString(2).padStart(layout.bitLength, '0'));
}

/** Credential bytes → facility code and card number, checking every parity bit. */
export function decodeWiegand(technology: WiegandTechnology, bytes: Uint8Array): Result<WiegandCard> {
  const frame = wiegandBytesToBits(technology, bytes);
  return frame.ok ? decodeWiegandBits(technology, frame.value) : frame;
}

/** Facility code and card number → credential bytes. */
export function encodeWiegand(technology: WiegandTechnology, card: WiegandCard): Result<Uint8Array> {
  const frame = encodeWiegandBits(technology, card);
  return frame.ok ? ok(wiegandBitsToBytes(technology, frame.value)) : frame;
}
