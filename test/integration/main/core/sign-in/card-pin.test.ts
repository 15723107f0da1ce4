// Card and PIN: the operator's own active card, tapped at this screen within a minute, and their PIN.
// Every way it can be wrong answers like a wrong PIN, so a stranger learns nothing about a card.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateIdentityNumber } from '../../../../../src-shared/domain/identity-number';
import { CARD_PIN_TAP_TTL_MS } from '../../../../../src-shared/domain/sign-in';
import { ADMIN_PASSWORD } from '../../../../harness/test-desk';
import { PIN, startSignInDesk, type SignInDesk } from './sign-in-desk';

const ERIK_NUMBER = '19121212-1212';
const OTHER_NUMBER = generateIdentityNumber('SE', new Date('1980-01-01'), 5);
const ERIK_UID = '04A2B3C4D5E6F7';
const OTHER_UID = '04112233445566';
const UNKNOWN_UID = '04FFEEDDCCBBAA';

let t: SignInDesk;
let erikCard: string;
beforeEach(async () => {
  t = await startSignInDesk({ methods: ['card_pin', 'totp', 'password'], defaultMethod: 'card_pin' });
  await t.operator('erik', ['reception'], { identity: { country: 'SE', number: ERIK_NUMBER } });
  erikCard = await t.card(ERIK_NUMBER, ERIK_UID);
  await t.card(OTHER_NUMBER, OTHER_UID);
  const erik = t.screen();
  await erik.must('session.login', { username: 'erik', password: ADMIN_PASSWORD });
  expect(await erik.call('factors.setPin', { password: ADMIN_PASSWORD, pin: '123456' })).toMatchObject({
    error: { code: 'weak_pin', params: { problem: 'too_simple' } },
  });
  const mine = await erik.must('factors.setPin', { password: ADMIN_PASSWORD, pin: PIN });
  expect(mine).toMatchObject({
    hasActiveOwnCard: true,
    hasIdentityNumber: true,
    pinSetAt: expect.any(String),
  });
});
afterEach(() => t.close());

const refusedLike = { ok: false, error: { code: 'invalid_login' } };

