// Tells a keyboard-wedge reader's burst from a person typing. A reader types a whole card number with
// a few milliseconds between keys, then usually Enter; a person leaves 60 ms or more between most keys.
//
// Characters are read from KeyboardEvent.code, the key's POSITION (Digit1, KeyA, Numpad1), never from
// KeyboardEvent.key: a reader sends US key positions, and on a French AZERTY desk the "1" position
// types "&" and on a Nordic one Shift+"1" types "!", so `key` would garble the card number.
//
// Never steal what a person types. The detector "holds" keys it thinks may be a reader's (the caller
// stops them reaching the page) and "releases" them, in order, as soon as it is clear they are not
// (a gap longer than maxInterKeyMs, a key no reader sends, a run too long): the caller then types the
// released text itself. A key is held at most maxInterKeyMs before the next one decides. And when the
// focus is in an editable field, only a configured prefix starts a capture: without a prefix, a
// reader scanned into a field simply types there, as any wedge reader does, and a person's typing is
// never held at all. Outside fields every burst is captured, so a terminating Enter cannot press the
// focused button.

export type WedgeTerminator = 'Enter' | 'Tab';

export interface WedgeKeyEvent {
  /** KeyboardEvent.code: the key's position. */
  code: string;
  /** KeyboardEvent.key: what the desk's layout typed; what gets re-typed if the key is released. */
  key: string;
  /** KeyboardEvent.timeStamp in ms: when the key came, not when the page got round to handling it. */
  timeStamp: number;
  targetIsEditable: boolean;
  /** KeyboardEvent.repeat: a key held down auto-repeats at reader-like speed; no reader does that. */
  repeat?: boolean;
  /** Ctrl, Alt or Meta held (AltGr counts): a shortcut or a person's symbol, never a reader. */
  hasCommandModifier?: boolean;
}

export interface WedgeDetectorConfig {
  /** The longest gap between a reader's keys, in ms. Readers type every 2–20 ms; people rarely under 50. */
  maxInterKeyMs: number;
  /** Shortest and longest card number, prefix and suffix excluded. */
  minLength: number;
  maxLength: number;
  /** Characters the reader is set to send before and after the number ('' for none). */
  prefix: string;
  suffix: string;
  /** Keys that end a burst; [] when the reader just stops (the burst then ends after maxInterKeyMs). */
  terminators: readonly WedgeTerminator[];
}

export const DEFAULT_WEDGE_CONFIG: WedgeDetectorConfig = {
  maxInterKeyMs: 35,
  minLength: 4,
  maxLength: 64,
  prefix: '',
  suffix: '',
  terminators: ['Enter'],
};

export interface WedgeOutcome {
  /** Held keys that were a person's: type this text now, before the current key. '' if none. */
  released: string;
  /** A reader's complete burst: the card number without prefix, suffix and terminator. */
  burst?: string;
}

export interface WedgeDecision extends WedgeOutcome {
  /** Stop this key (preventDefault): it may be a reader's. */
  hold: boolean;
}

export interface WedgeDetector {
  handleKey(event: WedgeKeyEvent): WedgeDecision;
  /** Call once no key came for maxInterKeyMs after a held key: ends or releases what is held. */
  handleIdle(now: number): WedgeOutcome;
  /** Whether keys are held waiting for the next one. */
  readonly isHolding: boolean;
}

const MODIFIER_CODES = new Set([
  'ShiftLeft',
  'ShiftRight',
  'ControlLeft',
  'ControlRight',
  'AltLeft',
  'AltRight',
  'MetaLeft',
  'MetaRight',
  'CapsLock',
  'NumLock',
]);

const TERMINATOR_CODES: Readonly<Record<string, WedgeTerminator>> = {
  Enter: 'Enter',
  NumpadEnter: 'Enter',
  Tab: 'Tab',
};

/**
 * The character a key position types for a reader: Digit0–9 and Numpad0–9 are digits (even when the
 * layout needs Shift for them, or NumLock is off), KeyA–KeyZ letters, upper case when `key` is.
 */
export function positionCharacter(code: string, key: string): string | undefined {
  const digit = /^(?:Digit|Numpad)([0-9])$/u.exec(code);
  if (digit) return digit[1];
  const letter = /^Key([A-Z])$/u.exec(code);
  if (!letter?.[1]) return undefined;
  const isUpperCase = key.length === 1 && key !== key.toLowerCase();
  return isUpperCase ? letter[1] : letter[1].toLowerCase();
}

interface HeldKey {
  key: string;
  /** What the key is in the burst: a prefix or suffix character, or a position character. */
  character: string;
  isPositional: boolean;
}

