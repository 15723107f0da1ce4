import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cardPresented, type CardPresented } from '../../../../../src-shared/api/readers';
import { scriptedBackend } from '../../../../harness/scripted-backend';
import { startTestDesk, type TestDesk } from '../../../../harness/test-desk';

const HOLDER = {
  givenName: 'Anna',
  familyName: 'Lindqvist',
  identityCountry: 'SE' as const,
  identityNumber: '19121212-1212',
  hasEid: true,
};

let t: TestDesk;
let pcsc: ReturnType<typeof scriptedBackend>;
let hid: ReturnType<typeof scriptedBackend>;
let events: CardPresented[];

async function cardWithChip(printedNumber: string, hex: string) {
  const holder = await t.admin.must('holders.create', {
    ...HOLDER,
    identityNumber: hex.length > 8 ? '811218-9876' : HOLDER.identityNumber,
  });
  const card = await t.admin.must('cards.register', {
    holderId: holder.id,
    kind: 'access_card',
    printedNumber,
  });
  await t.admin.must('cards.bindCredential', { cardId: card.id, technology: 'iso14443a_uid', hex });
  return { holder, card };
}

beforeEach(async () => {
  pcsc = scriptedBackend('pcsc');
  hid = scriptedBackend('hid');
  t = await startTestDesk({ readers: [pcsc, hid] });
  events = [];
  t.admin.raw.onEvent((event, payload) => {
    if (event === 'card.presented') events.push(payload as CardPresented);
  });
});
afterEach(() => t.close());

