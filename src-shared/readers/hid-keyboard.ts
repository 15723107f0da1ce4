// Decodes USB HID boot-keyboard input reports (HID 1.11 appendix B.1: a modifier byte, a reserved byte,
// six key usage IDs) into the text a card reader "typed". Keys are read by POSITION (HID Usage Tables,
// Keyboard/Keypad page 0x07) with US meanings: usage 0x1E is always "1", whatever layout the desk's
// operating system uses, because the reader sends positions, not characters.
//
// A report lists the keys held down right now, not key strokes: a key is typed when it first appears,
// and stays held (not typed again) while later reports still list it. Readers differ: some send a
// release (all zeros) after every key, some go straight from one key to the next, some repeat a report.

export const BOOT_REPORT_LENGTH = 8;

/** Which keys end a read. Enter is usage 0x28 (keypad Enter 0x58), Tab is 0x2B. */
export type HidTerminator = 'enter' | 'tab';

/** Usage 0x01 in the key slots: too many keys held, the report says nothing about which (phantom state). */
const ERROR_ROLL_OVER = 0x01;
/** Usages 0x00–0x03 are "no event" and error codes, never keys. */
const LAST_NON_KEY_USAGE = 0x03;
/** Left Shift is modifier bit 1, Right Shift bit 5. */
const SHIFT_BITS = 0x02 | 0x20;
const ENTER = 0x28;
const TAB = 0x2b;
const KEYPAD_ENTER = 0x58;

const LETTERS_FROM = 0x04; // a … z up to 0x1D
const DIGITS_FROM = 0x1e; // 1 2 … 9 0 up to 0x27
const KEYPAD_DIGITS_FROM = 0x59; // keypad 1 … 9 0 up to 0x62
const DIGITS = '1234567890';

/** Punctuation some readers put between fields, as [unshifted, shifted] on a US keyboard. */
const PUNCTUATION: Readonly<Record<number, readonly [string, string]>> = {
  0x2c: [' ', ' '],
  0x2d: ['-', '_'],
  0x2e: ['=', '+'],
  0x33: [';', ':'],
  0x36: [',', '<'],
  0x37: ['.', '>'],
  0x38: ['/', '?'],
  0x54: ['/', '/'],
  0x55: ['*', '*'],
  0x56: ['-', '-'],
  0x57: ['+', '+'],
  0x63: ['.', '.'],
};

/** Stands for a key we have no character for: the reader profile then refuses the read instead of
 * matching a wrong card, which silently dropping the key could do. */
export const UNKNOWN_KEY = '\uFFFD';

export class HidReportLengthError extends Error {
  constructor(
    readonly length: number,
    readonly expected: number,
  ) {
    super(
      `A keyboard input report has ${length} bytes, but a boot keyboard report has ${expected} ` +
        `(modifiers, reserved, six keys${expected > BOOT_REPORT_LENGTH ? ', after a report ID' : ''}). ` +
        'This device is not a boot keyboard, or its report ID is not configured.',
    );
    this.name = 'HidReportLengthError';
  }
}

/**
 * The character a key usage types. Digits ignore Shift: readers set up for French AZERTY send
 * Shift+digit to type a digit there, and by position it is still that digit. Returns '\n' for
 * Enter and keypad Enter, '\t' for Tab, UNKNOWN_KEY for keys with no character here, and undefined
 * for usages that are not keys (0x00–0x03).
 */
export function decodeKeyUsage(usage: number, isShifted: boolean): string | undefined {
  if (usage <= LAST_NON_KEY_USAGE) return undefined;
  if (usage < DIGITS_FROM) {
    const letter = String.fromCharCode(0x61 + usage - LETTERS_FROM);
    return isShifted ? letter.toUpperCase() : letter;
  }
  if (usage < DIGITS_FROM + 10) return DIGITS.charAt(usage - DIGITS_FROM);
  if (usage >= KEYPAD_DIGITS_FROM && usage < KEYPAD_DIGITS_FROM + 10) {
    return DIGITS.charAt(usage - KEYPAD_DIGITS_FROM);
  }
  if (usage === ENTER || usage === KEYPAD_ENTER) return '\n';
  if (usage === TAB) return '\t';
  const punctuation = PUNCTUATION[usage];
  if (punctuation) return isShifted ? punctuation[1] : punctuation[0];
  return UNKNOWN_KEY;
}

/** The key (usage and Shift) that types `character`, the inverse of decodeKeyUsage. */
export function keyForCharacter(character: string): { usage: number; isShifted: boolean } | undefined {
  if (/^[a-z]$/u.test(character))
    return { usage: LETTERS_FROM + character.charCodeAt(0) - 0x61, isShifted: false };
  if (/^[A-Z]$/u.test(character))
    return { usage: LETTERS_FROM + character.charCodeAt(0) - 0x41, isShifted: true };
  const digit = DIGITS.indexOf(character);
  if (character.length === 1 && digit >= 0) return { usage: DIGITS_FROM + digit, isShifted: false };
  if (character === '\n') return { usage: ENTER, isShifted: false };
  if (character === '\t') return { usage: TAB, isShifted: false };
  for (const [usage, [plain, shifted]] of Object.entries(PUNCTUATION)) {
    if (character === plain) return { usage: Number(usage), isShifted: false };
    if (character === shifted) return { usage: Number(usage), isShifted: true };
  }
  return undefined;
}

