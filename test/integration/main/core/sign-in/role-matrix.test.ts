// Each of the four roles signs in each way the policy allows, and gets exactly its role's methods.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodName } from '../../../../../src-shared/api/methods';
import { generateIdentityNumber } from '../../../../../src-shared/domain/identity-number';
import { ROLES, type Role } from '../../../../../src-shared/domain/roles';
import { ADMIN_PASSWORD, type TypedConnection } from '../../../../harness/test-desk';
import { PIN, startSignInDesk, type SignInDesk } from './sign-in-desk';

/** A method the role may call, and one of another role it may not (an administrator may call all). */
const PROBES: Record<Role, { allowed: MethodName; forbidden: MethodName | null }> = {
  reception: { allowed: 'readers.list', forbidden: 'orders.rules' },
  card_admin: { allowed: 'orders.rules', forbidden: 'operators.list' },
  it_admin: { allowed: 'readers.list', forbidden: 'orders.rules' },
  admin: { allowed: 'operators.list', forbidden: null },
};

const username = (role: Role) => `op${ROLES.indexOf(role)}`;

let t: SignInDesk;
const secrets = new Map<Role, string>();
const uids = new Map<Role, string>();

beforeAll(async () => {
  t = await startSignInDesk({ methods: ['password', 'totp', 'card_pin'], defaultMethod: 'password' });
  for (const [i, role] of ROLES.entries()) {
    const number = generateIdentityNumber('SE', new Date('1985-03-01'), i + 1);
    await t.operator(username(role), [role], { identity: { country: 'SE', number } });
    const uid = `04A2B3C4D5E6${i}${i}`;
    await t.card(number, uid);
    const { screen, secret } = await t.enrolTotp(username(role));
    await screen.must('factors.setPin', { password: ADMIN_PASSWORD, pin: PIN });
    secrets.set(role, secret);
    uids.set(role, uid);
  }
});
afterAll(() => t.close());

async function expectRoleMethods(screen: TypedConnection, role: Role) {
  const { allowed, forbidden } = PROBES[role];
  expect((await screen.raw.call(allowed, {})).ok, `${role} ${allowed}`).toBe(true);
  if (forbidden) {
    expect(await screen.raw.call(forbidden, {}), `${role} ${forbidden}`).toMatchObject({
      error: { code: 'forbidden' },
    });
  }
}

describe.each(ROLES)('%s', (role) => {
  it('signs in with the password alone where allowed', async () => {
    await t.policy({ methods: ['password', 'totp', 'card_pin'], defaultMethod: 'password' });
    const screen = t.screen();
    expect(
      await screen.must('session.login', { username: username(role), password: ADMIN_PASSWORD }),
    ).toMatchObject({
      step: 'signedIn',
      operator: { roles: [role] },
    });
    await expectRoleMethods(screen, role);
  });

  it('signs in with the password and an authenticator code', async () => {
    await t.policy({ methods: ['totp', 'card_pin'], defaultMethod: 'totp' });
    t.clock.advance(30_000);
    const screen = t.screen();
    expect(
      await screen.must('session.login', { username: username(role), password: ADMIN_PASSWORD }),
    ).toMatchObject({
      step: 'verify',
      defaultMethod: 'totp',
    });
    await expect(screen.raw.call(PROBES[role].allowed, {})).resolves.toMatchObject({
      error: { code: 'unauthenticated' },
    });
    await screen.must('signIn.verifyTotp', { code: t.code(secrets.get(role)!) });
    await expectRoleMethods(screen, role);
  });

  it('signs in with their own card and PIN', async () => {
    await t.policy({ methods: ['totp', 'card_pin'], defaultMethod: 'card_pin' });
    const screen = t.screen();
    await t.tap(screen, uids.get(role)!);
    expect(await screen.must('signIn.cardPin', { pin: PIN })).toMatchObject({ roles: [role] });
    await expectRoleMethods(screen, role);
  });
});
