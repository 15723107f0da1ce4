import { describe, expect, it } from 'vitest';
import { DEFAULT_READER_SETTINGS } from '../../../../../src-main/core/readers/reader-settings';
import { upgradeReaderSettings } from '../../../../../src-main/core/readers/upgrade-reader-settings';

const { wedge } = DEFAULT_READER_SETTINGS;

describe('upgradeReaderSettings', () => {
  it('gives settings in today’s shape back as they are', () => {
    const today = {
      profiles: { 'pcsc:Virtual PCD 00 00': 'pcsc-uid', 'hid:08ff:0009': 'wedge-decimal' },
      shareModes: { 'pcsc:Virtual PCD 00 00': 'exclusive' as const },
      wedge,
      hidDevices: [{ vendorId: 0x08ff, productId: 0x0009, name: 'Desk reader' }],
    };
    expect(upgradeReaderSettings(today)).toEqual(today);
  });

  it('keeps one of a HID reader listed twice in the earlier shape: the first, with its profile', () => {
    const earlier = {
      profiles: {},
      pcscMode: {},
      wedge,
      hidDevices: [
        { vendorId: 0x08ff, productId: 0x0009, name: 'Desk reader', profileId: 'wedge-8h10d' },
        { vendorId: 0x08ff, productId: 0x0009, name: 'Again', profileId: 'wedge-hex' },
      ],
    };
    expect(upgradeReaderSettings(earlier)).toEqual({
      profiles: { 'hid:08ff:0009': 'wedge-8h10d' },
      shareModes: {},
      wedge,
      hidDevices: [{ vendorId: 0x08ff, productId: 0x0009, name: 'Desk reader' }],
    });
  });

  it('refuses what is neither shape, and a mix of the two', () => {
    for (const stored of [
      null,
      'reader settings',
      [],
      { profiles: {}, wedge, hidDevices: [] },
      { profiles: {}, pcscMode: {}, shareModes: {}, wedge, hidDevices: [] },
      { profiles: { x: 'NOT A PROFILE' }, pcscMode: {}, wedge, hidDevices: [] },
    ]) {
      expect(upgradeReaderSettings(stored), JSON.stringify(stored)).toBeNull();
    }
  });
});
