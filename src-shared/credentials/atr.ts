// Parses a card's Answer To Reset (ISO/IEC 7816-3 section 8) and names the card from it.
// Contactless readers build an ATR for cards that have none (PC/SC part 3 section 3.1.3.2.3):
//   storage cards (MIFARE Classic, Ultralight, ...): 3B 8F 80 01 80 4F 0C A0 00 00 03 06 SS NN NN 00 00 00 00 TCK
//   ISO 14443-4 cards (DESFire, Java cards, ...):    3B 8N 80 01 <N historical bytes from the ATS or ATQB> TCK
// Anything else is taken for a contact ISO 7816 card. Malformed ATRs give an error value, never a throw.

export type CardType =
  | 'mifare_classic_1k'
  | 'mifare_classic_4k'
  | 'mifare_mini'
  | 'mifare_ultralight'
  | 'mifare_ultralight_c'
  | 'mifare_ultralight_ev1'
  | 'mifare_plus_2k'
  | 'mifare_plus_4k'
  | 'felica'
  | 'icode_sli'
  | 'picopass'
  | 'topaz'
  /** A PC/SC part 3 storage card whose card name we do not map. */
  | 'storage_card'
  | 'desfire'
  | 'iso14443_4'
  | 'iso7816';

export interface InterfaceBytes {
  ta?: number;
  tb?: number;
  tc?: number;
  td?: number;
}

export interface Atr {
  bytes: Uint8Array;
  /** TS 3B: direct convention; 3F: inverse (the reader has already decoded the following bytes). */
  convention: 'direct' | 'inverse';
  /** Groups of interface bytes: index 0 is TA1..TD1, index 1 is TA2..TD2, ... */
  interfaceBytes: InterfaceBytes[];
  /** Transmission protocols the card offers (T=0 when no TD byte says otherwise). */
  protocols: number[];
  historicalBytes: Uint8Array;
  /** The check byte, present unless the card offers only T=0. */
  tck?: number;
  cardType: CardType;
  /** The card type in words, e.g. "MIFARE Classic 1K". */
  cardName: string;
  isContactless: boolean;
  /** For PC/SC part 3 storage cards: the standard byte (SS) and the card name code (NN NN). */
  storage?: { standard: number; standardName: string; cardNameCode: number };
}

export type AtrErrorCode =
  'too_short' | 'too_long' | 'invalid_ts' | 'truncated' | 'bad_checksum' | 'trailing_bytes';

export interface AtrError {
  code: AtrErrorCode;
  message: string;
}

export type AtrResult = { ok: true; value: Atr } | { ok: false; error: AtrError };

/** TS + 32 bytes (ISO/IEC 7816-3 section 8.2.1). */
export const MAX_ATR_LENGTH = 33;

const CARD_NAMES: Record<CardType, string> = {
  mifare_classic_1k: 'MIFARE Classic 1K',
  mifare_classic_4k: 'MIFARE Classic 4K',
  mifare_mini: 'MIFARE Mini',
  mifare_ultralight: 'MIFARE Ultralight',
  mifare_ultralight_c: 'MIFARE Ultralight C',
  mifare_ultralight_ev1: 'MIFARE Ultralight EV1',
  mifare_plus_2k: 'MIFARE Plus 2K',
  mifare_plus_4k: 'MIFARE Plus 4K',
  felica: 'FeliCa',
  icode_sli: 'ICODE SLI',
  picopass: 'PicoPass',
  topaz: 'Topaz',
  storage_card: 'contactless storage card',
  desfire: 'MIFARE DESFire',
  iso14443_4: 'ISO 14443-4 contactless card',
  iso7816: 'contact smart card',
};

/**
 * Card names (NN NN) of the PC/SC part 3 supplemental document that we name; others are
 * 'storage_card'. MIFARE Plus in security level 1 or 2 answers like a MIFARE Classic.
 */
