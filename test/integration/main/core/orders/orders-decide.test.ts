// Four eyes: another card administrator approves or rejects, never the orderer; a decided, cancelled
// or concurrently decided order says "already …" and changes nothing. Approval updates the holder,
// assigns card numbers and makes the cards.
import { afterEach, describe, expect, it } from 'vitest';
import { isValidCardNumber } from '../../../../../src-shared/domain/card-number';
import type { Random } from '../../../../../src-main/core/ops/context';
import { systemRandom } from '../../../../../src-main/core/ops/context';
import { startOrderDesk, type OrderDesk } from '../../../../harness/order-fixture';

let d: OrderDesk;
afterEach(() => d.t.close());

const TABLES = ['orders', 'cards', 'holders', 'holder_photos', 'outbox', 'audit_events'];
const writes = () => Object.fromEntries(TABLES.map((table) => [table, d.t.count(table)]));

describe('four eyes', () => {
  it('refuses the orderer’s own approval and rejection in the core, and writes nothing', async () => {
    d = await startOrderDesk();
    const order = await d.orderer.must('orders.place', d.order());
    const before = writes();
    expect(await d.orderer.call('orders.approve', { id: order.id })).toMatchObject({
      ok: false,
      error: { code: 'own_order' },
    });
    expect(await d.orderer.call('orders.reject', { id: order.id, reason: 'Wrong photo' })).toMatchObject({
      ok: false,
      error: { code: 'own_order' },
    });
    expect(writes()).toEqual(before);
    // The orderer's queue view: theirs, not waiting for them.
    const waiting = await d.orderer.must('orders.list', { waitingForMe: true });
    expect(waiting.items).toEqual([]);
    const queue = await d.approver.must('orders.list', { waitingForMe: true });
    expect(queue.items.map((o) => [o.id, o.holderFamilyName, o.isMine])).toEqual([
      [order.id, 'Lindqvist', false],
    ]);
    expect((await d.approver.must('orders.get', { id: order.id })).canDecide).toBe(true);
  });

  it('approves: the holder takes the entered data and photo, the card gets a checked number', async () => {
    const seen: { ids: string[]; inTransaction: boolean }[] = [];
    d = await startOrderDesk({
      onMobileIdsCreated: (ids) => {
        seen.push({ ids, inTransaction: d.t.desk.db.inTransaction });
      },
    });
    const order = await d.orderer.must('orders.place', d.order({ includes: 'both' }));
    const approved = await d.approver.must('orders.approve', { id: order.id });
    expect(approved).toMatchObject({
      state: 'approved',
      decidedBy: { displayName: 'Test Operator' },
      canDecide: false,
    });
    const [physical, mobile] = approved.cards;
    expect(physical).toMatchObject({
      kind: 'id06',
      state: 'approved',
      validFrom: '2026-11-24',
      validUntil: '2029-11-23',
    });
    expect(mobile).toMatchObject({ kind: 'mobile_id', state: 'invited' });
    for (const card of approved.cards) {
      expect(card.printedNumber).toMatch(/^FD[0-9]{10}$/);
      expect(isValidCardNumber(card.printedNumber)).toBe(true);
    }
    const holder = await d.approver.must('holders.get', { id: d.holderId });
    expect(holder).toMatchObject({
      givenName: 'Anna Maria',
      familyName: 'Lindqvist Öberg',
      email: 'anna.maria@bygg.se',
      phone: '+46 70 765 43 21',
      hasPhoto: true,
    });
    expect(holder.cards.find((c) => c.id === mobile!.id)).toMatchObject({
      physicalCardId: physical!.id,
      orderId: order.id,
    });
    // The holder is found by the new name.
    const found = await d.approver.must('holders.search', { query: 'Öberg' });
    expect(found.items.map((h) => h.id)).toEqual([d.holderId]);
    // The invitation hook runs after the commit, with the new mobile ID.
    expect(seen).toEqual([{ ids: [mobile!.id], inTransaction: false }]);
    // The orderer sees the decision and the history of the order.
    const mine = await d.orderer.must('orders.get', { id: order.id });
    expect(mine.history.map((h) => h.action)).toEqual(['order.place', 'order.approve']);
  });

  it('gives a mobile-only order’s ID to the holder’s active card', async () => {
    d = await startOrderDesk();
    const card = await d.t.admin.must('cards.register', {
      holderId: d.holderId,
      kind: 'id06',
      printedNumber: 'OLD-0002',
    });
    const order = await d.orderer.must('orders.place', d.order({ includes: 'mobile' }));
    const approved = await d.approver.must('orders.approve', { id: order.id });
    expect(approved.cards).toHaveLength(1);
    const holder = await d.approver.must('holders.get', { id: d.holderId });
    expect(holder.cards.find((c) => c.kind === 'mobile_id')).toMatchObject({
      state: 'invited',
      physicalCardId: card.id,
    });
  });

  it('continues a renewed card’s validity from the day after it ends', async () => {
    d = await startOrderDesk();
    const old = await d.t.admin.must('cards.register', {
      holderId: d.holderId,
      kind: 'id06',
      printedNumber: 'OLD-0003',
      validUntil: '2026-12-31',
    });
    const order = await d.orderer.must('orders.place', d.order({ kind: 'renewal', renewsCardId: old.id }));
    expect(order.renewsCardId).toBe(old.id);
    const approved = await d.approver.must('orders.approve', { id: order.id });
    expect(approved.cards[0]).toMatchObject({ validFrom: '2027-01-01', validUntil: '2029-11-23' });
  });

  it('answers "already approved" to a second approval, and to a rejection after it, writing nothing', async () => {
    d = await startOrderDesk();
    const third = await d.t.loginAs(['admin']);
    const order = await d.orderer.must('orders.place', d.order());
    await d.approver.must('orders.approve', { id: order.id });
    const before = writes();
    for (const attempt of [
      third.call('orders.approve', { id: order.id }),
      d.approver.call('orders.approve', { id: order.id }),
      third.call('orders.reject', { id: order.id, reason: 'Too late' }),
    ]) {
      expect(await attempt).toMatchObject({
        ok: false,
        error: { code: 'already_in_state', params: { state: 'approved' } },
      });
    }
    expect(writes()).toEqual(before);
  });

  it('lets exactly one of two administrators approving at once win', async () => {
    d = await startOrderDesk();
    const third = await d.t.loginAs(['card_admin']);
    for (let round = 0; round < 5; round++) {
      const order = await d.orderer.must('orders.place', d.order());
      const cardsBefore = d.t.count('cards');
      const results = await Promise.all([
        d.approver.call('orders.approve', { id: order.id }),
        third.call('orders.approve', { id: order.id }),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.find((r) => !r.ok)).toMatchObject({ error: { code: 'already_in_state' } });
      expect(d.t.count('cards')).toBe(cardsBefore + 1);
    }
  });

  it('rejects with a reason the orderer sees; without a reason nothing happens', async () => {
    d = await startOrderDesk();
    const order = await d.orderer.must('orders.place', d.order());
    const before = writes();
    for (const reason of ['', '   ']) {
      expect(await d.approver.call('orders.reject', { id: order.id, reason })).toMatchObject({
        ok: false,
        error: { code: 'bad_request', issues: [{ path: 'reason' }] },
      });
    }
    expect(writes()).toEqual(before);
    await d.approver.must('orders.reject', { id: order.id, reason: 'The photo shows sunglasses.' });
    const rejected = await d.orderer.must('orders.list', { mine: true, rejected: true });
    expect(rejected.items.map((o) => [o.state, o.decisionNote])).toEqual([
      ['rejected', 'The photo shows sunglasses.'],
    ]);
    const holder = await d.orderer.must('holders.get', { id: d.holderId });
    expect([holder.givenName, holder.cards]).toEqual(['Anna', []]);
    expect(await d.t.admin.call('orders.approve', { id: order.id })).toMatchObject({
      ok: false,
      error: { code: 'already_in_state', params: { state: 'rejected' } },
    });
  });
});

describe('cancel', () => {
  it('withdraws a waiting order; approving it afterwards says "already cancelled" and writes nothing', async () => {
    d = await startOrderDesk();
    const order = await d.orderer.must('orders.place', d.order());
    const cancelled = await d.orderer.must('orders.cancel', { id: order.id, note: 'Ordered twice' });
    expect(cancelled).toMatchObject({ state: 'cancelled', decisionNote: 'Ordered twice', canCancel: false });
    const before = writes();
    expect(await d.approver.call('orders.approve', { id: order.id })).toMatchObject({
      ok: false,
      error: { code: 'already_in_state', params: { state: 'cancelled' } },
    });
    expect(await d.approver.call('orders.cancel', { id: order.id })).toMatchObject({
      ok: false,
      error: { code: 'already_in_state' },
    });
    expect(writes()).toEqual(before);
  });

  it('cancels an approved order’s card while it waits for production, by another card administrator', async () => {
    d = await startOrderDesk();
    const order = await d.orderer.must('orders.place', d.order());
    await d.approver.must('orders.approve', { id: order.id });
    const cancelled = await d.approver.must('orders.cancel', { id: order.id });
    expect(cancelled.state).toBe('cancelled');
    expect(cancelled.cards[0]).toMatchObject({ state: 'cancelled' });
  });

  it('takes a mobile ID the holder has not activated with it; one already activated lives on', async () => {
    d = await startOrderDesk();
    const waiting = await d.orderer.must('orders.place', d.order({ includes: 'both' }));
    const approved = await d.approver.must('orders.approve', { id: waiting.id });
    const mobileId = approved.cards.find((c) => c.kind === 'mobile_id')!.id;
    await d.approver.must('orders.cancel', { id: waiting.id });
    const stateOf = (id: string) =>
      (d.t.desk.db.prepare('SELECT state FROM cards WHERE id = ?').get(id) as { state: string }).state;
    expect(stateOf(mobileId)).toBe('cancelled');

    const second = await d.orderer.must('orders.place', d.order({ includes: 'both' }));
    const secondApproved = await d.approver.must('orders.approve', { id: second.id });
    const activeMobile = secondApproved.cards.find((c) => c.kind === 'mobile_id')!.id;
    d.t.desk.db.prepare(`UPDATE cards SET state = 'active' WHERE id = ?`).run(activeMobile);
    await d.approver.must('orders.cancel', { id: second.id });
    expect(stateOf(activeMobile)).toBe('active');
  });

  it('is refused once the card has gone to production, and nothing changes', async () => {
    d = await startOrderDesk();
    const order = await d.orderer.must('orders.place', d.order());
    const approved = await d.approver.must('orders.approve', { id: order.id });
    d.t.desk.db.prepare(`UPDATE cards SET state = 'in_production' WHERE id = ?`).run(approved.cards[0]!.id);
    const before = writes();
    expect(await d.orderer.call('orders.cancel', { id: order.id })).toMatchObject({
      ok: false,
      error: { code: 'already_in_state', params: { state: 'in_production' } },
    });
    expect(writes()).toEqual(before);
    expect((await d.orderer.must('orders.get', { id: order.id })).state).toBe('approved');
  });
});

describe('card numbers', () => {
  it('draws again on a collision and refuses, writing nothing, when every draw is taken', async () => {
    let isStuck = false;
    const stuck: Random = {
      bytes: (length) => (isStuck && length === 8 ? new Uint8Array(8).fill(7) : systemRandom.bytes(length)),
    };
    d = await startOrderDesk({ random: stuck });
    isStuck = true;
    const first = await d.orderer.must('orders.place', d.order());
    const approved = await d.approver.must('orders.approve', { id: first.id });
    expect(isValidCardNumber(approved.cards[0]!.printedNumber)).toBe(true);
    const second = await d.orderer.must('orders.place', d.order());
    const before = writes();
    expect(await d.approver.call('orders.approve', { id: second.id })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect(writes()).toEqual(before);
    expect((await d.approver.must('orders.get', { id: second.id })).state).toBe('ordered');
    isStuck = false;
    const retried = await d.approver.must('orders.approve', { id: second.id });
    expect(retried.cards[0]!.printedNumber).not.toBe(approved.cards[0]!.printedNumber);
  });

  it('uses the prefix from the settings', async () => {
    d = await startOrderDesk({ orders: { cardNumberPrefix: 'XB' } });
    const order = await d.orderer.must('orders.place', d.order());
    const approved = await d.approver.must('orders.approve', { id: order.id });
    expect(approved.cards[0]!.printedNumber).toMatch(/^XB[0-9]{10}$/);
  });
});
