// The benches' administrator: created on a fresh bench database, signed in again on a reused one.
// The benches measure searching and tapping, not signing in, so the administrator then allows the
// password alone (an explicit, audited choice), and the UI benches log in with the password.
import { Secret, TOTP } from 'otpauth';
import type { DeskConnection } from '../../src-main/core/create-desk';
import { createKeyFileStore } from '../../src-main/core/keys/adapters/key-file-store';
import type { KeyStore } from '../../src-main/core/keys/key-store';
import { typed } from '../harness/test-desk';

export interface BenchAdmin {
  username: string;
  displayName: string;
  password: string;
  language: 'en';
}

/** The bench database's own key folder beside it, as a web host keeps one in its data directory. */
export function benchKeyStore(databasePath: string): KeyStore {
  return createKeyFileStore({ dir: `${databasePath}-keys` });
}

/** A code from the enrolment's secret, as the operator's app would show it. */
export function appCode(groupedSecret: string, atMs = Date.now()): string {
  const secret = Secret.fromBase32(groupedSecret.replace(/\s/g, ''));
  return new TOTP({ secret, algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp: atMs });
}

export async function signInBenchAdmin(raw: DeskConnection, admin: BenchAdmin): Promise<void> {
  const connection = typed(raw);
  const setup = await connection.call('setup.createFirstAdmin', admin);
  if (!setup.ok) {
    const step = await connection.must('session.login', {
      username: admin.username,
      password: admin.password,
    });
    if (step.step === 'enrol') {
      const enrolment = await connection.must('signIn.beginTotp', {});
      await connection.must('signIn.confirmTotp', { code: appCode(enrolment.secret) });
    } else if (step.step !== 'signedIn') {
      throw new Error('The bench administrator already has a second factor: use a fresh bench database.');
    }
  }
  await connection.must('signIn.setPolicy', { methods: ['password', 'totp'], defaultMethod: 'password' });
}
