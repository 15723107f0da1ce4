import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createWedgeDetector,
  positionCharacter,
  type WedgeDetector,
  type WedgeDetectorConfig,
  type WedgeKeyEvent,
} from '../../../../src-shared/readers/wedge-detector.js';

/** US-layout key events for a string: digits, letters, Enter ('\n'), Tab ('\t') and a few symbols. */
function usKey(character: string): Pick<WedgeKeyEvent, 'code' | 'key'> {
  if (character === '\n') return { code: 'Enter', key: 'Enter' };
  if (character === '\t') return { code: 'Tab', key: 'Tab' };
  if (/^[0-9]$/u.test(character)) return { code: `Digit${character}`, key: character };
  if (/^[a-z]$/iu.test(character)) return { code: `Key${character.toUpperCase()}`, key: character };
  const symbols: Record<string, string> = { '%': 'Digit5', '?': 'Slash', ';': 'Semicolon', ' ': 'Space' };
  const code = symbols[character];
  if (!code) throw new Error(`no US key for ${character}`);
  return { code, key: character };
}

interface Typed {
  held: boolean[];
  released: string;
  bursts: string[];
}

/** Types `text` starting at `start`, `gapMs` apart; ends with an idle check like the composable's timer. */
function type(
  detector: WedgeDetector,
  text: string,
  options: { start?: number; gapMs: number; editable?: boolean },
): Typed {
  const result: Typed = { held: [], released: '', bursts: [] };
  let time = options.start ?? 0;
  for (const character of text) {
    const decision = detector.handleKey({
      ...usKey(character),
      timeStamp: time,
      targetIsEditable: options.editable ?? false,
    });
    result.held.push(decision.hold);
    result.released += decision.released;
    if (decision.burst !== undefined) result.bursts.push(decision.burst);
    time += options.gapMs;
  }
  const idle = detector.handleIdle(time + 1000);
  result.released += idle.released;
  if (idle.burst !== undefined) result.bursts.push(idle.burst);
  return result;
}

/** What a field would contain: keys not held, plus released keys (typed back by the caller). */
function landedText(text: string, typed: Typed): string {
  const notHeld = [...text].filter((character, index) => !typed.held[index] && character.length === 1);
  return notHeld.filter((character) => character !== '\n').join('');
}

const reader = (config: Partial<WedgeDetectorConfig> = {}) =>
  createWedgeDetector({ maxInterKeyMs: 35, ...config });

describe('positionCharacter', () => {
  it('reads digits and letters from the key position', () => {
    expect(positionCharacter('Digit1', '!')).toBe('1');
    expect(positionCharacter('Digit1', '&')).toBe('1');
    expect(positionCharacter('Numpad7', 'Home')).toBe('7');
    expect(positionCharacter('KeyQ', 'a')).toBe('q'); // AZERTY: the Q position types "a"
    expect(positionCharacter('KeyA', 'Q')).toBe('A');
    expect(positionCharacter('Minus', '-')).toBeUndefined();
  });
});