describe('tap to identify', () => {
  it('starts the backends with the desk', () => {
    expect(pcsc.started()).toBe(true);
  });

  it('a bound card tapped on a PC/SC reader shows its holder as active', async () => {
    const { holder, card } = await cardWithChip('AC-0001', '04A2B3C4D5E6F7');
    pcsc.readBytes('04A2B3C4D5E6F7');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      status: 'active',
      holder: { id: holder.id },
      card: { id: card.id },
      backend: 'pcsc',
    });
    // Events reach every logged-in screen, so the identity number in them is always masked.
    expect(events[0]!.holder!.identityNumber).toBe('19811218-****');
  });

  it('finds the same card whatever format a HID reader prints, per its profile', async () => {
    const { card } = await cardWithChip('AC-0002', '04A2B3C4D5E6F7');
    const settings = (await t.admin.must('readers.settings', {})).settings;
    for (const [profile, text] of [
      ['wedge-hex', '04A2B3C4D5E6F7'],
      ['wedge-hex-reversed', 'F7E6D5C4B3A204'],
      ['wedge-8h10d', '3302352631'],
      ['wedge-decimal', '1304792892040951'],
    ] as const) {
      await t.admin.must('readers.configure', { ...settings, profiles: { 'hid-1': profile } });
      hid.readText(text);
      expect(events.at(-1), profile).toMatchObject({ status: 'active', card: { id: card.id } });
    }
  });

  it('shows a blocked card red with its reason, an expired one, and one not yet active', async () => {
    const { card } = await cardWithChip('AC-0003', 'A1B2C3D4');
    t.desk.db
      .prepare(`UPDATE cards SET state = 'blocked', block_reason = 'stolen' WHERE id = ?`)
      .run(card.id);
    pcsc.readBytes('A1B2C3D4');
    expect(events.at(-1)).toMatchObject({
      status: 'blocked',
      reason: { code: 'block_reason', params: { blockReason: 'stolen' } },
    });
    t.desk.db
      .prepare(`UPDATE cards SET state = 'active', valid_until = '2020-01-31' WHERE id = ?`)
      .run(card.id);
    pcsc.readBytes('A1B2C3D4');
    expect(events.at(-1)).toMatchObject({
      status: 'expired',
      reason: { code: 'expired_on', params: { date: '2020-01-31' } },
    });
    t.desk.db.prepare(`UPDATE cards SET state = 'ready', valid_until = NULL WHERE id = ?`).run(card.id);
    pcsc.readBytes('A1B2C3D4');
    expect(events.at(-1)).toMatchObject({
      status: 'not_yet_active',
      reason: { code: 'not_activated', params: { state: 'ready' } },
    });
    // Every event is what the contract says, so the screen never has to guess what a reason means.
    for (const event of events) expect(cardPresented.strict().safeParse(event).success).toBe(true);
  });

  it('reads a block reason no version of the desk writes as "another reason", never failing the tap', async () => {
    const { card, holder } = await cardWithChip('AC-0007', 'A1B2C3D5');
    t.desk.db
      .prepare(`UPDATE cards SET state = 'blocked', block_reason = 'found in the lift' WHERE id = ?`)
      .run(card.id);
    pcsc.readBytes('A1B2C3D5');
    expect(events.at(-1)).toMatchObject({
      status: 'blocked',
      reason: { code: 'block_reason', params: { blockReason: 'other' } },
      card: { blockReason: 'other' },
    });
    const detail = await t.admin.must('holders.get', { id: holder.id });
    expect(detail.cards[0]!.blockReason).toBe('other');
  });

  it('reports an unknown card with its credential so it can be bound, and a random UID as unusable', async () => {
    pcsc.readBytes('DEADBEEF');
    expect(events.at(-1)).toMatchObject({
      status: 'unknown',
      credential: { technology: 'iso14443a_uid', hex: 'DEADBEEF' },
      holder: null,
    });
    pcsc.readBytes('08123456', 'desfire', false);
    expect(events.at(-1)).toMatchObject({ status: 'unusable', credential: null });
  });

  it('says why a reader string is unreadable instead of guessing', async () => {
    hid.readText('not a card!');
    expect(events.at(-1)).toMatchObject({
      status: 'unreadable',
      reason: { code: 'unreadable', params: { problem: 'invalid_character', profileId: 'wedge-hex' } },
    });
    const settings = (await t.admin.must('readers.settings', {})).settings;
    await t.admin.must('readers.configure', { ...settings, profiles: { 'hid-1': 'wedge-8h10d' } });
    hid.readText('99999999999');
    expect(events.at(-1)!.reason).toEqual({
      code: 'unreadable',
      params: { problem: 'too_long', profileId: 'wedge-8h10d' },
    });
  });

  it('refuses to pick when a lossy format matches two cards', async () => {
    await cardWithChip('AC-0004', '04AAAAC4D5E6F7');
    const other = await t.admin.must('holders.create', { ...HOLDER, identityNumber: '850709-9805' });
    const card = await t.admin.must('cards.register', {
      holderId: other.id,
      kind: 'access_card',
      printedNumber: 'AC-0005',
    });
    await t.admin.must('cards.bindCredential', {
      cardId: card.id,
      technology: 'iso14443a_uid',
      hex: '04BBBBC4D5E6F7',
    });
    const settings = (await t.admin.must('readers.settings', {})).settings;
    await t.admin.must('readers.configure', { ...settings, profiles: { 'hid-1': 'wedge-8h10d' } });
    hid.readText('3302352631');
    expect(events.at(-1)).toMatchObject({ status: 'ambiguous', holder: null });
  });

  it('hands keyboard-wedge bursts from the screen to the same pipeline', async () => {
    const { card } = await cardWithChip('AC-0006', '04A2B3C4D5E6F7');
    const presented = await t.admin.must('readers.wedgeRead', { text: '04A2B3C4D5E6F7' });
    expect(presented).toMatchObject({ status: 'active', backend: 'wedge', card: { id: card.id } });
    expect(events.at(-1)!.id).toBe(presented.id);
    const overview = await t.admin.must('readers.list', {});
    expect(overview.readers.find((r) => r.id === 'wedge')?.lastEvent?.summary).toContain('active card');
  });

  it('sends card events only to logged-in screens; a signed-out one hears only that a card came', async () => {
    const anonymous: unknown[] = [];
    t.anonymous().raw.onEvent((event) => anonymous.push(event));
    pcsc.readBytes('DEADBEEF');
    expect(events).toHaveLength(1);
    expect(anonymous).toEqual(['card.presentedSignedOut']);
  });
});

