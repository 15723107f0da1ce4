import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createHidKeyboardDecoder,
  decodeKeyUsage,
  encodeBootReports,
  HidReportLengthError,
  UNKNOWN_KEY,
  type HidKeyboardDecoder,
} from '../../../../src-shared/readers/hid-keyboard.js';

const RELEASE = [0, 0, 0, 0, 0, 0, 0, 0];
const key = (usage: number, modifiers = 0): number[] => [modifiers, 0, usage, 0, 0, 0, 0, 0];
const keys = (modifiers: number, ...usages: number[]): number[] => [
  modifiers,
  0,
  ...[...usages, 0, 0, 0, 0, 0, 0].slice(0, 6),
];

function feed(decoder: HidKeyboardDecoder, reports: readonly (readonly number[] | Uint8Array)[]): string[] {
  return reports.flatMap((report) => decoder.push(report));
}

describe('decodeKeyUsage', () => {
  it('reads keys by US position', () => {
    expect(decodeKeyUsage(0x04, false)).toBe('a');
    expect(decodeKeyUsage(0x1d, true)).toBe('Z');
    expect(decodeKeyUsage(0x1e, false)).toBe('1');
    expect(decodeKeyUsage(0x27, false)).toBe('0');
    expect(decodeKeyUsage(0x59, false)).toBe('1');
    expect(decodeKeyUsage(0x62, false)).toBe('0');
    expect(decodeKeyUsage(0x58, false)).toBe('\n');
    expect(decodeKeyUsage(0x2b, false)).toBe('\t');
    expect(decodeKeyUsage(0x33, true)).toBe(':');
  });

  it('keeps digits when the reader holds Shift (readers set up for AZERTY do)', () => {
    expect(decodeKeyUsage(0x1e, true)).toBe('1');
  });

  it('marks keys it has no character for instead of dropping them, and skips non-keys', () => {
    expect(decodeKeyUsage(0x3a, false)).toBe(UNKNOWN_KEY); // F1
    expect(decodeKeyUsage(0x00, false)).toBeUndefined();
    expect(decodeKeyUsage(0x02, false)).toBeUndefined();
  });
});

