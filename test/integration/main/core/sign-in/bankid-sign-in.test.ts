// Signing in with BankID through the desk's API: the real RP client over mutual TLS to a local server
// that speaks RP API v6, and the person with the phone played by the test. What an operator would
// notice: a QR code the app accepts, the sign-in only for the operator BankID identified (the same one
// whose password was typed, if one was), BankID's hints and going back (faults: bankid-sign-in-faults).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startBankIdPeer, type BankIdPeer } from '../../../../harness/bankid-peer';
import { ADMIN_PASSWORD } from '../../../../harness/test-desk';
import {
  hintOf,
  isError,
  isStatus,
  KARIN,
  pollUntil,
  scan,
  shown,
  signedIn,
  startBankIdDesk,
  state,
  STRANGER,
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

async function desk(): Promise<BankIdDesk> {
  t = await startBankIdDesk(peer);
  return t;
}

describe('BankID on its own', () => {
  it('shows a QR code the app accepts and signs in the operator BankID identifies', async () => {
    const t = await desk();
    const screen = t.anonymous();
    expect((await screen.must('session.status', {})).signIn.methods).toEqual(['bankid']);
    expect(await screen.must('signIn.startBankId', { sameDevice: false })).toEqual({ autoStartToken: null });
    const pending = await shown(screen);
    expect(pending).toMatchObject({ status: 'pending', hintCode: 'outstandingTransaction' });
    expect(pending.qr).toMatch(
      new RegExp(`^bankid\\.${peer.lastOrder().qrStartToken}\\.\\d+\\.[0-9a-f]{64}$`),
    );
    expect(pending.qrSvg).toContain('<svg');
    expect(peer.lastOrder().endUserIp).toBe('127.0.0.1');

    await scan(peer, screen);
    // Once the app has the order the QR code has done its job.
    expect(state(await screen.call('signIn.pollBankId', {}))).toMatchObject({ qr: null, qrSvg: null });
    expect(await signedIn(screen)).toBeNull();

    peer.complete({ personalNumber: KARIN, givenName: 'Karin', surname: 'Lindqvist' });
    const done = await pollUntil(screen, isStatus('complete'));
    expect(state(done)).toMatchObject({ status: 'complete', operator: { username: 'karin' } });
    expect(await signedIn(screen)).toBe('karin');
    expect(t.audit('operator.login').at(-1)).toEqual({
      operatorId: t.karinId,
      details: { method: 'bankid' },
    });
    expect(t.outcomes()).toEqual([{ operator_id: null, outcome: 'complete' }]);
    // What makes the QR code is the desk's secret with BankID: it is kept nowhere.
    const { qrStartSecret } = peer.lastOrder();
    expect(t.databaseBytes()).not.toContain(qrStartSecret);
    expect(t.logged.join('\n')).not.toContain(qrStartSecret);
    // The finished order is gone: polling again says so, and nothing signs in twice.
    expect(await screen.call('signIn.pollBankId', {})).toMatchObject({
      error: { code: 'bankid_not_started' },
    });
  });

  it('opens the app on this computer with the autostart token and shows no QR code', async () => {
    const t = await desk();
    const screen = t.anonymous();
    const { autoStartToken } = await screen.must('signIn.startBankId', { sameDevice: true });
    expect(autoStartToken).toBe(peer.lastOrder().autoStartToken);
    expect(state(await screen.call('signIn.pollBankId', {}))).toMatchObject({
      status: 'pending',
      qr: null,
      qrSvg: null,
    });
  });

  it('signs no one in when BankID identifies someone who is not an operator', async () => {
    const t = await desk();
    const screen = t.anonymous();
    await screen.must('signIn.startBankId', { sameDevice: false });
    peer.complete({ personalNumber: STRANGER });
    expect(await pollUntil(screen, isError)).toMatchObject({ error: { code: 'bankid_no_match' } });
    expect(await signedIn(screen)).toBeNull();
    expect(t.audit('operator.loginFailed').at(-1)).toEqual({
      operatorId: null,
      details: { reason: 'bankid_no_match' },
    });
    expect(t.audit('operator.login')).toHaveLength(0);
  });

  it('signs in no operator who was disabled while the order ran', async () => {
    const t = await desk();
    const screen = t.anonymous();
    await screen.must('signIn.startBankId', { sameDevice: false });
    await t.admin.must('operators.update', { id: t.karinId, isDisabled: true });
    peer.complete({ personalNumber: KARIN });
    expect(await pollUntil(screen, isError)).toMatchObject({ error: { code: 'bankid_no_match' } });
    expect(await signedIn(screen)).toBeNull();
    expect(t.audit('operator.login')).toHaveLength(0);
  });

  it('passes on why BankID failed, and hint codes it does not know as unknown', async () => {
    const t = await desk();
    const screen = t.anonymous();
    await screen.must('signIn.startBankId', { sameDevice: false });
    peer.fail('userCancel');
    expect(state(await pollUntil(screen, isStatus('failed')))).toEqual({
      status: 'failed',
      hintCode: 'userCancel',
    });
    expect(await screen.call('signIn.pollBankId', {})).toMatchObject({
      error: { code: 'bankid_not_started' },
    });

    await screen.must('signIn.startBankId', { sameDevice: false });
    peer.setHint('someHintFromTheFuture');
    expect(state(await pollUntil(screen, (a) => hintOf(a) !== 'outstandingTransaction'))).toMatchObject({
      status: 'pending',
      hintCode: 'unknown',
    });
    peer.fail('anotherHintFromTheFuture');
    expect(state(await pollUntil(screen, isStatus('failed')))).toEqual({
      status: 'failed',
      hintCode: 'unknown',
    });
    expect(await signedIn(screen)).toBeNull();
  });

  it('cancels the order at BankID when the screen goes back', async () => {
    const t = await desk();
    const screen = t.anonymous();
    await screen.must('signIn.startBankId', { sameDevice: false });
    const order = peer.lastOrder();
    const cancels = peer.requests['/cancel'] ?? 0;
    expect(await screen.must('signIn.cancelBankId', {})).toEqual({});
    expect(peer.requests['/cancel']).toBe(cancels + 1);
    expect(order.isCancelled).toBe(true);
    expect(await screen.call('signIn.pollBankId', {})).toMatchObject({
      error: { code: 'bankid_not_started' },
    });
    expect(t.outcomes()).toEqual([{ operator_id: null, outcome: 'cancelled' }]);
  });

  it('follows only the newest order of a screen: starting again cancels the one before at BankID', async () => {
    const t = await desk();
    const screen = t.anonymous();
    await screen.must('signIn.startBankId', { sameDevice: false });
    const first = peer.lastOrder();
    await screen.must('signIn.startBankId', { sameDevice: false });
    expect(first.isCancelled).toBe(true);
    expect(peer.lastOrder()).not.toBe(first);
    peer.complete({ personalNumber: KARIN });
    expect(state(await pollUntil(screen, isStatus('complete')))).toMatchObject({
      operator: { username: 'karin' },
    });
    expect(t.outcomes()).toEqual([
      { operator_id: null, outcome: 'cancelled' },
      { operator_id: null, outcome: 'complete' },
    ]);
  });
});

describe('BankID after the password', () => {
  async function atVerify() {
    const t = await desk();
    const screen = t.anonymous();
    expect(await screen.must('session.login', { username: 'karin', password: ADMIN_PASSWORD })).toEqual({
      step: 'verify',
      choices: [{ method: 'bankid' }],
      defaultMethod: 'bankid',
    });
    await screen.must('signIn.startBankId', { sameDevice: false });
    return { t, screen };
  }

  it('signs in the operator whose password was typed once BankID identifies them', async () => {
    const { t, screen } = await atVerify();
    await scan(peer, screen);
    peer.complete({ personalNumber: KARIN });
    expect(state(await pollUntil(screen, isStatus('complete')))).toMatchObject({
      operator: { username: 'karin' },
    });
    expect(await signedIn(screen)).toBe('karin');
    expect(t.audit('operator.login')).toEqual([{ operatorId: t.karinId, details: { method: 'bankid' } }]);
    expect(t.outcomes()).toEqual([{ operator_id: t.karinId, outcome: 'complete' }]);
  });

  it('is no second factor for an operator without a personnummer, who can still not get in by it', async () => {
    const t = await desk();
    await t.admin.must('operators.create', {
      username: 'nils',
      displayName: 'Nils',
      password: ADMIN_PASSWORD,
      roles: ['reception'],
      language: 'sv',
    });
    const screen = t.anonymous();
    expect(await screen.call('session.login', { username: 'nils', password: ADMIN_PASSWORD })).toMatchObject({
      error: { code: 'no_sign_in_method' },
    });
    await screen.must('signIn.startBankId', { sameDevice: false });
    peer.complete({ personalNumber: STRANGER });
    expect(await pollUntil(screen, isError)).toMatchObject({ error: { code: 'bankid_no_match' } });
    expect(await signedIn(screen)).toBeNull();
  });

  it('refuses when BankID identifies another person than the one whose password was typed', async () => {
    const { t, screen } = await atVerify();
    // Another operator's BankID is no better than a stranger's.
    await t.admin.must('operators.create', {
      username: 'sven',
      displayName: 'Sven',
      password: ADMIN_PASSWORD,
      roles: ['admin'],
      language: 'sv',
      identity: { country: 'SE', number: STRANGER },
    });
    peer.complete({ personalNumber: STRANGER });
    expect(await pollUntil(screen, isError)).toMatchObject({ error: { code: 'bankid_no_match' } });
    expect(await signedIn(screen)).toBeNull();
    expect(t.audit('operator.loginFailed').at(-1)).toEqual({
      operatorId: t.karinId,
      details: { reason: 'bankid_no_match' },
    });
    expect(t.audit('operator.login')).toHaveLength(0);
  });

  it('forgets the half-finished sign-in and cancels the order on "back to sign-in"', async () => {
    const { t, screen } = await atVerify();
    const order = peer.lastOrder();
    await screen.must('signIn.cancel', {});
    expect(order.isCancelled).toBe(true);
    expect(t.outcomes()).toEqual([{ operator_id: t.karinId, outcome: 'cancelled' }]);
    expect(await screen.call('signIn.pollBankId', {})).toMatchObject({
      error: { code: 'bankid_not_started' },
    });
    expect(await screen.call('signIn.verifyTotp', { code: '123456' })).toMatchObject({
      error: { code: 'sign_in_expired' },
    });
    expect(await signedIn(screen)).toBeNull();
  });

  it('lets no one in whose account was disabled while the order ran', async () => {
    const { t, screen } = await atVerify();
    await t.admin.must('operators.update', { id: t.karinId, isDisabled: true });
    peer.complete({ personalNumber: KARIN });
    expect(await pollUntil(screen, isError)).toMatchObject({ error: { code: 'sign_in_expired' } });
    expect(await signedIn(screen)).toBeNull();
    expect(t.audit('operator.login')).toHaveLength(0);
  });
});