describe('binding a credential', () => {
  it('is an audited, synced operation, and the card is then found by a tap', async () => {
    const holder = await t.admin.must('holders.create', HOLDER);
    const card = await t.admin.must('cards.register', {
      holderId: holder.id,
      kind: 'id06',
      printedNumber: 'ID06-77',
    });
    const reception = await t.loginAs(['reception']);
    const audit = t.count('audit_events');
    const bound = await reception.must('cards.bindCredential', {
      cardId: card.id,
      technology: 'iso14443a_uid',
      hex: '11223344',
    });
    expect(bound.credentials.map((c) => c.hex)).toEqual(['11223344']);
    expect(t.count('audit_events')).toBe(audit + 1);
    expect(
      t.desk.db.prepare(`SELECT count(*) FROM outbox WHERE type = 'card.bindCredential'`).pluck().get(),
    ).toBe(1);
    pcsc.readBytes('11223344');
    expect(events.at(-1)).toMatchObject({ status: 'active', card: { id: card.id } });
  });

  it('binds a chip to a card on its way without activating it; a ready card is activated only by its hand-over', async () => {
    const holder = await t.admin.must('holders.create', HOLDER);
    const register = (printedNumber: string) =>
      t.admin.must('cards.register', { holderId: holder.id, kind: 'access_card', printedNumber });
    const ready = await register('AC-READY');
    const produced = await register('AC-PROD');
    t.desk.db.prepare(`UPDATE cards SET state = 'ready', valid_from = NULL WHERE id = ?`).run(ready.id);
    t.desk.db.prepare(`UPDATE cards SET state = 'in_production' WHERE id = ?`).run(produced.id);

    const bound = await t.admin.call('cards.bindCredential', {
      cardId: ready.id,
      technology: 'iso14443a_uid',
      hex: 'A0A1A2A3',
    });
    expect(bound.ok || bound.error.code).toBe('hand_over_required');
    const handedOver = await t.admin.must('cards.handOver', {
      cardId: ready.id,
      faceChecked: true,
      chip: { technology: 'iso14443a_uid', hex: 'A0A1A2A3' },
    });
    expect(handedOver.state).toBe('active');
    expect(handedOver.validFrom).toBe(new Date().toISOString().slice(0, 10));
    pcsc.readBytes('A0A1A2A3');
    expect(events.at(-1)).toMatchObject({ status: 'active', card: { id: ready.id } });

    const early = await t.admin.must('cards.bindCredential', {
      cardId: produced.id,
      technology: 'iso14443a_uid',
      hex: 'B0B1B2B3',
    });
    expect(early.state).toBe('in_production');
    pcsc.readBytes('B0B1B2B3');
    expect(events.at(-1)).toMatchObject({ status: 'not_yet_active', card: { id: produced.id } });

    const actions = t.desk.db
      .prepare(
        `SELECT action FROM audit_events WHERE action LIKE 'card.%' AND action != 'card.register' ORDER BY seq`,
      )
      .pluck()
      .all() as string[];
    expect(actions).toEqual(['card.handOver', 'card.bindCredential']);
  });

  it('refuses a chip bound elsewhere, a card that takes no chip, bad hex and unknown technologies, writing nothing', async () => {
    const holder = await t.admin.must('holders.create', HOLDER);
    const a = await t.admin.must('cards.register', {
      holderId: holder.id,
      kind: 'access_card',
      printedNumber: 'AC-1',
    });
    const b = await t.admin.must('cards.register', {
      holderId: holder.id,
      kind: 'access_card',
      printedNumber: 'AC-2',
    });
    await t.admin.must('cards.bindCredential', {
      cardId: a.id,
      technology: 'iso14443a_uid',
      hex: '11223344',
    });
    t.desk.db.prepare(`UPDATE cards SET state = 'blocked' WHERE id = ?`).run(b.id);
    // The rule the bind dialog offers cards by: no chip for a mobile ID or a card past its end date.
    const mobile = await t.admin.must('cards.register', {
      holderId: holder.id,
      kind: 'mobile_id',
      printedNumber: 'MOB-1',
    });
    const ended = await t.admin.must('cards.register', {
      holderId: holder.id,
      kind: 'access_card',
      printedNumber: 'AC-3',
    });
    t.desk.db.prepare(`UPDATE cards SET valid_until = '2020-01-31' WHERE id = ?`).run(ended.id);
    const before = [t.count('credentials'), t.count('credential_keys'), t.count('audit_events')];
    // A conflict names the refused field, so the screen can say which refusal it is.
    const attempts: Array<[Record<string, unknown>, string, string?]> = [
      [{ cardId: b.id, technology: 'iso14443a_uid', hex: '55667788' }, 'conflict', 'cardId'],
      [{ cardId: mobile.id, technology: 'iso14443a_uid', hex: '55667788' }, 'conflict', 'cardId'],
      [{ cardId: ended.id, technology: 'iso14443a_uid', hex: '55667788' }, 'conflict', 'cardId'],
      [{ cardId: a.id, technology: 'iso14443a_uid', hex: '11223344' }, 'conflict', 'hex'],
      [{ cardId: a.id, technology: 'iso14443a_uid', hex: '112233' }, 'bad_request'],
      [{ cardId: a.id, technology: 'iso14443a_uid', hex: 'zz' }, 'bad_request'],
      [{ cardId: a.id, technology: 'magic', hex: '11223344' }, 'bad_request'],
      [{ cardId: a.id, technology: 'iso14443a_uid', hex: 'AB'.repeat(40) }, 'bad_request'],
    ];
    for (const [input, code, field] of attempts) {
      const answer = await t.admin.raw.call('cards.bindCredential', input);
      expect(answer, JSON.stringify(input)).toMatchObject({ error: { code } });
      if (field)
        expect(answer, JSON.stringify(input)).toMatchObject({ error: { issues: [{ path: field }] } });
    }
    expect([t.count('credentials'), t.count('credential_keys'), t.count('audit_events')]).toEqual(before);
  });
});