describe('card and PIN', () => {
  it("signs in with one's own card and PIN, and tells the screen only that a PIN may follow", async () => {
    const screen = t.screen();
    const heard: unknown[] = [];
    screen.raw.onEvent((event, payload) => heard.push({ event, payload }));
    await t.tap(screen, ERIK_UID);
    expect(heard).toEqual([{ event: 'card.presentedSignedOut', payload: { canUsePin: true } }]);
    expect(await screen.must('signIn.cardPin', { pin: PIN })).toMatchObject({ username: 'erik' });
    expect((await screen.must('session.status', {})).operator?.username).toBe('erik');
    const login = t.desk.db
      .prepare(`SELECT details FROM audit_events WHERE action = 'operator.login' ORDER BY seq DESC LIMIT 1`)
      .get() as { details: string };
    expect(JSON.parse(login.details)).toEqual({ method: 'card_pin' });
  });

  it('refuses a wrong PIN, someone else’s card and an unknown card all alike', async () => {
    for (const [uid, pin] of [
      [ERIK_UID, '270418'],
      [OTHER_UID, PIN],
      [UNKNOWN_UID, PIN],
    ] as const) {
      const screen = t.screen();
      await t.tap(screen, uid);
      const answer = await screen.call('signIn.cardPin', { pin });
      expect(answer, uid).toEqual({
        ...refusedLike,
        error: { ...refusedLike.error, message: 'Wrong card or PIN.' },
      });
      expect((await screen.must('session.status', {})).operator).toBeNull();
    }
  });

  it('refuses a disabled operator’s card, and a blocked card', async () => {
    const id = (await t.admin.must('operators.list', {})).items.find((o) => o.username === 'erik')!.id;
    await t.admin.must('operators.update', { id, isDisabled: true });
    const screen = t.screen();
    await t.tap(screen, ERIK_UID);
    expect(await screen.call('signIn.cardPin', { pin: PIN })).toMatchObject(refusedLike);

    await t.admin.must('operators.update', { id, isDisabled: false });
    await t.admin.must('cards.block', { cardId: erikCard, reason: 'lost' });
    t.clock.advance(1000);
    await t.tap(screen, ERIK_UID);
    expect(await screen.call('signIn.cardPin', { pin: PIN })).toMatchObject(refusedLike);
  });

  it('needs a tap at this screen within the last minute', async () => {
    const screen = t.screen();
    expect(await screen.call('signIn.cardPin', { pin: PIN })).toMatchObject({
      error: { code: 'no_card_presented' },
    });
    await t.tap(screen, ERIK_UID);
    // The tap was heard by this screen; another screen has none of its own.
    expect(await t.screen().call('signIn.cardPin', { pin: PIN })).toMatchObject({
      error: { code: 'no_card_presented' },
    });
    t.clock.advance(CARD_PIN_TAP_TTL_MS + 1);
    expect(await screen.call('signIn.cardPin', { pin: PIN })).toMatchObject({
      error: { code: 'no_card_presented' },
    });
  });

  it('is refused where the organisation does not allow it, and a signed-out screen is told so at the tap', async () => {
    await t.policy({ methods: ['totp', 'password'], defaultMethod: 'totp' });
    const screen = t.screen();
    const heard: unknown[] = [];
    screen.raw.onEvent((_event, payload) => heard.push(payload));
    await t.tap(screen, ERIK_UID);
    expect(heard).toEqual([{ canUsePin: false }]);
    expect(await screen.call('signIn.cardPin', { pin: PIN })).toMatchObject({
      error: { code: 'method_not_allowed' },
    });
  });

  it('stops working when an administrator resets the operator’s factors, and that ends their sessions', async () => {
    const erik = t.screen();
    await t.tap(erik, ERIK_UID);
    await erik.must('signIn.cardPin', { pin: PIN });
    const id = (await t.admin.must('operators.list', {})).items.find((o) => o.username === 'erik')!.id;
    const view = await t.admin.must('operators.resetFactors', { id });
    expect(view).toMatchObject({ hasPin: false, hasTotp: false });
    expect(await erik.call('holders.search', { query: 'a' })).toMatchObject({
      error: { code: 'unauthenticated' },
    });
    const audit = t.desk.db
      .prepare(`SELECT details FROM audit_events WHERE action = 'operator.factorsReset'`)
      .get() as { details: string };
    expect(JSON.parse(audit.details)).toMatchObject({ hadPin: true, endedSessions: true });
    const screen = t.screen();
    await t.tap(screen, ERIK_UID);
    expect(await screen.call('signIn.cardPin', { pin: PIN })).toMatchObject(refusedLike);
  });

  it('backs off after repeated wrong PINs, for the account on every screen', async () => {
    let answer;
    for (let i = 0; i < 6; i++) {
      const screen = t.screen();
      await t.tap(screen, ERIK_UID);
      answer = await screen.call('signIn.cardPin', { pin: '999990' });
    }
    expect(answer).toMatchObject({
      error: { code: 'locked_out', params: { retryAfterSeconds: expect.any(Number) } },
    });
    // The right PIN waits too, on a new screen…
    const screen = t.screen();
    await t.tap(screen, ERIK_UID);
    expect(await screen.call('signIn.cardPin', { pin: PIN })).toMatchObject({
      error: { code: 'locked_out' },
    });
    // …and is taken once the wait is over; the count then starts again.
    t.clock.advance(30_000);
    await t.tap(screen, ERIK_UID);
    expect(await screen.must('signIn.cardPin', { pin: PIN })).toMatchObject({ username: 'erik' });
    expect(
      t.desk.db.prepare(`SELECT count(*) AS n FROM login_backoff WHERE username LIKE 'pin:%'`).get(),
    ).toEqual({
      n: 0,
    });
  });

  it('keeps the PIN out of the database and the audit log', async () => {
    const row = t.desk.db.prepare(`SELECT pin_hash FROM operators WHERE username = 'erik'`).get() as {
      pin_hash: string;
    };
    expect(row.pin_hash).toMatch(/^scrypt\$/);
    const details = (t.desk.db.prepare('SELECT details FROM audit_events').all() as { details: string }[])
      .map((r) => r.details)
      .join('\n');
    expect(details).not.toContain(PIN);
  });
});