describe('createHidKeyboardDecoder', () => {
  it('decodes a reader typing 0012345678 and Enter, with a release after every key', () => {
    // prettier-ignore
    const recorded = [
      key(0x27), RELEASE, key(0x27), RELEASE, key(0x1e), RELEASE, key(0x1f), RELEASE, key(0x20), RELEASE,
      key(0x21), RELEASE, key(0x22), RELEASE, key(0x23), RELEASE, key(0x24), RELEASE, key(0x25), RELEASE,
      key(0x28), RELEASE,
    ];
    const decoder = createHidKeyboardDecoder({ terminators: ['enter'] });
    expect(feed(decoder, recorded)).toEqual(['0012345678']);
    expect(decoder.pendingText).toBe('');
  });

  it('decodes a reader that goes from key to key without releases (rollover)', () => {
    const recorded = [
      key(0x1e), // 1
      keys(0, 0x1e, 0x1f), // 1 still held, 2 pressed
      keys(0, 0x1f), // 1 released
      keys(0, 0x20), // 3 replaces 2 in one report
      keys(0, 0x1e, 0x20), // 1 again while 3 is held
      keys(0, 0x28, 0x1e), // Enter; 1 still held, now in another slot
      RELEASE,
    ];
    expect(feed(createHidKeyboardDecoder(), recorded)).toEqual(['1231']);
  });

  it('types a key once however often a report repeats it', () => {
    const recorded = [key(0x1e), key(0x1e), key(0x1e), RELEASE, RELEASE, key(0x1e), key(0x1e), key(0x28)];
    expect(feed(createHidKeyboardDecoder(), recorded)).toEqual(['11']);
  });

  it('types the same key twice when a release comes between', () => {
    expect(feed(createHidKeyboardDecoder(), [key(0x27), RELEASE, key(0x27), RELEASE, key(0x28)])).toEqual([
      '00',
    ]);
  });

  it('reads Shift+letters as upper-case hex, left or right Shift, and Shift-only reports type nothing', () => {
    // prettier-ignore
    const recorded = [
      key(0x04), RELEASE, // a
      keys(0x02), key(0x05, 0x02), keys(0x02), RELEASE, // Shift down first, then B
      key(0x06, 0x20), RELEASE, // right Shift + C
      key(0x26), RELEASE, // 9
      key(0x28), RELEASE,
    ];
    expect(feed(createHidKeyboardDecoder(), recorded)).toEqual(['aBC9']);
  });

  it('reads keypad digits and keypad Enter', () => {
    const recorded = [key(0x59), RELEASE, key(0x62), RELEASE, key(0x61), RELEASE, key(0x58), RELEASE];
    expect(feed(createHidKeyboardDecoder(), recorded)).toEqual(['109']);
  });

  it('ignores ErrorRollOver reports and keeps the keys it knew were held', () => {
    const phantom = [0, 0, 1, 1, 1, 1, 1, 1];
    const recorded = [key(0x1e), phantom, key(0x1e), keys(0, 0x1e, 0x1f), phantom, RELEASE, key(0x28)];
    expect(feed(createHidKeyboardDecoder(), recorded)).toEqual(['12']);
  });

  it('rejects reports of the wrong length with a clear error', () => {
    const decoder = createHidKeyboardDecoder();
    expect(() => decoder.push([0, 0, 0x1e])).toThrow(HidReportLengthError);
    expect(() => decoder.push(new Uint8Array(9))).toThrow(/has 9 bytes, but a boot keyboard report has 8/u);
  });

  it('reads numbered reports when a report ID is configured and skips other IDs', () => {
    const decoder = createHidKeyboardDecoder({ reportId: 1 });
    const recorded = [
      [1, ...key(0x1e)],
      [2, ...key(0x1f)],
      [1, ...RELEASE],
      [1, ...key(0x28)],
    ];
    expect(feed(decoder, recorded)).toEqual(['1']);
    expect(() => decoder.push(key(0x1e))).toThrow(/after a report ID/u);
  });

  it('ends on Tab when configured, and keeps Enter as text when only Tab ends a read', () => {
    const decoder = createHidKeyboardDecoder({ terminators: ['tab'] });
    expect(feed(decoder, [key(0x1e), RELEASE, key(0x28), RELEASE, key(0x2b), RELEASE])).toEqual(['1\n']);
  });

  it('does not emit empty reads for a lone terminator', () => {
    expect(feed(createHidKeyboardDecoder(), [key(0x28), RELEASE, key(0x28)])).toEqual([]);
  });

  it('flushes a read from a reader without terminator once it has been idle', () => {
    let now = 0;
    const decoder = createHidKeyboardDecoder({ terminators: [], idleMs: 100, now: () => now });
    feed(decoder, encodeBootReports('4711'));
    now = 99;
    expect(decoder.flushIfIdle()).toBeUndefined();
    now = 100;
    expect(decoder.flushIfIdle()).toBe('4711');
    expect(decoder.flushIfIdle()).toBeUndefined();
  });

  it('ends an idle read when the next key comes late, even if nobody called flushIfIdle', () => {
    let now = 0;
    const decoder = createHidKeyboardDecoder({ terminators: [], idleMs: 100, now: () => now });
    expect(feed(decoder, encodeBootReports('12'))).toEqual([]);
    now = 500;
    expect(feed(decoder, encodeBootReports('34'))).toEqual(['12']);
    expect(decoder.pendingText).toBe('34');
  });

  it('drops an interrupted read instead of gluing it to the next one when a terminator is expected', () => {
    let now = 0;
    const decoder = createHidKeyboardDecoder({ terminators: ['enter'], idleMs: 100, now: () => now });
    feed(decoder, encodeBootReports('123'));
    now = 1000;
    expect(feed(decoder, encodeBootReports('4567\n'))).toEqual(['4567']);
  });

  it('drops text longer than maxLength up to the next terminator', () => {
    const decoder = createHidKeyboardDecoder({ maxLength: 4 });
    expect(feed(decoder, encodeBootReports('123456\n987\n'))).toEqual(['987']);
  });

  it('round-trips any hex string through press/release and rollover report streams', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9A-F]{1,32}$/u),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 10 }),
        (text, releaseBetweenKeys, duplicates) => {
          const reports = encodeBootReports(`${text}\n`, { releaseBetweenKeys });
          // Readers repeat reports: doubling any of them must not change the text.
          const stream = reports.flatMap((report, index) =>
            duplicates.includes(index) ? [report, report] : [report],
          );
          expect(feed(createHidKeyboardDecoder({ terminators: ['enter'] }), stream)).toEqual([text]);
        },
      ),
    );
  });
});
