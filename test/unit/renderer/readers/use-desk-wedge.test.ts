import { afterEach, describe, expect, it } from 'vitest';
import { effectScope, nextTick, ref } from 'vue';
import type { WedgeSettings } from '../../../../src-shared/api/readers';
import { detectorConfig, useDeskWedge } from '../../../../src-renderer/readers/use-desk-wedge';

const WEDGE: WedgeSettings = {
  isEnabled: true,
  profileId: 'wedge-hex',
  maxInterKeyMs: 35,
  minLength: 4,
  maxLength: 64,
  prefix: '',
  suffix: '',
  terminators: ['Enter'],
};

let stop: (() => void) | undefined;
afterEach(() => stop?.());

/** A reader's burst: keys 1 ms apart (the detector reads KeyboardEvent.timeStamp). */
function burst(text: string): void {
  for (const char of [...text, 'Enter']) {
    const code = char === 'Enter' ? 'Enter' : /\d/.test(char) ? `Digit${char}` : `Key${char.toUpperCase()}`;
    window.dispatchEvent(new KeyboardEvent('keydown', { key: char, code, bubbles: true }));
  }
}

describe('the desk’s keyboard-wedge reader', () => {
  it('listens while the settings enable it, and stops when they no longer do', async () => {
    const settings = ref<WedgeSettings | null>(WEDGE);
    const bursts: string[] = [];
    const scope = effectScope();
    scope.run(() =>
      useDeskWedge(
        () => settings.value,
        (text) => bursts.push(text),
      ),
    );
    stop = () => scope.stop();

    burst('04A2B3C4');
    expect(bursts).toEqual(['04A2B3C4']);
    settings.value = { ...WEDGE, isEnabled: false };
    await nextTick();
    burst('04A2B3C4');
    expect(bursts).toHaveLength(1);
    settings.value = { ...WEDGE, prefix: ';' };
    await nextTick();
    burst(';1234');
    expect(bursts).toEqual(['04A2B3C4', '1234']);
    scope.stop();
    burst('04A2B3C4');
    expect(bursts).toHaveLength(2);
  });

  it('never lets a maximum below the minimum stop the screen', () => {
    expect(detectorConfig({ ...WEDGE, minLength: 10, maxLength: 8 })).toMatchObject({
      minLength: 10,
      maxLength: 10,
    });
  });
});
