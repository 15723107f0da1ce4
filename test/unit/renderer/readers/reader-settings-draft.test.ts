import { describe, expect, it } from 'vitest';
import type { ReaderSettings, ReadersOverview } from '../../../../src-shared/api/readers';
import {
  DEFAULT_PROFILE_CHOICE,
  fromDraft,
  readerRows,
  toDraft,
} from '../../../../src-renderer/readers/reader-settings-draft';

const SETTINGS: ReaderSettings = {
  profiles: { 'hid:08ff:0009': 'wedge-decimal', 'pcsc:Old Reader 00 00': 'pcsc-uid' },
  shareModes: { 'pcsc:Virtual PCD 00 00': 'exclusive' },
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
  hidDevices: [
    { vendorId: 0x08ff, productId: 0x0009, name: 'Desk reader' },
    { vendorId: 0x1a2b, productId: 0x0001, name: 'Gate reader' },
  ],
};

const OVERVIEW: ReadersOverview = {
  backends: [{ backend: 'pcsc', state: 'up' }],
  readers: [
    { id: 'pcsc:Virtual PCD 00 00', name: 'Virtual PCD 00 00', backend: 'pcsc', state: 'idle' },
    { id: 'wedge', name: 'Keyboard-wedge reader', backend: 'wedge', state: 'idle' },
  ],
};

describe('reader settings draft', () => {
  it('edits HID ids as hex, each with the profile kept under its reader id, and gives back the same settings', () => {
    const draft = toDraft(SETTINGS);
    expect(draft.hidDevices).toEqual([
      { vendorId: '08FF', productId: '0009', name: 'Desk reader', profileId: 'wedge-decimal' },
      { vendorId: '1A2B', productId: '0001', name: 'Gate reader', profileId: DEFAULT_PROFILE_CHOICE },
    ]);
    expect(draft.profiles).toEqual({ 'pcsc:Old Reader 00 00': 'pcsc-uid' });
    expect(fromDraft(draft)).toEqual({ ok: true, settings: SETTINGS });
  });

  it('keeps a HID reader’s chosen profile under its reader id, which follows its ids', () => {
    const draft = toDraft(SETTINGS);
    draft.hidDevices[0]!.vendorId = ' 0c2e ';
    draft.hidDevices[1]!.profileId = 'wedge-hex-reversed';
    const checked = fromDraft(draft);
    expect(checked.ok && checked.settings.profiles).toEqual({
      'pcsc:Old Reader 00 00': 'pcsc-uid',
      'hid:0c2e:0009': 'wedge-decimal',
      'hid:1a2b:0001': 'wedge-hex-reversed',
    });
  });

  it('forgets the profile of a HID reader that is removed or set back to its default', () => {
    const draft = toDraft(SETTINGS);
    draft.hidDevices[0]!.profileId = DEFAULT_PROFILE_CHOICE;
    draft.hidDevices.splice(1, 1);
    const checked = fromDraft(draft);
    expect(checked.ok && checked.settings.profiles).toEqual({ 'pcsc:Old Reader 00 00': 'pcsc-uid' });
    expect(checked.ok && checked.settings.hidDevices).toEqual([
      { vendorId: 0x08ff, productId: 0x0009, name: 'Desk reader' },
    ]);
  });

  it('reads hex ids in either case and drops readers left at their default profile', () => {
    const draft = toDraft(SETTINGS);
    draft.hidDevices[0]!.vendorId = ' 0C2e ';
    draft.profiles['pcsc:Virtual PCD 00 00'] = DEFAULT_PROFILE_CHOICE;
    const checked = fromDraft(draft);
    expect(checked.ok && checked.settings.hidDevices[0]?.vendorId).toBe(0x0c2e);
    expect(checked.ok && Object.keys(checked.settings.profiles)).not.toContain('pcsc:Virtual PCD 00 00');
  });

  it('refuses the same HID reader listed twice, at the second one', () => {
    const draft = toDraft(SETTINGS);
    draft.hidDevices[1]!.vendorId = '8ff';
    draft.hidDevices[1]!.productId = '9';
    expect(fromDraft(draft)).toEqual({ ok: false, invalidPaths: ['hidDevices.1.duplicate'] });
  });

  it('names the ids that are not hex', () => {
    const draft = toDraft(SETTINGS);
    draft.hidDevices[0]!.vendorId = '';
    draft.hidDevices[0]!.productId = '12345';
    expect(fromDraft(draft)).toEqual({
      ok: false,
      invalidPaths: ['hidDevices.0.vendorId', 'hidDevices.0.productId'],
    });
  });

  it('lists connected PC/SC readers first, then those only the settings remember; HID and wedge readers have their own parts', () => {
    const overview: ReadersOverview = {
      ...OVERVIEW,
      readers: [
        ...OVERVIEW.readers,
        { id: 'hid:08ff:0009', name: 'Desk reader', backend: 'hid', state: 'idle' },
      ],
    };
    const settings = { ...SETTINGS, shareModes: { 'pcsc:Spare Reader 00 00': 'shared' as const } };
    expect(readerRows(overview, settings)).toEqual([
      { id: 'pcsc:Virtual PCD 00 00', name: 'Virtual PCD 00 00', backend: 'pcsc' },
      { id: 'pcsc:Old Reader 00 00', name: 'Old Reader 00 00', backend: 'pcsc' },
      { id: 'pcsc:Spare Reader 00 00', name: 'Spare Reader 00 00', backend: 'pcsc' },
    ]);
  });
});
