import { effectScope } from 'vue';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  insertText,
  useWedgeReader,
  type WedgeReader,
} from '../../../../src-renderer/readers/use-wedge-reader.js';
import type { WedgeDetectorConfig } from '../../../../src-shared/readers/wedge-detector.js';

let time = 1000;
let reader: WedgeReader | undefined;
let bursts: string[] = [];

beforeEach(() => {
  vi.useFakeTimers();
  time = 1000;
  bursts = [];
  document.body.innerHTML = '';
});

afterEach(() => {
  reader?.stop();
  reader = undefined;
  vi.useRealTimers();
});

function listen(config: Partial<WedgeDetectorConfig> = {}): void {
  reader = useWedgeReader({
    onBurst: (text) => bursts.push(text),
    config: { maxInterKeyMs: 35, ...config },
    now: () => time,
  });
}

function wait(ms: number): void {
  time += ms;
  vi.advanceTimersByTime(ms);
}

/** A key press as the browser delivers it, including the default action of typing into a field. */
function press(code: string, key: string): KeyboardEvent {
  const target = document.activeElement ?? document.body;
  const event = new KeyboardEvent('keydown', { code, key, bubbles: true, cancelable: true });
  Object.defineProperty(event, 'timeStamp', { value: time });
  target.dispatchEvent(event);
  if (!event.defaultPrevented && key.length === 1 && target instanceof HTMLInputElement) {
    const start = target.selectionStart ?? target.value.length;
    target.setRangeText(key, start, target.selectionEnd ?? start, 'end');
  }
  return event;
}

const keyFor = (character: string): [string, string] => {
  if (character === '\n') return ['Enter', 'Enter'];
  if (character === '%') return ['Digit5', '%'];
  if (character === ' ') return ['Space', ' '];
  return /[0-9]/u.test(character)
    ? [`Digit${character}`, character]
    : [`Key${character.toUpperCase()}`, character];
};

function typeText(text: string, gapMs: number): void {
  for (const character of text) {
    press(...keyFor(character));
    wait(gapMs);
  }
  wait(100);
}

function focusedInput(): HTMLInputElement {
  const input = document.createElement('input');
  document.body.append(input);
  input.focus();
  return input;
}

describe('useWedgeReader', () => {
  it('gives a burst to the callback, not to the page, when no field has the focus', () => {
    const button = document.createElement('button');
    document.body.append(button);
    const clicks = vi.fn();
    button.addEventListener('keydown', clicks);
    button.focus();
    listen();
    typeText('0012345678\n', 6);
    expect(bursts).toEqual(['0012345678']);
    expect(clicks).not.toHaveBeenCalled();
  });

  it('with a prefix, takes a burst out of a focused field', () => {
    const input = focusedInput();
    const inputs = vi.fn();
    input.addEventListener('input', inputs);
    listen({ prefix: '%' });
    typeText('%4711AB99\n', 5);
    expect(bursts).toEqual(['4711AB99']);
    expect(input.value).toBe('');
    expect(inputs).not.toHaveBeenCalled();
  });

  it('slow typing lands in the field intact, prefix character included, in order', () => {
    const input = focusedInput();
    listen({ prefix: '%' });
    typeText('50% off 1234', 140);
    expect(input.value).toBe('50% off 1234');
    expect(bursts).toEqual([]);
  });

  it('without a prefix, a field gets every key as typed, even a fast run', () => {
    const input = focusedInput();
    listen();
    typeText('room 12', 120);
    typeText('9876', 5);
    expect(input.value).toBe('room 129876');
    expect(bursts).toEqual([]);
  });

  it('a held prefix a person typed is put back before the next key, at the caret', () => {
    const input = focusedInput();
    input.value = 'ab';
    input.setSelectionRange(1, 1);
    const inputs: string[] = [];
    input.addEventListener('input', (event) => inputs.push((event as InputEvent).data ?? ''));
    listen({ prefix: '%' });
    expect(press('Digit5', '%').defaultPrevented).toBe(true);
    wait(80);
    press('Digit1', '1');
    expect(input.value).toBe('a%1b');
    expect(inputs).toEqual(['%']);
  });

  it('stops listening and gives back held keys when its scope ends', () => {
    const input = focusedInput();
    const scope = effectScope();
    scope.run(() =>
      useWedgeReader({ onBurst: (text) => bursts.push(text), config: { prefix: '%' }, now: () => time }),
    );
    press('Digit5', '%');
    scope.stop();
    expect(input.value).toBe('%');
    typeText('%1234\n', 5);
    expect(input.value).toBe('%%1234');
    expect(bursts).toEqual([]);
  });
});

describe('insertText', () => {
  it('replaces the selection of a text field and fires input', () => {
    const input = focusedInput();
    input.value = 'abcd';
    input.setSelectionRange(1, 3);
    const onInput = vi.fn();
    input.addEventListener('input', onInput);
    insertText(input, 'X');
    expect(input.value).toBe('aXd');
    expect(onInput).toHaveBeenCalledTimes(1);
  });

  it('types nowhere but into editable fields', () => {
    const input = focusedInput();
    input.readOnly = true;
    insertText(input, 'X');
    insertText(document.body, 'X');
    expect(input.value).toBe('');
  });
});
