// A session is only as good as its operator's record now: an administrator's change takes effect at
// the operator's next call (a narrowed role) or at once (a disable, a password reset).
import { afterEach, describe, expect, it } from 'vitest';
import type { CardPresented } from '../../../../src-shared/api/readers';
import { scriptedBackend } from '../../../harness/scripted-backend';
import {
  ADMIN_PASSWORD,
  startTestDesk,
  typed,
  type TestDesk,
  type TypedConnection,
} from '../../../harness/test-desk';

let t: TestDesk;
afterEach(() => t.close());

const NEW_PASSWORD = 'a brand new passphrase';

/** Records what a screen is sent, the way the renderer would see it. */
function screen(connection: TypedConnection) {
  const events: [string, unknown][] = [];
  connection.raw.onEvent((event, payload) => events.push([event, payload]));
  return {
    events,
    taps: () => events.filter(([event]) => event === 'card.presented').map(([, p]) => p as CardPresented),
    ended: () => events.filter(([event]) => event === 'session.ended').map(([, p]) => p),
  };
}

async function operator(username: string, roles: ('reception' | 'card_admin' | 'admin')[]) {
  const view = await t.admin.must('operators.create', {
    username,
    displayName: 'Karin Lindqvist',
    password: ADMIN_PASSWORD,
    roles,
    language: 'sv',
  });
  const login = async () => {
    const c = typed(t.desk.connect());
    await c.must('session.login', { username, password: ADMIN_PASSWORD });
    return c;
  };
  return { id: view.id, login };
}

