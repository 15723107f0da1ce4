// Command and response APDUs (ISO/IEC 7816-4 section 5) as far as reading a UID needs them.

export interface ResponseApdu {
  data: Uint8Array;
  sw1: number;
  sw2: number;
  /** SW1 SW2 as one number, e.g. 0x9000. */
  sw: number;
}

export const SW_OK = 0x9000;
/** Warning: end of data reached before Le bytes (the data that came is valid). */
export const SW_END_OF_DATA = 0x6282;
/** PC/SC part 3 Get Data: the reader could not read the UID. */
export const SW_NO_INFORMATION = 0x6300;
/** PC/SC part 3 Get Data: function not supported. */
export const SW_FUNCTION_NOT_SUPPORTED = 0x6a81;
export const SW_WRONG_P1P2 = 0x6b00;
export const SW_INS_NOT_SUPPORTED = 0x6d00;
export const SW_CLA_NOT_SUPPORTED = 0x6e00;
/** SW1 6C: wrong Le; SW2 is the length the card has. */
export const SW1_WRONG_LE = 0x6c;

/**
 * PC/SC part 3 section 3.2.2.1.3 Get Data, answered by the reader itself: FF CA 00 00 Le returns the
 * UID of a contactless card (Le 00: as many bytes as the UID has).
 */
export function getUidCommand(le = 0): Uint8Array {
  return Uint8Array.of(0xff, 0xca, 0x00, 0x00, le & 0xff);
}

/** Splits a response into data and status word; null when it is too short to hold SW1 SW2. */
export function parseResponse(bytes: Uint8Array): ResponseApdu | null {
  if (bytes.length < 2) return null;
  const sw1 = bytes[bytes.length - 2] ?? 0;
  const sw2 = bytes[bytes.length - 1] ?? 0;
  return { data: bytes.slice(0, -2), sw1, sw2, sw: (sw1 << 8) | sw2 };
}

export function formatStatusWord(sw: number): string {
  const hex = sw.toString(16).padStart(4, '0').toUpperCase();
  return `${hex.slice(0, 2)} ${hex.slice(2)}`;
}