/**
 * The reports a reader sends to type `text`: a press report per character, and a release report
 * after each one (or, with `releaseBetweenKeys: false`, only where the same key comes twice, which a
 * keyboard cannot send otherwise). For tests and the virtual reader.
 */
export function encodeBootReports(
  text: string,
  options: { releaseBetweenKeys?: boolean } = {},
): Uint8Array[] {
  const releaseBetweenKeys = options.releaseBetweenKeys ?? true;
  const reports: Uint8Array[] = [];
  let previousUsage: number | undefined;
  for (const character of text) {
    const key = keyForCharacter(character);
    if (!key) throw new RangeError(`No boot keyboard key types ${JSON.stringify(character)}`);
    if (!releaseBetweenKeys && key.usage === previousUsage) reports.push(new Uint8Array(BOOT_REPORT_LENGTH));
    reports.push(Uint8Array.of(key.isShifted ? 0x02 : 0, 0, key.usage, 0, 0, 0, 0, 0));
    if (releaseBetweenKeys) reports.push(new Uint8Array(BOOT_REPORT_LENGTH));
    previousUsage = key.usage;
  }
  if (!releaseBetweenKeys && text !== '') reports.push(new Uint8Array(BOOT_REPORT_LENGTH));
  return reports;
}

export interface HidKeyboardDecoderOptions {
  /** Keys that end a read; [] for readers that just stop typing (then idleness ends a read). */
  terminators?: readonly HidTerminator[];
  /** After this long without a new key, pending text is stale: with no terminators it is a complete
   * read, with terminators an interrupted one, dropped. */
  idleMs?: number;
  /** Longer text is garbage, not a card: it is dropped up to the next terminator or idle gap. */
  maxLength?: number;
  /** For devices with numbered reports: reports are then 9 bytes and those with another ID are skipped. */
  reportId?: number;
  now?: () => number;
}

export interface HidKeyboardDecoder {
  /** Consumes one input report; returns the reads it completed (usually none or one). */
  push(report: Uint8Array | readonly number[]): string[];
  /** Call when idleMs may have passed since the last key: returns a read for readers without terminator. */
  flushIfIdle(): string | undefined;
  /** Text typed so far and not yet ended. */
  readonly pendingText: string;
  reset(): void;
}

export function createHidKeyboardDecoder(options: HidKeyboardDecoderOptions = {}): HidKeyboardDecoder {
  const terminators = new Set(options.terminators ?? ['enter', 'tab']);
  const idleMs = options.idleMs ?? 100;
  const maxLength = options.maxLength ?? 256;
  const now = options.now ?? (() => Date.now());
  const expectedLength = BOOT_REPORT_LENGTH + (options.reportId === undefined ? 0 : 1);

  let heldKeys = new Set<number>();
  let text = '';
  let isOverflowing = false;
  let lastKeyAt = 0;

  function isTerminator(character: string): boolean {
    return (character === '\n' && terminators.has('enter')) || (character === '\t' && terminators.has('tab'));
  }

  function endRead(): string | undefined {
    const completed = isOverflowing || text === '' ? undefined : text;
    text = '';
    isOverflowing = false;
    return completed;
  }

  function expireIfIdle(at: number): string | undefined {
    if ((text === '' && !isOverflowing) || at - lastKeyAt < idleMs) return undefined;
    const stale = endRead();
    return terminators.size === 0 ? stale : undefined;
  }

  function type(character: string, completed: string[]): void {
    if (isTerminator(character)) {
      const read = endRead();
      if (read !== undefined) completed.push(read);
      return;
    }
    if (isOverflowing) return;
    if (text.length >= maxLength) {
      text = '';
      isOverflowing = true;
      return;
    }
    text += character;
  }

  function keysOf(
    report: Uint8Array | readonly number[],
  ): { modifiers: number; usages: number[] } | undefined {
    if (report.length !== expectedLength) throw new HidReportLengthError(report.length, expectedLength);
    const bytes = Array.from(report);
    if (options.reportId !== undefined && bytes.shift() !== options.reportId) return undefined;
    return { modifiers: bytes[0] ?? 0, usages: bytes.slice(2) };
  }

  return {
    push(report) {
      const keys = keysOf(report);
      // ErrorRollOver: the keyboard cannot tell which keys are down; keep the last known state.
      if (!keys || keys.usages.includes(ERROR_ROLL_OVER)) return [];
      const at = now();
      const completed: string[] = [];
      const isShifted = (keys.modifiers & SHIFT_BITS) !== 0;
      for (const usage of keys.usages) {
        if (heldKeys.has(usage)) continue;
        const character = decodeKeyUsage(usage, isShifted);
        if (character === undefined) continue;
        const stale = expireIfIdle(at);
        if (stale !== undefined) completed.push(stale);
        type(character, completed);
        lastKeyAt = at;
      }
      heldKeys = new Set(keys.usages);
      return completed;
    },
    flushIfIdle() {
      return expireIfIdle(now());
    },
    get pendingText() {
      return text;
    },
    reset() {
      heldKeys = new Set();
      text = '';
      isOverflowing = false;
    },
  };
}
