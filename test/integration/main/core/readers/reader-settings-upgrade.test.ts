// Reader settings saved by the earlier version of the desk (PC/SC share modes by reader name, a
// profile on each HID device) load after an update, in today's shape keyed by reader id, and the
// desk reads with them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CardPresented } from '../../../../../src-shared/api/readers';
import { createHidBackend } from '../../../../../src-main/core/readers/hid/hid-backend';
import {
  DEFAULT_READER_SETTINGS,
  loadReaderSettings,
} from '../../../../../src-main/core/readers/reader-settings';
import { hidReaderConfigs } from '../../../../../src-main/core/readers/system-backends';
import { openDatabase } from '../../../../../src-main/core/store/database';
import { StandInHid } from '../../../../harness/stand-in-hid';
import { startTestDesk, type TestDesk } from '../../../../harness/test-desk';

const WEDGE = { ...DEFAULT_READER_SETTINGS.wedge, profileId: 'wedge-decimal', prefix: ';' };
/** What the earlier version stored for a desk with a PC/SC reader and two HID readers. */
const EARLIER = {
  profiles: { 'pcsc:Virtual PCD 00 00': 'pcsc-uid', 'hid:0c2e:0b61': 'wedge-decimal' },
  pcscMode: { 'Virtual PCD 00 00': 'exclusive' },
  wedge: WEDGE,
  hidDevices: [
    { vendorId: 0x08ff, productId: 0x0009, name: 'Desk reader', profileId: 'wedge-hex-reversed' },
    // Its profile in the readers table is the one its reads used: it stays.
    { vendorId: 0x0c2e, productId: 0x0b61, name: 'Gate reader', profileId: 'wedge-hex' },
  ],
};

let dir: string;
let path: string;
let t: TestDesk | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'frontdesk-reader-settings-'));
  path = join(dir, 'desk.sqlite');
});
afterEach(async () => {
  await t?.close();
  t = undefined;
  rmSync(dir, { recursive: true, force: true });
});

function store(value: string): void {
  const db = openDatabase(path);
  db.prepare(`INSERT INTO desk_meta (key, value) VALUES ('reader_settings', ?)`).run(value);
  db.close();
}

describe('reader settings from an earlier version', () => {
  it('load keyed by reader id, and a HID reader reads with the profile chosen for it', async () => {
    store(JSON.stringify(EARLIER));
    const hid = new StandInHid([{ vendorId: 0x08ff, productId: 0x0009 }]);
    // The HID readers the desk opens come from the stored settings, as when it starts.
    const db = openDatabase(path);
    const devices = hidReaderConfigs(loadReaderSettings(db).hidDevices);
    db.close();
    const backend = createHidBackend({ devices, load: async () => hid });
    t = await startTestDesk({ databasePath: path, readers: [backend] });

    const { settings } = await t.admin.must('readers.settings', {});
    expect(settings).toEqual({
      profiles: {
        'pcsc:Virtual PCD 00 00': 'pcsc-uid',
        'hid:0c2e:0b61': 'wedge-decimal',
        'hid:08ff:0009': 'wedge-hex-reversed',
      },
      shareModes: { 'pcsc:Virtual PCD 00 00': 'exclusive' },
      wedge: WEDGE,
      hidDevices: [
        { vendorId: 0x08ff, productId: 0x0009, name: 'Desk reader' },
        { vendorId: 0x0c2e, productId: 0x0b61, name: 'Gate reader' },
      ],
    });

    const holder = await t.admin.must('holders.create', {
      givenName: 'Karin',
      familyName: 'Lindqvist',
      identityCountry: 'SE',
      identityNumber: '19121212-1212',
      hasEid: true,
    });
    const card = await t.admin.must('cards.register', {
      holderId: holder.id,
      kind: 'access_card',
      printedNumber: 'AC-0001',
    });
    await t.admin.must('cards.bindCredential', {
      cardId: card.id,
      technology: 'iso14443a_uid',
      hex: '04A2B3C4D5E6F7',
    });
    const events: CardPresented[] = [];
    t.admin.raw.onEvent((event, payload) => {
      if (event === 'card.presented') events.push(payload as CardPresented);
    });
    await vi.waitFor(() => expect(hid.opened).toHaveLength(1));
    hid.opened[0]!.type('F7E6D5C4B3A204\n');
    expect(events).toMatchObject([{ status: 'active', card: { id: card.id } }]);

    // Saving stores today's shape, which loads as it is.
    await t.admin.must('readers.configure', settings);
    expect(loadReaderSettings(t.desk.db)).toEqual(settings);
  });

  it('that are damaged give way to the defaults, and the desk starts', async () => {
    for (const damaged of ['{"profiles": {', JSON.stringify({ ...EARLIER, pcscMode: { x: 'sometimes' } })]) {
      rmSync(path, { force: true });
      store(damaged);
      const db = openDatabase(path);
      expect(loadReaderSettings(db)).toEqual(DEFAULT_READER_SETTINGS);
      db.close();
    }
    t = await startTestDesk({ databasePath: path });
    expect((await t.admin.must('readers.settings', {})).settings).toEqual(DEFAULT_READER_SETTINGS);
  });
});
