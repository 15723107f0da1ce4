import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../../../../../src-main/core/ops/context';
import { startBankIdPeer, type BankIdPeer } from '../../../../harness/bankid-peer';
import { manualClock } from '../../../../harness/test-desk';
import {
  auditActions,
  domainErrorCode,
  ordersFixture,
  pollUntil,
  rows,
  type OrdersFixture,
} from './bankid-orders-setup';

const PERSONAL_NUMBER = '198507129876';
const IP = '192.0.2.44';

let peer: BankIdPeer;
let fixture: OrdersFixture | null = null;

beforeAll(async () => {
  peer = await startBankIdPeer();
});
afterEach(async () => {
  await fixture?.close();
  fixture = null;
});
afterAll(() => peer.close());

function setUp(clock = manualClock()) {
  fixture = ordersFixture(peer, clock);
  return { ...fixture, clock };
}

describe('BankID orders', () => {
  it('shows a QR code that changes every second and that the BankID app accepts', async () => {
    fixture = ordersFixture(peer, systemClock);
    const { orders } = fixture;
    const screen = {};
    expect(await orders.start(screen, { endUserIp: IP, sameDevice: false, operatorId: null })).toEqual({
      autoStartToken: null,
    });
    const first = orders.poll(screen);
    expect(first).toMatchObject({ status: 'pending', hintCode: 'outstandingTransaction' });
    const firstQr = first.status === 'pending' ? first.qr : null;
    expect(firstQr).toMatch(new RegExp(`^bankid\\.${peer.lastOrder().qrStartToken}\\.\\d+\\.[0-9a-f]{64}$`));
    const later = await vi.waitFor(
      () => {
        const poll = orders.poll(screen);
        if (poll.status !== 'pending' || poll.qr === firstQr)
          throw new Error('The QR code has not changed yet.');
        return poll.qr!;
      },
      { timeout: 5000, interval: 50 },
    );
    peer.scanQr(undefined, later);
    const scanned = await pollUntil(
      orders,
      screen,
      (p) => p.status === 'pending' && p.hintCode === 'userSign',
    );
    expect(scanned).toEqual({ status: 'pending', hintCode: 'userSign', qr: null });
  });

  it('counts the QR time in whole seconds from the order', async () => {
    const { orders, clock } = setUp();
    const screen = {};
    await orders.start(screen, { endUserIp: IP, sameDevice: false, operatorId: null });
    const qrs = [0, 999, 1, 1000].map((ms) => {
      clock.advance(ms);
      const poll = orders.poll(screen);
      return poll.status === 'pending' ? poll.qr!.split('.')[2] : null;
    });
    expect(qrs).toEqual(['0', '0', '1', '2']);
  });

  it('gives the autostart token and no QR code on the same device', async () => {
    const { orders } = setUp();
    const screen = {};
    const { autoStartToken } = await orders.start(screen, {
      endUserIp: IP,
      sameDevice: true,
      operatorId: null,
    });
    expect(autoStartToken).toBe(peer.lastOrder().autoStartToken);
    expect(orders.poll(screen)).toEqual({ status: 'pending', hintCode: 'outstandingTransaction', qr: null });
    peer.setHint('noClient');
    await pollUntil(orders, screen, (p) => p.status === 'pending' && p.hintCode === 'noClient');
  });

  it('passes on each pending hint code as BankID reports it', async () => {
    const { orders } = setUp();
    const screen = {};
    await orders.start(screen, { endUserIp: IP, sameDevice: false, operatorId: null });
    for (const hint of ['noClient', 'started', 'userMrtd', 'userCallConfirm', 'aHintFromTheFuture']) {
      peer.setHint(hint);
      const poll = await pollUntil(orders, screen, (p) => p.status === 'pending' && p.hintCode === hint);
      if (hint === 'noClient') expect(poll).toMatchObject({ qr: expect.stringMatching(/^bankid\./) });
      else expect(poll).toMatchObject({ qr: null });
    }
  });

  it('gives the identified person once, and writes nothing about them', async () => {
    const { orders, db, errors, databaseBytes } = setUp();
    const screen = {};
    await orders.start(screen, { endUserIp: IP, sameDevice: false, operatorId: null });
    peer.scanQr();
    peer.complete({
      personalNumber: PERSONAL_NUMBER,
      givenName: 'Karin',
      surname: 'Lund',
      name: 'Karin Lund',
    });
    const done = await pollUntil(orders, screen, (p) => p.status !== 'pending');
    expect(done).toEqual({
      status: 'complete',
      user: { personalNumber: PERSONAL_NUMBER, name: 'Karin Lund', givenName: 'Karin', surname: 'Lund' },
    });
    expect(domainErrorCode(() => orders.poll(screen))).toBe('bankid_not_started');
    expect(rows(db)).toEqual([{ operator_id: null, outcome: 'complete', hint_code: null }]);
    expect(auditActions(db).map((a) => a.action)).toEqual([
      'operator.bankIdStarted',
      'operator.bankIdFinished',
    ]);
    const written = databaseBytes() + JSON.stringify(auditActions(db)) + errors.join('\n');
    for (const secret of [
      PERSONAL_NUMBER,
      'Karin',
      peer.lastOrder().qrStartSecret,
      peer.lastOrder().orderRef,
    ])
      expect(written).not.toContain(secret);
  });

  it.each(['userCancel', 'expiredTransaction', 'certificateErr', 'startFailed', 'transactionRiskBlocked'])(
    'ends with the failure %s',
    async (hint) => {
      const { orders, db } = setUp();
      const screen = {};
      await orders.start(screen, { endUserIp: IP, sameDevice: false, operatorId: null });
      peer.fail(hint);
      expect(await pollUntil(orders, screen, (p) => p.status !== 'pending')).toEqual({
        status: 'failed',
        hintCode: hint,
      });
      expect(rows(db)).toEqual([{ operator_id: null, outcome: 'failed', hint_code: hint }]);
      expect(JSON.parse(auditActions(db)[1]!.details)).toEqual({ outcome: 'failed', hintCode: hint });
    },
  );

  it('cancels at BankID, stops following the order and records it', async () => {
    const { orders, db } = setUp();
    const screen = {};
    const other = {};
    await orders.start(screen, { endUserIp: IP, sameDevice: false, operatorId: null });
    const cancelled = peer.lastOrder();
    await orders.cancel(screen);
    expect(cancelled.isCancelled).toBe(true);
    expect(domainErrorCode(() => orders.poll(screen))).toBe('bankid_not_started');
    const collects = cancelled.collects;
    // Another screen's order is the measure of time: it is collected three more times meanwhile.
    await orders.start(other, { endUserIp: IP, sameDevice: false, operatorId: null });
    const reference = peer.lastOrder();
    await vi.waitFor(() => expect(reference.collects).toBeGreaterThanOrEqual(3), { timeout: 10_000 });
    expect(cancelled.collects).toBe(collects);
    expect(rows(db).map((r) => r.outcome)).toEqual(['cancelled', 'pending']);
    await orders.cancel(screen);
  });

  it('cancels the first order when the screen starts another', async () => {
    const { orders, db } = setUp();
    const screen = {};
    await orders.start(screen, { endUserIp: IP, sameDevice: false, operatorId: null });
    const first = peer.lastOrder();
    await orders.start(screen, { endUserIp: IP, sameDevice: true, operatorId: null });
    const second = peer.lastOrder();
    expect(first.isCancelled).toBe(true);
    expect(second.orderRef).not.toBe(first.orderRef);
    peer.complete({ personalNumber: PERSONAL_NUMBER });
    expect(await pollUntil(orders, screen, (p) => p.status !== 'pending')).toMatchObject({
      status: 'complete',
    });
    expect(rows(db).map((r) => r.outcome)).toEqual(['cancelled', 'complete']);
  });

  it('keeps one order per screen when starts arrive together', async () => {
    const { orders } = setUp();
    const screen = {};
    const before = peer.orders.length;
    await Promise.all(
      [1, 2, 3].map(() => orders.start(screen, { endUserIp: IP, sameDevice: false, operatorId: null })),
    );
    const started = peer.orders.slice(before);
    expect(started).toHaveLength(3);
    expect(started.filter((o) => !o.isCancelled)).toHaveLength(1);
    const live = started.find((o) => !o.isCancelled)!;
    peer.complete({ personalNumber: PERSONAL_NUMBER }, live.orderRef);
    expect(await pollUntil(orders, screen, (p) => p.status !== 'pending')).toMatchObject({
      status: 'complete',
    });
  });

  it('keeps screens apart', async () => {
    const { orders } = setUp();
    const [a, b] = [{}, {}];
    await orders.start(a, { endUserIp: IP, sameDevice: false, operatorId: null });
    const orderA = peer.lastOrder();
    await orders.start(b, { endUserIp: '192.0.2.45', sameDevice: false, operatorId: null });
    peer.fail('userCancel');
    peer.complete({ personalNumber: PERSONAL_NUMBER }, orderA.orderRef);
    expect(await pollUntil(orders, a, (p) => p.status !== 'pending')).toMatchObject({ status: 'complete' });
    expect(await pollUntil(orders, b, (p) => p.status !== 'pending')).toEqual({
      status: 'failed',
      hintCode: 'userCancel',
    });
  });

  it('counts the orders started since a time', async () => {
    const { orders, clock } = setUp();
    const since = new Date(clock.now()).toISOString();
    clock.advance(1000);
    await orders.start({}, { endUserIp: IP, sameDevice: false, operatorId: null });
    await orders.start({}, { endUserIp: IP, sameDevice: false, operatorId: null });
    expect(orders.startedSince(since)).toBe(2);
    expect(orders.startedSince(new Date(clock.now() + 1000).toISOString())).toBe(0);
  });

  it('stops every background collect on close', async () => {
    const { orders, db } = setUp();
    await orders.start({}, { endUserIp: IP, sameDevice: false, operatorId: null });
    const closed = peer.lastOrder();
    await vi.waitFor(() => expect(closed.collects).toBeGreaterThanOrEqual(1), { timeout: 10_000 });
    await orders.close();
    const collects = closed.collects;
    expect(rows(db).map((r) => r.outcome)).toEqual(['cancelled']);
    const reference = ordersFixture(peer, manualClock());
    try {
      await reference.orders.start({}, { endUserIp: IP, sameDevice: false, operatorId: null });
      const measure = peer.lastOrder();
      await vi.waitFor(() => expect(measure.collects).toBeGreaterThanOrEqual(3), { timeout: 10_000 });
      expect(closed.collects).toBe(collects);
    } finally {
      await reference.close();
    }
  });
});
