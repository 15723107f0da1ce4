// BankID sign-in when something is off, through the desk's API with the RP v6 peer: BankID down, not
// answering or refusing the desk's certificate, a policy that does not (or no longer) allow it, a
// screen that goes away, a desk without BankID. Nobody is signed in, and the screen is told why.
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { startBankIdPeer, type BankIdPeer } from '../../../../harness/bankid-peer';
import {
  ADMIN_PASSWORD,
  manualClock,
  startTestDesk,
  type TestDesk,
  typed,
} from '../../../../harness/test-desk';
import { BANKID_ORDER_LIMIT_MS } from '../../../../../src-main/core/sign-in/bankid-orders';
import {
  isError,
  isStatus,
  KARIN,
  pollUntil,
  signedIn,
  startBankIdDesk,
  state,
  type BankIdDesk,
} from './bankid-sign-in-desk';

let peer: BankIdPeer;
let t: BankIdDesk | null = null;

beforeAll(async () => {
  peer = await startBankIdPeer();
});
afterEach(async () => {
  await t?.close();
  t = null;
});
afterAll(() => peer.close());

async function desk(options: Parameters<typeof startBankIdDesk>[1] = {}): Promise<BankIdDesk> {
  t = await startBankIdDesk(peer, options);
  return t;
}

describe('BankID sign-in refused', () => {
  it('signs no one in once the organisation stopped allowing BankID while the order ran', async () => {
    const t = await desk();
    const screen = t.anonymous();
    await screen.must('signIn.startBankId', { sameDevice: false });
    await t.admin.must('signIn.setPolicy', { methods: ['password'], defaultMethod: 'password' });
    peer.complete({ personalNumber: KARIN });
    expect(await pollUntil(screen, isError)).toMatchObject({ error: { code: 'method_not_allowed' } });
    expect(await signedIn(screen)).toBeNull();
    expect(t.audit('operator.login')).toHaveLength(0);
  });

  it('starts no order where the policy has no BankID', async () => {
    const t = await desk();
    await t.admin.must('signIn.setPolicy', { methods: ['password'], defaultMethod: 'password' });
    const orders = peer.orders.length;
    expect(await t.anonymous().call('signIn.startBankId', { sameDevice: false })).toMatchObject({
      error: { code: 'method_not_allowed' },
    });
    expect(peer.orders).toHaveLength(orders);
  });

  it('says BankID cannot be reached when it is down, and works again once it is back', async () => {
    const t = await desk();
    const screen = t.anonymous();
    await peer.goDown();
    try {
      expect(await screen.call('signIn.startBankId', { sameDevice: false })).toMatchObject({
        error: { code: 'bankid_unavailable' },
      });
    } finally {
      await peer.comeBack();
    }
    expect(t.count('bankid_orders')).toBe(0);
    await screen.must('signIn.startBankId', { sameDevice: false });
    peer.complete({ personalNumber: KARIN });
    expect(state(await pollUntil(screen, isStatus('complete')))).toMatchObject({
      operator: { username: 'karin' },
    });
  });

  it('fails the order, signing no one in, when BankID stops answering it', async () => {
    const t = await desk();
    const screen = t.anonymous();
    await screen.must('signIn.startBankId', { sameDevice: false });
    peer.misbehave({ kind: 'error', status: 503, errorCode: 'maintenance' }, 3);
    expect(state(await pollUntil(screen, isStatus('failed')))).toEqual({
      status: 'failed',
      hintCode: 'unknown',
    });
    expect(await signedIn(screen)).toBeNull();
    expect(t.outcomes()).toEqual([{ operator_id: null, outcome: 'failed' }]);
  });

  it('lets the screen go back while BankID cannot be reached', async () => {
    const t = await desk();
    const screen = t.anonymous();
    await screen.must('session.login', { username: 'karin', password: ADMIN_PASSWORD });
    await screen.must('signIn.startBankId', { sameDevice: false });
    await peer.goDown();
    try {
      expect(await screen.call('signIn.cancel', {})).toEqual({ ok: true, value: {} });
    } finally {
      await peer.comeBack();
    }
    expect(await screen.call('signIn.pollBankId', {})).toMatchObject({
      error: { code: 'bankid_not_started' },
    });
    expect(await screen.call('signIn.verifyTotp', { code: '123456' })).toMatchObject({
      error: { code: 'sign_in_expired' },
    });
    expect(t.outcomes()).toEqual([{ operator_id: t.karinId, outcome: 'cancelled' }]);
  });

  it('gives up on an order nobody finished after three minutes, and tells BankID', async () => {
    const clock = manualClock();
    const t = await desk({ clock });
    const screen = t.anonymous();
    await screen.must('signIn.startBankId', { sameDevice: false });
    const order = peer.lastOrder();
    clock.advance(BANKID_ORDER_LIMIT_MS);
    expect(state(await pollUntil(screen, isStatus('failed')))).toEqual({
      status: 'failed',
      hintCode: 'expiredTransaction',
    });
    await vi.waitFor(() => expect(order.isCancelled).toBe(true), { timeout: 15_000, interval: 20 });
    // The person scanning now is too late.
    expect(() => peer.complete({ personalNumber: KARIN }, order.orderRef)).toThrow(/cancelled/);
    expect(await signedIn(screen)).toBeNull();
  });

  it('says BankID cannot be reached when BankID refuses the desk certificate', async () => {
    const t = await desk({ pfxPath: peer.untrustedPfxPath });
    const screen = t.anonymous();
    const orders = peer.orders.length;
    const answer = await screen.call('signIn.startBankId', { sameDevice: false });
    expect(answer).toMatchObject({ error: { code: 'bankid_unavailable' } });
    expect(JSON.stringify(answer)).not.toContain(peer.passphrase);
    // The technician finds why in the log, without the certificate's passphrase.
    expect(t.logged.length).toBeGreaterThan(0);
    expect(t.logged.join('\n')).not.toContain(peer.passphrase);
    expect(peer.orders).toHaveLength(orders);
    expect(t.count('bankid_orders')).toBe(0);
  });

  it('cancels the order at BankID when the screen goes away', async () => {
    const t = await desk();
    const raw = t.desk.connect({ remoteAddress: '::ffff:192.0.2.7' });
    const screen = typed(raw);
    await screen.must('signIn.startBankId', { sameDevice: false });
    const order = peer.lastOrder();
    // BankID gets the screen's IPv4 address without IPv6's wrapping.
    expect(order.endUserIp).toBe('192.0.2.7');
    raw.close();
    await vi.waitFor(() => expect(order.isCancelled).toBe(true), { timeout: 15_000, interval: 20 });
  });
});

describe('a desk without BankID', () => {
  it('cannot make BankID a sign-in method, nor start an order', async () => {
    const bare: TestDesk = await startTestDesk();
    onTestFinished(() => bare.close());
    expect(
      await bare.admin.call('signIn.setPolicy', { methods: ['bankid', 'totp'], defaultMethod: 'bankid' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'policy_invalid', issues: [{ code: 'not_set_up', params: { method: 'bankid' } }] },
    });
    expect(await bare.anonymous().call('signIn.startBankId', { sameDevice: false })).toMatchObject({
      error: { code: 'method_not_allowed' },
    });
  });
});
