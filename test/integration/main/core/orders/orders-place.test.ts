// orders.place: every mandatory field checked before the order exists, each refusal at its field and
// nothing written; a replacement blocks the old card in the same operation, or nothing happens at all.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeLargePng, makePng, photoInput } from '../../../../harness/images';
import { startOrderDesk, type OrderDesk } from '../../../../harness/order-fixture';

let d: OrderDesk;
beforeEach(async () => {
  d = await startOrderDesk();
});
afterEach(() => d.t.close());

const TABLES = ['orders', 'order_photos', 'cards', 'blocks', 'block_cards', 'outbox', 'audit_events'];
const writes = () => Object.fromEntries(TABLES.map((table) => [table, d.t.count(table)]));

describe('orders.place', () => {
  it('stores what the orderer entered and the photo, and changes nothing on the holder yet', async () => {
    const before = writes();
    const order = await d.orderer.must('orders.place', d.order());
    expect(order).toMatchObject({
      state: 'ordered',
      kind: 'new',
      includes: 'physical',
      isMine: true,
      canDecide: false,
      canCancel: true,
      cards: [],
      entered: { givenName: 'Anna Maria', familyName: 'Lindqvist Öberg', identityNumber: '19121212-1212' },
      holder: { givenName: 'Anna', familyName: 'Lindqvist', email: 'anna@example.se' },
      photo: { mime: 'image/png', width: 330, height: 440, takenAt: '2026-11-20T10:00:00.000Z' },
    });
    expect(order.entered.organisation).toMatchObject({ name: 'Bygg AB', number: '556016-0680' });
    expect(writes()).toEqual({
      ...before,
      orders: before.orders! + 1,
      order_photos: before.order_photos! + 1,
      outbox: before.outbox! + 1,
      audit_events: before.audit_events! + 1,
    });
    const holder = await d.orderer.must('holders.get', { id: d.holderId });
    expect([holder.givenName, holder.familyName, holder.hasPhoto]).toEqual(['Anna', 'Lindqvist', false]);
    const photo = await d.approver.must('orders.photo', { id: order.id });
    expect(Buffer.from(photo.base64, 'base64').subarray(1, 4).toString()).toBe('PNG');
    // The outbox carries what the hub needs to place it again, with the photo's hash.
    const outbox = d.t.desk.db.prepare(`SELECT payload FROM outbox WHERE type = 'order.place'`).get() as {
      payload: string;
    };
    expect(JSON.parse(outbox.payload)).toMatchObject({ id: order.id, data: { namesConfirmed: true } });
  });

  // Each bad field: the refusal names that field and its rule, and nothing is written.
  const BAD: [string, () => Parameters<OrderDesk['order']>[0], string, string][] = [
    ['names not confirmed', () => ({ namesConfirmed: false }), 'namesConfirmed', 'names_not_confirmed'],
    [
      'identity check digit',
      () => ({ identityNumber: '19121212-1213' }),
      'identityNumber',
      'identity_checksum',
    ],
    [
      'someone else’s identity',
      () => ({ identityNumber: '811218-9876' }),
      'identityNumber',
      'identity_not_holders',
    ],
    [
      'unknown employer',
      () => ({ organisationId: '01900000-0000-7000-8000-000000000000' }),
      'organisationId',
      'organisation_unknown',
    ],
    [
      'mobile ID without e-mail',
      () => ({ includes: 'both', email: null }),
      'email',
      'email_required_for_mobile',
    ],
    ['validity in the past', () => ({ validUntil: '2026-11-24' }), 'validUntil', 'validity_in_past'],
    ['ID06 longer than 5 years', () => ({ validUntil: '2031-11-25' }), 'validUntil', 'validity_too_long'],
    ['photo too small', () => ({ photo: photoInput(makePng(240, 320)) }), 'photo', 'photo_too_small'],
    ['photo square', () => ({ photo: photoInput(makePng(500, 500)) }), 'photo', 'photo_wrong_aspect'],
    ['photo landscape', () => ({ photo: photoInput(makePng(440, 330)) }), 'photo', 'photo_wrong_aspect'],
    ['photo 7 months old', () => ({ photoTakenAt: '2026-04-23T09:00:00Z' }), 'photo', 'photo_too_old'],
    ['photo from tomorrow', () => ({ photoTakenAt: '2026-11-25T09:00:00Z' }), 'photo', 'photo_in_future'],
    ['replacement without reason', () => ({ kind: 'replacement' }), 'replacementReason', 'required'],
    ['renewal without its card', () => ({ kind: 'renewal' }), 'renewsCardId', 'required'],
  ];
  for (const [what, overrides, path, code] of BAD) {
    it(`refuses ${what} at its field (${path}: ${code}) and writes nothing`, async () => {
      const before = writes();
      const result = await d.orderer.call('orders.place', d.order(overrides()));
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('order_invalid');
      expect(result.error.issues).toContainEqual(expect.objectContaining({ path, code }));
      expect(writes()).toEqual(before);
    });
  }

  it('lists every bad field at once, so the form can mark them all', async () => {
    const result = await d.orderer.call(
      'orders.place',
      d.order({ namesConfirmed: false, validUntil: '2020-01-01', photo: photoInput(makePng(200, 200)) }),
    );
    expect(result.ok ? [] : result.error.issues?.map((i) => i.path)).toEqual([
      'namesConfirmed',
      'validUntil',
      'photo',
      'photo',
    ]);
  });

  it('refuses bad shapes through the contract: missing phone, malformed date, unknown field', async () => {
    const before = writes();
    const { phone: _phone, ...withoutPhone } = d.order();
    for (const input of [withoutPhone, d.order({ validUntil: '24/11/2029' }), { ...d.order(), extra: 1 }]) {
      const result = await d.orderer.call('orders.place', input as never);
      expect(result).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    }
    expect(writes()).toEqual(before);
  });

  it('refuses a photo the core cannot take (over 1 MB) with its own code; the desk scales before sending', async () => {
    const before = writes();
    const result = await d.orderer.call('orders.place', d.order({ photo: photoInput(makeLargePng(1.3e6)) }));
    expect(result).toMatchObject({ ok: false, error: { code: 'photo_too_large' } });
    expect(writes()).toEqual(before);
  });

  it('never lets an ID06 card outlast the employment, and takes the access card limit from the settings', async () => {
    d.t.desk.db.prepare('UPDATE holders SET employment_ends = ? WHERE id = ?').run('2027-06-30', d.holderId);
    const late = await d.orderer.call('orders.place', d.order({ validUntil: '2027-07-01' }));
    expect(late.ok ? null : late.error.issues).toContainEqual(
      expect.objectContaining({
        path: 'validUntil',
        code: 'validity_past_employment',
        params: { latest: '2027-06-30' },
      }),
    );
    expect((await d.orderer.call('orders.place', d.order({ validUntil: '2027-06-30' }))).ok).toBe(true);
    await d.t.close();

    d = await startOrderDesk({ orders: { accessCardMaxYears: 2 } });
    const rules = await d.orderer.must('orders.rules', {});
    expect(rules).toMatchObject({ accessCardMaxYears: 2, id06MaxYears: 5, photoMaxAgeMonths: 6 });
    const long = await d.orderer.call(
      'orders.place',
      d.order({ cardKind: 'access_card', validUntil: '2028-11-25' }),
    );
    expect(long.ok ? null : long.error.issues).toContainEqual(
      expect.objectContaining({
        path: 'validUntil',
        code: 'validity_too_long',
        params: { latest: '2028-11-24', years: 2 },
      }),
    );
    expect(
      (await d.orderer.call('orders.place', d.order({ cardKind: 'access_card', validUntil: '2028-11-24' })))
        .ok,
    ).toBe(true);
  });

  it('is for card administrators only: reception is refused and nothing is written', async () => {
    const reception = await d.t.loginAs(['reception']);
    const before = writes();
    expect(await reception.call('orders.place', d.order())).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(writes()).toEqual(before);
  });
});

