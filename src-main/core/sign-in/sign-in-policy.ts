import {
  DEFAULT_SIGN_IN_POLICY,
  type SignInMethod,
  type SignInPolicy,
} from '../../../src-shared/domain/sign-in';
import type { Db } from '../store/database';

/** The organisation's sign-in policy as stored; a desk that never set one has the default. */
export function readSignInPolicy(db: Db): SignInPolicy {
  const row = db.prepare('SELECT methods, default_method FROM sign_in_policy WHERE id = 1').get() as
    { methods: string; default_method: string } | undefined;
  if (!row) return { ...DEFAULT_SIGN_IN_POLICY, methods: [...DEFAULT_SIGN_IN_POLICY.methods] };
  return {
    methods: JSON.parse(row.methods) as SignInMethod[],
    defaultMethod: row.default_method as SignInMethod,
  };
}
