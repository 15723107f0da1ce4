// Hostile input to every sign-in method: malformed, oversized, odd types, valid-looking but wrong.
// Always an answer with a code, never an internal error; nothing written unless it was a counted
// guess (which the back-off and the audit log must see).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodName } from '../../../../../src-shared/api/methods';
import { ADMIN_PASSWORD, type TypedConnection } from '../../../../harness/test-desk';
import { startSignInDesk, totals, type SignInDesk } from './sign-in-desk';

const SIGN_IN_METHODS: MethodName[] = [
  'signIn.cancel',
  'signIn.verifyTotp',
  'signIn.sendSmsCode',
  'signIn.verifySmsCode',
  'signIn.startBankId',
  'signIn.pollBankId',
  'signIn.cancelBankId',
  'signIn.cardPin',
  'signIn.beginTotp',
  'signIn.confirmTotp',
];
const OPERATOR_METHODS: MethodName[] = [
  'factors.mine',
  'factors.beginTotp',
  'factors.confirmTotp',
  'factors.setPin',
  'signIn.setPolicy',
  'signIn.policy',
  'operators.resetFactors',
];
/** Refusals of a guess that was counted: the count and its audit event are the point. */
const COUNTED = ['invalid_code', 'invalid_login', 'locked_out', 'code_used'];

let t: SignInDesk;
let verifying: TypedConnection;
let enrolling: TypedConnection;

beforeAll(async () => {
  t = await startSignInDesk({ methods: ['totp', 'card_pin', 'password'], defaultMethod: 'totp' });
  await t.operator('erik', ['reception']);
  await t.enrolTotp('erik');
  await t.operator('eva', ['reception']);
  await t.policy({ methods: ['totp', 'card_pin'], defaultMethod: 'totp' });
  verifying = t.screen();
  await verifying.must('session.login', { username: 'erik', password: ADMIN_PASSWORD });
  enrolling = t.screen();
  await enrolling.must('session.login', { username: 'eva', password: ADMIN_PASSWORD });
});
afterAll(() => t.close());

function snapshot(): string {
  return JSON.stringify({
    ...totals(t),
    audit: t.count('audit_events'),
    backoff: t.count('login_backoff'),
    policy: t.desk.db.prepare('SELECT * FROM sign_in_policy').all(),
  });
}

const hostileText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.stringMatching(/^[0-9 ]{0,24}$/),
  fc.constantFrom(
    '',
    '   ',
    '000000',
    '12345678',
    '１２３４５６',
    "'; DROP TABLE operators; --",
    'x'.repeat(10_000),
    'a\u0000b',
  ),
);
const code = fc.oneof(hostileText, fc.stringMatching(/^[0-9]{6,8}$/), fc.integer(), fc.constant(null));
const method = fc.oneof(hostileText, fc.constantFrom('totp', 'sms', 'bankid', 'card_pin', 'password'));
const fields = {
  code,
  pin: fc.oneof(hostileText, fc.stringMatching(/^[0-9]{4,14}$/), fc.integer()),
  password: fc.oneof(hostileText, fc.constant(ADMIN_PASSWORD)),
  sameDevice: fc.oneof(fc.boolean(), fc.constant('true')),
  methods: fc.oneof(
    fc.array(fc.constantFrom('totp', 'sms', 'bankid', 'card_pin', 'password'), { maxLength: 6 }),
    fc.array(method, { maxLength: 8 }),
    fc.anything(),
  ),
  defaultMethod: method,
  id: fc.oneof(hostileText, fc.uuid()),
};
/** Each method's own fields, as its contract names them. */
const SHAPES: Partial<Record<MethodName, (keyof typeof fields)[]>> = {
  'signIn.verifyTotp': ['code'],
  'signIn.verifySmsCode': ['code'],
  'signIn.confirmTotp': ['code'],
  'factors.confirmTotp': ['code'],
  'signIn.cardPin': ['pin'],
  'signIn.startBankId': ['sameDevice'],
  'factors.beginTotp': ['password'],
  'factors.setPin': ['password', 'pin'],
  'signIn.setPolicy': ['methods', 'defaultMethod'],
  'operators.resetFactors': ['id'],
};

/** Anything at all, or the method's own fields with something odd in them. */
function hostileInput(name: MethodName) {
  const keys = SHAPES[name] ?? [];
  const shaped = fc.record(Object.fromEntries(keys.map((key) => [key, fields[key]])));
  return fc.oneof(
    fc.anything(),
    shaped,
    fc.record({ ...Object.fromEntries(keys.map((k) => [k, fields[k]])), extra: fc.anything() }),
  );
}
const call = (names: MethodName[]) =>
  fc.constantFrom(...names).chain((name) => fc.tuple(fc.constant(name), hostileInput(name)));

async function expectHandled(screen: TypedConnection, method: MethodName, input: unknown) {
  const before = snapshot();
  const result = await screen.raw.call(method, input);
  if (!result.ok) {
    expect(result.error.code, method).not.toBe('internal');
    if (!COUNTED.includes(result.error.code))
      expect(snapshot(), `${method} ${result.error.code}`).toBe(before);
  }
  return result;
}

describe('hostile input to the sign-in steps', () => {
  it('at a screen with no sign-in going: refused with a code, nothing written', async () => {
    const screen = t.screen();
    await fc.assert(
      fc.asyncProperty(call(SIGN_IN_METHODS), async ([method, input]) => {
        const before = snapshot();
        const result = await screen.raw.call(method, input);
        if (!result.ok) expect(result.error.code).not.toBe('internal');
        // Going back, with nothing to go back from, is the only thing that succeeds.
        if (result.ok) expect(['signIn.cancel', 'signIn.cancelBankId']).toContain(method);
        expect(snapshot()).toBe(before);
      }),
      { numRuns: 300 },
    );
  }, 120_000);

  it('half-way through a sign-in: never an internal error, only counted guesses written', async () => {
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(
        call(SIGN_IN_METHODS.filter((m) => m !== 'signIn.cancel')),
        fc.constantFrom(verifying, enrolling),
        async ([method, input], screen) => {
          const result = await expectHandled(screen, method, input);
          // A guess that got in by chance would end the property's premise: none may.
          if (result.ok) expect(method).toMatch(/^signIn\.(beginTotp|cancelBankId)$/);
          seen.add(result.ok ? 'ok' : result.error.code);
        },
      ),
      {
        numRuns: 300,
        // Beside the random ones, guesses that get past validation to the checks behind it.
        examples: [
          [['signIn.verifyTotp', { code: '000000' }], verifying],
          [['signIn.sendSmsCode', {}], verifying],
        ],
      },
    );
    // The inputs reached the checks behind validation, not only the schema.
    expect([...seen]).toEqual(expect.arrayContaining(['bad_request', 'invalid_code', 'method_not_allowed']));
  }, 120_000);
});

describe('hostile input to factors and the policy', () => {
  it('is refused with a code and writes nothing unless it was a counted guess', async () => {
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(call(OPERATOR_METHODS), async ([method, input]) => {
        const before = snapshot();
        const result = await t.admin.raw.call(method, input);
        if (!result.ok) {
          expect(result.error.code).not.toBe('internal');
          if (!COUNTED.includes(result.error.code)) expect(snapshot()).toBe(before);
        }
        seen.add(result.ok ? 'ok' : result.error.code);
      }),
      {
        numRuns: 300,
        examples: [[['signIn.setPolicy', { methods: ['sms'], defaultMethod: 'sms' }]]],
      },
    );
    expect([...seen]).toEqual(expect.arrayContaining(['bad_request', 'policy_invalid']));
  }, 120_000);
});
