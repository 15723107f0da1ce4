// What the SMS sign-in tests share: a desk with the real 46elks adapter to a local gateway, and Rita,
// who has a mobile number and an authenticator app, at a policy of SMS or the app.
import { createElksSmsGateway } from '../../../../../src-main/core/sign-in/adapters/elks-sms-gateway';
import { startSmsGatewayPeer, type SmsGatewayPeer } from '../../../../harness/sms-gateway-peer';
import { ADMIN_PASSWORD, type TypedConnection } from '../../../../harness/test-desk';
import { startSignInDesk, type SignInDesk } from './sign-in-desk';

/** As an administrator types it; the desk keeps and sends it as E.164. */
export const TYPED_PHONE = '070-123 45 72';
export const PHONE = '+46701234572';

export interface SmsSignIn {
  t: SignInDesk;
  peer: SmsGatewayPeer;
  /** Rita's authenticator secret. */
  secret: string;
  ritaId: string;
  /** A new screen where the operator's password was right. */
  atVerify(username?: string): Promise<TypedConnection>;
  /** Sends a code from this screen and reads it off the phone. */
  sendAndRead(screen: TypedConnection): Promise<string>;
  /** Enters a code as a patient person would: waiting out any back-off first. */
  enter(screen: TypedConnection, code: string): ReturnType<TypedConnection['call']>;
  /** Every operator.login: who, and the details. */
  logins(): Record<string, unknown>[];
  close(): Promise<void>;
}

export function smsGatewayOf(peer: SmsGatewayPeer, password = peer.password) {
  return createElksSmsGateway(
    { baseUrl: peer.baseUrl, username: peer.username, from: 'Frontdesk', timeoutMs: 10_000 },
    () => Promise.resolve(password),
  );
}

export async function startSmsSignIn(): Promise<SmsSignIn> {
  const peer = await startSmsGatewayPeer();
  const t = await startSignInDesk(null, { smsGateway: smsGatewayOf(peer) });
  const ritaId = await t.operator('rita', ['reception'], { mobilePhone: TYPED_PHONE });
  const { secret } = await t.enrolTotp('rita');
  await t.policy({ methods: ['sms', 'totp'], defaultMethod: 'sms' });
  // The next 30-second step, so the enrolment's own code is not the one a test may use.
  t.clock.advance(30_000);
  return {
    t,
    peer,
    secret,
    ritaId,
    async atVerify(username = 'rita') {
      const screen = t.screen();
      await screen.must('session.login', { username, password: ADMIN_PASSWORD });
      return screen;
    },
    async sendAndRead(screen) {
      const count = peer.messages.filter((m) => m.to === PHONE).length;
      await screen.must('signIn.sendSmsCode', {});
      await peer.waitForMessage(PHONE, count + 1);
      return peer.codeSentTo(PHONE)!;
    },
    async enter(screen, code) {
      for (;;) {
        const answer = await screen.call('signIn.verifySmsCode', { code });
        if (answer.ok || answer.error.code !== 'locked_out') return answer;
        t.clock.advance(Number(answer.error.params?.retryAfterSeconds) * 1000);
      }
    },
    logins: () =>
      (
        t.desk.db
          .prepare(
            `SELECT operator_id, details FROM audit_events WHERE action = 'operator.login' ORDER BY seq`,
          )
          .all() as { operator_id: string | null; details: string }[]
      ).map((row) => ({ operatorId: row.operator_id, ...(JSON.parse(row.details) as object) })),
    async close() {
      await t.close();
      await peer.close();
    },
  };
}