describe('a replacement', () => {
  async function activeCard() {
    return d.t.admin.must('cards.register', {
      holderId: d.holderId,
      kind: 'id06',
      printedNumber: 'OLD-0001',
    });
  }

  it('blocks the replaced card for the same reason in the same operation', async () => {
    const old = await activeCard();
    const before = writes();
    const order = await d.orderer.must(
      'orders.place',
      d.order({ kind: 'replacement', replacementReason: 'lost', replacesCardId: old.id }),
    );
    expect(order).toMatchObject({ kind: 'replacement', replacementReason: 'lost', replacesCardId: old.id });
    // One operation: one outbox row and one audit event for the order and its block together.
    expect(writes()).toMatchObject({
      orders: before.orders! + 1,
      blocks: before.blocks! + 1,
      outbox: before.outbox! + 1,
      audit_events: before.audit_events! + 1,
    });
    const holder = await d.orderer.must('holders.get', { id: d.holderId });
    expect(holder.cards.find((c) => c.id === old.id)).toMatchObject({
      state: 'blocked',
      blockReason: 'lost',
    });
  });

  it('leaves no order when the block is refused (the card is already blocked)', async () => {
    const old = await activeCard();
    await d.orderer.must(
      'orders.place',
      d.order({ kind: 'replacement', replacementReason: 'stolen', replacesCardId: old.id }),
    );
    const before = writes();
    const again = await d.orderer.call(
      'orders.place',
      d.order({ kind: 'replacement', replacementReason: 'lost', replacesCardId: old.id }),
    );
    expect(again).toMatchObject({
      ok: false,
      error: { code: 'already_in_state', params: { state: 'blocked' } },
    });
    expect(writes()).toEqual(before);
  });

  it('leaves the old card unblocked when writing the order fails after the block', async () => {
    const old = await activeCard();
    d.t.desk.db.exec(
      `CREATE TRIGGER photo_refused BEFORE INSERT ON order_photos BEGIN SELECT RAISE(ABORT, 'disk full'); END`,
    );
    const before = writes();
    const result = await d.orderer.call(
      'orders.place',
      d.order({ kind: 'replacement', replacementReason: 'damaged', replacesCardId: old.id }),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(writes()).toEqual(before);
    const holder = await d.orderer.must('holders.get', { id: d.holderId });
    expect(holder.cards.find((c) => c.id === old.id)).toMatchObject({ state: 'active', blockReason: null });
  });

  it('refuses another holder’s card as the one replaced', async () => {
    const other = await d.t.admin.must('holders.create', {
      givenName: 'Bo',
      familyName: 'Ek',
      identityCountry: 'SE',
      identityNumber: '811218-9876',
      hasEid: true,
    });
    const card = await d.t.admin.must('cards.register', {
      holderId: other.id,
      kind: 'id06',
      printedNumber: 'BO-0001',
    });
    const before = writes();
    const result = await d.orderer.call(
      'orders.place',
      d.order({ kind: 'replacement', replacementReason: 'lost', replacesCardId: card.id }),
    );
    expect(result.ok ? null : result.error.issues).toContainEqual(
      expect.objectContaining({ path: 'replacesCardId', code: 'card_not_holders' }),
    );
    expect(writes()).toEqual(before);
  });
});
