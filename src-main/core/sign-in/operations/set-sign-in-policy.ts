import { SIGN_IN_METHODS, type SignInPolicy } from '../../../../src-shared/domain/sign-in';
import { defineOperation } from '../../ops/operations';

/** The organisation's methods, already checked against signInPolicyIssues by the caller. */
export const setSignInPolicy = defineOperation<SignInPolicy, SignInPolicy>(
  'signIn.setPolicy',
  ({ db, now }, p) => {
    // Stored in one order whatever order they came in, so an unchanged policy reads back unchanged.
    const methods = SIGN_IN_METHODS.filter((m) => p.methods.includes(m));
    db.prepare(
      `INSERT INTO sign_in_policy (id, methods, default_method, updated_at) VALUES (1, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET methods = excluded.methods, default_method = excluded.default_method,
         updated_at = excluded.updated_at`,
    ).run(JSON.stringify(methods), p.defaultMethod, now);
    return {
      result: { methods, defaultMethod: p.defaultMethod },
      recordType: 'sign_in_policy',
      recordId: '1',
      // The password alone is the weakest choice an administrator can make: the audit says so plainly.
      audit: { methods, defaultMethod: p.defaultMethod, allowsPasswordAlone: methods.includes('password') },
    };
  },
);