const STORAGE_CARD_TYPES: ReadonlyMap<number, CardType> = new Map<number, CardType>([
  [0x0001, 'mifare_classic_1k'],
  [0x0002, 'mifare_classic_4k'],
  [0x0003, 'mifare_ultralight'],
  [0x0014, 'icode_sli'],
  ...[0x17, 0x18, 0x19, 0x1a, 0x1b, 0x1c, 0x1d, 0x1e, 0x1f, 0x20].map((code): [number, CardType] => [
    code,
    'picopass',
  ]),
  [0x0026, 'mifare_mini'],
  [0x0030, 'topaz'],
  [0x0036, 'mifare_plus_2k'],
  [0x0037, 'mifare_plus_4k'],
  [0x0038, 'mifare_plus_2k'],
  [0x0039, 'mifare_plus_4k'],
  [0x003a, 'mifare_ultralight_c'],
  [0x003b, 'felica'],
  [0x003d, 'mifare_ultralight_ev1'],
]);

/** The standard byte (SS) of PC/SC part 3 storage-card ATRs. */
const STORAGE_STANDARDS: ReadonlyMap<number, string> = new Map([
  [0x00, 'no information given'],
  [0x01, 'ISO 14443 A part 1'],
  [0x02, 'ISO 14443 A part 2'],
  [0x03, 'ISO 14443 A part 3'],
  [0x05, 'ISO 14443 B part 1'],
  [0x06, 'ISO 14443 B part 2'],
  [0x07, 'ISO 14443 B part 3'],
  [0x09, 'ISO 15693 part 1'],
  [0x0a, 'ISO 15693 part 2'],
  [0x0b, 'ISO 15693 part 3'],
  [0x0c, 'ISO 15693 part 4'],
  [0x11, 'FeliCa'],
  [0x40, 'low frequency contactless'],
]);

/** Registered application provider identifier of the PC/SC Workgroup. */
const PCSC_RID = [0xa0, 0x00, 0x00, 0x03, 0x06];

export function describeCardType(cardType: CardType): string {
  return CARD_NAMES[cardType];
}

export function formatHex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0').toUpperCase()).join(' ');
}

function failure(code: AtrErrorCode, message: string): AtrResult {
  return { ok: false, error: { code, message } };
}

interface Structure {
  interfaceBytes: InterfaceBytes[];
  protocols: number[];
  historicalStart: number;
  historicalLength: number;
}

/** Walks T0 and the TDi chain; each Y nibble says which of TA, TB, TC, TD follow. */
function readStructure(bytes: Uint8Array): Structure | AtrError {
  const t0 = bytes[1] ?? 0;
  const groups: InterfaceBytes[] = [];
  const protocols: number[] = [];
  let y = t0 >> 4;
  let offset = 2;
  while (y !== 0) {
    const group: InterfaceBytes = {};
    for (const [bit, name] of [
      [0x1, 'ta'],
      [0x2, 'tb'],
      [0x4, 'tc'],
      [0x8, 'td'],
    ] as const) {
      if ((y & bit) === 0) continue;
      const value = bytes[offset];
      if (value === undefined) {
        const label = `${name.toUpperCase()}${groups.length + 1}`;
        return { code: 'truncated', message: `The ATR ends where ${label} was announced.` };
      }
      group[name] = value;
      offset += 1;
    }
    groups.push(group);
    if (group.td === undefined) break;
    protocols.push(group.td & 0x0f);
    y = group.td >> 4;
  }
  return { interfaceBytes: groups, protocols, historicalStart: offset, historicalLength: t0 & 0x0f };
}

/** TCK is absent only when T=0 is the one protocol indicated (ISO/IEC 7816-3 section 8.2.5). */
function hasCheckByte(protocols: number[]): boolean {
  return protocols.some((protocol) => protocol !== 0);
}