describe('createWedgeDetector', () => {
  it('captures a fast burst ending in Enter and holds every key of it', () => {
    const typed = type(reader(), '0012345678\n', { gapMs: 8 });
    expect(typed.bursts).toEqual(['0012345678']);
    expect(typed.held.every(Boolean)).toBe(true);
    expect(typed.released).toBe('');
  });

  it('strips a configured prefix and suffix', () => {
    const typed = type(reader({ prefix: '%', suffix: '?' }), '%4711AB?\n', { gapMs: 5 });
    expect(typed.bursts).toEqual(['4711AB']);
  });

  it('ends a burst with a suffix and no terminator as soon as the suffix arrives', () => {
    const detector = reader({ prefix: ';', suffix: '?', terminators: [] });
    let time = 0;
    const decisions = [...';1234?'].map((character) =>
      detector.handleKey({ ...usKey(character), timeStamp: (time += 5), targetIsEditable: false }),
    );
    expect(decisions.at(-1)?.burst).toBe('1234');
    expect(detector.isHolding).toBe(false);
  });

  it('ends a burst without terminator after maxInterKeyMs of silence', () => {
    const detector = reader({ terminators: [] });
    const typed = type(detector, '87654321', { gapMs: 4 });
    expect(typed.bursts).toEqual(['87654321']);
    expect(detector.handleIdle(10_000)).toEqual({ released: '' });
  });

  it('reads digits by code on a Nordic layout where key is a symbol', () => {
    const detector = reader();
    const keys: Array<[string, string]> = [
      ['Digit1', '!'],
      ['Digit2', '"'],
      ['Digit3', '#'],
      ['Digit0', '='],
      ['KeyA', 'A'],
      ['Numpad5', '5'],
    ];
    keys.forEach(([code, key], index) =>
      detector.handleKey({ code, key, timeStamp: index * 6, targetIsEditable: false }),
    );
    const end = detector.handleKey({
      code: 'NumpadEnter',
      key: 'Enter',
      timeStamp: 40,
      targetIsEditable: false,
    });
    expect(end).toEqual({ hold: true, released: '', burst: '1230A5' });
  });

  it('releases a run that is too short or too long, in the order it was typed', () => {
    const short = type(reader({ minLength: 6 }), '123\n', { gapMs: 5 });
    expect(short.bursts).toEqual([]);
    expect(short.released).toBe('123');
    expect(short.held.at(-1)).toBe(false);
    // Past maxLength the rest of the run passes straight through: its tail is no card either.
    const long = type(reader({ maxLength: 5 }), '123456789012\n', { gapMs: 5 });
    expect(long.bursts).toEqual([]);
    expect(long.released).toBe('12345');
    expect(long.held).toEqual([...'123456789012\n'].map((_, index) => index < 5));
  });

  it('releases held keys before a key no reader sends, so Backspace deletes what it should', () => {
    const detector = reader();
    detector.handleKey({ code: 'Digit4', key: '4', timeStamp: 0, targetIsEditable: false });
    const backspace = detector.handleKey({
      code: 'Backspace',
      key: 'Backspace',
      timeStamp: 10,
      targetIsEditable: false,
    });
    expect(backspace).toEqual({ hold: false, released: '4' });
  });

  it('never captures in an editable field without a prefix: nothing is held, nothing lost', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9a-z ]{1,20}\n?$/u),
        fc.integer({ min: 1, max: 300 }),
        (text, gapMs) => {
          const typed = type(reader(), text, { gapMs, editable: true });
          expect(typed.held.some(Boolean)).toBe(false);
          expect(typed.bursts).toEqual([]);
        },
      ),
    );
  });

  it('never captures human-speed typing, and loses no key of it, outside fields too', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9a-zA-Z%;? ]{1,30}\n?$/u),
        fc.integer({ min: 36, max: 400 }),
        fc.boolean(),
        fc.constantFrom('', '%', ';'),
        (text, gapMs, editable, prefix) => {
          const typed = type(reader({ prefix }), text, { gapMs, editable });
          expect(typed.bursts).toEqual([]);
          const heldText = [...text].filter((_, index) => typed.held[index]).join('');
          expect(typed.released).toBe(heldText);
          expect(landedText(text, typed) + typed.released).toHaveLength(text.replace('\n', '').length);
        },
      ),
    );
  });

  it('with a prefix, captures a burst in a field but gives back a person typing the prefix', () => {
    const detector = reader({ prefix: '%' });
    expect(type(detector, '%12345678\n', { gapMs: 6, editable: true }).bursts).toEqual(['12345678']);
    const person = type(detector, '%12', { gapMs: 120, editable: true });
    expect(person.held).toEqual([true, false, false]);
    expect(person.released).toBe('%');
  });

  it('a person typing and then a reader burst: the person keeps their text, the reader is read', () => {
    const detector = reader();
    const person = type(detector, 'room 12', { gapMs: 150, start: 0 });
    const burst = type(detector, '9876543210\n', { gapMs: 7, start: 1200 });
    expect(person.bursts).toEqual([]);
    expect(person.released + landedText('room 12', person)).toHaveLength('room 12'.length);
    expect(burst.bursts).toEqual(['9876543210']);
  });

  it('releases keys held before a slow gap and starts over with the late key', () => {
    const detector = reader();
    detector.handleKey({ code: 'Digit1', key: '1', timeStamp: 0, targetIsEditable: false });
    const late = detector.handleKey({ code: 'Digit2', key: '2', timeStamp: 100, targetIsEditable: false });
    expect(late).toEqual({ hold: true, released: '1' });
    expect(detector.isHolding).toBe(true);
  });

  it('ignores Shift between a reader’s keys and never holds auto-repeat or shortcuts', () => {
    const detector = reader();
    const events: WedgeKeyEvent[] = [
      { code: 'Digit1', key: '1', timeStamp: 0, targetIsEditable: false },
      { code: 'ShiftLeft', key: 'Shift', timeStamp: 3, targetIsEditable: false },
      { code: 'KeyB', key: 'B', timeStamp: 6, targetIsEditable: false },
      { code: 'Digit2', key: '2', timeStamp: 9, targetIsEditable: false },
      { code: 'Digit3', key: '3', timeStamp: 12, targetIsEditable: false },
    ];
    events.forEach((event) => detector.handleKey(event));
    const end = detector.handleKey({ code: 'Enter', key: 'Enter', timeStamp: 15, targetIsEditable: false });
    expect(end.burst).toBe('1B23');
    expect(
      detector.handleKey({ code: 'Digit1', key: '1', timeStamp: 20, targetIsEditable: false, repeat: true })
        .hold,
    ).toBe(false);
    const copy = { code: 'KeyC', key: 'c', timeStamp: 30, targetIsEditable: false, hasCommandModifier: true };
    expect(detector.handleKey(copy).hold).toBe(false);
  });

  it('refuses a configuration that cannot work', () => {
    expect(() => createWedgeDetector({ maxInterKeyMs: 0 })).toThrow(RangeError);
    expect(() => createWedgeDetector({ minLength: 8, maxLength: 4 })).toThrow(/maxLength/u);
  });
});
