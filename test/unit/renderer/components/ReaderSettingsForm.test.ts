import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReaderSettings } from '../../../../src-shared/api/readers';
import { fail, ok } from '../../../../src-shared/api/result';
import ReaderSettingsForm from '../../../../src-renderer/components/ReaderSettingsForm.vue';
import { useReadersStore } from '../../../../src-renderer/stores/readers';
import { fakeDeskClient, type FakeDesk } from '../fake-desk-client';
import { mountDesk } from '../mount-desk';

const SETTINGS: ReaderSettings = {
  profiles: { 'hid:08ff:0009': 'wedge-hex' },
  shareModes: {},
  wedge: {
    isEnabled: true,
    profileId: 'wedge-hex',
    maxInterKeyMs: 35,
    minLength: 4,
    maxLength: 64,
    prefix: '',
    suffix: '',
    terminators: ['Enter'],
  },
  hidDevices: [{ vendorId: 0x08ff, productId: 0x0009, name: 'Desk reader' }],
};
const PROFILES = [{ id: 'wedge-hex', name: 'Keyboard wedge, UID in hex', format: 'hex' }];

let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

async function mountForm(canEdit: boolean, desk: FakeDesk) {
  desk.handlers['readers.settings'] = () => ok({ settings: SETTINGS, profiles: PROFILES });
  desk.handlers['readers.list'] = () => ok({ backends: [], readers: [] });
  const { wrapper } = mountDesk(ReaderSettingsForm, desk, { canEdit });
  unmount = () => wrapper.unmount();
  await useReadersStore().loadSettings();
  await flushPromises();
  return wrapper;
}

describe('reader settings form', () => {
  it('shows the settings read-only to operators who are not administrators', async () => {
    const wrapper = await mountForm(false, fakeDeskClient());
    expect(wrapper.find('[data-testid="reader-settings-readonly"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="reader-settings-save"]').exists()).toBe(false);
    expect(wrapper.get<HTMLInputElement>('#hid-0-vendorId').element.value).toBe('08FF');
    expect(wrapper.get<HTMLInputElement>('#hid-0-vendorId').element.disabled).toBe(true);
  });

  it('puts the core’s complaints at the fields they name', async () => {
    const desk = fakeDeskClient();
    desk.handlers['readers.configure'] = () =>
      fail('bad_request', 'Some fields are not valid.', [
        { path: 'wedge.maxInterKeyMs', message: 'Too big: expected number to be <=200' },
        { path: 'hidDevices.0.name', message: 'Too long.' },
      ]);
    const wrapper = await mountForm(true, desk);
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[data-testid="wedge-maxInterKeyMs-error"]').text()).toBe(
      'Enter a number from 5 to 200.',
    );
    expect(wrapper.text()).toContain('At most 80 characters.');
    expect(wrapper.find('[data-testid="reader-settings-error"]').exists()).toBe(false);
  });

  it('refuses a HID id that is not hex before asking the core', async () => {
    const desk = fakeDeskClient();
    const wrapper = await mountForm(true, desk);
    await wrapper.get('#hid-0-productId').setValue('XYZ');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.text()).toContain('Enter 1 to 4 hex digits (0–9, A–F), such as 08FF.');
    expect(desk.callsOf('readers.configure')).toEqual([]);
  });

  it('sends the settings with HID ids as numbers, the reader’s profile under its new id', async () => {
    const desk = fakeDeskClient();
    desk.handlers['readers.configure'] = (input) => ok(input as ReaderSettings);
    const wrapper = await mountForm(true, desk);
    await wrapper.get('#hid-0-vendorId').setValue('1a2b');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(desk.callsOf('readers.configure')).toEqual([
      {
        ...SETTINGS,
        profiles: { 'hid:1a2b:0009': 'wedge-hex' },
        hidDevices: [{ ...SETTINGS.hidDevices[0], vendorId: 0x1a2b }],
      },
    ]);
  });

  it('refuses the same HID reader twice, in the operator’s words, before asking the core', async () => {
    const desk = fakeDeskClient();
    const wrapper = await mountForm(true, desk);
    await wrapper.get('[data-testid="hid-add"]').trigger('click');
    await wrapper.get('#hid-1-vendorId').setValue('08ff');
    await wrapper.get('#hid-1-productId').setValue('9');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    const errors = wrapper.findAll('[data-testid="hid-duplicate-error"]');
    expect(errors.map((error) => error.text())).toEqual([
      'This HID reader is already in the list: the same vendor and product ID can be listed only once.',
    ]);
    expect(desk.callsOf('readers.configure')).toEqual([]);
  });
});