export function parseAtr(bytes: Uint8Array): AtrResult {
  if (bytes.length < 2)
    return failure('too_short', `An ATR has at least 2 bytes (TS, T0); this one has ${bytes.length}.`);
  if (bytes.length > MAX_ATR_LENGTH) {
    return failure('too_long', `An ATR has at most ${MAX_ATR_LENGTH} bytes; this one has ${bytes.length}.`);
  }
  const ts = bytes[0];
  if (ts !== 0x3b && ts !== 0x3f) {
    return failure('invalid_ts', `The ATR starts with ${formatHex(bytes.subarray(0, 1))}, not 3B or 3F.`);
  }
  const structure = readStructure(bytes);
  if ('code' in structure) return { ok: false, error: structure };
  const { interfaceBytes, protocols, historicalStart, historicalLength } = structure;
  const checked = hasCheckByte(protocols);
  const expectedLength = historicalStart + historicalLength + (checked ? 1 : 0);
  if (bytes.length < expectedLength) {
    return failure('truncated', `The ATR announces ${expectedLength} bytes but has ${bytes.length}.`);
  }
  if (bytes.length > expectedLength) {
    return failure('trailing_bytes', `The ATR announces ${expectedLength} bytes but has ${bytes.length}.`);
  }
  let tck: number | undefined;
  if (checked) {
    // XOR of T0..TCK is zero.
    const xor = bytes.subarray(1).reduce((sum, byte) => sum ^ byte, 0);
    tck = bytes[expectedLength - 1];
    if (xor !== 0)
      return failure('bad_checksum', 'The ATR check byte (TCK) does not match: the ATR was garbled.');
  }
  const historicalBytes = bytes.slice(historicalStart, historicalStart + historicalLength);
  const identity = identifyCard(bytes, historicalBytes);
  const atr: Atr = {
    bytes: bytes.slice(),
    convention: ts === 0x3b ? 'direct' : 'inverse',
    interfaceBytes,
    protocols: protocols.length > 0 ? protocols : [0],
    historicalBytes,
    ...identity,
  };
  if (tck !== undefined) atr.tck = tck;
  return { ok: true, value: atr };
}

type Identity = Pick<Atr, 'cardType' | 'cardName' | 'isContactless' | 'storage'>;

function contactless(cardType: CardType): Identity {
  return { cardType, cardName: CARD_NAMES[cardType], isContactless: true };
}

/** A reader-built contactless ATR: T0 = 8N, TD1 = 80 (T=0, TD2 follows), TD2 = 01 (T=1), nothing else. */
function isContactlessLayout(bytes: Uint8Array): boolean {
  return bytes[0] === 0x3b && ((bytes[1] ?? 0) & 0xf0) === 0x80 && bytes[2] === 0x80 && bytes[3] === 0x01;
}

function identifyCard(bytes: Uint8Array, historical: Uint8Array): Identity {
  if (!isContactlessLayout(bytes))
    return { cardType: 'iso7816', cardName: CARD_NAMES.iso7816, isContactless: false };
  const storage = readStorageCard(historical);
  if (storage) {
    const known = STORAGE_CARD_TYPES.get(storage.cardNameCode);
    if (known) return { ...contactless(known), storage };
    const code = storage.cardNameCode.toString(16).padStart(4, '0').toUpperCase();
    return {
      ...contactless('storage_card'),
      cardName: `${CARD_NAMES.storage_card} (PC/SC card name ${code})`,
      storage,
    };
  }
  // MIFARE DESFire EV1, EV2 and EV3 send the single historical byte 80 in their ATS.
  if (historical.length === 1 && historical[0] === 0x80) return contactless('desfire');
  return contactless('iso14443_4');
}

/** Historical bytes 80 4F 0C <RID A0 00 00 03 06> SS NN NN 00 00 00 00 (compact TLV, tag 4F = AID). */
function readStorageCard(historical: Uint8Array): Atr['storage'] {
  if (
    historical.length !== 15 ||
    historical[0] !== 0x80 ||
    historical[1] !== 0x4f ||
    historical[2] !== 0x0c
  ) {
    return undefined;
  }
  if (!PCSC_RID.every((byte, index) => historical[3 + index] === byte)) return undefined;
  const standard = historical[8] ?? 0;
  const cardNameCode = ((historical[9] ?? 0) << 8) | (historical[10] ?? 0);
  return { standard, standardName: STORAGE_STANDARDS.get(standard) ?? 'unknown standard', cardNameCode };
}