describe('reader settings', () => {
  it('only administrators change them, and bad profiles or lengths are refused', async () => {
    const settings = (await t.admin.must('readers.settings', {})).settings;
    const reception = await t.loginAs(['reception']);
    expect(await reception.call('readers.configure', settings)).toMatchObject({
      error: { code: 'forbidden' },
    });
    expect(await t.admin.call('readers.configure', { ...settings, profiles: { x: 'nope' } })).toMatchObject({
      error: { code: 'bad_request' },
    });
    expect(
      await t.admin.call('readers.configure', {
        ...settings,
        wedge: { ...settings.wedge, minLength: 20, maxLength: 10 },
      }),
    ).toMatchObject({ error: { code: 'bad_request' } });
    const saved = await t.admin.must('readers.configure', {
      ...settings,
      wedge: { ...settings.wedge, prefix: '%' },
    });
    expect((await reception.must('readers.settings', {})).settings.wedge.prefix).toBe(saved.wedge.prefix);
  });

  it('tells every screen at once when the wedge is turned off or on', async () => {
    const changes: Array<{ backends: Array<{ backend: string; state: string }> }> = [];
    t.admin.raw.onEvent((event, payload) => {
      if (event === 'readers.changed') changes.push(payload as (typeof changes)[number]);
    });
    const settings = (await t.admin.must('readers.settings', {})).settings;
    const wedgeState = () => changes.at(-1)?.backends.find((b) => b.backend === 'wedge')?.state;
    await t.admin.must('readers.configure', { ...settings, wedge: { ...settings.wedge, isEnabled: false } });
    expect(wedgeState()).toBe('unavailable');
    await t.admin.must('readers.configure', { ...settings, wedge: { ...settings.wedge, isEnabled: true } });
    expect(wedgeState()).toBe('up');
  });
});
