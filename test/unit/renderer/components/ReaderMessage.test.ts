import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import ReaderMessage from '../../../../src-renderer/components/ReaderMessage.vue';
import { applyLanguage, i18n } from '../../../../src-renderer/i18n';

afterEach(() => applyLanguage('en'));

describe('ReaderMessage', () => {
  it('shows each line of a message as a line of its own', () => {
    applyLanguage('sv');
    const wrapper = mount(ReaderMessage, {
      props: {
        english: 'Add a udev rule with the line\nSUBSYSTEM=="hidraw"\nand plug the reader in again.',
        words: {
          key: 'hid_open_denied_linux',
          params: {
            ids: '08ff:0009',
            detail: 'Permission denied',
            ruleFile: '/etc/udev/rules.d/70-frontdesk-id-reader.rules',
            rule: 'SUBSYSTEM=="hidraw"',
            reloadCommand: 'sudo udevadm trigger',
          },
        },
      },
      global: { plugins: [i18n] },
    });
    const lines = wrapper.findAll('.reader-message__line').map((line) => line.text());
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^Systemet låter inte Frontdesk ID öppna HID-läsaren 08ff:0009/u);
    expect(lines[1]).toBe('SUBSYSTEM=="hidraw"');
  });

  it('shows the English message when it has no words', () => {
    applyLanguage('da');
    const wrapper = mount(ReaderMessage, { props: { english: 'Not started' }, global: { plugins: [i18n] } });
    expect(wrapper.text()).toBe('Not started');
  });
});
