// A HID reader's profile, chosen in the reader settings, decides how its reads are decoded: from the
// settings form's draft through readers.configure to a tap on a (stand-in) HID device and the card
// the desk presents. node-hid sees no devices on a test machine, so the device is a stand-in module
// that replays the boot-keyboard reports a reader sends.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CardPresented, ReaderSettings } from '../../../../../src-shared/api/readers';
import { hidReaderId } from '../../../../../src-shared/readers/reader-id';
import { createHidBackend } from '../../../../../src-main/core/readers/hid/hid-backend';
import { hidReaderConfigs } from '../../../../../src-main/core/readers/system-backends';
import {
  DEFAULT_PROFILE_CHOICE,
  fromDraft,
  toDraft,
} from '../../../../../src-renderer/readers/reader-settings-draft';
import { StandInHid } from '../../../../harness/stand-in-hid';
import { startTestDesk, type TestDesk } from '../../../../harness/test-desk';

const DESK_READER = { vendorId: 0x08ff, productId: 0x0009, name: 'Desk reader' };
const UID = '04A2B3C4D5E6F7';
/** The same UID as a reader set to print it byte-reversed types it. */
const UID_REVERSED = 'F7E6D5C4B3A204';

let t: TestDesk;
let hid: StandInHid;
let events: CardPresented[];

/** Sets the desk reader's profile as the settings form does, and saves it. */
async function chooseProfile(profileId: string): Promise<ReaderSettings> {
  const { settings } = await t.admin.must('readers.settings', {});
  const draft = toDraft({ ...settings, hidDevices: [DESK_READER] });
  draft.hidDevices[0]!.profileId = profileId;
  const checked = fromDraft(draft);
  if (!checked.ok) throw new Error(`The draft was refused: ${checked.invalidPaths.join(', ')}`);
  return t.admin.must('readers.configure', checked.settings);
}

async function tap(text: string): Promise<CardPresented> {
  const before = events.length;
  hid.opened[0]!.type(`${text}\n`);
  expect(events).toHaveLength(before + 1);
  return events.at(-1)!;
}

async function bind(printedNumber: string, hex: string, identityNumber: string) {
  const holder = await t.admin.must('holders.create', {
    givenName: 'Karin',
    familyName: 'Lindqvist',
    identityCountry: 'SE',
    identityNumber,
    hasEid: true,
  });
  const card = await t.admin.must('cards.register', {
    holderId: holder.id,
    kind: 'access_card',
    printedNumber,
  });
  await t.admin.must('cards.bindCredential', { cardId: card.id, technology: 'iso14443a_uid', hex });
  return card;
}

beforeEach(async () => {
  hid = new StandInHid([DESK_READER]);
  // The HID backend as the desk builds it from its settings, with node-hid swapped for the stand-in.
  const backend = createHidBackend({ devices: hidReaderConfigs([DESK_READER]), load: async () => hid });
  t = await startTestDesk({ readers: [backend] });
  events = [];
  t.admin.raw.onEvent((event, payload) => {
    if (event === 'card.presented') events.push(payload as CardPresented);
  });
  await vi.waitFor(() => expect(hid.opened).toHaveLength(1));
});
afterEach(() => t.close());

describe('a HID reader’s profile', () => {
  it('is kept under the reader’s id, the id its reads carry', async () => {
    const saved = await chooseProfile('wedge-hex-reversed');
    expect(saved.profiles).toEqual({ [hidReaderId(0x08ff, 0x0009)]: 'wedge-hex-reversed' });
    expect(saved.hidDevices).toEqual([DESK_READER]);
    expect(await tap(UID_REVERSED)).toMatchObject({ readerId: 'hid:08ff:0009', backend: 'hid' });
  });

  it('decodes the reader’s text: the card a reversed reader names, not the one its text spells', async () => {
    const karin = await bind('AC-0001', UID, '19121212-1212');
    // Another card whose UID is the reversed text read straight: what an ignored profile would find.
    const other = await bind('AC-0002', UID_REVERSED, '811218-9876');

    await chooseProfile('wedge-hex-reversed');
    expect(await tap(UID_REVERSED)).toMatchObject({
      status: 'active',
      card: { id: karin.id },
      credential: { hex: UID, format: 'hex_reversed' },
    });

    await chooseProfile('wedge-hex');
    expect(await tap(UID_REVERSED)).toMatchObject({ status: 'active', card: { id: other.id } });

    // Back to the default (hex for HID readers): the profile is gone from the settings.
    const saved = await chooseProfile(DEFAULT_PROFILE_CHOICE);
    expect(saved.profiles).toEqual({});
    expect(await tap(UID_REVERSED)).toMatchObject({ card: { id: other.id } });
  });

  it('is refused with the reader listed twice: one reader id cannot have two profiles', async () => {
    const saved = await chooseProfile('wedge-hex-reversed');
    const result = await t.admin.call('readers.configure', {
      ...saved,
      hidDevices: [DESK_READER, { ...DESK_READER, name: 'The same reader again' }],
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'bad_request', issues: [{ path: 'hidDevices.1.duplicate' }] },
    });
    expect((await t.admin.must('readers.settings', {})).settings).toEqual(saved);
  });

  it('reads a decimal reader’s number as its UID, and the same digits are not a card to a hex reader', async () => {
    const card = await bind('AC-0003', UID, '19121212-1212');
    await chooseProfile('wedge-decimal');
    expect(await tap('1304792892040951')).toMatchObject({ status: 'active', card: { id: card.id } });

    await chooseProfile('wedge-hex');
    // 16 hex digits are 8 bytes: no UID has that length.
    expect(await tap('1304792892040951')).toMatchObject({ status: 'unreadable', card: null });
  });
});