export function createWedgeDetector(overrides: Partial<WedgeDetectorConfig> = {}): WedgeDetector {
  const config: WedgeDetectorConfig = { ...DEFAULT_WEDGE_CONFIG, ...overrides };
  checkConfig(config);
  const { prefix, suffix } = config;
  let held: HeldKey[] = [];
  let lastAt = 0;
  /** A fast run grew too long for a card: its remaining keys pass, lest its tail look like a burst. */
  let isPassingRun = false;

  function releaseAll(): WedgeOutcome {
    // Only one-character keys can be re-typed; a NumLock-off keypad key ("End") is dropped, which is
    // harmless since only a prefix starts a capture in a field.
    const released = held
      .map((heldKey) => heldKey.key)
      .filter((key) => [...key].length === 1)
      .join('');
    held = [];
    return { released };
  }

  /** The card number if the held keys are a complete burst. */
  function burstOf(keys: readonly HeldKey[]): string | undefined {
    if (keys.length < prefix.length + suffix.length) return undefined;
    const tail = keys.slice(keys.length - suffix.length);
    if (!tail.every((heldKey, index) => matches(heldKey, suffix.charAt(index)))) return undefined;
    const body = keys.slice(prefix.length, keys.length - suffix.length);
    if (body.length < config.minLength || body.length > config.maxLength) return undefined;
    if (!body.every((heldKey) => heldKey.isPositional)) return undefined;
    return body.map((heldKey) => heldKey.character).join('');
  }

  function finish(): WedgeOutcome {
    const burst = burstOf(held);
    if (burst === undefined) return releaseAll();
    held = [];
    return { released: '', burst };
  }

  function endIdle(): WedgeOutcome {
    return config.terminators.length === 0 ? finish() : releaseAll();
  }

  /** How `event` would extend the held keys, or undefined if it cannot. */
  function extend(event: WedgeKeyEvent): HeldKey | undefined {
    if (event.repeat === true || event.hasCommandModifier === true) return undefined;
    if (event.key === 'Process' || event.key === 'Dead') return undefined;
    const position = positionCharacter(event.code, event.key);
    if (held.length < prefix.length) {
      const expected = prefix.charAt(held.length);
      const isExpected = event.key === expected || position === expected;
      return isExpected ? { key: event.key, character: expected, isPositional: false } : undefined;
    }
    if (held.length === 0 && event.targetIsEditable) return undefined;
    if (position !== undefined) return { key: event.key, character: position, isPositional: true };
    if (event.key.length === 1 && suffix.includes(event.key)) {
      return { key: event.key, character: event.key, isPositional: false };
    }
    return undefined;
  }

  function step(event: WedgeKeyEvent): WedgeDecision {
    const terminator = TERMINATOR_CODES[event.code];
    if (terminator !== undefined && held.length > 0 && config.terminators.includes(terminator)) {
      const outcome = finish();
      return { ...outcome, hold: outcome.burst !== undefined };
    }
    if (held.length >= prefix.length + config.maxLength + suffix.length) {
      isPassingRun = true;
      lastAt = event.timeStamp;
      return { ...releaseAll(), hold: false };
    }
    const next = extend(event);
    if (next === undefined) return { ...releaseAll(), hold: false };
    held.push(next);
    lastAt = event.timeStamp;
    if (config.terminators.length === 0 && suffix !== '') {
      const burst = burstOf(held);
      if (burst !== undefined) {
        held = [];
        return { released: '', burst, hold: true };
      }
    }
    return { released: '', hold: true };
  }

  return {
    handleKey(event) {
      if (MODIFIER_CODES.has(event.code)) return { released: '', hold: false };
      if (isPassingRun) {
        const isSameRun = event.timeStamp - lastAt <= config.maxInterKeyMs;
        lastAt = event.timeStamp;
        if (isSameRun) return { released: '', hold: false };
        isPassingRun = false;
      }
      const expired =
        held.length > 0 && event.timeStamp - lastAt > config.maxInterKeyMs ? endIdle() : undefined;
      const decision = step(event);
      if (!expired) return decision;
      return {
        ...decision,
        released: expired.released + decision.released,
        burst: expired.burst ?? decision.burst,
      };
    },
    handleIdle(now) {
      if (held.length === 0 || now - lastAt <= config.maxInterKeyMs) return { released: '' };
      return endIdle();
    },
    get isHolding() {
      return held.length > 0;
    },
  };
}

function matches(heldKey: HeldKey, expected: string): boolean {
  return heldKey.character === expected || heldKey.key === expected;
}

function checkConfig(config: WedgeDetectorConfig): void {
  if (!(config.maxInterKeyMs > 0)) throw new RangeError('maxInterKeyMs must be more than 0');
  if (!(config.minLength >= 1)) throw new RangeError('minLength must be at least 1');
  if (!(config.maxLength >= config.minLength)) throw new RangeError('maxLength must be at least minLength');
}