describe('sessions follow the operator record', () => {
  it('a narrowed role is refused at the next call, without logging the operator out', async () => {
    t = await startTestDesk();
    const karin = await operator('karin', ['card_admin']);
    const c = await karin.login();
    expect(
      (await c.call('organisations.create', { name: 'Bygg AB', country: 'SE', number: '556016-0680' })).ok,
    ).toBe(true);

    await t.admin.must('operators.update', { id: karin.id, roles: ['reception'] });
    expect(
      await c.call('organisations.create', { name: 'Väg AB', country: 'SE', number: '556036-0793' }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(t.count('organisations')).toBe(1);
    // Still logged in, with what reception may do, and the screen learns the new roles.
    expect((await c.call('holders.search', { query: 'a' })).ok).toBe(true);
    expect((await c.must('session.status', {})).operator?.roles).toEqual(['reception']);

    await t.admin.must('operators.update', { id: karin.id, roles: ['card_admin'] });
    expect(
      (await c.call('organisations.create', { name: 'Väg AB', country: 'SE', number: '556036-0793' })).ok,
    ).toBe(true);
  });

  it('a narrowed role also hides full identity numbers at once', async () => {
    t = await startTestDesk();
    const holder = await t.admin.must('holders.create', {
      givenName: 'Eva',
      familyName: 'Berg',
      identityCountry: 'SE',
      identityNumber: '19121212-1212',
      hasEid: true,
    });
    const karin = await operator('karin', ['card_admin']);
    const c = await karin.login();
    expect((await c.must('holders.get', { id: holder.id })).identityNumber).toBe('19121212-1212');
    await t.admin.must('operators.update', { id: karin.id, roles: ['reception'] });
    expect((await c.must('holders.get', { id: holder.id })).identityNumber).toMatch(/\*/);
  });

  it('disabling an operator ends their sessions at once: the screen is told and receives no more taps', async () => {
    const pcsc = scriptedBackend('pcsc');
    t = await startTestDesk({ readers: [pcsc] });
    const karin = await operator('karin', ['reception']);
    const first = await karin.login();
    const second = await karin.login();
    const screens = [screen(first), screen(second)];
    const adminScreen = screen(t.admin);

    pcsc.readBytes('04A2B3C4D5E6F7');
    expect(screens.map((s) => s.taps().length)).toEqual([1, 1]);

    await t.admin.must('operators.update', { id: karin.id, isDisabled: true });
    // Told before the administrator's call has even returned to its screen: no timer involved.
    for (const s of screens) expect(s.ended()).toEqual([{ reason: 'revoked' }]);
    for (const c of [first, second]) {
      expect(await c.call('holders.search', { query: 'a' })).toMatchObject({
        ok: false,
        error: { code: 'unauthenticated' },
      });
      expect((await c.must('session.status', {})).operator).toBeNull();
    }

    pcsc.readBytes('04A2B3C4D5E6F7');
    expect(screens.map((s) => s.taps().length)).toEqual([1, 1]);
    expect(adminScreen.taps()).toHaveLength(2);
    expect(adminScreen.ended()).toEqual([]);

    // Enabling the account again does not bring the old sessions back.
    await t.admin.must('operators.update', { id: karin.id, isDisabled: false });
    expect(await first.call('holders.search', { query: 'a' })).toMatchObject({
      error: { code: 'unauthenticated' },
    });
    expect((await karin.login()).raw).toBeDefined();
    const ended = t.desk.db
      .prepare(`SELECT count(*) FROM audit_events WHERE action = 'operator.sessionEnded' AND operator_id = ?`)
      .pluck()
      .get(karin.id);
    expect(ended).toBe(2);
  });

  it('taps go only to operators whose record still allows them, even before the screen is told', async () => {
    const pcsc = scriptedBackend('pcsc');
    t = await startTestDesk({ readers: [pcsc] });
    const karin = await operator('karin', ['reception']);
    const s = screen(await karin.login());
    // Changed behind the desk's back (another process on the same database): no sweep has run yet.
    t.desk.db.prepare('UPDATE operators SET is_disabled = 1 WHERE id = ?').run(karin.id);
    pcsc.readBytes('04A2B3C4D5E6F7');
    expect(s.taps()).toEqual([]);
    // The desk's round each second tells the screen.
    await expect.poll(() => s.ended(), { timeout: 5000 }).toEqual([{ reason: 'revoked' }]);
  });

  it('a password set by an administrator ends all of that operator’s sessions', async () => {
    t = await startTestDesk();
    const karin = await operator('karin', ['reception']);
    const c = await karin.login();
    const s = screen(c);
    await t.admin.must('operators.update', { id: karin.id, password: NEW_PASSWORD });
    expect(s.ended()).toEqual([{ reason: 'revoked' }]);
    expect(await c.call('holders.search', { query: 'a' })).toMatchObject({
      error: { code: 'unauthenticated' },
    });
    expect(
      await t.anonymous().call('session.login', { username: 'karin', password: ADMIN_PASSWORD }),
    ).toMatchObject({ error: { code: 'invalid_login' } });
    const again = t.anonymous();
    expect((await again.call('session.login', { username: 'karin', password: NEW_PASSWORD })).ok).toBe(true);
    expect((await again.call('holders.search', { query: 'a' })).ok).toBe(true);
  });

  it('setting one’s own password keeps this session and ends one’s sessions on other screens', async () => {
    t = await startTestDesk();
    const self = (await t.admin.must('session.status', {})).operator!;
    const elsewhere = typed(t.desk.connect());
    await elsewhere.must('session.login', { username: 'admin', password: ADMIN_PASSWORD });
    const here = screen(t.admin);
    const there = screen(elsewhere);

    await t.admin.must('operators.update', { id: self.id, password: NEW_PASSWORD });
    expect(here.ended()).toEqual([]);
    expect((await t.admin.call('operators.list', {})).ok).toBe(true);
    expect(there.ended()).toEqual([{ reason: 'revoked' }]);
    expect(await elsewhere.call('operators.list', {})).toMatchObject({ error: { code: 'unauthenticated' } });
  });

  it('a change that ends no sessions (name, language) leaves every screen logged in', async () => {
    t = await startTestDesk();
    const karin = await operator('karin', ['reception']);
    const c = await karin.login();
    const s = screen(c);
    await t.admin.must('operators.update', { id: karin.id, displayName: 'Karin Berg', language: 'da' });
    expect(s.ended()).toEqual([]);
    expect((await c.call('holders.search', { query: 'a' })).ok).toBe(true);
  });
});
