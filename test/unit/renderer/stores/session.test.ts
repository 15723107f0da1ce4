import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { nextTick } from 'vue';
import { fail, ok } from '../../../../src-shared/api/result';
import { setDeskClient } from '../../../../src-renderer/client/api';
import { useConnectionStore } from '../../../../src-renderer/stores/connection';
import { KEEP_ALIVE_INTERVAL_MS, useSessionStore } from '../../../../src-renderer/stores/session';
import type { WsDeskClient } from '../../../../src-renderer/client/ws-client';
import { ADMIN, fakeDeskClient, status, type FakeDesk, signedIn } from '../fake-desk-client';

const IDLE_SECONDS = 120;
let desk: FakeDesk;

async function loggedIn() {
  const session = useSessionStore();
  await session.start();
  const result = await session.login('admin', 'correct horse battery');
  expect(result.ok).toBe(true);
  return session;
}

beforeEach(() => {
  vi.useFakeTimers();
  setActivePinia(createPinia());
  desk = fakeDeskClient({
    'session.status': () => status(null, IDLE_SECONDS),
    'session.login': () => signedIn(ADMIN),
  });
  setDeskClient(desk.client);
});
afterEach(() => {
  vi.useRealTimers();
  setDeskClient(null);
});

describe('session phases', () => {
  it('stays logged out after a password that needs a second step, until that step signs in', async () => {
    desk.handlers['session.login'] = () =>
      ok({ step: 'verify' as const, choices: [{ method: 'totp' as const }], defaultMethod: 'totp' as const });
    const session = useSessionStore();
    await session.start();
    const result = await session.login('admin', 'correct horse battery');
    expect(result.ok && result.step.step).toBe('verify');
    expect(session.phase).toBe('loggedOut');
    session.completeSignIn(ADMIN);
    expect(session.phase).toBe('loggedIn');
    expect(session.operator?.username).toBe('admin');
  });

  it('reads what the sign-in screen offers from the desk', async () => {
    desk.handlers['session.status'] = () =>
      status(null, IDLE_SECONDS, { methods: ['bankid', 'totp'], defaultMethod: 'bankid' });
    const session = useSessionStore();
    await session.start();
    expect(session.signIn).toEqual({ methods: ['bankid', 'totp'], defaultMethod: 'bankid' });
  });

  it('reads the desk and the need for a first administrator', async () => {
    desk.handlers['session.status'] = () => ok({ ...status(null).value, needsFirstAdmin: true });
    const session = useSessionStore();
    await session.start();
    expect(session.phase).toBe('needsFirstAdmin');
    expect(session.deskName).toBe('Reception A');
  });

  it('logs in, takes the operator language, and logs out', async () => {
    const session = await loggedIn();
    expect(session.phase).toBe('loggedIn');
    expect(session.language).toBe('en');
    expect(session.hasAnyRole(['admin'])).toBe(true);
    expect(session.hasAnyRole(['reception'])).toBe(false);
    await session.logout();
    expect(session.phase).toBe('loggedOut');
    expect(session.endReason).toBeNull();
    expect(desk.callsOf('session.logout')).toHaveLength(1);
  });

  it('keeps the error of a failed login for the screen', async () => {
    desk.handlers['session.login'] = () => fail('locked_out', 'Too many.');
    const session = useSessionStore();
    await session.start();
    const result = await session.login('admin', 'x');
    expect(result).toMatchObject({ ok: false, error: { code: 'locked_out' } });
    expect(session.phase).toBe('loggedOut');
  });

  it('is "unavailable" when the desk cannot answer the first question', async () => {
    desk.handlers['session.status'] = () => fail('internal', 'No connection.');
    const session = useSessionStore();
    await session.start();
    expect(session.phase).toBe('unavailable');
  });
});

describe('idle logout', () => {
  it('logs out after idleTimeoutSeconds without activity and says why', async () => {
    const session = await loggedIn();
    vi.advanceTimersByTime(IDLE_SECONDS * 1000 - 1);
    expect(session.phase).toBe('loggedIn');
    vi.advanceTimersByTime(1);
    expect(session.phase).toBe('loggedOut');
    expect(session.endReason).toEqual({ kind: 'idle', seconds: IDLE_SECONDS });
    expect(session.operator).toBeNull();
    expect(desk.callsOf('session.logout')).toHaveLength(1);
  });

  it('counts from the last activity', async () => {
    const session = await loggedIn();
    vi.advanceTimersByTime(100_000);
    session.noteActivity();
    vi.advanceTimersByTime(IDLE_SECONDS * 1000 - 1);
    expect(session.phase).toBe('loggedIn');
    vi.advanceTimersByTime(1);
    expect(session.phase).toBe('loggedOut');
  });

  it('sends keepAlive at most every 30 s, and once more after the last activity', async () => {
    const session = await loggedIn();
    const keepAlives = () => desk.callsOf('session.keepAlive').length;
    for (let t = 0; t < 10; t++) {
      vi.advanceTimersByTime(1000);
      session.noteActivity();
    }
    expect(keepAlives()).toBe(0);
    vi.advanceTimersByTime(KEEP_ALIVE_INTERVAL_MS - 10_000);
    expect(keepAlives()).toBe(1);
    vi.advanceTimersByTime(2 * KEEP_ALIVE_INTERVAL_MS);
    expect(keepAlives()).toBe(1);
    session.noteActivity();
    expect(keepAlives()).toBe(2);
  });

  it('follows the desk when the core ends the session (session.ended)', async () => {
    const session = await loggedIn();
    desk.emit('session.ended', { reason: 'idle' });
    expect(session.phase).toBe('loggedOut');
    expect(session.endReason).toEqual({ kind: 'idle', seconds: IDLE_SECONDS });
    vi.advanceTimersByTime(IDLE_SECONDS * 1000);
    expect(desk.callsOf('session.logout')).toHaveLength(0);
  });

  it('tells apart a session an administrator ended from a logout elsewhere', async () => {
    const session = await loggedIn();
    desk.emit('session.ended', { reason: 'revoked' });
    expect(session.phase).toBe('loggedOut');
    expect(session.endReason).toEqual({ kind: 'revoked' });
    const again = await session.login('admin', 'correct horse battery');
    expect(again.ok).toBe(true);
    desk.emit('session.ended', { reason: 'logout' });
    expect(session.endReason).toEqual({ kind: 'elsewhere' });
  });

  it('returns to the login on any unauthenticated answer', async () => {
    desk.handlers['holders.search'] = () => fail('unauthenticated', 'Log in first.');
    const session = await loggedIn();
    const { call } = await import('../../../../src-renderer/client/api');
    await call('holders.search', { query: 'a' });
    expect(session.phase).toBe('loggedOut');
    expect(session.endReason).toEqual({ kind: 'unauthenticated' });
  });

  it('asks again after a reconnect, since a new socket has no session', async () => {
    const connection = useConnectionStore();
    let listener: ((s: 'open' | 'reconnecting') => void) | undefined;
    const ws = {
      state: 'open',
      onStateChange: (l: typeof listener) => ((listener = l), () => undefined),
    } as unknown as WsDeskClient;
    connection.attach({ kind: 'websocket', client: ws });
    const session = await loggedIn();
    listener?.('reconnecting');
    await nextTick();
    listener?.('open');
    await nextTick();
    await vi.waitFor(() => expect(session.phase).toBe('loggedOut'));
    expect(session.endReason).toEqual({ kind: 'connection' });
  });
});
