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
  pcscMode: { 'Virtual PCD 00 00': 'exclusive' },
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
  hidDevices: [{ vendorId: 0x08ff, productId: 0x0009, name: 'Desk reader', profileId: 'wedge-decimal' }],
};

const OVERVIEW: ReadersOverview = {
  backends: [{ backend: 'pcsc', state: 'up' }],
  readers: [
    { id: 'pcsc:Virtual PCD 00 00', name: 'Virtual PCD 00 00', backend: 'pcsc', state: 'idle' },
    { id: 'wedge', name: 'Keyboard-wedge reader', backend: 'wedge', state: 'idle' },
  ],
};

describe('reader settings draft', () => {
  it('edits HID ids as hex and gives back the same settings', () => {
    const draft = toDraft(SETTINGS);
    expect(draft.hidDevices[0]).toMatchObject({ vendorId: '08FF', productId: '0009' });
    expect(fromDraft(draft)).toEqual({ ok: true, settings: SETTINGS });
  });

  it('reads hex ids in either case and drops readers left at their default profile', () => {
    const draft = toDraft(SETTINGS);
    draft.hidDevices[0]!.vendorId = ' 1a2b ';
    draft.profiles['pcsc:Virtual PCD 00 00'] = DEFAULT_PROFILE_CHOICE;
    const checked = fromDraft(draft);
    expect(checked.ok && checked.settings.hidDevices[0]?.vendorId).toBe(0x1a2b);
    expect(checked.ok && Object.keys(checked.settings.profiles)).not.toContain('pcsc:Virtual PCD 00 00');
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

  it('lists connected readers first, then those only the settings remember, never the wedge', () => {
    expect(readerRows(OVERVIEW, SETTINGS)).toEqual([
      { id: 'pcsc:Virtual PCD 00 00', name: 'Virtual PCD 00 00', backend: 'pcsc' },
      { id: 'hid:08ff:0009', name: '08ff:0009', backend: 'hid' },
      { id: 'pcsc:Old Reader 00 00', name: 'Old Reader 00 00', backend: 'pcsc' },
    ]);
  });
});
