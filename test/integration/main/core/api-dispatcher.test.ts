import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { methods, type MethodName } from '../../../../src-shared/api/methods';
import { startTestDesk, type TestDesk } from '../../../harness/test-desk';

let t: TestDesk;
beforeEach(async () => {
  t = await startTestDesk();
});
afterEach(() => t.close());

const totals = () =>
  ['holders', 'organisations', 'operators', 'cards', 'outbox', 'audit_events'].map((n) => t.count(n));

describe('the API dispatcher', () => {
  it('refuses unknown methods, prototype keys and non-string names without side effects', async () => {
    const before = totals();
    for (const method of [
      'holders.delete',
      '__proto__',
      'constructor',
      'toString',
      'session.status ',
      '',
      42,
      null,
    ]) {
      const result = await t.admin.raw.call(method as string, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    }
    expect(totals()).toEqual(before);
  });

  it('answers hostile method names and inputs, never rejecting or throwing', async () => {
    const before = totals();
    const trap = () => {
      throw new Error('trap');
    };
    const hostileObject = { toString: trap, valueOf: trap, [Symbol.toPrimitive]: trap, toJSON: trap };
    const throwingProxy = new Proxy(
      {},
      { get: trap, has: trap, ownKeys: trap, getOwnPropertyDescriptor: trap, getPrototypeOf: trap },
    );
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    const methodsToTry: unknown[] = [
      hostileObject,
      throwingProxy,
      revoked.proxy,
      Symbol('session.status'),
      'x'.repeat(5_000_000),
      () => 'session.status',
      10n,
      undefined,
    ];
    for (const method of methodsToTry) {
      const result = await t.admin.raw.call(method as string, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
      if (!result.ok) expect(result.error.message.length).toBeLessThan(200);
    }
    const inputsToTry: unknown[] = [
      hostileObject,
      throwingProxy,
      revoked.proxy,
      { query: hostileObject },
      { query: throwingProxy },
      { [Symbol('query')]: 'a', query: 'a', extra: 1 },
      Object.defineProperty({}, 'query', { get: trap, enumerable: true }),
      { query: 'x'.repeat(5_000_000) },
      Symbol('input'),
    ];
    for (const input of inputsToTry) {
      const result = await t.admin.raw.call('holders.search', input);
      expect(result, String(typeof input)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    }
    const login = await t.anonymous().raw.call('session.login', throwingProxy);
    expect(login).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(totals()).toEqual(before);
    // The desk still answers normally afterwards.
    expect((await t.admin.call('holders.search', { query: 'a' })).ok).toBe(true);
  });

  it('refuses malformed input with field issues: wrong types, extra keys, non-objects', async () => {
    const before = totals();
    const bad: unknown[] = [
      'text',
      42,
      [],
      { query: 7 },
      { query: 'anna', limit: 1000 },
      { query: 'anna', extra: true },
      { query: { $ne: null } },
    ];
    for (const input of bad) {
      const result = await t.admin.raw.call('holders.search', input);
      expect(result, JSON.stringify(input)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    }
    const result = await t.admin.raw.call('holders.search', { query: 7 });
    expect(!result.ok && result.error.issues?.[0]?.path).toBe('query');
    expect(totals()).toEqual(before);
  });

  it('requires a login for everything but status, the sign-in steps and first run', async () => {
    const anonymous = t.anonymous();
    const publicMethods = Object.entries(methods)
      .filter(([, spec]) => spec.access === 'public')
      .map(([name]) => name);
    expect(publicMethods.sort()).toEqual([
      'session.login',
      'session.status',
      'setup.createFirstAdmin',
      'signIn.beginTotp',
      'signIn.cancel',
      'signIn.cancelBankId',
      'signIn.cardPin',
      'signIn.confirmTotp',
      'signIn.pollBankId',
      'signIn.sendSmsCode',
      'signIn.startBankId',
      'signIn.verifySmsCode',
      'signIn.verifyTotp',
    ]);
    for (const name of Object.keys(methods) as MethodName[]) {
      if (publicMethods.includes(name)) continue;
      const result = await anonymous.raw.call(name, {});
      // Validation comes first, so an empty input may be a bad_request; never a success.
      expect(result.ok, name).toBe(false);
    }
    expect(await anonymous.call('holders.search', { query: 'a' })).toMatchObject({
      error: { code: 'unauthenticated' },
    });
  });

  it('enforces roles in the core: reception cannot write holders or manage operators', async () => {
    const reception = await t.loginAs(['reception']);
    const before = totals();
    const attempts = [
      reception.call('holders.create', {
        givenName: 'Eva',
        familyName: 'Berg',
        identityCountry: 'SE',
        identityNumber: '19121212-1212',
        hasEid: true,
      }),
      reception.call('operators.list', {}),
      reception.call('operators.create', {
        username: 'sneaky',
        displayName: 'Sneaky',
        password: 'correct horse battery',
        roles: ['admin'],
        language: 'en',
      }),
      reception.call('organisations.create', { name: 'Bygg AB', country: 'SE', number: '556016-0680' }),
    ];
    for (const result of await Promise.all(attempts)) {
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(totals()).toEqual(before);
    expect((await reception.call('holders.search', { query: 'x' })).ok).toBe(true);
  });

  it('lets card administrators write holders but not operators', async () => {
    const cardAdmin = await t.loginAs(['card_admin']);
    expect(
      (
        await cardAdmin.call('organisations.create', {
          name: 'Bygg AB',
          country: 'SE',
          number: '556016-0680',
        })
      ).ok,
    ).toBe(true);
    expect(await cardAdmin.call('operators.list', {})).toMatchObject({ error: { code: 'forbidden' } });
  });

  it('strips anything beyond the output contract: password hashes never leave the core', async () => {
    const { items } = await t.admin.must('operators.list', {});
    expect(JSON.stringify(items)).not.toMatch(/scrypt|password/i);
  });
});
