import { mount } from '@vue/test-utils';
import { defineComponent, h } from 'vue';
import { describe, expect, it } from 'vitest';
import { useScreenAwake } from '../../../../src-renderer/composables/use-screen-awake';

function screen(win: Window) {
  return defineComponent({
    setup() {
      useScreenAwake(win);
      return () => h('div');
    },
  });
}

describe('useScreenAwake', () => {
  it('keeps the display awake while the screen is shown, through the desk client', () => {
    const calls: boolean[] = [];
    const win = { desk: { keepScreenAwake: (awake: boolean) => calls.push(awake) } } as unknown as Window;
    const wrapper = mount(screen(win));
    expect(calls).toEqual([true]);
    wrapper.unmount();
    expect(calls).toEqual([true, false]);
  });

  it('does nothing in a browser, where the web host has no screen to keep awake', () => {
    const wrapper = mount(screen({} as Window));
    expect(() => wrapper.unmount()).not.toThrow();
    const withoutIt = { desk: { call: () => undefined, on: () => () => {} } } as unknown as Window;
    expect(() => mount(screen(withoutIt)).unmount()).not.toThrow();
  });
});
